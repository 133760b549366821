#!/bin/sh
# xref.sh: the citation network: cites, cited-by, refs, graph, related;
# resolution across id forms, of a dossier alone, of a document in parts,
# and of old citations when the cited paper is loaded later.
#
# tests/data/xref holds made-up papers: Testbrief A (99 001, nr. 1) and B
# (99 001, nr. 2) in one dossier, Testnotitie C (no Kamerstuk, a dossier
# citation and a note), Testrapport D (99 002, nr. 5) in two files, and
# 99 900, nr. 7, which they cite but is not there.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

DATA=tests/data/xref

# js NAME ARGS...: runs leeskamer ARGS, its stdout to $WORK/NAME.json
js() {
	f=$1
	shift
	"$LK" "$@" >"$WORK/$f.json" 2>"$WORK/$f.err"
	rc=$?
}

# ---- the fixtures, all at once ----
run "$LK" load "$DATA"
eq "load fixtures: exit 0" "$rc" 0
eq "load fixtures: ids" "$(printf '%s\n' "$out" | awk '{print $1, $2}')" \
	"added kst-99001-1
added kst-99001-2
added testnotitie-c
added kst-99002-5
added kst-99002-5"

# ---- cites ----
js b cites b --json
eq "cites b: exit 0" "$rc" 0
eq "cites b: ids in reading order" "$(pj "$WORK/b.json" '[x["id"] for x in d]')" \
	'["kst-99001-1", "kst-99001-1", "kst-99900-7", "kst-99002-5", "kst-99900-7"]'
eq "cites b: targets" "$(pj "$WORK/b.json" '[x["target"] for x in d]')" \
	'["kst-99001-1", "kst-99001-1", null, "kst-99002-5", null]'
eq "cites b: paragraphs" "$(pj "$WORK/b.json" '[x["paragraph"] for x in d]')" \
	"[2, 3, 3, 4, 4]"
eq "cites b: kinds, notes" "$(pj "$WORK/b.json" '[(x["kind"], x["note"]) for x in d][0]')" \
	'["kst", null]'
eq "cites b: display" "$(pj "$WORK/b.json" 'd[0]["display"]')" "99 001, nr. 1"
eq "cites b: label" "$(pj "$WORK/b.json" 'd[0]["label"]')" "testbrief"
eq "cites b: target_title" "$(pj "$WORK/b.json" 'd[0]["target_title"]')" "Testbrief A"
eq "cites b: targets array" "$(pj "$WORK/b.json" '[x["targets"] for x in d][1:3]')" \
	'[["kst-99001-1"], []]'
eq "cites b: the document in parts, its pinpoint page" \
	"$(pj "$WORK/b.json" '[d[3]["target"], d[3]["pin"], d[3]["target_page"]]')" \
	'["kst-99002-5", 3, 3]'
eq "cites b: no pinpoint, target_page null" "$(pj "$WORK/b.json" 'd[0]["target_page"]')" "null"
eq "cites b: unresolved, target_page null" "$(pj "$WORK/b.json" 'd[2]["target_page"]')" "null"
"$LK" show b --json >"$WORK/show-b.json"
# start and end are character offsets in the paragraph's text
eq "cites b: start/end cut the citation from its paragraph" "$(pj "$WORK/show-b.json" '
[[p["text"][c["start"]:c["end"]] for p in d["paragraphs"] if p["id"] == c["paragraph"]][0]
 for c in json.load(open(sys.argv[1][:-11] + "b.json"))]')" \
	'["Kamerstuk 99 001, nr. 1", "Kamerstuk 99 001, nr. 1", "Kamerstuk 99 900, nr. 7", "Kamerstuk 99 002, nr. 5, p. 3", "Kamerstuk 99 900, nr. 7"]'

js c cites testnotitie-c --json
eq "cites c: ids" "$(pj "$WORK/c.json" '[x["id"] for x in d]')" \
	'["dossier-99001", "kst-99900-7", "kst-99002-5", "kst-99001-2"]'
