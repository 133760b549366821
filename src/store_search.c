/* store_search.c: full-text search over the FTS5 index. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "buf.h"
#include "cite.h"
#include "store.h"
#include "store_int.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

/* How much of index.db a one-shot search maps (the rest is read). */
#define SEARCH_MMAP	1073741824

/* Takes the \1 \2 hit marks out of a snippet, keeping character offsets. */
static int
snippet_hits(const char *in, char **out, int **hits, int *nhits)
{
	size_t	 n = strlen(in), i, k = 0, chars = 0;
	int	*h = NULL, *nh;
	char	*s;

	*nhits = 0;
	if ((s = malloc(n + 1)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (in[i] == '\1' || in[i] == '\2') {
			if ((nh = realloc(h, (size_t)(*nhits + 1) * sizeof *h)) == NULL) {
				free(h);
				free(s);
				return -1;
			}
			h = nh;
			h[(*nhits)++] = (int)chars;
			continue;
		}
		if (((unsigned char)in[i] & 0xc0) != 0x80)
			chars++;
		s[k++] = in[i];
	}
	s[k] = '\0';
	*nhits /= 2;
	*out = s;
	*hits = h;
	return 0;
}

/* A query's filters, taken out of its text: doc:DOC, section:SECTION
 * (within doc:), year:YYYY. */
struct filters {
	char	doc[256], section[256], year[8];
	char	*text;		/* the rest, for FTS5 */
};

/* Copies a filter's value (quoted or up to a space) and returns the
 * bytes used. */
static size_t
filter_value(const char *s, char *out, size_t len)
{
	size_t	i = 0, n = 0;
	char	end = ' ';

	if (s[0] == '"') {
		end = '"';
		i = 1;
	}
	for (; s[i] != '\0' && s[i] != end; i++)
		if (n + 1 < len)
			out[n++] = s[i];
	out[n] = '\0';
	return s[i] == '"' ? i + 1 : i;
}

static int
filters_parse(const char *q, struct filters *f)
{
	static const char *names[] = { "doc:", "section:", "year:" };
	size_t	 i = 0, k, n = strlen(q), o = 0;
	int	 quoted = 0;

	memset(f, 0, sizeof *f);
	if ((f->text = malloc(n + 1)) == NULL)
		return -1;
	while (i < n) {
		if (q[i] == '"')
			quoted = !quoted;
		if (!quoted && (i == 0 || q[i - 1] == ' ')) {
			for (k = 0; k < 3; k++)
				if (strncmp(q + i, names[k], strlen(names[k])) == 0)
					break;
			if (k < 3) {
				i += strlen(names[k]);
				i += filter_value(q + i, k == 0 ? f->doc : k == 1 ?
				    f->section : f->year, k == 0 ? sizeof f->doc :
				    k == 1 ? sizeof f->section : sizeof f->year);
				continue;
			}
		}
		f->text[o++] = q[i++];
	}
	while (o > 0 && f->text[o - 1] == ' ')
		o--;
	f->text[o] = '\0';
	return 0;
}

/* The paragraphs a section spans with its subsections, as ordinals. */
static int
section_span(struct store *st, int64_t sec, int *lo, int *hi)
{
	sqlite3_stmt	*s;
	int		 rc = -1;

	s = store_prep(st, "SELECT p.ord, coalesce((SELECT min(q.ord) - 1 FROM"
	    " section n JOIN para q ON q.file = n.file AND q.pord = n.pfirst"
	    " WHERE n.doc = x.doc AND n.ord > x.ord AND n.level <= x.level),"
	    " (SELECT max(ord) FROM para WHERE doc = x.doc))"
	    " FROM section x JOIN para p ON p.file = x.file AND p.pord = x.pfirst"
	    " WHERE x.id = ?");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, sec);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*lo = sqlite3_column_int(s, 0);
		*hi = sqlite3_column_int(s, 1);
		rc = 0;
	}
	sqlite3_finalize(s);
	return rc;
}

/* A query that is a Kamerstuk: the paper itself, then every passage that
 * cites it. */
