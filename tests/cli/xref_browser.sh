#!/bin/sh
# xref_browser.sh: the citation network in the browser, in tmux: the panel,
# following a footnote's citation with its pinpoint, and back.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/cli/tmux.sh

KR=kabinetsreactie-aiv-geopolitieke-tijdschok
$LK load assets/corpus >/dev/null 2>&1

status() { tm_row -2; }
message() { tm_row -1; }
key() { tm_keys "$1" "$2"; tm_settle "$1"; }

# the panel for the Beleidsbrief at its start
tm_start x1 160 40 -- kst-35925-V-84
tm_wait x1 "kst-35925-V-84 |"
# the citations, sections and related papers come after the first
# screen, between keys: without a key pressed
tm_wait x1 "36 045, nr. 3" >/dev/null
tm_wait x1 "Kabinetsreactie" >/dev/null
has "first screen: then its sections, without a key" "$(status)" "$(printf '| \302\247 ')"
panel=$(tm_strip 2)
has "panel: citations in view" "$panel" "Citations"
has "panel: the first citation of the letter" "$panel" "36 045, nr. 3"
has "panel: it is not in the corpus" "$panel" "not in corpus"
has "panel: related papers" "$panel" "Related"
has "panel: the kabinetsreactie is related (both cite the coalitieakkoord)" "$panel" "Kabinetsreactie"
tm_kill x1

# keys that act on citations or sections, pressed at once after the first
# screen, read them first (the others do not wait for them)
tm_start x3 160 40 -- kst-35925-V-84
tm_wait x3 "kst-35925-V-84 |"
tm_type x3 "}"
tm_settle x3
has "at once: } selects the first citation" "$(message)" "36 045, nr. 3"
tm_type x3 "]"
tm_settle x3
has "at once: ] goes to a section" "$(status)" "$(printf '| \302\247 ')"
tm_kill x3

# the kabinetsreactie's footnote 3 cites the coalitieakkoord, p. 41
tm_start x2 160 40 -- "$KR"
tm_wait x2 "$KR |"
i=0
while [ $i -lt 30 ]; do
	key x2 "}"
	case $(message) in *"35 788, nr. 77"*) break ;; esac
	i=$((i + 1))
done
has "footnote: } selects the citation in note 3" "$(message)" "35 788, nr. 77"
first=$(tm_strip 1 | head -n 1)
key x2 Enter
tm_wait x2 "kst-35788-77 |" >/dev/null
has "footnote: Enter opens the coalitieakkoord" "$(status)" "kst-35788-77 |"
has "footnote: the pinpoint page is named" "$(message)" "p. 41"
key x2 BSpace
tm_wait x2 "$KR |" >/dev/null
has "footnote: back to the kabinetsreactie" "$(status)" "$KR |"
eq "footnote: back on the same line" "$(tm_strip 1 | head -n 1)" "$first"
tm_kill x2

# the same through the command line: the pinpoint is stored
eq "cites: target_page of note 3's citation" "$($LK cites "$KR" --json | $PY -c '
import json, sys
print([c["target_page"] for c in json.load(sys.stdin) if c["id"] == "kst-35788-77"])')" "[41]"

# a citation of a dossier alone leads to its first paper: Testnotitie C
# cites dossier 99 001, whose papers are nr. 1 and nr. 2
$LK load tests/data/xref >/dev/null 2>&1
tm_start x3 160 40 -- testnotitie-c
tm_wait x3 "testnotitie-c |"
# the citations are read between keys, a moment after the first screen
tm_wait x3 "-> kst-99001-1" >/dev/null
panel=$(tm_strip 2)
has "dossier: the citation of the dossier alone" "$panel" "99 001"
has "dossier: it leads to the dossier's first paper" "$panel" "-> kst-99001-1"
tm_kill x3

# a paper too long to be kept for going back (4 100 sections): back to
# it reads it again, on the line it was left at
long=$(mktemp -d)
{
	printf 'Een lange brief\n\nDe achtergrond staat in het testrapport (Kamerstuk 99 002, nr. 5).\n\n'
	i=1
	while [ $i -le 4100 ]; do
		printf '%d. Hoofdstuk %d\n\nDe tekst van hoofdstuk %d.\n\n' $i $i $i
		i=$((i + 1))
	done
} >"$long/lang.txt"
printf 'id: testbrief-lang\ntitle: Een lange brief\n' >"$long/lang.meta"
$LK load "$long" >/dev/null 2>&1
tm_start x4 160 40 -- testbrief-lang
tm_wait x4 "testbrief-lang |"
tm_wait x4 "Hoofdstuk 3" >/dev/null
key x4 "}"
has "long paper: } selects its citation" "$(message)" "99 002, nr. 5"
first=$(tm_strip 1 | head -n 1)
key x4 Enter
tm_wait x4 "kst-99002-5 |" >/dev/null
has "long paper: Enter opens the cited paper" "$(status)" "kst-99002-5 |"
key x4 BSpace
tm_wait x4 "testbrief-lang |" >/dev/null
has "long paper: back to it, read again" "$(status)" "testbrief-lang |"
eq "long paper: back on the same line" "$(tm_strip 1 | head -n 1)" "$first"
key x4 G
tm_wait x4 "Hoofdstuk 4100" >/dev/null
has "long paper: all of it there after going back" "$(tm_strip 1)" "Hoofdstuk 4100"
tm_kill x4
rm -rf "$long"
finish
