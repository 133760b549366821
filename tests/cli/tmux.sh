# tmux.sh: drives the browser in detached tmux sessions, so tests can check
# what the screen shows. Source it after lib.sh (it uses $LK, $WORK and
# $LEESKAMER_HOME). All sessions run on a private tmux server
# (tmux -L leeskamer-test-PID, no user configuration), killed at exit; a
# user's own tmux is never touched.
#
#   tm_start NAME W H [VAR=VALUE...] [-- ARG...]
#			starts ./leeskamer ARG... in a W x H session NAME, with
#			LEESKAMER_HOME, TERM ($TM_TERM) and a UTF-8 locale set;
#			VAR=VALUE pairs add to or override them. When it ends, the
#			pane shows "EXITED <status>" and stays open (a shell
#			waits in it), so the screen it left can be checked.
#   tm_keys NAME KEY...	sends tmux key names (Enter, Tab, BTab, F1, BSpace,
#			C-o, Space, Up, NPage...)
#   tm_type NAME TEXT	sends TEXT as it is (use it for } { [ ] : and such)
#   tm_wait NAME TEXT [SECS]
#			waits until the screen contains TEXT (polling every
#			0.1 s, $TM_TIMEOUT seconds unless told); sets $screen to
#			the last capture; fails when it never came
#   tm_wait_gone NAME TEXT [SECS]	waits until TEXT is off the screen
#   tm_wait_change NAME OLD [SECS]	waits until the screen is not OLD,
#			a tm_attrs capture (so a selection that moves counts)
#   tm_settle NAME	waits until the screen, attributes too, stays the same
#			for 0.3 s; sets $screen
#   tm_screen NAME	prints the screen, one line a row
#   tm_grab NAME	sets $screen to the screen, empty bottom rows kept
#   tm_attrs NAME	prints the screen with its attributes as escapes
#   tm_row N [TEXT]	row N (0 the first, -1 the last) of TEXT, or of $screen
#   tm_resize NAME W H
#   tm_cursor NAME	prints 1 when the terminal's cursor is visible, else 0
#   tm_exited NAME [SECS]	waits until the program ended; prints its status
#   tm_alive NAME	succeeds while the program runs
#   tm_kill NAME

# without tmux there is no terminal to drive: the suite says so and ends
if ! command -v tmux >/dev/null 2>&1; then
	skip "all browser checks" "no tmux on this system"
	finish
	exit
fi

TM_SOCKET=leeskamer-test-$$
TM_TIMEOUT=${TM_TIMEOUT:-5}
TM_DIR=$WORK/tmux
mkdir -p "$TM_DIR"
screen=

tm() {
	env -u TMUX tmux -L "$TM_SOCKET" -f "$TM_DIR/tmux.conf" "$@"
}

# the terminal type inside: the one tmux is, when this system knows it
TM_TERM=
for t in tmux-256color screen-256color screen; do
	if infocmp "$t" >/dev/null 2>&1; then
		TM_TERM=$t
		break
	fi
done
[ -n "$TM_TERM" ] || TM_TERM=screen

# a UTF-8 locale, whatever the caller's is
TM_LOCALE=C.UTF-8
for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
	if locale -a 2>/dev/null | grep -qx "$l"; then
		TM_LOCALE=$l
		break
	fi
done

# no status bar: the pane is the whole W x H; a pane whose shell died keeps
# its content
cat >"$TM_DIR/tmux.conf" <<EOF
set -g status off
set -g remain-on-exit on
set -g default-shell /bin/sh
set -g history-limit 100
EOF

# The server goes when the suite ends, before lib.sh's own clean-up.
tm_prev_exit=
tm__grab() {
	[ "$1" = -- ] && shift
	_cmd=$1
	shift
	for _sig; do
		case $_sig in EXIT|0) tm_prev_exit=$_cmd ;; esac
	done
}
trap >"$TM_DIR/traps"
eval "$(sed 's/^trap /tm__grab /' "$TM_DIR/traps")"
tm_cleanup() {
	tm kill-server >/dev/null 2>&1
	# the socket file stays behind a killed server
	_sock=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TM_SOCKET
	[ -S "$_sock" ] && rm -f "$_sock"
	return 0
}
trap 'tm_cleanup; eval "$tm_prev_exit"' EXIT
trap 'exit 130' INT
trap 'exit 143' HUP TERM

# tm_q WORD: WORD quoted for sh
tm_q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

