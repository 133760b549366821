# browser.sh: times the browser and less in a private tmux server. Sourced
# by run.sh, which sets W (the work folder), LK and LOCALE.
#
#   bw_view NAME CMD...	opens CMD in a fresh 160x50 session NAME and
#			times it to the first screen, then pages down
#			$BW_PAGES times and jumps to the end; sets bw_open,
#			bw_page (mean per page), bw_end (ms) and bw_rss (peak
#			RSS in kB, from /proc); the first screen is the one
#			matching $bw_ready, the end the one matching $bw_last.
# Times are wall clock from the key (or the start) to the screen showing
# the change, polled with capture-pane: a few ms of resolution, the same
# for both programs.

BW_SOCK=lkbench-$$
BW_PAGES=${BW_PAGES:-20}
BW_TIMEOUT=${BW_TIMEOUT:-300}

bw_term=screen
for t in tmux-256color screen-256color screen; do
	if infocmp "$t" >/dev/null 2>&1; then
		bw_term=$t
		break
	fi
done

tmb() {
	env -u TMUX tmux -L "$BW_SOCK" -f "$W/tmux.conf" "$@"
}

bw_setup() {
	cat >"$W/tmux.conf" <<EOF
set -g status off
set -g default-shell /bin/sh
set -g history-limit 10
set -g remain-on-exit on
EOF
}

bw_cleanup() {
	tmb kill-server >/dev/null 2>&1
	_s=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$BW_SOCK
	[ -S "$_s" ] && rm -f "$_s"
	return 0
}

# microseconds, monotonic enough for this
bw_now() {
	_t=$(date +%s%N)
	echo $((_t / 1000))
}

bw_cap() {
	tmb capture-pane -p -t "$1" 2>/dev/null
}

# bw_wait NAME ERE: until the screen matches; 1 on timeout
bw_wait() {
	_end=$(($(bw_now) + BW_TIMEOUT * 1000000))
	while :; do
		bw_cap "$1" | grep -Eq -- "$2" && return 0
		[ "$(bw_now)" -gt "$_end" ] && return 1
	done
}

# bw_change NAME OLD: until the screen is not OLD
bw_change() {
	_end=$(($(bw_now) + BW_TIMEOUT * 1000000))
	while :; do
		_scr=$(bw_cap "$1")
		[ "$_scr" != "$2" ] && return 0
		[ "$(bw_now)" -gt "$_end" ] && return 1
	done
}

bw_q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

bw_view() {
	_n=$1
	shift
	_cmd="exec env -u LINES -u COLUMNS -u NO_COLOR"
	_cmd="$_cmd LEESKAMER_HOME=$(bw_q "$LEESKAMER_HOME") TERM=$bw_term"
	_cmd="$_cmd LANG=$LOCALE LC_ALL=$LOCALE"
	for _a; do
		_cmd="$_cmd $(bw_q "$_a")"
	done
	bw_open= bw_page= bw_end= bw_rss=
	tmb kill-session -t "=$_n" >/dev/null 2>&1
	_t0=$(bw_now)
	tmb new-session -d -s "$_n" -x 160 -y 50 "$_cmd" || return 1
	bw_wait "$_n" "$bw_ready" || { tmb kill-session -t "=$_n"; return 1; }
	_t1=$(bw_now)
	bw_open=$(((_t1 - _t0) / 1000))
	_pid=$(tmb display -p -t "$_n" '#{pane_pid}')
	_i=0 _sum=0
	while [ "$_i" -lt "$BW_PAGES" ]; do
		_old=$(bw_cap "$_n")
		_t0=$(bw_now)
		tmb send-keys -t "$_n" Space
		bw_change "$_n" "$_old" || break
		_t1=$(bw_now)
		_sum=$((_sum + _t1 - _t0))
		_i=$((_i + 1))
	done
	[ "$_i" -gt 0 ] && bw_page=$((_sum / _i / 1000))
	_t0=$(bw_now)
	tmb send-keys -t "$_n" G
	bw_wait "$_n" "$bw_last" && bw_end=$((($(bw_now) - _t0) / 1000))
	bw_rss=$(awk '/^VmHWM:/ { print $2 }' "/proc/$_pid/status" 2>/dev/null)
	# back to the start, so the next opening starts there too
	tmb send-keys -t "$_n" g
	bw_wait "$_n" "$bw_first" >/dev/null 2>&1
	tmb send-keys -t "$_n" q
	sleep 0.2
	tmb kill-session -t "=$_n" >/dev/null 2>&1
	return 0
}
