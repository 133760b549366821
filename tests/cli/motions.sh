#!/bin/sh
# motions.sh: the 27 motions extracted from PDF (shared/papers/motions-txt):
# metadata from the text, and the PDF boilerplate gone from the paragraphs.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

# in CI the repository is cloned with shared/ beside it
MOTIONS=../shared/papers/motions-txt
if [ ! -d "$MOTIONS" ]; then
	skip "all motion checks" "no folder $MOTIONS (the shared papers are not checked out beside the repository)"
	finish
	exit
fi

run "$LK" load "$MOTIONS"
eq "load motions: exit 0" "$rc" 0
eq "load motions: 27 added" "$(printf '%s\n' "$out" | grep -c '^added ')" 27
eq "load motions: 27 lines" "$(lines "$out")" 27

"$LK" docs --json >"$WORK/docs.json"
eq "docs: 27 documents" "$(pj "$WORK/docs.json" 'len(d)')" 27

# fact KEY: a value that facts() printed for the motion at hand
fact() {
	sed -n "s/^$1=//p" "$WORK/facts"
}
# facts ID: what docs --json and show --json say about motion ID, one
# KEY=VALUE a line
facts() {
	"$LK" show "$1" --json >"$WORK/show.json"
	echo "show_rc=$?"
	"$PY" -c '
import json, sys
docs = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [x["id"] for x in docs if x["id"] == sys.argv[3]]
print("listed=%d" % len(ids))
x = next((x for x in docs if x["id"] == sys.argv[3]), {})
print("title=%s" % (x.get("title") or ""))
print("date=%s" % x.get("date"))
s = x.get("signatories")
print("signatories=%s" % (isinstance(s, list) and len(s) > 0 and all(n.strip() for n in s)))
show = json.load(open(sys.argv[2], encoding="utf-8"))
paras = [p["text"] for p in show["paragraphs"]]
print("first=%s" % (paras[0] if paras else ""))
print("heard=%d" % paras.count("gehoord de beraadslaging,"))
print("closing=%d" % paras.count("en gaat over tot de orde van de dag."))
print("text=%s" % " | ".join(p.replace("\n", " / ") for p in paras))
' "$WORK/docs.json" "$WORK/show.json" "$1"
}

for f in "$MOTIONS"/*.txt; do
	id=$(basename "$f" .txt)		# kst-36045-139, kst-21501-20-1904
	case $id in
	kst-36045-*) date=2023-02-21 ;;
	kst-21501-20-*) date=2023-02-08 ;;
	*) date="unknown dossier" ;;
	esac
	facts "$id" >"$WORK/facts" 2>&1
	eq "$id: listed by docs --json under this id" "$(fact listed)" 1
	eq "$id: title starts with MOTIE VAN" "$(fact title | cut -c1-10)" "MOTIE VAN "
	eq "$id: date" "$(fact date)" "$date"
	eq "$id: a non-empty signatories array" "$(fact signatories)" True
	eq "$id: show --json exit 0" "$(fact show_rc)" 0
	text=$(fact text)
	for junk in "Tweede Kamer der Staten-Generaal" ISSN Gravenhage kst- \
	    "Tweede Kamer, vergaderjaar" Voorgesteld; do
		hasnt "$id: no '$junk' in the text" "$text" "$junk"
	done
	eq "$id: the first paragraph is 'De Kamer,'" "$(fact first)" "De Kamer,"
	eq "$id: one paragraph 'gehoord de beraadslaging,'" "$(fact heard)" 1
	eq "$id: one paragraph 'en gaat over tot de orde van de dag.'" "$(fact closing)" 1
done

finish
