/* heading.c: headings and the section tree.
 *
 * Numbered headings ("1.", "1.1 …") nest by their numbers; a number alone
 * takes the next paragraph as its title. Unnumbered headings are short
 * standalone paragraphs without closing punctuation. They carry no level in
 * extracted text, but chapters show: a heading directly followed by another
 * opens a chapter, and single headings after it nest under it until the
 * next such pair. Inside a numbered section they nest under it. A long run
 * of heading-like lines is a table of contents, not headings. Signature
 * blocks ("De Minister van …," + a name) and the addressee, place and date
 * lines are never headings. Text before the first heading is a section. */
#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "buf.h"
#include "meta.h"
#include "paper.h"

#define HEADING_MAX_BYTES	200
#define HEADING_MAX_WORDS	16
#define TOC_MIN_RUN		5

/* Parses "1.", "1.1", "1.1." at the start of s. Returns the bytes of the
 * number and its dot and space, 0 when s does not start with one. */
static size_t
number_prefix(const char *s, size_t len, char *num, size_t numsz)
{
	size_t	i = 0, nd, depth = 0;
	int	trailing_dot = 0;

	for (;;) {
		for (nd = 0; i < len && isdigit((unsigned char)s[i]); i++)
			nd++;
		if (nd == 0 || nd > 2)
			return 0;
		depth++;
		if (i < len && s[i] == '.' && i + 1 < len &&
		    isdigit((unsigned char)s[i + 1]) && depth < 5) {
			i++;
			continue;
		}
		break;
	}
	if (i < len && s[i] == '.') {
		trailing_dot = 1;
		i++;
	}
	if (depth == 1 && !trailing_dot)
		return 0;
	if (s[0] == '0')
		return 0;
	if (i < len && s[i] != ' ')
		return 0;
	snprintf(num, numsz, "%.*s", (int)(i - trailing_dot), s);
	return i < len ? i + 1 : i;
}

static int
starts_upper(const char *s, size_t len)
{
	ucs4_t	uc;

	if (len == 0)
		return 0;
	u8_mbtouc(&uc, (const uint8_t *)s, len);
	return uc_is_upper(uc) || uc_is_digit(uc) || uc == 0x00ab ||
	    uc == 0x2018 || uc == 0x201c || uc == '"' || uc == '\'';
}

