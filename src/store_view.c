/* store_view.c: the browser's reads. A keypress must not wait for the
 * document or the corpus, so these read what is on screen by the (doc,
 * ord) index, with statements kept prepared, and never a whole table. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

/* Steps s to its end through fn; reset, so no read stays open. */
static int
para_rows(sqlite3_stmt *s, para_fn fn, void *arg)
{
	struct para_row	r;
	int		rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int(s, 0);
		r.section = store_text(s, 1);
		r.section_rowid = sqlite3_column_int64(s, 2);
		r.page = sqlite3_column_int(s, 3);
		r.text = store_text(s, 4);
		r.heading = sqlite3_column_int(s, 5);
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int
store_view_paras(struct store *st, int64_t doc, int first, int last,
    para_fn fn, void *arg)
{
	sqlite3_stmt	*s;

	/* both bounds in the index's range: store_paras's "?3 = 0 OR"
	 * reads on to the document's end */
	s = store_cached(st, "SELECT p.ord, s.sid, p.section,"
	    " coalesce(p.page, 0), p.text, p.heading FROM para p"
	    " LEFT JOIN section s ON s.id = p.section"
	    " WHERE p.doc = ?1 AND p.ord BETWEEN ?2 AND ?3 ORDER BY p.ord");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int(s, 2, first);
	sqlite3_bind_int(s, 3, last);
	return para_rows(s, fn, arg);
}

int
store_view_npara(struct store *st, int64_t doc)
{
	sqlite3_stmt	*s;
	int		 n = 0;

	/* the highest ordinal, one step down the index, not a count */
	s = store_cached(st, "SELECT max(ord) FROM para WHERE doc = ?1");
	if (s == NULL)
		return 0;
	sqlite3_bind_int64(s, 1, doc);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return n;
}

struct vsec {
	struct section_row	 r;
	char			*id, *number, *title, *parent;
};

/* A document's sections, a piece at a time: see store.h. */
struct view_secs {
	struct store	*st;
	int64_t		 doc;
	int		 after;		/* the last ordinal read */
	int		 npara;		/* the last section's last paragraph */
	struct vsec	 held;		/* read, its last paragraph not known */
	int		 have, done;
};

static void
vsec_free(struct vsec *v)
{
	free(v->id);
	free(v->number);
	free(v->title);
	free(v->parent);
	memset(v, 0, sizeof *v);
}

struct view_secs *
store_view_sections_begin(struct store *st, int64_t doc)
{
	struct view_secs	*v;

	if ((v = calloc(1, sizeof *v)) == NULL)
		return NULL;
	v->st = st;
	v->doc = doc;
	v->after = -1;
	v->npara = store_view_npara(st, doc);
	return v;
}

/* Passes the held row, its last paragraph the one before first (the
 * next section's), or the document's last; next takes its place. */
static int
vsec_pass(struct view_secs *v, struct vsec *next, section_fn fn, void *arg)
{
	int	rc = 0;

	if (v->have) {
		v->held.r.id = v->held.id;
		v->held.r.number = v->held.number;
		v->held.r.title = v->held.title;
		v->held.r.parent = v->held.parent;
		v->held.r.last = next != NULL && next->r.first > 0 ?
		    next->r.first - 1 : v->npara;
		rc = fn(&v->held.r, arg);
		vsec_free(&v->held);
		v->have = 0;
	}
	if (next != NULL) {
		v->held = *next;
		v->have = 1;
	}
	return rc;
}

int
store_view_sections_step(struct view_secs *v, int n, section_fn fn, void *arg)
{
	sqlite3_stmt	*s;
	struct vsec	*p = NULL, *np;
	int		 k = 0, cap = 0, i, rc, stop = 0;

	if (v->done)
		return 0;
	/* as store_sections, but a section's last paragraph is the next
	 * one's first less one, counted here: SQLite's window over the
	 * sections read the whole document's paragraphs for each. The
	 * piece is copied and the read let go before rows are passed. */
	s = store_cached(v->st, "SELECT s.id, s.sid, s.number, s.title, p.sid,"
	    " s.level, coalesce(s.page, 0), (SELECT ord FROM para"
	    " WHERE file = s.file AND pord = s.pfirst), s.ord"
	    " FROM section s LEFT JOIN section p ON p.id = s.parent"
	    " WHERE s.doc = ?1 AND s.ord > ?2 ORDER BY s.ord LIMIT ?3");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, v->doc);
	sqlite3_bind_int(s, 2, v->after);
	sqlite3_bind_int(s, 3, n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (k == cap) {
			cap = cap ? 2 * cap : 64;
			if ((np = realloc(p, (size_t)cap * sizeof *p)) == NULL)
				break;
			p = np;
		}
		memset(&p[k], 0, sizeof p[k]);
		p[k].r.rowid = sqlite3_column_int64(s, 0);
		p[k].id = strdup(store_text(s, 1) ? store_text(s, 1) : "");
		p[k].number = strdup(store_text(s, 2) ? store_text(s, 2) : "");
		p[k].title = strdup(store_text(s, 3) ? store_text(s, 3) : "");
		if (store_text(s, 4) != NULL)
			p[k].parent = strdup(store_text(s, 4));
		p[k].r.level = sqlite3_column_int(s, 5);
		p[k].r.page = sqlite3_column_int(s, 6);
		p[k].r.first = sqlite3_column_int(s, 7);
		v->after = sqlite3_column_int(s, 8);
		if (p[k].id == NULL || p[k].number == NULL || p[k].title == NULL) {
			vsec_free(&p[k]);
			break;
		}
		k++;
	}
	sqlite3_reset(s);
	rc = rc == SQLITE_DONE ? 0 : -1;
	if (rc == 0 && k < n)
		v->done = 1;
	for (i = 0; i < k; i++) {
		if (rc == 0 && !stop)
			stop = vsec_pass(v, &p[i], fn, arg) != 0;
		else
			vsec_free(&p[i]);
	}
	free(p);
	if (rc == 0 && !stop && v->done)
		stop = vsec_pass(v, NULL, fn, arg) != 0;
	if (stop)
		v->done = 1;
	return rc == -1 ? -1 : !v->done;
}

