#!/bin/sh
# bookmarks_survival.sh: bookmarks outlive what happens to the papers and
# the index: loading the same files again, a corrected version of a paper
# (a passage moved to another page, a passage deleted), deleting index.db,
# two writers and a load at the same time; a corrupt or unreadable user.db
# is reported and left alone; the Markdown export against a golden file.
#
# LK_UPDATE_GOLDEN=1 rewrites tests/data/bookmarks/export.md from this run:
# read the diff by eye before keeping it.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

BK="$LK bookmarks"
VZ=kst-35925-V-84				# the Beleidsbrief, pp. 1-18
CA=kst-35788-77					# the Coalitieakkoord
JV=kst-36360-V-1				# the Jaarverslag, two parts
IVS=internationale-veiligheidsstrategie-2026-2030	# no Kamerstuk
KR=kabinetsreactie-aiv-geopolitieke-tijdschok	# no Kamerstuk
VZFILE=002_117d03dec8eb1697			# the Beleidsbrief's file
GOLDEN=tests/data/bookmarks/export.md
HOME0=$LEESKAMER_HOME	# lib.sh removes $LEESKAMER_HOME at exit: set back at the end

# js NAME ARGS...: runs leeskamer ARGS, stdout to $WORK/NAME.json, $rc set
js() {
	_f=$1
	shift
	"$LK" "$@" >"$WORK/$_f.json" 2>"$WORK/$_f.err"
	rc=$?
}
# mark NAME ID EXPR: EXPR with x = bookmark ID of $WORK/NAME.json
mark() {
	pj "$WORK/$1.json" "(lambda x: $3)([x for x in d if x['id'] == $2][0])"
}
# where NAME: [id, paragraph, last_paragraph, start, end, page, orphaned]
# of each bookmark in $WORK/NAME.json, in the listed order
where() {
	pj "$WORK/$1.json" '[[x["id"], x["paragraph"], x["last_paragraph"], x["start"], x["end"], x["page"], x["orphaned"]] for x in d]'
}
# para FILE N: the text of paragraph N in show --json output FILE
para() {
	pj "$1" "[p['text'] for p in d['paragraphs'] if p['id'] == $2][0]"
}
# at_text NAME SHOW: for each bookmark of $WORK/NAME.json that is not
# orphaned, whether its quote is the text of its paragraphs (or of its
# character range) in $WORK/SHOW.json
at_text() {
	"$PY" - "$WORK/$1.json" "$WORK/$2.json" <<'EOF'
import json, sys
marks = json.load(open(sys.argv[1], encoding="utf-8"))
show = json.load(open(sys.argv[2], encoding="utf-8"))
t = {p["id"]: p["text"] for p in show["paragraphs"]}
r = []
for x in marks:
    if x["orphaned"]:
        continue
    if x["start"] is not None:
        got = t[x["paragraph"]][x["start"]:x["end"]]
    else:
        got = "\n\n".join(t[i] for i in range(x["paragraph"], x["last_paragraph"] + 1))
    r.append([x["id"], got == x["quote"]])
print(json.dumps(r))
EOF
}
# rmindex: deletes index.db of $LEESKAMER_HOME
rmindex() {
	rm -f "$LEESKAMER_HOME/index.db" "$LEESKAMER_HOME/index.db-wal" \
	    "$LEESKAMER_HOME/index.db-shm"
}

# ---- the bundled corpus, with bookmarks in every paper ----------------
run "$LK" load assets/corpus
eq "corpus: load, exit 0" "$rc" 0
n=0
for a in "$VZ 105 --note postennet --tag postennet --tag begroting" \
    "$VZ 107:28-35" "$VZ 105-107 --tag passage" "$VZ 2" "$CA 40-41 --tag akkoord" \
    "$JV 12" "$IVS 22 --note Wereldorde" "$KR 9 --tag steun"; do
	# shellcheck disable=SC2086
	$BK add $a >/dev/null 2>&1 && n=$((n + 1))
