#!/bin/sh
# xml.sh: official-publication XML (<officiele-publicatie>): constructed files
# in tests/data/xml/, the 692 real motions of shared/papers/motions-xml, and
# the XML version of a paper winning over its extracted text, in both orders.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

DATA=tests/data/xml
# in CI the repository is cloned with shared/ beside it
MOTIONS=../shared/papers/motions-xml
TEXTS=../shared/papers/motions-txt

# ---- a constructed letter ----

run "$LK" load "$DATA/brief.xml"
eq "brief: exit 0" "$rc" 0
has "brief: added under its Kamerstuk id" "$out" "added      kst-36045-900  BRIEF VAN DE MINISTER"
"$LK" docs --json >"$WORK/docs.json"
eq "brief: docs --json facts" "$(pj "$WORK/docs.json" '[d[0][k] for k in ("id", "kamerstuk", "dossier", "dossier_title", "vergaderjaar", "date", "type", "signatories", "parts", "sections", "paragraphs", "notes", "citations")]')" \
    '["kst-36045-900", "36 045, nr. 900", "36 045", "Situatie in de Oekraïne", "2023-2024", "2024-03-08", "Brief regering", ["H.G.J. Bruins Slot"], 1, 5, 16, 3, 5]'
"$LK" toc kst-36045-900 --json >"$WORK/toc.json"
eq "brief: toc" "$(pj "$WORK/toc.json" '[(s["id"], s["title"], s["level"], s["parent"]) for s in d]')" \
    '[["s1", "Begin", 1, null], ["1", "Inleiding", 1, null], ["1.1", "Achtergrond", 2, "1"], ["2", "Hoofdstuk 2", 1, null], ["s5", "Cijfers", 2, "2"]]'
"$LK" show kst-36045-900 --json >"$WORK/show.json"
eq "brief: a list item" "$(pj "$WORK/show.json" 'd["paragraphs"][8]["text"]')" "a. het eerste punt;"
eq "brief: a table" "$(pj "$WORK/show.json" '[p["text"] for p in d["paragraphs"] if "|" in p["text"]]')" \
    '["Jaar | Bedrag |\n2023 | € 2,5 mld | zie noot\n2024 | € 3 mld |"]'
eq "brief: notes at their paragraphs" "$(pj "$WORK/show.json" '[(n["number"], n["paragraph"]) for n in d["notes"]]')" \
    '[[1, 5], [2, 16], [3, null]]'
"$LK" cites kst-36045-900 --json >"$WORK/cites.json"
# every citation's span is its text in the paragraph (or the note)
cat >"$WORK/spans.py" <<'EOF'
import json, sys
show = json.load(open(sys.argv[1], encoding="utf-8"))
cites = json.load(open(sys.argv[2], encoding="utf-8"))
paras = {p["id"]: p["text"] for p in show["paragraphs"]}
notes = {n["number"]: n["text"] for n in show["notes"]}
for c in cites:
    t = notes[c["note"]] if c["note"] is not None else paras[c["paragraph"]]
    print("%s %s %s" % (c["kind"], c["id"], t[c["start"]:c["end"]]))
EOF
eq "brief: cites with their spans" "$("$PY" "$WORK/spans.py" "$WORK/show.json" "$WORK/cites.json")" \
"kst kst-36045-4 36 045, nr. 4
kst kst-35925-V-84 Kamerstuk 35 925 V, nr. 84
h h-tk-20232024-12-3 Handelingen II 2023/24, nr. 12, item 3
blg blg-1234567 bijlage
stcrt stcrt-2024-1234 Staatscourant"
run "$LK" load "$DATA/brief.xml"
eq "brief: loaded again: unchanged" "$out" "unchanged  brief.xml"

# ---- refused ----

