#!/bin/sh
# bookmarks.sh: bookmarks on the bundled corpus: add, list (text and JSON),
# filters, note, rm and restore, export as Markdown, JSON and CSV, -o and
# --force; bookmarks survive deleting index.db and an edit of the paper
# (re-anchored by fingerprint, quote or words, else orphaned); bad input
# exits 1 and leaves user.db as it was.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

BK="$LK bookmarks"
VZ=kst-35925-V-84
IVS=internationale-veiligheidsstrategie-2026-2030

# js NAME ARGS...: runs leeskamer ARGS, its stdout to $WORK/NAME.json
js() {
	f=$1
	shift
	"$LK" "$@" >"$WORK/$f.json" 2>"$WORK/$f.err"
	rc=$?
}

# dump FILE: every row of user.db, to compare before and after
dump() {
	"$PY" -c '
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for line in db.iterdump():
    print(line)
' "$LEESKAMER_HOME/user.db"
}

run "$LK" load assets/corpus
eq "load corpus: exit 0" "$rc" 0
"$LK" show $VZ --json >"$WORK/vz.json"
"$LK" show $IVS --json >"$WORK/ivs.json"
P105=$(pj "$WORK/vz.json" '[p["text"] for p in d["paragraphs"] if p["id"] == 105][0]')

# ---- add ----
run $BK add $VZ 105 --note "Het postennet moet sterker." --tag postennet --tag begroting
eq "add: exit 0" "$rc" 0
eq "add: prints the new id" "$out" 1
js add2 bookmarks add "35 925 V, nr. 84" 105:4-20 --json
eq "add range: exit 0" "$rc" 0
eq "add range: the object" "$(pj "$WORK/add2.json" '[d["id"], d["paragraph"], d["last_paragraph"], d["start"], d["end"], d["quote"]]')" \
	'[2, 105, 105, 4, 20, "n de komende kab"]'
eq "add range: the quote is characters 4 to 20 of the paragraph" \
	"$(pj "$WORK/add2.json" 'd["quote"]')" "$(printf '%s' "$P105" | cut -c5-20)"
run "$LK" bookmark add kst-35788-77 10-12 --tag akkoord
eq "bookmark (singular) add paragraphs 10-12: id" "$out" 3
run $BK add $IVS 22 --tag strategie --note "Wereldorde"
eq "add to a paper without a Kamerstuk: id" "$out" 4

# ---- list ----
js list bookmarks list --json
eq "list --json: exit 0" "$rc" 0
eq "list --json: ids by document and paragraph" "$(pj "$WORK/list.json" '[x["id"] for x in d]')" \
	'[4, 3, 1, 2]'
eq "list --json: the fields, in order" "$(pj "$WORK/list.json" 'list(d[2].keys())')" \
	'["id", "doc", "paragraph", "last_paragraph", "start", "end", "page", "section", "quote", "note", "tags", "created", "orphaned"]'
eq "list --json: bookmark 1" "$(pj "$WORK/list.json" '[d[2][k] for k in ("id", "doc", "paragraph", "last_paragraph", "start", "end", "page", "section", "note", "tags", "orphaned")]')" \
	'[1, "kst-35925-V-84", 105, 105, null, null, 17, "s25", "Het postennet moet sterker.", ["postennet", "begroting"], false]'
eq "list --json: bookmark 1 quotes the whole paragraph" "$(pj "$WORK/list.json" 'd[2]["quote"]')" "$P105"
eq "list --json: created is ISO 8601 UTC" "$(pj "$WORK/list.json" '
__import__("re").fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d[2]["created"]) is not None')" true
eq "list --json: paragraphs 10-12" "$(pj "$WORK/list.json" '[d[1][k] for k in ("doc", "paragraph", "last_paragraph", "start", "end", "page", "tags")]')" \
	'["kst-35788-77", 10, 12, null, null, null, ["akkoord"]]'
eq "list --json: a passage of three paragraphs quotes them all" \
	"$(pj "$WORK/list.json" 'd[1]["quote"].count("\n\n")')" 2
eq "list --json: numbered section id" "$(pj "$WORK/list.json" '[d[0]["section"], d[0]["page"], d[0]["note"]]')" \
	'["1.1", null, "Wereldorde"]'
