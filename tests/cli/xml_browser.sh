#!/bin/sh
# xml_browser.sh: the browser, driven in tmux, over the 692 real XML motions
# of shared/papers/motions-xml plus the bundled corpus: it opens fast; the
# tree groups the motions by dossier, collapsed, with their counts; l
# expands a dossier into "nr. NNNN — Motie van …" rows in sentence case;
# paging the long tree; Enter opens a motion; } and Enter follow its
# citation, into the cited motion when it is loaded, else a message.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

# in CI the repository is cloned with shared/ beside it
MOTIONS=../shared/papers/motions-xml

if ! command -v tmux >/dev/null 2>&1; then
	skip "all browser checks" "no tmux on this system"
	finish
	exit
fi
if [ ! -d "$MOTIONS" ]; then
	skip "the real motions in the browser" "no folder $MOTIONS (the shared papers are not checked out beside the repository)"
	finish
	exit
fi
. tests/cli/tmux.sh

W=200
H=50

# ---- helpers (as in browser.sh) ----

# the status line (the second row from the bottom), the message line (the
# last row) of $screen
status() {
	tm_row -2
}
message() {
	tm_row -1
}
status_is() {
	case $(status) in " $1 | "*) return 0 ;; esac
	return 1
}
# tree_selected NAME: the tree row shown in reverse video, trailing blanks
# and the pane's border cut, if any
tree_selected() {
	tm_marked "$1" | sed -n 's/^[0-9]* 0 //p' | sed '$d' | sed 's/[ │]*$//'
}
# the rows of the tree (pane 0) of $screen, trailing blanks cut
tree_rows() {
	tm_strip 0 | sed 's/[ ]*$//'
}
# key NAME KEY: a tmux key name; press NAME KEYS: keys typed literally;
# both wait until the screen settles
key() {
	tm_keys "$1" "$2"
	tm_settle "$1"
}
press() {
	tm_type "$1" "$2"
	tm_settle "$1"
}
# keyw NAME KEY TEXT, pressw NAME KEYS TEXT: the same, waiting for TEXT on
# the screen rather than for it to settle
keyw() {
	tm_keys "$1" "$2"
	tm_wait "$1" "$3" 3
}
pressw() {
	tm_type "$1" "$2"
	tm_wait "$1" "$3" 3
}
# tree_until NAME TEXT [MAX]: presses j in the tree until the selected row
# holds TEXT, at most MAX (40) times
tree_until() {
	_k=0
	while [ "$_k" -lt "${3:-40}" ]; do
		case $(tree_selected "$1") in *"$2"*) return 0 ;; esac
		_old=$(tm_attrs "$1")
		tm_type "$1" j
		tm_wait_change "$1" "$_old" 2 || return 1
		_k=$((_k + 1))
	done
	return 1
}
# now: seconds, with hundredths
now() {
	date +%s.%N | cut -c1-13
}
elapsed() {
	echo "$1 $(now)" | awk '{ printf "%.2f", $2 - $1 }'
}

# ---- what the markup says, by an independent reader ----

# per dossier: DOSSIER<TAB>TITLE<TAB>COUNT<TAB>numbers in order, and the
# motions: FILE<TAB>ID<TAB>DOSSIER<TAB>NUMBER<TAB>TITLE
cat >"$WORK/markup.py" <<'EOF'
import os, re, sys
import xml.etree.ElementTree as ET

def norm(s):
    return re.sub(r"[ \t\r\n]+", " ", s or "").strip()

folder = sys.argv[2]
rows = []
for f in os.listdir(folder):
    if not f.endswith(".xml"):
        continue
    ks = ET.parse(os.path.join(folder, f)).getroot().find("kamerstuk")
    rows.append((f[:-4], norm("".join(ks.find("dossier/dossiernummer").itertext())),
                 norm("".join(ks.find("dossier/titel").itertext())),
                 norm("".join(ks.find("stuk/stuknr/ondernummer").itertext())),
                 norm("".join(ks.find("stuk/titel").itertext()))))
