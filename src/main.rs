//! The `wikianno` command: turns flags into library objects and exit codes.

mod allocator;
mod cli;

fn main() {
    std::process::exit(cli::run());
}
