/* tree.c: the section tree. Documents are roots; an open document shows
 * its sections, which collapse and expand. Rows are rebuilt when
 * something opens or closes: the documents and their labels from a list
 * read between keys, a piece at a time (again when the index changes; the
 * first screen shows the open document alone), the open document's
 * sections from the reader's. Rows borrow their labels from the
 * documents and the sections (a long paper's thousands of rows are built
 * again at every paper opened): whatever lets go of those builds the
 * rows again before they are drawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casing.h"
#include "store.h"
#include "store_user.h"
#include "ui.h"

static int
has(const int64_t *v, int n, int64_t x)
{
	int	i;

	for (i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

static void
toggle(int64_t **v, int *n, int64_t x)
{
	int	 i;
	int64_t	*nv;

	for (i = 0; i < *n; i++)
		if ((*v)[i] == x) {
			(*v)[i] = (*v)[--*n];
			return;
		}
	if ((nv = realloc(*v, (size_t)(*n + 1) * sizeof *nv)) == NULL)
		return;
	*v = nv;
	nv[(*n)++] = x;
}

static int
has_str(char **v, int n, const char *x)
{
	int	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], x) == 0)
			return 1;
	return 0;
}

static void
toggle_str(char ***v, int *n, const char *x)
{
	int	 i;
	char	**nv;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], x) == 0) {
			free((*v)[i]);
			(*v)[i] = (*v)[--*n];
			return;
		}
	if ((nv = realloc(*v, (size_t)(*n + 1) * sizeof *nv)) == NULL)
		return;
	*v = nv;
	if ((nv[*n] = strdup(x)) != NULL)
		(*n)++;
}

/* Documents read in a piece between keys: some ms at most. */
#define TREE_PIECE	400
/* Sections of a document open in the tree, read in a piece: the same. */
#define TREE_SECS_PIECE	500

/* A row; its label is borrowed (a document's or a section's, kept as
 * long as the rows: see tree_build) unless own, when it is copied. */
static void
row_add(struct app *a, int64_t doc, int64_t sec, int level, int first,
    const char *label, int own)
{
	struct trow	*v;

	if (a->ntrows == a->trowcap) {
		a->trowcap = a->trowcap ? 2 * a->trowcap : 256;
		if ((v = realloc(a->trows, (size_t)a->trowcap * sizeof *v)) == NULL) {
			a->trowcap = a->ntrows;
			return;
		}
		a->trows = v;
	}
	v = &a->trows[a->ntrows];
	memset(v, 0, sizeof *v);
	v->doc = doc;
	v->sec = sec;
	v->level = level;
	v->first = first;
	if (own && label != NULL)
		v->own = strdup(label);
	v->label = own ? v->own : label;
	if (v->label == NULL)
		v->label = "";
	a->ntrows++;
}

/* A document as the tree lists it, gathered before rows are made, since
 * a dossier's row needs to know how many papers it holds. */
struct tdoc {
	int64_t		 doc;
	char		*key, *dossier, *dtitle;
	char		*label, *glabel;	/* alone, and in its dossier */
	char		*strings;	/* the block all five are in */
	int		 sections;
	int		 nonum;		/* store_docs's order: no number, */
	long long	 num;		/* else its number as an integer */
};

/* The sections of a document the tree shows open, kept from one build to
 * the next: a document followed stays open, and the tree is built again
 * at every document opened. */
struct tsecs {
	int64_t		 doc;
	struct usec	*v;
	int		 n;
	struct view_secs *run;	/* being read, a piece between keys */
};

struct count {
	char	*section;
	int	 n;
};

struct build {
	struct app	*a;
	struct count	*counts;	/* bookmarks by section, of one document */
	int		 ncounts;
	int64_t		 doc;
	int		 hide;	/* sections deeper than this are hidden; 0 none */
	int		 base;	/* levels above the sections: 1 in a dossier */
};

struct collect {
	struct tdoc	*docs;
	int		 ndocs, cap;
	int64_t		 last;		/* the last rowid read */
};

static void	tsecs_free(struct app *);
static void	tsecs_prune(struct app *);
static void	doc_sections(struct app *, struct build *, int64_t,
		    const char *, int);
