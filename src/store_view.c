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

int
store_view_sections(struct store *st, int64_t doc, section_fn fn, void *arg)
{
	sqlite3_stmt	*s;
	struct vsec	*v = NULL, *nv;
	int		 n = 0, cap = 0, i, rc, last;

	/* as store_sections, but a section's last paragraph is the next
	 * one's first less one, counted here: SQLite's window over the
	 * sections read the whole document's paragraphs for each */
	s = store_cached(st, "SELECT s.id, s.sid, s.number, s.title, p.sid,"
	    " s.level, coalesce(s.page, 0), (SELECT ord FROM para"
	    " WHERE file = s.file AND pord = s.pfirst)"
	    " FROM section s LEFT JOIN section p ON p.id = s.parent"
	    " WHERE s.doc = ?1 ORDER BY s.ord");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((nv = realloc(v, (size_t)cap * sizeof *v)) == NULL)
				break;
			v = nv;
		}
		memset(&v[n], 0, sizeof v[n]);
		v[n].r.rowid = sqlite3_column_int64(s, 0);
		v[n].id = strdup(store_text(s, 1) ? store_text(s, 1) : "");
		v[n].number = strdup(store_text(s, 2) ? store_text(s, 2) : "");
		v[n].title = strdup(store_text(s, 3) ? store_text(s, 3) : "");
		if (store_text(s, 4) != NULL)
			v[n].parent = strdup(store_text(s, 4));
		v[n].r.level = sqlite3_column_int(s, 5);
		v[n].r.page = sqlite3_column_int(s, 6);
		v[n].r.first = sqlite3_column_int(s, 7);
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		rc = -1;
	else
		rc = 0;
	last = n > 0 ? store_view_npara(st, doc) : 0;
	for (i = 0; i < n; i++) {
		v[i].r.id = v[i].id;
		v[i].r.number = v[i].number;
		v[i].r.title = v[i].title;
		v[i].r.parent = v[i].parent;
		v[i].r.last = i + 1 < n && v[i + 1].r.first > 0 ?
		    v[i + 1].r.first - 1 : last;
		if (rc == 0 && (v[i].id == NULL || v[i].number == NULL ||
		    v[i].title == NULL))
			rc = -1;
		if (rc == 0 && fn(&v[i].r, arg) != 0)
			rc = 1;
	}
	for (i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].number);
		free(v[i].title);
		free(v[i].parent);
	}
	free(v);
	return rc == -1 ? -1 : 0;
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
