#!/bin/sh
# search.sh: corpus search on the bundled corpus. Expected hits come from an
# independent count: every heading, paragraph, note and title that holds
# the query's words, folded the way a reader means them.
. tests/cli/lib.sh

$LK load assets/corpus >/dev/null 2>&1
ok "load the bundled corpus" test $? -eq 0

# all units of text, as JSON lines {doc, paragraph, text}
$LK docs --json > "$WORK/docs.json"
for d in $($PY -c 'import json,sys; print(" ".join(d["id"] for d in json.load(open(sys.argv[1]))))' "$WORK/docs.json"); do
	$LK show "$d" --json
done > "$WORK/shows.json"

# oracle MODE ARGS: how many units match, by Python's own folding
oracle() {
	$PY - "$WORK/docs.json" "$WORK/shows.json" "$@" <<'PY'
import json, re, sys, unicodedata
def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))
def tokens(s):
    return re.findall(r"[0-9a-z]+", fold(s))
units = [d["title"] for d in json.load(open(sys.argv[1]))]
dec = json.JSONDecoder()
raw = open(sys.argv[2]).read()
i = 0
while i < len(raw):
    while i < len(raw) and raw[i].isspace():
        i += 1
    if i >= len(raw):
        break
    obj, i = dec.raw_decode(raw, i)
    units += [p["text"] for p in obj["paragraphs"]]
    units += [n["text"] for n in obj["notes"]]
mode, args = sys.argv[3], sys.argv[4:]
n = 0
for u in units:
    t = tokens(u)
    if mode == "all":
        n += all(a in t for a in args)
    elif mode == "prefix":
        n += any(w.startswith(args[0]) for w in t)
    elif mode == "phrase":
        k = len(args)
        n += any(t[j:j + k] == args for j in range(len(t)))
    elif mode == "not":
        n += args[0] in t and args[1] not in t
    elif mode == "or":
        n += args[0] in t or args[1] in t
print(n)
PY
}

count() {
	$LK search "$1" --limit 10000 --json | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))'
}

eq "oekraine finds Oekraïne" "$(count oekraine)" "$(oracle all oekraine)"
eq "financiele finds financiële" "$(count financiele)" "$(oracle all financiele)"
eq "case does not matter" "$(count OEKRAINE)" "$(count oekraine)"
eq "prefix sanctie*" "$(count 'sanctie*')" "$(oracle prefix sanctie)"
eq "phrase" "$(count '"open strategische autonomie"')" "$(oracle phrase open strategische autonomie)"
eq "plain words are ANDed" "$(count 'oekraine rusland')" "$(oracle all oekraine rusland)"
eq "AND" "$(count 'oekraine AND rusland')" "$(oracle all oekraine rusland)"
eq "OR" "$(count 'sahel OR balkan')" "$(oracle or sahel balkan)"
eq "NOT" "$(count 'rusland NOT oekraine')" "$(oracle not rusland oekraine)"
n=$(count 'NEAR(sancties rusland, 5)')
ok "NEAR finds something" test "$n" -gt 0
ok "NEAR finds fewer than AND" test "$n" -le "$(count 'sancties rusland')"

# the hits select the words in the snippets
bad=$($LK search oekraine --limit 50 --json | $PY -c '
import json, sys, unicodedata
def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))
r = json.load(sys.stdin)
print(sum(1 for h in r for a, b in h["hits"] if fold(h["snippet"][a:b]) != "oekraine"))')
eq "hits select the matched words" "$bad" "0"

# headings and titles rank above body text
first=$($LK search postennet --json | $PY -c '
import json, sys; r = json.load(sys.stdin); print(r[0]["snippet"])')
eq "a heading ranks first" "$first" "Postennet"

# a Kamerstuk as a query: the paper and the passages citing it
out=$($LK search "35 788 nr 77" --json)
eq "citation query: the paper first" "$(echo "$out" | $PY -c 'import json,sys; r=json.load(sys.stdin); print(r[0]["doc"], r[0]["paragraph"])')" "kst-35788-77 None"
want=$($LK cited-by kst-35788-77 --json | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))')
eq "citation query: every citing passage" "$(echo "$out" | $PY -c 'import json,sys; print(len(json.load(sys.stdin)) - 1)')" "$want"
for form in "36 045 nr 4" "kst-36045-4" "Kamerstuk 36 045, nr. 4"; do
	eq "citation query $form" "$($LK search "$form" --json | $PY -c '
import json,sys; r=json.load(sys.stdin); print(sorted((h["doc"], h["paragraph"]) for h in r))')" \
	    "[('kst-35925-V-84', 11), ('kst-35925-V-84', 46)]"
done

eq "citation query 35925-V-84: the paper itself" "$($LK search 35925-V-84 --json | $PY -c '
import json,sys; r=json.load(sys.stdin); print(r[0]["doc"])')" "kst-35925-V-84"

# filters
eq "doc: limits to one document" "$($LK search 'oekraine doc:kst-35925-V-84' --limit 1000 --json | $PY -c '
import json,sys; print(sorted(set(h["doc"] for h in json.load(sys.stdin))))')" "['kst-35925-V-84']"
eq "--doc is the same" "$(count 'oekraine doc:kst-35925-V-84')" \
    "$($LK search oekraine --doc kst-35925-V-84 --limit 1000 --json | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))')"
secs=$($LK search 'dienstverlening doc:kst-35925-V-84 section:Dienstverlening' --limit 100 --json | $PY -c '
import json,sys; print(sorted(set(h["section"] for h in json.load(sys.stdin))))')
eq "section: a subtree" "$secs" "$($LK toc kst-35925-V-84 --json | $PY -c '
import json,sys
t = json.load(sys.stdin)
top = [s["id"] for s in t if s["title"] == "Dienstverlening"][0]
ids = {top} | {s["id"] for s in t if s["parent"] == top}
import subprocess
print(sorted(ids & set(sys.argv[1:])))' $(echo "$secs" | tr -d "[]',"))"
eq "year: filters by date" "$($LK search 'oekraine year:2022' --limit 1000 --json | $PY -c '
import json,sys; print(sorted(set(h["doc"] for h in json.load(sys.stdin))))')" "['kst-35925-V-84']"

# bad queries: a short readable message, never SQL
for q in '"unbalanced' 'AND' '*' 'doc:nosuchdoc x'; do
	run $LK search "$q"
	eq "bad query $q: exit 1" "$rc" "1"
	hasnt "bad query $q: no SQL words" "$err" "fts5"
	hasnt "bad query $q: no SQL words" "$err" "SQL"
	has "bad query $q: says what" "$err" "${q%% x}"
done
finish
