#!/bin/sh
# xml_recall.sh: the real motions of shared/papers/motions-xml loaded with
# `leeskamer load`, field by field against their markup as an independent
# reader (python3's xml.etree) gives it: id, kamerstuk, title, date,
# vergaderjaar, dossier and dossier_title of docs --json. A sample spread
# over the 14 dossiers (the first, middle and last motion of each) is
# checked one document a check; then all 692 at once. (The recogniser
# against the <extref> markup, recall and precision, is
# tests/unit/test_xml_recall.c.)
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

# in CI the repository is cloned with shared/ beside it
MOTIONS=../shared/papers/motions-xml

if [ ! -d "$MOTIONS" ]; then
	skip "the real motions" "no folder $MOTIONS (the shared papers are not checked out beside the repository)"
	finish
	exit
fi

# what the markup says, per file: the fields docs --json should give
cat >"$WORK/markup.py" <<'EOF'
import json, os, re, sys
import xml.etree.ElementTree as ET

def norm(s):
    return re.sub(r"[ \t\r\n]+", " ", s or "").strip()

def text(el):
    return norm("".join(el.itertext())) if el is not None else None

def markup(path):
    r = ET.parse(path).getroot()
    meta = {m.get("name"): m.get("content") for m in r.iter("meta")}
    ident = meta.get("DC.identifier") or re.sub(
        r"^.*/([^/]+)/metadata\.xml$", r"\1",
        meta.get("OVERHEIDop.externMetadataRecord", ""))
    ks = r.find("kamerstuk")
    dossier = text(ks.find("dossier/dossiernummer"))
    nr = text(ks.find("stuk/stuknr/ondernummer"))
    vj = [text(t) for t in ks.iter("tekstregel") if t.get("inhoud") == "vergaderjaar"]
    datum = ks.find("stuk/datumtekst/datum")
    return [ident, "%s, nr. %s" % (dossier, nr), text(ks.find("stuk/titel")),
            datum.get("isodatum") if datum is not None else None,
            re.sub(r"^Vergaderjaar ", "", vj[0]).replace("/", "-") if vj else None,
            dossier, text(ks.find("dossier/titel"))]

FIELDS = ("id", "kamerstuk", "title", "date", "vergaderjaar", "dossier",
          "dossier_title")

def key(f):
    # by dossier, then by number
    m = re.match(r"^(.*)-(\d+)\.xml$", f)
    return (m.group(1), int(m.group(2))) if m else (f, 0)

cmd, folder = sys.argv[1], sys.argv[2]
files = sorted((f for f in os.listdir(folder) if f.endswith(".xml")), key=key)
if cmd == "sample":
    # the first, middle and last motion of each dossier
    by = {}
    for f in files:
        by.setdefault(key(f)[0], []).append(f)
    for d, fs in by.items():
        for f in sorted(set([fs[0], fs[len(fs) // 2], fs[-1]]), key=key):
            print(f)
elif cmd == "dossiers":
    print(len(set(key(f)[0] for f in files)))
else:
    # compare FOLDER DOCS.JSON [FILE...]: per file "FILE\tWANT\tGOT", or
    # with no files, the files of FOLDER that differ
    docs = {d["id"]: d for d in json.load(open(sys.argv[3], encoding="utf-8"))}
    for f in sys.argv[4:] or files:
        want = markup(os.path.join(folder, f))
        d = docs.get(want[0])
        got = [d.get(k) for k in FIELDS] if d else None
        if sys.argv[4:] or got != want:
            print("%s\t%s\t%s" % (f, json.dumps(want, ensure_ascii=False),
                                  json.dumps(got, ensure_ascii=False)))
EOF

# ---- a sample, one document a check ----

"$PY" "$WORK/markup.py" sample "$MOTIONS" >"$WORK/sample.list"
n=$(lines "$(cat "$WORK/sample.list")")
eq "the sample: 14 dossiers" "$("$PY" "$WORK/markup.py" dossiers "$MOTIONS")" 14
eq "the sample: at least 20 motions, from each dossier (has $n)" "$([ "$n" -ge 20 ] && echo yes)" yes
mkdir -p "$WORK/sample"
while read -r f; do
	cp "$MOTIONS/$f" "$WORK/sample/"
done <"$WORK/sample.list"
run "$LK" load "$WORK/sample"
eq "sample: load exit 0" "$rc" 0
eq "sample: all added" "$(printf '%s\n' "$out" | grep -c '^added ')" "$n"
"$LK" docs --json >"$WORK/s-docs.json"
eq "sample: as many documents" "$(pj "$WORK/s-docs.json" 'len(d)')" "$n"
# shellcheck disable=SC2046
"$PY" "$WORK/markup.py" compare "$MOTIONS" "$WORK/s-docs.json" $(cat "$WORK/sample.list") >"$WORK/s-cmp.tsv"
eq "sample: a comparison per motion" "$(lines "$(cat "$WORK/s-cmp.tsv")")" "$n"
tab=$(printf '\t')
while IFS=$tab read -r f want got; do
	eq "$f: id, kamerstuk, title, date, vergaderjaar, dossier, dossier_title as the markup says" "$got" "$want"
done <"$WORK/s-cmp.tsv"

# ---- all 692 ----

export LEESKAMER_HOME="$WORK/h-all"
run "$LK" load "$MOTIONS"
eq "all: load exit 0" "$rc" 0
"$LK" docs --json >"$WORK/a-docs.json"
eq "all: 692 documents" "$(pj "$WORK/a-docs.json" 'len(d)')" 692
eq "all: every motion's fields as the markup says (the ones that differ: file, markup, docs --json)" \
    "$("$PY" "$WORK/markup.py" compare "$MOTIONS" "$WORK/a-docs.json" 2>&1)" ""

finish
