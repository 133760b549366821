#!/bin/sh
# badinput.sh: files the loader must refuse or repair, and commands given
# bad arguments: a clear message, a non-zero exit, no crash, and the other
# files still load.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

# bad NAME FILE WHY: loads FILE followed by a good file; FILE must be refused
# with a message naming it (and saying WHY, when given), the good file loads
good=0
bad() {
	good=$((good + 1))
	printf 'Goed %s\n\nEen gewone alinea nummer %s.\n' "$good" "$good" >"$WORK/goed$good.txt"
	run "$LK" load "$2" "$WORK/goed$good.txt"
	eq "$1: exit 1" "$rc" 1
	ok "$1: no crash (exit $rc < 128)" [ "$rc" -lt 128 ]
	has "$1: stderr names the file" "$err" "$2"
	[ -z "$3" ] || has "$1: stderr says why" "$err" "$3"
	eq "$1: a failed line for it" "$(printf '%s\n' "$out" | grep -c "^failed .*$2")" 1
	eq "$1: the next file still loads" \
		"$(printf '%s\n' "$out" | awk '$1 == "added" {print $2}')" "goed$good"
}

# ---- files refused ----
: >"$WORK/leeg.txt"
bad "empty file" "$WORK/leeg.txt" empty
printf '   \n\t\n  \r\n\n' >"$WORK/witruimte.txt"
bad "whitespace-only file" "$WORK/witruimte.txt" ""
head -c 4096 "$LK" >"$WORK/programma.txt"
bad "binary file" "$WORK/programma.txt" binary
printf 'Een titel\n\nEen alinea met\000een NUL-byte erin.\n' >"$WORK/nul.txt"
bad "NUL bytes in text" "$WORK/nul.txt" NUL
if [ "$(id -u)" -eq 0 ]; then
	skip "unreadable file" "running as root, who can read a chmod 000 file"
else
	printf 'Geheim\n\nEen alinea die niemand mag lezen.\n' >"$WORK/geheim.txt"
	chmod 000 "$WORK/geheim.txt"
	bad "unreadable file" "$WORK/geheim.txt" "Permission denied"
fi

# ---- a folder without .txt files: nothing to do, but say so ----
mkdir -p "$WORK/geen-tekst/sub"
printf 'geen tekst\n' >"$WORK/geen-tekst/notities.md"
printf 'ook geen tekst\n' >"$WORK/geen-tekst/sub/lijst.csv"
"$LK" docs --json >"$WORK/before.json"
run "$LK" load "$WORK/geen-tekst"
eq "folder without .txt: exit 0" "$rc" 0
eq "folder without .txt: no added or failed lines" "$(printf '%s\n' "$out" | grep -c '^added\|^failed')" 0
"$LK" docs --json >"$WORK/after.json"
eq "folder without .txt: nothing loaded" "$(pj "$WORK/after.json" 'len(d)')" "$(pj "$WORK/before.json" 'len(d)')"
has "folder without .txt: a notice names the folder" "$out$err" "$WORK/geen-tekst"

# ---- files converted or repaired ----
# Windows-1252: ï e9 é, 93/94 curly quotes
printf 'Een brief over Oekra\357ne\n\nDe oorlog in Oekra\357ne is \223ernstig\224, zei de caf\351houder.\n' \
	>"$WORK/cp1252.txt"
run "$LK" load "$WORK/cp1252.txt"
eq "windows-1252: exit 0" "$rc" 0
eq "windows-1252: added" "$(printf '%s\n' "$out" | awk '{print $1, $2}')" "added cp1252"
has "windows-1252: converted notice" "$err" "converted from windows-1252"
has "windows-1252: the notice names the file" "$err" "cp1252.txt"
"$LK" show cp1252 --json >"$WORK/cp1252.json"
eq "windows-1252: title decoded" "$(pj "$WORK/cp1252.json" 'd["title"]')" "Een brief over Oekraïne"
eq "windows-1252: text decoded" "$(pj "$WORK/cp1252.json" '" | ".join(p["text"] for p in d["paragraphs"])')" \
	"De oorlog in Oekraïne is “ernstig”, zei de caféhouder."

"$PY" -c '
import sys
text = "\ufeffEen brief in UTF-16\n\nDe steun aan Oekra\u00efne gaat door.\n"
open(sys.argv[1], "wb").write(text.encode("utf-16-le"))
' "$WORK/utf16.txt"
run "$LK" load "$WORK/utf16.txt"
eq "utf-16le: exit 0" "$rc" 0
eq "utf-16le: added" "$(printf '%s\n' "$out" | awk '{print $1, $2}')" "added utf16"
"$LK" show utf16 --json >"$WORK/utf16.json"
eq "utf-16le: title decoded, no BOM" "$(pj "$WORK/utf16.json" 'd["title"]')" "Een brief in UTF-16"
eq "utf-16le: text decoded" "$(pj "$WORK/utf16.json" '" | ".join(p["text"] for p in d["paragraphs"])')" \
	"De steun aan Oekraïne gaat door."

