#!/bin/sh
# browser_commands.sh: the browser's other ways in, in tmux: a file named on
# the command line is loaded and opened; the : commands open and load; i
# shows a section's notes.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/cli/tmux.sh

status() { tm_row -2; }
message() { tm_row -1; }
key() { tm_keys "$1" "$2"; tm_settle "$1"; }
command_line() { tm_keys "$1" ":"; tm_type "$1" "$2"; tm_keys "$1" Enter; tm_settle "$1"; }

$LK load assets/corpus >/dev/null 2>&1
MOTIONS=../shared/papers/motions-txt

# leeskamer FILE.txt: loaded first, then opened
if [ -d "$MOTIONS" ]; then
	cp "$MOTIONS/kst-36045-139.txt" "$WORK/"
	tm_start c1 140 35 -- "$WORK/kst-36045-139.txt"
	ok "FILE.txt: the browser opens on it" tm_wait c1 "kst-36045-139 |"
	has "FILE.txt: its text" "$screen" "De Kamer,"
	has "FILE.txt: it is in the index" "$($LK docs)" "kst-36045-139"
	tm_kill c1
else
	skip "FILE.txt" "no motions in $MOTIONS"
fi

# :open DOC and :load PATH
tm_start c2 140 35 -- kst-35925-V-84
tm_wait c2 "kst-35925-V-84 |" >/dev/null
command_line c2 "open 35 788 nr 77"
has ":open: opens the document named in any form" "$(status)" "kst-35788-77 |"
command_line c2 "open no-such-paper"
has ":open: an unknown document is explained" "$(message)" "no-such-paper"
has ":open: and the document stays" "$(status)" "kst-35788-77 |"
if [ -d "$MOTIONS" ]; then
	cp "$MOTIONS/kst-36045-140.txt" "$WORK/"
	command_line c2 "load $WORK/kst-36045-140.txt"
	has ":load: shows what the loader says" "$screen" "added"
	key c2 Enter
	has ":load: back in the browser, with a message" "$(message)" "Loaded"
	has ":load: the paper is in the index" "$($LK docs)" "kst-36045-140"
fi
command_line c2 "frobnicate"
has ":command: an unknown one is explained" "$(message)" "Unknown command: frobnicate"
tm_kill c2

# the tree keeps the last four papers the reader went to open, and closes
# the oldest when a fifth is opened (a terminal tall enough for it all)
tm_start c4 160 200 -- kst-35925-V-84
tm_wait c4 "kst-35925-V-84 |" >/dev/null
for d in "35 788 nr 77" kst-36360-V-1 kabinetsreactie-aiv-geopolitieke-tijdschok; do
	command_line c4 "open $d"
done
tree=$(tm_strip 0)
has "tree: four papers opened, the first still open" "$tree" "- Beleidsbrief Buitenlandse Zaken"
command_line c4 "open internationale-veiligheidsstrategie-2026-2030"
tree=$(tm_strip 0)
has "tree: a fifth closes the first" "$tree" "+ Beleidsbrief Buitenlandse Zaken"
has "tree: the fifth is open" "$tree" "- Internationale Veiligheidsstrategie"
has "tree: the second stays open" "$tree" "- Coalitieakkoord"
tm_kill c4

# i: the notes of the section in view (the kabinetsreactie's note 1)
tm_start c3 140 35 -- kabinetsreactie-aiv-geopolitieke-tijdschok
tm_wait c3 "kabinetsreactie-aiv-geopolitieke-tijdschok |" >/dev/null
i=0
while [ $i -lt 10 ]; do
	key c3 "]"
	case $(status) in *"Politieke, economische en sociale weerbaarheid"*) break ;; esac
	i=$((i + 1))
done
has "i: in the section with note 1" "$(status)" "Politieke, economische en sociale weerbaarheid"
key c3 i
has "i: note 1 on the message line" "$(message)" "[1] Kamerstuk 36 200 X, nr. 26."
key c3 g
key c3 i
has "i: a section without notes says so" "$(message)" "No notes in this section."
tm_kill c3
finish
