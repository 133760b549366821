/* store_related.c: a paper's related papers, those of its dossier and
 * those citing an id it cites, worked out a slice at a time. A long paper
 * cites thousands of ids, each cited across the corpus, so the whole
 * count takes long; the browser does it between keys, a few thousand
 * rows a step, and holds no read of the index between steps. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"
#include "store_xref.h"

enum { R_MINE, R_COUNT, R_DOCS, R_DONE };

struct rel {
	int64_t		 rowid;
	char		*key, *title;
	int		 same, n, nonum;
	long long	 num;
};

struct xref_rel {
	struct store	*st;
	int64_t		 doc;
	char		*dossier;	/* its dossier's id, or NULL */
	int		 phase;
	int64_t		 last;		/* R_MINE: the last citation read */
	char		**mine;		/* the ids it cites, then each once */
	int		 nmine, cmine, next;
	int64_t		 maxid;		/* the documents' highest rowid */
	int		*count, *lastid; /* by rowid: shared ids, the last seen */
	unsigned char	*same;		/* by rowid: in its dossier */
	struct rel	*v;		/* R_DOCS: the related, nread read */
	int		 nv, nread;
};

void
store_xref_related_end(struct xref_rel *r)
{
	int	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nmine; i++)
		free(r->mine[i]);
	for (i = 0; i < r->nv; i++) {
		free(r->v[i].key);
		free(r->v[i].title);
	}
	free(r->mine);
	free(r->v);
	free(r->count);
	free(r->lastid);
	free(r->same);
	free(r->dossier);
	free(r);
}

struct xref_rel *
store_xref_related_begin(struct store *st, int64_t doc)
{
	struct xref_rel			*r;
	const struct dossier_doc	*dv;
	sqlite3_stmt			*s;
	int				 i, n;

	if ((r = calloc(1, sizeof *r)) == NULL)
		return NULL;
	r->st = st;
	r->doc = doc;
	s = store_cached(st, "SELECT (SELECT max(id) FROM doc),"
	    " (SELECT lk_dossier_id(dossier) FROM doc WHERE id = ?1)");
	if (s == NULL) {
		free(r);
		return NULL;
	}
	sqlite3_bind_int64(s, 1, doc);
	if (sqlite3_step(s) == SQLITE_ROW) {
		r->maxid = sqlite3_column_int64(s, 0);
		if (store_text(s, 1) != NULL)
			r->dossier = strdup(store_text(s, 1));
	}
	sqlite3_reset(s);
	n = (int)r->maxid + 1;
	r->count = calloc((size_t)n, sizeof *r->count);
	r->lastid = calloc((size_t)n, sizeof *r->lastid);
	r->same = calloc((size_t)n, 1);
	if (r->count == NULL || r->lastid == NULL || r->same == NULL) {
		store_xref_related_end(r);
		return NULL;
	}
	if (r->dossier != NULL &&
	    store_dossier_docs(st, r->dossier, &dv, &n) == 0)
		for (i = 0; i < n; i++)
			if (dv[i].rowid <= r->maxid)
				r->same[dv[i].rowid] = 1;
	return r;
}

static int
str_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The ids it cites, rows at most; 1 when there are more. */
static int
read_mine(struct xref_rel *r, int *rows)
{
	sqlite3_stmt	*s;
	char		**nv;
	int		 rc, i, k;

	s = store_cached(r->st, "SELECT id, target FROM cite WHERE doc = ?1"
	    " AND id > ?2 ORDER BY id LIMIT ?3");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, r->doc);
	sqlite3_bind_int64(s, 2, r->last);
	sqlite3_bind_int(s, 3, *rows + 1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *rows > 0) {
		if (r->nmine == r->cmine) {
			r->cmine = r->cmine ? 2 * r->cmine : 64;
			if ((nv = realloc(r->mine, (size_t)r->cmine *
			    sizeof *nv)) == NULL)
				break;
			r->mine = nv;
		}
		if ((r->mine[r->nmine] = strdup(store_text(s, 1))) == NULL)
			break;
		r->nmine++;
		r->last = sqlite3_column_int64(s, 0);
		(*rows)--;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW && *rows == 0)
		return 1;
	if (rc != SQLITE_DONE)
		return -1;
	/* each id once */
	qsort(r->mine, (size_t)r->nmine, sizeof *r->mine, str_cmp);
	for (i = k = 0; i < r->nmine; i++) {
		if (k > 0 && strcmp(r->mine[k - 1], r->mine[i]) == 0)
			free(r->mine[i]);
		else
			r->mine[k++] = r->mine[i];
	}
	r->nmine = k;
	return 0;
}

/* The papers citing the ids from next on, rows at most; 1 when there
 * are more. An id's citations are read to their end. */
