/* rank.c: times the first screen of a corpus search against the whole
 * ranking and against the bare FTS5 query, in one process, on an index
 * leeskamer has loaded. Built and run by tests/bench/rank.sh.
 *
 *   rank HOME FIRST SLICE_MS LIMIT < QUERIES
 *	QUERIES: one FTS5 query a line. For each, prints a line of
 *	milliseconds: the first screen (store_search_begin with a preview,
 *	one step of FIRST rows, the first 20 hits with their snippets, as
 *	the browser does), the longest later slice (steps sized, as the
 *	browser sizes them, to SLICE_MS, and the 20 best again), the final
 *	ranking (every slice, each with the 20 best), store_search (what
 *	leeskamer search runs, LIMIT hits), and the
 *	bare query (ORDER BY bm25 with snippet(), LIMIT LIMIT, on the same
 *	index.db in its own connection); then the matches, and "same" or
 *	"DIFFERENT": whether the final ranking, store_search's and the bare
 *	query's are the same passages in the same order.
 *	The best of REPS (environment, 3) rounds counts for each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "store.h"

#define MAXHITS	1000
#define SCREEN	20	/* hits on a first screen, more than a terminal shows */

struct got {
	int64_t	id[MAXHITS];
	int	n;
};

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
keep(const struct hit_row *h, void *arg)
{
	struct got	*g = arg;

	if (g->n < MAXHITS)
		g->id[g->n++] = h->id;
	return 0;
}

/* The browser's way: a first step of first rows, then slices of about
 * slice_ms each. */
static int
stepped(struct store *st, const char *q, int first, double slice_ms,
    int limit, double *t_first, double *t_slice, double *t_full,
    long long *matches, struct got *g)
{
	struct search_run	*r;
	char			 err[512];
	double			 t0, t1, t;
	int			 rc, rows = first;

	t0 = now_ms();
	if (store_search_begin(st, q, limit, 0, 1, &r, err, sizeof err) == -1) {
		fprintf(stderr, "rank: %s\n", err);
		return -1;
	}
	rc = store_search_step(r, first, err, sizeof err);
	g->n = 0;
	if (rc != -1)
		store_search_top(r, 0, SCREEN, keep, g);
	*t_first = now_ms() - t0;
	*t_slice = 0;
	while (rc == 1) {
		t1 = now_ms();
		rc = store_search_step(r, rows, err, sizeof err);
		g->n = 0;
		store_search_top(r, 0, SCREEN, keep, g);
		t = now_ms() - t1;
		if (t > *t_slice)
			*t_slice = t;
		rows = t > 0.1 ? (int)(rows * slice_ms / t) : rows * 4;
		rows = rows < 200 ? 200 : rows > 1000000 ? 1000000 : rows;
	}
	*t_full = now_ms() - t0;
	g->n = 0;
	store_search_top(r, 0, limit, keep, g);
	*matches = store_search_scanned(r);
	store_search_end(r);
	if (rc == -1)
		fprintf(stderr, "rank: %s: %s\n", q, err);
	return rc;
}

static double
bare(sqlite3 *db, const char *q, int limit, struct got *g)
{
	sqlite3_stmt	*s;
	double		 t0 = now_ms();

	if (sqlite3_prepare_v2(db, "SELECT rowid, snippet(fts, -1, char(1),"
	    " char(2), '\xe2\x80\xa6', 16), bm25(fts, 4.0, 1.0) AS score FROM fts"
	    " WHERE fts MATCH ?1 ORDER BY score, rowid LIMIT ?2", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, q, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, limit);
	g->n = 0;
	while (sqlite3_step(s) == SQLITE_ROW)
		if (g->n < MAXHITS)
			g->id[g->n++] = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return now_ms() - t0;
}

static double
best(double a, double b)
{
	return a < 0 || (b >= 0 && b < a) ? b : a;
}

int
main(int argc, char **argv)
{
	struct store	*st;
	struct got	 g, want, sql;
	sqlite3		*db;
	char		 line[1024], err[512], path[4096];
	double		 f, sl, full, one, sq, bf, bs, bfull, bone, bsq, t0;
	long long	 matches = 0;
	int		 first, limit, reps, i, same;
	size_t		 n;

	if (argc != 5) {
		fprintf(stderr, "usage: rank HOME FIRST SLICE_MS LIMIT < QUERIES\n");
		return 2;
	}
	first = atoi(argv[2]);
	limit = atoi(argv[4]);
	reps = getenv("REPS") ? atoi(getenv("REPS")) : 3;
	if (limit > MAXHITS)
		limit = MAXHITS;
	if (store_open(argv[1], &st, err, sizeof err) == -1) {
		fprintf(stderr, "rank: %s\n", err);
		return 1;
	}
	snprintf(path, sizeof path, "%s/index.db", argv[1]);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "rank: cannot open %s\n", path);
		return 1;
	}
	printf("first\tslice\tfull\tsearch\tsqlite3\tmatches\tfinal\tquery\n");
	while (fgets(line, sizeof line, stdin) != NULL) {
		if ((n = strlen(line)) > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n == 0)
			continue;
		bf = bs = bfull = bone = bsq = -1;
		same = 1;
		for (i = 0; i < reps; i++) {
			if (stepped(st, line, first, atof(argv[3]), limit, &f, &sl,
			    &full, &matches, &g) == -1)
				break;
			want.n = 0;
			t0 = now_ms();
			store_search(st, line, limit, 0, keep, &want, err, sizeof err);
			one = now_ms() - t0;
			sq = bare(db, line, limit, &sql);
			same = same && g.n == want.n && g.n == sql.n &&
			    memcmp(g.id, want.id, (size_t)g.n * sizeof g.id[0]) == 0 &&
			    memcmp(g.id, sql.id, (size_t)g.n * sizeof g.id[0]) == 0;
			bf = best(bf, f);
			bs = best(bs, sl);
			bfull = best(bfull, full);
			bone = best(bone, one);
			bsq = best(bsq, sq);
		}
		if (i < reps)
			continue;
		printf("%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%lld\t%s\t%s\n", bf, bs, bfull,
		    bone, bsq, matches, same ? "same" : "DIFFERENT", line);
		fflush(stdout);
	}
	sqlite3_close(db);
	store_close(st);
	return 0;
}
