/* store_xref.c: the SQL of the citation network.
 *
 * Nothing is resolved when a paper is loaded: the cite table keeps the
 * canonical id a citation names, and every query joins it to the documents
 * through "res", the ids each document answers to: its own id, and the id
 * of its dossier ("36 045" answers "dossier-36045"). The dossier's id comes
 * from the recogniser itself (lk_dossier_id), so both sides are spelled by
 * the same code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cite.h"
#include "store_int.h"
#include "store_xref.h"

#define RES \
	"res(target, doc) AS MATERIALIZED (SELECT key, id FROM doc" \
	" UNION ALL SELECT lk_dossier_id(dossier), id FROM doc" \
	" WHERE dossier IS NOT NULL)"

/* The order of the documents an id resolves to, as doc x. */
#define FIRST "x.number IS NULL, CAST(x.number AS INTEGER), x.key"

/* One citation with its citing document and first target. */
#define CITE_SELECT \
	"SELECT d.key, d.title, c.kind, c.target, c.display, c.label," \
	" coalesce(p.ord, 0), coalesce(n.number, 0), coalesce(c.page, 0)," \
	" coalesce(c.pin, 0), coalesce(c.start, 0), coalesce(c.end, 0)," \
	" coalesce(p.text, n.text), t.key, t.title," \
	" (SELECT count(*) FROM res WHERE res.target = c.target)" \
	" FROM cite c JOIN doc d ON d.id = c.doc JOIN file f ON f.id = c.file" \
	" LEFT JOIN para p ON p.id = c.para LEFT JOIN note n ON n.id = c.note" \
	" LEFT JOIN doc t ON t.id = (SELECT r.doc FROM res r" \
	"  JOIN doc x ON x.id = r.doc WHERE r.target = c.target" \
	"  ORDER BY " FIRST " LIMIT 1)"

/* Reading order: by paragraph, a note's citations at its marker. */
#define READING \
	"p.ord IS NULL, p.ord, f.part," \
	" CASE WHEN c.note IS NULL THEN c.start ELSE n.pos END," \
	" c.note IS NOT NULL, n.number, c.start"

#define SNIPPET_CHARS 100

/* Finalizes s after its last step rc: 0 when it ended or was stopped. */
static int
done(sqlite3_stmt *s, int rc)
{
	sqlite3_finalize(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* The first words of text on one line: about SNIPPET_CHARS characters,
 * cut at a space, with an ellipsis when cut. */
static void
snippet(const char *text, char *out, size_t len)
{
	size_t	i, o = 0, chars = 0, space = 0;

	if (text == NULL) {
		out[0] = '\0';
		return;
	}
	for (i = 0; text[i] != '\0' && o + 8 < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if ((c & 0xc0) != 0x80 && chars++ == SNIPPET_CHARS)
			break;
		if (c == '\n' || c == '\t' || c == '\r')
			c = ' ';
		if (c == ' ')
			space = o;
		out[o++] = (char)c;
	}
	if (text[i] != '\0') {
		if (space > o / 2)
			o = space;
		while (o > 0 && strchr(" ,;:", out[o - 1]) != NULL)
			o--;
		memcpy(out + o, "\xe2\x80\xa6", 3);	/* … */
		o += 3;
	}
	out[o] = '\0';
}

static int
cite_rows(sqlite3_stmt *s, xref_cite_fn fn, void *arg)
{
	struct xref_cite	r;
	char			snip[SNIPPET_CHARS * 4 + 16];
	int			rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.doc = store_text(s, 0);
		r.doc_title = store_text(s, 1);
		r.kind = store_text(s, 2);
		r.id = store_text(s, 3);
		r.display = store_text(s, 4);
		r.label = store_text(s, 5);
		r.paragraph = sqlite3_column_int(s, 6);
		r.note = sqlite3_column_int(s, 7);
		r.page = sqlite3_column_int(s, 8);
		r.pin = sqlite3_column_int(s, 9);
		r.start = sqlite3_column_int(s, 10);
		r.end = sqlite3_column_int(s, 11);
		snippet(store_text(s, 12), snip, sizeof snip);
		r.snippet = snip;
		r.target = store_text(s, 13);
		r.target_title = store_text(s, 14);
		r.ntargets = sqlite3_column_int(s, 15);
		if (fn(&r, arg) != 0)
			break;
	}
	return done(s, rc);
}

int
store_xref_cites(struct store *st, int64_t doc, xref_cite_fn fn, void *arg)
{
	sqlite3_stmt	*s;

	s = store_prep(st, "WITH " RES " " CITE_SELECT " WHERE c.doc = ?1"
	    " ORDER BY " READING);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc);
	return cite_rows(s, fn, arg);
}

