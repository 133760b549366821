/* store_dossier.c: which documents a dossier's id (lk_dossier_id) names.
 * Nothing indexes the id, which the recogniser spells from the dossier
 * field, so finding a dossier's papers took the recogniser over every
 * document; the ids are worked out once, here, and again only when the
 * index changes: another connection's commit (PRAGMA data_version), or
 * this one's load (store_put_commit lets go of them). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cite.h"
#include "store.h"
#include "store_int.h"

void
store_dossier_free(struct store *st)
{
	int	i;

	for (i = 0; i < st->ndossier; i++) {
		free(st->dossier[i].id);
		free(st->dossier[i].key);
	}
	free(st->dossier);
	st->dossier = NULL;
	st->ndossier = 0;
	st->dossier_read = 0;
}

/* By id, then as store_xref.c's FIRST: papers with a number first, by
 * number, then by key. */
static int
dossier_cmp(const void *x, const void *y)
{
	const struct dossier_doc	*a = x, *b = y;
	int				 c;

	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	if (a->nonum != b->nonum)
		return a->nonum - b->nonum;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* The ids of every document's dossier, read when the index changed. */
static int
dossier_read(struct store *st)
{
	struct dossier_doc	*v = NULL, *nv;
	sqlite3_stmt		*s;
	int64_t			 dv = store_view_stamp(st);
	char			 id[80], *was = NULL;
	const char		*d;
	int			 n = 0, cap = 0, rc, ok = 0;

	if (st->dossier_read && dv == st->dossier_dv)
		return 0;
	store_dossier_free(st);
	/* by dossier, so that the recogniser (lk_dossier_id's) spells each
	 * dossier's id once, not once a paper */
	s = store_cached(st, "SELECT dossier, key, id, number IS NULL,"
	    " CAST(number AS INTEGER) FROM doc WHERE dossier IS NOT NULL"
	    " ORDER BY dossier");
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		d = store_text(s, 0);
		if (was == NULL || strcmp(was, d) != 0) {
			free(was);
			if ((was = strdup(d)) == NULL)
				break;
			ok = cite_parse_id(d, id, sizeof id) == 0 &&
			    strncmp(id, "dossier-", 8) == 0;
		}
		if (!ok)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			if ((nv = realloc(v, (size_t)cap * sizeof *v)) == NULL)
				break;
			v = nv;
		}
		v[n].id = strdup(id);
		v[n].key = strdup(store_text(s, 1));
		v[n].rowid = sqlite3_column_int64(s, 2);
		v[n].nonum = sqlite3_column_int(s, 3);
		v[n].num = sqlite3_column_int64(s, 4);
		if (v[n].id == NULL || v[n].key == NULL) {
			free(v[n].id);
			free(v[n].key);
			break;
		}
		n++;
	}
	sqlite3_reset(s);
	free(was);
	qsort(v, (size_t)n, sizeof *v, dossier_cmp);
	st->dossier = v;
	st->ndossier = n;
	if (rc != SQLITE_DONE)
		return -1;	/* kept, but read again next time */
	st->dossier_read = 1;
	st->dossier_dv = dv;
	return 0;
}

int
store_dossier_docs(struct store *st, const char *id,
    const struct dossier_doc **v, int *n)
{
	int	lo = 0, hi, m;

	*v = NULL;
	*n = 0;
	if (dossier_read(st) == -1 && st->ndossier == 0)
		return -1;
	hi = st->ndossier;
	while (lo < hi) {
		m = (lo + hi) / 2;
		if (strcmp(st->dossier[m].id, id) < 0)
			lo = m + 1;
		else
			hi = m;
	}
	*v = st->dossier + lo;
	for (m = lo; m < st->ndossier && strcmp(st->dossier[m].id, id) == 0; m++)
		(*n)++;
	return 0;
}
