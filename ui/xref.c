/* xref.c: the cross-reference panel: the citations in view in reading
 * order, each with what it resolves to; below, the passages in the corpus
 * that cite the open paper, and related papers. */
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "ui.h"

enum { X_CITE, X_CITEDBY, X_RELATED };

struct xentry {
	int	kind, i;
};

#define XMAX	1024

/* The panel's entries: citations whose paragraph is on screen, then the
 * document's cited-by passages and related papers. The related papers
 * are read when rows are left for them: between keys, a slice at a time
 * (search_idle), or at once for a key in the panel (rows < 0). */
static int
entries(struct app *a, struct xentry *v, int rows)
{
	int	i, n = 0, bottom;

	if (a->doc.rowid == 0)
		return 0;
	bottom = reader_bottom(a, NULL);
	for (i = 0; i < a->doc.ncites && n < XMAX; i++)
		if (a->doc.cites[i].para >= a->top.para &&
		    a->doc.cites[i].para <= bottom)
			v[n++] = (struct xentry){ X_CITE, i };
	for (i = 0; i < a->doc.ncitedby && n < XMAX; i++)
		v[n++] = (struct xentry){ X_CITEDBY, i };
	if (rows < 0)
		udoc_related_all(a->st, &a->doc);
	else if (2 * (n - a->xtop) + 3 < rows && !a->doc.rest)
		/* not before the citations and cited-by are read, which
		 * may fill the panel */
		a->doc.related_want = 1;
	for (i = 0; i < a->doc.nrelated && n < XMAX; i++)
		v[n++] = (struct xentry){ X_RELATED, i };
	return n;
}

static void
heading(struct app *a, WINDOW *w, int *y, int x0, int h, const char *s)
{
	(void)a;
	if (*y >= h)
		return;
	wattron(w, A_BOLD);
	mvwaddstr(w, (*y)++, x0, s);
	wattroff(w, A_BOLD);
}

/* Two lines for an entry: what it is, and what it leads to. */
static void
entry_text(struct app *a, const struct xentry *e, char *l1, char *l2, size_t n)
{
	if (e->kind == X_CITE) {
		const struct ucite *c = &a->doc.cites[e->i];

		udoc_target(a->st, &a->doc, e->i);
		snprintf(l1, n, "%s%s", c->display, c->note ? " (note)" : "");
		if (c->target != NULL)
			snprintf(l2, n, "-> %s", c->target);
		else
			snprintf(l2, n, "not in corpus%s%s", c->label[0] ? " - " : "",
			    c->label);
	} else {
		struct ulink *l = e->kind == X_CITEDBY ?
		    &a->doc.citedby[e->i] : &a->doc.related[e->i];

		snprintf(l1, n, "%s", udoc_link_title(l));
		snprintf(l2, n, "%s", l->text);
	}
}

void
xref_draw(struct app *a, WINDOW *w)
{
	struct xentry	 v[XMAX];
	int		 h, wd, y = 0, i, n, x0, last = -1, per, fit;
	char		 l1[1024], l2[1024];

	getmaxyx(w, h, wd);
	werase(w);
	if (a->lay.stacked)
		mvwhline(w, y++, 0, ACS_HLINE, wd);
	else {
		mvwvline(w, 0, 0, ACS_VLINE, h);
		wd -= 2;
	}
	x0 = a->lay.stacked ? 0 : 2;
	wd -= 1;	/* never the last column: the cursor would wrap */
	n = entries(a, v, h - y);
	if (a->xsel >= n)
		a->xsel = n ? n - 1 : 0;
	/* the citation selected in the reader is the panel's selection too */
	for (i = 0; i < n && a->focus != PANE_XREF; i++)
		if (v[i].kind == X_CITE && v[i].i == a->sel)
			a->xsel = i;
	/* two rows an entry, and room for up to three headings */
	per = 2;
	if (a->xsel < a->xtop)
		a->xtop = a->xsel;
	fit = (h - y - 3) / per;
	if (fit < 1)
		fit = 1;
	if (a->xsel - a->xtop + 1 > fit)
		a->xtop = a->xsel - fit + 1;
	if (a->xtop < 0)
		a->xtop = 0;
	if (n == 0 || v[0].kind != X_CITE)
		heading(a, w, &y, x0, h, "No citations in view");
	for (i = a->xtop; i < n && y + 1 < h; i++) {
		int attr = 0;

		if (v[i].kind != last) {
			if (v[i].kind == X_CITE)
				heading(a, w, &y, x0, h, "Citations");
			else if (v[i].kind == X_CITEDBY) {
				snprintf(l1, sizeof l1, "Cited by (%d)", a->doc.ncitedby);
				heading(a, w, &y, x0, h, l1);
			} else
				heading(a, w, &y, x0, h, "Related");
			last = v[i].kind;
			if (y + 1 >= h)
				break;
		}
		entry_text(a, &v[i], l1, l2, sizeof l1);
		if (i == a->xsel && (a->focus == PANE_XREF ||
		    (v[i].kind == X_CITE && v[i].i == a->sel)))
			attr = A_REVERSE;
		else if (v[i].kind == X_CITE && a->doc.cites[v[i].i].target == NULL)
			attr = a->color ? COLOR_PAIR(5) : A_DIM;
		wattron(w, attr);
		wmove(w, y++, x0);
		draw_text(a, w, l1, strlen(l1), wd);
		if (attr == A_REVERSE)
			draw_fill(w, wd + x0);
		wmove(w, y++, x0 + 2);
		draw_text(a, w, l2, strlen(l2), wd - 2);
		if (attr == A_REVERSE)
			draw_fill(w, wd + x0);
		wattroff(w, attr);
	}
}

void
xref_key(struct app *a, int key)
{
	struct xentry	 v[XMAX];
	int		 n = entries(a, v, -1);
	int64_t		 doc;
	char		 err[512];

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
		if (a->xsel >= n)
			break;
		if (v[a->xsel].kind == X_CITE) {
			a->sel = v[a->xsel].i;
			udoc_target(a->st, &a->doc, a->sel);
			app_follow(a, &a->doc.cites[a->sel]);
			break;
		} else {
			const struct ulink *l = v[a->xsel].kind == X_CITEDBY ?
			    &a->doc.citedby[v[a->xsel].i] : &a->doc.related[v[a->xsel].i];
			char key2[256];
			int para = l->para > 0 ? l->para : 1;

			snprintf(key2, sizeof key2, "%s", l->doc);
			if (store_doc_find(a->st, key2, &doc, err, sizeof err) == 0 &&
			    app_open(a, doc, para, 0, 1) == 0)
				app_message(a, "%s", a->doc.title);
		}
		return;
	}
	if (a->xsel < n && v[a->xsel].kind == X_CITE && a->focus == PANE_XREF)
		a->sel = v[a->xsel].i;
}
