/* xref.c: the cross-reference panel: the citations in view, in reading
 * order, each with what it resolves to. */
#include <stdio.h>
#include <string.h>

#include "ui.h"

/* The citations whose paragraph is on screen: indices into doc.cites. */
static int
in_view(struct app *a, int *v, int max)
{
	int	i, n = 0, bottom;

	if (a->doc.rowid == 0)
		return 0;
	bottom = reader_bottom(a, NULL);
	for (i = 0; i < a->doc.ncites && n < max; i++)
		if (a->doc.cites[i].para >= a->top.para &&
		    a->doc.cites[i].para <= bottom)
			v[n++] = i;
	return n;
}

void
xref_draw(struct app *a, WINDOW *w)
{
	int	 h, wd, y = 0, i, n, v[512], x0;
	char	 line[1024];

	getmaxyx(w, h, wd);
	werase(w);
	n = in_view(a, v, 512);
	if (a->lay.stacked)
		mvwhline(w, y++, 0, ACS_HLINE, wd);
	else {
		mvwvline(w, 0, 0, ACS_VLINE, h);
		wd -= 2;
		/* the rest is drawn two columns in */
	}
	if (a->xsel >= n)
		a->xsel = n ? n - 1 : 0;
	/* the selected citation in the reader is the panel's selection too */
	for (i = 0; i < n; i++)
		if (v[i] == a->sel && a->focus != PANE_XREF)
			a->xsel = i;
	x0 = a->lay.stacked ? 0 : 2;
	wattron(w, A_BOLD);
	mvwaddstr(w, y++, x0, n ? "Citations" : "No citations in view");
	wattroff(w, A_BOLD);
	if (a->xsel < a->xtop)
		a->xtop = a->xsel;
	if (a->xsel >= a->xtop + (h - 1) / 2)
		a->xtop = a->xsel - (h - 1) / 2 + 1;
	for (i = a->xtop; i < n && y + 1 < h; i++) {
		const struct ucite *c = &a->doc.cites[v[i]];
		int attr = 0;

		if (i == a->xsel && (a->focus == PANE_XREF || v[i] == a->sel))
			attr = A_REVERSE;
		else if (c->target == NULL)
			attr = a->color ? COLOR_PAIR(5) : A_DIM;
		wattron(w, attr);
		snprintf(line, sizeof line, "%s%s", c->display,
		    c->note ? " (note)" : "");
		wmove(w, y++, x0);
		draw_text(a, w, line, strlen(line), wd);
		if (attr == A_REVERSE)
			draw_fill(w, wd);
		wmove(w, y++, x0 + 2);
		if (c->target != NULL)
			snprintf(line, sizeof line, "-> %s", c->target);
		else
			snprintf(line, sizeof line, "%s%snot in corpus",
			    c->label[0] ? c->label : "", c->label[0] ? " - " : "");
		draw_text(a, w, line, strlen(line), wd - 2);
		if (attr == A_REVERSE)
			draw_fill(w, wd);
		wattroff(w, attr);
	}
}

void
xref_key(struct app *a, int key)
{
	int	v[512], n = in_view(a, v, 512);

	switch (key) {
	case 'j': case KEY_DOWN:
		if (a->xsel + 1 < n)
			a->xsel++;
		break;
	case 'k': case KEY_UP:
		if (a->xsel > 0)
			a->xsel--;
		break;
	case '\n': case '\r': case KEY_ENTER:
		if (a->xsel < n) {
			a->sel = v[a->xsel];
			app_follow(a, &a->doc.cites[v[a->xsel]]);
		}
		break;
	}
	if (a->xsel < n && a->focus == PANE_XREF)
		a->sel = v[a->xsel];
}
