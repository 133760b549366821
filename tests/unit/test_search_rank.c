/* test_search_rank.c: the corpus search ranked in slices (store_search_begin
 * and on) against the ranking in one go, on a generated corpus in a scratch
 * store where one word is in most paragraphs: once every slice is done the
 * hits and their order are those of ORDER BY bm25, rowid (asked of SQLite
 * here directly) and of store_search, filters and pauses included; a
 * first slice has hits from no more rows than it was given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "t.h"
#include "load.h"
#include "store.h"

#define NDOCS	24
#define NPARAS	40
#define MAXIDS	256

static const char *words[] = {
	"beleid", "kabinet", "minister", "verdrag", "grens", "handel",
	"veiligheid", "steun", "regio", "overleg", "rapport", "begroting",
	"samenwerking", "raad", "motie", "bijdrage", "inzet", "afspraak",
	"publicatie", "publiek", "water", "energie", "landbouw", "vrede"
};
#define NWORDS	(sizeof words / sizeof words[0])

/* a fixed sequence, so the corpus is the same on every run */
static unsigned
rnd(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

/* A paper of sections and paragraphs; "gemeen" in most of them, one to
 * four times, in paragraphs of 6 to 60 words, so bm25 has much to tell
 * apart and many ties too. */
static int
put_paper(struct store *st, int d, unsigned *seed)
{
	struct loaded		l;
	struct put_result	r;
	size_t			cap = 64000, n = 0;
	char			*text, side[256], name[64], err[256] = "";
	int			p, k, len, hits, rc;

	if ((text = malloc(cap)) == NULL)
		return -1;
	n += (size_t)snprintf(text + n, cap - n, "Rangbrief %d\n\n", d);
	for (p = 0; p < NPARAS; p++) {
		if (p % 8 == 0)
			n += (size_t)snprintf(text + n, cap - n, "%d. %s %s\n\n",
			    p / 8 + 1, rnd(seed) % 3 == 0 ? "Gemeen" : "Over",
			    words[rnd(seed) % NWORDS]);
		len = 6 + (int)(rnd(seed) % 55);
		hits = rnd(seed) % 10 < 7 ? 1 + (int)(rnd(seed) % 4) : 0;
		for (k = 0; k < len && n + 64 < cap; k++)
			n += (size_t)snprintf(text + n, cap - n, "%s%s",
			    k == 0 ? "De" : " ", k > 0 && k <= hits ? "gemeen" :
			    words[rnd(seed) % NWORDS]);
		n += (size_t)snprintf(text + n, cap - n, ".\n\n");
	}
	snprintf(side, sizeof side, "id: lkrank-%d\ntitle: Rangbrief %d%s\n"
	    "date: %d-03-01\n", d, d, d % 5 == 0 ? " over gemeen beleid" : "",
	    d % 2 ? 2022 : 2023);
	snprintf(name, sizeof name, "rank-%d.txt", d);
	memset(&l, 0, sizeof l);
	rc = load_parse(name, (const unsigned char *)text, n, strdup(side),
	    NULL, &l, err, sizeof err);
	/* committed, full text and all, at once: the ranking reads it */
	if (rc == 0 && (rc = store_put(st, name, &l, &r, err, sizeof err)) == 0)
		rc = store_put_commit(st, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "put_paper: %s\n", err);
	load_free(&l);
	free(text);
	return rc;
}

struct ids {
	int64_t		id[MAXIDS];
	double		rank[MAXIDS];
	unsigned	what[MAXIDS];	/* a hash of the rest of the hit, 0 none */
	int		n;
};

static unsigned
hash(unsigned h, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h * 16777619u;
}

/* Keeps a hit: its id, rank, and a hash of its place, snippet and hits. */
static int
keep(const struct hit_row *h, void *arg)
{
	struct ids	*v = arg;
	unsigned	 x;
	int		 i;

	if (v->n < MAXIDS) {
		x = hash(hash(hash(2166136261u, h->doc), h->section), h->snippet);
		x = (x ^ (unsigned)h->paragraph ^ (unsigned)h->page << 16) * 16777619u;
		for (i = 0; i < 2 * h->nhits; i++)
			x = (x ^ (unsigned)h->hits[i]) * 16777619u;
		v->id[v->n] = h->id;
		v->what[v->n] = x;
		v->rank[v->n++] = h->rank;
	}
	return 0;
}

/* ORDER BY bm25 as SQLite gives it, in a connection of its own: ids and
 * ranks only. */
static int
oracle(const char *home, const char *q, int limit, struct ids *v)
{
	sqlite3		*db;
	sqlite3_stmt	*s;
	char		 path[512];
	int		 rc = -1;

	v->n = 0;
	snprintf(path, sizeof path, "%s/index.db", home);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT rowid, bm25(fts, 4.0, 1.0) AS s"
	    " FROM fts WHERE fts MATCH ?1 ORDER BY s, rowid LIMIT ?2", -1, &s,
	    NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 2, limit);
		while (sqlite3_step(s) == SQLITE_ROW && v->n < MAXIDS) {
			v->id[v->n] = sqlite3_column_int64(s, 0);
			v->what[v->n] = 0;
			v->rank[v->n++] = sqlite3_column_double(s, 1);
		}
		rc = sqlite3_finalize(s) == SQLITE_OK ? 0 : -1;
	}
	sqlite3_close(db);
	return rc;
}