run "$LK" load "$DATA/malformed.xml"
eq "malformed: exit 1" "$rc" 1
has "malformed: the file and the line, on stdout" "$out" "failed     $DATA/malformed.xml: malformed XML at line 5:"
has "malformed: the file and the line, on stderr" "$err" "$DATA/malformed.xml: malformed XML at line 5:"
run "$LK" load "$DATA/lol.xml"
eq "billion laughs: exit 1" "$rc" 1
has "billion laughs: refused" "$out" "failed     $DATA/lol.xml: malformed XML at line"
run "$LK" load "$DATA/xxe.xml"
eq "external entities: loaded" "$rc" 0
"$LK" show xxe.xml --json >"$WORK/xxe.json"
hasnt "external entities: /etc/passwd not read" "$(cat "$WORK/xxe.json")" "root:"
eq "external entities: the text around them" "$(pj "$WORK/xxe.json" 'd["paragraphs"][0]["text"]')" "Voorna."

# ---- folders: *.xml beside *.txt ----

mkdir -p "$WORK/folder/sub"
cp "$DATA/brief.xml" "$WORK/folder/sub/"
cp "$DATA/kst-36045-139.xml" "$DATA/kst-36045-900.txt" "$WORK/folder/"
echo "not a paper" >"$WORK/folder/notes.md"
LEESKAMER_HOME="$WORK/h-folder" "$LK" load "$WORK/folder" >"$WORK/folder.out" 2>&1
eq "folder: the .txt and both .xml, not the .md" "$(awk '{ print $1, $2 }' "$WORK/folder.out" | sort)" \
"added kst-36045-139
added kst-36045-900
added kst-36045-900"

# ---- the XML version wins, in both orders ----

# wins NAME HOME REF ID XMLONLY TEXTONLY: after loading a paper's text and
# XML files into HOME, its document is one part with what the XML alone
# gives (in REF, a home with the XML file alone)
wins() {
	LEESKAMER_HOME=$2 "$LK" docs --json >"$WORK/w-docs.json"
	LEESKAMER_HOME=$2 "$LK" show "$4" --json >"$WORK/w-show.json"
	LEESKAMER_HOME=$3 "$LK" show "$4" --json >"$WORK/w-ref.json"
	eq "$1: one document" "$(pj "$WORK/w-docs.json" '[x["id"] for x in d]')" "[\"$4\"]"
	eq "$1: one part" "$(pj "$WORK/w-docs.json" 'd[0]["parts"]')" 1
	eq "$1: the XML's docs --json" "$(cat "$WORK/w-docs.json")" "$(LEESKAMER_HOME=$3 "$LK" docs --json)"
	eq "$1: the XML's paragraphs" "$(cat "$WORK/w-show.json")" "$(cat "$WORK/w-ref.json")"
	eq "$1: the XML's sections" "$(LEESKAMER_HOME=$2 "$LK" toc "$4" --json)" \
	    "$(LEESKAMER_HOME=$3 "$LK" toc "$4" --json)"
	eq "$1: the XML's citations" "$(LEESKAMER_HOME=$2 "$LK" cites "$4" --json)" \
	    "$(LEESKAMER_HOME=$3 "$LK" cites "$4" --json)"
	if [ -n "$5" ]; then
		has "$1: text only the XML has" "$(cat "$WORK/w-show.json")" "$5"
	fi
	if [ -n "$6" ]; then
		hasnt "$1: no text only the text file has" "$(cat "$WORK/w-show.json")" "$6"
		eq "$1: nor in the search index" "$(LEESKAMER_HOME=$2 "$LK" search "$6" --json)" "[]"
	fi
	# the full text reads its words from the rows: the text file's rows
	# left it with them
	eq "$1: FTS5's integrity check" "$(sqlite3 "$2/index.db" \
	    "INSERT INTO fts(fts, rank) VALUES('integrity-check', 1)" 2>&1)" ""
}

