#!/bin/sh
# load.sh: leeskamer load: statuses, reloading, updating, usage errors,
# missing paths, folders, and a load killed halfway.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

CORPUS=assets/corpus

# ---- the bundled corpus, first time ----
run "$LK" load "$CORPUS"
eq "load corpus: exit 0" "$rc" 0
eq "load corpus: one line per file (6)" "$(lines "$out")" 6
# "added" is per file (the file was new): both parts of kst-36360-V-1 are new
eq "load corpus: statuses and ids in file order" \
	"$(printf '%s\n' "$out" | awk '{print $1, $2}')" \
	"added kst-36360-V-1
added kst-36360-V-1
added kst-35925-V-84
added kabinetsreactie-aiv-geopolitieke-tijdschok
added internationale-veiligheidsstrategie-2026-2030
added kst-35788-77"
eq "load corpus: the added lines name 5 documents" \
	"$(printf '%s\n' "$out" | awk '$1 == "added" {print $2}' | sort -u | wc -l | tr -d ' ')" 5
eq "load corpus: every line ends with its counts" \
	"$(printf '%s\n' "$out" | grep -c '  ([0-9]* sections, [0-9]* paragraphs, [0-9]* citations)$')" 6
eq "load corpus: nothing on stderr" "$err" ""
if [ -f /usr/share/dict/dutch ] || [ -n "${LEESKAMER_DICT:-}" ]; then
	eq "load corpus: the word list kept as loaded" \
		"$([ -s "$LEESKAMER_HOME/lexicon.cache" ] && echo yes)" yes
fi

# ---- again: nothing changed ----
run "$LK" load "$CORPUS"
eq "reload: exit 0" "$rc" 0
eq "reload: every file unchanged" "$out" "unchanged  000_7e2e364aaab469e1
unchanged  001_13ffe909e0d1cc07
unchanged  002_117d03dec8eb1697
unchanged  003_158c06805875022c
unchanged  004_0abb7044e9a12cfc
unchanged  kst-35788-77"

# ---- docs --json ----
"$LK" docs --json >"$WORK/docs.json"
eq "docs: 5 documents" "$(pj "$WORK/docs.json" 'len(d)')" 5
eq "docs: the document ids" "$(pj "$WORK/docs.json" '" ".join(sorted(x["id"] for x in d))')" \
	"internationale-veiligheidsstrategie-2026-2030 kabinetsreactie-aiv-geopolitieke-tijdschok kst-35788-77 kst-35925-V-84 kst-36360-V-1"
eq "docs: kst-36360-V-1 has 2 parts" \
	"$(pj "$WORK/docs.json" '[x["parts"] for x in d if x["id"] == "kst-36360-V-1"]')" "[2]"
eq "docs: the other documents have 1 part" \
	"$(pj "$WORK/docs.json" 'sorted(set(x["parts"] for x in d if x["id"] != "kst-36360-V-1"))')" "[1]"

# ---- a copy of a file with changed content: updated, same id ----
mkdir "$WORK/upd"
cp "$CORPUS"/002_117d03dec8eb1697.txt "$CORPUS"/002_117d03dec8eb1697.meta "$WORK/upd/"
sed 's/^stevig anker nodig\. *$/zeer stevig anker nodig./' \
	"$CORPUS/002_117d03dec8eb1697.txt" >"$WORK/upd/002_117d03dec8eb1697.txt"
touch "$WORK/upd/002_117d03dec8eb1697.txt"
run "$LK" load "$WORK/upd/002_117d03dec8eb1697.txt"
eq "changed copy: exit 0" "$rc" 0
eq "changed copy: updated, same id" "$(printf '%s\n' "$out" | awk '{print $1, $2}')" \
	"updated kst-35925-V-84"
"$LK" show kst-35925-V-84 --json >"$WORK/upd.json"
eq "changed copy: the new text is shown" \
	"$(pj "$WORK/upd.json" 'sum("zeer stevig anker" in p["text"] for p in d["paragraphs"])')" 1
"$LK" docs --json >"$WORK/docs2.json"
eq "changed copy: still 5 documents" "$(pj "$WORK/docs2.json" 'len(d)')" 5
run "$LK" load "$WORK/upd/002_117d03dec8eb1697.txt"
eq "changed copy again: unchanged" "$out" "unchanged  002_117d03dec8eb1697"

# ---- the same files twice in one load: the second time unchanged ----
run "$LK" --home "$WORK/twice" load "$CORPUS" "$CORPUS"
eq "twice in one load: 6 added, then 6 unchanged" \
	"$(printf '%s\n' "$out" | awk '{print $1}' | uniq -c | awk '{print $1, $2}' | tr '\n' ' ')" \
	"6 added 6 unchanged "

