/* para.c: joining lines into paragraphs and repairing broken words.
 *
 * Extracted text comes in a few layouts, told apart by the file itself:
 *  - blocks: paragraphs separated by blank lines, wrapped lines between;
 *  - trail:  no blank lines, but a wrapped line ends in a space, so a line
 *            without one ends a paragraph or breaks a word;
 *  - lines:  one paragraph per (long) line, as from DOCX;
 *  - fit:    no such hints: a line ends a paragraph when the next line's
 *            first word would have fitted on it.
 * Across a page break (blank lines, a footer, footnotes between) a
 * paragraph goes on unless the line before ends a sentence. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>


#include "buf.h"
#include "hyphen.h"
#include "paper.h"
#include "text.h"

enum layout { LAYOUT_BLOCKS, LAYOUT_TRAIL, LAYOUT_LINES, LAYOUT_FIT };

struct joiner {
	struct paper		*p;
	const struct lexicon	*lx;
	enum layout		 layout;
	size_t			 width;		/* typical full line, in characters */
	int			 hardbreak;	/* a missing trailing space breaks the line */
	struct buf		 text;
	int			 line, page;
};

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Lines up to this many characters are counted by length, the longer
 * ones (rare) kept to be sorted. */
#define WIDTH_COUNTED	4096

/* The k-th smallest (from 0) of the n lengths counted in hist and the
 * nlong longer ones in longs. */
static size_t
kth_length(const unsigned *hist, size_t *longs, size_t nlong, size_t k)
{
	size_t	w;

	for (w = 0; w < WIDTH_COUNTED; w++) {
		if (k < hist[w])
			return w;
		k -= hist[w];
	}
	qsort(longs, nlong, sizeof *longs, cmp_size);
	return k < nlong ? longs[k] : 0;
}

static int
text_line(const struct line *l)
{
	return !(l->flags & (LINE_BLANK | LINE_DROP | LINE_NOTE));
}

static int
ends_hyphen(const struct line *l)
{
	unsigned char c;

	if (l->len < 2 || l->s[l->len - 1] != '-' || (l->flags & LINE_TRAIL))
		return 0;
	c = (unsigned char)l->s[l->len - 2];
	return isalpha(c) || c >= 0x80;
}

static enum layout
layout_detect(const struct paper *p, size_t *width, int *hardbreak)
{
	size_t		*longs, n = 0, nlong = 0, i, len, pairs = 0, ts = 0, nts = 0;
	size_t		 seps = 0;
	unsigned	*hist;
	int		 prev = -1, gap = 0;

	if ((hist = calloc(WIDTH_COUNTED, sizeof *hist)) == NULL)
		return LAYOUT_LINES;
	if ((longs = calloc(p->nlines + 1, sizeof *longs)) == NULL) {
		free(hist);
		return LAYOUT_LINES;
	}
	for (i = 0; i < p->nlines; i++) {
		const struct line *l = &p->lines[i];

		if (!text_line(l)) {
			if (l->flags & LINE_BLANK)
				gap |= 1;
			else
				gap |= 2;
			continue;
		}
		if ((len = text_chars(l->s, l->len)) < WIDTH_COUNTED)
			hist[len]++;
		else
			longs[nlong++] = len;
		n++;
		if (prev != -1 && gap == 1)
			seps++;
		if (prev != -1 && gap == 0) {
			const struct line *pl = &p->lines[prev];

			pairs++;
			if (pl->flags & LINE_TRAIL)
				ts++;
			else if (!ends_hyphen(pl))
				nts++;
		}
		prev = (int)i;
		gap = 0;
	}
	/* a full line: the upper quartile, which a few overlong lines that
	 * extraction failed to wrap do not move */
	*width = n ? kth_length(hist, longs, nlong, n * 3 / 4) : 80;
	/* printed papers are not narrower than this; a short paper with few
	 * full lines must not make every line look full */
	if (*width < 60)
		*width = 60;
	free(hist);
	free(longs);
	*hardbreak = 0;
	if (*width > 250 || p->docx)
		return LAYOUT_LINES;
	if (pairs > 0 && ts * 2 >= pairs && nts * 20 >= pairs)
		return LAYOUT_TRAIL;
	if (pairs > 0 && ts * 2 >= pairs) {
		*hardbreak = 1;
		return LAYOUT_BLOCKS;
	}
	if (seps * 12 >= n)
		return LAYOUT_BLOCKS;
	return LAYOUT_FIT;
}