run $BK
eq "list: exit 0" "$rc" 0
has "list: bookmark 1's line" "$out" "1  kst-35925-V-84  ¶ 105  p. 17  § Postennet  [postennet, begroting]"
has "list: the range" "$out" "2  kst-35925-V-84  ¶ 105:4-20  p. 17  § Postennet"
has "list: the passage" "$out" "3  kst-35788-77  ¶ 10-12"
has "list: the note" "$out" "note: Het postennet moet sterker."
has "list: the start of the quote" "$out" "    Om in de komende kabinetsperiode"

# ---- filters ----
js f bookmarks --json --tag postennet
eq "--tag postennet" "$(pj "$WORK/f.json" '[x["id"] for x in d]')" "[1]"
js f bookmarks --json --tag akkoord
eq "--tag akkoord" "$(pj "$WORK/f.json" '[x["id"] for x in d]')" "[3]"
js f bookmarks --json --tag postennet --tag begroting
eq "--tag twice: both" "$(pj "$WORK/f.json" '[x["id"] for x in d]')" "[1]"
js f bookmarks --json --tag postennet --tag akkoord
eq "--tag twice: no bookmark has both" "$(pj "$WORK/f.json" 'd')" "[]"
js f bookmarks --json --doc "35925 V 84"
eq "--doc: in a loose form" "$(pj "$WORK/f.json" '[x["id"] for x in d]')" "[1, 2]"
js f bookmarks --json --doc "$IVS" --tag strategie
eq "--doc and --tag" "$(pj "$WORK/f.json" '[x["id"] for x in d]')" "[4]"
run $BK --doc "geen-document"
eq "--doc unknown: exit 1" "$rc" 1
has "--doc unknown: a message" "$err" "no such document"

# ---- note, rm, restore ----
run $BK note 2 Een kortere   notitie
eq "note: exit 0" "$rc" 0
js f bookmarks --json
eq "note: replaced" "$(pj "$WORK/f.json" '[x["note"] for x in d if x["id"] == 2][0]')" "Een kortere notitie"
run $BK note 2 ""
js f bookmarks --json
eq "note \"\": removed" "$(pj "$WORK/f.json" '[x["note"] for x in d if x["id"] == 2][0]')" "null"
run $BK rm 3
eq "rm: exit 0" "$rc" 0
js f bookmarks --json
eq "rm: gone from the list" "$(pj "$WORK/f.json" '[x["id"] for x in d]')" "[4, 1, 2]"
run $BK rm 3
eq "rm twice: exit 1" "$rc" 1
has "rm twice: a message" "$err" "no bookmark 3"
run $BK restore 3
eq "restore: exit 0" "$rc" 0
js f bookmarks --json
eq "restore: back, tags and all" "$(pj "$WORK/f.json" '[(x["id"], x["tags"]) for x in d if x["id"] == 3]')" \
	'[[3, ["akkoord"]]]'

# ---- export ----
run $BK export
eq "export md: exit 0" "$rc" 0
has "export md: the citation line" "$out" "
Kamerstuk 35 925 V, nr. 84, p. 17, § Postennet
"
has "export md: the URL" "$out" "https://zoek.officielebekendmakingen.nl/kst-35925-V-84.html"
has "export md: the quote" "$out" "> Om in de komende kabinetsperiode de belangen van Nederland,"
has "export md: the note" "$out" "Het postennet moet sterker."
has "export md: the tags" "$out" "Tags: postennet, begroting"
has "export md: no Kamerstuk: the title, the section" "$out" "
Internationale Veiligheidsstrategie 2026-2030: Versterkte Europese veiligheid via de NAVO, EU en partnerschappen, § 1.1 Verschuivende wereldorde en strategische competitie
"
eq "export md: a URL for each paper with a Kamerstuk id, none else" \
	"$(printf '%s\n' "$out" | grep -c '^<https://zoek.officielebekendmakingen.nl/')" 3
hasnt "export md: no URL for the paper without one" "$out" "officielebekendmakingen.nl/internationale"
js ej bookmarks export --format json
eq "export json: exit 0" "$rc" 0
eq "export json: the list's fields and more" "$(pj "$WORK/ej.json" '[d[2]["id"], d[2]["paragraph"], d[2]["citation"], d[2]["url"]]')" \
	'[1, 105, "Kamerstuk 35 925 V, nr. 84, p. 17, § Postennet", "https://zoek.officielebekendmakingen.nl/kst-35925-V-84.html"]'
