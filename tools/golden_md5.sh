#!/bin/bash
# Byte-identity check for a change meant to leave the output alone (speed work, refactors):
# md5 of the NDJSON of the corpus and of the dump samples in ../shared/data, with and without an
# index built from those samples, and of the corpus's JSON-LD and TimeML.
# Usage, from the repository root after `cargo build --release`, before and after the change:
#   bash tools/golden_md5.sh > /tmp/before.md5   (before the change)
#   bash tools/golden_md5.sh > /tmp/after.md5 && diff /tmp/before.md5 /tmp/after.md5
# From a checkout that is not beside ../shared (a git worktree elsewhere), name the data folder:
#   WIKIANNO_DATA=/work/shared/data bash tools/golden_md5.sh
set -e
B=./target/release/wikianno
D=${WIKIANNO_DATA:-../shared/data}
# Without the samples every md5 would be of an empty file: say so instead.
if [ ! -d "$D/enwiki-dump-sample-gensim" ]; then
  echo "golden_md5.sh: no dump samples under $D (set WIKIANNO_DATA to the data folder)" >&2
  exit 2
fi
T=$(mktemp -d)
# The index depends only on the samples and the index format: built once per checkout.
IDX=/tmp/golden-index-$(basename "$PWD")
if [ ! -d "$IDX" ]; then
  $B index $D/enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2 \
     $D/dbpedia-minidump-en/enwiki-minidump.xml.bz2 $D/enwiki-more-samples/enwiki-10k.xml.bz2 -o "$IDX" >/dev/null 2>&1
fi
for f in corpus \
  $D/enwiki-dump-sample-gensim/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2 \
  $D/enwiki-dump-sample-gensim/enwiki-table-markup.xml.bz2 \
  $D/dbpedia-minidump-en/enwiki-minidump.xml.bz2 \
  $D/enwiki-more-samples/enwiki-10k.xml.bz2 \
  $D/enwiki-more-samples/simplewiki.xml.bz2; do
  $B annotate -j 2 "$f" -o $T/a.ndjson 2>/dev/null; echo "$(md5sum < $T/a.ndjson | cut -c1-32) ndjson $f"
  $B annotate -j 2 --index "$IDX" "$f" -o $T/b.ndjson 2>/dev/null; echo "$(md5sum < $T/b.ndjson | cut -c1-32) ndjson+index $f"
done
$B annotate -j 2 --format jsonld corpus > $T/c.jsonl 2>/dev/null; echo "$(md5sum < $T/c.jsonl | cut -c1-32) jsonld corpus"
$B annotate -j 2 --format timeml corpus > $T/d.tml 2>/dev/null; echo "$(md5sum < $T/d.tml | cut -c1-32) timeml corpus"
rm -rf $T