rows.sort(key=lambda r: (r[1], int(r[3]) if r[3].isdigit() else 0))
if sys.argv[1] == "dossiers":
    by = {}
    for r in rows:
        by.setdefault((r[1], r[2]), []).append(r[3])
    for (d, t), nrs in sorted(by.items()):
        print("%s\t%s\t%d\t%s" % (d, t, len(nrs), " ".join(nrs)))
else:
    for r in rows:
        print("\t".join(r))
EOF
"$PY" "$WORK/markup.py" dossiers "$MOTIONS" >"$WORK/dossiers.tsv"
"$PY" "$WORK/markup.py" motions "$MOTIONS" >"$WORK/motions.tsv"
tab=$(printf '\t')
# numbers DOSSIER: the numbers of its motions, in order, one a line
numbers() {
	awk -F '\t' -v d="$1" '$1 == d { gsub(/ /, "\n", $4); print $4 }' "$WORK/dossiers.tsv"
}

# ---- load ----

start=$(now)
run "$LK" load assets/corpus "$MOTIONS"
eq "load: exit 0" "$rc" 0
eq "load: the motions and the corpus's files added" "$(printf '%s\n' "$out" | grep -c '^added ')" \
    "$(($(ls "$MOTIONS"/*.xml | wc -l) + $(ls assets/corpus/*.txt | wc -l)))"
echo "load: $(elapsed "$start") s" >&2
"$LK" docs --json >"$WORK/docs.json"
ndocs=$(pj "$WORK/docs.json" 'len(d)')
eq "load: 692 motions among the documents" \
    "$(pj "$WORK/docs.json" 'sum(1 for x in d if x["type"] == "Motie" or x["title"].startswith(("MOTIE", "GEWIJZIGDE MOTIE")))')" 692

# ---- 1. it opens fast, the dossiers grouped and collapsed ----

start=$(now)
tm_start b "$W" "$H"
ok "1 opens with $ndocs documents within 3 s" tm_wait b "$ndocs documents" 3
echo "browser up: $(elapsed "$start") s (tmux start included)" >&2
tm_settle b
has "1 no document open: the reader says how to open one" "$(tm_strip 1)" "Shift-Tab to the tree"
# as that message says, Shift-Tab goes to the tree
key b BTab
ok "1 no document open: one Shift-Tab, as the message says, focuses the tree" \
    test -n "$(tree_selected b)"
n=0
while [ "$n" -lt 3 ] && [ -z "$(tree_selected b)" ]; do
	key b Tab
	n=$((n + 1))
done
ok "1 Tab reaches the tree" test -n "$(tree_selected b)"
# the tree zoomed: whole labels
press b z
tree=$(tree_rows)
printf '%s\n' "$tree" >"$WORK/tree0.txt"
while IFS=$tab read -r d title count nrs; do
	if [ "$count" -ge 2 ]; then
		eq "1 $d: a dossier row with its title and count, collapsed" \
		    "$(grep -Fx -c "+ $d $title ($count)" "$WORK/tree0.txt")" 1
	else
		# one motion: a document row of its own
		eq "1 $d: one motion, no dossier row" "$(grep -c "^. $d .*(1)\$" "$WORK/tree0.txt")" 0
		eq "1 $d: one motion, a row of its own" "$(grep -F -c "($d, nr. $nrs)" "$WORK/tree0.txt")" 1
	fi
done <"$WORK/dossiers.tsv"
eq "1 collapsed: no motion rows" "$(grep -c '^ *[+-]* *nr\. ' "$WORK/tree0.txt")" 0
eq "1 the dossiers and documents, one a row" "$(lines "$tree")" \
    "$(($(awk -F '\t' '$3 >= 2' "$WORK/dossiers.tsv" | wc -l) + ndocs - $(awk -F '\t' '$3 >= 2 { n += $3 } END { print n + 0 }' "$WORK/dossiers.tsv")))"
last=$(printf '%s\n' "$tree" | tail -n 1)

# ---- 2. l expands 21 501-20 ----