done
eq "corpus: eight bookmarks added" "$n" 8
js b0 bookmarks --json
W0=$(where b0)
eq "corpus: as added: where each is" "$W0" \
	'[[7, 22, 22, null, null, null, false], [8, 9, 9, null, null, 2, false], [5, 40, 41, null, null, null, false], [4, 2, 2, null, null, 1, false], [1, 105, 105, null, null, 17, false], [3, 105, 107, null, null, 17, false], [2, 107, 107, 28, 35, 18, false], [6, 12, 12, null, null, 19, false]]'
"$LK" show $VZ --json >"$WORK/vz.json"
eq "corpus: the range quotes its characters" "$(mark b0 2 'x["quote"]')" "plannen"

# ---- loading the same files again changes nothing ------------------
sum0=$(cksum <"$LEESKAMER_HOME/user.db")
run "$LK" load assets/corpus
eq "reload unchanged: exit 0" "$rc" 0
eq "reload unchanged: every file unchanged" "$(printf '%s\n' "$out" | grep -c '^unchanged ')" 6
hasnt "reload unchanged: nothing updated" "$out" "updated"
js b1 bookmarks --json
ok "reload unchanged: the same bookmarks, byte for byte" cmp -s "$WORK/b0.json" "$WORK/b1.json"
eq "reload unchanged: where each is" "$(where b1)" "$W0"
# one file named on its own, and the folder once more
run "$LK" load "assets/corpus/$VZFILE.txt"
has "reload one file: unchanged" "$out" "unchanged"
run "$LK" load assets/corpus
js b2 bookmarks --json
ok "reload twice more: the same bookmarks" cmp -s "$WORK/b0.json" "$WORK/b2.json"
eq "reload unchanged: user.db not written" "$(cksum <"$LEESKAMER_HOME/user.db")" "$sum0"

# ---- deleting index.db and loading again ---------------------------
rmindex
run "$LK" load assets/corpus
eq "index.db deleted: load, exit 0" "$rc" 0
eq "index.db deleted: every file added again" "$(printf '%s\n' "$out" | grep -c '^added ')" 6
js b3 bookmarks --json
eq "index.db deleted: where each is, as before" "$(where b3)" "$W0"
ok "index.db deleted: the same bookmarks, byte for byte" cmp -s "$WORK/b0.json" "$WORK/b3.json"
"$LK" show $VZ --json >"$WORK/vz3.json"
eq "index.db deleted: each quote is still its paragraph's text" \
	"$(at_text b3 vz3 | "$PY" -c 'import json, sys; print(all(ok for i, ok in json.load(sys.stdin) if i in (1, 2, 3, 4)))')" True
# a bookmark added after the rebuild gets a new id, not an old one
run $BK add $VZ 20
eq "index.db deleted: the next id is 9" "$out" 9
run $BK rm 9

# ---- the Markdown export, against a golden file --------------------
# Bookmarks with fixed notes and tags, added in a fresh home: quotes of a
# whole paragraph, a character range, paragraphs across a page break, the
# front matter (no section), a numbered section, a paper without pages,
# papers without a Kamerstuk id (the title, no URL), and one deleted.
LEESKAMER_HOME=$WORK/home-md
export LEESKAMER_HOME
"$LK" load assets/corpus >/dev/null 2>&1
$BK add $VZ 105 --note "Het postennet moet sterker – zie ook Oekraïne." \
    --tag postennet --tag begroting >/dev/null
