/* doc.c: the parts of the open document the panes need at once: its
 * sections, citations and notes. They grow with the document, never with
 * the corpus; paragraphs are read as they come into view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casing.h"
#include "store.h"
#include "store_xref.h"
#include "ui.h"

/* Array p of n with room for one more, or NULL (p stays): it doubles,
 * as a long document's thousands of rows would otherwise be copied at
 * every one. */
static void *
grow(void *p, int n, size_t size)
{
	if (n > 0 && (n & (n - 1)) != 0)
		return p;
	return realloc(p, (n ? 2 * (size_t)n : 1) * size);
}

/* Array p cut to its n rows once all are read: doubling left up to
 * half of it empty, a megabyte for a long paper. */
static void *
fit(void *p, int n, size_t size)
{
	void	*np;

	if (p == NULL || n == 0)
		return p;
	return (np = realloc(p, (size_t)n * size)) != NULL ? np : p;
}

int
usec_fill(struct usec *s, const struct section_row *r)
{
	char		**dst[] = { &s->id, &s->number, &s->title, &s->label };
	const char	 *src[4];
	const char	 *number = r->number ? r->number : "";
	const char	 *title = r->title ? r->title : "";
	char		  label[512];

	memset(s, 0, sizeof *s);
	/* the tree's row: "2.1 Title", "3. Title", or the title alone */
	snprintf(label, sizeof label, "%s%s%s", number,
	    number[0] == '\0' ? "" : strchr(number, '.') ? " " : ". ", title);
	src[0] = r->id;
	src[1] = number;
	src[2] = title;
	src[3] = label;
	if (ui_pack(dst, src, number[0] == '\0' ? 3 : 4) == NULL)
		return -1;
	if (number[0] == '\0')
		s->label = s->title;
	s->rowid = r->rowid;
	s->level = r->level;
	s->first = r->first;
	s->last = r->last;
	s->page = r->page;
	s->parent = -1;
	return 0;
}

void
usec_free(struct usec *s)
{
	free(s->id);
}

static int
sec_add(const struct section_row *r, void *arg)
{
	struct udoc	*d = arg;
	struct usec	*v, *s;
	int		 i;

	if ((v = grow(d->secs, d->nsecs_read, sizeof *v)) == NULL)
		return -1;
	d->secs = v;
	s = &v[d->nsecs_read];
	if (usec_fill(s, r) == -1)
		return -1;
	/* a parent comes before, on the previous section's path up: a few
	 * steps, where a scan back went through every sibling before it */
	for (i = d->nsecs_read - 1; r->parent != NULL && i >= 0; i = d->secs[i].parent)
		if (strcmp(d->secs[i].id, r->parent) == 0) {
			s->parent = i;
			break;
		}
	for (i = d->nsecs_read - 1; r->parent != NULL && s->parent == -1 && i >= 0; i--)
		if (strcmp(d->secs[i].id, r->parent) == 0)
			s->parent = i;
	d->nsecs_read++;
	return 0;
}

static int
cite_add(const struct xref_cite *r, void *arg)
{
	struct udoc	*d = arg;
	struct ucite	*v, *c;
	char		**dst[5];
	const char	 *src[] = { r->kind, r->id, r->display, r->label,
			    r->target };

	/* a citation in a note without a marker has no place in the text */
	if (r->paragraph == 0)
		return 0;
	if ((v = grow(d->cites, d->ncites_read, sizeof *v)) == NULL)
		return -1;
	d->cites = v;
	c = &v[d->ncites_read];
	dst[0] = &c->kind;
	dst[1] = &c->id;
	dst[2] = &c->display;
	dst[3] = &c->label;
	dst[4] = &c->target;
	memset(c, 0, sizeof *c);
	if (ui_pack(dst, src, 5) == NULL)
		return -1;
	d->ncites_read++;
	if (r->target == NULL)
		c->target = NULL;
	c->para = r->paragraph;
	c->note = r->note;
	c->page = r->page;
	c->pin = r->pin;
	c->start = r->start;
	c->end = r->end;
	c->resolved = r->ntargets >= 0;
	return 0;
}

static int
note_add(const struct note_row *r, void *arg)
{
	struct udoc	*d = arg;
	struct unote	*v;

	if ((v = grow(d->notes, d->nnotes, sizeof *v)) == NULL)
		return -1;
	d->notes = v;
	v[d->nnotes].number = r->number;
	v[d->nnotes].para = r->paragraph;
	v[d->nnotes].pos = r->pos;
	v[d->nnotes].page = r->page;
	v[d->nnotes].text = ui_dup(r->text);
	d->nnotes++;
	return 0;
}

static int
head_get(const struct doc_row *r, void *arg)
{
	struct udoc *d = arg;

	snprintf(d->key, sizeof d->key, "%s", r->id);
	d->title = ui_dup(r->title);
	d->kamerstuk = r->kamerstuk ? strdup(r->kamerstuk) : NULL;
	d->dossier = r->dossier ? strdup(r->dossier) : NULL;
	return 0;
}