# order TXT XML NAME ID XMLONLY TEXTONLY: text then XML, XML then text, and
# both loaded again
order() {
	ref="$WORK/$3-xml"
	LEESKAMER_HOME=$ref "$LK" load "$2" >/dev/null 2>&1
	LEESKAMER_HOME="$WORK/$3-tx" "$LK" load "$1" >/dev/null 2>&1
	run env LEESKAMER_HOME="$WORK/$3-tx" "$LK" load "$2"
	eq "$3, text then XML: exit 0" "$rc" 0
	has "$3, text then XML: the XML added" "$out" "added      $4"
	wins "$3, text then XML" "$WORK/$3-tx" "$ref" "$4" "$5" "$6"
	LEESKAMER_HOME="$WORK/$3-xt" "$LK" load "$2" >/dev/null 2>&1
	run env LEESKAMER_HOME="$WORK/$3-xt" "$LK" load "$1"
	eq "$3, XML then text: exit 0" "$rc" 0
	wins "$3, XML then text" "$WORK/$3-xt" "$ref" "$4" "$5" "$6"
	for h in tx xt; do
		run env LEESKAMER_HOME="$WORK/$3-$h" "$LK" load "$1" "$2"
		eq "$3 ($h): both loaded again: unchanged" \
		    "$(printf '%s\n' "$out" | awk '{ print $1 }' | sort -u)" "unchanged"
		wins "$3 ($h), loaded again" "$WORK/$3-$h" "$ref" "$4" "$5" "$6"
	done
	# both in one load: the text file's rows go before the full text has them
	run env LEESKAMER_HOME="$WORK/$3-one" "$LK" load "$1" "$2"
	eq "$3, both in one load: exit 0" "$rc" 0
	wins "$3, both in one load" "$WORK/$3-one" "$ref" "$4" "$5" "$6"
}

order "$DATA/kst-36045-900.txt" "$DATA/brief.xml" constructed kst-36045-900 \
    "Losse tekst in een onbekend blok" tekstversie

if [ -f "$TEXTS/kst-36045-139.txt" ]; then
	order "$TEXTS/kst-36045-139.txt" "$DATA/kst-36045-139.xml" real kst-36045-139 "" ""
	# the same paper from either source: the same document
	LEESKAMER_HOME="$WORK/real-txt" "$LK" load "$TEXTS/kst-36045-139.txt" >/dev/null 2>&1
	for c in "docs --json" "toc kst-36045-139 --json" "show kst-36045-139 --json"; do
		# shellcheck disable=SC2086
		eq "real: $c is the same from the text and from the XML" \
		    "$(LEESKAMER_HOME="$WORK/real-txt" "$LK" $c)" "$(LEESKAMER_HOME="$WORK/real-xml" "$LK" $c)"
	done
else
	skip "the real text of kst-36045-139" "no folder $TEXTS"
fi

# ---- an index.db from before file.format is made again ----

if command -v sqlite3 >/dev/null 2>&1; then
	mkdir -p "$WORK/h-old"
	sqlite3 "$WORK/h-old/index.db" "CREATE TABLE doc(id INTEGER PRIMARY KEY,
	    key TEXT NOT NULL UNIQUE, title TEXT NOT NULL); CREATE TABLE file(
	    id INTEGER PRIMARY KEY, stem TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,
	    doc INTEGER NOT NULL); INSERT INTO doc VALUES (1, 'oud', 'Oud');
	    INSERT INTO file VALUES (1, 'oud', 'h', 1);"
	run env LEESKAMER_HOME="$WORK/h-old" "$LK" load "$DATA/brief.xml"
	eq "old index.db: load exit 0" "$rc" 0
	eq "old index.db: rebuilt, the new paper alone" \
	    "$(LEESKAMER_HOME="$WORK/h-old" "$LK" docs --json | "$PY" -c 'import json,sys; print([x["id"] for x in json.load(sys.stdin)])')" \
	    "['kst-36045-900']"
else
	skip "old index.db" "no sqlite3 shell"
fi

# ---- the 692 real motions ----

if [ ! -d "$MOTIONS" ]; then
	skip "the real motions" "no folder $MOTIONS (the shared papers are not checked out beside the repository)"
	finish
	exit
fi

export LEESKAMER_HOME="$WORK/h-motions"
start=$(date +%s)
run "$LK" load "$MOTIONS"
secs=$(($(date +%s) - start))
eq "motions: exit 0" "$rc" 0
eq "motions: 692 added" "$(printf '%s\n' "$out" | grep -c '^added ')" 692
eq "motions: 692 lines" "$(lines "$out")" 692
eq "motions: loaded in seconds, not minutes (took ${secs}s)" "$([ "$secs" -lt 60 ] && echo yes)" yes

