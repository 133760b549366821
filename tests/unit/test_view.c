/* test_view.c: the browser's reads a piece at a time (store_view.c,
 * store_doccites.c) give what one read gives, at any piece size: a
 * paper's sections with their last paragraphs, and its citations in
 * reading order with their paragraphs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "buf.h"
#include "load.h"
#include "store.h"
#include "store_int.h"
#include "store_xref.h"

#define NSECS	23

/* A row of either, as text: what the test compares. */
struct rows {
	struct buf	b;
	int		n;
};

static int
sec_row(const struct section_row *r, void *arg)
{
	struct rows	*v = arg;

	buf_addf(&v->b, "%lld %s %s %s %s %d %d %d %d\n", (long long)r->rowid,
	    r->id, r->number, r->title, r->parent ? r->parent : "-", r->level,
	    r->page, r->first, r->last);
	v->n++;
	return 0;
}

static int
cite_row(const struct xref_cite *r, void *arg)
{
	struct rows	*v = arg;

	buf_addf(&v->b, "%s %s %s %d %d %d %d %d %d %s %d\n", r->kind, r->id,
	    r->display ? r->display : "-", r->paragraph, r->note, r->page,
	    r->pin, r->start, r->end, r->target ? r->target : "-", r->ntargets);
	v->n++;
	return 0;
}

static int
put(struct store *st, const char *name, const char *side, const char *text)
{
	struct loaded		l;
	struct put_result	r;
	char			err[256] = "", *sd;
	int			rc;

	if ((sd = strdup(side)) == NULL)
		return -1;
	memset(&l, 0, sizeof l);
	rc = load_parse(name, (const unsigned char *)text, strlen(text), sd,
	    NULL, &l, err, sizeof err);
	if (rc == 0)
		rc = store_put(st, name, &l, &r, err, sizeof err);
	if (rc == 0)
		rc = store_put_commit(st, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "put: %s\n", err);
	load_free(&l);
	return rc;
}

/* The sections of doc read in pieces of n (0: store_view_sections). */
static void
sections(struct store *st, int64_t doc, int n, struct rows *v)
{
	struct view_secs	*s;
	int			 rc, steps = 0;

	memset(v, 0, sizeof *v);
	if (n == 0) {
		T_EQ_INT(store_view_sections(st, doc, sec_row, v), 0);
		return;
	}
	T_OK((s = store_view_sections_begin(st, doc)) != NULL);
	while (s != NULL && (rc = store_view_sections_step(s, n, sec_row, v)) == 1)
		steps++;
	T_EQ_INT(rc, 0);
	T_OK(steps >= NSECS / n);
	store_view_sections_end(s);
}

/* SQL on st's connection, as a later load would change the index. */
static int
store_exec_test(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static void
cites(struct store *st, int64_t doc, int n, struct rows *v)
{
	struct xref_docc	*d;
	int			 rc, steps = 0;

	memset(v, 0, sizeof *v);
	T_OK((d = store_xref_doc_cites_begin(st, doc)) != NULL);
	while (d != NULL &&
	    (rc = store_xref_doc_cites_step(d, n, cite_row, v)) == 1)
		steps++;
	T_EQ_INT(rc, 0);
	store_xref_doc_cites_end(d);
}

/* The citations read in pieces of 1 to 3 come as whole has them. */
static void
cites_as_whole(struct store *st, int64_t doc, const struct rows *whole)
{
	struct rows	part;
	int		n;

	for (n = 1; n <= 3; n++) {
		cites(st, doc, n, &part);
		T_EQ_INT(part.n, whole->n);
		T_EQ_STR(part.b.s ? part.b.s : "", whole->b.s ? whole->b.s : "");
		buf_free(&part.b);
	}
}

void
test_view_pieces(void)
{
	struct store	*st = NULL;
	struct rows	 whole, part;
	struct buf	 t = { 0 };
	char		 home[] = "/tmp/lk-view-XXXXXX", err[256], cmd[64];
	int64_t		 doc = 0;
	int		 i, n;

	if (mkdtemp(home) == NULL) {
		T_OK(0);
		return;
	}
	/* numbered chapters with paragraphs under them, some citing a
	 * paper in the store, some one that is not */
	buf_addf(&t, "Inleiding \n\nDe inleiding van deze brief. \n\n");
	for (i = 1; i <= NSECS - 1; i++) {
		buf_addf(&t, "%d. Hoofdstuk nummer %d \n\n", i, i);
		buf_addf(&t, "Over dit onderwerp schreef ik eerder (Kamerstuk"
		    " 36 045, nr. %d). \n\n", i);
		if (i % 3 == 0)
			buf_addf(&t, "Zie ook de brief van vorig jaar (Kamerstuk"
			    " 36 046, nr. 1) en Kamerstuk 21 501-20, nr. %d."
			    " \n\n", i);
	}
	T_EQ_INT(store_open(home, &st, err, sizeof err), 0);
	if (st == NULL)
		return;
	T_EQ_INT(put(st, "kst-36046-1.txt", "id: kst-36046-1\ntitle: Eerder\n",
	    "Een eerdere brief. \n"), 0);
	T_EQ_INT(put(st, "view.txt", "id: testbrief-view\ntitle: Stukken\n",
	    t.s), 0);
	T_EQ_INT(store_doc_find(st, "testbrief-view", &doc, err, sizeof err), 0);

	sections(st, doc, 0, &whole);
	T_EQ_INT(whole.n, NSECS);
	for (n = 1; n <= 4; n++) {
		sections(st, doc, n, &part);
		T_EQ_INT(part.n, whole.n);
		T_EQ_STR(part.b.s ? part.b.s : "", whole.b.s ? whole.b.s : "");
		buf_free(&part.b);
	}
	buf_free(&whole.b);

	T_EQ_INT(store_xref_doc_cites(st, doc, cite_row,
	    (memset(&whole, 0, sizeof whole), &whole)), 0);
	T_EQ_INT(whole.n, NSECS - 1 + 2 * ((NSECS - 1) / 3));
	/* the paper in the store is a citation's target */
	T_OK(whole.b.s != NULL && strstr(whole.b.s, "kst-36046-1 1\n") != NULL);
	cites_as_whole(st, doc, &whole);
	/* rowids against reading order (a paper changed by later loads):
	 * the rows read one by one come in the same order */
	T_OK(store_exec_test(st, "UPDATE cite SET id = 1000000 - id") == 0);
	cites_as_whole(st, doc, &whole);
	buf_free(&whole.b);
	buf_free(&t);
	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf %s", home);
	T_EQ_INT(system(cmd), 0);
}