int
store_xref_cited_by(struct store *st, const char *id, xref_cite_fn fn,
    void *arg)
{
	sqlite3_stmt	*s;
	char		 papers[96], deeper[96];

	/* a dossier's papers: kst-36045-4, but not kst-36045-V-4 */
	s = store_prep(st, "WITH " RES " " CITE_SELECT " WHERE c.target = ?1"
	    " OR (c.target GLOB ?2 AND c.target NOT GLOB ?3)"
	    " ORDER BY d.dossier IS NULL, d.dossier, CAST(d.number AS INTEGER),"
	    " d.key, " READING);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (strncmp(id, "dossier-", 8) == 0 && strcspn(id, "*?[") == strlen(id)) {
		snprintf(papers, sizeof papers, "kst-%s-*", id + 8);
		snprintf(deeper, sizeof deeper, "kst-%s-*-*", id + 8);
		sqlite3_bind_text(s, 2, papers, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, deeper, -1, SQLITE_STATIC);
	}
	return cite_rows(s, fn, arg);
}

int
store_xref_targets(struct store *st, const char *id, xref_target_fn fn,
    void *arg)
{
	struct xref_target	 r;
	sqlite3_stmt		*s;
	int			 rc;

	s = store_prep(st, "WITH " RES " SELECT x.id, x.key, x.title FROM res r"
	    " JOIN doc x ON x.id = r.doc WHERE r.target = ?1 ORDER BY " FIRST);
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.rowid = sqlite3_column_int64(s, 0);
		r.id = store_text(s, 1);
		r.title = store_text(s, 2);
		if (fn(&r, arg) != 0)
			break;
	}
	return done(s, rc);
}

int
store_xref_refs(struct store *st, int unresolved, xref_ref_fn fn, void *arg)
{
	struct xref_ref	 r;
	sqlite3_stmt	*s;
	int		 rc;

	/* kind and display come from the first citation of each id */
	s = store_prep(st, "WITH " RES ", ids AS (SELECT c.target AS id, c.kind AS"
	    " kind, c.display AS display, count(*) AS n, count(DISTINCT c.doc)"
	    " AS papers, min(c.id) FROM cite c GROUP BY c.target),"
	    " refs AS (SELECT id, kind, display, n, papers, EXISTS (SELECT 1"
	    " FROM res WHERE res.target = ids.id) AS in_corpus FROM ids)"
	    " SELECT id, kind, display, n, papers, in_corpus FROM refs"
	    " WHERE ?1 = 0 OR in_corpus = 0 ORDER BY n DESC, id");
	if (s == NULL)
		return -1;
	sqlite3_bind_int(s, 1, unresolved != 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = store_text(s, 0);
		r.kind = store_text(s, 1);
		r.display = store_text(s, 2);
		r.count = sqlite3_column_int(s, 3);
		r.papers = sqlite3_column_int(s, 4);
		r.in_corpus = sqlite3_column_int(s, 5);
		if (fn(&r, arg) != 0)
			break;
	}
	return done(s, rc);
}