static int
link_add(struct ulink **v, int *n, const char *doc, const char *title,
    const char *text, int para)
{
	struct ulink *nv = grow(*v, *n, sizeof *nv);

	if (nv == NULL)
		return -1;
	*v = nv;
	nv[*n].doc = ui_dup(doc);
	/* put in sentence case when shown (udoc_link_title): hundreds are
	 * read in one slice, a screen shows a few */
	nv[*n].title = ui_dup(title);
	nv[*n].cased = 0;
	nv[*n].text = ui_dup(text);
	nv[(*n)++].para = para;
	return 0;
}

const char *
udoc_link_title(struct ulink *l)
{
	char	*t;

	/* a title in capitals shouts in a list: sentence case, as the tree */
	if (!l->cased && l->title != NULL &&
	    (t = casing_sentence(l->title)) != NULL) {
		free(l->title);
		l->title = t;
	}
	l->cased = 1;
	return l->title ? l->title : "";
}

static int
citedby_add(const struct xref_cite *r, void *arg)
{
	struct udoc *d = arg;

	/* a paper citing itself is no news */
	if (strcmp(r->doc, d->key) == 0)
		return 0;
	return link_add(&d->citedby, &d->ncitedby, r->doc, r->doc_title,
	    r->snippet, r->paragraph);
}

static int
related_add(const struct xref_related *r, void *arg)
{
	struct udoc	*d = arg;
	char		 why[64];

	if (strcmp(r->reason, "dossier") == 0)
		snprintf(why, sizeof why, "same dossier");
	else
		snprintf(why, sizeof why, "%d shared citation%s", r->shared,
		    r->shared == 1 ? "" : "s");
	return link_add(&d->related, &d->nrelated, r->id, r->title, why, 0);
}

/* Citations of a document shown in the panel: a long list is cut, it
 * would be read for every paper opened; so are related papers. */
#define CITEDBY_MAX	500
#define RELATED_MAX	500

/* Rows of the index read in a slice of the related papers: a few ms. */
#define RELATED_ROWS	1000

/* What udoc_load leaves for after the first screen, in this order. */
enum { REST_NONE, REST_SECTIONS, REST_CITES, REST_CITEDBY };

int
udoc_load(struct store *st, int64_t rowid, struct udoc *d)
{
	memset(d, 0, sizeof *d);
	d->rowid = rowid;
	/* notes change the text (their markers), so they come first */
	if (store_doc_get(st, rowid, head_get, d) == -1 || d->title == NULL ||
	    store_notes(st, rowid, 0, 0, note_add, d) == -1) {
		udoc_free(d);
		return -1;
	}
	d->npara = store_view_npara(st, rowid);
	d->rest = REST_SECTIONS;
	return 0;
}

/* Sections and citations read in a piece between keys: some 2 M
 * instructions each (a long paper's 4 589 sections were 16 M in one). */
#define SECS_PIECE	500
#define CITES_PIECE	500

int
udoc_rest(struct store *st, struct udoc *d)
{
	int	rc = 0;

	/* a part that cannot be read is left out, as a document without */
	switch (d->rest) {
	case REST_SECTIONS:
		if (d->secs_run == NULL &&
		    (d->secs_run = store_view_sections_begin(st, d->rowid)) == NULL)
			rc = -1;
		if (rc == 0)
			rc = store_view_sections_step(d->secs_run, SECS_PIECE,
			    sec_add, d);
		if (rc != 1) {
			store_view_sections_end(d->secs_run);
			d->secs_run = NULL;
			d->nsecs = d->nsecs_read;
			d->secs = fit(d->secs, d->nsecs, sizeof *d->secs);
			d->rest = REST_CITES;
		}
		break;
	case REST_CITES:
		if (d->cites_run == NULL &&
		    (d->cites_run = store_xref_doc_cites_begin(st, d->rowid)) == NULL)
			rc = -1;
		if (rc == 0)
			rc = store_xref_doc_cites_step(d->cites_run, CITES_PIECE,
			    cite_add, d);
		if (rc != 1) {
			store_xref_doc_cites_end(d->cites_run);
			d->cites_run = NULL;
			d->ncites = d->ncites_read;
			d->cites = fit(d->cites, d->ncites, sizeof *d->cites);
			d->rest = REST_CITEDBY;
		}
		break;
	case REST_CITEDBY:
		store_xref_cited_by_doc(st, d->rowid, CITEDBY_MAX, citedby_add,
		    d);
		d->rest = REST_NONE;
		break;
	}
	return d->rest != REST_NONE;
}

int
udoc_rest_all(struct app *a)
{
	if (a->doc.rowid == 0 || a->doc.rest == REST_NONE)
		return 0;
	while (udoc_rest(a->st, &a->doc) == 1)
		;
	/* the citations' spans, and the sections in the tree */
	reader_cache_clear(a);
	tree_refresh(a);
	return 1;
}

int
udoc_related(struct store *st, struct udoc *d)
{
	int	rc;

	if (d->rowid == 0 || d->related_read)
		return 0;
	if (d->related_run == NULL &&
	    (d->related_run = store_xref_related_begin(st, d->rowid)) == NULL) {
		d->related_read = 1;
		return 0;
	}
	if ((rc = store_xref_related_step(d->related_run, RELATED_ROWS)) == 1)
		return 1;
	if (rc == 0)
		store_xref_related_rows(d->related_run, RELATED_MAX, related_add, d);
	store_xref_related_end(d->related_run);
	d->related_run = NULL;
	d->related_read = 1;
	return 0;
}