static void	one_doc(struct app *, struct build *);
static void	kids_mark(struct app *);
static int	tsecs_idle(struct app *);

/* A section's row; its label is made with the section (usec_fill) and
 * borrowed, as the tree is built again at every paper opened. */
static void
sec_row(struct usec *r, struct build *b)
{
	char	 label[512];
	int	 i, n = -1;

	if (b->hide && r->level > b->hide)
		return;
	b->hide = 0;
	for (i = 0; i < b->ncounts; i++)
		if (strcmp(b->counts[i].section, r->id) == 0)
			n = b->counts[i].n;
	if (n >= 0) {
		/* its bookmarks counted */
		snprintf(label, sizeof label, "%s (%d)", r->label, n);
		row_add(b->a, b->doc, r->rowid, r->level + b->base, r->first,
		    label, 1);
	} else
		row_add(b->a, b->doc, r->rowid, r->level + b->base, r->first,
		    r->label, 0);
	if (has(b->a->tclosed, b->a->ntclosed, r->rowid)) {
		b->a->trows[b->a->ntrows - 1].open = 0;
		b->hide = r->level;
	} else
		b->a->trows[b->a->ntrows - 1].open = 1;
}

static int
count_add(const char *section, int n, void *arg)
{
	struct build	*b = arg;
	struct count	*v;

	if (section == NULL)
		return 0;
	if ((v = realloc(b->counts, (size_t)(b->ncounts + 1) * sizeof *v)) == NULL)
		return -1;
	b->counts = v;
	if ((v[b->ncounts].section = strdup(section)) == NULL)
		return -1;
	v[b->ncounts++].n = n;
	return 0;
}

static void
counts_free(struct build *b)
{
	int	i;

	for (i = 0; i < b->ncounts; i++)
		free(b->counts[i].section);
	free(b->counts);
	b->counts = NULL;
	b->ncounts = 0;
}

static int
doc_collect(const struct doc_row *r, void *arg)
{
	struct collect	*c = arg;
	struct tdoc	*v, *d;
	char		 label[768], glabel[768], *title;
	const char	*number, *src[5];
	char		**dst[5];
	int		 i;

	if (c->ndocs == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		if ((v = realloc(c->docs, (size_t)c->cap * sizeof *v)) == NULL)
			return -1;
		c->docs = v;
	}
	d = &c->docs[c->ndocs++];
	c->last = r->rowid;
	dst[0] = &d->key;
	dst[1] = &d->dossier;
	dst[2] = &d->dtitle;
	dst[3] = &d->label;
	dst[4] = &d->glabel;
	d->doc = r->rowid;
	d->nonum = r->nonum;
	d->num = r->num;
	d->sections = r->sections;
	/* the labels only are kept of the title and the Kamerstuk: a
	 * corpus's documents are all held, their strings in one block */
	title = casing_sentence(r->title ? r->title : "");
	glabel[0] = '\0';
	if (r->dossier != NULL) {
		/* the number is what follows "nr. " in the Kamerstuk */
		number = r->kamerstuk ? strstr(r->kamerstuk, "nr. ") : NULL;
		snprintf(glabel, sizeof glabel, "nr. %s \xe2\x80\x94 %s",
		    number ? number + 4 : "?", title ? title : r->title);
	}
	snprintf(label, sizeof label, "%s%s%s%s", title ? title : r->title,
	    r->kamerstuk ? " (" : "", r->kamerstuk ? r->kamerstuk : "",
	    r->kamerstuk ? ")" : "");
	free(title);
	src[0] = r->id;
	src[1] = r->dossier;
	src[2] = r->dossier_title;
	src[3] = label;
	src[4] = r->dossier != NULL ? glabel : NULL;
	if ((d->strings = ui_pack(dst, src, 5)) == NULL) {
		c->ndocs--;
		return -1;
	}
	/* what the store did not have stays NULL */
	for (i = 0; i < 5; i++)
		if (src[i] == NULL)
			*dst[i] = NULL;
	return 0;
}

