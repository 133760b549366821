/* page.c: page footers and page breaks.
 *
 * Extracted text keeps few footers, but every new page still shows: as a
 * footer line ending the page before, as a form feed, or as a leading space
 * on the page's first line. Pages are counted from the nearest footer that
 * gives a page number; with no such footer, from 1 when breaks show; with
 * neither, a page is unknown (0), never guessed. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "page.h"
#include "paper.h"

/* Skips a dash: '-', en dash or em dash. Returns bytes used, 0 if none. */
static size_t
dash_len(const char *s, size_t len)
{
	if (len >= 1 && s[0] == '-')
		return 1;
	if (len >= 3 && (unsigned char)s[0] == 0xe2 &&
	    (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
		return 3;
	return 0;
}

static size_t
digits(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len && isdigit((unsigned char)s[i]); i++)
		;
	return i;
}

int
footer_parse(const char *s, size_t len, struct footer *f)
{
	static const char *chambers[] = { "Tweede Kamer, vergaderjaar ",
	    "Eerste Kamer, vergaderjaar " };
	const char	*e = s + len, *nr, *p;
	size_t		 n, d, i;

	memset(f, 0, sizeof *f);
	for (i = 0; i < 2; i++) {
		n = strlen(chambers[i]);
		if (len > n && strncasecmp(s, chambers[i], n) == 0)
			break;
	}
	if (i == 2)
		return 0;
	f->chamber = i == 0 ? 'T' : 'E';
	p = s + n;
	if (digits(p, (size_t)(e - p)) != 4)
		return 0;
	p += 4;
	if ((d = dash_len(p, (size_t)(e - p))) == 0)
		return 0;
	if (digits(p + d, (size_t)(e - p - d)) != 4)
		return 0;
	memcpy(f->vergaderjaar, p - 4, 4);
	f->vergaderjaar[4] = '-';
	memcpy(f->vergaderjaar + 5, p + d, 4);
	p += d + 4;
	if (e - p < 2 || p[0] != ',' || p[1] != ' ')
		return 0;
	p += 2;
	/* the dossier runs to the last ", nr. " */
	for (nr = NULL, i = 0; p + i + 6 <= e; i++)
		if (strncmp(p + i, ", nr. ", 6) == 0)
			nr = p + i;
	if (nr == NULL || nr == p || (size_t)(nr - p) >= sizeof f->dossier)
		return 0;
	memcpy(f->dossier, p, (size_t)(nr - p));
	if (!isdigit((unsigned char)f->dossier[0]))
		return 0;
	p = nr + 6;
	for (i = 0; p + i < e && isalnum((unsigned char)p[i]); i++)
		;
	if (i == 0 || i >= sizeof f->number)
		return 0;
	memcpy(f->number, p, i);
	p += i;
	if (p == e)
		return 1;
	if (*p != ' ')
		return 0;
	p++;
	n = digits(p, (size_t)(e - p));
	if (n == 0 || n > 4 || p + n != e)
		return 0;
	f->page = atoi(p);
	return 1;
}

/* A line that is only a page number: 1 to 4 digits. */
static int
is_page_number(const struct line *l)
{
	return l->len > 0 && l->len <= 4 && digits(l->s, l->len) == l->len;
}

static int
next_content(const struct paper *p, size_t i)
{
	for (i++; i < p->nlines; i++)
		if (!(p->lines[i].flags & (LINE_BLANK | LINE_DROP)))
			return (int)i;
	return -1;
}

int
page_mark(struct paper *p)
{
	struct footer	 f, best;
	size_t		 i, content = 0, lead = 0, nanchor = 0, a;
	int		*seg, *aseg, *apage, cur = 0, first = 1, after_footer = 0;
	int		 use_lead, j, bestcount = 0, count;
	char		 lastkey[80] = "";

	for (i = 0; i < p->nlines; i++) {
		if (p->lines[i].flags & LINE_BLANK)
			continue;
		/* the first line's space starts page 1: no break */
		if ((p->lines[i].flags & LINE_LEAD) && content > 0)
			lead++;
		content++;
	}
	/* Where many lines are indented, indentation is layout, not pages. */
	use_lead = lead * 3 < content;

	seg = calloc(p->nlines + 1, sizeof *seg);
	aseg = calloc(p->nlines + 1, sizeof *aseg);
	apage = calloc(p->nlines + 1, sizeof *apage);
	if (seg == NULL || aseg == NULL || apage == NULL) {
		free(seg);
		free(aseg);
		free(apage);
		return -1;
	}
	memset(&best, 0, sizeof best);
	count = 0;
	for (i = 0; i < p->nlines; i++) {
		struct line *l = &p->lines[i];

		seg[i] = cur;
		if (l->flags & LINE_BLANK)
			continue;
		if (footer_parse(l->s, l->len, &f)) {
			char key[80];

			l->flags |= LINE_DROP;
			p->footers++;
			if (f.page > 0) {
				aseg[nanchor] = cur;
				apage[nanchor++] = f.page;
			}
			/* the most frequent footer names the paper */
			snprintf(key, sizeof key, "%s|%s", f.dossier, f.number);
			count = strcmp(key, lastkey) == 0 ? count + 1 : 1;
			snprintf(lastkey, sizeof lastkey, "%s", key);
			if (count > bestcount) {
				bestcount = count;
				best = f;
			}
			after_footer = 1;
			continue;
		}
		if (is_page_number(l) && (after_footer ||
		    ((j = next_content(p, i)) != -1 &&
		    footer_parse(p->lines[j].s, p->lines[j].len, &f)))) {
			l->flags |= LINE_DROP;
			continue;
		}
		if (!first && (after_footer || (l->flags & LINE_FF) ||
		    (use_lead && (l->flags & LINE_LEAD)))) {
			seg[i] = ++cur;
			l->flags |= LINE_PAGE;
		}
		first = 0;
		after_footer = 0;
	}
	/* each line's page from the nearest anchor; anchors come in segment
	 * order, so one pointer walks them as the lines go: linear */
	for (a = 0, i = 0; i < p->nlines; i++) {
		int	pg = 0;

		while (a + 1 < nanchor && abs(seg[i] - aseg[a + 1]) <
		    abs(seg[i] - aseg[a]))
			a++;
		if (nanchor > 0)
			pg = apage[a] + seg[i] - aseg[a];
		else if (cur > 0)
			pg = seg[i] + 1;
		p->lines[i].page = pg > 0 ? pg : 0;
	}
	if (bestcount > 0) {
		snprintf(p->meta.dossier, sizeof p->meta.dossier, "%s", best.dossier);
		snprintf(p->meta.number, sizeof p->meta.number, "%s", best.number);
		snprintf(p->meta.vergaderjaar, sizeof p->meta.vergaderjaar, "%s",
		    best.vergaderjaar);
		p->meta.chamber = best.chamber;
	}
	free(seg);
	free(aseg);
	free(apage);
	return 0;
}