printf '\357\273\277Een brief met BOM\n\nEen alinea na een UTF-8 BOM.\n' >"$WORK/bom8.txt"
run "$LK" load "$WORK/bom8.txt"
eq "utf-8 BOM: exit 0" "$rc" 0
"$LK" show bom8 --json >"$WORK/bom8.json"
eq "utf-8 BOM: title without the BOM" "$(pj "$WORK/bom8.json" 'd["title"]')" "Een brief met BOM"

printf 'Een brief met CRLF\r\n\r\nEen alinea die over\r\ntwee regels loopt.\r\n\r\nEen tweede alinea.\r\n' >"$WORK/crlf.txt"
run "$LK" load "$WORK/crlf.txt"
eq "crlf: exit 0" "$rc" 0
eq "crlf: added" "$(printf '%s\n' "$out" | awk '{print $1, $2}')" "added crlf"
"$LK" show crlf --json >"$WORK/crlf.json"
eq "crlf: no carriage return anywhere in show --json" \
	"$(pj "$WORK/crlf.json" '"\r" in json.dumps(d, ensure_ascii=False) or "\r" in d["title"] or any("\r" in p["text"] for p in d["paragraphs"])')" false
eq "crlf: lines joined into paragraphs" "$(pj "$WORK/crlf.json" '" | ".join(p["text"] for p in d["paragraphs"])')" \
	"Een alinea die over twee regels loopt. | Een tweede alinea."

# one line of 2.1 MB, no newline at all
"$PY" -c '
import sys
open(sys.argv[1], "w").write("woord " * 349999 + "einde")
' "$WORK/reuzenregel.txt"
if command -v timeout >/dev/null 2>&1; then T="timeout 60"; else T=; fi
run $T "$LK" load "$WORK/reuzenregel.txt"
eq "huge line: loads within 60 s, exit 0" "$rc" 0
eq "huge line: added" "$(printf '%s\n' "$out" | awk '{print $1, $2}')" "added reuzenregel"
run $T "$LK" show reuzenregel --json
eq "huge line: show --json exit 0" "$rc" 0
printf '%s\n' "$out" >"$WORK/reuzenregel.json"
eq "huge line: every word is shown" \
	"$(pj "$WORK/reuzenregel.json" 'sum(p["text"].count("woord") for p in d["paragraphs"])')" 349999
eq "huge line: the end is shown" \
	"$(pj "$WORK/reuzenregel.json" 'd["paragraphs"][-1]["text"][-11:]')" "woord einde"
run $T "$LK" show reuzenregel --width 60
eq "huge line: show as text exit 0" "$rc" 0
eq "huge line: wrapped to 60 columns" "$(printf '%s\n' "$out" | awk 'length($0) > 60' | wc -l | tr -d ' ')" 0

# ---- bad arguments ----
run "$LK" show kst-99999-1
eq "show unknown doc: exit 1" "$rc" 1
has "show unknown doc: message names it" "$err" "kst-99999-1"
eq "show unknown doc: nothing on stdout" "$out" ""

for q in '"unbalanced' AND '*'; do
	run "$LK" search "$q"
	eq "search '$q': exit 1" "$rc" 1
	ok "search '$q': a message" [ -n "$err" ]
	has "search '$q': the message quotes the query" "$err" "$q"
	lower=$(printf '%s' "$err" | tr 'A-Z' 'a-z')
	hasnt "search '$q': no fts5 in the message" "$lower" fts5
	hasnt "search '$q': no SQL in the message" "$lower" sql
	hasnt "search '$q': no sqlite in the message" "$lower" sqlite
	run "$LK" search "$q" --json
	eq "search '$q' --json: exit 1" "$rc" 1
	lower=$(printf '%s' "$err" | tr 'A-Z' 'a-z')
	hasnt "search '$q' --json: no SQL in the message" "$lower" sql
done

run "$LK" show crlf --width 0
eq "show --width 0: exit 2" "$rc" 2
has "show --width 0: message names the option" "$err" "--width"
run "$LK" show crlf --width abc
eq "show --width abc: exit 2" "$rc" 2

run "$LK" --home /proc/leeskamer docs
eq "--home /proc/leeskamer: exit 1" "$rc" 1
has "--home /proc/leeskamer: message names the folder" "$err" /proc/leeskamer
run "$LK" --home /proc docs
eq "--home /proc: exit 1" "$rc" 1
has "--home /proc: message names the folder" "$err" /proc

finish
