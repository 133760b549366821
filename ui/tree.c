/* tree.c: the section tree. Documents are roots; an open document shows
 * its sections, which collapse and expand. Rows are rebuilt from the store
 * when something opens or closes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui.h"

static int
has(const int64_t *v, int n, int64_t x)
{
	int	i;

	for (i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

static void
toggle(int64_t **v, int *n, int64_t x)
{
	int	 i;
	int64_t	*nv;

	for (i = 0; i < *n; i++)
		if ((*v)[i] == x) {
			(*v)[i] = (*v)[--*n];
			return;
		}
	if ((nv = realloc(*v, (size_t)(*n + 1) * sizeof *nv)) == NULL)
		return;
	*v = nv;
	nv[(*n)++] = x;
}

static void
row_add(struct app *a, int64_t doc, int64_t sec, int level, int first,
    const char *label)
{
	struct trow *v = realloc(a->trows, (size_t)(a->ntrows + 1) * sizeof *v);

	if (v == NULL)
		return;
	a->trows = v;
	v[a->ntrows].doc = doc;
	v[a->ntrows].sec = sec;
	v[a->ntrows].level = level;
	v[a->ntrows].first = first;
	v[a->ntrows].kids = 0;
	v[a->ntrows].open = 0;
	v[a->ntrows].label = strdup(label ? label : "");
	a->ntrows++;
}

struct build {
	struct app	*a;
	int64_t		 doc;
	int		 hide;	/* sections deeper than this are hidden; 0 none */
};

static int
sec_row(const struct section_row *r, void *arg)
{
	struct build	*b = arg;
	char		 label[512];

	if (b->hide && r->level > b->hide)
		return 0;
	b->hide = 0;
	if (r->number[0])
		snprintf(label, sizeof label, "%s%s %s", r->number,
		    strchr(r->number, '.') ? "" : ".", r->title);
	else
		snprintf(label, sizeof label, "%s", r->title);
	row_add(b->a, b->doc, r->rowid, r->level, r->first, label);
	if (has(b->a->tclosed, b->a->ntclosed, r->rowid)) {
		b->a->trows[b->a->ntrows - 1].open = 0;
		b->hide = r->level;
	} else
		b->a->trows[b->a->ntrows - 1].open = 1;
	return 0;
}

static int
doc_row(const struct doc_row *r, void *arg)
{
	struct build	*b = arg;
	char		 label[512];

	snprintf(label, sizeof label, "%s%s%s%s", r->title,
	    r->kamerstuk ? " (" : "", r->kamerstuk ? r->kamerstuk : "",
	    r->kamerstuk ? ")" : "");
	row_add(b->a, r->rowid, 0, 0, 1, label);
	b->a->trows[b->a->ntrows - 1].kids = r->sections > 0;
	b->a->trows[b->a->ntrows - 1].open = has(b->a->topen, b->a->ntopen, r->rowid);
	return 0;
}

void
tree_free(struct app *a)
{
	int	i;

	for (i = 0; i < a->ntrows; i++)
		free(a->trows[i].label);
	free(a->trows);
	a->trows = NULL;
	a->ntrows = 0;
}

void
tree_build(struct app *a)
{
	struct build	 b;
	struct trow	*docs;
	int		 i, n;

	tree_free(a);
	memset(&b, 0, sizeof b);
	b.a = a;
	store_docs(a->st, doc_row, &b);
	/* put the sections of open documents under them */
	n = a->ntrows;
	docs = a->trows;
	a->trows = NULL;
	a->ntrows = 0;
	for (i = 0; i < n; i++) {
		row_add(a, docs[i].doc, 0, 0, 1, docs[i].label);
		a->trows[a->ntrows - 1].kids = docs[i].kids;
		a->trows[a->ntrows - 1].open = docs[i].open;
		free(docs[i].label);
		if (docs[i].open) {
			b.doc = docs[i].doc;
			b.hide = 0;
			store_sections(a->st, docs[i].doc, sec_row, &b);
		}
	}
	free(docs);
	/* a section has children when the next row is deeper */
	for (i = 0; i < a->ntrows; i++)
		if (a->trows[i].sec != 0)
			a->trows[i].kids = i + 1 < a->ntrows &&
			    a->trows[i + 1].sec != 0 &&
			    a->trows[i + 1].doc == a->trows[i].doc &&
			    a->trows[i + 1].level > a->trows[i].level;
	for (i = 0; i < a->ntrows; i++)
		if (a->trows[i].sec != 0 && has(a->tclosed, a->ntclosed, a->trows[i].sec))
			a->trows[i].kids = 1;
	if (a->tsel >= a->ntrows)
		a->tsel = a->ntrows ? a->ntrows - 1 : 0;
}

