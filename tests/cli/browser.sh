#!/bin/sh
# browser.sh: the browser on a real terminal, driven in tmux: what the
# screen shows after keys, resizes, other terminals and locales.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/cli/tmux.sh

BB=kst-35925-V-84	# the Beleidsbrief Buitenlandse Zaken
CA=kst-35788-77		# the Coalitieakkoord

# status NAME: the status line (the second row from the bottom) of $screen
status() {
	tm_row -2
}
# status_shown: whether $screen has a status line: " DOCID | ... | NN% "
status_shown() {
	case $(status) in " "?*" | "*" | "*"%") return 0 ;; esac
	return 1
}
# begins TEXT PREFIX: whether TEXT starts with PREFIX
begins() {
	case $1 in "$2"*) return 0 ;; esac
	return 1
}
# message: the message line (the last row) of $screen
message() {
	tm_row -1
}
# status_is ID: whether the status line of $screen names document ID
status_is() {
	case $(status) in " $1 | "*) return 0 ;; esac
	return 1
}
# message_has TEXT: whether the message line of $screen holds TEXT
message_has() {
	case $(message) in *"$1"*) return 0 ;; esac
	return 1
}
# reader_top: the first row of the reader (the middle pane) in $screen
reader_top() {
	tm_strip 1 | head -n 1
}
# tree_selected NAME: the tree row shown in reverse video, if any
tree_selected() {
	tm_marked "$1" | sed -n 's/^[0-9]* 0 //p' | sed '$d'
}
# focus_of NAME: which pane shows a selection: tree, xref or none (the
# reader has no selection before a citation is chosen); 200-column layout
focus_of() {
	_m=$(tm_marked "$1" | sed '$d')
	if printf '%s\n' "$_m" | grep -q '^[0-9]* 0 '; then
		echo tree
	elif printf '%s\n' "$_m" | grep -q '^[0-9]* 1[5-9][0-9] '; then
		echo xref
	else
		echo none
	fi
}
# step_until NAME KEY TEXT [MAX]: presses KEY (literally) until the message
# line holds TEXT, at most MAX (12) times
step_until() {
	_k=0
	while [ "$_k" -lt "${4:-12}" ]; do
		tm_type "$1" "$2"
		tm_settle "$1"
		message_has "$3" && return 0
		_k=$((_k + 1))
	done
	return 1
}
# tree_until NAME TEXT [MAX]: presses j in the tree until the selected row
# holds TEXT, at most MAX (80) times
tree_until() {
	_k=0
	while [ "$_k" -lt "${3:-80}" ]; do
		case $(tree_selected "$1") in *"$2"*) return 0 ;; esac
		_old=$(tm_attrs "$1")
		tm_type "$1" j
		tm_wait_change "$1" "$_old" 2 || return 1
		_k=$((_k + 1))
	done
	return 1
}
# press NAME KEYS: types KEYS literally and waits until the screen settles
press() {
	tm_type "$1" "$2"
	tm_settle "$1"
}
# key NAME KEY: sends a tmux key name and waits until the screen settles
key() {
	tm_keys "$1" "$2"
	tm_settle "$1"
}

# BROWSER for o: writes the address it is given to a file
cat >"$WORK/browser" <<EOF
#!/bin/sh
printf '%s\n' "\$1" >"$WORK/opened"
EOF
chmod +x "$WORK/browser"

# ---- 1. no argument, empty home: the bundled corpus loads -------------
tm_start s1 200 60
# the loader's progress names the documents too: wait for the browser's
# status line, then for the screen to settle
tm_poll s1 status_shown
tm_settle s1
tree=$(tm_strip 0)
for d in "Beleidsbrief Buitenlandse Zaken" "Coalitieakkoord" "Jaarverslag" \
    "Internationale Veiligheidsstrategie" "Kabinetsreactie"; do
	has "1 first start: the tree shows $d" "$tree" "$d"
done
eq "1 first start: five documents are roots of the tree" \
    "$(printf '%s\n' "$tree" | grep -c '^[+-] ')" 5
ok "1 first start: the status line names the document opened" status_shown

