/* store_doccites.c: the browser's citations of one document, without the
 * corpus, read a piece at a time between keys: a long paper's thousands
 * took one slice of some 25 M instructions. The citations come by the
 * cite_doc index in rowid order, the paragraphs' ordinals by the (doc,
 * ord) index, both in pieces; the rows are put in reading order in memory
 * and passed on a piece a step, each let go of as it is passed. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_int.h"
#include "store_xref.h"

struct bcite {
	struct xref_cite	 r;
	int64_t			 para;	/* its paragraph's rowid, 0 none */
	int			 part, pos, isnote;
};

/* What a step does next. */
enum { DC_CITES, DC_ORDS, DC_PASS, DC_DONE };

struct xref_docc {
	struct store	*st;
	int64_t		 doc;
	int		 phase;
	struct bcite	*v;		/* the citations read */
	int		 n, cap;
	int64_t		*ords;		/* paragraphs: rowid, ordinal pairs */
	int		 np, pcap;
	int64_t		 after;		/* the last citation's rowid read */
	int		 pafter;	/* the last paragraph's ordinal read */
	int		 next;		/* the next citation to pass */
};

static int64_t
key64(const int64_t *v, int n, int64_t x)
{
	int	lo = 0, hi = n, m;

	/* v: rowid, ordinal pairs, by rowid */
	while (lo < hi) {
		m = (lo + hi) / 2;
		if (v[2 * m] < x)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < n && v[2 * lo] == x ? v[2 * lo + 1] : 0;
}

static int
pair_cmp(const void *x, const void *y)
{
	const int64_t	*a = x, *b = y;

	return a[0] < b[0] ? -1 : a[0] > b[0];
}

/* READING, on the rows in memory. */
static int
bcite_cmp(const void *x, const void *y)
{
	const struct bcite	*a = x, *b = y;
	int			 ka, kb;

	if ((a->r.paragraph == 0) != (b->r.paragraph == 0))
		return a->r.paragraph == 0 ? 1 : -1;
	if (a->r.paragraph != b->r.paragraph)
		return a->r.paragraph < b->r.paragraph ? -1 : 1;
	if (a->part != b->part)
		return a->part < b->part ? -1 : 1;
	ka = a->isnote ? a->pos : a->r.start;
	kb = b->isnote ? b->pos : b->r.start;
	if (ka != kb)
		return ka < kb ? -1 : 1;
	if (a->isnote != b->isnote)
		return a->isnote - b->isnote;
	if (a->r.note != b->r.note)
		return a->r.note < b->r.note ? -1 : 1;
	return (a->r.start > b->r.start) - (a->r.start < b->r.start);
}

static char *
dupz(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void
bcite_free(struct bcite *b)
{
	free((char *)b->r.kind);
	free((char *)b->r.id);
	free((char *)b->r.display);
	free((char *)b->r.label);
	free((char *)b->r.target);
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

/* Up to n citations more; -1 on error. */
static int
cites_piece(struct xref_docc *d, int n)
{
	sqlite3_stmt	*s;
	struct bcite	*nv, *b;
	int		 k = 0, rc;

	/* no join with the paragraphs' rows, which hold the text: their
	 * ordinals come from the (doc, ord) index, matched in memory */
	s = store_cached(d->st, "SELECT c.kind, c.target, c.display, c.label,"
	    " coalesce(c.para, 0), coalesce(n.number, 0), coalesce(n.pos, 0),"
	    " c.note IS NOT NULL, coalesce(c.page, 0), coalesce(c.pin, 0),"
	    " coalesce(c.start, 0), coalesce(c.end, 0), coalesce(f.part, 0),"
	    " t.key, c.id FROM cite c JOIN file f ON f.id = c.file"
	    " LEFT JOIN note n ON n.id = c.note"
	    " LEFT JOIN doc t ON t.key = c.target"
	    " WHERE c.doc = ?1 AND c.id > ?2 ORDER BY c.id LIMIT ?3");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, d->doc);
	sqlite3_bind_int64(s, 2, d->after);
	sqlite3_bind_int(s, 3, n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (d->n == d->cap) {
			d->cap = d->cap ? 2 * d->cap : 64;
			if ((nv = realloc(d->v, (size_t)d->cap * sizeof *nv)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			d->v = nv;
		}
		b = &d->v[d->n++];
		memset(b, 0, sizeof *b);
		b->r.kind = dupz(store_text(s, 0));
		b->r.id = dupz(store_text(s, 1));
		b->r.display = dupz(store_text(s, 2));
		b->r.label = dupz(store_text(s, 3));
		b->para = sqlite3_column_int64(s, 4);
		b->r.note = sqlite3_column_int(s, 5);
		b->pos = sqlite3_column_int(s, 6);
		b->isnote = sqlite3_column_int(s, 7);
		b->r.page = sqlite3_column_int(s, 8);
		b->r.pin = sqlite3_column_int(s, 9);
		b->r.start = sqlite3_column_int(s, 10);
		b->r.end = sqlite3_column_int(s, 11);
		b->part = sqlite3_column_int(s, 12);
		b->r.target = dupz(store_text(s, 13));
		/* -1: not a document's id, maybe a dossier's */
		b->r.ntargets = b->r.target ? 1 : -1;
		d->after = sqlite3_column_int64(s, 14);
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
	int64_t		*no;
	int		 k = 0, i, rc;

	s = store_cached(d->st, "SELECT id, ord FROM para WHERE doc = ?1"
	    " AND ord > ?2 ORDER BY ord LIMIT ?3");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, d->doc);
	sqlite3_bind_int(s, 2, d->pafter);
	sqlite3_bind_int(s, 3, n);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (d->np == d->pcap) {
			d->pcap = d->pcap ? 2 * d->pcap : 1024;
			if ((no = realloc(d->ords, (size_t)d->pcap * 2 *
			    sizeof *no)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			d->ords = no;
		}
		d->ords[2 * d->np] = sqlite3_column_int64(s, 0);
		d->ords[2 * d->np++ + 1] = d->pafter = sqlite3_column_int(s, 1);
		k++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return -1;
	if (k == n)
		return 0;
	/* both come mostly in order: a sort only when not */
	for (i = 1; i < d->np && d->ords[2 * i - 2] < d->ords[2 * i]; i++)
		;
	if (i < d->np)
		qsort(d->ords, (size_t)d->np, 2 * sizeof *d->ords, pair_cmp);
	for (i = 0; i < d->n; i++)
		d->v[i].r.paragraph = (int)key64(d->ords, d->np, d->v[i].para);
	for (i = 1; i < d->n && bcite_cmp(&d->v[i - 1], &d->v[i]) <= 0; i++)
		;
	if (i < d->n)
		qsort(d->v, (size_t)d->n, sizeof *d->v, bcite_cmp);
	free(d->ords);
	d->ords = NULL;
	d->np = d->pcap = 0;
	d->phase = DC_PASS;
	return 0;
}

int
store_xref_doc_cites_step(struct xref_docc *d, int n, xref_cite_fn fn,
    void *arg)
{
	struct bcite	*b;
	int		 k;

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
		for (k = 0; k < n && d->next < d->n; k++) {
			b = &d->v[d->next++];
			b->r.doc = b->r.doc_title = b->r.snippet = "";
			if (fn(&b->r, arg) != 0)
				d->next = d->n;
			bcite_free(b);
			memset(b, 0, sizeof *b);
		}
		if (d->next == d->n)
			d->phase = DC_DONE;
		break;
	}
	return d->phase != DC_DONE;
}

void
store_xref_doc_cites_end(struct xref_docc *d)
{
	int	i;

	if (d == NULL)
		return;
	for (i = d->next; i < d->n; i++)
		bcite_free(&d->v[i]);
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