static void
rows_free(struct app *a)
{
	int	i;

	for (i = 0; i < a->ntrows; i++) {
		free(a->trows[i].own);
		free(a->trows[i].dossier);
	}
	free(a->trows);
	a->trows = NULL;
	a->ntrows = a->trowcap = 0;
}

static void
tdocs_free(struct tdoc *v, int n)
{
	int	k;

	for (k = 0; k < n; k++)
		free(v[k].strings);
	free(v);
}

static void
docs_free(struct app *a)
{
	tdocs_free(a->tdocs, a->ntdocs);
	a->tdocs = NULL;
	a->ntdocs = 0;
	a->tread_ok = 0;
	tdocs_free(a->tnew, a->ntnew);
	a->tnew = NULL;
	a->ntnew = a->tnewcap = 0;
	a->treading = 0;
}

void
tree_free(struct app *a)
{
	rows_free(a);
	docs_free(a);
	tsecs_free(a);
}

/* store_docs's order: by dossier (none last), number, key. */
static int
tdoc_cmp(const void *x, const void *y)
{
	const struct tdoc	*a = x, *b = y;
	int			 c;

	if ((a->dossier == NULL) != (b->dossier == NULL))
		return a->dossier == NULL ? 1 : -1;
	if (a->dossier != NULL && (c = strcmp(a->dossier, b->dossier)) != 0)
		return c;
	/* CAST(number AS INTEGER): NULL first */
	if (a->nonum != b->nonum)
		return b->nonum - a->nonum;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return strcmp(a->key ? a->key : "", b->key ? b->key : "");
}

int
tree_pending(struct app *a)
{
	int	i;

	for (i = 0; i < a->ntsecs; i++)
		if (a->tsecs[i].run != NULL)
			return 1;
	return a->treading || !a->tread_ok ||
	    store_view_stamp(a->st) != a->tstamp;
}

/* The row shown selected in the tree, by what it shows, across a build. */
void
tree_refresh(struct app *a)
{
	int64_t	doc = 0, sec = 0;
	int	i, dossier = 0;
	char	*name = NULL;

	if (a->tsel >= 0 && a->tsel < a->ntrows) {
		doc = a->trows[a->tsel].doc;
		sec = a->trows[a->tsel].sec;
		if (doc == 0 && a->trows[a->tsel].dossier != NULL)
			name = strdup(a->trows[a->tsel].dossier);
	}
	tree_build(a);
	for (i = 0; i < a->ntrows && (doc != 0 || name != NULL); i++) {
		dossier = name != NULL && a->trows[i].dossier != NULL &&
		    strcmp(name, a->trows[i].dossier) == 0;
		if (dossier || (doc != 0 && a->trows[i].doc == doc &&
		    a->trows[i].sec == sec)) {
			a->tsel = i;
			break;
		}
	}
	free(name);
}

void
tree_idle(struct app *a)
{
	struct collect	c;

	if (tsecs_idle(a))
		return;
	if (!a->treading) {
		tdocs_free(a->tnew, a->ntnew);
		a->tnew = NULL;
		a->ntnew = a->tnewcap = 0;
		a->tnext = 0;
		a->tnewstamp = store_view_stamp(a->st);
		a->treading = 1;
	}
	c.docs = a->tnew;
	c.ndocs = a->ntnew;
	c.cap = a->tnewcap;
	c.last = a->tnext;
	if (store_view_docs(a->st, a->tnext, TREE_PIECE, doc_collect, &c) == -1) {
		/* tried again at the next build */
		a->tnew = c.docs;
		a->ntnew = c.ndocs;
		a->tnewcap = c.cap;
		a->treading = 0;
		a->tread_ok = 1;
		a->tstamp = a->tnewstamp;
		return;
	}
	a->tnew = c.docs;
	a->tnewcap = c.cap;
	if (c.ndocs - a->ntnew == TREE_PIECE) {
		a->ntnew = c.ndocs;
		a->tnext = c.last;
		return;
	}
	a->ntnew = c.ndocs;
	qsort(a->tnew, (size_t)a->ntnew, sizeof *a->tnew, tdoc_cmp);
	tdocs_free(a->tdocs, a->ntdocs);
	tsecs_free(a);
	a->tdocs = a->tnew;
	a->ntdocs = a->ntnew;
	a->tnew = NULL;
	a->ntnew = a->tnewcap = 0;
	a->tstamp = a->tnewstamp;
	a->tread_ok = 1;
	a->treading = 0;
	tree_refresh(a);
}