static int
search_citation(struct store *st, const char *id, int limit, hit_fn fn,
    void *arg)
{
	struct hit_row	 r;
	sqlite3_stmt	*s;
	int		 rc, n = 0, hits[2];
	char		 snip[512];

	s = store_prep(st, "SELECT key, NULL, title, 0, 0, title, -1, -1"
	    " FROM doc WHERE key = ?1"
	    " UNION ALL SELECT * FROM (SELECT d.key, x.sid, d.title, p.ord,"
	    " coalesce(c.page, 0), coalesce(n.text, p.text), c.start, c.end"
	    " FROM cite c JOIN para p ON p.id = c.para JOIN doc d ON d.id = c.doc"
	    " LEFT JOIN note n ON n.id = c.note"
	    " LEFT JOIN section x ON x.id = p.section WHERE c.target = ?1"
	    " ORDER BY d.key, p.ord, c.start)");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n++ < limit) {
		const char *text = store_text(s, 5);
		int start = sqlite3_column_int(s, 6), end = sqlite3_column_int(s, 7);
		int from = start > 40 ? start - 40 : 0, i, c, k;

		memset(&r, 0, sizeof r);
		r.doc = store_text(s, 0);
		r.section = store_text(s, 1);
		r.title = store_text(s, 2);
		r.paragraph = sqlite3_column_int(s, 3);
		r.page = sqlite3_column_int(s, 4);
		/* some words around the citation, which is the hit */
		for (i = 0, c = 0; text[i] && c < from; i++)
			if (((unsigned char)text[i + 1] & 0xc0) != 0x80)
				c++;
		k = snprintf(snip, sizeof snip, "%s", from > 0 ? "\xe2\x80\xa6" : "");
		/* at most 300 bytes, cut on a character boundary */
		for (c = 0; text[i + c] != '\0' && c < 300; c++)
			;
		while (c > 0 && ((unsigned char)text[i + c] & 0xc0) == 0x80)
			c--;
		snprintf(snip + k, sizeof snip - (size_t)k, "%.*s", c, text + i);
		r.snippet = snip;
		if (start >= 0) {
			hits[0] = start - from + (from > 0);
			hits[1] = end - from + (from > 0);
			r.hits = hits;
			r.nhits = 1;
		}
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* A query made ready: its filters resolved to a document, a span of
 * paragraphs and a year, or found to be a Kamerstuk. */
struct plan {
	struct filters	f;
	int64_t		doc;
	int		lo, hi;
	char		cite[128];	/* a Kamerstuk query's id, else "" */
};

/* The rows a query's filters allow, as SQL on fts's rowid: ?3 the
 * document (0: all), ?4 and ?5 its paragraphs (?4 0: all), ?6 the year
 * (NULL: any). Ranked search in one go and in slices share it, so both
 * see the same rows. */
#define FILTER_SQL \
	" AND (?3 = 0 OR rowid IN" \
	" (SELECT id FROM para WHERE doc = ?3 AND ord BETWEEN ?4 AND ?5" \
	"  UNION ALL SELECT n.id FROM note n LEFT JOIN para q" \
	"  ON q.id = n.para WHERE n.doc = ?3 AND (?4 = 0 OR q.ord BETWEEN ?4 AND ?5)" \
	"  UNION ALL SELECT ?3 * 4 + 3 WHERE ?4 = 0))" \
	" AND (?6 IS NULL OR rowid IN" \
	" (SELECT p.id FROM para p JOIN doc d ON d.id = p.doc" \
	"  WHERE d.date LIKE ?6 || '%'" \
	"  UNION ALL SELECT n.id FROM note n JOIN doc d ON d.id = n.doc" \
	"  WHERE d.date LIKE ?6 || '%'" \
	"  UNION ALL SELECT id * 4 + 3 FROM doc WHERE date LIKE ?6 || '%'))"

/* Where a row of fts is, by its kind (rowid % 4), bound to its rowid:
 * its document, section, title, paragraph, page. One statement a kind,
 * each simple to prepare. */
static const char *const place_sql[4] = {
	"SELECT d.key, s.sid, d.title, x.ord, coalesce(x.page, 0)"
	" FROM para x JOIN doc d ON d.id = x.doc"
	" LEFT JOIN section s ON s.id = x.section WHERE x.id = ?1",
	NULL,
	"SELECT d.key, s.sid, d.title, q.ord, coalesce(n.page, 0)"
	" FROM note n JOIN doc d ON d.id = n.doc LEFT JOIN para q ON q.id = n.para"
	" LEFT JOIN section s ON s.id = q.section WHERE n.id = ?1",
	"SELECT key, NULL, title, NULL, 0 FROM doc WHERE id = ?1 / 4",
};

/* The statements of place_sql, prepared when first needed. */
struct place {
	sqlite3_stmt	*s[4];
};

/* The place of a row: a statement stepped to it, to read and then
 * place_done; NULL when there is none. */
static sqlite3_stmt *
place_find(struct store *st, struct place *pl, int64_t rowid)
{
	sqlite3_stmt	*s;
	int		 k = (int)(rowid % 4);

	if (rowid < 0 || place_sql[k] == NULL)
		return NULL;
	if (pl->s[k] == NULL && (pl->s[k] = store_prep(st, place_sql[k])) == NULL)
		return NULL;
	s = pl->s[k];
	sqlite3_bind_int64(s, 1, rowid);
	if (sqlite3_step(s) == SQLITE_ROW)
		return s;
	sqlite3_reset(s);
	return NULL;
}

/* Resets at once: a statement left on a row holds the database open. */
static void
place_done(sqlite3_stmt *s)
{
	if (s != NULL)
		sqlite3_reset(s);
}

static void
place_free(struct place *pl)
{
	int	k;

	for (k = 0; k < 4; k++)
		sqlite3_finalize(pl->s[k]);
}

/* Whether a query's rows are filtered (FILTER_SQL), or all its matches
 * count: a statement without the filters prepares in a fraction. */
static int
plan_filtered(const struct plan *p)
{
	return p->doc != 0 || p->f.year[0] != '\0';
}

/* FTS5's own words ("fts5: syntax error near …") mean nothing to a
 * reader: say what to check instead. */
static void
not_understood(const char *query, char *err, size_t errlen)
{
	snprintf(err, errlen, "cannot search for \"%s\": the query is not"
	    " understood (check quotes, brackets, * after a word, and"
	    " AND, OR, NOT, NEAR between words)", query);
}

static int
plan_make(struct store *st, const char *query, int64_t doc, struct plan *p,
    char *err, size_t errlen)
{
	int64_t	sec;
	char	why[1024];

	memset(p, 0, sizeof *p);
	p->doc = doc;
	p->hi = 0x7fffffff;
	if (filters_parse(query, &p->f) == -1) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (p->f.doc[0] != '\0' && store_doc_find(st, p->f.doc, &p->doc, why,
	    sizeof why) == -1) {
		snprintf(err, errlen, "doc:%s: %s", p->f.doc, why);
		return -1;
	}
	if (p->f.section[0] != '\0') {
		if (p->doc == 0) {
			snprintf(err, errlen, "section: needs doc: too");
			return -1;
		}
		if (store_section_find(st, p->doc, p->f.section, &sec, why,
		    sizeof why) == -1 || section_span(st, sec, &p->lo, &p->hi) == -1) {
			snprintf(err, errlen, "section:%s: %s", p->f.section, why);
			return -1;
		}
	}
	if (p->f.text[0] == '\0') {
		snprintf(err, errlen, "nothing to search for in \"%s\"", query);
		return -1;
	}
	if (p->doc == 0 && p->f.year[0] == '\0' && cite_parse_id(p->f.text,
	    p->cite, sizeof p->cite) == 0 && strncmp(p->cite, "kst-", 4) == 0)
		return 0;
	p->cite[0] = '\0';
	return 0;
}

/* Binds the query and its filters: ?1 and ?3 to ?6. */
static void
plan_bind(const struct plan *p, sqlite3_stmt *s)
{
	sqlite3_bind_text(s, 1, p->f.text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, p->doc);
	sqlite3_bind_int(s, 4, p->f.section[0] ? p->lo : 0);
	sqlite3_bind_int(s, 5, p->hi);
	if (p->f.year[0] != '\0')
		sqlite3_bind_text(s, 6, p->f.year, -1, SQLITE_STATIC);
}

/* Hands a hit: its place from where (a statement of place_sql stepped
 * to its row), its snippet as FTS5 marks it. 1 when fn says stop. */
static int
hit_hand(sqlite3_stmt *where, int64_t id, const char *marked, double rank,
    hit_fn fn, void *arg)
{
	struct hit_row	 r;
	char		*snip;
	int		*hits, rc;

	memset(&r, 0, sizeof r);
	if (snippet_hits(marked ? marked : "", &snip, &hits, &r.nhits) == -1)
		return -1;
	r.id = id;
	r.doc = store_text(where, 0);
	r.section = store_text(where, 1);
	r.title = store_text(where, 2);
	r.paragraph = sqlite3_column_int(where, 3);
	r.page = sqlite3_column_int(where, 4);
	r.snippet = snip;
	r.hits = hits;
	r.rank = rank;
	rc = fn(&r, arg) != 0;
	free(snip);
	free(hits);
	return rc;
}

/* The best matches with their snippets, in one statement: snippet() here
 * costs only for the rows LIMIT keeps, SQLite takes it after sorting. */
#define RANKED_SQL(filter) \
	"SELECT rowid, snippet(fts, -1, char(1), char(2), '\xe2\x80\xa6', 16)," \
	" bm25(fts, 4.0, 1.0) AS score FROM fts WHERE fts MATCH ?1" filter \
	" ORDER BY score, rowid LIMIT ?2"

int
store_search(struct store *st, const char *query, int limit, int64_t doc,
    hit_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt	*s = NULL, *w;
	struct place	 pl = { { NULL } };
	struct plan	 p;
	int		 rc = SQLITE_ERROR, k = 0;

	if (limit <= 0)
		limit = 20;
	/* pages read through a mapping of the file, not copied one 16 kB
	 * page at a time into the page cache: half the page faults of a
	 * search of a common word. Not for the browser, whose peak RSS
	 * would grow with the pages it ever touched. */
	sqlite3_exec(st->db, "PRAGMA main.mmap_size = " STR(SEARCH_MMAP),
	    NULL, NULL, NULL);
	if (plan_make(st, query, doc, &p, err, errlen) == -1)
		goto done;
	if (p.cite[0] != '\0') {
		rc = search_citation(st, p.cite, limit, fn, arg) == 0 ?
		    SQLITE_DONE : SQLITE_ERROR;
		goto done;
	}
	s = store_prep(st, plan_filtered(&p) ? RANKED_SQL(FILTER_SQL) :
	    RANKED_SQL(""));
	if (s == NULL) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
		goto done;
	}
	plan_bind(&p, s);
	sqlite3_bind_int(s, 2, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((w = place_find(st, &pl, sqlite3_column_int64(s, 0))) == NULL)
			continue;
		k = hit_hand(w, sqlite3_column_int64(s, 0), store_text(s, 1),
		    sqlite3_column_double(s, 2), fn, arg);
		place_done(w);
		if (k != 0) {
			rc = k == 1 ? SQLITE_DONE : SQLITE_NOMEM;
			break;
		}
	}
	if (rc == SQLITE_NOMEM)
		snprintf(err, errlen, "out of memory");
	else if (rc != SQLITE_DONE)
		not_understood(query, err, errlen);
done:
	sqlite3_finalize(s);
	place_free(&pl);
	free(p.f.text);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- ranking in slices ----
 *
 * ORDER BY bm25 scores every match before it hands over the first: for a
 * common word in a large corpus, hundreds of milliseconds. A search_run
 * scans the matches in rowid order instead, a slice at a time, keeping
 * the best in a heap. A preview pass first scores one slice without
 * bm25's IDF (bm25 counts every row of every phrase before its first
 * row), so a first screen comes at once. A count pass then counts the
 * rows of each phrase of the query, a slice at a time, as bm25 would in
 * one go (tens of milliseconds for a phrase of common words); the exact
 * pass scores every match with lk_bm25, bm25's own arithmetic on those
 * counts, and when it is done the heap holds exactly the rows ORDER BY
 * bm25, rowid gives. A query whose phrases are not certain (column
 * filters, NEAR, ^) skips the count and is scored by bm25 itself.
 * Snippets are made only for the hits asked for. */