tm_start() {
	_n=$1 _w=$2 _h=$3
	shift 3
	_env="LEESKAMER_HOME=$(tm_q "$LEESKAMER_HOME") TERM=$(tm_q "$TM_TERM")"
	_env="$_env LANG=$(tm_q "$TM_LOCALE") LC_ALL=$(tm_q "$TM_LOCALE")"
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		_env="$_env $(tm_q "$1")"
		shift
	done
	[ "$1" = -- ] && shift
	_args=
	for _a; do
		_args="$_args $(tm_q "$_a")"
	done
	rm -f "$TM_DIR/$_n.exit"
	tm kill-session -t "=$_n" >/dev/null 2>&1
	# LINES and COLUMNS from outside would pin the size; NO_COLOR and
	# BROWSER only when a test asks
	tm new-session -d -s "$_n" -x "$_w" -y "$_h" -c "$PWD" \
	    "env -u LINES -u COLUMNS -u NO_COLOR -u BROWSER $_env $(tm_q "$LK")$_args; \
rc=\$?; echo \"EXITED \$rc\" >$(tm_q "$TM_DIR/$_n.exit"); echo \"EXITED \$rc\"; \
exec sleep 3600"
}

tm_keys() {
	_n=$1
	shift
	tm send-keys -t "=$_n:" "$@"
}

tm_type() {
	tm send-keys -t "=$1:" -l -- "$2"
}

tm_screen() {
	tm capture-pane -p -t "=$1:" 2>/dev/null
}

# tm_grab NAME: sets $screen to the screen, every row, the empty ones at
# the bottom too (a plain $(...) would drop them)
tm_grab() {
	screen=$(tm_screen "$1"; echo .)
	screen=${screen%?.}
}

# tm_attrs NAME: the screen with its attributes (reverse, bold, colours) as
# escape sequences: changes in them count as changes of the screen
tm_attrs() {
	tm capture-pane -e -p -t "=$1:" 2>/dev/null
}

tm_wait() {
	_i=0
	_max=$((${3:-$TM_TIMEOUT} * 10))
	while :; do
		tm_grab "$1"
		case $screen in *"$2"*) return 0 ;; esac
		[ "$_i" -ge "$_max" ] && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

tm_wait_gone() {
	_i=0
	_max=$((${3:-$TM_TIMEOUT} * 10))
	while :; do
		tm_grab "$1"
		case $screen in *"$2"*) ;; *) return 0 ;; esac
		[ "$_i" -ge "$_max" ] && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