/* The rowids of the first n matches in rowid order: what a first slice of
 * n rows may have seen. */
static int
first_matches(const char *home, const char *q, int n, struct ids *v)
{
	sqlite3		*db;
	sqlite3_stmt	*s;
	char		 path[512];

	v->n = 0;
	snprintf(path, sizeof path, "%s/index.db", home);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT rowid FROM fts WHERE fts MATCH ?1"
	    " ORDER BY rowid LIMIT ?2", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 2, n);
		while (sqlite3_step(s) == SQLITE_ROW && v->n < MAXIDS)
			v->id[v->n++] = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return 0;
}

/* Ranks q in slices of rows, looking at the best between slices as the
 * browser does, pausing every pause-th slice (0: never); the final hits. */
static int
stepped(struct store *st, const char *q, int limit, int rows, int pause,
    struct ids *v)
{
	struct search_run	*r;
	struct ids		 peek;
	char			 err[512];
	int			 rc, n = 0;

	v->n = 0;
	if (store_search_begin(st, q, limit, 0, 1, &r, err, sizeof err) == -1)
		return -1;
	while ((rc = store_search_step(r, rows, err, sizeof err)) == 1) {
		peek.n = 0;
		store_search_top(r, 0, 5, keep, &peek);
		if (peek.n == 0 || store_search_progress(r) > 99)
			rc = -1;
		if (pause > 0 && ++n % pause == 0)
			store_search_pause(r);
	}
	if (rc == 0 && store_search_progress(r) != 100)
		rc = -1;
	if (rc == 0)
		rc = store_search_top(r, 0, limit, keep, v);
	store_search_end(r);
	return rc;
}

static int
same(const struct ids *a, const struct ids *b)
{
	int	i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->id[i] != b->id[i] || a->rank[i] != b->rank[i] ||
		    (a->what[i] && b->what[i] && a->what[i] != b->what[i]))
			return 0;
	return 1;
}

static struct store *
corpus(char *home)
{
	struct store	*st = NULL;
	unsigned	 seed = 20240611;
	char		 err[256];
	int		 d;

	if (mkdtemp(home) == NULL || store_open(home, &st, err,
	    sizeof err) == -1) {
		T_OK(0);
		return NULL;
	}
	for (d = 0; d < NDOCS; d++)
		if (put_paper(st, d, &seed) == -1) {
			T_OK(0);
			break;
		}
	return st;
}

static void
corpus_free(struct store *st, const char *home)
{
	char	cmd[128];

	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf %s", home);
	if (system(cmd) != 0)
		T_OK(0);
}

