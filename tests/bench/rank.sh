#!/bin/sh
# rank.sh: the browser's first screen of a corpus search against the whole
# ranking, leeskamer search and the bare FTS5 query, on an index already
# loaded (the bench's, kept with BENCH_KEEP=1, or any other).
#
#   sh tests/bench/rank.sh HOME [KIND...]
#
# HOME holds index.db. KIND: kinds of the bench's queries (gen -Q: common,
# word, rare, phrase, prefix, and, kamerstuk; default common). Builds
# rank.c against the objects of ./leeskamer (make leeskamer first), prints
# rank's line per query, then the median and p99 of each column and the
# ratios that matter: first screen and final ranking over the bare query.
# The bare query is also timed as a sqlite3 shell process, as the bench
# times it. Environment: BENCH_QUERIES (200), BENCH_SEED, REPS (3), FIRST
# (rows of the first slice, 2000, as the browser), SLICE_MS (5), LIMIT
# (200, as the browser), CC.
set -u
[ $# -ge 1 ] || { echo "usage: sh tests/bench/rank.sh HOME [KIND...]" >&2; exit 2; }
home=$1
shift
kinds=${*:-common}
cd "$(dirname "$0")/../.." || exit 1
[ -f "$home/index.db" ] || { echo "rank: no $home/index.db" >&2; exit 1; }
[ -f src/store_search.o ] || { echo "rank: make leeskamer first" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
CC=${CC:-cc}
make --no-print-directory -s bench-rank BENCH_RANK="$W/rank" BENCH_DRIVE_DEPS= ||
    exit 1
"$CC" -O2 -o "$W/gen" tests/bench/gen.c -lm || exit 1
"$CC" -O2 -o "$W/timeit" tests/bench/timeit.c || exit 1
"$W/gen" -s "${BENCH_SEED:-20240611}" -Q "${BENCH_QUERIES:-200}" -n 29 \
    assets/corpus/*.txt >"$W/queries.tsv"
for k in $kinds; do
	awk -F'\t' -v k="$k" '$1 == k { print $2 }' "$W/queries.tsv"
done >"$W/q"
echo "rank: $(wc -l <"$W/q") queries ($kinds) on $home" >&2
"$W/rank" "$home" "${FIRST:-2000}" "${SLICE_MS:-5}" "${LIMIT:-200}" \
    <"$W/q" | tee "$W/out"

# the bare query as the bench runs it: a sqlite3 process, LIMIT 20
while IFS= read -r q; do
	sq=$(printf '%s' "$q" | sed "s/'/''/g")
	printf 'sqlite3\t-batch\t%s\t%s\n' "$home/index.db" "SELECT rowid,"\
" snippet(fts, -1, char(1), char(2), '…', 16), bm25(fts, 4.0, 1.0) AS score"\
" FROM fts WHERE fts MATCH '$sq' ORDER BY score, rowid LIMIT 20"
done <"$W/q" >"$W/list"
head -3 "$W/list" | "$W/timeit" >/dev/null
"$W/timeit" <"$W/list" | cut -f1 >"$W/shell"

# median and p99 (nearest rank) of a column of numbers
stats() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "- -"; exit }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		p = int(NR * 0.99); if (p < NR * 0.99) p++; if (p < 1) p = 1
		printf "%.2f %.2f\n", m, v[p] }'
}
col() {
	awk -F'\t' -v c="$1" 'NR > 1 { print $c }' "$W/out" | stats
}
set -- $(col 1); f_med=$1 f_p99=$2
set -- $(col 2); s_med=$1 s_p99=$2
set -- $(col 3); a_med=$1 a_p99=$2
set -- $(col 4); o_med=$1 o_p99=$2
set -- $(col 5); q_med=$1 q_p99=$2
set -- $(stats <"$W/shell"); p_med=$1 p_p99=$2
bad=$(awk -F'\t' 'NR > 1 && $7 != "same"' "$W/out" | wc -l)
echo
printf '%-52s %10s %10s\n' "ms, $(wc -l <"$W/q") queries ($kinds)" median p99
printf '%-52s %10s %10s\n' "first screen (browser: preview slice + 20 hits)" "$f_med" "$f_p99"
printf '%-52s %10s %10s\n' "longest later slice (keys wait at most this)" "$s_med" "$s_p99"
printf '%-52s %10s %10s\n' "final ranking, in slices" "$a_med" "$a_p99"
printf '%-52s %10s %10s\n' "store_search (leeskamer search, in process)" "$o_med" "$o_p99"
printf '%-52s %10s %10s\n' "bare ORDER BY bm25 query, in process" "$q_med" "$q_p99"
printf '%-52s %10s %10s\n' "bare query, sqlite3 shell process (bench's baseline)" "$p_med" "$p_p99"
awk -v f="$f_p99" -v a="$a_p99" -v q="$q_p99" -v p="$p_p99" 'BEGIN {
	printf "first screen p99 / bare query p99: %.3f (in process), %.3f (shell)\n", f / q, f / p
	printf "final ranking p99 / bare query p99: %.2f\n", a / q
	printf "target: first screen p99 <= 30 ms: %s\n", f <= 30 ? "PASS" : "MISS" }'
echo "final ranking differing from ORDER BY bm25: $bad"
