/* help.c: the keys, grouped, on a scrollable screen. */
#include <string.h>

#include "ui.h"

static const char *help[] = {
	"leeskamer keys                                   q, Esc: close this help",
	"",
	"Moving",
	"  j k, Down Up        a line down, up (a count first: 5j)",
	"  Space PgDn, b PgUp  a page down, up",
	"  g Home, G End       the start, the end",
	"  ] [                 the next, previous section",
	"  } {                 the next, previous citation",
	"",
	"Panes",
	"  Tab, Shift-Tab      the next, previous pane",
	"  h l, Left Right     in the tree: collapse, expand",
	"  z                   zoom the pane in focus (again: back)",
	"  t                   show or hide the tree",
	"  x                   show or hide the cross-reference panel",
	"",
	"Following",
	"  Enter               in the tree: open; on a citation: follow it",
	"                      (to the pinpoint page when it names one)",
	"  Backspace Ctrl-O B  back (Alt-Left too)",
	"  F                   forward (Alt-Right too)",
	"  o                   open the official page of the selected citation",
	"  y                   show the selected citation, for quoting",
	"  i                   the notes of this section",
	"",
	"Searching",
	"  /  ?                search this document forward, backward (as you type;",
	"                      a capital letter in the pattern matches case)",
	"  s                   search all documents: a list of results",
	"  n  N                the next, previous match or result",
	"",
	"Bookmarks",
	"  m                   bookmark the paragraph at the top (or the selection),",
	"                      with a note and #tags",
	"  v                   start (or drop) a selection of paragraphs",
	"  '                   the bookmarks: Enter go, e note, d delete, u undo,",
	"                      o order by document or date, / filter, q close",
	"",
	"Commands",
	"  :                   a command: help, open DOC, load PATH, quit",
	"  F1 H                this help",
	"  q                   quit",
};

void
help_show(struct app *a)
{
	int	n = (int)(sizeof help / sizeof help[0]), top = 0, h, i, ch;
	WINDOW	*w = newwin(0, 0, 0, 0);

	if (w == NULL)
		return;
	keypad(w, TRUE);
	for (;;) {
		getmaxyx(w, h, i);
		werase(w);
		for (i = 0; i < h && top + i < n; i++) {
			if (help[top + i][0] != ' ' && help[top + i][0] != '\0')
				wattron(w, A_BOLD);
			mvwaddstr(w, i, 1, help[top + i]);
			wattroff(w, A_BOLD);
		}
		wrefresh(w);
		ch = wgetch(w);
		if (ch == 'q' || ch == 27 || ch == KEY_F(1) || ch == 'H')
			break;
		if ((ch == 'j' || ch == KEY_DOWN) && top + h < n)
			top++;
		else if ((ch == 'k' || ch == KEY_UP) && top > 0)
			top--;
		else if ((ch == ' ' || ch == KEY_NPAGE) && top + h < n)
			top = top + h < n - h ? top + h : n - h;
		else if ((ch == 'b' || ch == KEY_PPAGE))
			top = top - h > 0 ? top - h : 0;
		else if (ch == KEY_RESIZE)
			getmaxyx(stdscr, a->rows, a->cols);
	}
	delwin(w);
	touchwin(stdscr);
}