void
udoc_related_all(struct store *st, struct udoc *d)
{
	while (udoc_related(st, d) == 1)
		;
}

const char *
udoc_target(struct store *st, struct udoc *d, int i)
{
	struct ucite	*c;
	char		 key[256];
	int		 k;

	if (i < 0 || i >= d->ncites)
		return NULL;
	c = &d->cites[i];
	if (c->resolved)
		return c->target;
	/* a dossier's id: its first paper, for every citation of it */
	if (store_xref_first(st, c->id, key, sizeof key) != 0)
		key[0] = '\0';
	for (k = 0; k < d->ncites; k++)
		if (!d->cites[k].resolved && strcmp(d->cites[k].id, c->id) == 0) {
			d->cites[k].resolved = 1;
			if (key[0] != '\0' &&
			    (d->cites[k].target = strdup(key)) != NULL)
				d->cites[k].own_target = 1;
		}
	return c->target;
}

void
udoc_free(struct udoc *d)
{
	int	i;

	for (i = 0; i < d->nsecs_read; i++)
		usec_free(&d->secs[i]);
	for (i = 0; i < d->ncites_read; i++) {
		free(d->cites[i].kind);
		if (d->cites[i].own_target)
			free(d->cites[i].target);
	}
	for (i = 0; i < d->nnotes; i++)
		free(d->notes[i].text);
	for (i = 0; i < d->ncitedby; i++) {
		free(d->citedby[i].doc);
		free(d->citedby[i].title);
		free(d->citedby[i].text);
	}
	for (i = 0; i < d->nrelated; i++) {
		free(d->related[i].doc);
		free(d->related[i].title);
		free(d->related[i].text);
	}
	store_xref_related_end(d->related_run);
	store_view_sections_end(d->secs_run);
	store_xref_doc_cites_end(d->cites_run);
	free(d->citedby);
	free(d->related);
	free(d->marked);
	free(d->secs);
	free(d->cites);
	free(d->notes);
	free(d->title);
	free(d->kamerstuk);
	free(d->dossier);
	memset(d, 0, sizeof *d);
}

/* The rows a document holds in memory: its sections, citations, notes. */
static int
udoc_rows(const struct udoc *d)
{
	return d->nsecs_read + d->ncites_read + d->nnotes;
}

/* Lets go of the oldest kept document. */
static void
kept_drop(struct app *a)
{
	/* the tree may still show its sections */
	tree_adopt(a, &a->kept[0]);
	udoc_free(&a->kept[0]);
	memmove(a->kept, a->kept + 1, (size_t)(a->nkept - 1) * sizeof *a->kept);
	a->nkept--;
}

void
udoc_keep(struct app *a)
{
	int	i, rows;

	if (a->doc.rowid == 0)
		return;
	/* a long paper is read again when gone back to, not held: what is
	 * kept stays within UDOC_KEPT_ROWS, whatever papers the corpus has */
	if ((rows = udoc_rows(&a->doc)) > UDOC_KEPT_ROWS) {
		tree_adopt(a, &a->doc);
		udoc_free(&a->doc);
		return;
	}
	for (i = 0; i < a->nkept; i++)
		rows += udoc_rows(&a->kept[i]);
	while (a->nkept > 0 && (a->nkept == UDOC_KEPT || rows > UDOC_KEPT_ROWS)) {
		rows -= udoc_rows(&a->kept[0]);
		kept_drop(a);
	}
	a->kept[a->nkept++] = a->doc;
	memset(&a->doc, 0, sizeof a->doc);
}

int
udoc_take(struct app *a, int64_t doc)
{
	int64_t	stamp = store_view_stamp(a->st);
	int	i;

	/* what was read before another connection changed the index is
	 * read again */
	if (stamp != a->kept_stamp) {
		udoc_kept_free(a);
		a->kept_stamp = stamp;
		return 0;
	}
	for (i = 0; i < a->nkept; i++)
		if (a->kept[i].rowid == doc) {
			a->doc = a->kept[i];
			memmove(a->kept + i, a->kept + i + 1,
			    (size_t)(a->nkept - i - 1) * sizeof *a->kept);
			a->nkept--;
			return 1;
		}
	return 0;
}

void
udoc_kept_free(struct app *a)
{
	int	i;

	for (i = 0; i < a->nkept; i++)
		udoc_free(&a->kept[i]);
	a->nkept = 0;
}

const struct udoc *
udoc_kept(const struct app *a, int64_t doc)
{
	int	i;

	for (i = 0; i < a->nkept; i++)
		if (a->kept[i].rowid == doc)
			return &a->kept[i];
	return NULL;
}

int
udoc_section_of(const struct udoc *d, int para)
{
	int	i, best = -1;

	for (i = 0; i < d->nsecs; i++)
		if (d->secs[i].first <= para)
			best = i;
	return best;
}
