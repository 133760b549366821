/* notes.c: footnotes and endnotes, and the markers that point to them.
 *
 * Text from DOCX carries "[endnoteRef:7]" where the marker stood and the
 * note itself as "[7:  text]"; "[bookmark: _Hlk…]" is noise. Text from PDF
 * keeps a marker as a digit glued to a word ("Valstar1") and the note as a
 * line "1 Kamerstuk …" at the foot of the same page. A glued digit is taken
 * as a marker only when a note of that number stands at the foot of the
 * same page, and markers must run in order, so "(NIS2)" and "G77" stay. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "paper.h"

#define FOOT_MAX_LINES	16	/* a page foot holds at most this many note lines */

/* Replaces l->s[from..to) by rep, reallocating when the line grows. */
static int
line_splice(struct line *l, size_t from, size_t to, const char *rep, size_t n)
{
	char	*s;

	if (n <= to - from) {
		memcpy(l->s + from, rep, n);
		memmove(l->s + from + n, l->s + to, l->len - to + 1);
		l->len -= (to - from) - n;
		return 0;
	}
	if ((s = malloc(l->len - (to - from) + n + 1)) == NULL)
		return -1;
	memcpy(s, l->s, from);
	memcpy(s + from, rep, n);
	memcpy(s + from + n, l->s + to, l->len - to + 1);
	if (l->flags & LINE_OWN)
		free(l->s);
	l->s = s;
	l->len = l->len - (to - from) + n;
	l->flags |= LINE_OWN;
	return 0;
}

/* The end of a bracketed run starting at s[i] == '[', or 0 when unclosed. */
static size_t
bracket_end(const char *s, size_t len, size_t i)
{
	int	depth = 0;

	for (; i < len; i++) {
		if (s[i] == '[')
			depth++;
		else if (s[i] == ']' && --depth == 0)
			return i + 1;
	}
	return 0;
}

static size_t
number_at(const char *s, size_t len, size_t i, int *n)
{
	size_t	j;

	for (*n = 0, j = i; j < len && j - i < 4 && isdigit((unsigned char)s[j]); j++)
		*n = *n * 10 + s[j] - '0';
	return j - i;
}

static void
trim_collapse(struct buf *b, const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ' && (b->len == 0 || b->s[b->len - 1] == ' '))
			continue;
		buf_addc(b, s[i]);
	}
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
}

/* DOCX artefacts in one line. */
static int
docx_line(struct paper *p, struct line *l)
{
	size_t	i = 0, e, d;
	int	n, empty = 1;
	char	mark[16];

	while (i < l->len) {
		if (l->s[i] != '[') {
			i++;
			continue;
		}
		if (strncmp(l->s + i, "[bookmark:", 10) == 0 &&
		    (e = bracket_end(l->s, l->len, i)) != 0) {
			if (line_splice(l, i, e, "", 0) == -1)
				return -1;
		} else if ((strncmp(l->s + i, "[endnoteRef:", 12) == 0 ||
		    strncmp(l->s + i, "[footnoteRef:", 13) == 0) &&
		    (d = number_at(l->s, l->len, i + (l->s[i + 1] == 'e' ? 12 : 13), &n)) > 0 &&
		    (e = bracket_end(l->s, l->len, i)) != 0) {
			int m = snprintf(mark, sizeof mark, "%c%d%c", MARK, n, MARK);

			if (line_splice(l, i, e, mark, (size_t)m) == -1)
				return -1;
			i += (size_t)m;
		} else if ((d = number_at(l->s, l->len, i + 1, &n)) > 0 &&
		    i + 1 + d < l->len && l->s[i + 1 + d] == ':') {
			struct buf	 b = { 0 };
			char		*text;

			if ((e = bracket_end(l->s, l->len, i)) == 0) {
				/* an unclosed "[7: " is an empty leftover */
				e = i + 2 + d;
			} else {
				trim_collapse(&b, l->s + i + 2 + d, e - 1 - (i + 2 + d));
				if (b.len > 0) {
					if ((text = buf_take(&b)) == NULL ||
					    paper_add_note(p, n, text, l->page) == -1)
						return -1;
				}
				buf_free(&b);
			}
			if (line_splice(l, i, e, "", 0) == -1)
				return -1;
		} else
			i++;
	}
	/* what is left may be only spaces */
	for (i = 0; i < l->len; i++)
		if (l->s[i] != ' ')
			empty = 0;
	if (empty)
		l->flags |= LINE_BLANK;
	else if (l->s[0] == ' ' || l->s[l->len - 1] == ' ') {
		struct buf b = { 0 };

		trim_collapse(&b, l->s, l->len);
		if (b.oom)
			return -1;
		memcpy(l->s, b.s, b.len + 1);
		l->len = b.len;
		buf_free(&b);
	}
	return 0;
}

/* "1 Kamerstuk …": a note line opening note number *n. */
static int
note_start(const struct line *l, int *n)
{
	size_t	d = number_at(l->s, l->len, 0, n);

	return d > 0 && d <= 3 && d + 1 < l->len && l->s[d] == ' ' &&
	    l->s[d + 1] != ' ';
}