eq "cites c: the dossier alone: kind" "$(pj "$WORK/c.json" 'd[0]["kind"]')" "dossier"
eq "cites c: the dossier alone: target is its first paper" \
	"$(pj "$WORK/c.json" 'd[0]["target"]')" "kst-99001-1"
eq "cites c: the dossier alone: targets are its papers" \
	"$(pj "$WORK/c.json" 'd[0]["targets"]')" '["kst-99001-1", "kst-99001-2"]'
eq "cites c: a citation in a note: note, paragraph" \
	"$(pj "$WORK/c.json" '[d[3]["note"], d[3]["paragraph"], d[3]["target"]]')" \
	'[1, 3, "kst-99001-2"]'
"$LK" show testnotitie-c --json >"$WORK/show-c.json"
s=$(pj "$WORK/c.json" 'd[3]["start"]')
e=$(pj "$WORK/c.json" 'd[3]["end"]')
eq "cites c: start/end of a note's citation are in the note's text" \
	"$(pj "$WORK/show-c.json" '[n["text"] for n in d["notes"] if n["number"] == 1][0]['"$s:$e"']')" \
	"Kamerstuk 99 001, nr. 2"
run "$LK" cites testnotitie-c
eq "cites c text: one line a citation" "$(lines "$out")" 4
has "cites c text: the dossier's papers" "$out" \
	"99 001  dossier-99001  → Testbrief A (and kst-99001-2)"
has "cites c text: not in corpus" "$out" \
	"99 900, nr. 7  kst-99900-7  brief  → (not in corpus)"
has "cites c text: the note" "$out" "¶ 3 n. 1  99 001, nr. 2  kst-99001-2  testbrief  → Testbrief B"

js d cites "99 002 nr 5" --json
eq "cites of a document in parts: ids, kinds" "$(pj "$WORK/d.json" '[(x["id"], x["kind"]) for x in d]')" \
	'[["kst-99001-2", "kst"], ["ah-tk-20232024-9999", "ah"]]'
eq "cites of a document in parts: paragraphs across parts, pages from footers" \
	"$(pj "$WORK/d.json" '[(x["paragraph"], x["page"]) for x in d]')" '[[4, 3], [5, 3]]'
run "$LK" cites d1
has "cites text: paragraph and page" "$out" "¶ 4  p. 3  99 001, nr. 2  kst-99001-2"

run "$LK" cites no-such-paper
eq "cites of an unknown DOC: exit 1" "$rc" 1
has "cites of an unknown DOC: says so" "$err" "no-such-paper"
run "$LK" cites
eq "cites without DOC: exit 2" "$rc" 2

# ---- cited-by, in several id forms ----
js cb1 cited-by "99 001 nr 1" --json
eq "cited-by 99 001 nr 1: exit 0" "$rc" 0
eq "cited-by 99 001 nr 1: docs" "$(pj "$WORK/cb1.json" '[x["doc"] for x in d]')" \
	'["kst-99001-2", "kst-99001-2"]'
eq "cited-by: paragraphs" "$(pj "$WORK/cb1.json" '[x["paragraph"] for x in d]')" "[2, 3]"
eq "cited-by: title" "$(pj "$WORK/cb1.json" 'd[0]["title"]')" "Testbrief B"
eq "cited-by: label" "$(pj "$WORK/cb1.json" 'd[0]["label"]')" "testbrief"
eq "cited-by: page null without footers" "$(pj "$WORK/cb1.json" 'd[0]["page"]')" "null"
eq "cited-by: snippet: the paragraph's start, cut at a word" \
	"$(pj "$WORK/cb1.json" 'd[0]["snippet"]')" \
	"Deze brief is verzonnen voor de tests van leeskamer; hij bouwt voort op de vorige testbrief…"
for form in kst-99001-1 "99 001, nr. 1" "Kamerstuk 99 001, nr. 1" "Testbrief A" a; do
	js cbf cited-by "$form" --json
	eq "cited-by \"$form\": same as 99 001 nr 1" \
		"$(cat "$WORK/cbf.json")" "$(cat "$WORK/cb1.json")"