static int
tsec_add(const struct section_row *r, void *arg)
{
	struct tsecs	*t = arg;
	struct usec	*v, *s;

	/* room doubles at each power of two */
	if ((t->n & (t->n - 1)) == 0) {
		if ((v = realloc(t->v, (t->n ? 2 * (size_t)t->n : 1) *
		    sizeof *v)) == NULL)
			return -1;
		t->v = v;
	}
	s = &t->v[t->n];
	if (usec_fill(s, r) == -1)
		return -1;
	t->n++;
	return 0;
}

static void
tsec_free(struct tsecs *t)
{
	int	k;

	for (k = 0; k < t->n; k++)
		usec_free(&t->v[k]);
	free(t->v);
	store_view_sections_end(t->run);
}

static void
tsecs_free(struct app *a)
{
	int	i;

	for (i = 0; i < a->ntsecs; i++)
		tsec_free(&a->tsecs[i]);
	free(a->tsecs);
	a->tsecs = NULL;
	a->ntsecs = 0;
}

/* The rows of an open document's sections: the reader's, if it reads
 * it or keeps it, else those kept here, or none while they are read
 * between keys (tree_idle). */
static void
sections_rows(struct app *a, int64_t doc, struct build *b)
{
	struct tsecs		*t = NULL, *nt;
	struct usec		*v = a->doc.secs;
	const struct udoc	*kd;
	int			 i, n = a->doc.nsecs;

	if (doc != a->doc.rowid && (kd = udoc_kept(a, doc)) != NULL &&
	    kd->nsecs > 0) {
		/* a document the reader left and keeps: its sections */
		v = kd->secs;
		n = kd->nsecs;
	} else if (doc != a->doc.rowid) {
		for (i = 0; i < a->ntsecs && t == NULL; i++)
			if (a->tsecs[i].doc == doc)
				t = &a->tsecs[i];
		if (t == NULL) {
			if ((nt = realloc(a->tsecs, (size_t)(a->ntsecs + 1) *
			    sizeof *nt)) == NULL)
				return;
			a->tsecs = nt;
			t = &nt[a->ntsecs++];
			memset(t, 0, sizeof *t);
			t->doc = doc;
			/* a long paper's sections are many ms: not in a key */
			t->run = store_view_sections_begin(a->st, doc);
		}
		v = t->v;
		n = t->run != NULL ? 0 : t->n;
	}
	for (i = 0; i < n; i++)
		sec_row(&v[i], b);
}

/* The sections of a document the reader lets go of, taken as they are
 * when the tree shows it open: 1 when taken. */
int
tree_adopt(struct app *a, struct udoc *d)
{
	struct tsecs	*nt;
	int		 i;

	if (d->nsecs == 0 || !has(a->topen, a->ntopen, d->rowid))
		return 0;
	for (i = 0; i < a->ntsecs; i++)
		if (a->tsecs[i].doc == d->rowid)
			return 0;
	if ((nt = realloc(a->tsecs, (size_t)(a->ntsecs + 1) * sizeof *nt)) == NULL)
		return 0;
	a->tsecs = nt;
	nt = &nt[a->ntsecs++];
	memset(nt, 0, sizeof *nt);
	nt->doc = d->rowid;
	nt->v = d->secs;
	nt->n = d->nsecs;
	d->secs = NULL;
	d->nsecs = d->nsecs_read = 0;
	return 1;
}

/* A piece of the sections being read for the tree: 1 when one was
 * waiting. */
static int
tsecs_idle(struct app *a)
{
	struct tsecs	*t;
	int		 i;

	for (i = 0; i < a->ntsecs; i++) {
		t = &a->tsecs[i];
		if (t->run == NULL)
			continue;
		if (store_view_sections_step(t->run, TREE_SECS_PIECE, tsec_add,
		    t) != 1) {
			store_view_sections_end(t->run);
			t->run = NULL;
			tree_refresh(a);
		}
		return 1;
	}
	return 0;
}

