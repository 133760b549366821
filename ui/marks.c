/* marks.c: bookmarks in the browser: m marks the paragraph in view or a
 * selection made with v, with a note and tags; ' lists them all, to jump
 * to, edit, delete and undelete. They live in user.db (src/store_user.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "store.h"
#include "store_user.h"
#include "ui.h"

#define MARK_TAGS	32	/* tags on one bookmark */

static int
range_add(const struct bookmark_row *r, void *arg)
{
	struct udoc	*d = arg;
	struct urange	*v;

	if (r->orphaned || r->paragraph == 0)
		return 0;
	if ((v = realloc(d->marked, (size_t)(d->nmarked + 1) * sizeof *v)) == NULL)
		return -1;
	d->marked = v;
	v[d->nmarked].first = r->paragraph;
	v[d->nmarked++].last = r->last_paragraph ? r->last_paragraph : r->paragraph;
	return 0;
}

int
marks_doc_load(struct app *a)
{
	free(a->doc.marked);
	a->doc.marked = NULL;
	a->doc.nmarked = 0;
	if (a->doc.rowid == 0)
		return 0;
	return store_bookmarks(a->st, a->doc.key, NULL, 0, range_add, &a->doc);
}

int
marks_in(const struct app *a, int para)
{
	int	i;

	for (i = 0; i < a->doc.nmarked; i++)
		if (a->doc.marked[i].first <= para && para <= a->doc.marked[i].last)
			return 1;
	return 0;
}

void
marks_select(struct app *a)
{
	if (a->vsel) {
		a->vsel = 0;
		app_message(a, "Selection dropped.");
		return;
	}
	a->vsel = a->top.para;
	app_message(a, "Selection from \xc2\xb6 %d: move down, then m marks it"
	    " (v drops it).", a->vsel);
}

void
marks_add(struct app *a)
{
	struct bookmark_new	 b;
	char			*note, *tags, *t, err[512], *v[MARK_TAGS];
	int64_t			 id;
	int			 cur = a->top.para, n = 0;

	if (a->doc.rowid == 0)
		return;
	memset(&b, 0, sizeof b);
	b.doc = a->doc.key;
	b.first = a->vsel ? (a->vsel < cur ? a->vsel : cur) : cur;
	b.last = a->vsel ? (a->vsel < cur ? cur : a->vsel) : cur;
	b.start = b.end = -1;
	if ((note = prompt_read(a, "Note (Enter for none, Esc cancels): ", NULL,
	    NULL, 0)) == NULL) {
		app_message(a, "Not bookmarked.");
		return;
	}
	if ((tags = prompt_read(a, "Tags (#sancties #navo): ", NULL, NULL, 0)) == NULL) {
		free(note);
		app_message(a, "Not bookmarked.");
		return;
	}
	for (t = strtok(tags, " ,"); t != NULL && n < MARK_TAGS; t = strtok(NULL, " ,"))
		if (*(t += *t == '#') != '\0')
			v[n++] = t;
	b.note = *note ? note : NULL;
	b.tags = (const char *const *)v;
	b.ntags = n;
	if (store_bookmark_add(a->st, &b, &id, err, sizeof err) == -1)
		app_message(a, "Not bookmarked: %s", err);
	else if (b.first == b.last)
		app_message(a, "Bookmarked \xc2\xb6 %d (' lists bookmarks).", b.first);
	else
		app_message(a, "Bookmarked \xc2\xb6 %d-%d (' lists bookmarks).",
		    b.first, b.last);
	a->vsel = 0;
	free(note);
	free(tags);
	marks_doc_load(a);
	tree_build(a);
}

void
marks_free(struct app *a)
{
	int	i;

	for (i = 0; i < a->nmarks; i++) {
		free(a->marks[i].doc);
		free(a->marks[i].title);
		free(a->marks[i].where);
		free(a->marks[i].quote);
		free(a->marks[i].note);
		free(a->marks[i].tags);
		free(a->marks[i].created);
	}
	free(a->marks);
	a->marks = NULL;
	a->nmarks = 0;
}

