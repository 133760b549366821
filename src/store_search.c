/* store_search.c: full-text search over the FTS5 index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

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

int
store_search(struct store *st, const char *query, int limit, int64_t doc,
    hit_fn fn, void *arg, char *err, size_t errlen)
{
	sqlite3_stmt	*s, *p;
	struct hit_row	 r;
	int		 rc;

	s = store_prep(st, "SELECT rowid, snippet(fts, -1, char(1), char(2),"
	    " '\xe2\x80\xa6', 16), bm25(fts, 4.0, 1.0) AS score FROM fts"
	    " WHERE fts MATCH ?1 AND (?3 = 0 OR rowid IN"
	    " (SELECT id * 4 FROM para WHERE doc = ?3 UNION ALL"
	    "  SELECT id * 4 + 2 FROM note WHERE doc = ?3 UNION ALL SELECT ?3 * 4 + 3))"
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
		sqlite3_finalize(s);
		sqlite3_finalize(p);
		return -1;
	}
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, limit > 0 ? limit : 20);
	sqlite3_bind_int64(s, 3, doc);
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
	sqlite3_finalize(s);
	sqlite3_finalize(p);
	return rc == SQLITE_DONE ? 0 : -1;
}