struct scored {
	int64_t	rowid;
	double	score;
};

/* The best max rows so far; v[0] is the worst of them, the next to go. */
struct heap {
	struct scored	*v;
	int		 n, max;
};

/* A hit's text and place, kept while it may be asked for again. */
struct detail {
	int64_t	 rowid;
	char	*doc, *section, *title, *snippet;
	int	*hits;
	int	 nhits, paragraph, page, found;
};

enum { PASS_PREVIEW, PASS_COUNT, PASS_EXACT, PASS_DONE };

/* The phrases a query's hits are counted for, at most. */
#define MAXPHRASES	16

/* A preview that saw every match is followed by bm25 in the same step
 * when there were this few, or when it took this little time. */
#define FEW_MATCHES	100
#define FEW_MS		5.0
/* A preview ends after this long, whatever its rows. */
#define PREVIEW_MS	8.0
/* A later step ends after this long, whatever its rows: the rows a
 * slice is given are a guess from the last one's time. */
#define STEP_MS		4.0
/* Counting a match costs a fraction of scoring it: a step counts this
 * many times its rows. */
#define COUNT_ROWS	4

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct search_run {
	struct store	*st;
	struct plan	 p;
	char		*query;		/* for messages */
	int		 limit, pass, ncite;
	int		 batch;		/* snippets by a scan, not a row at a time */
	sqlite3_stmt	*scan;		/* the pass under way; NULL when paused */
	sqlite3_stmt	*snip;		/* a row's snippet */
	struct place	 place;		/* and its place */
	int64_t		 last;		/* the last rowid the pass scored */
	int64_t		 previewed;	/* the last rowid the preview scored */
	int64_t		 maxrow;	/* the index's last rowid, for progress */
	uint64_t	 version;	/* the index as the count (or exact) pass began */
	char		*phrase[MAXPHRASES];	/* the query's phrases */
	sqlite3_int64	 nhit[MAXPHRASES];	/* the rows of each, counted */
	int		 nphrase;	/* 0: bm25 counts for itself */
	int		 counting;	/* the phrase the count pass is at */
	long long	 scanned;	/* matches the exact pass scored */
	struct heap	 preview, exact;
	struct scored	*sorted;	/* the best shown, best first */
	int		 nsorted, dirty;
	struct detail	*cache;
	int		 ncache;
};