# ---- 2. walking the tree ----------------------------------------------
# Shift-Tab, or Tab twice, focuses the tree: Tab until it shows a selection
n=0
while [ "$n" -lt 3 ] && [ "$(focus_of s1)" != tree ]; do
	key s1 Tab
	n=$((n + 1))
done
eq "2 tree: Tab reaches the tree" "$(focus_of s1)" tree
# the document opened first is the first row, expanded
press s1 g
sel=$(tree_selected s1)
ok "2 tree: g selects the first row, the open document, expanded" begins "$sel" "- "
# h on an expanded document collapses it
press s1 h
eq "2 tree: h collapses the open document's row" "$(tree_selected s1)" "+ ${sel#- }"
tree_until s1 "Beleidsbrief Buitenlandse"
has "2 tree: j reaches the Beleidsbrief" "$(tree_selected s1)" "+ Beleidsbrief Buitenlandse"
press s1 l
has "2 tree: l expands the Beleidsbrief" "$(tree_selected s1)" "- Beleidsbrief Buitenlandse"
tm_wait s1 "Partners en uitdagers"
tree_until s1 "Partners en uitdagers"
has "2 tree: j reaches Partners en uitdagers" "$(tree_selected s1)" "Partners en uitdagers"
tm_keys s1 Enter
tm_wait s1 "Nederland beschikt over waardevolle bondgenoten en partners"
has "2 tree: Enter shows the section's text" "$(tm_strip 1)" \
    "Nederland beschikt over waardevolle bondgenoten en partners"
has "2 tree: Enter puts the section's heading on top" "$(reader_top)" "Partners en uitdagers"
has "2 tree: the status line shows the section" "$(status)" "§ Partners en uitdagers"
ok "2 tree: the status line shows the Beleidsbrief" status_is "$BB"

# ---- 11. a count: 5j moves five lines down -------------------------------
key s1 Tab	# from the tree to the reader
tm_settle s1
before=$(tm_strip 1)
press s1 5j
after=$(tm_strip 1)
eq "11 count: 5j moves the reader five lines" \
    "$(printf '%s\n' "$after" | sed -n 1,40p)" "$(printf '%s\n' "$before" | sed -n 6,45p)"
top_at_quit=$(reader_top)
status_at_quit=$(status)
press s1 3k
eq "11 count: 3k moves back three lines" "$(tm_strip 1 | sed -n 4p)" "$top_at_quit"
press s1 3j

# ---- 9. q restores the terminal ----------------------------------------
tm_type s1 q
eq "9 quit: exit status 0" "$(tm_exited s1)" 0
tm_wait s1 "EXITED"
has "9 quit: the shell prints after the browser" "$screen" "EXITED 0"
hasnt "9 quit: no status line left on the screen" "$screen" "$BB | "
hasnt "9 quit: no reader text left on the screen" "$screen" "waardevolle bondgenoten"
hasnt "9 quit: no panel left on the screen" "$screen" "Citations"
has "1 first start: the loading of the corpus shows on stderr" "$screen" \
    "loading the bundled corpus"
eq "9 quit: the cursor is visible again" "$(tm_cursor s1)" 1
tm_kill s1

# ---- 12. no argument again: the last document, at the same line ---------
tm_start s2 200 60
tm_wait s2 "$BB | "
tm_settle s2
eq "12 reopen: the same document and section" "$(status)" "$status_at_quit"
eq "12 reopen: the same first line" "$(reader_top)" "$top_at_quit"
tm_kill s2