/* How many papers from docs[i] on share its dossier. */
static int
dossier_run(const struct app *a, int i)
{
	const struct tdoc	*v = a->tdocs;
	int			 j;

	if (v[i].dossier == NULL)
		return 0;
	for (j = i; j < a->ntdocs && v[j].dossier != NULL &&
	    strcmp(v[j].dossier, v[i].dossier) == 0; j++)
		;
	return j - i;
}

void
tree_reload(struct app *a)
{
	docs_free(a);
	tsecs_free(a);
	while (!a->tread_ok || a->treading)
		tree_idle(a);
	tree_build(a);
}

void
tree_build(struct app *a)
{
	struct build	 b;
	char		 label[768];
	int		 i, k, run = 0, grouped, open;

	rows_free(a);
	tsecs_prune(a);
	memset(&b, 0, sizeof b);
	b.a = a;
	if (!a->tread_ok && a->doc.rowid != 0) {
		/* the documents are not read yet: the open one alone */
		one_doc(a, &b);
		return;
	}
	for (i = 0; i < a->ntdocs; i++) {
		struct tdoc *d = &a->tdocs[i];

		/* a dossier with several papers is a node of its own; run
		 * counts the papers of the current one still to come */
		if (run == 0 && (k = dossier_run(a, i)) >= 2) {
			run = k;
			snprintf(label, sizeof label, "%s%s%s (%d)", d->dossier,
			    d->dtitle ? " " : "", d->dtitle ? d->dtitle : "", k);
			row_add(a, 0, 0, 0, 0, label, 1);
			a->trows[a->ntrows - 1].dossier = strdup(d->dossier);
			a->trows[a->ntrows - 1].kids = 1;
			a->trows[a->ntrows - 1].open = has_str(a->gopen, a->ngopen,
			    d->dossier);
		}
		grouped = run > 0;
		if (run > 0)
			run--;
		if (grouped && !has_str(a->gopen, a->ngopen, d->dossier))
			continue;
		open = has(a->topen, a->ntopen, d->doc);
		row_add(a, d->doc, 0, grouped, 1, grouped ? d->glabel : d->label,
		    0);
		a->trows[a->ntrows - 1].kids = d->sections > 0;
		a->trows[a->ntrows - 1].open = open;
		if (open)
			doc_sections(a, &b, d->doc, d->key, grouped);
	}
	kids_mark(a);
}

/* The rows of an open document's sections, with their bookmarks. */
static void
doc_sections(struct app *a, struct build *b, int64_t doc, const char *key,
    int base)
{
	b->doc = doc;
	b->hide = 0;
	b->base = base;
	if (key != NULL)
		store_bookmark_counts(a->st, key, count_add, b);
	sections_rows(a, doc, b);
	counts_free(b);
}

/* Before the documents are read: the open document alone. */
static void
one_doc(struct app *a, struct build *b)
{
	char	label[768], *title = casing_sentence(a->doc.title);

	snprintf(label, sizeof label, "%s%s%s%s", title ? title : a->doc.title,
	    a->doc.kamerstuk ? " (" : "", a->doc.kamerstuk ? a->doc.kamerstuk : "",
	    a->doc.kamerstuk ? ")" : "");
	free(title);
	row_add(a, a->doc.rowid, 0, 0, 1, label, 1);
	if (a->ntrows == 0)
		return;
	a->trows[0].kids = a->doc.nsecs > 0;
	a->trows[0].open = has(a->topen, a->ntopen, a->doc.rowid);
	if (a->trows[0].open)
		doc_sections(a, b, a->doc.rowid, a->doc.key, 0);
	kids_mark(a);
}