eq "export json: no URL without a Kamerstuk id" "$(pj "$WORK/ej.json" 'd[0]["url"]')" "null"
"$LK" bookmarks export --format csv >"$WORK/e.csv"
eq "export csv: exit 0" "$?" 0
eq "export csv: header and rows" "$("$PY" -c '
import csv, sys
r = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
print(len(r), r[0][:4], r[3][0], r[3][3], r[3][11], r[3][13], r[3][14])
' "$WORK/e.csv")" \
	"5 ['id', 'doc', 'title', 'paragraph'] 1 105 postennet, begroting false Kamerstuk 35 925 V, nr. 84, p. 17, § Postennet"
eq "export csv: a quote with commas and newlines survives" "$("$PY" -c '
import csv, json, sys
r = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
l = json.load(open(sys.argv[2], encoding="utf-8"))
print([x["quote"] for x in r] == [x["quote"] for x in l])
' "$WORK/e.csv" "$WORK/f.json")" True
run $BK export --format pdf
eq "export --format pdf: exit 2" "$rc" 2

# ---- -o never overwrites without --force ----
run $BK export -o "$WORK/out.md"
eq "-o: exit 0" "$rc" 0
eq "-o: nothing on stdout" "$out" ""
has "-o: the file" "$(cat "$WORK/out.md")" "Kamerstuk 35 925 V, nr. 84, p. 17, § Postennet"
cp "$WORK/out.md" "$WORK/out.before"
run $BK export --format csv -o "$WORK/out.md"
eq "-o over a file: exit 1" "$rc" 1
has "-o over a file: a message" "$err" "--force"
ok "-o over a file: the file as it was" cmp -s "$WORK/out.md" "$WORK/out.before"
run $BK export --format csv -o "$WORK/out.md" --force
eq "-o --force: exit 0" "$rc" 0
eq "-o --force: replaced" "$(head -n 1 "$WORK/out.md" | tr -d '\r')" \
	"id,doc,title,paragraph,last_paragraph,start,end,page,section,quote,note,tags,created,orphaned,citation,url"
eq "-o --force: no temporary file left" "$(ls "$WORK" | grep -c '^out\.md\.')" 0

# ---- bad input: exit 1, a message, user.db as it was ----
js before bookmarks --json
dump >"$WORK/db.before"
run $BK add geen-document 3
eq "add unknown doc: exit 1" "$rc" 1
has "add unknown doc: a message" "$err" "no such document"
run $BK add $VZ 999
eq "add paragraph out of range: exit 1" "$rc" 1
has "add paragraph out of range: a message" "$err" "no paragraph 999"
run $BK add $VZ 0
eq "add paragraph 0: exit 1" "$rc" 1
run $BK add $VZ 105-103
eq "add backwards range: exit 1" "$rc" 1
run $BK add $VZ 105:20-9999
eq "add characters out of range: exit 1" "$rc" 1
has "add characters out of range: a message" "$err" "not in paragraph 105"
run $BK add $VZ twelve
eq "add no paragraph number: exit 1" "$rc" 1
run $BK add $VZ 105 --tag ""
eq "add an empty tag: exit 1" "$rc" 1
run $BK rm 99
eq "rm unknown id: exit 1" "$rc" 1
has "rm unknown id: a message" "$err" "no bookmark 99"
run $BK rm abc
eq "rm bad id: exit 1" "$rc" 1
has "rm bad id: a message" "$err" "not a bookmark id: abc"
run $BK note 99 tekst
eq "note unknown id: exit 1" "$rc" 1
run $BK add $VZ
eq "add without a paragraph: usage, exit 2" "$rc" 2
run $BK frobnicate
eq "unknown subcommand: exit 2" "$rc" 2
dump >"$WORK/db.after"
ok "bad input: user.db as it was" cmp -s "$WORK/db.before" "$WORK/db.after"
js after bookmarks --json
ok "bad input: the same bookmarks" cmp -s "$WORK/before.json" "$WORK/after.json"

# ---- deleting index.db loses nothing ----
sum0=$(cksum <"$LEESKAMER_HOME/user.db")
rm -f "$LEESKAMER_HOME"/index.db "$LEESKAMER_HOME"/index.db-wal "$LEESKAMER_HOME"/index.db-shm
js noindex bookmarks --json
eq "no index: still listed" "$(pj "$WORK/noindex.json" '[x["id"] for x in d]')" "[4, 3, 1, 2]"
eq "no index: as last seen" "$(pj "$WORK/noindex.json" '[d[2]["paragraph"], d[2]["page"], d[2]["section"], d[2]["orphaned"]]')" \
	'[105, 17, "s25", false]'