# ---- 3. following a citation and going back ----------------------------
tm_start s3 200 50 BROWSER="$WORK/browser" -- "$BB"
tm_wait s3 "$BB | "
press s3 g
step_until s3 "}" "35 788, nr. 77"
has "3 follow: } selects the coalitieakkoord" "$(message)" "35 788, nr. 77 — Enter follows it"
top=$(reader_top)
tm_keys s3 Enter
tm_poll s3 status_is "$CA"
ok "3 follow: Enter opens kst-35788-77" status_is "$CA"
has "3 follow: the message names the paper opened" "$(message)" "Coalitieakkoord"
tm_keys s3 BSpace
tm_poll s3 status_is "$BB"
tm_settle s3
ok "3 back: Backspace returns to the Beleidsbrief" status_is "$BB"
eq "3 back: at the same first line" "$(reader_top)" "$top"
tm_type s3 F
tm_poll s3 status_is "$CA"
ok "3 forward: F goes to kst-35788-77 again" status_is "$CA"
tm_keys s3 C-o
tm_poll s3 status_is "$BB"
tm_settle s3
ok "3 back: Ctrl-O returns to the Beleidsbrief" status_is "$BB"
eq "3 back: Ctrl-O at the same first line" "$(reader_top)" "$top"

# ---- 4. a citation not in the corpus -----------------------------------
press s3 g
step_until s3 "}" "36 045, nr. 4"
has "4 not in corpus: } says so" "$(message)" "36 045, nr. 4 (not in the corpus)"
# the panel: the citation, and on the row below what it resolves to
panel=$(tm_strip 2)
row=$(printf '%s\n' "$panel" | grep -n '^ *36 045, nr\. 4$' | head -n 1 | cut -d: -f1)
ok "4 not in corpus: the panel lists 36 045, nr. 4" test -n "$row"
has "4 not in corpus: the panel says it is not in the corpus" \
    "$(printf '%s\n' "$panel" | sed -n "$((${row:-0} + 1))p")" "not in corpus"
# the panes' borders stay lines from top to bottom, whatever they list
eq "4 not in corpus: the panes' borders are whole" "$(tm_broken)" ""
tm_keys s3 Enter
tm_settle s3
ok "4 not in corpus: Enter keeps the Beleidsbrief" status_is "$BB"
has "4 not in corpus: Enter says it is not in the corpus" "$(message)" "not in the corpus"

# ---- 5. o opens the official page --------------------------------------
rm -f "$WORK/opened"
tm_type s3 o
n=0
while [ ! -s "$WORK/opened" ] && [ "$n" -lt 50 ]; do
	sleep 0.1
	n=$((n + 1))
done
eq "5 official page: \$BROWSER gets the address" "$(cat "$WORK/opened" 2>/dev/null)" \
    "https://zoek.officielebekendmakingen.nl/kst-36045-4.html"
tm_wait s3 "Opened"
has "5 official page: the message says it opened" "$(message)" \
    "Opened https://zoek.officielebekendmakingen.nl/kst-36045-4.html"

# ---- 6. ] and [ --------------------------------------------------------
press s3 g
press s3 "]"
has "6 sections: ] shows the next section's title" "$(message)" "Inleiding"
has "6 sections: ] moves the status line" "$(status)" "§ Inleiding"
press s3 "]"
has "6 sections: ] again" "$(message)" "Een geopolitieke aardverschuiving"
has "6 sections: ] again moves the status line" "$(status)" "§ Een geopolitieke aardverschuiving"
has "6 sections: the reader shows that section" "$(reader_top)" "Een geopolitieke aardverschuiving"
press s3 "["
has "6 sections: [ shows the previous section's title" "$(message)" "Inleiding"
has "6 sections: [ moves the status line" "$(status)" "§ Inleiding"
tm_kill s3