/* a ranks before b: a lower score, then a lower rowid */
static int
better(const struct scored *a, const struct scored *b)
{
	return a->score < b->score || (a->score == b->score && a->rowid < b->rowid);
}

static int
scored_cmp(const void *a, const void *b)
{
	return better(a, b) ? -1 : better(b, a) ? 1 : 0;
}

static void
heap_add(struct heap *h, int64_t rowid, double score)
{
	struct scored	x = { rowid, score };
	int		i, c;

	if (h->n < h->max) {
		/* up from the bottom past every parent that ranks better */
		for (i = h->n++; i > 0 && better(&h->v[(i - 1) / 2], &x);
		    i = (i - 1) / 2)
			h->v[i] = h->v[(i - 1) / 2];
		h->v[i] = x;
		return;
	}
	if (h->n == 0 || !better(&x, &h->v[0]))
		return;
	/* x takes the worst one's place and sinks below the worse children */
	for (i = 0; (c = 2 * i + 1) < h->n; i = c) {
		if (c + 1 < h->n && better(&h->v[c], &h->v[c + 1]))
			c++;
		if (!better(&x, &h->v[c]))
			break;
		h->v[i] = h->v[c];
	}
	h->v[i] = x;
}

/* lk_preview(fts, weight...): bm25 with every IDF taken as 1, so without
 * bm25's counting before the first row. For one phrase the order is
 * bm25's; for more, close to it. */
static void
preview_rank(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	double		freq[32] = { 0 }, score = 0, avgdl, k1 = 1.2, b = 0.75;
	sqlite3_int64	nrow = 0, ntok = 0;
	int		i, n = 0, np, ip, ic, io, dl = 0;

	if ((np = api->xPhraseCount(fts)) > 32)
		np = 32;
	if (api->xInstCount(fts, &n) != SQLITE_OK ||
	    api->xColumnSize(fts, -1, &dl) != SQLITE_OK ||
	    api->xRowCount(fts, &nrow) != SQLITE_OK ||
	    api->xColumnTotalSize(fts, -1, &ntok) != SQLITE_OK) {
		sqlite3_result_error(ctx, "lk_preview failed", -1);
		return;
	}
	for (i = 0; i < n; i++)
		if (api->xInst(fts, i, &ip, &ic, &io) == SQLITE_OK && ip < np)
			freq[ip] += ic < nval ? sqlite3_value_double(val[ic]) : 1.0;
	avgdl = nrow > 0 && ntok > 0 ? (double)ntok / (double)nrow : 1.0;
	for (i = 0; i < np; i++)
		score += freq[i] * (k1 + 1.0) /
		    (freq[i] + k1 * (1.0 - b + b * dl / avgdl));
	sqlite3_result_double(ctx, -score);
}

static fts5_api *
fts5_get(struct store *st)
{
	sqlite3_stmt	*s;
	fts5_api	*api = NULL;

	if ((s = store_prep(st, "SELECT fts5(?1)")) == NULL)
		return NULL;
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	return api != NULL && api->iVersion >= 2 ? api : NULL;
}

/* lk_bm25(fts, hits, weight...): bm25(fts, weight...) to the last bit,
 * its arithmetic and its order of operations, but with the rows of each
 * phrase (for its IDF) given, in hits, a blob of one sqlite3_int64 a
 * phrase, counted beforehand in slices (the count pass), not counted by
 * walking every phrase's rows before the first row is scored. Fails
 * when the query's phrases are not the ones counted. */