run $BK export
has "no index: export still cites" "$out" "Kamerstuk 35 925 V, nr. 84, p. 17, § Postennet"
run $BK add $VZ 105
eq "no index: cannot add to a paper not loaded" "$rc" 1
"$LK" load assets/corpus >/dev/null 2>&1
js reloaded bookmarks --json
ok "reloaded: every bookmark back, the same" cmp -s "$WORK/before.json" "$WORK/reloaded.json"
eq "reloaded: the same files, so nothing re-anchored: user.db untouched" \
	"$(cksum <"$LEESKAMER_HOME/user.db")" "$sum0"

# ---- an edited paper: re-anchored ----
LEESKAMER_HOME=$WORK/home2
export LEESKAMER_HOME
mkdir -p "$WORK/ed"
cp assets/corpus/002_117d03dec8eb1697.txt assets/corpus/002_117d03dec8eb1697.meta "$WORK/ed/"
ED=$WORK/ed/002_117d03dec8eb1697.txt
"$LK" load "$ED" >/dev/null 2>&1
"$LK" show $VZ --json >"$WORK/ed0.json"
P106=$(pj "$WORK/ed0.json" '[p["text"] for p in d["paragraphs"] if p["id"] == 106][0]')
P109=$(pj "$WORK/ed0.json" '[p["text"] for p in d["paragraphs"] if p["id"] == 109][0]')
a=$($BK add $VZ 105)		# unchanged, moves down 2
b=$($BK add $VZ 106)		# a word changed, moves down 2
c=$($BK add $VZ 107:28-35)	# "plannen"; a word inserted before it
d=$($BK add $VZ 109 --tag weg)	# deleted
e=$($BK add $VZ 20)		# a word changed, stays
f=$($BK add $VZ 111)		# after both: +2 -1
g=$($BK add $VZ 105-107)	# a passage
P112=$(pj "$WORK/ed0.json" '[p["text"] for p in d["paragraphs"] if p["id"] == 112][0]')
H=$("$PY" -c '
import sys
t = sys.argv[1]
a = t.index("Het project Loket")
b = t.index("Nederlandwereldwijd.") + len("Nederlandwereldwijd.")
print("112:%d-%d" % (a, b))' "$P112")
h=$($BK add $VZ "$H")		# rewritten around the quote
eq "edit: eight bookmarks" "$a $b $c $d $e $f $g $h" "1 2 3 4 5 6 7 8"
js e0 bookmarks --json
eq "edit: the range quotes a word" "$(pj "$WORK/e0.json" '[x["quote"] for x in d if x["id"] == 3][0]')" "plannen"
"$PY" - "$ED" <<'EOF'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
n = len(s)
s = s.replace("Om in de komende kabinetsperiode de belangen van Nederland, \n",
    "Een nieuwe alinea over het postennet die eerder niet in deze brief stond. \n\n"
    "Nog een nieuwe alinea, ook die is later toegevoegd. \n\n"
    "Om in de komende kabinetsperiode de belangen van Nederland, \n", 1)
s = s.replace("meer versterking van de dienstverlening", "meer verbetering van de dienstverlening", 1)
s = s.replace("ten \ntijden van crises.", "ten \ntijde van rampen.", 1)
s, k = re.subn(r"Veel diensten kunnen digitaal.*?geopend\. ", "Dit is een nieuwe inleiding over loketten. ", s, count=1, flags=re.S)
assert k == 1
s, k = re.subn(r"Ook zullen nieuwe ICT-applicaties.*?in Den Haag\. ", "Daarna volgt een nieuw slot. ", s, count=1, flags=re.S)
assert k == 1
s = s.replace("Over de uitwerking van deze plannen", "Over de verdere uitwerking van deze plannen", 1)
s = s.replace("China is in krap twee generaties", "China is in ruim twee generaties", 1)
s, k = re.subn(r"De crisisgereedstelling van het departement.*?verslag uitbrengen\. \n\n", "", s, count=1, flags=re.S)
assert k == 1 and len(s) != n
open(p, "w", encoding="utf-8").write(s)
EOF
run "$LK" load "$ED"
has "edit: reloaded" "$out" "updated"
"$LK" show $VZ --json >"$WORK/ed1.json"
js e1 bookmarks --json
eq "edit: every bookmark still listed" "$(pj "$WORK/e1.json" 'sorted(x["id"] for x in d)')" "[1, 2, 3, 4, 5, 6, 7, 8]"
# id: [paragraph, last_paragraph, start, end, orphaned]
eq "edit: unchanged paragraph moved by 2" "$(pj "$WORK/e1.json" '[[x["paragraph"], x["last_paragraph"], x["orphaned"]] for x in d if x["id"] == 1][0]')" \
	"[107, 107, false]"
eq "edit: changed paragraph found by its words, moved by 2" "$(pj "$WORK/e1.json" '[[x["paragraph"], x["orphaned"]] for x in d if x["id"] == 2][0]')" \
	"[108, false]"
eq "edit: range found by its quote, moved by 2 and 8 characters" "$(pj "$WORK/e1.json" '[[x["paragraph"], x["start"], x["end"]] for x in d if x["id"] == 3][0]')" \
	"[109, 36, 43]"
eq "edit: the range still cuts its quote from the paragraph" "$(pj "$WORK/ed1.json" '[p["text"][36:43] for p in d["paragraphs"] if p["id"] == 109][0]')" "plannen"
eq "edit: deleted paragraph: orphaned, no paragraph" "$(pj "$WORK/e1.json" '[[x["paragraph"], x["last_paragraph"], x["page"], x["orphaned"], x["tags"]] for x in d if x["id"] == 4][0]')" \
	'[null, null, null, true, ["weg"]]'
eq "edit: paragraph before the insert, a word changed: stays" "$(pj "$WORK/e1.json" '[[x["paragraph"], x["orphaned"]] for x in d if x["id"] == 5][0]')" \
	"[20, false]"
eq "edit: after the insert and the deletion: +1" "$(pj "$WORK/e1.json" '[x["paragraph"] for x in d if x["id"] == 6][0]')" 112
eq "edit: a paragraph rewritten around a range: found by the quote" "$(pj "$WORK/e1.json" '[[x["paragraph"], x["start"], x["orphaned"]] for x in d if x["id"] == 8][0]')" \
	"[113, 43, false]"
eq "edit: the range cuts the quote from the rewritten paragraph" "$(pj "$WORK/ed1.json" '
(lambda b: [p["text"][b["start"]:b["end"]] == b["quote"] for p in d["paragraphs"] if p["id"] == 113])(
 [x for x in json.load(open(sys.argv[1][:-8] + "e1.json", encoding="utf-8")) if x["id"] == 8][0])')" "[true]"
eq "edit: the passage moved with its first paragraph" "$(pj "$WORK/e1.json" '[[x["paragraph"], x["last_paragraph"]] for x in d if x["id"] == 7][0]')" \
	"[107, 109]"
eq "edit: quotes unchanged" "$(pj "$WORK/e1.json" '[x["quote"] for x in d if x["id"] in (2, 4)]')" \
	"$("$PY" -c 'import json, sys; print(json.dumps(sys.argv[1:], ensure_ascii=False))' "$P106" "$P109")"
eq "edit: each re-anchored bookmark is at its text" "$(pj "$WORK/ed1.json" '
(lambda t, b: [t[b[1]["paragraph"]] == b[1]["quote"], t[b[6]["paragraph"]] == b[6]["quote"],
 "meer verbetering van" in t[b[2]["paragraph"]]])(
 {p["id"]: p["text"] for p in d["paragraphs"]},
 {x["id"]: x for x in json.load(open(sys.argv[1][:-8] + "e1.json", encoding="utf-8"))})')" "[true, true, true]"
run $BK
has "edit: the orphan in the text list" "$out" "4  kst-35925-V-84  ¶ ? (orphaned"
run $BK export
has "edit: the orphan in the export" "$out" "no longer found"
# loading the paper as it was brings the orphan back
cp assets/corpus/002_117d03dec8eb1697.txt "$ED"
"$LK" load "$ED" >/dev/null 2>&1
js e2 bookmarks --json
eq "edit undone: the orphan found again" "$(pj "$WORK/e2.json" '[[x["paragraph"], x["orphaned"]] for x in d if x["id"] == 4][0]')" \
	"[109, false]"
eq "edit undone: all back where they were" "$(pj "$WORK/e2.json" '[x["paragraph"] for x in d]')" \
	"$(pj "$WORK/e0.json" '[x["paragraph"] for x in d]')"

finish