# ---- 7. resizing -------------------------------------------------------
# the paragraph under "Een geopolitieke aardverschuiving", in one line
para=$("$LK" show "$BB" --width 10000 | grep '^Tijdens het schrijven van deze beleidsbrief')
# joined N: the rows of the paragraph in pane N (the reader: 0 when it is
# alone, 1 beside the tree), from its start to its end or the reader's,
# joined by spaces
joined() {
	tm_strip "$1" | awk '/^ Tijdens het schrijven/ { on = 1 }
	    on && (/^ *$/ || /^─/) { exit }
	    on { sub(/^ /, ""); print }' | tr '\n' ' ' | sed 's/ *$//'
}
# prefix_of A B: whether A is a start of B
prefix_of() {
	[ -n "$1" ] && case $2 in "$1"*) return 0 ;; esac
	return 1
}
# settled_at W H: the screen has H rows and its status line at row H-2
settled_at() {
	[ "$(printf '%s\n' "$screen" | wc -l)" -eq "$2" ] && status_is "$BB" &&
	    [ "$(tm_widest)" -le "$1" ]
}
tm_start s4 200 50 -- "$BB"
tm_wait s4 "$BB | "
press s4 g
press s4 "]]"
has "7 resize: the section to resize in" "$(message)" "Een geopolitieke aardverschuiving"
msg=$(message)
tree=$(tm_strip 0)
tm_resize s4 60 20
tm_poll s4 settled_at 60 20
tm_settle s4
eq "7 resize 60x20: 20 rows" "$(printf '%s\n' "$screen" | wc -l)" 20
ok "7 resize 60x20: the status line, second from the bottom" status_is "$BB"
eq "7 resize 60x20: the message line last" "$(message)" "$msg"
ok "7 resize 60x20: no row wider than 60" test "$(tm_widest)" -le 60
hasnt "7 resize 60x20: the tree is hidden" "$screen" "Coalitieakkoord"
hasnt "7 resize 60x20: no pane side by side" "$screen" "│"
has "7 resize 60x20: the reader starts at the left edge" "$(tm_row 0)" " Een geopolitieke aardverschuiving"
j=$(joined 0)
ok "7 resize 60x20: the paragraph is rewrapped, nothing lost" prefix_of "$j" "$para"
ok "7 resize 60x20: the paragraph fills more than one row" \
    test "$(tm_strip 0 | grep -c '^ Tijdens het schrijven')" -eq 1 -a "${#j}" -gt 120
# the panel: hidden at this width (README: "Below 100 columns the tree is
# hidden and so is the panel, which x shows stacked below the reader")
rule=$(printf '%s\n' "$screen" | grep -n '^──────────*$' | head -n 1 | cut -d: -f1)
ok "7 resize 60x20: the panel is hidden" test -z "$rule"
press s4 x
rule=$(printf '%s\n' "$screen" | grep -n '^──────────*$' | head -n 1 | cut -d: -f1)
ok "7 resize 60x20: x puts the panel below the reader, after a rule" test -n "$rule"
hasnt "7 resize 60x20: the panel below the reader, not beside" "$screen" "│"
has "7 resize 60x20: the panel below the rule starts with the citations" \
    "$(printf '%s\n' "$screen" | sed -n "$((${rule:-0} + 1))p")" "itations"
# the paragraph on screen cites 36 045, nr. 3: a citation in view
has "7 resize 60x20: the panel lists the citation in view" \
    "$(printf '%s\n' "$screen" | sed -n "$((${rule:-0} + 1)),\$p")" "36 045, nr. 3"
has "7 resize 60x20: the reader above the rule" "$(tm_row 0)" " Een geopolitieke aardverschuiving"
ok "7 resize 60x20: with the panel, no row wider than 60" test "$(tm_widest)" -le 60
# y: a message that a resize must leave alone
press s4 y
has "7 resize 60x20: y shows the document's number" "$(message)" "35 925 V, nr. 84"
msg=$(message)
tm_resize s4 200 50
tm_poll s4 settled_at 200 50
tm_settle s4
eq "7 resize 200x50: 50 rows" "$(printf '%s\n' "$screen" | wc -l)" 50
ok "7 resize 200x50: the status line, second from the bottom" status_is "$BB"
eq "7 resize 200x50: the message line last" "$(message)" "$msg"
ok "7 resize 200x50: no row wider than 200" test "$(tm_widest)" -le 200
eq "7 resize 200x50: the tree is back as it was" "$(tm_strip 0)" "$tree"
has "7 resize 200x50: the panel is back beside the reader" "$(tm_strip 2)" "Citations"
eq "7 resize 200x50: the panes' borders are whole" "$(tm_broken)" ""
j=$(joined 1)
ok "7 resize 200x50: the paragraph is rewrapped, nothing lost" prefix_of "$j" "$para"
first=$(tm_strip 1 | grep '^ Tijdens het schrijven')
ok "7 resize 200x50: the paragraph's rows are wide again" test "${#first}" -gt 100