void
test_search_rank_final(void)
{
	/* counted a phrase at a time (brackets too), or by bm25 itself
	 * (a column filter, NEAR; a dash, a phrase of no words, found so
	 * when scoring) */
	static const char *queries[] = { "gemeen", "gemeen beleid",
	    "gemeen OR water", "publi*", "\"gemeen gemeen\"", "gemeen NOT steun",
	    "(gemeen OR water) AND beleid", "\"gemeen beleid\"* OR kabinet",
	    "body: gemeen", "NEAR(gemeen beleid, 4)", "gemeen OR Gemeen",
	    "gemeen \xe2\x80\x93" };
	struct store	*st;
	struct ids	 got, want, one;
	char		 home[] = "/tmp/lk-rank-XXXXXX", err[512], q[128];
	size_t		 i;
	int		 limit;

	if ((st = corpus(home)) == NULL)
		return;
	/* the word is common: many more matches than a slice */
	T_EQ_INT(oracle(home, "gemeen", MAXIDS, &want), 0);
	T_EQ_INT(want.n, MAXIDS);
	for (i = 0; i < sizeof queries / sizeof queries[0]; i++)
		for (limit = 20; limit <= 200; limit += 180) {
			T_EQ_INT(oracle(home, queries[i], limit, &want), 0);
			if (want.n == 0)
				fprintf(stderr, "no matches for %s\n", queries[i]);
			T_OK(want.n > 0);
			T_EQ_INT(stepped(st, queries[i], limit, 50, 0, &got), 0);
			if (!same(&got, &want))
				fprintf(stderr, "stepped \"%s\" (limit %d): not"
				    " ORDER BY's ranking\n", queries[i], limit);
			T_OK(same(&got, &want));
			/* paused and taken up again on the way */
			T_EQ_INT(stepped(st, queries[i], limit, 37, 3, &got), 0);
			T_OK(same(&got, &want));
			/* store_search, which leeskamer search runs */
			one.n = 0;
			T_EQ_INT(store_search(st, queries[i], limit, 0, keep, &one,
			    err, sizeof err), 0);
			T_OK(same(&one, &want));
			/* the same snippets too, a prefix's made in one scan */
			T_OK(same(&got, &one));
		}
	/* filters: the same rows as store_search's */
	for (i = 0; i < 3; i++) {
		snprintf(q, sizeof q, "%s", i == 0 ? "gemeen doc:lkrank-3" :
		    i == 1 ? "gemeen year:2022" : "gemeen doc:lkrank-4 section:2");
		one.n = 0;
		T_EQ_INT(store_search(st, q, 100, 0, keep, &one, err, sizeof err), 0);
		T_OK(one.n > 0);
		T_EQ_INT(stepped(st, q, 100, 10, 2, &got), 0);
		T_OK(same(&got, &one));
	}
	corpus_free(st, home);
}