static void
exact_rank(const Fts5ExtensionApi *api, Fts5Context *fts,
    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	const double	k1 = 1.2, b = 0.75;
	double		freq[MAXPHRASES] = { 0 }, score = 0.0, avgdl, D, w, idf;
	sqlite3_int64	hits[MAXPHRASES], nrow = 0, ntok = 0;
	int		i, np, n = 0, ip, ic, io, dl = 0;

	np = api->xPhraseCount(fts);
	if (nval < 1 || np < 1 || np > MAXPHRASES ||
	    sqlite3_value_bytes(val[0]) != np * (int)sizeof hits[0])
		goto fail;
	memcpy(hits, sqlite3_value_blob(val[0]), (size_t)np * sizeof hits[0]);
	for (i = 0; i < np; i++)
		if (api->xPhraseSize(fts, i) < 1)
			goto fail;
	if (api->xRowCount(fts, &nrow) != SQLITE_OK || nrow < 1 ||
	    api->xColumnTotalSize(fts, -1, &ntok) != SQLITE_OK ||
	    api->xInstCount(fts, &n) != SQLITE_OK)
		goto fail;
	avgdl = (double)ntok / (double)nrow;
	for (i = 0; i < n; i++) {
		if (api->xInst(fts, i, &ip, &ic, &io) != SQLITE_OK)
			goto fail;
		w = (nval - 1 > ic) ? sqlite3_value_double(val[ic + 1]) : 1.0;
		freq[ip] += w;
	}
	if (api->xColumnSize(fts, -1, &dl) != SQLITE_OK)
		goto fail;
	D = (double)dl;
	for (i = 0; i < np; i++) {
		idf = log((nrow - hits[i] + 0.5) / (hits[i] + 0.5));
		if (idf <= 0.0)
			idf = 1e-6;
		score += idf * ((freq[i] * (k1 + 1.0)) /
		    (freq[i] + k1 * (1 - b + b * D / avgdl)));
	}
	sqlite3_result_double(ctx, -1.0 * score);
	return;
fail:
	sqlite3_result_error(ctx, "lk_bm25: not the phrases counted", -1);
}

/* Makes lk_preview and lk_bm25 known to the connection, once. */
static int
ranks_register(struct store *st)
{
	sqlite3_stmt	*s;
	fts5_api	*api;

	/* known already when a statement using them compiles */
	if ((s = store_prep(st, "SELECT lk_preview(fts), lk_bm25(fts)"
	    " FROM fts WHERE 0")) != NULL) {
		sqlite3_finalize(s);
		return 0;
	}
	if ((api = fts5_get(st)) == NULL || api->xCreateFunction(api,
	    "lk_preview", NULL, preview_rank, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "lk_bm25", NULL, exact_rank,
	    NULL) != SQLITE_OK)
		return -1;
	return 0;
}

/* Splits a query into the phrases FTS5 makes of it, in its order: each
 * bare word (with its *) and each quoted string (with its *), around
 * AND, OR, NOT, brackets and spaces. -1 for anything else (column
 * filters, NEAR, ^, +, a quote within quotes), where the phrases are
 * not certain. */
