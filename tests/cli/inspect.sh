#!/bin/sh
# inspect.sh: toc, show, docs and search on the bundled corpus: the
# structure and the repaired text of each document.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

run "$LK" load assets/corpus
eq "load the corpus: exit 0" "$rc" 0

BB=kst-35925-V-84
JV=kst-36360-V-1
KR=kabinetsreactie-aiv-geopolitieke-tijdschok
VS=004_0abb7044e9a12cfc

# ---- toc of the Beleidsbrief ----
"$LK" toc $BB --json >"$WORK/toc-bb.json"
# sec FILE TITLE FIELD: the field of the section with that exact title
sec() {
	pj "$1" "[s[\"$3\"] for s in d if s[\"title\"] == \"$2\"]"
}
inl=$(pj "$WORK/toc-bb.json" 'next((s["id"] for s in d if s["title"] == "Inleiding"), "none")')
eq "toc bb: Inleiding at level 1" "$(sec "$WORK/toc-bb.json" Inleiding level)" "[1]"
for t in "Een geopolitieke aardverschuiving" "Partners en uitdagers" \
    "Uitgangspunten voor het buitenlandbeleid"; do
	eq "toc bb: '$t' under Inleiding" "$(sec "$WORK/toc-bb.json" "$t" parent)" "[\"$inl\"]"
	eq "toc bb: '$t' at level 2" "$(sec "$WORK/toc-bb.json" "$t" level)" "[2]"
done
vei=$(pj "$WORK/toc-bb.json" 'next((s["id"] for s in d if s["title"] == "Veiligheid: vrede, veiligheid en defensie"), "none")')
eq "toc bb: 'Veiligheid: vrede, veiligheid en defensie' at level 1" \
	"$(sec "$WORK/toc-bb.json" "Veiligheid: vrede, veiligheid en defensie" level)" "[1]"
eq "toc bb: 'Een slagvaardig extern Europees optreden' under Veiligheid" \
	"$(sec "$WORK/toc-bb.json" "Een slagvaardig extern Europees optreden" parent)" "[\"$vei\"]"
dv=$(pj "$WORK/toc-bb.json" 'next((s["id"] for s in d if s["title"] == "Dienstverlening"), "none")')
eq "toc bb: Dienstverlening at level 1" "$(sec "$WORK/toc-bb.json" Dienstverlening level)" "[1]"
for t in Postennet Crisisgereedstelling "Consulaire dienstverlening"; do
	eq "toc bb: '$t' under Dienstverlening" "$(sec "$WORK/toc-bb.json" "$t" parent)" "[\"$dv\"]"
done
eq "toc bb: the addressee is not a section" \
	"$(pj "$WORK/toc-bb.json" '[s["title"] for s in d if s["title"].startswith("Aan de Voorzitter")]')" "[]"
eq "toc bb: the place and date are not a section" \
	"$(pj "$WORK/toc-bb.json" '[s["title"] for s in d if "8 maart 2022" in s["title"]]')" "[]"
eq "toc bb: the signature is not a section" \
	"$(pj "$WORK/toc-bb.json" '[s["title"] for s in d if s["title"].startswith("De Minister van Buitenlandse Zaken")]')" "[]"
eq "toc bb: the wrapped heading is one section title" \
	"$(sec "$WORK/toc-bb.json" "Grotere besluitvaardigheid van de Unie en versterking van het sanctie-instrument" level)" "[2]"
eq "toc bb: no section title is a piece of that heading" \
	"$(pj "$WORK/toc-bb.json" '[s["title"] for s in d if s["title"] in ("Grotere besluitvaardigheid van de Unie en", "versterking van het sanctie-instrument")]')" "[]"
eq "toc bb: top sections have parent null, others a section id" \
	"$(pj "$WORK/toc-bb.json" 'all((s["parent"] is None) == (s["level"] == 1) and (s["parent"] is None or s["parent"] in [t["id"] for t in d]) for s in d)')" true

# ---- toc of the Veiligheidsstrategie ----
"$LK" toc $VS --json >"$WORK/toc-vs.json"
eq "toc vs: section 1 is Dreigingsanalyse at level 1" \
	"$(pj "$WORK/toc-vs.json" '[(s["number"], s["title"], s["level"]) for s in d if s["id"] == "1"]')" \
	'[["1", "Dreigingsanalyse", 1]]'
eq "toc vs: 1.1 under 1" "$(pj "$WORK/toc-vs.json" '[(s["parent"], s["level"]) for s in d if s["id"] == "1.1"]')" '[["1", 2]]'
eq "toc vs: section 3 title" "$(pj "$WORK/toc-vs.json" '[s["title"] for s in d if s["number"] == "3"]')" \
	'["Actielijnen: Versterken, beschermen, steunen"]'
eq "toc vs: numbered sections have their number as id, others s + ordinal" \
	"$(pj "$WORK/toc-vs.json" '[s["id"] for i, s in enumerate(d) if s["id"] != (s["number"] or "s%d" % (i + 1))]')" "[]"