$BK add "35 925 V, nr. 84" 107:28-35 --note "Welke plannen precies?" >/dev/null
$BK add $VZ 105-107 --tag postennet >/dev/null
$BK add $VZ 2 --note "De datum van de brief." >/dev/null
$BK add $JV 12 --note "EU- en NAVO-kaders" >/dev/null
$BK add $CA 42-43 --tag akkoord --tag rechtsstaat >/dev/null
$BK add $IVS 22 --note "Wereldorde
op twee regels" --tag strategie >/dev/null
$BK add $KR 9 --tag steun --tag oekraïne >/dev/null
$BK add $VZ 3 --note "Deze is verwijderd." --tag weg >/dev/null
run $BK rm 9
eq "export md: nine added, the ninth removed" "$rc" 0
run $BK export --format md
eq "export md: exit 0" "$rc" 0
printf '%s\n' "$out" >"$WORK/export.md"
# the creation timestamps vary: each, and its date alone, to a placeholder
js md bookmarks --json
pj "$WORK/md.json" '"\n".join(sorted(set(x["created"] for x in d)))' >"$WORK/created"
eq "export md: the creation timestamps are ISO 8601 UTC" \
	"$(grep -cvE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' "$WORK/created")" 0
while read -r ts; do
	[ -n "$ts" ] || continue
	day=${ts%%T*}
	sed -e "s/$ts/YYYY-MM-DDTHH:MM:SSZ/g" -e "s/$day/YYYY-MM-DD/g" \
	    "$WORK/export.md" >"$WORK/export.tmp" && mv "$WORK/export.tmp" "$WORK/export.md"
done <"$WORK/created"
if [ -n "$LK_UPDATE_GOLDEN" ]; then
	mkdir -p "$(dirname "$GOLDEN")"
	cp "$WORK/export.md" "$GOLDEN"
	echo "$SUITE: wrote $GOLDEN" >&2
fi
if cmp -s "$GOLDEN" "$WORK/export.md"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL $SUITE: export md: differs from $GOLDEN:" >&2
	diff -u "$GOLDEN" "$WORK/export.md" | head -40 >&2
fi
md=$(cat "$WORK/export.md")
# what the golden file holds, each part on its own (a failure here names it)
eq "export md: a heading for each bookmark kept" "$(printf '%s\n' "$md" | grep -c '^## ')" 8
has "export md: the quoted passage" "$md" "
> Om in de komende kabinetsperiode de belangen van Nederland, Nederlandse burgers en ondernemers wereldwijd nog beter te bevorderen, is een veilig en sterk postennet."
has "export md: the citation line" "$md" "
Kamerstuk 35 925 V, nr. 84, p. 17, § Postennet
"
has "export md: the citation of a character range" "$md" "
> plannen

Kamerstuk 35 925 V, nr. 84, p. 18, § Postennet
"
has "export md: the citation of paragraphs across a page break" "$md" "
Kamerstuk 35 925 V, nr. 84, p. 17–18, § Postennet
"
has "export md: the front matter: no section" "$md" "
> Den Haag, 8 maart 2022

Kamerstuk 35 925 V, nr. 84, p. 1
"
has "export md: a numbered section" "$md" "
Kamerstuk 36 360 V, nr. 1, p. 19, § 2 Verdedigen van Nederland met een effectieve en moderne aanpak
"
has "export md: no page known: none cited" "$md" "
Kamerstuk 35 788, nr. 77, § Relatie burger-overheid
"
has "export md: no Kamerstuk id: the title" "$md" "
Kabinetsreactie op het AIV-advies «De Oekraïne-oorlog als geopolitieke tijdschok», p. 2, § Militaire, economische en humanitaire steun
"
has "export md: the note" "$md" "Het postennet moet sterker – zie ook Oekraïne."
has "export md: the tags" "$md" "postennet, begroting"
has "export md: the official URL" "$md" "https://zoek.officielebekendmakingen.nl/kst-35925-V-84.html"
has "export md: the official URL of the Jaarverslag" "$md" "https://zoek.officielebekendmakingen.nl/kst-36360-V-1.html"
eq "export md: a URL for each bookmark in a paper with a Kamerstuk id" \
	"$(printf '%s\n' "$md" | grep -c 'https://zoek\.officielebekendmakingen\.nl/kst-')" 6
