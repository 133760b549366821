/* test_bookmarks.c: the bookmark API of store_user.h on a made-up paper
 * in a scratch store: add, list, counts, delete and restore, note, and
 * re-anchoring when the paper is stored again with changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "load.h"
#include "store.h"
#include "store_user.h"

#define DOC "testbrief-bm"

struct seen {
	int		 n;
	int64_t		 id[16];
	int		 para[16], last[16], start[16], end[16], orphaned[16];
	int		 deleted[16], ntags[16];
	char		 quote[16][512], note[16][64], section[16][16];
};

static int
keep(const struct bookmark_row *r, void *arg)
{
	struct seen	*s = arg;
	int		 i = s->n++;

	if (i >= 16)
		return 1;
	s->id[i] = r->id;
	s->para[i] = r->paragraph;
	s->last[i] = r->last_paragraph;
	s->start[i] = r->start;
	s->end[i] = r->end;
	s->orphaned[i] = r->orphaned;
	s->deleted[i] = r->deleted;
	s->ntags[i] = r->ntags;
	snprintf(s->quote[i], sizeof s->quote[i], "%s", r->quote);
	snprintf(s->note[i], sizeof s->note[i], "%s", r->note ? r->note : "-");
	snprintf(s->section[i], sizeof s->section[i], "%s",
	    r->section ? r->section : "-");
	return 0;
}

static int
list(struct store *st, struct seen *s)
{
	memset(s, 0, sizeof *s);
	return store_bookmarks(st, NULL, NULL, 0, keep, s);
}

/* Stores text as the paper DOC. */
static int
put(struct store *st, const char *text)
{
	struct loaded		l;
	struct put_result	r;
	char			err[256] = "", *side;
	int			rc;

	if ((side = strdup("id: " DOC "\ntitle: Testbrief\n")) == NULL)
		return -1;
	memset(&l, 0, sizeof l);
	rc = load_parse("bm.txt", (const unsigned char *)text, strlen(text),
	    side, NULL, &l, err, sizeof err);
	if (rc == 0)
		rc = store_put(st, "bm.txt", &l, &r, err, sizeof err);
	if (rc == 0)
		rc = store_put_commit(st, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "put: %s\n", err);
	load_free(&l);
	return rc;
}

struct finder {
	const char	*s;
	int		 id;
};

static int
find_fn(const struct para_row *r, void *arg)
{
	struct finder	*f = arg;

	if (f->id == 0 && strstr(r->text, f->s) != NULL)
		f->id = r->id;
	return 0;
}

/* The id of the paragraph of DOC holding s, or 0. */
static int
para_of(struct store *st, const char *s)
{
	struct finder	f = { s, 0 };
	int64_t		doc;
	char		err[256];

	if (store_doc_find(st, DOC, &doc, err, sizeof err) == -1)
		return 0;
	store_paras(st, doc, 1, 0, find_fn, &f);
	return f.id;
}

static int
count_fn(const char *section, int n, void *arg)
{
	char	*out = arg;
	size_t	 used = strlen(out);

	snprintf(out + used, 128 - used, "%s=%d ", section ? section : "-", n);
	return 0;
}

static const char paper1[] =
    "Testbrief\n\n"
    "1. Inleiding\n\n"
    "De eerste alinea gaat over fietspaden in de provincie.\n\n"
    "De tweede alinea gaat over bruggen en sluizen.\n\n"
    "2. Slot\n\n"
    "De derde alinea gaat over het weer in het voorjaar.\n\n"
    "De vierde alinea sluit de brief af met een groet.\n";

/* the same paper, with a paragraph before the others and a change of case
 * and accents in the second */
static const char paper2[] =
    "Testbrief\n\n"
    "1. Inleiding\n\n"
    "Een nieuwe alinea vooraf over iets heel anders dan de rest.\n\n"
    "De eerste alinea gaat over fietspaden in de provincie.\n\n"
    "De TWEEDE alinéa gaat over bruggen en sluizen.\n\n"
    "2. Slot\n\n"
    "De derde alinea gaat over het weer in het voorjaar.\n\n"
    "De vierde alinea sluit de brief af met een groet.\n";

