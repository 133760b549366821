#!/bin/sh
# Prints the libraries leeskamer links with: ncursesw, SQLite and
# libunistring from their static archives where installed (Debian's -dev
# packages have them), so that a process starts without resolving their
# thousands of symbols; the rest, and any without an archive, shared.
# LK_SHARED=1 links all of them shared.
cc=${CC:-cc}
libs=$(pkg-config --libs ncursesw sqlite3 2>/dev/null || echo -lncursesw -lsqlite3)
static= shared=
for f in $libs -lunistring; do
	a=
	case $f in
	-l*)	a=$($cc -print-file-name="lib${f#-l}.a" 2>/dev/null) ;;
	esac
	if [ -z "${LK_SHARED:-}" ] && [ -n "$a" ] && [ -f "$a" ]; then
		static="$static $f"
	else
		shared="$shared $f"
	fi
done
echo "${static:+-Wl,-Bstatic$static -Wl,-Bdynamic}$shared -lm -lpthread -ldl"