"$LK" docs --json >"$WORK/m-docs.json"
eq "motions: 692 documents" "$(pj "$WORK/m-docs.json" 'len(d)')" 692
eq "motions: each id its file's name" "$(pj "$WORK/m-docs.json" 'sorted(x["id"] + ".xml" for x in d) == sorted(__import__("os").listdir("'"$MOTIONS"'"))')" true
eq "motions: every one dated, titled, signed" \
    "$(pj "$WORK/m-docs.json" 'all(x["date"] and x["title"].startswith(("MOTIE", "GEWIJZIGDE MOTIE")) and x["signatories"] for x in d)')" true
# fact ID KEY...: those values of motion ID in docs --json
fact() {
	id=$1; shift
	pj "$WORK/m-docs.json" "[[x[k] for k in ($(printf '"%s",' "$@"))] for x in d if x['id'] == '$id']"
}
eq "kst-21501-20-1978" "$(fact kst-21501-20-1978 kamerstuk title date vergaderjaar dossier dossier_title signatories)" \
    '[["21 501-20, nr. 1978", "MOTIE VAN DE LEDEN TUINMAN EN VAN CAMPEN", "2023-12-12", "2023-2024", "21 501-20", "Europese Raad", ["Tuinman", "Van Campen"]]]'
eq "kst-36410-V-43" "$(fact kst-36410-V-43 kamerstuk title date dossier)" \
    '[["36 410 V, nr. 43", "MOTIE VAN DE LEDEN DE ROON EN WILDERS", "2024-02-14", "36 410 V"]]'
eq "kst-21501-20-2247" "$(fact kst-21501-20-2247 kamerstuk date type signatories)" \
    '[["21 501-20, nr. 2247", "2025-06-03", "Motie", ["Van der Werf", "Paternotte", "Boswijk"]]]'
eq "kst-26643-1411" "$(fact kst-26643-1411 kamerstuk dossier citations)" \
    '[["26 643, nr. 1411", "26 643", 1]]'

"$LK" show kst-21501-20-1978 --json >"$WORK/m-show.json"
eq "kst-21501-20-1978: show text" "$(pj "$WORK/m-show.json" '[p["text"] for p in d["paragraphs"]][:2] + [p["text"] for p in d["paragraphs"]][-2:]')" \
    '["De Kamer,", "gehoord de beraadslaging,", "en gaat over tot de orde van de dag.", "Tuinman\nVan Campen"]'
eq "kst-21501-20-1978: 11 paragraphs, one section" "$(pj "$WORK/m-show.json" '(len(d["paragraphs"]), len(set(p["section"] for p in d["paragraphs"])))')" "[11, 1]"
"$LK" cites kst-21501-20-1978 --json >"$WORK/m-cites.json"
eq "kst-21501-20-1978: its extref, with its span" "$("$PY" "$WORK/spans.py" "$WORK/m-show.json" "$WORK/m-cites.json")" \
    "kst kst-21501-02-2790 21 501-02, nr. 2790"
eq "kst-21501-20-1978: the label of the extref" "$(pj "$WORK/m-cites.json" 'd[0]["label"]')" \
    "verslag van het schriftelijk overleg Raad Buitenlandse Zaken"
"$LK" show kst-26150-227 --json >"$WORK/m-show.json"
"$LK" cites kst-26150-227 --json >"$WORK/m-cites.json"
eq "kst-26150-227: the extref once, not again by the recogniser" \
    "$("$PY" "$WORK/spans.py" "$WORK/m-show.json" "$WORK/m-cites.json")" "kst kst-26150-214 214 (26 150)"
eq "motions: the nine extrefs of the corpus" "$(pj "$WORK/m-docs.json" 'sum(x["citations"] for x in d)')" 9

run "$LK" load "$MOTIONS"
eq "motions again: exit 0" "$rc" 0
eq "motions again: 692 unchanged" "$(printf '%s\n' "$out" | grep -c '^unchanged ')" 692

finish