done
js cbd cited-by kst-99002-5 --json
eq "cited-by a document in parts: citing docs" "$(pj "$WORK/cbd.json" '[x["doc"] for x in d]')" \
	'["kst-99001-1", "kst-99001-2", "testnotitie-c"]'
eq "cited-by a document in parts: pinpoint" "$(pj "$WORK/cbd.json" '[x["pin"] for x in d]')" \
	"[null, 3, null]"
js cbn cited-by kst-99001-2 --json
eq "cited-by: a citation in a note" "$(pj "$WORK/cbn.json" '[(x["doc"], x["note"], x["paragraph"], x["page"]) for x in d]')" \
	'[["kst-99002-5", null, 4, 3], ["testnotitie-c", 1, 3, null]]'
eq "cited-by: a short paragraph's snippet is whole" "$(pj "$WORK/cbn.json" 'd[0]["snippet"]')" \
	"Het tweede deel geeft de cijfers waarnaar de tweede testbrief verwijst (Kamerstuk 99 001, nr. 2)."
js cbdos cited-by "99 001" --json
eq "cited-by a dossier: its citations and its papers'" \
	"$(pj "$WORK/cbdos.json" '[(x["doc"], x["id"]) for x in d]')" \
	'[["kst-99001-2", "kst-99001-1"], ["kst-99001-2", "kst-99001-1"], ["kst-99002-5", "kst-99001-2"], ["testnotitie-c", "dossier-99001"], ["testnotitie-c", "kst-99001-2"]]'
run "$LK" cited-by kst-99001-1
eq "cited-by text: a heading and two lines a citation" "$out" \
	"kst-99001-2  Testbrief B
  ¶ 2  99 001, nr. 1  testbrief
      Deze brief is verzonnen voor de tests van leeskamer; hij bouwt voort op de vorige testbrief…
  ¶ 3  99 001, nr. 1  testbrief gemeld
      Zoals in de vorige testbrief gemeld (Kamerstuk 99 001, nr. 1) en in de eerdere brief (Kamerstuk 99…"
run "$LK" cited-by testnotitie-c
eq "cited-by, cited by none: exit 0" "$rc" 0
eq "cited-by, cited by none: no output" "$out" ""
has "cited-by, cited by none: says so" "$err" "nothing in the index cites testnotitie-c"
js none cited-by testnotitie-c --json
eq "cited-by --json, cited by none: []" "$(cat "$WORK/none.json")" "[]"
run "$LK" cited-by "geen kamerstuk hier"
eq "cited-by an unparsable id: exit 1" "$rc" 1
has "cited-by an unparsable id: says why" "$err" "geen kamerstuk hier: not a citation id"
eq "cited-by an unparsable id: nothing on stdout" "$out" ""
run "$LK" cited-by
eq "cited-by without ID: exit 2" "$rc" 2

# ---- refs ----
js refs refs --json
eq "refs: ids, most cited first, ties by id" "$(pj "$WORK/refs.json" '[x["id"] for x in d]')" \
	'["kst-99900-7", "kst-99002-5", "kst-99001-1", "kst-99001-2", "ah-tk-20232024-9999", "dossier-99001"]'
eq "refs: counts" "$(pj "$WORK/refs.json" '[x["count"] for x in d]')" "[4, 3, 2, 2, 1, 1]"
eq "refs: papers" "$(pj "$WORK/refs.json" '[x["papers"] for x in d]')" "[3, 3, 1, 2, 1, 1]"
eq "refs: in_corpus" "$(pj "$WORK/refs.json" '[x["in_corpus"] for x in d]')" \
	"[false, true, true, true, false, true]"
eq "refs: kind, display" "$(pj "$WORK/refs.json" '[(x["kind"], x["display"]) for x in d][4:]')" \
	'[["ah", "Aanhangsel Handelingen II 2023/24, nr. 9999"], ["dossier", "99 001"]]'
js refsu refs --unresolved --json
eq "refs --unresolved: only what is not in the corpus" \
	"$(pj "$WORK/refsu.json" '[(x["id"], x["count"], x["papers"], x["in_corpus"]) for x in d]')" \
	'[["kst-99900-7", 4, 3, false], ["ah-tk-20232024-9999", 1, 1, false]]'
run "$LK" refs
eq "refs text: a header and a line an id" "$(lines "$out")" 7
has "refs text: a line" "$out" "    4      3  no         kst-99900-7              99 900, nr. 7"
run "$LK" refs --unresolved
hasnt "refs --unresolved text: no resolved id" "$out" "kst-99001-1"

# ---- graph ----
js g graph --json
eq "graph json: nodes" "$(pj "$WORK/g.json" '[x["id"] for x in d["nodes"]]')" \
	'["ah-tk-20232024-9999", "dossier-99001", "kst-99001-1", "kst-99001-2", "kst-99002-5", "kst-99900-7", "testnotitie-c"]'
eq "graph json: in_corpus" "$(pj "$WORK/g.json" '[x["in_corpus"] for x in d["nodes"]]')" \
	"[false, true, true, true, true, false, true]"
eq "graph json: titles" "$(pj "$WORK/g.json" '[x["title"] for x in d["nodes"]][2:6]')" \
	'["Testbrief A", "Testbrief B", "Testrapport D", "99 900, nr. 7"]'
eq "graph json: edges" "$(pj "$WORK/g.json" 'len(d["edges"])')" 11
eq "graph json: a weighted edge" \
	"$(pj "$WORK/g.json" '[x["weight"] for x in d["edges"] if (x["from"], x["to"]) == ("kst-99001-2", "kst-99001-1")]')" "[2]"
eq "graph json: weights add up to the citations" "$(pj "$WORK/g.json" 'sum(x["weight"] for x in d["edges"])')" 13
js g2 graph --format json
eq "graph --format json = graph --json" "$(cat "$WORK/g2.json")" "$(cat "$WORK/g.json")"
run "$LK" graph
eq "graph dot: exit 0" "$rc" 0
printf '%s\n' "$out" >"$WORK/g.dot"
eq "graph dot: a digraph" "$(head -n 1 "$WORK/g.dot")" "digraph citations {"
eq "graph dot: closed" "$(tail -n 1 "$WORK/g.dot")" "}"
# every other line a node or an edge statement, with quoted ids
eq "graph dot: only node and edge statements" "$(sed '1d;$d' "$WORK/g.dot" |
	grep -cv '^	\("[^"]*" \[label="\([^"\\]\|\\.\)*"\(, style=dashed\)\?\];\|"[^"]*" -> "[^"]*" \[weight=[0-9]*\(, label="[0-9]*"\)\?\];\|node \[shape=box\];\)$')" 0