hasnt "export md: no URL for a paper without a Kamerstuk id" "$md" "officielebekendmakingen.nl/kabinetsreactie"
hasnt "export md: the removed bookmark left out" "$md" "Deze is verwijderd."
# the parts of one bookmark come in the issue's order: quote, citation,
# URL, note
eq "export md: one bookmark's parts in order" "$(printf '%s\n' "$md" | "$PY" -c '
import sys
t = sys.stdin.read()
b = t[t.index("> Den Haag, 8 maart 2022"):]
b = b.split("\n## ")[0]
at = [b.find(s) for s in ("> Den Haag", "\nKamerstuk 35 925 V", "\n<https://", "De datum van de brief.")]
print(at, -1 not in at and at == sorted(at))' | sed 's/.* //')" True

# ---- a corrected version of a paper --------------------------------
LEESKAMER_HOME=$WORK/home-ed
export LEESKAMER_HOME
mkdir -p "$WORK/ed"
cp "assets/corpus/$VZFILE.txt" "assets/corpus/$VZFILE.meta" "$WORK/ed/"
chmod u+w "$WORK/ed/"*		# the corpus's files may be read-only
ED=$WORK/ed/$VZFILE.txt
run "$LK" load "$ED"
eq "corrected: first load, exit 0" "$rc" 0
"$LK" show $VZ --json >"$WORK/e0show.json"
eq "corrected: paragraph 106 starts page 17's last paragraph" \
	"$(pj "$WORK/e0show.json" '[[p["id"], p["page"], p["text"][:25]] for p in d["paragraphs"] if p["id"] in (105, 106, 107)]')" \
	'[[105, 17, "Om in de komende kabinets"], [106, 17, "Concreet betekent dit ond"], [107, 18, "Over de uitwerking van de"]]'
P106=$(para "$WORK/e0show.json" 106)
P109=$(para "$WORK/e0show.json" 109)
a=$($BK add $VZ 20 --tag ver)		# far before every edit
b=$($BK add $VZ 105 --tag voor)		# just before the moved one, stays on p. 17
c=$($BK add $VZ 106 --note "verhuist")	# moves to p. 18
d=$($BK add $VZ 109 --tag weg)		# deleted by the second edit
e=$($BK add $VZ 111)			# after everything
f=$($BK add $VZ 107:28-35)		# "plannen"
eq "corrected: six bookmarks" "$a $b $c $d $e $f" "1 2 3 4 5 6"
js e0 bookmarks --json
eq "corrected: as added" "$(where e0)" \
	'[[1, 20, 20, null, null, 5, false], [2, 105, 105, null, null, 17, false], [3, 106, 106, null, null, 17, false], [6, 107, 107, 28, 35, 18, false], [4, 109, 109, null, null, 18, false], [5, 111, 111, null, null, 18, false]]'
# The corrected version: a paragraph added at the end of page 17 pushes
# "Concreet betekent ..." over the page break: page 17's footer now comes
# before it, so it is the first paragraph of page 18.
"$PY" - "$ED" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
foot = "Tweede Kamer, vergaderjaar 2021\u20132022, 35 925 V, nr. 84 17\n"
assert s.count(foot) == 1
s = s.replace("\n" + foot, "", 1)
c = "Concreet betekent dit onder meer"
assert s.count(c) == 1
s = s.replace(c, "Een nieuwe alinea, in de gecorrigeerde versie toegevoegd aan het eind "
    "van de bladzijde. \n\n" + foot + "\n\n\n" + c, 1)
open(p, "w", encoding="utf-8").write(s)
EOF
run "$LK" load "$ED"
eq "corrected, moved to p. 18: load, exit 0" "$rc" 0
has "corrected, moved to p. 18: updated" "$out" "updated"
"$LK" show $VZ --json >"$WORK/e1show.json"
eq "corrected, moved to p. 18: the index has it on p. 18, one further" \
	"$(pj "$WORK/e1show.json" '[[p["id"], p["page"]] for p in d["paragraphs"] if p["text"].startswith("Concreet betekent")]')" \
	'[[107, 18]]'