D=21\ 501-20
DT=$(awk -F '\t' -v d="$D" '$1 == d { print $2 }' "$WORK/dossiers.tsv")
DN=$(awk -F '\t' -v d="$D" '$1 == d { print $3 }' "$WORK/dossiers.tsv")
# to it: the tree starts at the first row; move down and back up
press b G
eq "2 G: the last row" "$(tree_selected b)" "$last"
press b g
tree_until b "$D $DT ($DN)"
eq "2 the dossier row selected" "$(tree_selected b)" "+ $D $DT ($DN)"
start=$(now)
old=$(tm_attrs b)
tm_type b l
tm_wait_change b "$old" 2
tm_settle b
echo "expanding $DN rows: $(elapsed "$start") s" >&2
eq "2 l: the dossier row open" "$(tree_selected b)" "- $D $DT ($DN)"
tree=$(tree_rows)
printf '%s\n' "$tree" >"$WORK/tree1.txt"
# the rows below it: its first motions, in order, "nr. NNNN — Motie van …"
sed -n "/^- $D /,\$p" "$WORK/tree1.txt" | sed 1d >"$WORK/kids.txt"
nk=$(lines "$(cat "$WORK/kids.txt")")
eq "2 l: the screen full of its motions (rows below the dossier row)" "$nk" $((H - 3))
eq "2 l: its first motions, by number" \
    "$(sed -n 's/^  + nr\. \([0-9]*\) — .*/\1/p' "$WORK/kids.txt")" "$(numbers "$D" | head -n "$nk")"
eq "2 l: nr. 1978 in sentence case" "$(sed -n 1p "$WORK/kids.txt")" \
    "  + nr. 1978 — Motie van de leden Tuinman en Van Campen"
# each one: its title as the markup has it, sentence case (same letters,
# not in capitals, "Motie"/"Gewijzigde motie" first)
cat >"$WORK/case.py" <<'EOF'
import re, sys
titles = {}
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[1] == sys.argv[3]:
        titles[f[3]] = f[4]
for row in open(sys.argv[2], encoding="utf-8"):
    m = re.match(r"^  \+ nr\. (\d+) \u2014 (.*)$", row.rstrip("\n"))
    if not m:
        print("not a motion row: %r" % row)
        continue
    nr, label = m.groups()
    want = titles.get(nr, "")
    ok = label.lower() == want.lower() and label != want and \
        re.match(r"^(Motie|Gewijzigde motie|Nader gewijzigde motie) ", label)
    if not ok:
        print("nr. %s: %r for %r" % (nr, label, want))
EOF
eq "2 l: each motion's title, in sentence case (the ones that are not)" \
    "$("$PY" "$WORK/case.py" "$WORK/motions.tsv" "$WORK/kids.txt" "$D" 2>&1)" ""
eq "2 l: its rows are collapsed motions" "$(grep -c '^  + nr\. ' "$WORK/kids.txt")" "$nk"

# ---- 3. paging the tree ----

# from the dossier row at the top, a page down selects the row after the
# last one shown, and shows it
lastnr=$(sed -n '$s/^  + nr\. \([0-9]*\) — .*/\1/p' "$WORK/kids.txt")
next=$(numbers "$D" | grep -A1 -x "$lastnr" | sed -n 2p)
key b NPage
has "3 PgDn: the row after the last one shown" "$(tree_selected b)" "  + nr. $next — "
tree=$(tree_rows)
has "3 PgDn: it is on the screen" "$tree" "  + nr. $next — "
hasnt "3 PgDn: the tree scrolled" "$tree" "- $D $DT ($DN)"
press b ' '
has "3 Space: another page down" "$(tree_selected b)" \
    "  + nr. $(numbers "$D" | grep -A"$((H - 2))" -x "$next" | tail -n 1) — "
