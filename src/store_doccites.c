/* store_doccites.c: the browser's citations of one document, without the
 * corpus, read a piece at a time between keys: a long paper's thousands
 * took one slice of some 25 M instructions. The citations' places come by
 * the cite_doc index in rowid order, the paragraphs' ordinals by the (doc,
 * ord) index, both in pieces; the places are put in reading order in
 * memory, and each citation's row is read by its rowid as it is passed
 * on, a piece a step. Only the places are held, some 40 bytes a citation:
 * holding the rows, strings and all, cost a paper of 10 000 citations
 * 3.5 MB beside the browser's own copy. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "paper.h"
#include "store_int.h"
#include "store_xref.h"

/* A citation's place: what reading order needs. */
struct bplace {
	int64_t	id;		/* the citation's rowid */
	int64_t	para;		/* its paragraph's rowid, 0 none */
	int	paragraph;	/* that paragraph's ordinal, 0 none */
	int	part, note, pos, start, isnote;
};

/* A paragraph's rowid and its ordinal in the document. */
struct pord {
	int64_t	rowid;
	int	ord;
};

/* What a step does next. */
enum { DC_CITES, DC_ORDS, DC_PASS, DC_DONE };

struct xref_docc {
	struct store	*st;
	int64_t		 doc;
	int		 phase;
	struct bplace	*v;		/* the citations' places */
	int		 n;
	size_t		 cap;
	struct pord	*ords;		/* the paragraphs, by rowid */
	int		 np;
	size_t		 pcap;
	int64_t		 after;		/* the last citation's rowid read */
	int		 pafter;	/* the last paragraph's ordinal read */
	int		 next;		/* the next citation to pass */
	int		 inorder;	/* reading order is rowid order */
};

