#!/bin/sh
# Installs the Debian packages leeskamer needs to build and test, when missing.
pkgs="build-essential pkg-config libncurses-dev libunistring-dev libsqlite3-dev libxml2-dev sqlite3 tmux wdutch less"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing:$missing (install them with your package manager)" >&2
	exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq $missing >&2 || {
	echo "deps: apt-get failed; install by hand:$missing" >&2
	exit 1
}