js e1 bookmarks --json
eq "corrected, moved to p. 18: the bookmark follows, page and all" \
	"$(mark e1 3 '[x["paragraph"], x["last_paragraph"], x["page"], x["section"], x["orphaned"], x["note"]]')" \
	'[107, 107, 18, "s25", false, "verhuist"]'
eq "corrected, moved to p. 18: the same quote" "$(mark e1 3 'x["quote"]')" "$P106"
eq "corrected, moved to p. 18: the others where their text is" "$(where e1)" \
	'[[1, 20, 20, null, null, 5, false], [2, 105, 105, null, null, 17, false], [3, 107, 107, null, null, 18, false], [6, 108, 108, 28, 35, 18, false], [4, 110, 110, null, null, 18, false], [5, 112, 112, null, null, 18, false]]'
eq "corrected, moved to p. 18: every quote is at its place" "$(at_text e1 e1show)" \
	'[[1, true], [2, true], [3, true], [6, true], [4, true], [5, true]]'
run $BK
has "corrected, moved to p. 18: the list says p. 18" "$out" "3  $VZ  ¶ 107  p. 18  § Postennet"
run $BK export
has "corrected, moved to p. 18: the export cites p. 18" "$out" "Kamerstuk 35 925 V, nr. 84, p. 18, § Postennet"

# The next correction deletes the paragraph "De crisisgereedstelling ...".
"$PY" - "$ED" <<'EOF'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s, k = re.subn(r"De crisisgereedstelling van het departement.*?verslag uitbrengen\. \n\n", "",
    s, count=1, flags=re.S)
assert k == 1
open(p, "w", encoding="utf-8").write(s)
EOF
run "$LK" load "$ED"
eq "corrected, deleted: load, exit 0" "$rc" 0
"$LK" show $VZ --json >"$WORK/e2show.json"
js e2 bookmarks --json
eq "corrected, deleted: still listed, orphaned" \
	"$(mark e2 4 '[x["paragraph"], x["last_paragraph"], x["page"], x["orphaned"], x["tags"]]')" \
	'[null, null, null, true, ["weg"]]'
eq "corrected, deleted: still its quote" "$(mark e2 4 'x["quote"]')" "$P109"
eq "corrected, deleted: the others where their text is" \
	"$(pj "$WORK/e2.json" 'sorted([x["id"], x["paragraph"], x["page"], x["orphaned"]] for x in d if x["id"] != 4)')" \
	'[[1, 20, 5, false], [2, 105, 17, false], [3, 107, 18, false], [5, 111, 18, false], [6, 108, 18, false]]'
eq "corrected, deleted: every other quote is at its place" "$(at_text e2 e2show)" \
	'[[1, true], [2, true], [3, true], [6, true], [5, true]]'
run $BK
has "corrected, deleted: the orphan in the list" "$out" "4  $VZ  ¶ ? (orphaned"
has "corrected, deleted: the orphan's quote in the list" "$out" "    De crisisgereedstelling van het departement"
js e2tag bookmarks --json --tag weg
eq "corrected, deleted: found by its tag" "$(pj "$WORK/e2tag.json" '[x["id"] for x in d]')" "[4]"
# and deleting index.db then: the same again
rmindex
run "$LK" load "$ED"
eq "corrected, index.db deleted: load, exit 0" "$rc" 0
js e3 bookmarks --json
ok "corrected, index.db deleted: the same bookmarks, orphan and all" cmp -s "$WORK/e2.json" "$WORK/e3.json"