/* The ordinal of the paragraph with rowid x in v (n, by rowid), 0 none. */
static int
pord_find(const struct pord *v, int n, int64_t x)
{
	int	lo = 0, hi = n, m;

	while (lo < hi) {
		m = (lo + hi) / 2;
		if (v[m].rowid < x)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < n && v[lo].rowid == x ? v[lo].ord : 0;
}

static int
pord_cmp(const void *x, const void *y)
{
	const struct pord	*a = x, *b = y;

	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

/* READING, on the places in memory. */
static int
bplace_cmp(const void *x, const void *y)
{
	const struct bplace	*a = x, *b = y;
	int			 ka, kb;

	if ((a->paragraph == 0) != (b->paragraph == 0))
		return a->paragraph == 0 ? 1 : -1;
	if (a->paragraph != b->paragraph)
		return a->paragraph < b->paragraph ? -1 : 1;
	if (a->part != b->part)
		return a->part < b->part ? -1 : 1;
	ka = a->isnote ? a->pos : a->start;
	kb = b->isnote ? b->pos : b->start;
	if (ka != kb)
		return ka < kb ? -1 : 1;
	if (a->isnote != b->isnote)
		return a->isnote - b->isnote;
	if (a->note != b->note)
		return a->note < b->note ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

struct xref_docc *
store_xref_doc_cites_begin(struct store *st, int64_t doc)
{
	struct xref_docc	*d;

	if ((d = calloc(1, sizeof *d)) == NULL)
		return NULL;
	d->st = st;
	d->doc = doc;
	d->pafter = -1;
	return d;
}

/* Up to n citations' places more; -1 on error. */
static int
cites_piece(struct xref_docc *d, int n)
{
	sqlite3_stmt	*s;
	struct bplace	*b;
	int		 k = 0, rc;

	/* no join with the paragraphs' rows, which hold the text: their
	 * ordinals come from the (doc, ord) index, matched in memory */
	s = store_cached(d->st, "SELECT c.id, coalesce(c.para, 0),"
	    " coalesce(n.number, 0), coalesce(n.pos, 0), c.note IS NOT NULL,"
	    " coalesce(c.start, 0), coalesce(f.part, 0)"
	    " FROM cite c JOIN file f ON f.id = c.file"
	    " LEFT JOIN note n ON n.id = c.note"
	    " WHERE c.doc = ?1 AND c.id > ?2 ORDER BY c.id LIMIT ?3");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, d->doc);
	sqlite3_bind_int64(s, 2, d->after);
	sqlite3_bind_int(s, 3, n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (paper_grow((void **)&d->v, &d->cap, (size_t)d->n,
		    sizeof *d->v) == -1) {
			rc = SQLITE_NOMEM;
			break;
		}
		b = &d->v[d->n++];
		b->id = d->after = sqlite3_column_int64(s, 0);
		b->para = sqlite3_column_int64(s, 1);
		b->paragraph = 0;
		b->note = sqlite3_column_int(s, 2);
		b->pos = sqlite3_column_int(s, 3);
		b->isnote = sqlite3_column_int(s, 4);
		b->start = sqlite3_column_int(s, 5);
		b->part = sqlite3_column_int(s, 6);
		k++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return -1;
	if (k < n)
		d->phase = d->n > 0 ? DC_ORDS : DC_DONE;
	return 0;
}

/* Up to n paragraphs' ordinals more; at the last, the citations put in
 * reading order. -1 on error. */
static int
ords_piece(struct xref_docc *d, int n)
{
	sqlite3_stmt	*s;
	int		 k = 0, i, rc;

	s = store_cached(d->st, "SELECT id, ord FROM para WHERE doc = ?1"
	    " AND ord > ?2 ORDER BY ord LIMIT ?3");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, d->doc);
	sqlite3_bind_int(s, 2, d->pafter);
	sqlite3_bind_int(s, 3, n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (paper_grow((void **)&d->ords, &d->pcap, (size_t)d->np,
		    sizeof *d->ords) == -1) {
			rc = SQLITE_NOMEM;
			break;
		}
		d->ords[d->np].rowid = sqlite3_column_int64(s, 0);
		d->ords[d->np++].ord = d->pafter = sqlite3_column_int(s, 1);
		k++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return -1;
	if (k == n)
		return 0;
	/* both come mostly in order: a sort only when not */
	for (i = 1; i < d->np && d->ords[i - 1].rowid < d->ords[i].rowid; i++)
		;
	if (i < d->np)
		qsort(d->ords, (size_t)d->np, sizeof *d->ords, pord_cmp);
	for (i = 0; i < d->n; i++)
		d->v[i].paragraph = pord_find(d->ords, d->np, d->v[i].para);
	for (i = 1; i < d->n && bplace_cmp(&d->v[i - 1], &d->v[i]) <= 0; i++)
		;
	if (i < d->n)
		qsort(d->v, (size_t)d->n, sizeof *d->v, bplace_cmp);
	for (i = 1; i < d->n && d->v[i - 1].id < d->v[i].id; i++)
		;
	d->inorder = i >= d->n;
	free(d->ords);
	d->ords = NULL;
	d->np = d->pcap = 0;
	d->phase = DC_PASS;
	return 0;
}

/* A citation's row: by its rowid, or (the citations in reading order
 * are in rowid order, as a paper loaded once has them) a piece of the
 * document's in rowid order, as one scan of the cite_doc index. */
#define CITE_COLS "SELECT c.kind, c.target, c.display, c.label," \
	" coalesce(c.page, 0), coalesce(c.pin, 0), coalesce(c.end, 0)," \
	" t.key, c.id FROM cite c LEFT JOIN doc t ON t.key = c.target"
#define CITE_ROW_SQL CITE_COLS " WHERE c.id = ?1"
#define CITE_RANGE_SQL CITE_COLS \
	" WHERE c.doc = ?1 AND c.id >= ?2 ORDER BY c.id LIMIT ?3"

/* The row s is at, the citation at place b, passed to fn: 1 when fn asks
 * to stop. */
static int
row_pass(sqlite3_stmt *s, const struct bplace *b, xref_cite_fn fn, void *arg)
{
	struct xref_cite	 r = { 0 };

	r.doc = r.doc_title = r.snippet = "";
	r.kind = store_text(s, 0);
	r.id = store_text(s, 1);
	r.display = store_text(s, 2);
	r.label = store_text(s, 3);
	r.page = sqlite3_column_int(s, 4);
	r.pin = sqlite3_column_int(s, 5);
	r.end = sqlite3_column_int(s, 6);
	r.target = store_text(s, 7);
	/* -1: not a document's id, maybe a dossier's */
	r.ntargets = r.target ? 1 : -1;
	r.paragraph = b->paragraph;
	r.note = b->note;
	r.start = b->start;
	return fn(&r, arg) != 0;
}

/* Up to n citations passed to fn, each read by its rowid; -1 on error.
 * A citation gone since its place was read (a load) is left out. */
static int
pass_by_rowid(struct xref_docc *d, int n, xref_cite_fn fn, void *arg)
{
	sqlite3_stmt	*s;
	int		 k, rc = SQLITE_DONE;

	if ((s = store_cached(d->st, CITE_ROW_SQL)) == NULL)
		return -1;
	for (k = 0; k < n && d->next < d->n; k++) {
		sqlite3_bind_int64(s, 1, d->v[d->next].id);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (row_pass(s, &d->v[d->next], fn, arg))
				d->next = d->n - 1;
			rc = SQLITE_DONE;
		}
		d->next++;
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

/* The same, the places being in rowid order: a scan. */
static int
pass_in_order(struct xref_docc *d, int n, xref_cite_fn fn, void *arg)
{
	sqlite3_stmt	*s;
	int64_t		 id;
	int		 rows = 0, rc = SQLITE_DONE;

	if ((s = store_cached(d->st, CITE_RANGE_SQL)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, d->doc);
	sqlite3_bind_int64(s, 2, d->v[d->next].id);
	sqlite3_bind_int(s, 3, n);
	while (d->next < d->n && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		rows++;
		id = sqlite3_column_int64(s, 8);
		while (d->next < d->n && d->v[d->next].id < id)
			d->next++;
		if (d->next < d->n && d->v[d->next].id == id &&
		    row_pass(s, &d->v[d->next++], fn, arg))
			d->next = d->n;
	}
	sqlite3_reset(s);
	if (d->next < d->n && rc != SQLITE_DONE)
		return -1;
	/* none left from there: the rest are gone */
	if (rows == 0)
		d->next = d->n;
	return 0;
}

int
store_xref_doc_cites_step(struct xref_docc *d, int n, xref_cite_fn fn,
    void *arg)
{
	int	rc, txn;

	switch (d->phase) {
	case DC_CITES:
		if (cites_piece(d, n) == -1)
			return -1;
		break;
	case DC_ORDS:
		/* a paragraph's ordinal costs less than a citation */
		if (ords_piece(d, 8 * n) == -1)
			return -1;
		break;
	case DC_PASS:
		/* the piece's rows in one read transaction, not one each: a
		 * transaction's locks and checks cost more than the row */
		txn = sqlite3_get_autocommit(d->st->db) &&
		    sqlite3_exec(d->st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
		rc = d->inorder ? pass_in_order(d, n, fn, arg) :
		    pass_by_rowid(d, n, fn, arg);
		if (txn)
			sqlite3_exec(d->st->db, "COMMIT", NULL, NULL, NULL);
		if (rc == -1)
			return -1;
		if (d->next == d->n) {
			free(d->v);
			d->v = NULL;
			d->phase = DC_DONE;
		}
		break;
	}
	return d->phase != DC_DONE;
}

void
store_xref_doc_cites_end(struct xref_docc *d)
{
	if (d == NULL)
		return;
	free(d->v);
	free(d->ords);
	free(d);
}

int
store_xref_doc_cites(struct store *st, int64_t doc, xref_cite_fn fn,
    void *arg)
{
	struct xref_docc	*d;
	int			 rc;

	if ((d = store_xref_doc_cites_begin(st, doc)) == NULL)
		return -1;
	while ((rc = store_xref_doc_cites_step(d, 1000, fn, arg)) == 1)
		;
	store_xref_doc_cites_end(d);
	return rc;
}