# ---- stamps: size and time say a file is unchanged without reading it ----
mkdir "$WORK/st"
printf 'Een brief\n\nDe eerste alinea van deze korte brief.\n' >"$WORK/st/brief.txt"
touch -d '2020-01-02 03:04:05' "$WORK/st/brief.txt"
run "$LK" load "$WORK/st"
eq "stamp: first load adds" "$(printf '%s\n' "$out" | awk '{print $1}')" added
stamp=$(sqlite3 "$LEESKAMER_HOME/index.db" "SELECT stamp FROM file WHERE stem = 'brief'")
has "stamp: size and time of the file and of no sidecar" "$stamp" " 50 1577934245.000000000 -1 0.000000000"
touch -d '2021-01-02 03:04:05' "$WORK/st/brief.txt"
run "$LK" load "$WORK/st"
eq "stamp: a touched file with the same text is unchanged" "$out" "unchanged  brief"
eq "stamp: and carries its new time" \
	"$(sqlite3 "$LEESKAMER_HOME/index.db" "SELECT stamp LIKE '% 1609556645.%' FROM file WHERE stem = 'brief'")" 1
# the same size, another time: read again
printf 'Een brief\n\nDe tweede alinea van deze korte brief.\n' >"$WORK/st/brief.txt"
touch -d '2022-01-02 03:04:05' "$WORK/st/brief.txt"
run "$LK" load "$WORK/st"
eq "stamp: new text of the same size, another time: updated" \
	"$(printf '%s\n' "$out" | awk '{print $1}')" updated
# a new sidecar changes the stamp
printf 'title: Een andere titel\n' >"$WORK/st/brief.meta"
touch -d '2022-01-02 03:04:05' "$WORK/st/brief.meta"
run "$LK" load "$WORK/st"
eq "stamp: a new sidecar: updated" "$(printf '%s\n' "$out" | awk '{print $1, $3, $4, $5}')" \
	"updated Een andere titel"
# a file changed this very second is read however its stamp looks
printf 'Een brief\n\nDe derde alinea van deze korte brief.\n' >"$WORK/st/brief.txt"
run "$LK" load "$WORK/st"
eq "stamp: a file changed just now: updated" "$(printf '%s\n' "$out" | awk '{print $1}')" updated
eq "stamp: and not stamped, so the next load reads it" \
	"$(sqlite3 "$LEESKAMER_HOME/index.db" "SELECT stamp IS NULL FROM file WHERE stem = 'brief'")" 1

# ---- the full text reads its words from the rows: what went out of
# them (replaced files, an old title) must go out of it too ----
eq "full text: FTS5's integrity check after updates and a new title" \
	"$(sqlite3 "$LEESKAMER_HOME/index.db" "INSERT INTO fts(fts, rank) VALUES('integrity-check', 1)" 2>&1)" ""
"$LK" search '"andere titel"' --json >"$WORK/ft1.json"
eq "full text: the new title is found" \
	"$(pj "$WORK/ft1.json" 'sum(1 for h in d if h["doc"] == "brief" and h["paragraph"] is None)')" 1
"$LK" search '"een brief"' --json >"$WORK/ft2.json"
eq "full text: the old title is not" \
	"$(pj "$WORK/ft2.json" 'sum(1 for h in d if h["doc"] == "brief" and h["paragraph"] is None)')" 0
"$LK" search '"tweede alinea van deze korte brief"' --json >"$WORK/ft3.json"
eq "full text: the replaced paragraph is not" "$(pj "$WORK/ft3.json" 'len(d)')" 0
"$LK" search '"derde alinea van deze korte brief"' --json >"$WORK/ft4.json"
eq "full text: the paragraph that replaced it is" "$(pj "$WORK/ft4.json" 'len(d)')" 1

# ---- usage errors ----
run "$LK" load
eq "load without a path: exit 2" "$rc" 2
has "load without a path: says so" "$err" "load"
run "$LK" load --bogus "$CORPUS"
eq "load --bogus: exit 2" "$rc" 2
has "load --bogus: names the option" "$err" "--bogus"
eq "load --bogus: loads nothing" "$out" ""
run "$LK" --bogus docs
eq "leeskamer --bogus: exit 2" "$rc" 2

# ---- a path that does not exist, beside a good file ----
printf 'Een losse notitie\n\nDit is de tekst van een losse notitie.\n' >"$WORK/losse-notitie.txt"
run "$LK" load "$WORK/does-not-exist.txt" "$WORK/losse-notitie.txt"
eq "missing path: exit 1" "$rc" 1
eq "missing path: failed line names it" \
	"$(printf '%s\n' "$out" | grep -c "^failed .*does-not-exist.txt")" 1