eq "graph dot: 7 nodes" "$(grep -c '^	"[^"]*" \[label=' "$WORK/g.dot")" 7
eq "graph dot: 11 edges" "$(grep -c ' -> ' "$WORK/g.dot")" 11
has "graph dot: a weighted edge" "$out" '	"kst-99001-2" -> "kst-99001-1" [weight=2, label="2"];'
has "graph dot: quotes and backslashes escaped in a label" "$out" \
	'"testnotitie-c" [label="testnotitie-c\nTestnotitie C: \"aanhalingstekens\" en \\ een schuine streep"];'
has "graph dot: not in corpus dashed" "$out" '"kst-99900-7" [label="kst-99900-7\n99 900, nr. 7", style=dashed];'
if command -v dot >/dev/null 2>&1; then
	ok "graph dot: Graphviz reads it" dot -Tplain "$WORK/g.dot"
else
	skip "graph dot: Graphviz reads it" "no dot installed"
fi
run "$LK" graph --format svg
eq "graph --format svg: exit 2" "$rc" 2
has "graph --format svg: says so" "$err" "unknown format svg"
eq "graph --format svg: nothing on stdout" "$out" ""

# ---- related ----
js ra related a --json
eq "related a: same dossier, then co-citation" \
	"$(pj "$WORK/ra.json" '[(x["id"], x["reason"], x["shared"]) for x in d]')" \
	'[["kst-99001-2", "dossier", 2], ["testnotitie-c", "co-citation", 2]]'
eq "related a: titles" "$(pj "$WORK/ra.json" 'd[0]["title"]')" "Testbrief B"
js rc related testnotitie-c --json
eq "related c: co-citation, by shared citations" \
	"$(pj "$WORK/rc.json" '[(x["id"], x["reason"], x["shared"]) for x in d]')" \
	'[["kst-99001-1", "co-citation", 2], ["kst-99001-2", "co-citation", 2], ["kst-99002-5", "co-citation", 1]]'
js rd related d2 --json
eq "related d: co-citation of one id" \
	"$(pj "$WORK/rd.json" '[(x["id"], x["reason"], x["shared"]) for x in d]')" \
	'[["testnotitie-c", "co-citation", 1]]'
run "$LK" related b
has "related text" "$out" "kst-99001-1  Testbrief A  (dossier, 2 shared citations)"

# ---- a cited paper loaded later resolves old citations at once ----
LATE="$WORK/late"
run "$LK" --home "$LATE" load "$DATA/b.txt" "$DATA/c.txt"
eq "late: load b and c" "$(printf '%s\n' "$out" | awk '{print $1, $2}')" \
	"added kst-99001-2
added testnotitie-c"
js l1 --home "$LATE" cites b --json
eq "late: before a, b's citation of a is unresolved" \
	"$(pj "$WORK/l1.json" '[(d[0]["id"], d[0]["target"], d[0]["targets"])]')" \
	'[["kst-99001-1", null, []]]'
js l1c --home "$LATE" cites c --json
eq "late: before a, the dossier is b alone" \
	"$(pj "$WORK/l1c.json" '[d[0]["target"], d[0]["targets"]]')" \
	'["kst-99001-2", ["kst-99001-2"]]'
js l1r --home "$LATE" refs --unresolved --json
has "late: before a, refs --unresolved lists it" "$(cat "$WORK/l1r.json")" '"id":"kst-99001-1"'
run "$LK" --home "$LATE" load "$DATA/a.txt"
eq "late: load a" "$(printf '%s\n' "$out" | awk '{print $1, $2}')" "added kst-99001-1"
js l2 --home "$LATE" cites b --json
eq "late: after a, b's citation resolves to a" \
	"$(pj "$WORK/l2.json" '[d[0]["target"], d[0]["target_title"], d[0]["targets"]]')" \
	'["kst-99001-1", "Testbrief A", ["kst-99001-1"]]'
js l2c --home "$LATE" cites c --json
eq "late: after a, the dossier has a first" \
	"$(pj "$WORK/l2c.json" '[d[0]["target"], d[0]["targets"]]')" \
	'["kst-99001-1", ["kst-99001-1", "kst-99001-2"]]'
js l2r --home "$LATE" refs --unresolved --json
hasnt "late: after a, refs --unresolved no longer lists it" "$(cat "$WORK/l2r.json")" '"id":"kst-99001-1"'
js l2b --home "$LATE" cited-by a --json
eq "late: after a, cited-by a" "$(pj "$WORK/l2b.json" '[x["doc"] for x in d]')" \
	'["kst-99001-2", "kst-99001-2"]'
run "$LK" --home "$LATE" load "$DATA/b.txt"
eq "late: b was not read again: unchanged" "$out" "unchanged  b"

# ---- the bundled corpus ----
CORPUS="$WORK/corpus"
run "$LK" --home "$CORPUS" load assets/corpus
eq "corpus: load exit 0" "$rc" 0
js k --home "$CORPUS" cited-by "35 788 nr 77" --json
eq "corpus: cited-by 35 788 nr 77: the Beleidsbrief and the kabinetsreactie" \
	"$(pj "$WORK/k.json" '[x["doc"] for x in d]')" \
	'["kst-35925-V-84", "kabinetsreactie-aiv-geopolitieke-tijdschok"]'
eq "corpus: the Beleidsbrief cites it in its text" \
	"$(pj "$WORK/k.json" '[d[0]["note"], d[0]["page"], d[0]["label"], d[0]["pin"]]')" \
	'[null, 17, "coalitieakkoord", null]'
# the note reads "… (2021–2025 p. 41) Bijlage bij Kamerstuk 35 788, nr. 77.":
# the recogniser takes "Bijlage" as the label and p. 41, standing before
# the citation, as its pinpoint
eq "corpus: the kabinetsreactie cites it in note 3" \
	"$(pj "$WORK/k.json" '[d[1]["note"], d[1]["page"], d[1]["label"], d[1]["pin"], d[1]["display"]]')" \
	'[3, 7, "Bijlage", 41, "35 788, nr. 77"]'
"$LK" --home "$CORPUS" show kabinetsreactie-aiv-geopolitieke-tijdschok --json >"$WORK/krshow.json"
eq "corpus: note 3's paragraph is the one with its marker" \
	"$(pj "$WORK/k.json" 'd[1]["paragraph"]')" \
	"$(pj "$WORK/krshow.json" '[n["paragraph"] for n in d["notes"] if n["number"] == 3][0]')"
s=$(pj "$WORK/k.json" 'd[1]["start"]')
e=$(pj "$WORK/k.json" 'd[1]["end"]')
eq "corpus: note 3's citation spans its Kamerstuk in the note" \
	"$(pj "$WORK/krshow.json" '[n["text"] for n in d["notes"] if n["number"] == 3][0]['"$s:$e"']')" \
	"Kamerstuk 35 788, nr. 77"
"$LK" --home "$CORPUS" show kst-35925-V-84 --json >"$WORK/bb.json"
eq "corpus: the snippet is the start of the citing paragraph" \
	"$(pj "$WORK/bb.json" '[p["text"][:60] for p in d["paragraphs"] if p["id"] == '"$(pj "$WORK/k.json" 'd[0]["paragraph"]')"'][0]')" \
	"$(pj "$WORK/k.json" 'd[0]["snippet"][:60]')"
js kc --home "$CORPUS" cites kabinetsreactie-aiv-geopolitieke-tijdschok --json
eq "corpus: cites: the note's citation resolves to the Coalitieakkoord" \
	"$(pj "$WORK/kc.json" '[(x["target"], x["target_title"][:15]) for x in d if x["note"] == 3]')" \
	'[["kst-35788-77", "Coalitieakkoord"]]'
eq "corpus: cites: 18 citations, one resolved" \
	"$(pj "$WORK/kc.json" '[len(d), sum(x["target"] is not None for x in d)]')" "[18, 1]"
js kr --home "$CORPUS" refs --json
eq "corpus: refs: kst-36045-4 not in corpus" \
	"$(pj "$WORK/kr.json" '[(x["count"], x["papers"], x["in_corpus"]) for x in d if x["id"] == "kst-36045-4"]')" \
	'[[2, 1, false]]'
eq "corpus: refs: kst-35788-77 in corpus" \
	"$(pj "$WORK/kr.json" '[(x["count"], x["papers"], x["in_corpus"]) for x in d if x["id"] == "kst-35788-77"]')" \
	'[[2, 2, true]]'
eq "corpus: refs: sorted by count, then id" \
	"$(pj "$WORK/kr.json" 'd == sorted(d, key=lambda x: (-x["count"], x["id"]))')" "true"
js kru --home "$CORPUS" refs --unresolved --json
eq "corpus: refs --unresolved: all but kst-35788-77" \
	"$(pj "$WORK/kru.json" '[len(d), any(x["in_corpus"] for x in d)]')" \
	"[$(pj "$WORK/kr.json" 'len(d) - 1'), false]"
js krel --home "$CORPUS" related kst-35925-V-84 --json
eq "corpus: related: the kabinetsreactie shares the Coalitieakkoord" \
	"$(pj "$WORK/krel.json" '[(x["id"], x["reason"], x["shared"]) for x in d]')" \
	'[["kabinetsreactie-aiv-geopolitieke-tijdschok", "co-citation", 1]]'
if command -v dot >/dev/null 2>&1; then
	"$LK" --home "$CORPUS" graph >"$WORK/corpus.dot"
	ok "corpus: Graphviz reads the graph" dot -Tplain "$WORK/corpus.dot"
else
	skip "corpus: Graphviz reads the graph" "no dot installed"
fi

finish
