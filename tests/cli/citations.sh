#!/bin/sh
# citations.sh: the loader finds exactly the citations listed by hand in
# tests/data/citations.tsv for the bundled corpus: none missed, none extra.
. tests/cli/lib.sh

$LK load assets/corpus >/dev/null 2>&1
ok "load the bundled corpus" test $? -eq 0
tsv=tests/data/citations.tsv
for stem in $(cut -f1 "$tsv" | sed 1d | sort -u) 000_7e2e364aaab469e1 001_13ffe909e0d1cc07; do
	want=$(awk -F'\t' -v s="$stem" 'NR > 1 && $1 == s { print $2 " " $3 }' "$tsv" | sort)
	# the citations stored for the file's own paragraphs and notes
	got=$($LK cites "$stem" --json | $PY -c '
import json, sys
for c in json.load(sys.stdin):
    print(c["kind"], c["id"])' | sort)
	eq "citations of $stem" "$got" "$want"
done
finish
