/* store_user.c: bookmarks in user.db, and how they find their passage
 * again when a paper is loaded anew (see store_user.h).
 *
 * user.mark holds a bookmark and its anchor: the document id, the
 * paragraph ordinals where it was last found, the fingerprints of those
 * paragraphs' folded text, the first paragraph's text and the quote.
 * user.mark_doc remembers, per document, the files (stems and hashes) the
 * bookmarks were last anchored against: its "generation". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"
#include "store_user.h"
#include "text.h"

#define FP_LEN		17	/* 16 hex digits and a NUL */
#define MIN_QUOTE	10	/* bytes of a folded quote worth looking for */
#define MIN_SIMILAR	0.7	/* Dice coefficient of two paragraphs' words */
#define NOW		"strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char user_schema[] =
	"CREATE TABLE IF NOT EXISTS user.mark("
	" id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL,"
	" paragraph INTEGER NOT NULL, last_paragraph INTEGER NOT NULL,"
	" start INTEGER, end INTEGER,"
	" fingerprint TEXT NOT NULL, last_fingerprint TEXT NOT NULL,"
	" text TEXT NOT NULL, quote TEXT NOT NULL, note TEXT,"
	" page INTEGER, last_page INTEGER, section TEXT, section_number TEXT,"
	" section_title TEXT, orphaned INTEGER NOT NULL DEFAULT 0,"
	" created TEXT NOT NULL, deleted TEXT);"
	"CREATE INDEX IF NOT EXISTS user.mark_by_doc ON mark(doc, paragraph);"
	"CREATE TABLE IF NOT EXISTS user.mark_tag("
	" mark INTEGER NOT NULL, tag TEXT NOT NULL COLLATE NOCASE,"
	" UNIQUE(mark, tag));"
	"CREATE TABLE IF NOT EXISTS user.mark_doc("
	" doc TEXT PRIMARY KEY, generation TEXT, title TEXT, kamerstuk TEXT);";

/* A paragraph of the document being anchored against. */
struct apara {
	int	 ord, page;
	char	*text, *fold;
	char	 fp[FP_LEN];
	char	*sid, *snum, *stitle;
	char	*wbuf;		/* its words, sorted and unique, once asked */
	char	**words;
	size_t	 nwords;
};

/* A document as the index has it now. */
struct adoc {
	char		*title, *kamerstuk, *gen, *stored;
	struct apara	*p;
	size_t		 n, cap;
};

/* A bookmark's anchor, as stored. */
struct anchor {
	int64_t	 id;
	int	 first, last, start, end;
	char	 fp[FP_LEN], lastfp[FP_LEN];
	char	*text, *quote;
};

static void
set_err(char *err, size_t errlen, const char *why)
{
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "%s", why);
}

static int
db_err(struct store *st, char *err, size_t errlen)
{
	char	why[512];

	/* the user's data is at stake: say which file */
	snprintf(why, sizeof why, "user.db: %s", sqlite3_errmsg(st->db));
	set_err(err, errlen, why);
	return -1;
}

static char *
dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int
begin(struct store *st, char *err, size_t errlen)
{
	/* a load in progress on this connection is committed first */
	if (store_put_commit(st, err, errlen) == -1)
		return -1;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_err(st, err, errlen);
	return 0;
}