static int
phrases_split(const char *q, char **out, int max)
{
	size_t	i = 0, start, end;
	int	n = 0;

	while (q[i] != '\0') {
		unsigned char c = (unsigned char)q[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ')') {
			i++;
			continue;
		}
		start = i;
		if (c == '"') {
			for (i++; q[i] != '\0' && q[i] != '"'; i++)
				;
			if (q[i] == '\0' || q[i + 1] == '"')
				goto fail;
			i++;
		} else {
			for (; q[i] != '\0'; i++) {
				c = (unsigned char)q[i];
				if (!(c >= 0x80 || c == '_' || (c >= '0' && c <= '9') ||
				    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
					break;
			}
			if (i == start)
				goto fail;
			if (q[i] != '*' && ((i - start == 3 &&
			    (strncmp(q + start, "AND", 3) == 0 ||
			    strncmp(q + start, "NOT", 3) == 0)) ||
			    (i - start == 2 && strncmp(q + start, "OR", 2) == 0)))
				continue;
			if (i - start == 4 && strncmp(q + start, "NEAR", 4) == 0)
				goto fail;
		}
		if (q[i] == '*')
			i++;
		end = i;
		c = (unsigned char)q[i];
		if (!(c == '\0' || c == ' ' || c == '\t' || c == '\n' ||
		    c == '(' || c == ')') || n == max)
			goto fail;
		if ((out[n] = strndup(q + start, end - start)) == NULL)
			goto fail;
		n++;
	}
	return n;
fail:
	while (n > 0)
		free(out[--n]);
	return -1;
}

/* What the index is now: a hash of FTS5's structure record, which every
 * change to the index rewrites, by this connection or another. Writing
 * user.db (a reading position) leaves it as it is. */
static uint64_t
index_version(struct store *st)
{
	sqlite3_stmt		*s;
	const unsigned char	*b;
	uint64_t		 h = 14695981039346656037ULL;
	int			 i, n;

	if ((s = store_prep(st, "SELECT block FROM main.fts_data WHERE id = 10")) == NULL)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		b = sqlite3_column_blob(s, 0);
		n = sqlite3_column_bytes(s, 0);
		for (i = 0; i < n; i++)
			h = (h ^ b[i]) * 1099511628211ULL;
	}
	sqlite3_finalize(s);
	return h;
}

/* A pass's scan: every match after rowid ?2, in rowid order, scored
 * (lk_bm25's counts in ?7). */
#define SCAN_SQL(rank, filter) \
	"SELECT rowid, " rank "4.0, 1.0) FROM fts" \
	" WHERE fts MATCH ?1 AND rowid > ?2" filter
#define COUNT_SQL "SELECT rowid FROM fts WHERE fts MATCH ?1 AND rowid > ?2"

/* Counts and scores from the start: the index changed while paused. */
static void
pass_restart(struct search_run *r)
{
	r->preview.n = r->exact.n = 0;
	r->last = r->previewed = 0;
	r->scanned = 0;
	r->counting = 0;
	memset(r->nhit, 0, sizeof r->nhit);
	r->pass = r->nphrase > 0 ? PASS_COUNT : PASS_EXACT;
	r->dirty = 1;
}

/* The statement of the pass under way, from the row after last on. */
static int
pass_start(struct search_run *r)
{
	const char	*sql;
	int		 filtered = plan_filtered(&r->p);

	if (r->pass != PASS_PREVIEW) {
		if (r->version == 0)
			r->version = index_version(r->st);
		else if (index_version(r->st) != r->version) {
			pass_restart(r);
			r->version = index_version(r->st);
		}
	}
	if (r->pass == PASS_PREVIEW)
		sql = filtered ? SCAN_SQL("lk_preview(fts, ", FILTER_SQL) :
		    SCAN_SQL("lk_preview(fts, ", "");
	else if (r->pass == PASS_COUNT)
		sql = COUNT_SQL;
	else if (r->nphrase > 0)
		sql = filtered ? SCAN_SQL("lk_bm25(fts, ?7, ", FILTER_SQL) :
		    SCAN_SQL("lk_bm25(fts, ?7, ", "");
	else
		sql = filtered ? SCAN_SQL("bm25(fts, ", FILTER_SQL) :
		    SCAN_SQL("bm25(fts, ", "");
	if ((r->scan = store_prep(r->st, sql)) == NULL)
		return -1;
	if (r->pass == PASS_COUNT)
		sqlite3_bind_text(r->scan, 1, r->phrase[r->counting], -1,
		    SQLITE_STATIC);
	else
		plan_bind(&r->p, r->scan);
	sqlite3_bind_int64(r->scan, 2, r->last);
	if (r->pass == PASS_EXACT && r->nphrase > 0)
		sqlite3_bind_blob(r->scan, 7, r->nhit,
		    r->nphrase * (int)sizeof r->nhit[0], SQLITE_STATIC);
	return 0;
}

static int
count_hit(const struct hit_row *h, void *arg)
{
	(void)h;
	(*(int *)arg)++;
	return 0;
}

int
store_search_begin(struct store *st, const char *query, int limit,
    int64_t doc, int preview, struct search_run **rp, char *err, size_t errlen)
{
	struct search_run	*r;
	sqlite3_stmt		*s;

	*rp = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL ||
	    (r->query = strdup(query)) == NULL) {
		free(r);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	r->st = st;
	r->limit = limit > 0 ? limit : 20;
	if (plan_make(st, query, doc, &r->p, err, errlen) == -1)
		goto fail;
	if (r->p.cite[0] != '\0') {
		/* the paper and the passages citing it: no ranking to wait for */
		r->pass = PASS_DONE;
		search_citation(st, r->p.cite, r->limit, count_hit, &r->ncite);
		*rp = r;
		return 0;
	}
	r->preview.max = r->exact.max = r->limit;
	if ((r->exact.v = calloc((size_t)r->limit, sizeof *r->exact.v)) == NULL ||
	    (r->sorted = calloc((size_t)r->limit, sizeof *r->sorted)) == NULL ||
	    (preview && (r->preview.v = calloc((size_t)r->limit,
	    sizeof *r->preview.v)) == NULL)) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	/* without their functions, no preview and no counts: bm25 from
	 * the start */
	if (ranks_register(st) == 0) {
		if ((r->nphrase = phrases_split(r->p.f.text, r->phrase,
		    MAXPHRASES)) < 0)
			r->nphrase = 0;
		r->pass = preview ? PASS_PREVIEW : r->nphrase > 0 ?
		    PASS_COUNT : PASS_EXACT;
	} else
		r->pass = PASS_EXACT;
	/* a prefix query sets up its many terms for every statement run:
	 * for each hit's snippet, some milliseconds */
	r->batch = strchr(r->p.f.text, '*') != NULL;
	/* the full text's last row, from its sources' (a scan of fts by
	 * rowid would read the view fts_source) */
	if ((s = store_prep(st, "SELECT max((SELECT coalesce(max(id), 0) FROM"
	    " para), (SELECT coalesce(max(id), 0) FROM note),"
	    " (SELECT coalesce(max(id), 0) FROM ftitle))")) != NULL) {
		if (sqlite3_step(s) == SQLITE_ROW)
			r->maxrow = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	r->snip = store_prep(st, "SELECT snippet(fts, -1, char(1), char(2),"
	    " '\xe2\x80\xa6', 16) FROM fts WHERE fts MATCH ?1 AND rowid = ?2");
	if (r->snip == NULL || pass_start(r) == -1) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
		goto fail;
	}
	sqlite3_bind_text(r->snip, 1, r->p.f.text, -1, SQLITE_STATIC);
	*rp = r;
	return 0;
fail:
	store_search_end(r);
	return -1;
}

/* Ends the preview after its one slice: the count pass (or the exact
 * one) starts from the first match. */
static void
preview_stop(struct search_run *r)
{
	sqlite3_finalize(r->scan);
	r->scan = NULL;
	r->previewed = r->last;
	r->last = 0;
	r->pass = r->nphrase > 0 ? PASS_COUNT : PASS_EXACT;
}

/* Counts the rows of the phrases, up to rows of them or STEP_MS from
 * t0: 1 when there are more to count, 0 when all are counted, -1 on an
 * error. */
static int
count_slice(struct search_run *r, int rows, double t0)
{
	int	rc = SQLITE_ROW, n;

	while (r->pass == PASS_COUNT) {
		if (r->scan == NULL && pass_start(r) == -1)
			return -1;
		if (r->pass != PASS_COUNT)	/* restarted, counts and all */
			break;
		for (n = 0; n < rows && (rc = sqlite3_step(r->scan)) ==
		    SQLITE_ROW; n++) {
			r->last = sqlite3_column_int64(r->scan, 0);
			r->nhit[r->counting]++;
			if (n % 64 == 63 && now_ms() - t0 > STEP_MS) {
				n++;
				break;
			}
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
		if (rc == SQLITE_ROW)
			return 1;
		sqlite3_finalize(r->scan);
		r->scan = NULL;
		r->last = 0;
		if (++r->counting == r->nphrase)
			r->pass = PASS_EXACT;
		rows -= n;
		if (rows <= 0 || now_ms() - t0 > STEP_MS)
			return 1;
	}
	return 0;
}

/* The exact pass scores no more with lk_bm25 (its phrases were not the
 * ones counted): bm25 scores every match again, counting for itself. */
static void
counts_drop(struct search_run *r)
{
	while (r->nphrase > 0)
		free(r->phrase[--r->nphrase]);
	r->exact.n = 0;
	r->last = 0;
	r->scanned = 0;
	r->dirty = 1;
}

int
store_search_step(struct search_run *r, int rows, char *err, size_t errlen)
{
	struct heap	*h;
	double		 t0 = now_ms();
	int		 rc = SQLITE_ROW, n;

	if (r->pass == PASS_DONE)
		return 0;
	if (r->pass == PASS_COUNT) {
		if ((rc = count_slice(r, rows * COUNT_ROWS, t0)) == -1) {
			sqlite3_finalize(r->scan);
			r->scan = NULL;
			/* a phrase FTS5 read otherwise: bm25 alone */
			counts_drop(r);
			r->pass = PASS_EXACT;
		} else if (rc == 1)
			return 1;
		rc = SQLITE_ROW;
	}
	if (r->scan == NULL && pass_start(r) == -1) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(r->st->db));
		return -1;
	}
	if (r->pass == PASS_COUNT)	/* the index changed: counting again */
		return 1;
	h = r->pass == PASS_PREVIEW ? &r->preview : &r->exact;
	for (n = 0; n < rows && (rc = sqlite3_step(r->scan)) == SQLITE_ROW; n++) {
		r->last = sqlite3_column_int64(r->scan, 0);
		heap_add(h, r->last, sqlite3_column_double(r->scan, 1));
		/* a first screen, not all of the slice, when matches come
		 * dear (a phrase of common words); later slices as long as
		 * a key may wait */
		if (n % 64 == 63 && now_ms() - t0 > (r->pass == PASS_PREVIEW ?
		    PREVIEW_MS : STEP_MS)) {
			n++;
			break;
		}
	}
	r->dirty = 1;
	if (r->pass == PASS_EXACT)
		r->scanned += n;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(r->scan);
		r->scan = NULL;
		if (r->pass == PASS_EXACT && r->nphrase > 0) {
			counts_drop(r);
			return 1;
		}
		not_understood(r->query, err, errlen);
		return -1;
	}
	if (rc == SQLITE_ROW) {
		/* one slice of preview is enough for a first screen */
		if (r->pass == PASS_PREVIEW)
			preview_stop(r);
		return 1;
	}
	if (r->pass == PASS_EXACT) {
		sqlite3_finalize(r->scan);
		r->scan = NULL;
		r->pass = PASS_DONE;
		return 0;
	}
	/* The preview saw every match. Few, or found fast: counted and
	 * ranked at once, at no more cost. Else counting may cost tens of
	 * milliseconds (a phrase of common words), and the next steps have
	 * it. */
	preview_stop(r);
	if (n <= FEW_MATCHES || now_ms() - t0 <= FEW_MS)
		return store_search_step(r, rows, err, errlen);
	return 1;
}