# ---- show of the Beleidsbrief ----
"$LK" show $BB --json >"$WORK/bb.json"
eq "show bb: the paragraph joined over a page footer is on page 2" \
	"$(pj "$WORK/bb.json" '[p["page"] for p in d["paragraphs"] if "Er is, met de veranderende mondiale machtsverhoudingen, de oorlog in Oekraïne" in p["text"]]')" "[2]"
eq "show bb: 'represailles.' ends a paragraph, 'De uitdagingen zijn geen reden' starts the next, on page 4" \
	"$(pj "$WORK/bb.json" '[q["page"] for p, q in zip(d["paragraphs"], d["paragraphs"][1:]) if p["text"].endswith("het doelwit van represailles.") and q["text"].startswith("De uitdagingen zijn geen reden")]')" "[4]"
pj "$WORK/bb.json" '"\n".join(p["text"] for p in d["paragraphs"])' >"$WORK/bb.txt"
bbtext=$(cat "$WORK/bb.txt")
for w in machtscompetitie Chinees-Russische trans-Atlantische veiligheidsarchitectuur; do
	has "show bb: '$w'" "$bbtext" "$w"
done
hasnt "show bb: no page footer in the text" "$bbtext" "Tweede Kamer, vergaderjaar"
eq "show bb: the first paragraph is on page 1" "$(pj "$WORK/bb.json" 'd["paragraphs"][0]["page"]')" 1
eq "show bb: the last paragraphs are on page 18" "$(pj "$WORK/bb.json" '[p["page"] for p in d["paragraphs"][-3:]]')" "[18, 18, 18]"
eq "show bb: pages never go back" \
	"$(pj "$WORK/bb.json" 'all(p["page"] <= q["page"] for p, q in zip(d["paragraphs"], d["paragraphs"][1:]))')" true

# ---- show of the jaarverslag in two parts ----
"$LK" show $JV --json >"$WORK/jv.json"
eq "show jv: section 1 (part 001) before sections 2 and 3 (part 000)" \
	"$(pj "$WORK/jv.json" 'max(i for i, p in enumerate(d["paragraphs"]) if p["section"] == "1") < min(i for i, p in enumerate(d["paragraphs"]) if p["section"] in ("2", "3"))')" true
pj "$WORK/jv.json" '"\n".join(p["text"] for p in d["paragraphs"])' >"$WORK/jv.txt"
jvtext=$(cat "$WORK/jv.txt")
for w in gebalanceerde implementatie dual-use onderschreven instellingen beleidsdialoog; do
	has "show jv: '$w'" "$jvtext" "$w"
done
hasnt "show jv: no 'gebalan ceerde'" "$jvtext" "gebalan ceerde"
# part 000 starts with "Ook heeft Nederland zich in het kader van preventie"
eq "show jv: part 000 paragraphs are on page 19" \
	"$(pj "$WORK/jv.json" 'sorted(set(str(p["page"]) for p in d["paragraphs"][[i for i, p in enumerate(d["paragraphs"]) if p["text"].startswith("Ook heeft Nederland zich in het kader van preventie")][0]:]))')" '["19"]'
eq "show jv: part 001 paragraphs have no page" \
	"$(pj "$WORK/jv.json" 'sorted(set(str(p["page"]) for p in d["paragraphs"][:[i for i, p in enumerate(d["paragraphs"]) if p["text"].startswith("Ook heeft Nederland zich in het kader van preventie")][0]]))')" '["None"]'

# ---- show of the kabinetsreactie: notes ----
"$LK" show $KR --json >"$WORK/kr.json"
eq "show kr: three notes" "$(pj "$WORK/kr.json" 'len(d["notes"])')" 3
eq "show kr: note 1 text" "$(pj "$WORK/kr.json" '[n["text"] for n in d["notes"] if n["number"] == 1]')" \
	'["Kamerstuk 36 200 X, nr. 26."]'
eq "show kr: note 1 belongs to the paragraph with 'motie van het lid Valstar,'" \
	"$(pj "$WORK/kr.json" '[n["paragraph"] for n in d["notes"] if n["number"] == 1] == [p["id"] for p in d["paragraphs"] if "motie van het lid Valstar," in p["text"]]')" true
pj "$WORK/kr.json" '"\n".join(p["text"] for p in d["paragraphs"])' >"$WORK/kr.txt"
krtext=$(cat "$WORK/kr.txt")
has "show kr: 'motie van het lid Valstar,' without the marker" "$krtext" "motie van het lid Valstar,"
hasnt "show kr: no 'Valstar1'" "$krtext" "Valstar1"
has "show kr: (NIS2) kept" "$krtext" "(NIS2)"
has "show kr: G77 kept" "$krtext" "G77"
eq "show kr: note 2 joined over two lines" "$(pj "$WORK/kr.json" '[n["text"] for n in d["notes"] if n["number"] == 2]')" \
	'["Eindrapport te raadplegen via: https://www.kijkopeuropa.nl/resultaten/documenten/verslagen/2022/03/08/kijk-op-europa-eindrapport."]'