static int
content(const struct line *l)
{
	return !(l->flags & (LINE_BLANK | LINE_DROP));
}

/* Checks that lines [k, end) form a page foot of notes from number want on. */
static int
foot_ok(const struct paper *p, size_t k, size_t end, int want)
{
	size_t	i, nl = 0;
	int	n;

	for (i = k; i < end; i++) {
		if (!content(&p->lines[i]))
			continue;
		if (++nl > FOOT_MAX_LINES)
			return 0;
		if (note_start(&p->lines[i], &n) && n == want)
			want++;
	}
	return 1;
}

/* Marks "Valstar1" as a marker for note n among lines [a, b) after *from. */
static int
pdf_marker(struct paper *p, size_t a, size_t b, int n, size_t *fromline,
    size_t *fromoff)
{
	char	 num[8], mark[16];
	size_t	 i, j, nd;
	int	 m;

	nd = (size_t)snprintf(num, sizeof num, "%d", n);
	for (i = *fromline > a ? *fromline : a; i < b; i++) {
		struct line *l = &p->lines[i];

		if (!content(l) || (l->flags & LINE_NOTE))
			continue;
		for (j = i == *fromline ? *fromoff : 0; j + nd <= l->len; j++) {
			unsigned char before = j > 0 ? (unsigned char)l->s[j - 1] : ' ';

			if (memcmp(l->s + j, num, nd) != 0 || j == 0)
				continue;
			if (j + nd < l->len && (isalnum((unsigned char)l->s[j + nd]) ||
			    (unsigned char)l->s[j + nd] >= 0x80))
				continue;
			/* glued to a letter (a non-ASCII byte counts: ë, ï) or
			 * to closing punctuation after one */
			if (!(isalpha(before) || before >= 0x80 ||
			    (strchr(".,;:)", before) != NULL && j > 1 &&
			    isalpha((unsigned char)l->s[j - 2]))))
				continue;
			if (isdigit((unsigned char)l->s[j - 1]))
				continue;
			m = snprintf(mark, sizeof mark, "%c%d%c", MARK, n, MARK);
			if (line_splice(l, j, j + nd, mark, (size_t)m) == -1)
				return -1;
			*fromline = i;
			*fromoff = j + (size_t)m;
			return 1;
		}
	}
	return 0;
}

/* Finds the notes at the foot of page lines [a, b). */
static int
pdf_page(struct paper *p, size_t a, size_t b, int *want)
{
	size_t		 k, i, d, fromline = a, fromoff = 0;
	struct buf	 text = { 0 };
	int		 n, cur = -1, page = 0, first = *want;

	for (k = a; k < b; k++) {
		if (!content(&p->lines[k]) || !note_start(&p->lines[k], &n) ||
		    n != *want)
			continue;
		if (k > a && !(p->lines[k - 1].flags & LINE_BLANK))
			continue;
		if (foot_ok(p, k, b, *want))
			break;
	}
	if (k >= b)
		return 0;
	for (i = k; i <= b; i++) {
		struct line *l = i < b ? &p->lines[i] : NULL;

		if (l != NULL && !content(l))
			continue;
		if (l == NULL || (note_start(l, &n) && n == *want)) {
			if (cur != -1) {
				char *s = buf_take(&text);

				if (s == NULL || paper_add_note(p, cur, s, page) == -1)
					return -1;
			}
			if (l == NULL)
				break;
			cur = n;
			page = l->page;
			(*want)++;
			d = number_at(l->s, l->len, 0, &n) + 1;
			buf_add(&text, l->s + d, l->len - d);
		} else {
			if (text.len > 0 && text.s[text.len - 1] != '/')
				buf_addc(&text, ' ');
			buf_add(&text, l->s, l->len);
		}
		l->flags |= LINE_NOTE;
	}
	buf_free(&text);
	for (n = first; n < *want; n++)
		if (pdf_marker(p, a, k, n, &fromline, &fromoff) == -1)
			return -1;
	return 0;
}

int
notes_extract(struct paper *p)
{
	size_t	i, a;
	int	docx = 0, want = 1;

	for (i = 0; i < p->nlines && !docx; i++)
		docx = strstr(p->lines[i].s, "[endnoteRef:") != NULL ||
		    strstr(p->lines[i].s, "[footnoteRef:") != NULL ||
		    strstr(p->lines[i].s, "[bookmark:") != NULL;
	if (docx) {
		p->docx = 1;
		for (i = 0; i < p->nlines; i++)
			if (strchr(p->lines[i].s, '[') != NULL &&
			    docx_line(p, &p->lines[i]) == -1)
				return -1;
		return 0;
	}
	for (a = 0, i = 0; i <= p->nlines; i++) {
		if (i < p->nlines && !(p->lines[i].flags & LINE_PAGE))
			continue;
		if (i > a && pdf_page(p, a, i, &want) == -1)
			return -1;
		a = i;
	}
	return 0;
}