static void
kids_mark(struct app *a)
{
	int	i;

	/* a section has children when the next row is deeper */
	for (i = 0; i < a->ntrows; i++)
		if (a->trows[i].sec != 0)
			a->trows[i].kids = i + 1 < a->ntrows &&
			    a->trows[i + 1].sec != 0 &&
			    a->trows[i + 1].doc == a->trows[i].doc &&
			    a->trows[i + 1].level > a->trows[i].level;
	for (i = 0; i < a->ntrows; i++)
		if (a->trows[i].sec != 0 && has(a->tclosed, a->ntclosed, a->trows[i].sec))
			a->trows[i].kids = 1;
	if (a->tsel >= a->ntrows)
		a->tsel = a->ntrows ? a->ntrows - 1 : 0;
}

/* The row of the section being read. */
static int
current_row(struct app *a)
{
	int	i, best = -1, s;
	int64_t	sec = 0;

	if (a->doc.rowid == 0)
		return -1;
	if ((s = udoc_section_of(&a->doc, a->top.para)) >= 0)
		sec = a->doc.secs[s].rowid;
	for (i = 0; i < a->ntrows; i++) {
		if (a->trows[i].doc != a->doc.rowid)
			continue;
		if (a->trows[i].sec == 0 && best == -1)
			best = i;
		if (a->trows[i].sec == sec)
			return i;
		/* a hidden section: its nearest shown ancestor */
		if (a->trows[i].sec != 0 && a->trows[i].first <= a->top.para)
			best = i;
	}
	return best;
}

static void
keep_visible(struct app *a, int h)
{
	if (h <= 0)
		return;	/* hidden: keep where it was */
	if (a->tsel < a->ttop)
		a->ttop = a->tsel;
	if (a->tsel >= a->ttop + h)
		a->ttop = a->tsel - h + 1;
	if (a->ttop < 0)
		a->ttop = 0;
}

/* The sections of doc, as the tree's list of documents counts them. */
static int
tdoc_sections(const struct app *a, int64_t doc)
{
	int	i;

	for (i = 0; i < a->ntdocs; i++)
		if (a->tdocs[i].doc == doc)
			return a->tdocs[i].sections;
	return 0;
}

/* Opens doc in the tree for the reader, closing the oldest documents it
 * opened that way when there are TREE_AUTO of them or their sections,
 * which the tree holds, are more than TREE_AUTO_ROWS: a few long papers
 * followed would hold thousands each. */
static void
auto_open(struct app *a, int64_t doc)
{
	int	i, rows = tdoc_sections(a, doc);

	for (i = 0; i < a->ntauto; i++)
		rows += tdoc_sections(a, a->tauto[i]);
	while (a->ntauto > 0 &&
	    (a->ntauto == TREE_AUTO || rows > TREE_AUTO_ROWS)) {
		rows -= tdoc_sections(a, a->tauto[0]);
		if (has(a->topen, a->ntopen, a->tauto[0]))
			toggle(&a->topen, &a->ntopen, a->tauto[0]);
		memmove(a->tauto, a->tauto + 1, (size_t)(a->ntauto - 1) *
		    sizeof *a->tauto);
		a->ntauto--;
	}
	a->tauto[a->ntauto++] = doc;
	toggle(&a->topen, &a->ntopen, doc);
}

/* The user opened or closed doc: the tree no longer closes it itself. */
static void
auto_forget(struct app *a, int64_t doc)
{
	int	i;

	for (i = 0; i < a->ntauto; i++)
		if (a->tauto[i] == doc) {
			memmove(a->tauto + i, a->tauto + i + 1,
			    (size_t)(a->ntauto - i - 1) * sizeof *a->tauto);
			a->ntauto--;
			return;
		}
}

/* Lets go of the kept sections of documents no longer open. */
static void
tsecs_prune(struct app *a)
{
	int	i;

	for (i = 0; i < a->ntsecs;) {
		if (has(a->topen, a->ntopen, a->tsecs[i].doc)) {
			i++;
			continue;
		}
		tsec_free(&a->tsecs[i]);
		a->tsecs[i] = a->tsecs[--a->ntsecs];
	}
}