static int
count_shared(struct xref_rel *r, int *rows)
{
	sqlite3_stmt	*s;
	int64_t		 d;
	int		 rc = SQLITE_DONE;

	s = store_cached(r->st, "SELECT doc FROM cite WHERE target = ?1");
	if (s == NULL)
		return -1;
	for (; r->next < r->nmine && *rows > 0; r->next++) {
		sqlite3_bind_text(s, 1, r->mine[r->next], -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			d = sqlite3_column_int64(s, 0);
			(*rows)--;
			/* a paper loaded since the start is left out */
			if (d == r->doc || d < 0 || d > r->maxid ||
			    r->lastid[d] == r->next + 1)
				continue;
			r->lastid[d] = r->next + 1;
			r->count[d]++;
		}
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return r->next < r->nmine;
}

/* The list of related papers, from the counts and the dossier. */
static int
list_related(struct xref_rel *r)
{
	int64_t	d;

	for (d = 1; d <= r->maxid; d++)
		if (d != r->doc && (r->count[d] > 0 || r->same[d]))
			r->nv++;
	if (r->nv > 0 && (r->v = calloc((size_t)r->nv, sizeof *r->v)) == NULL)
		return -1;
	r->nv = 0;
	for (d = 1; d <= r->maxid; d++)
		if (d != r->doc && (r->count[d] > 0 || r->same[d])) {
			r->v[r->nv].rowid = d;
			r->v[r->nv].n = r->count[d];
			r->v[r->nv++].same = r->same[d];
		}
	return 0;
}

/* Their keys and titles, rows at most; 1 when there are more. */
static int
read_docs(struct xref_rel *r, int *rows)
{
	sqlite3_stmt	*s;
	struct rel	*e;
	int		 rc;

	s = store_cached(r->st, "SELECT key, title, number IS NULL,"
	    " CAST(number AS INTEGER) FROM doc WHERE id = ?1");
	if (s == NULL)
		return -1;
	for (; r->nread < r->nv && *rows > 0; r->nread++, (*rows)--) {
		e = &r->v[r->nread];
		sqlite3_bind_int64(s, 1, e->rowid);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			e->key = strdup(store_text(s, 0));
			e->title = strdup(store_text(s, 1) ? store_text(s, 1) : "");
			e->nonum = sqlite3_column_int(s, 2);
			e->num = sqlite3_column_int64(s, 3);
		}
		sqlite3_reset(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
		if (rc == SQLITE_ROW && (e->key == NULL || e->title == NULL))
			return -1;
	}
	return r->nread < r->nv;
}

/* The dossier's papers first, then by shared ids, most first; then as
 * a dossier's papers are ordered. */
static int
rel_cmp(const void *x, const void *y)
{
	const struct rel	*a = x, *b = y;

	if (a->same != b->same)
		return b->same - a->same;
	if (a->n != b->n)
		return b->n - a->n;
	if (a->nonum != b->nonum)
		return a->nonum - b->nonum;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return strcmp(a->key, b->key);
}

int
store_xref_related_step(struct xref_rel *r, int rows)
{
	int	rc = 0, k, i;

	while (rc == 0 && r->phase != R_DONE && rows > 0) {
		switch (r->phase) {
		case R_MINE:
			rc = read_mine(r, &rows);
			break;
		case R_COUNT:
			if ((rc = count_shared(r, &rows)) == 0)
				rc = list_related(r);
			break;
		case R_DOCS:
			if ((rc = read_docs(r, &rows)) == 0) {
				/* papers gone since the start are left out */
				for (i = k = 0; i < r->nv; i++)
					if (r->v[i].key != NULL)
						r->v[k++] = r->v[i];
				r->nv = k;
				qsort(r->v, (size_t)r->nv, sizeof *r->v, rel_cmp);
			}
			break;
		}
		if (rc == 0)
			r->phase++;
	}
	if (rc == -1)
		return -1;
	return r->phase != R_DONE;
}

int
store_xref_related_rows(struct xref_rel *r, int limit, xref_related_fn fn,
    void *arg)
{
	struct xref_related	x;
	int			i;

	if (r->phase != R_DONE)
		return -1;
	for (i = 0; i < r->nv && (limit <= 0 || i < limit); i++) {
		x.id = r->v[i].key;
		x.title = r->v[i].title;
		x.reason = r->v[i].same ? "dossier" : "co-citation";
		x.shared = r->v[i].n;
		if (fn(&x, arg) != 0)
			break;
	}
	return 0;
}

int
store_xref_related(struct store *st, int64_t doc, xref_related_fn fn,
    void *arg)
{
	struct xref_rel	*r;
	int		 rc;

	if ((r = store_xref_related_begin(st, doc)) == NULL)
		return -1;
	while ((rc = store_xref_related_step(r, INT_MAX / 2)) == 1)
		;
	if (rc == 0)
		rc = store_xref_related_rows(r, 0, fn, arg);
	store_xref_related_end(r);
	return rc;
}
