#!/bin/sh
# search_browser.sh: searching in the browser, in tmux: the corpus search's
# results list, jumping, n to the next hit in another document and back to
# the list; in-document search with highlight, wrap-around and smartcase;
# a common word's first screen while it is ranked, and the final ranking.
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

# A common word: the first screen at once, marked as still ranking, then
# the final ranking, which is the command line's. 80 papers of 200
# sections of one paragraph, the word in most, so each hit has a title
# line of its own; ranked a row a slice (LEESKAMER_RANK_SLICE=1) so the
# ranking lasts long enough to be watched.
$PY - "$WORK/big" <<'PY'
import os, random, sys
r = random.Random(8)
words = ("beleid kabinet minister verdrag grens handel veiligheid steun regio"
    " overleg rapport begroting raad motie bijdrage inzet water vrede").split()
os.makedirs(sys.argv[1])
for d in range(80):
    out = ["Rangbrief %d" % d, ""]
    for s in range(200):
        # the last papers have the best passages: they come last in the
        # ranking's scan and go before those of the first screen
        best = d >= 70 and s < 5
        k = 3 if best else r.randint(1, 2) if r.random() < 0.85 else 0
        w = ["gemeen" if 0 < i <= k else r.choice(words)
            for i in range(r.randint(6, 10) if best else r.randint(6, 60))]
        out += ["%d. Over %s" % (s + 1, r.choice(words)), "",
            "De " + " ".join(w) + ".", ""]
    with open("%s/rang-%02d.txt" % (sys.argv[1], d), "w") as f:
        f.write("\n".join(out))
    with open("%s/rang-%02d.meta" % (sys.argv[1], d), "w") as f:
        f.write("id: rang-%d\ntitle: Rangbrief %d\n" % (d, d))
PY
$LK load "$WORK/big" >/dev/null 2>&1
# the selected result: its title line and the snippet line below it
selected() {
	_row=$(tm_marked "$1" | awk '$1 > 1 && $1 < 38 && $2 > 30 { print $1; exit }')
	[ -n "$_row" ] && tm_strip 1 | sed -n "$((_row + 1)),$((_row + 2))p"
}
# the list's title lines, as the pane shows them
titles() {
	tm_strip 1 | awk 'NR > 2 && (NR - 3) % 3 == 0 && $0 != "" { sub(/^ +/, ""); print }'
}
tm_start s3 160 40 LEESKAMER_RANK_SLICE=1 -- rang-1
tm_wait s3 "rang-1 |"
key s3 s
tm_type s3 "gemeen"
tm_keys s3 Enter
ok "common word: a first screen while ranking" tm_wait s3 "(ranking"
has "common word: the first screen has results" "$screen" "200 results for gemeen"
has "common word: the first screen has hits" "$(titles)" "Rangbrief"
# the reader moves the selection: it stays on its passage as the ranking
# goes on and better ones come before it
tm_keys s3 j j
sleep 0.5
tm_grab s3
sel=$(selected s3)
ok "common word: a result selected" test -n "$sel"
ok "common word: the ranking ends" tm_wait_gone s3 "(ranking" 60
has "common word: the message says so" "$(message)" "ranked"
tm_grab s3
eq "common word: the selected hit is still selected" "$(selected s3)" "$sel"
key s3 g
n=$(titles | wc -l)
want=$($LK search gemeen --limit 200 --json | $PY -c '
import json, sys
for h in json.load(sys.stdin)[:int(sys.argv[1])]:
    print(h["title"] + ("  \u00a7 " + h["section"] if h["section"] else "") +
        ("  p. %d" % h["page"] if h["page"] else ""))' "$n")
ok "common word: a screenful of results" test "$n" -ge 10
eq "common word: the final order is the command line's" "$(titles)" "$want"
tm_kill s3
finish