tm_wait_change() {
	_i=0
	_max=$((${3:-$TM_TIMEOUT} * 10))
	while :; do
		[ "$(tm_attrs "$1")" != "$2" ] && tm_grab "$1" && return 0
		[ "$_i" -ge "$_max" ] && tm_grab "$1" && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

tm_settle() {
	_i=0
	_max=$((TM_TIMEOUT * 10))
	_same=0
	_now=$(tm_attrs "$1")
	while [ "$_i" -lt "$_max" ] && [ "$_same" -lt 3 ]; do
		sleep 0.1
		_i=$((_i + 1))
		_prev=$_now
		_now=$(tm_attrs "$1")
		if [ "$_now" = "$_prev" ]; then
			_same=$((_same + 1))
		else
			_same=0
		fi
	done
	tm_grab "$1"
}

tm_row() {
	if [ $# -ge 2 ]; then _t=$2; else _t=$screen; fi
	if [ "$1" -lt 0 ]; then
		printf '%s\n' "$_t" | tail -n "$((-$1))" | head -n 1
	else
		printf '%s\n' "$_t" | sed -n "$(($1 + 1))p"
	fi
}

tm_resize() {
	tm resize-window -t "=$1:" -x "$2" -y "$3"
}

tm_cursor() {
	tm display -p -t "=$1:" '#{cursor_flag}'
}

tm_exited() {
	_i=0
	_max=$((${2:-$TM_TIMEOUT} * 10))
	while [ ! -s "$TM_DIR/$1.exit" ] && [ "$_i" -lt "$_max" ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	if [ -s "$TM_DIR/$1.exit" ]; then
		sed -n 's/^EXITED //p' "$TM_DIR/$1.exit"
	else
		echo running
		return 1
	fi
}

tm_alive() {
	[ ! -e "$TM_DIR/$1.exit" ] &&
	    [ "$(tm display -p -t "=$1:" '#{pane_dead}' 2>/dev/null)" = 0 ]
}

tm_kill() {
	tm kill-session -t "=$1" >/dev/null 2>&1
	return 0
}

# tm_marked NAME: the text shown in reverse video, a run a line, as
# "ROW COL TEXT" (ROW and COL from 0): the selected tree row, the selected
# citation, the status line
tm_marked() {
	tm capture-pane -e -p -t "=$1:" 2>/dev/null | "${PY:-python3}" -c '
import re, signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
sgr = re.compile(r"\x1b\[([0-9;:]*)m")
other = re.compile(r"\x1b[^a-zA-Z]*[a-zA-Z]")
for row, line in enumerate(sys.stdin.buffer.read().decode("utf-8", "replace").split("\n")):
    rev, col, run, start, i = False, 0, "", 0, 0
    while i < len(line):
        m = sgr.match(line, i)
        if m:
            ps = m.group(1).replace(":", ";").split(";")
            k = 0
            while k < len(ps):
                p = ps[k]
                if p in ("", "0"):
                    on = False
                elif p == "7":
                    on = True
                elif p == "27":
                    on = False
                elif p in ("38", "48", "58"):
                    # a colour: 38;5;N or 38;2;R;G;B
                    nxt = ps[k + 1] if k + 1 < len(ps) else ""
                    k += 2 if nxt == "5" else 4 if nxt == "2" else 0
                    on = rev
                else:
                    on = rev
                if on != rev:
                    if rev and run:
                        print(row, start, run)
                    rev, run, start = on, "", col
                k += 1
            i = m.end()
            continue
        m = other.match(line, i)
        if m:
            i = m.end()
            continue
        if rev:
            run += line[i]
        col += 1
        i += 1
    if rev and run:
        print(row, start, run)
'
}

# tm_strip N [TEXT]: the body rows (all but the last two: status and
# message line) of the N-th side-by-side pane of TEXT (default $screen),
# 0 the leftmost. Panes are told apart by the columns that hold a "│" in
# most body rows.
tm_strip() {
	if [ $# -ge 2 ]; then _t=$2; else _t=$screen; fi
	printf '%s\n' "$_t" | "${PY:-python3}" -c '
import signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
n = int(sys.argv[1])
rows = sys.stdin.buffer.read().decode("utf-8", "replace").split("\n")
if rows and rows[-1] == "":
    rows.pop()
body = rows[:-2] if len(rows) > 2 else rows
count = {}
for r in body:
    for c, ch in enumerate(r):
        if ch == "\u2502":
            count[c] = count.get(c, 0) + 1
seps = sorted(c for c, k in count.items() if 2 * k > len(body))
# a pane is the run of columns between two separators (or an edge)
bounds, start = [], 0
for c in seps:
    if c > start:
        bounds.append((start, c))
    start = c + 1
bounds.append((start, None))
if n < len(bounds):
    a, b = bounds[n]
    for r in body:
        print(r[a:b].rstrip())
' "$1"
}

# tm_widest [TEXT]: the length in characters of the longest row of TEXT
# (default $screen)
tm_widest() {
	if [ $# -ge 1 ]; then _t=$1; else _t=$screen; fi
	printf '%s\n' "$_t" | "${PY:-python3}" -c '
import signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
rows = sys.stdin.buffer.read().decode("utf-8", "replace").split("\n")
print(max(len(r) for r in rows))'
}

# tm_poll NAME COMMAND...: captures the screen into $screen until COMMAND
# succeeds ($TM_TIMEOUT seconds at most)
tm_poll() {
	_pn=$1
	shift
	_i=0
	_max=$((TM_TIMEOUT * 10))
	while :; do
		tm_grab "$_pn"
		"$@" && return 0
		[ "$_i" -ge "$_max" ] && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

# tm_broken [TEXT]: the body rows (0 the first) of TEXT (default $screen)
# where a pane separator, a column with a "│" in most body rows, lacks it:
# nothing when the panes' borders are whole
tm_broken() {
	if [ $# -ge 1 ]; then _t=$1; else _t=$screen; fi
	printf '%s\n' "$_t" | "${PY:-python3}" -c '
import signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
rows = sys.stdin.buffer.read().decode("utf-8", "replace").split("\n")
if rows and rows[-1] == "":
    rows.pop()
body = rows[:-2] if len(rows) > 2 else rows
count = {}
for r in body:
    for c, ch in enumerate(r):
        if ch == "\u2502":
            count[c] = count.get(c, 0) + 1
seps = sorted(c for c, k in count.items() if 2 * k > len(body))
for y, r in enumerate(body):
    bad = [c for c in seps if c >= len(r) or r[c] != "\u2502"]
    if bad:
        print("row %d: no border at column %s: %s" % (y, ",".join(map(str, bad)), r))
'
}