void
store_search_pause(struct search_run *r)
{
	if (r == NULL || r->scan == NULL)
		return;
	if (r->pass == PASS_PREVIEW)
		preview_stop(r);
	else {
		sqlite3_finalize(r->scan);
		r->scan = NULL;
	}
}

int
store_search_progress(struct search_run *r)
{
	int64_t	p;
	int	done;

	if (r->pass == PASS_DONE)
		return 100;
	if (r->pass == PASS_PREVIEW || r->maxrow <= 0)
		return 0;
	/* each phrase counted, then the matches scored: equal parts */
	done = r->pass == PASS_COUNT ? r->counting : r->nphrase;
	p = (done * 100 + r->last * 100 / r->maxrow) / (r->nphrase + 1);
	return p > 99 ? 99 : (int)p;
}

long long
store_search_scanned(struct search_run *r)
{
	return r->scanned;
}

/* The best so far, sorted: the preview's until the exact pass has seen
 * as many rows. */
static void
sort_best(struct search_run *r)
{
	struct heap	*h;

	if (!r->dirty)
		return;
	if (r->preview.v != NULL && (r->pass == PASS_PREVIEW ||
	    r->pass == PASS_COUNT ||
	    (r->pass == PASS_EXACT && r->last < r->previewed)))
		h = &r->preview;
	else
		h = &r->exact;
	memcpy(r->sorted, h->v, (size_t)h->n * sizeof *h->v);
	r->nsorted = h->n;
	qsort(r->sorted, (size_t)r->nsorted, sizeof *r->sorted, scored_cmp);
	r->dirty = 0;
}

int
store_search_count(struct search_run *r)
{
	if (r->p.cite[0] != '\0')
		return r->ncite;
	sort_best(r);
	return r->nsorted;
}

int
store_search_rank_of(struct search_run *r, int64_t id)
{
	int	i;

	sort_best(r);
	for (i = 0; i < r->nsorted; i++)
		if (r->sorted[i].rowid == id)
			return i;
	return -1;
}

static void
detail_free(struct detail *d)
{
	free(d->doc);
	free(d->section);
	free(d->title);
	free(d->snippet);
	free(d->hits);
}

