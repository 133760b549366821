/* paper.c: owning and growing the parts of a paper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hyphen.h"
#include "paper.h"

int
paper_grow(void **v, size_t *cap, size_t n, size_t size)
{
	size_t	 c;
	void	*nv;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 64;
	if ((nv = realloc(*v, c * size)) == NULL)
		return -1;
	*v = nv;
	*cap = c;
	return 0;
}

int
paper_add_para(struct paper *p, const char *text, size_t len, int line, int page)
{
	struct para	*pa;
	char		*s;

	if (paper_grow((void **)&p->paras, &p->parascap, p->npara, sizeof *p->paras) == -1 ||
	    (s = malloc(len + 1)) == NULL)
		return -1;
	memcpy(s, text, len);
	s[len] = '\0';
	pa = &p->paras[p->npara];
	memset(pa, 0, sizeof *pa);
	pa->text = s;
	pa->len = len;
	pa->line = line;
	pa->page = page;
	pa->kind = PARA_BODY;
	pa->section = -1;
	return (int)p->npara++;
}

int
paper_insert_para(struct paper *p, size_t at, const char *text, size_t len)
{
	struct para	 keep;
	int		 i;

	if ((i = paper_add_para(p, text, len, 0, 0)) == -1)
		return -1;
	keep = p->paras[i];
	memmove(&p->paras[at + 1], &p->paras[at],
	    (p->npara - 1 - at) * sizeof *p->paras);
	p->paras[at] = keep;
	for (i = 0; (size_t)i < p->nnotes; i++)
		if (p->notes[i].para >= (int)at)
			p->notes[i].para++;
	return (int)at;
}

int
paper_add_note(struct paper *p, int number, char *text, int page)
{
	struct note	*n;

	if (paper_grow((void **)&p->notes, &p->notescap, p->nnotes, sizeof *p->notes) == -1) {
		free(text);
		return -1;
	}
	n = &p->notes[p->nnotes];
	n->number = number;
	n->text = text;
	n->page = page;
	n->para = -1;
	n->pos = 0;
	return (int)p->nnotes++;
}

int
paper_add_section(struct paper *p, const char *number, const char *title,
    int level, int first)
{
	struct section	*s;

	if (paper_grow((void **)&p->secs, &p->secscap, p->nsecs, sizeof *p->secs) == -1)
		return -1;
	s = &p->secs[p->nsecs];
	memset(s, 0, sizeof *s);
	snprintf(s->number, sizeof s->number, "%s", number);
	if ((s->title = strdup(title)) == NULL)
		return -1;
	s->level = level;
	s->first = first;
	s->parent = -1;
	s->page = first >= 0 && (size_t)first < p->npara ? p->paras[first].page : 0;
	return (int)p->nsecs++;
}

void
paper_trim(struct paper *p)
{
	size_t	i;

	for (i = 0; i < p->nlines; i++)
		if (p->lines[i].flags & LINE_OWN)
			free(p->lines[i].s);
	free(p->lines);
	p->lines = NULL;
	p->nlines = 0;
	free(p->buf);
	p->buf = NULL;
	p->buflen = 0;
	if (p->wc != NULL)
		wordcount_free(p->wc);
	p->wc = NULL;
}

void
paper_free(struct paper *p)
{
	size_t	i;

	paper_trim(p);
	for (i = 0; i < p->npara; i++) {
		free(p->paras[i].text);
		free(p->paras[i].marks);
	}
	free(p->paras);
	for (i = 0; i < p->nnotes; i++)
		free(p->notes[i].text);
	free(p->notes);
	for (i = 0; i < p->nsecs; i++)
		free(p->secs[i].title);
	free(p->secs);
	free(p->meta.title);
	free(p->meta.signatories);
	free(p->sidecar);
	memset(p, 0, sizeof *p);
}