/* Whether the filter (folded) is in any of the bookmark's texts. */
static int
matches(const char *filter, const struct bookmark_row *r, const char *tags)
{
	const char	*fields[6] = { r->doc, r->title, r->quote, r->note, tags,
	    r->section_title };
	struct folded	 ff, fx;
	size_t		 s, e;
	int		 i, hit = 0;

	if (*filter == '\0')
		return 1;
	if (fold_text(filter + (*filter == '#'), strlen(filter + (*filter == '#')),
	    0, &ff) == -1)
		return 1;
	for (i = 0; i < 6 && !hit; i++) {
		if (fields[i] == NULL || fold_text(fields[i], strlen(fields[i]), 0,
		    &fx) == -1)
			continue;
		hit = fold_find(&fx, ff.s, ff.len, 0, &s, &e);
		fold_free(&fx);
	}
	fold_free(&ff);
	return hit;
}

static int
mark_add(const struct bookmark_row *r, void *arg)
{
	struct app	*a = arg;
	struct umark	*v, *m;
	struct buf	 t = { 0 }, w = { 0 };
	int		 i;

	for (i = 0; i < r->ntags; i++)
		buf_addf(&t, "%s#%s", i ? " " : "", r->tags[i]);
	if (!matches(a->mfilter, r, t.s ? t.s : "")) {
		buf_free(&t);
		return 0;
	}
	if ((v = realloc(a->marks, (size_t)(a->nmarks + 1) * sizeof *v)) == NULL) {
		buf_free(&t);
		return -1;
	}
	a->marks = v;
	m = &v[a->nmarks++];
	m->id = r->id;
	m->doc = ui_dup(r->doc);
	m->title = ui_dup(r->title);
	if (r->orphaned)
		buf_adds(&w, "passage no longer found");
	else {
		if (r->section_title) {
			int num = r->section_number && *r->section_number;

			buf_addf(&w, "\xc2\xa7 %s%s%s  ", num ? r->section_number :
			    "", num ? " " : "", r->section_title);
		}
		if (r->page)
			buf_addf(&w, "p. %d  ", r->page);
		buf_addf(&w, "\xc2\xb6 %d", r->paragraph);
		if (r->last_paragraph > r->paragraph)
			buf_addf(&w, "-%d", r->last_paragraph);
	}
	m->where = buf_take(&w);
	m->quote = ui_dup(r->quote);
	m->note = r->note ? strdup(r->note) : NULL;
	m->tags = buf_take(&t);
	m->created = ui_dup(r->created);
	m->para = r->paragraph;
	m->orphaned = r->orphaned;
	return 0;
}

static int
by_date(const void *x, const void *y)
{
	const struct umark *a = x, *b = y;
	int c = strcmp(b->created, a->created);	/* newest first */

	return c ? c : (a->id < b->id ? 1 : -1);
}

static void
marks_reload(struct app *a)
{
	int	keep = a->msel;

	marks_free(a);
	store_bookmarks(a->st, NULL, NULL, 0, mark_add, a);
	if (a->morder && a->nmarks > 1)
		qsort(a->marks, (size_t)a->nmarks, sizeof *a->marks, by_date);
	a->msel = keep < a->nmarks ? keep : (a->nmarks ? a->nmarks - 1 : 0);
}

void
marks_open(struct app *a)
{
	a->msel = a->mtop = 0;
	marks_reload(a);
	a->in_marks = 1;
	a->in_results = 0;
	if (a->nmarks == 0 && a->mfilter[0] == '\0')
		app_message(a, "No bookmarks yet: m marks the paragraph in view.");
	else
		app_message(a, "Enter: go there  e: note  d: delete  u: undo"
		    "  o: order  /: filter  q: close");
}

