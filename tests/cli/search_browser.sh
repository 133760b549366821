#!/bin/sh
# search_browser.sh: searching in the browser, in tmux: the corpus search's
# results list, jumping, n to the next hit in another document and back to
# the list; in-document search with highlight, wrap-around and smartcase.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/cli/tmux.sh

$LK load assets/corpus >/dev/null 2>&1

status() { tm_row -2; }
message() { tm_row -1; }
key() { tm_keys "$1" "$2"; tm_settle "$1"; }
type_line() { tm_type "$1" "$2"; tm_keys "$1" Enter; tm_settle "$1"; }
# the document id on the status line of $screen
doc_shown() { status | sed 's/^ \([^ ]*\) |.*/\1/'; }

tm_start s1 160 40 -- kst-35925-V-84
tm_wait s1 "kst-35925-V-84 |"

# corpus search
key s1 s
type_line s1 "sancties rusland"
has "corpus: the results list" "$screen" "results for sancties rusland"
n=$($LK search "sancties rusland" --json | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))')
has "corpus: as many results as the command line finds" "$screen" "$n results for"
first=$($LK search "sancties rusland" --json | $PY -c 'import json,sys; r = json.load(sys.stdin); print(r[0]["doc"], r[1]["doc"])')
key s1 Enter
eq "corpus: Enter opens the first result's document" "$(doc_shown)" "${first%% *}"
has "corpus: which result it is" "$(message)" "Result 1 of $n"
key s1 n
eq "corpus: n opens the next result, in another document" "$(doc_shown)" "${first#* }"
has "corpus: n says which" "$(message)" "Result 2 of $n"
key s1 BSpace
has "corpus: Backspace returns to the list" "$screen" "results for sancties rusland"
key s1 F
eq "corpus: F goes forward to the passage again" "$(doc_shown)" "${first#* }"

# in-document search
tm_kill s1
tm_start s2 160 40 -- kst-35925-V-84
tm_wait s2 "kst-35925-V-84 |"
key s2 g
key s2 /
tm_type s2 "jalta"
tm_settle s2
has "incremental: the match is on screen while typing" "$screen" "Jalta"
tm_keys s2 Enter
tm_settle s2
# the match is highlighted: an attribute starts right before it
hl=$(tm_attrs s2 | grep -c "$(printf '\033')\[[0-9;]*mJalta")
ok "highlight: the matches are set off" test "$hl" -ge 1
before=$(status)
key s2 n
key s2 n
has "wrap-around: n past the last match says so" "$(message)" "went on from the start"
# smartcase: a capital makes the search match case
key s2 /
type_line s2 "JALTA"
has "smartcase: JALTA does not match Jalta" "$(message)" "Not found: JALTA"
key s2 /
type_line s2 "Jalta"
hasnt "smartcase: Jalta matches" "$(message)" "Not found"
# diacritics: oekraine finds Oekraïne
key s2 /
type_line s2 "oekraine"
hasnt "folding: oekraine finds Oekraïne" "$(message)" "Not found"
has "folding: Oekraïne is on screen" "$screen" "Oekraïne"
tm_kill s2
finish