# ---- 8. the help screen ------------------------------------------------
tm_keys s4 F1
tm_wait s4 "leeskamer keys"
for g in Moving Panes Following; do
	has "8 help: F1 shows the group $g" "$screen" "$g"
done
tm_type s4 q
tm_wait_gone s4 "leeskamer keys"
hasnt "8 help: q closes it" "$screen" "leeskamer keys"
tm_settle s4
ok "8 help: q closes the help, not the browser" status_is "$BB"
ok "8 help: the browser still runs" tm_alive s4
tm_type s4 H
tm_wait s4 "leeskamer keys"
has "8 help: H shows it too" "$screen" "Following"
tm_type s4 q
tm_wait_gone s4 "leeskamer keys"
tm_kill s4

# ---- 13. focus, zoom, tree and panel -------------------------------------
tm_start s7 200 50 -- "$BB"
tm_wait s7 "$BB | "
press s7 g
eq "13 focus: the reader first" "$(focus_of s7)" none
key s7 Tab
eq "13 focus: Tab to the panel" "$(focus_of s7)" xref
key s7 Tab
eq "13 focus: Tab to the tree" "$(focus_of s7)" tree
key s7 Tab
eq "13 focus: Tab back to the reader" "$(focus_of s7)" none
key s7 BTab
eq "13 focus: Shift-Tab to the tree" "$(focus_of s7)" tree
key s7 Tab
wide=$(tm_strip 1 | head -n 1)
tree=$(tm_strip 0)
press s7 z
hasnt "13 zoom: the tree is gone" "$screen" "Coalitieakkoord"
hasnt "13 zoom: no panel" "$screen" "Citations"
hasnt "13 zoom: no separators" "$screen" "│"
eq "13 zoom: the reader keeps its first line" "$(tm_row 0 | sed 's/ *$//')" "$wide"
ok "13 zoom: the reader is wider" test "$(tm_widest)" -gt 160
press s7 z
eq "13 zoom: z again brings the tree back as it was" "$(tm_strip 0)" "$tree"
has "13 zoom: z again brings the panel back" "$(tm_strip 2)" "Citations"
eq "13 zoom: z again: the panes' borders are whole" "$(tm_broken)" ""
press s7 t
hasnt "13 t: hides the tree" "$screen" "Coalitieakkoord"
has "13 t: the panel stays" "$screen" "Citations"
press s7 t
eq "13 t: shows the tree again as it was" "$(tm_strip 0)" "$tree"
press s7 x
hasnt "13 x: hides the panel" "$screen" "Citations"
eq "13 x: the tree stays as it was" "$(tm_strip 0)" "$tree"
press s7 x
has "13 x: shows the panel again" "$(tm_strip 2)" "Citations"
tm_kill s7

# ---- 10. other terminals and locales ------------------------------------
tm_start s5 120 40 TERM=vt100 NO_COLOR=1 -- "$BB"
tm_wait s5 "$BB | "
ok "10 vt100, NO_COLOR: the status line" status_is "$BB"
press s5 g
has "10 vt100, NO_COLOR: the document's text" "$screen" "Aan de Voorzitter van de Tweede Kamer"
tm_type s5 q
eq "10 vt100, NO_COLOR: q quits with 0" "$(tm_exited s5)" 0
tm_kill s5

tm_start s6 200 50 LANG=C LC_ALL=C -- "$BB"
tm_wait s6 "$BB | "
press s6 g
tm_wait s6 "Oekraine"
has "10 LANG=C: Oekraine transliterated" "$screen" "Oekraine"
hasnt "10 LANG=C: no raw UTF-8 letters" "$screen" "Oekraïne"
hasnt "10 LANG=C: no mojibake" "$screen" "Ã"
tm_kill s6

# ---- 14. a terminal too small ---------------------------------------------
tm_start s8 30 10 -- "$BB"
tm_wait s8 "Terminal too small"
has "14 too small: says so" "$screen" "Terminal too small"
tm_type s8 q
eq "14 too small: q still quits" "$(tm_exited s8)" 0
tm_kill s8

finish