void
marks_draw(struct app *a, WINDOW *w)
{
	int	h, wd, y = 0, i;
	char	line[1024];

	getmaxyx(w, h, wd);
	werase(w);
	snprintf(line, sizeof line, "%d bookmark%s%s%s%s, by %s", a->nmarks,
	    a->nmarks == 1 ? "" : "s", a->mfilter[0] ? " matching \"" : "",
	    a->mfilter, a->mfilter[0] ? "\"" : "", a->morder ? "date" :
	    "document order");
	wattron(w, A_BOLD);
	wmove(w, y++, 1);
	draw_text(a, w, line, strlen(line), wd - 2);
	wattroff(w, A_BOLD);
	y++;
	if (a->msel < a->mtop)
		a->mtop = a->msel;
	if ((a->msel - a->mtop + 1) * 4 > h - 2)
		a->mtop = a->msel - (h - 2) / 4 + 1;
	if (a->mtop < 0)
		a->mtop = 0;
	for (i = a->mtop; i < a->nmarks && y + 2 < h; i++) {
		const struct umark *m = &a->marks[i];
		int attr = i == a->msel ? A_REVERSE : 0;

		snprintf(line, sizeof line, "%s  %s", m->title, m->where);
		wattron(w, attr | A_BOLD);
		wmove(w, y++, 1);
		draw_text(a, w, line, strlen(line), wd - 2);
		if (attr)
			draw_fill(w, wd - 1);
		wattroff(w, attr | A_BOLD);
		wmove(w, y++, 3);
		draw_text(a, w, m->quote, strcspn(m->quote, "\n"), wd - 4);
		snprintf(line, sizeof line, "%s%s%s%s%.10s", m->note ? m->note : "",
		    m->note && m->tags[0] ? "  " : "", m->tags,
		    m->note || m->tags[0] ? "  " : "", m->created);
		wattron(w, a->color ? COLOR_PAIR(4) : A_DIM);
		wmove(w, y++, 3);
		draw_text(a, w, line, strlen(line), wd - 4);
		wattroff(w, a->color ? COLOR_PAIR(4) : A_DIM);
		y++;
	}
}

void
marks_key(struct app *a, int key)
{
	struct umark	*m = a->nmarks ? &a->marks[a->msel] : NULL;
	char		*s, err[512];
	int64_t		 doc;

	if (ui_list_key(key, &a->msel, a->nmarks,
	    a->lay.pane[PANE_READER].h / 3))
		return;
	switch (key) {
	case 'q': case 27:
		a->in_marks = 0;
		break;
	case 'o':
		a->morder = !a->morder;
		marks_reload(a);
		break;
	case '/':
		if ((s = prompt_read(a, "Filter (text, #tag or document): ",
		    a->mfilter, NULL, 0)) != NULL) {
			snprintf(a->mfilter, sizeof a->mfilter, "%s", s);
			free(s);
			a->msel = 0;
			marks_reload(a);
		}
		break;
	case 'e':
		if (m == NULL)
			break;
		if ((s = prompt_read(a, "Note: ", m->note, NULL, 0)) != NULL) {
			if (store_bookmark_note(a->st, m->id, s, err, sizeof err) == -1)
				app_message(a, "%s", err);
			free(s);
			marks_reload(a);
		}
		break;
	case 'd':
		if (m == NULL)
			break;
		if (store_bookmark_delete(a->st, m->id, err, sizeof err) == -1) {
			app_message(a, "%s", err);
			break;
		}
		if (a->nmundo == HISTORY)
			memmove(a->mundo, a->mundo + 1, (HISTORY - 1) * sizeof *a->mundo);
		else
			a->nmundo++;
		a->mundo[a->nmundo - 1] = m->id;
		app_message(a, "Deleted: u brings it back.");
		marks_reload(a);
		marks_doc_load(a);
		break;
	case 'u':
		if (a->nmundo == 0) {
			app_message(a, "Nothing to undo.");
			break;
		}
		if (store_bookmark_restore(a->st, a->mundo[--a->nmundo], err,
		    sizeof err) == -1)
			app_message(a, "%s", err);
		else
			app_message(a, "Bookmark back.");
		marks_reload(a);
		marks_doc_load(a);
		break;
	case '\n': case '\r': case KEY_ENTER:
		if (m == NULL)
			break;
		if (m->orphaned || m->para == 0) {
			app_message(a, "This passage is no longer in the document.");
			break;
		}
		if (store_doc_find(a->st, m->doc, &doc, err, sizeof err) == -1) {
			app_message(a, "%s: %s", m->doc, err);
			break;
		}
		a->in_marks = 0;
		app_open(a, doc, m->para, 0, 1);
		break;
	}
}