/* The row of the section being read. */
static int
current_row(struct app *a)
{
	int	i, best = -1, s;
	int64_t	sec = 0;

	if (a->doc.rowid == 0)
		return -1;
	if ((s = udoc_section_of(&a->doc, a->top.para)) >= 0)
		sec = a->doc.secs[s].rowid;
	for (i = 0; i < a->ntrows; i++) {
		if (a->trows[i].doc != a->doc.rowid)
			continue;
		if (a->trows[i].sec == 0 && best == -1)
			best = i;
		if (a->trows[i].sec == sec)
			return i;
		/* a hidden section: its nearest shown ancestor */
		if (a->trows[i].sec != 0 && a->trows[i].first <= a->top.para)
			best = i;
	}
	return best;
}

static void
keep_visible(struct app *a, int h)
{
	if (h <= 0)
		return;	/* hidden: keep where it was */
	if (a->tsel < a->ttop)
		a->ttop = a->tsel;
	if (a->tsel >= a->ttop + h)
		a->ttop = a->tsel - h + 1;
	if (a->ttop < 0)
		a->ttop = 0;
}

void
tree_follow(struct app *a)
{
	int	r;

	/* a document opened in the reader opens in the tree, once: the
	 * user may close it again */
	if (a->doc.rowid != 0 && a->tfollowed != a->doc.rowid) {
		a->tfollowed = a->doc.rowid;
		if (!has(a->topen, a->ntopen, a->doc.rowid)) {
			toggle(&a->topen, &a->ntopen, a->doc.rowid);
			tree_build(a);
		}
	}
	if (a->focus != PANE_TREE && (r = current_row(a)) >= 0) {
		a->tsel = r;
		keep_visible(a, a->lay.pane[PANE_TREE].h);
	}
}

void
tree_draw(struct app *a, WINDOW *w)
{
	int	h, wd, y, i, cur = current_row(a), indent;

	getmaxyx(w, h, wd);
	werase(w);
	mvwvline(w, 0, wd - 1, ACS_VLINE, h);
	wd--;
	keep_visible(a, h);
	for (y = 0; y < h && (i = a->ttop + y) < a->ntrows; y++) {
		const struct trow *r = &a->trows[i];
		int attr = 0;

		indent = r->sec ? 2 * r->level : 0;
		if (indent > wd / 2)
			indent = wd / 2;
		if (i == a->tsel && a->focus == PANE_TREE)
			attr = A_REVERSE;
		else if (i == cur)
			attr = a->color ? COLOR_PAIR(4) | A_BOLD : A_BOLD;
		wattron(w, attr);
		wmove(w, y, 0);
		draw_fill(w, indent);
		waddstr(w, r->kids ? (r->open ? "- " : "+ ") : "  ");
		draw_text(a, w, r->label, strlen(r->label), wd - indent - 2);
		if (attr == A_REVERSE)
			draw_fill(w, wd);
		wattroff(w, attr);
	}
}

void
tree_key(struct app *a, int key)
{
	struct trow	*r;
	int		 h = a->lay.pane[PANE_TREE].h, i, n = a->count ? a->count : 1;

	if (a->ntrows == 0)
		return;
	r = &a->trows[a->tsel];
	switch (key) {
	case 'j': case KEY_DOWN:
		a->tsel = a->tsel + n < a->ntrows ? a->tsel + n : a->ntrows - 1;
		break;
	case 'k': case KEY_UP:
		a->tsel = a->tsel - n > 0 ? a->tsel - n : 0;
		break;
	case ' ': case KEY_NPAGE:
		a->tsel = a->tsel + h < a->ntrows ? a->tsel + h : a->ntrows - 1;
		break;
	case 'b': case KEY_PPAGE:
		a->tsel = a->tsel - h > 0 ? a->tsel - h : 0;
		break;
	case 'g': case KEY_HOME:
		a->tsel = 0;
		break;
	case 'G': case KEY_END:
		a->tsel = a->ntrows - 1;
		break;
	case 'h': case KEY_LEFT:
		if (r->kids && r->open) {
			if (r->sec)
				toggle(&a->tclosed, &a->ntclosed, r->sec);
			else
				toggle(&a->topen, &a->ntopen, r->doc);
			tree_build(a);
		} else
			for (i = a->tsel - 1; i >= 0; i--)
				if (a->trows[i].doc == r->doc &&
				    (a->trows[i].sec == 0 || a->trows[i].level < r->level)) {
					a->tsel = i;
					break;
				}
		break;
	case 'l': case KEY_RIGHT:
		if (r->kids && !r->open) {
			if (r->sec)
				toggle(&a->tclosed, &a->ntclosed, r->sec);
			else
				toggle(&a->topen, &a->ntopen, r->doc);
			tree_build(a);
		}
		break;
	case '\n': case '\r': case KEY_ENTER:
		if (r->sec == 0) {
			int para = 1, line = 0;
			char key[256];

			if (store_doc_key(a->st, r->doc, key, sizeof key) == 0)
				store_position_get(a->st, key, &para, &line);
			app_open(a, r->doc, para, line, 1);
		} else
			app_open(a, r->doc, r->first, 0, 1);
		break;
	}
	keep_visible(a, h);
}