static void
rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Commits, or rolls back when rc is -1 or the commit fails. */
static int
finish(struct store *st, int rc, char *err, size_t errlen)
{
	if (rc == 0 &&
	    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = db_err(st, err, errlen);
	if (rc != 0)
		rollback(st);
	return rc;
}

int
store_user_init(struct store *st)
{
	/* once a connection: the browser asks at every paper opened, and
	 * the schema's statements are parsed anew at each exec */
	if (st->user_ready)
		return 0;
	if (sqlite3_exec(st->db, user_schema, NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	st->user_ready = 1;
	return 0;
}

/* ---- text ---- */

/* The number of characters (code points) in s. */
static int
u8_chars(const char *s)
{
	int	n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* The byte offset of character n of s; strlen(s) for n past its end. */
static size_t
u8_byte(const char *s, int n)
{
	size_t	i;

	for (i = 0; s[i]; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n-- == 0)
			return i;
	return i;
}

/* The character index of byte offset b of s. */
static int
u8_index(const char *s, size_t b)
{
	int	n = 0;
	size_t	i;

	for (i = 0; i < b && s[i]; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* The folded text, or NULL when out of memory. */
static char *
fold(const char *s, size_t len)
{
	return text_fold(s, len, NULL);
}

/* A 64-bit FNV-1a hash of folded text without its spaces, in hex. */
static void
fp_of_fold(const char *f, char out[FP_LEN])
{
	uint64_t	h = 14695981039346656037ULL;

	for (; *f; f++) {
		if (*f == ' ' || *f == '\n' || *f == '\t' || *f == '\r')
			continue;
		h ^= (unsigned char)*f;
		h *= 1099511628211ULL;
	}
	snprintf(out, FP_LEN, "%016llx", (unsigned long long)h);
}

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Splits folded text into its distinct words of two bytes or more:
 * *buf holds them, *words points into it, sorted. */
static int
words_of(const char *f, char **buf, char ***words, size_t *n)
{
	char	*s, **w;
	size_t	 k = 0, i, j;

	*words = NULL;
	*n = 0;
	if ((*buf = s = strdup(f)) == NULL)
		return -1;
	if ((w = calloc(strlen(f) / 2 + 1, sizeof *w)) == NULL)
		return -1;
	while (*s) {
		while (*s && !word_byte((unsigned char)*s))
			*s++ = '\0';
		if (*s == '\0')
			break;
		if (s[1] != '\0' && word_byte((unsigned char)s[1]))
			w[k++] = s;
		while (*s && word_byte((unsigned char)*s))
			s++;
	}
	qsort(w, k, sizeof *w, cmp_word);
	for (i = j = 0; i < k; i++)
		if (j == 0 || strcmp(w[j - 1], w[i]) != 0)
			w[j++] = w[i];
	*words = w;
	*n = j;
	return 0;
}

/* How alike two sets of words are: twice the shared over the sum. */
static double
dice(char **a, size_t na, char **b, size_t nb)
{
	size_t	i = 0, j = 0, common = 0;
	int	c;

	if (na + nb == 0)
		return 0;
	while (i < na && j < nb) {
		if ((c = strcmp(a[i], b[j])) == 0) {
			common++;
			i++;
			j++;
		} else if (c < 0)
			i++;
		else
			j++;
	}
	return 2.0 * (double)common / (double)(na + nb);
}

/* The occurrence of needle in hay nearest to character near, as a
 * character index; -1 when there is none. */
static int
find_near(const char *hay, const char *needle, int near)
{
	const char	*s = hay;
	int		 best = -1, at;

	if (*needle == '\0')
		return -1;
	while ((s = strstr(s, needle)) != NULL) {
		at = u8_index(hay, (size_t)(s - hay));
		if (best == -1 || abs(at - near) < abs(best - near))
			best = at;
		s++;
	}
	return best;
}

/* Puts a character range in its one form: none (-1) for a whole
 * paragraph; in one paragraph both ends or neither. */
static void
canon_range(int single, int flen, int llen, int *start, int *end)
{
	if (single) {
		if (*start < 0 && *end < 0)
			return;
		if (*start < 0)
			*start = 0;
		if (*end < 0 || *end > llen)
			*end = llen;
		if (*start >= *end || (*start == 0 && *end == llen))
			*start = *end = -1;
		return;
	}
	if (*start <= 0 || *start >= flen)
		*start = -1;
	if (*end <= 0 || *end >= llen)
		*end = -1;
}

/* ---- the document now ---- */

static void
adoc_free(struct adoc *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		free(d->p[i].text);
		free(d->p[i].fold);
		free(d->p[i].sid);
		free(d->p[i].snum);
		free(d->p[i].stitle);
		free(d->p[i].wbuf);
		free(d->p[i].words);
	}
	free(d->p);
	free(d->title);
	free(d->kamerstuk);
	free(d->gen);
	free(d->stored);
	memset(d, 0, sizeof *d);
}

/* What the index holds of doc now, and the generation its bookmarks were
 * anchored against. 1 when they differ, 0 when the same or the document
 * is not in the index, -1 on error. */
static int
doc_state(struct store *st, const char *doc, struct adoc *d)
{
	sqlite3_stmt	*s;
	int64_t		 rowid = 0;

	/* its statements kept prepared: asked at every paper opened */
	memset(d, 0, sizeof *d);
	if ((s = store_cached(st, "SELECT id, title, kamerstuk FROM doc"
	    " WHERE key = ?")) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		rowid = sqlite3_column_int64(s, 0);
		d->title = dup(store_text(s, 1));
		d->kamerstuk = dup(store_text(s, 2));
	}
	sqlite3_reset(s);
	if (rowid == 0)
		return 0;
	if ((s = store_cached(st, "SELECT group_concat(stem || '=' || hash, ' ')"
	    " FROM (SELECT stem, hash FROM file WHERE doc = ? ORDER BY stem)"))
	    == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, rowid);
	if (sqlite3_step(s) == SQLITE_ROW)
		d->gen = dup(store_text(s, 0));
	sqlite3_reset(s);
	if (d->gen == NULL)
		return 0;
	if ((s = store_cached(st, "SELECT generation FROM user.mark_doc"
	    " WHERE doc = ?")) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		d->stored = dup(store_text(s, 0));
	sqlite3_reset(s);
	return d->stored == NULL || strcmp(d->stored, d->gen) != 0;
}

/* Reads the paragraphs of doc with their fingerprints. */
static int
doc_paras(struct store *st, const char *doc, struct adoc *d)
{
	sqlite3_stmt	*s;
	struct apara	*np, *p;
	int		 rc = 0;

	s = store_prep(st, "SELECT p.ord, coalesce(p.page, 0), p.text, s.sid,"
	    " s.number, s.title FROM para p JOIN doc d ON d.id = p.doc"
	    " LEFT JOIN section s ON s.id = p.section WHERE d.key = ?"
	    " ORDER BY p.ord");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
	while (rc == 0 && sqlite3_step(s) == SQLITE_ROW) {
		if (d->n == d->cap) {
			if ((np = reallocarray(d->p, d->cap ? d->cap * 2 : 64,
			    sizeof *np)) == NULL) {
				rc = -1;
				break;
			}
			d->p = np;
			d->cap = d->cap ? d->cap * 2 : 64;
		}
		p = &d->p[d->n++];
		memset(p, 0, sizeof *p);
		p->ord = sqlite3_column_int(s, 0);
		p->page = sqlite3_column_int(s, 1);
		p->text = dup(store_text(s, 2));
		p->sid = dup(store_text(s, 3));
		p->snum = dup(store_text(s, 4));
		p->stitle = dup(store_text(s, 5));
		if (p->text == NULL ||
		    (p->fold = fold(p->text, strlen(p->text))) == NULL)
			rc = -1;
		else
			fp_of_fold(p->fold, p->fp);
	}
	sqlite3_finalize(s);
	return rc;
}

/* The paragraph with ordinal ord, or NULL. */
static struct apara *
para_at(struct adoc *d, int ord)
{
	size_t	lo = 0, hi = d->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (d->p[mid].ord == ord)
			return &d->p[mid];
		if (d->p[mid].ord < ord)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- re-anchoring ---- */

enum found { LOST, BY_FP, BY_QUOTE, BY_WORDS };

/* The part of a bookmark's quote in its first (last: 0) or last (1)
 * paragraph, malloc'd; paragraphs are joined by a blank line. */
static char *
quote_part(const struct anchor *a, int last)
{
	const char	*quote = a->quote, *s, *e;

	if (a->first == a->last)
		return strdup(quote);
	if (!last) {
		e = strstr(quote, "\n\n");
		return strndup(quote, e ? (size_t)(e - quote) : strlen(quote));
	}
	for (s = quote; (e = strstr(s, "\n\n")) != NULL; s = e + 2)
		;
	return strdup(s);
}

/* Finds where the first paragraph of a bookmark is now. */
static enum found
find_first(struct adoc *d, const struct anchor *a, struct apara **out)
{
	struct apara	*best = NULL, *p;
	char		*part, *f, *wbuf, **w;
	size_t		 i, nw;
	double		 score, top = 0;

#define NEARER(p) (best == NULL || \
	abs((p)->ord - a->first) < abs(best->ord - a->first))
	for (i = 0; i < d->n; i++)
		if (strcmp(d->p[i].fp, a->fp) == 0 && NEARER(&d->p[i]))
			best = &d->p[i];
	if ((*out = best) != NULL)
		return BY_FP;

	if ((part = quote_part(a, 0)) == NULL)
		return LOST;
	f = fold(part, strlen(part));
	free(part);
	if (f != NULL && strlen(f) >= MIN_QUOTE)
		for (i = 0; i < d->n; i++)
			if (strstr(d->p[i].fold, f) != NULL && NEARER(&d->p[i]))
				best = &d->p[i];
	free(f);
	if ((*out = best) != NULL)
		return BY_QUOTE;

	if ((f = fold(a->text, strlen(a->text))) == NULL)
		return LOST;
	if (words_of(f, &wbuf, &w, &nw) == -1) {
		free(f);
		free(wbuf);
		return LOST;
	}
	free(f);
	for (i = 0; i < d->n; i++) {
		p = &d->p[i];
		if (p->wbuf == NULL &&
		    words_of(p->fold, &p->wbuf, &p->words, &p->nwords) == -1)
			continue;
		score = dice(w, nw, p->words, p->nwords);
		if (score >= MIN_SIMILAR &&
		    (score > top || (score == top && NEARER(p)))) {
			top = score;
			best = p;
		}
	}
#undef NEARER
	free(wbuf);
	free(w);
	return (*out = best) != NULL ? BY_WORDS : LOST;
}

/* Where a bookmark is now: its paragraphs and character range. */
struct place {
	struct apara	*first, *last;
	int		 start, end;
};

static int
place(struct adoc *d, const struct anchor *a, struct place *pl)
{
	enum found	 how;
	struct apara	*p;
	char		*part;
	size_t		 i;
	int		 span = a->last - a->first, at, lastfound = 0;

	if ((how = find_first(d, a, &pl->first)) == LOST)
		return 0;
	pl->last = pl->first;
	if (span > 0) {
		pl->last = NULL;
		for (i = 0; i < d->n; i++) {
			p = &d->p[i];
			if (p->ord > pl->first->ord && strcmp(p->fp, a->lastfp) == 0 &&
			    (pl->last == NULL || abs(p->ord - pl->first->ord - span) <
			    abs(pl->last->ord - pl->first->ord - span)))
				pl->last = p;
		}
		lastfound = pl->last != NULL;
		if (pl->last == NULL &&
		    (pl->last = para_at(d, pl->first->ord + span)) == NULL)
			pl->last = &d->p[d->n - 1];
	}
	pl->start = a->start;
	pl->end = a->end;
	if (a->start >= 0 && strcmp(pl->first->text, a->text) != 0) {
		/* the text moved: where the quote's start stands now */
		if ((part = quote_part(a, 0)) == NULL)
			return -1;
		if ((at = find_near(pl->first->text, part, a->start)) >= 0) {
			pl->start = at;
			if (span == 0)
				pl->end = at + u8_chars(part);
		}
		free(part);
	}
	if (span > 0 && !lastfound && a->end >= 0) {
		if ((part = quote_part(a, 1)) == NULL)
			return -1;
		if ((at = find_near(pl->last->text, part, 0)) >= 0)
			pl->end = at + u8_chars(part);
		free(part);
	}
	/* else what fits of the old range */
	canon_range(span == 0, u8_chars(pl->first->text),
	    u8_chars(pl->last->text), &pl->start, &pl->end);
	return 1;
}

static void
anchor_free(struct anchor *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].quote);
	}
	free(v);
}

static void
bind_range(sqlite3_stmt *s, int i, int v)
{
	if (v < 0)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int(s, i, v);
}

static void
bind_str(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static int
step_done(sqlite3_stmt *s)
{
	int	rc = sqlite3_step(s);

	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Re-anchors every bookmark of doc, deleted ones too, against d and
 * records its generation; inside a transaction. */
static int
reanchor(struct store *st, const char *doc, struct adoc *d)
{
	sqlite3_stmt	*s, *up = NULL, *lost = NULL;
	struct anchor	*v = NULL, *nv;
	struct place	 pl;
	size_t		 n = 0, i;
	int		 rc = 0, r;

	if ((s = store_prep(st, "SELECT id, paragraph, last_paragraph,"
	    " coalesce(start, -1), coalesce(end, -1), fingerprint,"
	    " last_fingerprint, text, quote FROM user.mark WHERE doc = ?"))
	    == NULL)
		return -1;
	sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
	while (rc == 0 && sqlite3_step(s) == SQLITE_ROW) {
		if ((nv = realloc(v, (n + 1) * sizeof *v)) == NULL) {
			rc = -1;
			break;
		}
		v = nv;
		memset(&v[n], 0, sizeof v[n]);
		v[n].id = sqlite3_column_int64(s, 0);
		v[n].first = sqlite3_column_int(s, 1);
		v[n].last = sqlite3_column_int(s, 2);
		v[n].start = sqlite3_column_int(s, 3);
		v[n].end = sqlite3_column_int(s, 4);
		snprintf(v[n].fp, FP_LEN, "%s", store_text(s, 5));
		snprintf(v[n].lastfp, FP_LEN, "%s", store_text(s, 6));
		v[n].text = dup(store_text(s, 7));
		v[n].quote = dup(store_text(s, 8));
		n++;
		if (v[n - 1].text == NULL || v[n - 1].quote == NULL)
			rc = -1;
	}
	sqlite3_finalize(s);
	/* the document's text is read and folded only when it has bookmarks
	 * to find again: most documents have none */
	if (rc == 0 && n > 0 && doc_paras(st, doc, d) == -1)
		rc = -1;
	up = store_prep(st, "UPDATE user.mark SET paragraph = ?2,"
	    " last_paragraph = ?3, start = ?4, end = ?5, fingerprint = ?6,"
	    " last_fingerprint = ?7, text = ?8, page = ?9, last_page = ?10,"
	    " section = ?11, section_number = ?12, section_title = ?13,"
	    " orphaned = 0 WHERE id = ?1");
	lost = store_prep(st, "UPDATE user.mark SET orphaned = 1 WHERE id = ?");
	if (up == NULL || lost == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++) {
		memset(&pl, 0, sizeof pl);
		if ((r = d->n > 0 ? place(d, &v[i], &pl) : 0) == -1) {
			rc = -1;
			break;
		}
		if (r == 0) {
			sqlite3_bind_int64(lost, 1, v[i].id);
			rc = step_done(lost);
			continue;
		}
		sqlite3_bind_int64(up, 1, v[i].id);
		sqlite3_bind_int(up, 2, pl.first->ord);
		sqlite3_bind_int(up, 3, pl.last->ord);
		bind_range(up, 4, pl.start);
		bind_range(up, 5, pl.end);
		sqlite3_bind_text(up, 6, pl.first->fp, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 7, pl.last->fp, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 8, pl.first->text, -1, SQLITE_STATIC);
		bind_range(up, 9, pl.first->page > 0 ? pl.first->page : -1);
		bind_range(up, 10, pl.last->page > 0 ? pl.last->page : -1);
		bind_str(up, 11, pl.first->sid);
		bind_str(up, 12, pl.first->snum);
		bind_str(up, 13, pl.first->stitle);
		rc = step_done(up);
	}
	sqlite3_finalize(up);
	sqlite3_finalize(lost);
	anchor_free(v, n);
	if (rc == 0) {
		if ((s = store_prep(st, "INSERT OR REPLACE INTO user.mark_doc(doc,"
		    " generation, title, kamerstuk) VALUES (?, ?, ?, ?)")) == NULL)
			return -1;
		sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
		bind_str(s, 2, d->gen);
		bind_str(s, 3, d->title);
		bind_str(s, 4, d->kamerstuk);
		rc = step_done(s);
		sqlite3_finalize(s);
	}
	return rc;
}

/* Brings the bookmarks of one document up to date with the index. */
static int
anchor_doc(struct store *st, const char *doc, char *err, size_t errlen)
{
	struct adoc	d;
	sqlite3_stmt	*s;
	int		rc;

	/* a document without bookmarks has none to bring up to date: no
	 * write for every paper the browser opens the first time (a write
	 * may wait for a checkpoint's sync) */
	if ((s = store_cached(st, "SELECT 1 FROM user.mark WHERE doc = ?1"
	    " LIMIT 1")) == NULL)
		return db_err(st, err, errlen);
	sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_err(st, err, errlen);
	if ((rc = doc_state(st, doc, &d)) <= 0) {
		adoc_free(&d);
		return rc == -1 ? db_err(st, err, errlen) : 0;
	}
	adoc_free(&d);
	if (begin(st, err, errlen) == -1)
		return -1;
	/* again, now that nobody else writes */
	if ((rc = doc_state(st, doc, &d)) == 1)
		rc = reanchor(st, doc, &d);
	if (rc == -1)
		db_err(st, err, errlen);
	adoc_free(&d);
	return finish(st, rc == -1 ? -1 : 0, err, errlen);
}

int
store_bookmarks_anchor(struct store *st, const char *doc, char *err,
    size_t errlen)
{
	sqlite3_stmt	*s;
	char		**docs = NULL, **nd;
	size_t		 n = 0, i;
	int		 rc = 0;

	if (store_user_init(st) == -1)
		return db_err(st, err, errlen);
	if (doc != NULL)
		return anchor_doc(st, doc, err, errlen);
	if ((s = store_prep(st, "SELECT DISTINCT doc FROM user.mark")) == NULL)
		return db_err(st, err, errlen);
	while (rc == 0 && sqlite3_step(s) == SQLITE_ROW) {
		if ((nd = realloc(docs, (n + 1) * sizeof *docs)) == NULL ||
		    (nd[n] = strdup(store_text(s, 0))) == NULL) {
			docs = nd ? nd : docs;
			set_err(err, errlen, "out of memory");
			rc = -1;
			break;
		}
		docs = nd;
		n++;
	}
	sqlite3_finalize(s);
	for (i = 0; i < n; i++) {
		if (rc == 0)
			rc = anchor_doc(st, docs[i], err, errlen);
		free(docs[i]);
	}
	free(docs);
	return rc;
}

/* ---- writing ---- */

/* A tag must say something and fit on a line. */
static int
tag_ok(const char *t)
{
	const unsigned char	*s = (const unsigned char *)t;

	if (*s == '\0' || *s == ' ')
		return 0;
	for (; *s; s++)
		if (*s < 0x20 || *s == 0x7f)
			return 0;
	return s[-1] != ' ';
}

/* The quote of paragraphs first..last (adjacent in the array), from
 * character start of the first to end of the last (-1: whole). */
static char *
quote_of(struct apara *first, struct apara *last, int start, int end)
{
	struct apara	*p;
	size_t		 from, to, len = 0;
	char		*q = NULL, *nq;

	for (p = first; p <= last; p++) {
		from = p == first && start >= 0 ? u8_byte(p->text, start) : 0;
		to = p == last && end >= 0 ? u8_byte(p->text, end) :
		    strlen(p->text);
		if ((nq = realloc(q, len + to - from + 3)) == NULL) {
			free(q);
			return NULL;
		}
		q = nq;
		if (p != first) {
			memcpy(q + len, "\n\n", 2);
			len += 2;
		}
		memcpy(q + len, p->text + from, to - from);
		len += to - from;
		q[len] = '\0';
	}
	return q;
}

/* Checks a new bookmark against the paragraphs of its document; fills in
 * its anchor and quote. */
static int
new_anchor(struct store *st, const struct bookmark_new *b, struct adoc *d,
    struct anchor *a, char *err, size_t errlen)
{
	struct apara	*first, *last;
	int		 flen, llen, i, bad;

	if (d->n == 0 && doc_paras(st, b->doc, d) == -1)
		return db_err(st, err, errlen);
	a->first = b->first;
	a->last = b->last > 0 ? b->last : b->first;
	first = para_at(d, a->first);
	last = para_at(d, a->last);
	if (first == NULL || last == NULL) {
		snprintf(err, errlen, "no paragraph %d in %s (it has 1 to %d)",
		    first == NULL ? a->first : a->last, b->doc,
		    d->n ? d->p[d->n - 1].ord : 0);
		return -1;
	}
	if (last < first) {
		snprintf(err, errlen, "paragraph %d comes before %d", a->last,
		    a->first);
		return -1;
	}
	flen = u8_chars(first->text);
	llen = u8_chars(last->text);
	a->start = b->start;
	a->end = b->end;
	bad = a->start < -1 || a->start >= flen || a->end < -1 ||
	    a->end == 0 || a->end > llen;
	if (first == last && a->start >= 0 && a->end >= 0 && a->start >= a->end)
		bad = 1;
	if (bad) {
		snprintf(err, errlen, "characters %d-%d are not in paragraph %d"
		    " (%d characters)", a->start, a->end, a->first, flen);
		return -1;
	}
	for (i = 0; i < b->ntags; i++)
		if (!tag_ok(b->tags[i])) {
			snprintf(err, errlen, "not a tag: \"%s\"", b->tags[i]);
			return -1;
		}
	canon_range(first == last, flen, llen, &a->start, &a->end);
	if ((a->quote = quote_of(first, last, a->start, a->end)) == NULL ||
	    (a->text = strdup(first->text)) == NULL) {
		set_err(err, errlen, "out of memory");
		return -1;
	}
	snprintf(a->fp, FP_LEN, "%s", first->fp);
	snprintf(a->lastfp, FP_LEN, "%s", last->fp);
	return 0;
}

static int
insert_mark(struct store *st, const struct bookmark_new *b, struct adoc *d,
    const struct anchor *a, int64_t *id)
{
	struct apara	*first = para_at(d, a->first), *last = para_at(d, a->last);
	sqlite3_stmt	*s;
	int		 rc, i;

	s = store_prep(st, "INSERT INTO user.mark(doc, paragraph,"
	    " last_paragraph, start, end, fingerprint, last_fingerprint,"
	    " text, quote, note, page, last_page, section, section_number,"
	    " section_title, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
	    " ?, ?, ?, ?, ?, ?, " NOW ")");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, b->doc, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, a->first);
	sqlite3_bind_int(s, 3, a->last);
	bind_range(s, 4, a->start);
	bind_range(s, 5, a->end);
	sqlite3_bind_text(s, 6, a->fp, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, a->lastfp, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, a->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, a->quote, -1, SQLITE_STATIC);
	bind_str(s, 10, b->note && *b->note ? b->note : NULL);
	bind_range(s, 11, first->page > 0 ? first->page : -1);
	bind_range(s, 12, last->page > 0 ? last->page : -1);
	bind_str(s, 13, first->sid);
	bind_str(s, 14, first->snum);
	bind_str(s, 15, first->stitle);
	rc = step_done(s);
	sqlite3_finalize(s);
	if (rc == -1)
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	if ((s = store_prep(st, "INSERT OR IGNORE INTO user.mark_tag(mark, tag)"
	    " VALUES (?, ?)")) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < b->ntags; i++) {
		sqlite3_bind_int64(s, 1, *id);
		sqlite3_bind_text(s, 2, b->tags[i], -1, SQLITE_STATIC);
		rc = step_done(s);
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_bookmark_add(struct store *st, const struct bookmark_new *b,
    int64_t *id, char *err, size_t errlen)
{
	struct adoc	 d;
	struct anchor	 a;
	int		 rc;

	memset(&a, 0, sizeof a);
	if (store_user_init(st) == -1)
		return db_err(st, err, errlen);
	if (begin(st, err, errlen) == -1)
		return -1;
	/* the document's other bookmarks first, so that the generation
	 * recorded holds for all of them */
	switch (doc_state(st, b->doc, &d)) {
	case -1:
		rc = db_err(st, err, errlen);
		break;
	case 1:
		rc = reanchor(st, b->doc, &d) == -1 ? db_err(st, err, errlen) : 0;
		break;
	default:
		rc = 0;
		if (d.gen == NULL) {
			snprintf(err, errlen, "%s: no such document in the index",
			    b->doc);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = new_anchor(st, b, &d, &a, err, errlen);
	if (rc == 0 && insert_mark(st, b, &d, &a, id) == -1)
		rc = db_err(st, err, errlen);
	free(a.text);
	free(a.quote);
	adoc_free(&d);
	return finish(st, rc, err, errlen);
}

/* Runs an UPDATE of one bookmark by id; -1 when it changed no row. */
static int
update_one(struct store *st, const char *sql, int64_t id, const char *text,
    char *err, size_t errlen)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (store_user_init(st) == -1 || (s = store_prep(st, sql)) == NULL)
		return db_err(st, err, errlen);
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_bind_parameter_count(s) > 1)
		bind_str(s, 2, text && *text ? text : NULL);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_err(st, err, errlen);
	if (sqlite3_changes(st->db) == 0) {
		snprintf(err, errlen, "no bookmark %lld", (long long)id);
		return -1;
	}
	return 0;
}

int
store_bookmark_delete(struct store *st, int64_t id, char *err, size_t errlen)
{
	return update_one(st, "UPDATE user.mark SET deleted = " NOW
	    " WHERE id = ? AND deleted IS NULL", id, NULL, err, errlen);
}

int
store_bookmark_restore(struct store *st, int64_t id, char *err,
    size_t errlen)
{
	if (update_one(st, "UPDATE user.mark SET deleted = NULL"
	    " WHERE id = ? AND deleted IS NOT NULL", id, NULL, err, errlen) == -1) {
		if (strncmp(err, "no bookmark", 11) == 0)
			snprintf(err, errlen, "no deleted bookmark %lld",
			    (long long)id);
		return -1;
	}
	return 0;
}

int
store_bookmark_note(struct store *st, int64_t id, const char *note,
    char *err, size_t errlen)
{
	return update_one(st, "UPDATE user.mark SET note = ?2"
	    " WHERE id = ?1 AND deleted IS NULL", id, note, err, errlen);
}

/* ---- reading ---- */

#define MARK_COLS "m.id, m.doc, md.title, md.kamerstuk, m.paragraph," \
	" m.last_paragraph, coalesce(m.start, -1), coalesce(m.end, -1)," \
	" coalesce(m.page, 0), coalesce(m.last_page, 0), m.section," \
	" m.section_number, m.section_title, m.quote, m.note," \
	" (SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM" \
	"  user.mark_tag WHERE mark = m.id ORDER BY rowid))," \
	" m.created, m.orphaned, m.deleted IS NOT NULL" \
	" FROM user.mark m LEFT JOIN user.mark_doc md ON md.doc = m.doc"

static int
mark_rows(sqlite3_stmt *s, bookmark_fn fn, void *arg)
{
	struct bookmark_row	 r;
	const char		**tags;
	const char		*v;
	char			*tbuf, *t;
	int			 rc = SQLITE_DONE, stop = 0;

	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.doc = store_text(s, 1);
		r.title = store_text(s, 2);
		r.kamerstuk = store_text(s, 3);
		r.orphaned = sqlite3_column_int(s, 17);
		r.deleted = sqlite3_column_int(s, 18);
		r.start = sqlite3_column_int(s, 6);
		r.end = sqlite3_column_int(s, 7);
		if (!r.orphaned) {
			r.paragraph = sqlite3_column_int(s, 4);
			r.last_paragraph = sqlite3_column_int(s, 5);
			r.page = sqlite3_column_int(s, 8);
			r.last_page = sqlite3_column_int(s, 9);
			r.section = store_text(s, 10);
			r.section_number = store_text(s, 11);
			r.section_title = store_text(s, 12);
		}
		r.quote = store_text(s, 13);
		r.note = store_text(s, 14);
		r.created = store_text(s, 16);
		/* the tags, one a line */
		v = store_text(s, 15);
		tbuf = dup(v ? v : "");
		tags = calloc(tbuf ? strlen(tbuf) / 2 + 1 : 1, sizeof *tags);
		if (tbuf == NULL || tags == NULL) {
			free(tbuf);
			free(tags);
			rc = SQLITE_NOMEM;
			break;
		}
		for (t = tbuf; t != NULL && *t; ) {
			tags[r.ntags++] = t;
			if ((t = strchr(t, '\n')) != NULL)
				*t++ = '\0';
		}
		r.tags = tags;
		stop = fn(&r, arg) != 0;
		free(tags);
		free(tbuf);
	}
	return stop || rc == SQLITE_DONE ? 0 : -1;
}

int
store_bookmarks(struct store *st, const char *doc, const char *const *tags,
    int ntags, bookmark_fn fn, void *arg)
{
	sqlite3_stmt	*s;
	char		 sql[4096], err[256];
	size_t		 used;
	int		 i, rc;

	/* a failure to re-anchor (a read-only user.db) still lists them */
	store_bookmarks_anchor(st, doc, err, sizeof err);
	if (doc != NULL && ntags == 0) {
		/* a document's, at every paper opened: kept prepared */
		if ((s = store_cached(st, "SELECT " MARK_COLS " WHERE"
		    " m.deleted IS NULL AND m.doc = ?1"
		    " ORDER BY m.doc, m.orphaned, m.paragraph, m.id")) == NULL)
			return -1;
		sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
		rc = mark_rows(s, fn, arg);
		sqlite3_reset(s);
		return rc;
	}
	used = (size_t)snprintf(sql, sizeof sql, "SELECT " MARK_COLS
	    " WHERE m.deleted IS NULL AND (?1 IS NULL OR m.doc = ?1)");
	for (i = 0; i < ntags && used < sizeof sql; i++)
		used += (size_t)snprintf(sql + used, sizeof sql - used,
		    " AND EXISTS (SELECT 1 FROM user.mark_tag t"
		    " WHERE t.mark = m.id AND t.tag = ?%d)", i + 2);
	if (used < sizeof sql)
		snprintf(sql + used, sizeof sql - used,
		    " ORDER BY m.doc, m.orphaned, m.paragraph, m.id");
	if (used >= sizeof sql || (s = store_prep(st, sql)) == NULL)
		return -1;
	bind_str(s, 1, doc);
	for (i = 0; i < ntags; i++)
		sqlite3_bind_text(s, i + 2, tags[i], -1, SQLITE_STATIC);
	rc = mark_rows(s, fn, arg);
	sqlite3_finalize(s);
	return rc;
}

struct forward {
	bookmark_fn	 fn;
	void		*arg;
	int		 n;
};

static int
forward(const struct bookmark_row *r, void *arg)
{
	struct forward	*f = arg;

	f->n++;
	return f->fn(r, f->arg);
}

int
store_bookmark_get(struct store *st, int64_t id, bookmark_fn fn, void *arg)
{
	struct forward	 f = { fn, arg, 0 };
	sqlite3_stmt	*s;
	int		 rc;

	if (store_user_init(st) == -1 || (s = store_prep(st, "SELECT "
	    MARK_COLS " WHERE m.id = ?")) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = mark_rows(s, forward, &f);
	sqlite3_finalize(s);
	if (rc == -1 || f.n == 0)
		return -1;
	return 0;
}

int
store_bookmark_counts(struct store *st, const char *doc,
    bookmark_count_fn fn, void *arg)
{
	sqlite3_stmt	*s;
	char		 err[256];
	int		 rc;

	store_bookmarks_anchor(st, doc, err, sizeof err);
	/* at every build of the browser's tree: kept prepared */
	if ((s = store_cached(st, "SELECT section, count(*) FROM user.mark"
	    " WHERE doc = ? AND deleted IS NULL AND orphaned = 0"
	    " GROUP BY section ORDER BY min(paragraph)")) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(store_text(s, 0), sqlite3_column_int(s, 1), arg) != 0)
			break;
	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}