static size_t
first_word(const struct line *l)
{
	const char *sp = memchr(l->s, ' ', l->len);

	return sp ? (size_t)(sp - l->s) : l->len;
}

static size_t
last_word(const struct line *l, size_t end)
{
	size_t	i = end;

	while (i > 0 && l->s[i - 1] != ' ')
		i--;
	return i;
}

static int
sentence_end(const struct line *l)
{
	size_t	i = l->len;

	/* skip closing quotes and brackets */
	while (i > 0 && (l->s[i - 1] == ')' || l->s[i - 1] == '"' ||
	    (unsigned char)l->s[i - 1] >= 0x80))
		i--;
	return i > 0 && strchr(".!?:;", l->s[i - 1]) != NULL;
}

static size_t
chars(const struct line *l)
{
	return text_chars(l->s, l->len);
}

/* The parts of a motion each start a paragraph: the Kamer writes them
 * the same way in every motion. */
static int
clause_opener(const struct line *n)
{
	static const char *openers[] = { "De Kamer,", "gehoord de beraadslaging",
	    "overwegende ", "constaterende ", "van mening ", "van oordeel ",
	    "verzoekt ", "roept ", "spreekt uit", "draagt ",
	    "en gaat over tot de orde van de dag" };
	size_t	i, k;

	for (i = 0; i < sizeof openers / sizeof openers[0]; i++) {
		k = strlen(openers[i]);
		if (n->len >= k && strncmp(n->s, openers[i], k) == 0)
			return 1;
	}
	return 0;
}

/* Is the line full, so that the next line goes on with the paragraph? */
static int
line_full(const struct joiner *j, const struct line *l, const struct line *n,
    double frac)
{
	return (double)(chars(l) + 1 + first_word(n)) > frac * (double)j->width;
}

/* How to go from line l to the next text line n: 0 ends the paragraph,
 * 1 joins with a space, 2 joins without, 3 keeps the hyphen and joins,
 * 4 joins with a line break. */
static int
join_kind(struct joiner *j, const struct line *l, const struct line *n, int gap)
{
	size_t		 w;
	unsigned char	 c0 = (unsigned char)n->s[0];
	int		 pagegap = gap & 2 || (n->flags & LINE_PAGE);

	if (j->layout == LAYOUT_LINES)
		return 0;
	if (gap && !pagegap)
		return 0;
	if (pagegap) {
		/* extraction loses the blank line between paragraphs at a
		 * page break: a sentence that ends there ends its paragraph */
		if (sentence_end(l))
			return 0;
		if (!ends_hyphen(l) && !(l->flags & LINE_TRAIL) &&
		    j->layout == LAYOUT_TRAIL)
			return 0;
	}
	if (ends_hyphen(l)) {
		w = last_word(l, l->len - 1);
		switch (hyphen_decide(j->lx, j->p->wc, l->s + w, l->len - 1 - w,
		    n->s, first_word(n), 1)) {
		case HYPHEN_JOIN:
			return 2;
		case HYPHEN_KEEP:
			return 3;
		default:
			return 1;
		}
	}
	switch (j->layout) {
	case LAYOUT_TRAIL:
		if (l->flags & LINE_TRAIL)
			return 1;
		/* no trailing space: a paragraph ends, or a word broke */
		if (l->len > 0 && (isalpha((unsigned char)l->s[l->len - 1]) ||
		    (unsigned char)l->s[l->len - 1] >= 0x80) &&
		    (islower(c0) || (c0 >= 0xc3 && c0 <= 0xc5 &&
		    !isupper((unsigned char)n->s[1])))) {
			w = last_word(l, l->len);
			return hyphen_decide(j->lx, j->p->wc, l->s + w, l->len - w,
			    n->s, first_word(n), 0) == HYPHEN_SPACE ? 1 : 2;
		}
		return 0;
	case LAYOUT_BLOCKS:
		if (j->hardbreak && !(l->flags & LINE_TRAIL))
			return 4;
		return 1;
	case LAYOUT_FIT:
		if (clause_opener(n) || strcmp(l->s, "en gaat over tot de orde van de dag.") == 0)
			return 0;
		if (sentence_end(l) || (l->len && l->s[l->len - 1] == ','))
			return line_full(j, l, n, 0.85) ? 1 : 0;
		return line_full(j, l, n, 0.6) ? 1 : 0;
	default:
		return 0;
	}
}

