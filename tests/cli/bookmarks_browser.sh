#!/bin/sh
# bookmarks_browser.sh: bookmarks in the browser, driven in tmux: m with a
# note and tags, the mark in the margin and the count in the tree; after a
# restart ' lists them: Enter jumps, e edits the note, d deletes, u brings
# it back; v selects paragraphs for one bookmark; Esc at a prompt cancels.
# What the screen shows is checked against `leeskamer bookmarks --json`.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/cli/tmux.sh

VZ=kst-35925-V-84	# the Beleidsbrief Buitenlandse Zaken
TITLE="Beleidsbrief Buitenlandse Zaken: de inzet van het kabinet Rutte IV"
NOTE1="belangrijk voor de posten – zie ook Oekraïne"
NOTE2="alleen nog de posten – één voor één"

# status, message: the last two rows of $screen
status() {
	tm_row -2
}
message() {
	tm_row -1
}
status_shown() {
	case $(status) in " "?*" | "*" | "*"%") return 0 ;; esac
	return 1
}
# reader, tree: the reading pane and the tree of $screen, body rows only
reader() {
	tm_strip 1
}
tree() {
	tm_strip 0
}
# press NAME TEXT: types TEXT literally, waits for the screen to settle
press() {
	tm_type "$1" "$2"
	tm_settle "$1"
}
# key NAME KEY: a tmux key name, then waits for the screen to settle
key() {
	tm_keys "$1" "$2"
	tm_settle "$1"
}
# step NAME KEY: types KEY and waits (2 s at most) for the status line to
# change
step() {
	tm_grab "$1"
	_old=$(status)
	tm_type "$1" "$2"
	_i=0
	while [ "$_i" -lt 20 ]; do
		sleep 0.1
		tm_grab "$1"
		[ "$(status)" != "$_old" ] && return 0
		_i=$((_i + 1))
	done
	return 1
}
# marks NAME: leeskamer bookmarks --json into $WORK/NAME.json
marks() {
	"$LK" bookmarks --json >"$WORK/$1.json" 2>"$WORK/$1.err"
}
# block TEXT: the rows of TEXT up to its first empty one
block() {
	printf '%s\n' "$1" | awk '/^[ ]*$/ { exit } { print }'
}

run "$LK" load assets/corpus
eq "load the corpus: exit 0" "$rc" 0
"$LK" show $VZ --json >"$WORK/vz.json"
# the paragraph under § Postennet, and the first six of the paper
P=$(pj "$WORK/vz.json" '[p["id"] for p in d["paragraphs"] if p["text"].startswith("Om in de komende kabinetsperiode")][0]')
eq "the Postennet paragraph is 105" "$P" 105
PTEXT=$(pj "$WORK/vz.json" "[p['text'] for p in d['paragraphs'] if p['id'] == $P][0]")
Q16=$(pj "$WORK/vz.json" '"\n\n".join(p["text"] for p in d["paragraphs"] if 1 <= p["id"] <= 6)')

# ---- m: a bookmark with a note and tags ---------------------------------
tm_start b1 200 50 -- "$VZ"
tm_poll b1 status_shown
tm_settle b1
# ] to the section Postennet, then j until its first paragraph is on top
k=0
while [ "$k" -lt 30 ]; do
	case $(status) in *"§ Postennet |"*) break ;; esac
	step b1 "]" || break
	k=$((k + 1))
done
tm_settle b1
has "] to § Postennet" "$(status)" "§ Postennet | p. 17"
k=0
while [ "$k" -lt 6 ]; do
	case $(reader | head -n 1) in " Om in de komende"*) break ;; esac
	press b1 j
	k=$((k + 1))
done
has "j: the Postennet paragraph on top" "$(reader | head -n 1)" " Om in de komende kabinetsperiode"
tm_type b1 m
tm_wait b1 "Note (Enter for none, Esc cancels):"
eq "m: asks for a note" "$(message)" "Note (Enter for none, Esc cancels):"
tm_type b1 "$NOTE1"
tm_wait b1 "$NOTE1"
eq "m: the note as typed, non-ASCII too" "$(message)" "Note (Enter for none, Esc cancels): $NOTE1"
tm_keys b1 Enter
tm_wait b1 "Tags (#sancties #navo):"
eq "m: then asks for tags" "$(message)" "Tags (#sancties #navo):"
tm_type b1 "#postennet #begroting"
tm_keys b1 Enter
tm_wait b1 "Bookmarked"
tm_settle b1
eq "m: the message" "$(message)" "Bookmarked ¶ $P (' lists bookmarks)."
top=$(block "$(reader)")
has "m: the marked paragraph is the one on top" "$top" "Om in de komende kabinetsperiode"
eq "m: every row of it has the mark in the margin" \
	"$(printf '%s\n' "$top" | grep -c '^▌'):$(printf '%s\n' "$top" | grep -vc '^▌')" "4:0"