# ---- two writers and a load at the same time -----------------------
LEESKAMER_HOME=$WORK/home-cc
export LEESKAMER_HOME
mkdir -p "$WORK/cc" "$WORK/cc2"
cp "assets/corpus/$VZFILE.txt" "assets/corpus/$VZFILE.meta" "$WORK/cc/"
chmod u+w "$WORK/cc/"*
cp "$ED" "$WORK/cc2/edited.txt"		# the corrected version, from above
"$LK" load assets/corpus >/dev/null 2>&1
# writer NAME DOC: adds paragraphs 1 to 30 of DOC, noting each exit code
writer() {
	while [ ! -e "$WORK/cc/go" ]; do sleep 0.01; done
	_i=1
	while [ "$_i" -le 30 ]; do
		"$LK" bookmarks add "$2" "$_i" --note "$1 $_i" --tag "$1" \
		    >>"$WORK/cc/$1.out" 2>>"$WORK/cc/$1.err"
		echo "$_i $?" >>"$WORK/cc/$1.rc"
		_i=$((_i + 1))
	done
}
# loader: loads the Beleidsbrief, as corrected and as it was, by turns,
# until the writers are done (the writers add to it meanwhile)
loader() {
	while [ ! -e "$WORK/cc/go" ]; do sleep 0.01; done
	_n=0
	while [ ! -e "$WORK/cc/stop" ] || [ "$_n" -lt 2 ]; do
		_n=$((_n + 1))
		if [ $((_n % 2)) = 1 ]; then
			cp "$WORK/cc2/edited.txt" "$WORK/cc/$VZFILE.txt"
		else
			cp "assets/corpus/$VZFILE.txt" "$WORK/cc/$VZFILE.txt"
		fi
		"$LK" load "$WORK/cc/$VZFILE.txt" >>"$WORK/cc/load.out" 2>>"$WORK/cc/load.err"
		echo "$_n $?" >>"$WORK/cc/load.rc"
	done
}
loader &
lpid=$!
writer A $CA &
apid=$!
writer B $VZ &
bpid=$!
touch "$WORK/cc/go"
wait "$apid"
wait "$bpid"
touch "$WORK/cc/stop"
wait "$lpid"
eq "two writers: A's 30 adds all exit 0" "$(grep -vc ' 0$' "$WORK/cc/A.rc"; grep -c ' 0$' "$WORK/cc/A.rc")" "0
30"
eq "two writers: B's 30 adds all exit 0" "$(grep -vc ' 0$' "$WORK/cc/B.rc"; grep -c ' 0$' "$WORK/cc/B.rc")" "0
30"
eq "two writers: the loads all exit 0" "$(grep -vc ' 0$' "$WORK/cc/load.rc")" 0
ok "two writers: at least two loads ran meanwhile" test "$(wc -l <"$WORK/cc/load.rc")" -ge 2
has "two writers: the loads did load" "$(cat "$WORK/cc/load.out")" "updated"
eq "two writers: no error at all" "$(cat "$WORK/cc/A.err" "$WORK/cc/B.err" "$WORK/cc/load.err")" ""
hasnt "two writers: no \"database is locked\"" \
	"$(cat "$WORK/cc/A.err" "$WORK/cc/B.err" "$WORK/cc/load.err")" "locked"
eq "two writers: 60 distinct ids printed" "$(cat "$WORK/cc/A.out" "$WORK/cc/B.out" | sort -un | wc -l | tr -d ' ')" 60
js cc bookmarks --json
eq "two writers: all 60 kept" "$(pj "$WORK/cc.json" 'sorted(x["id"] for x in d)')" \
	"$("$PY" -c 'print(list(range(1, 61)))')"
eq "two writers: A's, paragraphs 1 to 30 of the Coalitieakkoord, with their notes" \
	"$(pj "$WORK/cc.json" 'sorted([x["paragraph"], x["last_paragraph"], x["note"]] for x in d if x["tags"] == ["A"] and x["doc"] == "'$CA'")')" \
	"$("$PY" -c 'import json; print(json.dumps(sorted([i, i, "A %d" % i] for i in range(1, 31))))')"
eq "two writers: B's, paragraphs 1 to 30 of the Beleidsbrief, with their notes" \
	"$(pj "$WORK/cc.json" 'sorted([x["paragraph"], x["last_paragraph"], x["note"]] for x in d if x["tags"] == ["B"] and x["doc"] == "'$VZ'")')" \
	"$("$PY" -c 'import json; print(json.dumps(sorted([i, i, "B %d" % i] for i in range(1, 31))))')"