/* Takes the note markers out of the text, keeping their positions. */
static int
flush(struct joiner *j)
{
	struct paper	*p = j->p;
	struct para	*pa;
	struct buf	 clean = { 0 };
	struct marker	*m = NULL;
	size_t		 nm = 0, i, k;
	int		 idx;

	if (j->text.len == 0)
		return 0;
	for (i = 0; i < j->text.len; i++) {
		const char *mk = memchr(j->text.s + i, MARK, j->text.len - i);

		/* the text up to the next marker, at once */
		k = mk != NULL ? (size_t)(mk - j->text.s) : j->text.len;
		buf_add(&clean, j->text.s + i, k - i);
		if ((i = k) == j->text.len)
			break;
		if ((k = i + 1) < j->text.len) {
			int n = 0;

			while (k < j->text.len && isdigit((unsigned char)j->text.s[k]))
				n = n * 10 + j->text.s[k++] - '0';
			if (k < j->text.len && j->text.s[k] == MARK) {
				struct marker *nmv = realloc(m, (nm + 1) * sizeof *m);

				if (nmv == NULL) {
					free(m);
					buf_free(&clean);
					return -1;
				}
				m = nmv;
				m[nm].number = n;
				m[nm++].pos = text_chars(clean.s,
				    clean.len);
				i = k;
				continue;
			}
		}
		buf_addc(&clean, j->text.s[i]);
	}
	/* a marker may leave a double or trailing space behind */
	while (clean.len > 0 && clean.s[clean.len - 1] == ' ')
		clean.s[--clean.len] = '\0';
	idx = clean.len ? paper_add_para(p, clean.s, clean.len, j->line, j->page) : 0;
	buf_free(&clean);
	if (idx == -1) {
		free(m);
		return -1;
	}
	if (clean.oom == 0 && p->npara > 0 && nm > 0) {
		pa = &p->paras[p->npara - 1];
		pa->marks = m;
		pa->nmarks = nm;
	} else
		free(m);
	j->text.len = 0;
	if (j->text.s)
		j->text.s[0] = '\0';
	return 0;
}

static void
note_link(struct paper *p)
{
	size_t	i, k, n;

	for (i = 0; i < p->npara; i++)
		for (k = 0; k < p->paras[i].nmarks; k++)
			for (n = 0; n < p->nnotes; n++)
				if (p->notes[n].number == p->paras[i].marks[k].number &&
				    p->notes[n].para == -1) {
					p->notes[n].para = (int)i;
					p->notes[n].pos = p->paras[i].marks[k].pos;
					break;
				}
}

int
para_build(struct paper *p, const struct lexicon *lx)
{
	struct joiner	 j;
	struct line	*prev = NULL;
	size_t		 i;
	int		 gap = 0;

	memset(&j, 0, sizeof j);
	j.p = p;
	j.lx = lx;
	j.layout = layout_detect(p, &j.width, &j.hardbreak);
	for (i = 0; i < p->nlines; i++) {
		struct line *l = &p->lines[i];

		if (!text_line(l)) {
			gap |= (l->flags & LINE_BLANK) ? 1 : 2;
			continue;
		}
		if (prev != NULL) {
			switch (join_kind(&j, prev, l, gap)) {
			case 0:
				if (flush(&j) == -1)
					goto oom;
				break;
			case 1:
				buf_addc(&j.text, ' ');
				break;
			case 2:
				if (ends_hyphen(prev))
					j.text.s[--j.text.len] = '\0';
				break;
			case 3:
				break;
			case 4:
				buf_addc(&j.text, '\n');
				break;
			}
		}
		if (j.text.len == 0) {
			j.line = l->no;
			j.page = l->page;
		}
		buf_add(&j.text, l->s, l->len);
		if (j.text.oom)
			goto oom;
		prev = l;
		gap = 0;
	}
	if (flush(&j) == -1)
		goto oom;
	buf_free(&j.text);
	note_link(p);
	return 0;
oom:
	buf_free(&j.text);
	return -1;
}