void
test_search_rank_slices(void)
{
	struct search_run	*r;
	struct store		*st;
	struct ids		 first, top, want, one;
	char			 home[] = "/tmp/lk-rank-XXXXXX", err[512];
	unsigned		 seed = 7;
	int			 i, k, found;

	if ((st = corpus(home)) == NULL)
		return;
	/* a first slice of 50 rows: hits from the first 50 matches only */
	T_EQ_INT(store_search_begin(st, "gemeen", 20, 0, 1, &r, err,
	    sizeof err), 0);
	if (r == NULL)
		return;
	T_EQ_INT(store_search_step(r, 50, err, sizeof err), 1);
	T_EQ_INT(store_search_count(r), 20);
	T_EQ_INT(store_search_progress(r), 0);
	top.n = 0;
	T_EQ_INT(store_search_top(r, 0, 20, keep, &top), 0);
	T_EQ_INT(top.n, 20);
	first_matches(home, "gemeen", 50, &first);
	T_EQ_INT(first.n, 50);
	for (i = found = 0; i < top.n; i++)
		for (k = 0; k < first.n; k++)
			found += top.id[i] == first.id[k];
	T_EQ_INT(found, top.n);
	/* the next slices count the word's rows (as bm25 would before its
	 * first row), the preview's best shown meanwhile; then the first
	 * exact slice scores its 50 rows and no more */
	for (i = 0; i < 1000 && store_search_scanned(r) == 0; i++) {
		T_EQ_INT(store_search_count(r), 20);
		T_EQ_INT(store_search_step(r, 50, err, sizeof err), 1);
	}
	T_EQ_INT(store_search_scanned(r), 50);
	T_OK(store_search_progress(r) < 100);
	/* a window of the best: hits 5 to 9 of the 20 */
	one.n = 0;
	T_EQ_INT(store_search_top(r, 5, 5, keep, &one), 0);
	T_EQ_INT(one.n, 5);
	top.n = 0;
	store_search_top(r, 0, 20, keep, &top);
	T_EQ_INT(one.id[0], top.id[5]);
	T_EQ_INT(store_search_rank_of(r, top.id[7]), 7);
	T_EQ_INT(store_search_rank_of(r, -5), -1);
	/* paused: a reading position saved is no change to the index, so
	 * the ranking goes on where it stopped */
	store_search_pause(r);
	T_EQ_INT(store_position_set(st, "lkrank-1", 3, 0), 0);
	T_EQ_INT(store_search_step(r, 50, err, sizeof err), 1);
	T_EQ_INT(store_search_scanned(r), 100);
	/* a paper stored meanwhile is: ranked again, to the new index's order */
	store_search_pause(r);
	T_EQ_INT(put_paper(st, NDOCS, &seed), 0);
	while ((k = store_search_step(r, 50, err, sizeof err)) == 1)
		;
	T_EQ_INT(k, 0);
	top.n = 0;
	store_search_top(r, 0, 20, keep, &top);
	T_EQ_INT(oracle(home, "gemeen", 20, &want), 0);
	T_OK(same(&top, &want));
	store_search_end(r);

	/* a rare word (in the titles only, and the first lines): its terms
	 * are in fewer rows than a slice, so the first is exact */
	T_EQ_INT(store_search_begin(st, "rangbrief", 20, 0, 1, &r, err,
	    sizeof err), 0);
	T_EQ_INT(store_search_step(r, 100, err, sizeof err), 0);
	T_EQ_INT(store_search_progress(r), 100);
	top.n = 0;
	store_search_top(r, 0, 20, keep, &top);
	oracle(home, "rangbrief", 20, &want);
	T_EQ_INT(want.n, 20);
	T_OK(same(&top, &want));
	store_search_end(r);

	/* fewer matches than a slice: the first sees them all (ranked by
	 * bm25 at once when that is cheap, else by the next step) */
	T_EQ_INT(store_search_begin(st, "\"gemeen gemeen gemeen gemeen\"", 200, 0,
	    1, &r, err, sizeof err), 0);
	oracle(home, "\"gemeen gemeen gemeen gemeen\"", 200, &want);
	T_OK(want.n > 100 && want.n < 200);
	k = store_search_step(r, 2000, err, sizeof err);
	T_OK(k == 0 || k == 1);
	/* all of them, unless the preview's 8 ms ran out first (it looks
	 * every 64 rows): a busy machine */
	if (store_search_count(r) != want.n)
		T_EQ_INT(store_search_count(r) % 64, 0);
	for (i = 0; i < 1000 && k == 1; i++)
		k = store_search_step(r, 2000, err, sizeof err);
	T_EQ_INT(k, 0);
	T_EQ_INT(store_search_count(r), want.n);
	top.n = 0;
	store_search_top(r, 0, 200, keep, &top);
	T_OK(same(&top, &want));
	store_search_end(r);

	/* a bad query fails on its first step, saying so */
	T_EQ_INT(store_search_begin(st, "\"gemeen", 20, 0, 1, &r, err,
	    sizeof err), 0);
	T_EQ_INT(store_search_step(r, 50, err, sizeof err), -1);
	T_OK(strstr(err, "not understood") != NULL);
	store_search_end(r);
	T_EQ_INT(store_search_begin(st, "doc:nosuch gemeen", 20, 0, 1, &r, err,
	    sizeof err), -1);
	T_OK(r == NULL);
	corpus_free(st, home);
}
