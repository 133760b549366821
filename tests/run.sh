#!/bin/sh
# Runs every test suite and ends with one line: "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
run() {
	"$@" 2>&1 | tee -a "$out"
	# a suite that crashed before printing its count still fails the run
	tail -n 1 "$out" | grep -q ' passed, [0-9]* failed$' ||
		{ echo "$*: no result line (crashed?): 1 passed, 1 failed" >>"$out"; status=1; }
}
run tests/unit/run
for t in tests/cli/*.sh; do
	run sh "$t"
done
passed=$(sed -n 's/.*[^0-9]\([0-9][0-9]*\) passed, [0-9]* failed$/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
failed=$(sed -n 's/.* \([0-9][0-9]*\) failed$/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