void
test_bookmarks_api(void)
{
	struct store		*st = NULL;
	struct bookmark_new	 b;
	struct seen		 s;
	const char		*tags[] = { "fiets", "brug" }, *bad[] = { "" };
	char			 home[] = "/tmp/lk-bm-XXXXXX", err[256], cmd[64];
	char			 counts[128] = "";
	int64_t			 id1 = 0, id2 = 0, id3 = 0;
	int			 p1, p2, p3;

	if (mkdtemp(home) == NULL) {
		T_OK(0);
		return;
	}
	T_EQ_INT(store_open(home, &st, err, sizeof err), 0);
	if (st == NULL)
		return;
	T_EQ_INT(put(st, paper1), 0);
	p1 = para_of(st, "eerste alinea");
	p2 = para_of(st, "tweede alinea");
	p3 = para_of(st, "derde alinea");
	T_OK(p1 > 0 && p2 == p1 + 1 && p3 > p2);

	memset(&b, 0, sizeof b);
	b.doc = DOC;
	b.first = p1;
	b.start = b.end = -1;
	b.note = "over fietsen";
	b.tags = tags;
	b.ntags = 2;
	T_EQ_INT(store_bookmark_add(st, &b, &id1, err, sizeof err), 0);
	/* from "bruggen" in the second paragraph to "De derde" in the third */
	b.first = p2;
	b.last = p3;
	b.start = 27;
	b.end = 8;
	b.note = NULL;
	b.ntags = 0;
	T_EQ_INT(store_bookmark_add(st, &b, &id2, err, sizeof err), 0);
	b.first = p3;
	b.last = 0;
	b.start = 3;
	b.end = 8;
	T_EQ_INT(store_bookmark_add(st, &b, &id3, err, sizeof err), 0);
	T_OK(id1 > 0 && id2 > id1 && id3 > id2);

	/* bad input adds nothing */
	b.tags = bad;
	b.ntags = 1;
	T_EQ_INT(store_bookmark_add(st, &b, &id3, err, sizeof err), -1);
	b.ntags = 0;
	b.start = 8;
	b.end = 3;
	T_EQ_INT(store_bookmark_add(st, &b, &id3, err, sizeof err), -1);
	b.doc = "geen-document";
	T_EQ_INT(store_bookmark_add(st, &b, &id3, err, sizeof err), -1);

	T_EQ_INT(list(st, &s), 0);
	T_EQ_INT(s.n, 3);
	T_EQ_STR(s.quote[0], "De eerste alinea gaat over fietspaden in de provincie.");
	T_EQ_INT(s.ntags[0], 2);
	T_EQ_STR(s.note[0], "over fietsen");
	T_EQ_STR(s.section[0], "1");
	T_EQ_STR(s.quote[1], "bruggen en sluizen.\n\nSlot\n\nDe derde");
	T_EQ_INT(s.start[1], 27);
	T_EQ_INT(s.end[1], 8);
	T_EQ_STR(s.quote[2], "derde");
	T_EQ_STR(s.section[2], "2");

	T_EQ_INT(store_bookmark_counts(st, DOC, count_fn, counts), 0);
	T_EQ_STR(counts, "1=2 2=1 ");

	/* delete, get, restore */
	T_EQ_INT(store_bookmark_delete(st, id1, err, sizeof err), 0);
	T_EQ_INT(store_bookmark_delete(st, id1, err, sizeof err), -1);
	T_EQ_INT(list(st, &s), 0);
	T_EQ_INT(s.n, 2);
	memset(&s, 0, sizeof s);
	T_EQ_INT(store_bookmark_get(st, id1, keep, &s), 0);
	T_EQ_INT(s.deleted[0], 1);
	T_EQ_INT(store_bookmark_get(st, 999, keep, &s), -1);
	T_EQ_INT(store_bookmark_restore(st, id1, err, sizeof err), 0);
	T_EQ_INT(store_bookmark_restore(st, id1, err, sizeof err), -1);
	T_EQ_INT(store_bookmark_note(st, id1, "nieuw", err, sizeof err), 0);
	T_EQ_INT(store_bookmark_note(st, 999, "nieuw", err, sizeof err), -1);
	T_EQ_INT(list(st, &s), 0);
	T_EQ_INT(s.n, 3);
	T_EQ_STR(s.note[0], "nieuw");

	/* stored again, changed: each moves down one; the second paragraph's
	 * fingerprint ignores case and accents */
	T_EQ_INT(put(st, paper2), 0);
	T_EQ_INT(store_bookmarks_anchor(st, NULL, err, sizeof err), 0);
	T_EQ_INT(list(st, &s), 0);
	T_EQ_INT(s.n, 3);
	T_EQ_INT(s.para[0], p1 + 1);
	T_EQ_INT(s.para[1], p2 + 1);
	T_EQ_INT(s.last[1], p3 + 1);
	T_EQ_INT(s.start[1], 27);
	T_EQ_INT(s.end[1], 8);
	T_EQ_INT(s.para[2], p3 + 1);
	T_EQ_INT(s.start[2], 3);
	T_EQ_INT(s.orphaned[0] + s.orphaned[1] + s.orphaned[2], 0);
	T_EQ_STR(s.quote[1], "bruggen en sluizen.\n\nSlot\n\nDe derde");

	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf %s", home);
	if (system(cmd) != 0)
		T_OK(0);
}
