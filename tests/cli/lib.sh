# lib.sh: helpers for the command-line tests. Source it; call finish at the end.
LK=${LK:-./leeskamer}
SUITE=$(basename "$0" .sh)
passed=0
failed=0
LEESKAMER_HOME=$(mktemp -d)
export LEESKAMER_HOME
trap 'rm -rf "$LEESKAMER_HOME"' EXIT
# ok NAME COMMAND...: the command must succeed
ok() {
	name=$1; shift
	if "$@" >/dev/null 2>&1; then passed=$((passed + 1))
	else failed=$((failed + 1)); echo "FAIL $SUITE: $name" >&2; fi
}
# eq NAME GOT WANT
eq() {
	if [ "$2" = "$3" ]; then passed=$((passed + 1))
	else failed=$((failed + 1)); printf 'FAIL %s: %s\n  got:  %s\n  want: %s\n' "$SUITE" "$1" "$2" "$3" >&2; fi
}
# has NAME HAYSTACK NEEDLE: the text contains the needle
has() {
	case "$2" in *"$3"*) passed=$((passed + 1)) ;;
	*) failed=$((failed + 1)); printf 'FAIL %s: %s: no "%s" in:\n%s\n' "$SUITE" "$1" "$3" "$2" | head -20 >&2 ;; esac
}
# hasnt NAME HAYSTACK NEEDLE
hasnt() {
	case "$2" in *"$3"*) failed=$((failed + 1)); printf 'FAIL %s: %s: unexpected "%s"\n' "$SUITE" "$1" "$3" >&2 ;;
	*) passed=$((passed + 1)) ;; esac
}
finish() {
	echo "$SUITE: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
# A scratch folder for the suite's own files, removed at the end.
WORK=$(mktemp -d)
trap 'chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$LEESKAMER_HOME" "$WORK"' EXIT
# skip NAME REASON: a check that cannot run here; counted as neither
skip() {
	printf 'SKIP %s: %s: %s\n' "$SUITE" "$1" "$2" >&2
}
# run COMMAND...: runs it, setting $out (stdout), $err (stderr) and $rc
run() {
	"$@" >"$WORK/.out" 2>"$WORK/.err"
	rc=$?
	out=$(cat "$WORK/.out")
	err=$(cat "$WORK/.err")
}
# PY: the python3 interpreter itself (a version manager's shim can take a
# second a start)
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -n "$PY" ] || PY=python3
# pj FILE EXPR: evaluates the Python expression EXPR with d = the JSON in
# FILE and prints the result: strings as they are, anything else as JSON
pj() {
	"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
r = eval(sys.argv[2])
print(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False))
' "$1" "$2" 2>&1
}
# lines TEXT: the number of non-empty lines in TEXT
lines() {
	printf '%s\n' "$1" | grep -c .
}