void
tree_follow(struct app *a)
{
	int	r;

	/* a document opened in the reader opens in the tree, once: the
	 * user may close it again */
	if (a->doc.rowid != 0 && a->tfollowed != a->doc.rowid) {
		a->tfollowed = a->doc.rowid;
		if (!has(a->topen, a->ntopen, a->doc.rowid))
			auto_open(a, a->doc.rowid);
		if (a->doc.dossier != NULL &&
		    !has_str(a->gopen, a->ngopen, a->doc.dossier))
			toggle_str(&a->gopen, &a->ngopen, a->doc.dossier);
		tree_build(a);
	}
	if (a->focus != PANE_TREE && (r = current_row(a)) >= 0) {
		a->tsel = r;
		keep_visible(a, a->lay.pane[PANE_TREE].h);
	}
}

void
tree_draw(struct app *a, WINDOW *w)
{
	int	h, wd, y, i, cur = current_row(a), indent;

	getmaxyx(w, h, wd);
	werase(w);
	mvwvline(w, 0, wd - 1, ACS_VLINE, h);
	wd--;
	keep_visible(a, h);
	for (y = 0; y < h && (i = a->ttop + y) < a->ntrows; y++) {
		const struct trow *r = &a->trows[i];
		int attr = 0;

		indent = 2 * r->level;
		if (indent > wd / 2)
			indent = wd / 2;
		if (i == a->tsel && a->focus == PANE_TREE)
			attr = A_REVERSE;
		else if (i == cur)
			attr = a->color ? COLOR_PAIR(4) | A_BOLD : A_BOLD;
		wattron(w, attr);
		wmove(w, y, 0);
		draw_fill(w, indent);
		waddstr(w, r->kids ? (r->open ? "- " : "+ ") : "  ");
		draw_text(a, w, r->label, strlen(r->label), wd - indent - 2);
		if (attr == A_REVERSE)
			draw_fill(w, wd);
		wattroff(w, attr);
	}
}

/* Opens or closes a dossier, a document or a section. */
static void
node_toggle(struct app *a, const struct trow *r)
{
	if (r->doc == 0)
		toggle_str(&a->gopen, &a->ngopen, r->dossier);
	else if (r->sec)
		toggle(&a->tclosed, &a->ntclosed, r->sec);
	else {
		toggle(&a->topen, &a->ntopen, r->doc);
		auto_forget(a, r->doc);
	}
}

void
tree_key(struct app *a, int key)
{
	struct trow	*r;
	int		 h = a->lay.pane[PANE_TREE].h, i, n = a->count ? a->count : 1;

	if (a->ntrows == 0)
		return;
	r = &a->trows[a->tsel];
	switch (key) {
	case 'j': case KEY_DOWN:
		a->tsel = a->tsel + n < a->ntrows ? a->tsel + n : a->ntrows - 1;
		break;
	case 'k': case KEY_UP:
		a->tsel = a->tsel - n > 0 ? a->tsel - n : 0;
		break;
	case ' ': case KEY_NPAGE:
		a->tsel = a->tsel + h < a->ntrows ? a->tsel + h : a->ntrows - 1;
		break;
	case 'b': case KEY_PPAGE:
		a->tsel = a->tsel - h > 0 ? a->tsel - h : 0;
		break;
	case 'g': case KEY_HOME:
		a->tsel = 0;
		break;
	case 'G': case KEY_END:
		a->tsel = a->ntrows - 1;
		break;
	case 'h': case KEY_LEFT:
		if (r->kids && r->open) {
			node_toggle(a, r);
			tree_build(a);
		} else
			/* to the parent: the nearest row above, less deep */
			for (i = a->tsel - 1; i >= 0; i--)
				if (a->trows[i].level < r->level) {
					a->tsel = i;
					break;
				}
		break;
	case 'l': case KEY_RIGHT:
		if (r->kids && !r->open) {
			node_toggle(a, r);
			tree_build(a);
		}
		break;
	case '\n': case '\r': case KEY_ENTER:
		if (r->doc == 0) {
			node_toggle(a, r);
			tree_build(a);
		} else if (r->sec == 0) {
			int para = 1, line = 0;
			char key[256];

			if (store_doc_key(a->st, r->doc, key, sizeof key) == 0)
				store_position_get(a->st, key, &para, &line);
			app_open(a, r->doc, para, line, 1);
		} else
			app_open(a, r->doc, r->first, 0, 1);
		break;
	}
	keep_visible(a, h);
}