has "missing path: stderr names it" "$err" "does-not-exist.txt"
eq "missing path: the other file still loads" \
	"$(printf '%s\n' "$out" | awk '$1 == "added" {print $2}')" "losse-notitie"

# ---- folders recurse; only *.txt ----
mkdir -p "$WORK/tree/a/b" "$WORK/tree/c"
printf 'Bovenaan\n\nEen tekst bovenaan de map.\n' >"$WORK/tree/boven.txt"
printf 'Diep\n\nEen tekst diep in de map.\n' >"$WORK/tree/a/b/diep.txt"
printf 'Midden\n\nEen tekst in map c.\n' >"$WORK/tree/c/midden.txt"
printf 'geen tekstbestand\n' >"$WORK/tree/a/notities.md"
run "$LK" load "$WORK/tree"
eq "folder: exit 0" "$rc" 0
eq "folder: the three .txt files, recursively, and nothing else" \
	"$(printf '%s\n' "$out" | awk '{print $1, $2}' | sort)" "added boven
added diep
added midden"

# ---- a load killed halfway leaves a sound index ----
if ! command -v sqlite3 >/dev/null 2>&1; then
	skip "killed load" "no sqlite3 command (make deps installs it)"
else
	KH=$WORK/killhome
	mkdir "$WORK/many"
	i=1
	while [ "$i" -le 200 ]; do
		cp "$CORPUS/kst-35788-77.txt" "$WORK/many/akkoord_$i.txt"
		i=$((i + 1))
	done
	"$LK" --home "$KH" load "$WORK/many" >"$WORK/killed.out" 2>&1 &
	pid=$!
	# wait until a batch of files is committed, then kill it in the
	# middle of the rest (a load commits every few seconds)
	n=0
	while [ "$n" -lt 600 ] && [ "$(sqlite3 "$KH/index.db" \
	    'SELECT count(*) FROM doc' 2>/dev/null || echo 0)" -lt 1 ]; do
		sleep 0.05
		n=$((n + 1))
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	got=$(grep -c '^added' "$WORK/killed.out")
	ok "killed load: killed halfway (some but not all 200 files loaded: $got)" \
		[ "$got" -ge 1 -a "$got" -lt 200 ]
	eq "killed load: index.db integrity_check" \
		"$(sqlite3 "$KH/index.db" 'PRAGMA integrity_check' 2>&1)" ok
	run "$LK" --home "$KH" docs --json
	eq "killed load: docs --json exit 0" "$rc" 0
	printf '%s\n' "$out" >"$WORK/killed-docs.json"
	eq "killed load: docs --json is a list of the loaded files" \
		"$(pj "$WORK/killed-docs.json" 'len(d) >= 1 and all(x["id"].startswith("akkoord_") for x in d)')" true
	eq "killed load: every listed document has paragraphs" \
		"$(pj "$WORK/killed-docs.json" '[x["id"] for x in d if not x["paragraphs"] > 0]')" "[]"
	run "$LK" --home "$KH" load "$WORK/many"
	eq "killed load: a second load exits 0" "$rc" 0
	eq "killed load: the second load reports 200 files" "$(lines "$out")" 200
	eq "killed load: the second load fails none" "$(printf '%s\n' "$out" | grep -c '^failed')" 0
	"$LK" --home "$KH" docs --json >"$WORK/killed-docs2.json"
	eq "killed load: all 200 documents after the second load" \
		"$(pj "$WORK/killed-docs2.json" 'len(d)')" 200
	eq "killed load: all have 433 paragraphs" \
		"$(pj "$WORK/killed-docs2.json" 'sorted(set(x["paragraphs"] for x in d))')" "[433]"
	eq "killed load: integrity_check after the second load" \
		"$(sqlite3 "$KH/index.db" 'PRAGMA integrity_check' 2>&1)" ok

	# an interrupt stops the load after the file in hand and keeps
	# every file it reported
	IH=$WORK/inthome
	"$LK" --home "$IH" load "$WORK/many" >"$WORK/int.out" 2>"$WORK/int.err" &
	pid=$!
	n=0
	while [ "$n" -lt 600 ] && [ "$(grep -c '^added' "$WORK/int.out")" -lt 3 ]; do
		sleep 0.05
		n=$((n + 1))
	done
	kill -INT "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	got=$(grep -c '^added' "$WORK/int.out")
	eq "interrupted load: exit 1" "$rc" 1
	has "interrupted load: says so" "$(cat "$WORK/int.err")" "interrupted: $got of 200 files loaded"
	eq "interrupted load: every file it reported is in the index" \
		"$(sqlite3 "$IH/index.db" 'SELECT count(*) FROM doc')" "$got"
	eq "interrupted load: and searchable" \
		"$(sqlite3 "$IH/index.db" "SELECT count(*) FROM fts WHERE rowid % 4 = 3")" "$got"
fi

finish