eq "two writers: none orphaned" "$(pj "$WORK/cc.json" '[x["id"] for x in d if x["orphaned"]]')" "[]"
eq "two writers: user.db passes an integrity check" "$("$PY" -c '
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$LEESKAMER_HOME/user.db")" ok

# ---- a corrupt or unreadable user.db --------------------------------
# each command must fail with a message naming user.db and leave the
# file's bytes as they were; it is never replaced by a new one
LEESKAMER_HOME=$WORK/home-bad
export LEESKAMER_HOME
"$LK" load assets/corpus >/dev/null 2>&1
$BK add $VZ 105 --note eerste >/dev/null
$BK add $VZ 106 --note tweede --tag x >/dev/null
UDB=$LEESKAMER_HOME/user.db
cp "$UDB" "$WORK/user.good"
rm -f "$UDB-wal" "$UDB-shm"
# refuses LABEL: the checks for one damaged user.db, a copy of which is
# in $WORK/user.bad
refuses() {
	ino=$(ls -i "$UDB" | awk '{print $1}')
	mode=$(stat -c %a "$UDB")
	for c in "list" "list --json" "add" "note" "rm" "export" "export-o"; do
		case $c in
		list)		run $BK ;;
		"list --json")	run $BK --json ;;
		add)		run $BK add $VZ 20 --note derde ;;
		note)		run $BK note 1 nieuw ;;
		rm)		run $BK rm 2 ;;
		export)		run $BK export ;;
		export-o)	run $BK export -o "$WORK/bad-export.md" ;;
		esac
		ok "$1: bookmarks $c: exit non-zero" test "$rc" -ne 0
		has "$1: bookmarks $c: a message naming user.db" "$err" "user.db"
	done
	ok "$1: export -o: no file left" test ! -e "$WORK/bad-export.md"
	run "$LK" load assets/corpus
	if [ "$rc" -ne 0 ]; then
		has "$1: load fails: a message naming user.db" "$err" "user.db"
	else
		passed=$((passed + 1))
	fi
	eq "$1: its mode unchanged" "$(stat -c %a "$UDB")" "$mode"
	chmod u+r "$UDB"
	ok "$1: the bytes unchanged" cmp -s "$UDB" "$WORK/user.bad"
	eq "$1: the same file, not a new one" "$(ls -i "$UDB" | awk '{print $1}')" "$ino"
}
# garbage from the first byte
"$PY" -c '
import sys
open(sys.argv[1], "wb").write(bytes((i * 37 + 11) % 256 for i in range(6000)))' "$UDB"
cp "$UDB" "$WORK/user.bad"
refuses "garbage user.db"
# a real header, then garbage: SQLite opens it and finds out later
"$PY" -c '
import sys
b = bytearray(open(sys.argv[1], "rb").read())
for i in range(4096, len(b)):
    b[i] = (i * 7) & 0xff
open(sys.argv[2], "wb").write(bytes(b))' "$WORK/user.good" "$UDB"
cp "$UDB" "$WORK/user.bad"
refuses "user.db damaged after its first page"
# unreadable
if [ "$(id -u)" = 0 ]; then
	skip "unreadable user.db" "running as root, who reads it anyway"
else
	cp "$WORK/user.good" "$UDB"
	cp "$UDB" "$WORK/user.bad"
	chmod 000 "$UDB"
	refuses "unreadable user.db"
	chmod 600 "$UDB"
fi
# the good file back: everything there
cp "$WORK/user.good" "$UDB"
js good bookmarks --json
eq "user.db restored: both bookmarks there" "$(pj "$WORK/good.json" '[[x["id"], x["note"]] for x in d]')" \
	'[[1, "eerste"], [2, "tweede"]]'

LEESKAMER_HOME=$HOME0
finish