eq "m: the next paragraph has no mark" "$(reader | grep -c '^ Concreet betekent dit')" 1
eq "m: the tree counts it after the section" "$(tree | grep -c 'Postennet (1)')" 1
eq "m: no count on the next section" "$(tree | grep -c 'Crisisgereedstelling (')" 0
marks m1
eq "m: bookmarks --json: one, the paragraph, note and tags" \
	"$(pj "$WORK/m1.json" '[[x["id"], x["doc"], x["paragraph"], x["last_paragraph"], x["start"], x["page"], x["section"], x["note"], x["tags"]] for x in d]')" \
	"[[1, \"$VZ\", $P, $P, null, 17, \"s25\", \"$NOTE1\", [\"postennet\", \"begroting\"]]]"
eq "m: bookmarks --json: the quote is the paragraph" "$(pj "$WORK/m1.json" 'd[0]["quote"]')" "$PTEXT"
CREATED=$(pj "$WORK/m1.json" 'd[0]["created"][:10]')
tm_type b1 q
eq "q: quits with 0" "$(tm_exited b1)" 0

# ---- the list after a restart -----------------------------------------
tm_start b2 200 50
tm_poll b2 status_shown
tm_settle b2
has "restart: the last document again" "$(status)" " $VZ | "
press b2 g
has "g: the start of the paper" "$(status)" "§ Begin |"
tm_type b2 "'"
tm_wait b2 "by document order"
tm_settle b2
list=$(reader)
eq "': the header" "$(printf '%s\n' "$list" | sed -n 1p)" " 1 bookmark, by document order"
has "': title, section, page, paragraph" "$list" " $TITLE  § Postennet  p. 17  ¶ $P"
has "': the quote's first line" "$list" "   Om in de komende kabinetsperiode de belangen van Nederland"
has "': note, tags and date" "$list" "   $NOTE1  #postennet #begroting  $CREATED"
has "': the keys on the message line" "$(message)" "Enter: go there"
key b2 Enter
has "Enter: the status line shows the document" "$(status)" " $VZ | "
has "Enter: at § Postennet" "$(status)" "§ Postennet | p. 17"
has "Enter: the passage on top, marked" "$(reader | head -n 1)" "▌Om in de komende kabinetsperiode"
hasnt "Enter: the list is closed" "$(reader)" "by document order"

# ---- e: a new note ------------------------------------------------------
tm_type b2 "'"
tm_wait b2 "by document order"
tm_type b2 e
tm_wait b2 "Note: belangrijk"
tm_settle b2
eq "e: the note prefilled" "$(message)" "Note: $NOTE1"
key b2 C-u
eq "e: Ctrl-U clears it" "$(message)" "Note:"
tm_type b2 "$NOTE2"
tm_wait b2 "$NOTE2"
tm_keys b2 Enter
tm_wait_gone b2 "Note: $NOTE2"
tm_settle b2
list=$(reader)
has "e: the list shows the new note" "$list" "   $NOTE2  #postennet #begroting  $CREATED"
hasnt "e: not the old one" "$list" "$NOTE1"
marks m2
eq "e: bookmarks --json agrees" "$(pj "$WORK/m2.json" '[[x["id"], x["note"], x["tags"]] for x in d]')" \
	"[[1, \"$NOTE2\", [\"postennet\", \"begroting\"]]]"