int
store_xref_nodes(struct store *st, xref_node_fn fn, void *arg)
{
	struct xref_node	 r;
	sqlite3_stmt		*s;
	int			 rc;

	s = store_prep(st, "WITH " RES " SELECT key, title, 1 FROM doc"
	    " UNION ALL SELECT c.target, min(c.display), EXISTS (SELECT 1"
	    " FROM res WHERE res.target = c.target) FROM cite c"
	    " WHERE NOT EXISTS (SELECT 1 FROM doc WHERE key = c.target)"
	    " GROUP BY c.target ORDER BY 1");
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = store_text(s, 0);
		r.title = store_text(s, 1);
		r.in_corpus = sqlite3_column_int(s, 2);
		if (fn(&r, arg) != 0)
			break;
	}
	return done(s, rc);
}

int
store_xref_edges(struct store *st, xref_edge_fn fn, void *arg)
{
	struct xref_edge	 r;
	sqlite3_stmt		*s;
	int			 rc;

	s = store_prep(st, "SELECT d.key, c.target, count(*) FROM cite c"
	    " JOIN doc d ON d.id = c.doc GROUP BY c.doc, c.target"
	    " ORDER BY d.key, c.target");
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.from = store_text(s, 0);
		r.to = store_text(s, 1);
		r.weight = sqlite3_column_int(s, 2);
		if (fn(&r, arg) != 0)
			break;
	}
	return done(s, rc);
}

/* ---- the browser's ---- */

int
store_xref_first(struct store *st, const char *id, char *key, size_t len)
{
	const struct dossier_doc	*v;
	sqlite3_stmt			*s;
	int				 rc, n = 0, nonum = 0;
	long long			 num = 0;

	/* the first document of res for one id, without building res: the
	 * document of that key (by its index), or the first paper of the
	 * dossier of that id, whichever FIRST puts first */
	s = store_cached(st, "SELECT key, number IS NULL,"
	    " CAST(number AS INTEGER) FROM doc WHERE key = ?1");
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		snprintf(key, len, "%s", store_text(s, 0));
		nonum = sqlite3_column_int(s, 1);
		num = sqlite3_column_int64(s, 2);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (strncmp(id, "dossier-", 8) == 0 &&
	    store_dossier_docs(st, id, &v, &n) == -1)
		return -1;
	if (n > 0 && (rc != SQLITE_ROW || v->nonum < nonum ||
	    (v->nonum == nonum && (v->num < num ||
	    (v->num == num && strcmp(v->key, key) < 0))))) {
		snprintf(key, len, "%s", v->key);
		return 0;
	}
	return rc == SQLITE_ROW ? 0 : 1;
}

int
store_xref_cited_by_doc(struct store *st, int64_t doc, int limit,
    xref_cite_fn fn, void *arg)
{
	struct xref_cite	 r;
	sqlite3_stmt		*s;
	char			 snip[SNIPPET_CHARS * 4 + 16];
	int			 rc;

	/* store_xref_cited_by for a document's own id, the browser's way:
	 * by the cite_target index, without the paper itself, and only
	 * what a panel shows */
	s = store_cached(st, "SELECT d.key, d.title, coalesce(p.ord, 0),"
	    " coalesce(p.text, n.text) FROM cite c JOIN doc d ON d.id = c.doc"
	    " JOIN file f ON f.id = c.file LEFT JOIN para p ON p.id = c.para"
	    " LEFT JOIN note n ON n.id = c.note"
	    " WHERE c.target = (SELECT key FROM doc WHERE id = ?1)"
	    " AND c.doc <> ?1"
	    " ORDER BY d.dossier IS NULL, d.dossier, CAST(d.number AS INTEGER),"
	    " d.key, " READING " LIMIT ?2");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int(s, 2, limit);
	memset(&r, 0, sizeof r);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.doc = store_text(s, 0);
		r.doc_title = store_text(s, 1);
		r.paragraph = sqlite3_column_int(s, 2);
		snippet(store_text(s, 3), snip, sizeof snip);
		r.snippet = snip;
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}
