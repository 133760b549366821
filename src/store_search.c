/* store_search.c: full-text search over the FTS5 index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cite.h"
#include "store.h"
#include "store_int.h"

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

int
store_search(struct store *st, const char *query, int limit, int64_t doc,
    hit_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt	*s = NULL, *p = NULL;
	struct hit_row	 r;
	struct filters	 f;
	int64_t		 sec;
	char		 id[128], why[1024];
	int		 rc = SQLITE_ERROR, lo = 0, hi = 0x7fffffff;

	if (limit <= 0)
		limit = 20;
	if (filters_parse(query, &f) == -1) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (f.doc[0] != '\0' && store_doc_find(st, f.doc, &doc, why,
	    sizeof why) == -1) {
		snprintf(err, errlen, "doc:%s: %s", f.doc, why);
		goto done;
	}
	if (f.section[0] != '\0') {
		if (doc == 0) {
			snprintf(err, errlen, "section: needs doc: too");
			goto done;
		}
		if (store_section_find(st, doc, f.section, &sec, why,
		    sizeof why) == -1 || section_span(st, sec, &lo, &hi) == -1) {
			snprintf(err, errlen, "section:%s: %s", f.section, why);
			goto done;
		}
	}
	if (f.text[0] == '\0') {
		snprintf(err, errlen, "nothing to search for in \"%s\"", query);
		goto done;
	}
	if (doc == 0 && f.year[0] == '\0' &&
	    cite_parse_id(f.text, id, sizeof id) == 0 && strncmp(id, "kst-", 4) == 0) {
		rc = search_citation(st, id, limit, fn, arg) == 0 ? SQLITE_DONE :
		    SQLITE_ERROR;
		goto done;
	}

	s = store_prep(st, "SELECT rowid, snippet(fts, -1, char(1), char(2),"
	    " '\xe2\x80\xa6', 16), bm25(fts, 4.0, 1.0) AS score FROM fts"
	    " WHERE fts MATCH ?1"
	    " AND (?3 = 0 OR rowid IN"
	    " (SELECT id * 4 FROM para WHERE doc = ?3 AND ord BETWEEN ?4 AND ?5"
	    "  UNION ALL SELECT n.id * 4 + 2 FROM note n LEFT JOIN para q"
	    "  ON q.id = n.para WHERE n.doc = ?3 AND (?4 = 0 OR q.ord BETWEEN ?4 AND ?5)"
	    "  UNION ALL SELECT ?3 * 4 + 3 WHERE ?4 = 0))"
	    " AND (?6 IS NULL OR rowid IN"
	    " (SELECT p.id * 4 FROM para p JOIN doc d ON d.id = p.doc"
	    "  WHERE d.date LIKE ?6 || '%'"
	    "  UNION ALL SELECT n.id * 4 + 2 FROM note n JOIN doc d ON d.id = n.doc"
	    "  WHERE d.date LIKE ?6 || '%'"
	    "  UNION ALL SELECT id * 4 + 3 FROM doc WHERE date LIKE ?6 || '%'))"
	    " ORDER BY score, rowid LIMIT ?2");
	p = store_prep(st, "SELECT d.key, s.sid, d.title, x.ord, coalesce(x.page, 0)"
	    " FROM (SELECT doc, section, ord, page FROM para WHERE ?1 % 4 = 0"
	    "  AND id = ?1 / 4"
	    " UNION ALL SELECT n.doc, q.section, q.ord, n.page FROM note n"
	    "  LEFT JOIN para q ON q.id = n.para WHERE ?1 % 4 = 2 AND n.id = ?1 / 4"
	    " UNION ALL SELECT id, NULL, NULL, NULL FROM doc WHERE ?1 % 4 = 3"
	    "  AND id = ?1 / 4) x JOIN doc d ON d.id = x.doc"
	    " LEFT JOIN section s ON s.id = x.section");
	if (s == NULL || p == NULL) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
		goto done;
	}
	sqlite3_bind_text(s, 1, f.text, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, limit);
	sqlite3_bind_int64(s, 3, doc);
	sqlite3_bind_int(s, 4, f.section[0] ? lo : 0);
	sqlite3_bind_int(s, 5, hi);
	if (f.year[0] != '\0')
		sqlite3_bind_text(s, 6, f.year, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char	*snip;
		int	*hits;

		sqlite3_reset(p);
		sqlite3_bind_int64(p, 1, sqlite3_column_int64(s, 0));
		if (sqlite3_step(p) != SQLITE_ROW)
			continue;
		if (snippet_hits(store_text(s, 1) ? store_text(s, 1) : "", &snip,
		    &hits, &r.nhits) == -1)
			break;
		r.doc = store_text(p, 0);
		r.section = store_text(p, 1);
		r.title = store_text(p, 2);
		r.paragraph = sqlite3_column_int(p, 3);
		r.page = sqlite3_column_int(p, 4);
		r.snippet = snip;
		r.hits = hits;
		r.rank = sqlite3_column_double(s, 2);
		rc = fn(&r, arg);
		free(snip);
		free(hits);
		if (rc != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	/* FTS5's own words ("fts5: syntax error near …") mean nothing to a
	 * reader: say what to check instead */
	if (rc != SQLITE_DONE)
		snprintf(err, errlen, "cannot search for \"%s\": the query is not"
		    " understood (check quotes, brackets, * after a word, and"
		    " AND, OR, NOT, NEAR between words)", query);
done:
	sqlite3_finalize(s);
	sqlite3_finalize(p);
	free(f.text);
	return rc == SQLITE_DONE ? 0 : -1;
}