static int
signature_opener(const char *s, size_t len)
{
	static const char *roles[] = { "Minister", "Staatssecretaris",
	    "Voorzitter", "Griffier", "Secretaris", "Directeur" };
	size_t	i, n = len;
	const char *nl = memchr(s, '\n', len);

	if (nl != NULL)
		n = (size_t)(nl - s);
	if (n < 8 || s[n - 1] != ',' ||
	    (strncmp(s, "De ", 3) != 0 && strncmp(s, "Het ", 4) != 0))
		return 0;
	for (i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (memmem(s, n, roles[i], strlen(roles[i])) != NULL)
			return 1;
	return 0;
}

static size_t
words(const char *s, size_t len)
{
	size_t	i, n = 1;

	for (i = 0; i < len; i++)
		if (s[i] == ' ')
			n++;
	return n;
}

/* A short line that could be a heading (numbered or not). */
static int
heading_like(const char *s, size_t len)
{
	char	date[12];
	unsigned char last;

	if (len == 0 || len > HEADING_MAX_BYTES || memchr(s, '\n', len) != NULL)
		return 0;
	if (words(s, len) > HEADING_MAX_WORDS || !starts_upper(s, len))
		return 0;
	last = (unsigned char)s[len - 1];
	if (strchr(".,;:!?", last) != NULL)
		return 0;
	if (len >= 3 && memcmp(s + len - 3, "\xe2\x80\xa6", 3) == 0)
		return 0;
	if (strncmp(s, "Aan de ", 7) == 0 || strncmp(s, "Aan het ", 8) == 0)
		return 0;
	if (date_line(s, len, date) || memmem(s, len, "://", 3) != NULL)
		return 0;
	if (signature_opener(s, len))
		return 0;
	return 1;
}

/* Compares dotted numbers component by component. */
static int
number_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		long x = strtol(a, (char **)&a, 10), y = strtol(b, (char **)&b, 10);

		if (x != y)
			return x < y ? -1 : 1;
		if (*a == '.')
			a++;
		if (*b == '.')
			b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int
depth_of(const char *num)
{
	int	d = 1;

	for (; *num; num++)
		if (*num == '.')
			d++;
	return d;
}

/* Appends paragraph b to a on a new line and drops b. */
static int
para_merge(struct para *a, struct para *b, const char *sep)
{
	size_t	 n = strlen(sep);
	char	*s = realloc(a->text, a->len + n + b->len + 1);

	if (s == NULL)
		return -1;
	memcpy(s + a->len, sep, n);
	memcpy(s + a->len + n, b->text, b->len + 1);
	a->text = s;
	a->len += n + b->len;
	b->kind = PARA_DROP;
	return 0;
}

static int
name_like(const struct para *pa)
{
	return pa->kind == PARA_BODY && pa->len < 60 && words(pa->text, pa->len) <= 6 &&
	    strchr(".,;:!?", pa->text[pa->len - 1]) == NULL &&
	    starts_upper(pa->text, pa->len) && memchr(pa->text, '\n', pa->len) == NULL;
}

/* "De Minister van Defensie, K.H. Ollongren" joined on one line: the
 * name goes on a line of its own again. */
static void
sig_split(struct para *pa)
{
	char	*comma = strchr(pa->text, ',');

	if (comma == NULL || comma[1] != ' ' || memchr(pa->text, '\n', pa->len) ||
	    words(comma + 2, strlen(comma + 2)) > 5 ||
	    strchr(".,;:!?", pa->text[pa->len - 1]) != NULL)
		return;
	comma[1] = '\0';
	if (signature_opener(pa->text, (size_t)(comma + 1 - pa->text)))
		comma[1] = '\n';
	else
		comma[1] = ' ';
}

/* Signature blocks become one paragraph each, marked sig. */
static int
signatures(struct paper *p)
{
	size_t	i, k;

	for (i = 0; i < p->npara; i++) {
		struct para *pa = &p->paras[i];

		if (pa->kind != PARA_BODY)
			continue;
		sig_split(pa);
		if (signature_opener(pa->text, pa->len)) {
			pa->sig = 1;
			if (memchr(pa->text, '\n', pa->len) == NULL &&
			    i + 1 < p->npara && name_like(&p->paras[i + 1]) &&
			    para_merge(pa, &p->paras[i + 1], "\n") == -1)
				return -1;
		} else if (strcmp(pa->text, "en gaat over tot de orde van de dag.") == 0 &&
		    i + 1 < p->npara && name_like(&p->paras[i + 1])) {
			/* a motion: the names of those who moved it follow */
			struct para *names = &p->paras[i + 1];

			names->sig = 1;
			for (k = i + 2; k < p->npara && name_like(&p->paras[k]); k++)
				if (para_merge(names, &p->paras[k], "\n") == -1)
					return -1;
			i = k - 1;
		}
	}
	return 0;
}

static int
next_body(const struct paper *p, size_t i)
{
	for (i++; i < p->npara; i++)
		if (p->paras[i].kind != PARA_DROP)
			return (int)i;
	return -1;
}

/* Compares a table of contents entry with the start of a paragraph; an
 * entry may end in its page number. */
static size_t
toc_entry_len(const struct para *e)
{
	size_t	n = e->len;

	while (n > 0 && isdigit((unsigned char)e->text[n - 1]))
		n--;
	while (n > 0 && e->text[n - 1] == ' ')
		n--;
	return n > 0 ? n : e->len;
}

/* Finds the run of candidates from i that forms a table of contents, and
 * returns its end (i when there is none). The run ends before an entry
 * that repeats an earlier one: there the text itself begins. */
static size_t
toc_run(struct paper *p, const int *cand, size_t i)
{
	size_t	j, k, n = 0;

	for (j = i; j < p->npara; j++) {
		if (p->paras[j].kind == PARA_DROP)
			continue;
		if (!cand[j])
			break;
		for (k = i; k < j; k++)
			if (cand[k] && p->paras[k].kind != PARA_DROP &&
			    strcmp(p->paras[k].text, p->paras[j].text) == 0)
				break;
		if (k < j)
			break;
		n++;
	}
	return n >= TOC_MIN_RUN ? j : i;
}

/* Marks the entries [i, end) as text, and splits a heading glued to its
 * first sentence ("Media De media zijn …") where an entry names it. */
static int
toc_split(struct paper *p, int **candp, size_t i, size_t end)
{
	size_t	 j, k, n;
	int	*cand;

	for (j = i; j < end; j++)
		(*candp)[j] = 0;
	for (k = end; k < p->npara; k++) {
		struct para *pa = &p->paras[k];

		if (pa->kind != PARA_BODY || (*candp)[k])
			continue;
		for (j = i; j < end; j++) {
			const struct para *e = &p->paras[j];
			char num[24];
			size_t np = number_prefix(e->text, e->len, num, sizeof num);

			n = toc_entry_len(e);
			if (np > 0 || n < 4 || pa->len <= n + 2 ||
			    strncmp(pa->text, e->text, n) != 0 || pa->text[n] != ' ' ||
			    !starts_upper(pa->text + n + 1, pa->len - n - 1))
				continue;
			if (paper_insert_para(p, k + 1, pa->text + n + 1,
			    pa->len - n - 1) == -1)
				return -1;
			pa = &p->paras[k];
			p->paras[k + 1].line = pa->line;
			p->paras[k + 1].page = pa->page;
			pa->text[n] = '\0';
			pa->len = n;
			if ((cand = realloc(*candp, (p->npara + 1) * sizeof *cand)) == NULL)
				return -1;
			memmove(&cand[k + 2], &cand[k + 1], (p->npara - k - 2) * sizeof *cand);
			cand[k] = 1;
			cand[k + 1] = 0;
			*candp = cand;
			break;
		}
	}
	return 0;
}

int
heading_build(struct paper *p)
{
	size_t	 i, run;
	int	 k, n, chapter = 0, numdepth = 0, first = 1;
	char	 num[24], last[24] = "";
	int	*cand;

	if (signatures(p) == -1)
		return -1;
	if ((cand = calloc(p->npara + 1, sizeof *cand)) == NULL)
		return -1;
	/* the first paragraph is the title when it looks like one */
	for (i = 0; i < p->npara; i++) {
		struct para *pa = &p->paras[i];

		if (pa->kind == PARA_DROP)
			continue;
		if (first && p->meta.title == NULL && !pa->sig &&
		    heading_like(pa->text, pa->len) && words(pa->text, pa->len) >= 3 &&
		    number_prefix(pa->text, pa->len, num, sizeof num) == 0) {
			p->meta.title = strdup(pa->text);
			pa->kind = PARA_DROP;
			first = 0;
			continue;
		}
		first = 0;
		/* "3." alone takes the next paragraph as its title */
		if (number_prefix(pa->text, pa->len, num, sizeof num) == pa->len &&
		    (k = next_body(p, i)) != -1 &&
		    heading_like(p->paras[k].text, p->paras[k].len) &&
		    para_merge(pa, &p->paras[k], " ") == -1) {
			free(cand);
			return -1;
		}
		if (!pa->sig && heading_like(pa->text, pa->len))
			cand[i] = 1;
	}
	/* a long run of candidates is a table of contents */
	for (i = 0; i < p->npara; i = run > i ? run : i + 1)
		if ((run = toc_run(p, cand, i)) > i && toc_split(p, &cand, i, run) == -1) {
			free(cand);
			return -1;
		}
	for (i = 0; i < p->npara; i++) {
		struct para	*pa = &p->paras[i];
		size_t		 np;

		if (!cand[i] || pa->kind == PARA_DROP)
			continue;
		np = number_prefix(pa->text, pa->len, num, sizeof num);
		if (np > 0 && np < pa->len &&
		    (last[0] == '\0' || number_cmp(num, last) > 0)) {
			pa->kind = PARA_HEADING;
			snprintf(pa->number, sizeof pa->number, "%s", num);
			snprintf(last, sizeof last, "%s", num);
			numdepth = pa->level = depth_of(num);
			memmove(pa->text, pa->text + np, pa->len - np + 1);
			pa->len -= np;
			continue;
		}
		if (np > 0)
			continue;	/* a number out of sequence: a list item */
		pa->kind = PARA_HEADING;
		k = next_body(p, i);
		if (numdepth > 0)
			pa->level = numdepth + 1;
		else if (k != -1 && cand[k] &&
		    number_prefix(p->paras[k].text, p->paras[k].len, num, sizeof num) == 0) {
			pa->level = 1;
			chapter = 1;
		} else
			pa->level = chapter ? 2 : 1;
		/* a heading chained to the one before stays at its level */
		if (chapter && pa->level == 1 && i > 0 &&
		    (n = (int)i - 1) >= 0 && p->paras[n].kind == PARA_HEADING &&
		    p->paras[n].level == 1 && numdepth == 0)
			pa->level = 2;
	}
	free(cand);

	/* a heading with nothing after it heads nothing */
	for (k = (int)p->npara - 1; k >= 0 && p->paras[k].kind == PARA_DROP; k--)
		;
	if (k >= 0 && p->paras[k].kind == PARA_HEADING && k > 0)
		p->paras[k].kind = PARA_DROP;

	return heading_sections(p);
}

int
heading_sections(struct paper *p)
{
	size_t	i;
	int	sec = -1, k;

	for (i = 0; i < p->npara; i++) {
		struct para *pa = &p->paras[i];

		if (pa->kind == PARA_DROP)
			continue;
		if (pa->kind == PARA_HEADING || sec == -1) {
			/* the text before the first heading: a section "Begin" */
			sec = paper_add_section(p, pa->kind == PARA_HEADING ?
			    pa->number : "", pa->kind == PARA_HEADING ? pa->text :
			    FRONT_TITLE, pa->kind == PARA_HEADING ? pa->level : 1, (int)i);
			if (sec == -1)
				return -1;
			for (k = sec - 1; k >= 0; k--)
				if (p->secs[k].level < p->secs[sec].level) {
					p->secs[sec].parent = k;
					break;
				}
		}
		pa->section = sec;
	}
	return 0;
}