eq "show kr: no paragraph starts with a note ('1 Kamerstuk')" \
	"$(pj "$WORK/kr.json" '[p["id"] for p in d["paragraphs"] if p["text"].startswith("1 Kamerstuk")]')" "[]"

# ---- show of the Veiligheidsstrategie: Word markup removed ----
run "$LK" show $VS --json
printf '%s\n' "$out" >"$WORK/vs.json"
hasnt "show vs: no [bookmark:" "$out" "[bookmark:"
hasnt "show vs: no [endnoteRef:" "$out" "[endnoteRef:"
eq "show vs: 26 notes" "$(pj "$WORK/vs.json" 'len(d["notes"])')" 26
eq "show vs: notes numbered 1 to 26" "$(pj "$WORK/vs.json" '[n["number"] for n in d["notes"]] == list(range(1, 27))')" true
eq "show vs: no paragraph contains '[7:'" \
	"$(pj "$WORK/vs.json" '[p["id"] for p in d["paragraphs"] if "[7:" in p["text"]]')" "[]"

# ---- docs: dates ----
"$LK" docs --json >"$WORK/docs.json"
eq "docs: Beleidsbrief date" "$(pj "$WORK/docs.json" '[x["date"] for x in d if x["id"] == "kst-35925-V-84"]')" '["2022-03-08"]'
eq "docs: coalitieakkoord date" "$(pj "$WORK/docs.json" '[x["date"] for x in d if x["id"] == "kst-35788-77"]')" '["2021-12-15"]'

# ---- search, folding diacritics ----
run "$LK" search --json oekraine
eq "search oekraine: exit 0" "$rc" 0
printf '%s\n' "$out" >"$WORK/s-oekraine.json"
# fold: without diacritics, lower case
FOLD='(lambda s: "".join(c for c in __import__("unicodedata").normalize("NFD", s) if not __import__("unicodedata").combining(c)).lower())'
eq "search oekraine: results" "$(pj "$WORK/s-oekraine.json" 'len(d) > 0')" true
eq "search oekraine: every result has hits" "$(pj "$WORK/s-oekraine.json" 'all(len(r["hits"]) > 0 for r in d)')" true
eq "search oekraine: every hit selects a word folding to oekraine" \
	"$(pj "$WORK/s-oekraine.json" "sorted(set($FOLD(r['snippet'][a:b]) for r in d for a, b in r['hits']))")" '["oekraine"]'
eq "search oekraine: the hits select 'Oekraïne'" \
	"$(pj "$WORK/s-oekraine.json" "sum(r['snippet'][a:b] == 'Oekraïne' for r in d for a, b in r['hits']) > 0")" true
run "$LK" search --json financiele
printf '%s\n' "$out" >"$WORK/s-fin.json"
eq "search financiele: finds 'financiële'" \
	"$(pj "$WORK/s-fin.json" "sorted(set(r['snippet'][a:b].lower() for r in d for a, b in r['hits']))")" '["financiële"]'

# ---- DOC forms ----
for f in "35925 V 84" "35 925 V, nr. 84" 35925-V-84 002_117d03dec8eb1697; do
	run "$LK" show "$f" --json
	printf '%s\n' "$out" >"$WORK/form.json"
	eq "show '$f': id kst-35925-V-84" "$(pj "$WORK/form.json" 'd["id"]')" kst-35925-V-84
done

# ---- show one section ----
run "$LK" show $BB Postennet --width 80
eq "show Postennet: exit 0" "$rc" 0
has "show Postennet: its heading" "$out" "Postennet"
has "show Postennet: its text" "$(printf '%s\n' "$out" | tr '\n' ' ')" "Het postennet heeft een stevig anker nodig."
has "show Postennet: its last paragraph" "$(printf '%s\n' "$out" | tr '\n' ' ')" "reguliere begrotingsmomenten geïnformeerd."
hasnt "show Postennet: not the next section's heading" "$out" "Crisisgereedstelling"
hasnt "show Postennet: not the next section's text" "$(printf '%s\n' "$out" | tr '\n' ' ')" "De crisisgereedstelling van het departement"
hasnt "show Postennet: not the previous section's text" "$out" "Dienstverlening"

# ---- --width ----
run "$LK" show $BB --width 40
eq "show --width 40: exit 0" "$rc" 0
printf '%s\n' "$out" >"$WORK/w40.txt"
eq "show --width 40: no line wider than 40 columns" "$("$PY" -c '
import sys, unicodedata
def width(line):
    return sum(0 if unicodedata.combining(c) else
        2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
print([l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if width(l) > 40])
' "$WORK/w40.txt")" "[]"
eq "show --width 40: it does wrap (lines of more than 30 columns)" \
	"$("$PY" -c '
import sys
print(sum(len(l) > 30 for l in open(sys.argv[1], encoding="utf-8")) > 100)
' "$WORK/w40.txt")" True

finish
