//! The record-name traits shared by the closed sets (`Label`, `EventType`, `DiagnosticKind`).
//!
//! Each closed set has `ALL` and a `const fn as_str`; its `Display`, `FromStr` and
//! `Serialize` are the same three impls over those two, written once here.

/// Implements `Display`, `FromStr` (over `ALL`, with `$err` made from the unknown name by
/// `$unknown`) and `serde::Serialize` (the name as a string) for a closed set.
macro_rules! record_name_impls {
    ($ty:ty, $err:ty, $unknown:expr) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $err;

            fn from_str(s: &str) -> Result<$ty, $err> {
                <$ty>::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| $unknown(s))
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