static char *
dupnull(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

static struct detail *
detail_cached(struct search_run *r, int64_t rowid)
{
	int	i;

	for (i = 0; i < r->ncache; i++)
		if (r->cache[i].rowid == rowid)
			return &r->cache[i];
	return NULL;
}

/* Keeps a row's detail: its snippet as FTS5 marks it (NULL: none), its
 * place looked up. Rows no longer among the best leave the cache as it
 * fills. NULL when out of memory. */
static struct detail *
detail_add(struct search_run *r, int64_t rowid, const char *marked)
{
	struct detail	*d, *v;
	sqlite3_stmt	*w;
	int		 i, k;

	if (r->ncache >= 2 * r->limit) {
		for (i = k = 0; i < r->ncache; i++) {
			if (store_search_rank_of(r, r->cache[i].rowid) >= 0)
				r->cache[k++] = r->cache[i];
			else
				detail_free(&r->cache[i]);
		}
		r->ncache = k;
	}
	if ((v = realloc(r->cache, (size_t)(r->ncache + 1) * sizeof *v)) == NULL)
		return NULL;
	r->cache = v;
	d = &v[r->ncache];
	memset(d, 0, sizeof *d);
	d->rowid = rowid;
	if ((w = place_find(r->st, &r->place, rowid)) != NULL) {
		if (snippet_hits(marked ? marked : "", &d->snippet, &d->hits,
		    &d->nhits) == -1)
			d = NULL;
		else {
			d->doc = dupnull(store_text(w, 0));
			d->section = dupnull(store_text(w, 1));
			d->title = dupnull(store_text(w, 2));
			d->paragraph = sqlite3_column_int(w, 3);
			d->page = sqlite3_column_int(w, 4);
			d->found = d->doc != NULL;
		}
		place_done(w);
	}
	if (d != NULL)
		r->ncache++;
	return d;
}

/* The detail of a row, from the cache or fetched: its snippet by a
 * statement that finds the row by its rowid. */
static struct detail *
detail_get(struct search_run *r, int64_t rowid)
{
	struct detail	*d;

	if ((d = detail_cached(r, rowid)) != NULL)
		return d;
	sqlite3_bind_int64(r->snip, 2, rowid);
	d = detail_add(r, rowid, sqlite3_step(r->snip) == SQLITE_ROW ?
	    store_text(r->snip, 0) : NULL);
	sqlite3_reset(r->snip);
	return d;
}

/* The details of hits from..from+count-1 not fetched yet, in one scan of
 * the matches: for a prefix query, setting up its terms once costs less
 * than once per hit. */
static void
details_batch(struct search_run *r, int from, int count)
{
	sqlite3_stmt	*s;
	struct buf	 b = { 0 };
	int		 i, n = 0;

	buf_adds(&b, "SELECT rowid, snippet(fts, -1, char(1), char(2),"
	    " '\xe2\x80\xa6', 16) FROM fts WHERE fts MATCH ?1 AND +rowid IN (");
	for (i = from; i >= 0 && i < r->nsorted && i < from + count; i++)
		if (detail_cached(r, r->sorted[i].rowid) == NULL)
			buf_addf(&b, "%s%lld", n++ ? ", " : "",
			    (long long)r->sorted[i].rowid);
	buf_adds(&b, ")");
	if (n > 1 && !b.oom && (s = store_prep(r->st, b.s)) != NULL) {
		sqlite3_bind_text(s, 1, r->p.f.text, -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW)
			detail_add(r, sqlite3_column_int64(s, 0), store_text(s, 1));
		sqlite3_finalize(s);
	}
	buf_free(&b);
}

/* Hands a citation query's hits from..from+count-1. */
struct window {
	int	 from, count, i;
	hit_fn	 fn;
	void	*arg;
};

static int
window_hit(const struct hit_row *h, void *arg)
{
	struct window	*w = arg;
	int		 i = w->i++;

	if (i < w->from)
		return 0;
	if (i >= w->from + w->count)
		return 1;
	return w->fn(h, w->arg);
}

int
store_search_top(struct search_run *r, int from, int count, hit_fn fn,
    void *arg)
{
	struct window	 w = { from, count, 0, fn, arg };
	struct detail	*d;
	struct hit_row	 h;
	int		 i;

	if (r->p.cite[0] != '\0')
		return search_citation(r->st, r->p.cite, r->limit, window_hit, &w);
	sort_best(r);
	if (r->batch)
		details_batch(r, from, count);
	for (i = from; i >= 0 && i < r->nsorted && i < from + count; i++) {
		if ((d = detail_get(r, r->sorted[i].rowid)) == NULL)
			return -1;
		/* a row without its paragraph (never in a sound index) */
		if (!d->found)
			continue;
		memset(&h, 0, sizeof h);
		h.id = d->rowid;
		h.doc = d->doc;
		h.section = d->section;
		h.title = d->title;
		h.snippet = d->snippet;
		h.paragraph = d->paragraph;
		h.page = d->page;
		h.hits = d->hits;
		h.nhits = d->nhits;
		h.rank = r->sorted[i].score;
		if (fn(&h, arg) != 0)
			break;
	}
	return 0;
}

void
store_search_end(struct search_run *r)
{
	int	i;

	if (r == NULL)
		return;
	sqlite3_finalize(r->scan);
	sqlite3_finalize(r->snip);
	place_free(&r->place);
	for (i = 0; i < r->ncache; i++)
		detail_free(&r->cache[i]);
	free(r->cache);
	free(r->preview.v);
	free(r->exact.v);
	free(r->sorted);
	while (r->nphrase > 0)
		free(r->phrase[--r->nphrase]);
	free(r->p.f.text);
	free(r->query);
	free(r);
}