key b PPage
key b PPage
eq "3 PgUp twice: back to the dossier row" "$(tree_selected b)" "- $D $DT ($DN)"
has "3 PgUp twice: on the screen again" "$(tree_rows)" "- $D $DT ($DN)"
start=$(now)
press b G
eq "3 G: the last row, past the $DN motions" "$(tree_selected b)" "$last"
has "3 G: on the screen" "$(tree_rows)" "$last"
press b b
ok "3 b: a page up from the end, in the dossier's motions" \
    test -n "$(tree_selected b | grep '^  + nr\. ')"
echo "paging: $(elapsed "$start") s" >&2
press b g
eq "3 g: the first row" "$(tree_selected b)" "- $D $DT ($DN)"

# ---- 4. Enter opens a motion; its citation not in the corpus ----

press b j
eq "4 j: the dossier's first motion" "$(tree_selected b)" \
    "  + nr. 1978 — Motie van de leden Tuinman en Van Campen"
press b z	# the reader back
keyw b Enter " kst-21501-20-1978 | "
ok "4 Enter: the status line shows its id" status_is kst-21501-20-1978
has "4 Enter: the reader shows it" "$(tm_strip 1)" "gehoord de beraadslaging,"
pressw b '}' "not in the corpus"
has "4 }: the citation selected" "$(message)" "21 501-02, nr. 2790 (not in the corpus)"
key b Tab	# from the tree to the reader
keyw b Enter "is not in the corpus"
has "4 Enter: not in the corpus, says the message" "$(message)" \
    "21 501-02, nr. 2790 is not in the corpus"
ok "4 Enter: still on the motion" status_is kst-21501-20-1978

# ---- 5. a citation into a loaded motion: 36 180, nr. 151 cites nr. 111 ----

D=36\ 180
DT=$(awk -F '\t' -v d="$D" '$1 == d { print $2 }' "$WORK/dossiers.tsv")
DN=$(awk -F '\t' -v d="$D" '$1 == d { print $3 }' "$WORK/dossiers.tsv")
key b BTab	# back to the tree
press b g
press b h	# 21 501-20 closed again
eq "5 h: 21 501-20 collapsed" "$(tree_selected b)" "+ 21 501-20 Europese Raad ($(awk -F '\t' '$1 == "21 501-20" { print $3 }' "$WORK/dossiers.tsv"))"
# its row, as in the collapsed tree at the start: a count and j
k=$(grep -n "^+ $D " "$WORK/tree0.txt" | cut -d: -f1)
press b "$((k - 1))j"
has "5 $((k - 1))j: the 36 180 row" "$(tree_selected b)" "+ $D "
press b l
has "5 l: open" "$(tree_selected b)" "- $D "
i=$(numbers "$D" | grep -n -x 151 | cut -d: -f1)
press b "${i}j"
has "5 ${i}j: nr. 151" "$(tree_selected b)" "+ nr. 151 — Motie van "
keyw b Enter " kst-36180-151 | "
ok "5 Enter: the status line shows kst-36180-151" status_is kst-36180-151
pressw b '}' "Enter follows it"
has "5 }: the citation selected, in the corpus" "$(message)" "36 180, nr. 111 — Enter follows it"
key b Tab
keyw b Enter " kst-36180-111 | "
ok "5 Enter: follows it into kst-36180-111" status_is kst-36180-111
has "5 Enter: the message names it" "$(message)" \
    "$(awk -F '\t' '$2 == "kst-36180-111" { print $5 }' "$WORK/motions.tsv" | cut -c1-30)"
has "5 Enter: the reader shows it" "$(tm_strip 1)" "gehoord de beraadslaging,"
key b BTab
tree=$(tree_rows)
has "5 the tree shows the cited motion" "$tree" "nr. 111 — Motie van"

# ---- 6. again: it reopens on the last motion, fast ----

tm_type b q
eq "6 q: exit 0" "$(tm_exited b)" 0
start=$(now)
tm_start b "$W" "$H"
ok "6 reopens on kst-36180-111 within 3 s" tm_wait b " kst-36180-111 | " 3
echo "reopened: $(elapsed "$start") s" >&2
tm_type b q
eq "6 q: exit 0 again" "$(tm_exited b)" 0

finish