void
store_view_sections_end(struct view_secs *v)
{
	if (v == NULL)
		return;
	vsec_free(&v->held);
	free(v);
}

int
store_view_sections(struct store *st, int64_t doc, section_fn fn, void *arg)
{
	struct view_secs	*v;
	int			 rc;

	if ((v = store_view_sections_begin(st, doc)) == NULL)
		return -1;
	while ((rc = store_view_sections_step(v, 1000, fn, arg)) == 1)
		;
	store_view_sections_end(v);
	return rc;
}

int64_t
store_view_stamp(struct store *st)
{
	sqlite3_stmt	*s;
	int64_t		 v = 0;

	/* it moves with other connections' commits, not with this one's */
	if ((s = store_cached(st, "PRAGMA main.data_version")) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return v;
}

int
store_view_docs(struct store *st, int64_t after, int limit, doc_fn fn,
    void *arg)
{
	struct doc_row	 r;
	sqlite3_stmt	*s;
	int		 rc;

	s = store_cached(st, "SELECT id, key, kamerstuk, title, dossier,"
	    " dossier_title, nsections, number IS NULL,"
	    " CAST(number AS INTEGER) FROM doc WHERE id > ?1 ORDER BY id"
	    " LIMIT ?2");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, after);
	sqlite3_bind_int(s, 2, limit);
	memset(&r, 0, sizeof r);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.rowid = sqlite3_column_int64(s, 0);
		r.id = store_text(s, 1);
		r.kamerstuk = store_text(s, 2);
		r.title = store_text(s, 3);
		r.dossier = store_text(s, 4);
		r.dossier_title = store_text(s, 5);
		r.sections = sqlite3_column_int(s, 6);
		r.nonum = sqlite3_column_int(s, 7);
		r.num = sqlite3_column_int64(s, 8);
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}
