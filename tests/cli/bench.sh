#!/bin/sh
# bench.sh: make bench-quick's run, small: it runs to its end on a fresh
# machine, prints its table and writes every row to results.json with a
# figure. Times are not judged here (the bench reports them, as ratios).
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

if ! command -v sqlite3 >/dev/null 2>&1 || ! command -v less >/dev/null 2>&1; then
	skip "bench" "no sqlite3 or less command (make deps installs them)"
	finish
fi
BENCH_OUT=$WORK/out BENCH_WORK=$WORK/bw BENCH_QUERIES=14 BENCH_REPS=1 \
    BENCH_KEYS=400 run sh tests/bench/run.sh quick
eq "bench quick: exit 0" "$rc" 0
has "bench quick: the table's last line" "$out" "bench (quick): "
has "bench quick: the index row" "$out" "index S ("
has "bench quick: the first screen row" "$out" "first screen p99"
eq "bench quick: the work folder is removed" "$(ls "$WORK" | grep -c '^bw$')" 0
eq "bench quick: results.json has every row the table has, each with a figure" \
    "$($PY - "$WORK/out/results.json" "$(printf '%s\n' "$out" | grep -c '^  [a-z]')" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
rows = d["rows"]
keys = {r["key"] for r in rows}
need = {"index.S", "load.S.rss", "search.S.median_vs_sqlite3",
        "search.S.median_vs_grep", "search.S.first_p99", "browser.S.keys_p99",
        "browser.S.open", "browser.S.first", "reload.S"}
bad = [r["key"] for r in rows if not isinstance(r["ours"], (int, float))]
res = [r["key"] for r in rows if r["result"] not in ("PASS", "MISS", "info")]
print(sorted(need - keys), bad, res, len(rows) + 2 >= int(sys.argv[2]))
PYEOF
)" "[] [] [] True"
finish