# ---- d and u ------------------------------------------------------------
tm_type b2 d
tm_wait b2 "Deleted: u brings it back."
tm_settle b2
eq "d: the message" "$(message)" "Deleted: u brings it back."
list=$(reader)
eq "d: the header" "$(printf '%s\n' "$list" | sed -n 1p)" " 0 bookmarks, by document order"
hasnt "d: gone from the list" "$list" "§ Postennet"
marks m3
eq "d: gone from bookmarks --json" "$(pj "$WORK/m3.json" 'd')" "[]"
tm_type b2 u
tm_wait b2 "Bookmark back."
tm_settle b2
eq "u: the message" "$(message)" "Bookmark back."
list=$(reader)
eq "u: the header" "$(printf '%s\n' "$list" | sed -n 1p)" " 1 bookmark, by document order"
has "u: back in the list" "$list" " $TITLE  § Postennet  p. 17  ¶ $P"
has "u: with its note" "$list" "   $NOTE2  #postennet #begroting"
marks m4
eq "u: back in bookmarks --json, as it was" "$(pj "$WORK/m4.json" '[[x["id"], x["paragraph"], x["note"], x["tags"], x["orphaned"]] for x in d]')" \
	"[[1, $P, \"$NOTE2\", [\"postennet\", \"begroting\"], false]]"
key b2 q
hasnt "q in the list: closes it" "$(reader)" "by document order"
ok "q in the list: the browser still runs" tm_alive b2

# ---- v: several paragraphs ---------------------------------------------
press b2 g
press b2 v
has "v: the selection starts" "$(message)" "Selection from ¶ 1"
# twelve lines down is the sixth paragraph at this width
press b2 jjjjjjjjjjjj
tm_type b2 m
tm_wait b2 "Note (Enter for none, Esc cancels):"
tm_keys b2 Enter
tm_wait b2 "Tags (#sancties #navo):"
tm_type b2 "#selectie"
tm_keys b2 Enter
tm_wait b2 "Bookmarked"
tm_settle b2
eq "v m: the message" "$(message)" "Bookmarked ¶ 1-6 (' lists bookmarks)."
marks m5
eq "v m: bookmarks --json: paragraph and last_paragraph" \
	"$(pj "$WORK/m5.json" '[[x["paragraph"], x["last_paragraph"], x["start"], x["end"], x["page"], x["note"]] for x in d if x["tags"] == ["selectie"]]')" \
	"[[1, 6, null, null, 1, null]]"
eq "v m: the quote is the six paragraphs" \
	"$(pj "$WORK/m5.json" '[x["quote"] for x in d if x["tags"] == ["selectie"]][0]')" "$Q16"
has "v m: the margin marks the passage" "$(reader | head -n 1)" "▌"
eq "v m: the tree counts it in its first section" "$(tree | grep -c 'Begin (1)')" 1

# ---- Esc cancels ----------------------------------------------------------
tm_type b2 m
tm_wait b2 "Note (Enter for none, Esc cancels):"
tm_type b2 "niet bewaren"
tm_wait b2 "niet bewaren"
tm_keys b2 Escape
tm_wait_gone b2 "Note (Enter"
tm_settle b2
eq "Esc at the note: not bookmarked" "$(message)" "Not bookmarked."
marks m6
eq "Esc at the note: no bookmark added" "$(pj "$WORK/m6.json" 'len(d)')" 2
tm_type b2 m
tm_wait b2 "Note (Enter for none, Esc cancels):"
tm_keys b2 Enter
tm_wait b2 "Tags (#sancties #navo):"
tm_type b2 "#niet"
tm_wait b2 "#niet"
tm_keys b2 Escape
tm_wait_gone b2 "Tags (#"
tm_settle b2
eq "Esc at the tags: not bookmarked" "$(message)" "Not bookmarked."
marks m7
eq "Esc at the tags: no bookmark added" "$(pj "$WORK/m7.json" 'len(d)')" 2
ok "Esc: the browser still runs" tm_alive b2

# ---- Space and b page through the list (two bookmarks: ¶ 1 and ¶ 105) ----
tm_type b2 "'"
tm_wait b2 "2 bookmarks, by document order"
tm_settle b2
key b2 Space
key b2 Enter
has "Space in the list: Enter goes to the later bookmark" "$(status)" "§ Postennet |"
tm_type b2 "'"
tm_wait b2 "2 bookmarks, by document order"
tm_settle b2
key b2 G
key b2 b
key b2 Enter
has "b in the list: Enter goes to the first" "$(status)" "§ Begin |"
tm_type b2 q
eq "q: quits with 0" "$(tm_exited b2)" 0

finish
