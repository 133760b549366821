/* wrap.c: line breaking with libunistring (u8_width_linebreaks), which
 * knows where Unicode allows a break and how wide each character is. */
#include <stdlib.h>
#include <string.h>

#include <uniwidth.h>
#include <unilbrk.h>
#include <unistr.h>

#include "wrap.h"

static int
push(struct wrap_line **v, int *n, int *cap, size_t s, size_t e, int w)
{
	struct wrap_line *nv;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		if ((nv = realloc(*v, (size_t)*cap * sizeof **v)) == NULL)
			return -1;
		*v = nv;
	}
	(*v)[*n].start = s;
	(*v)[*n].end = e;
	(*v)[*n].width = w;
	(*n)++;
	return 0;
}

static int
width_of(const char *s, size_t n)
{
	return u8_width((const uint8_t *)s, n, "UTF-8");
}

/* Adds [start, end) as a line, less its trailing spaces. */
static int
add_line(struct wrap_line **v, int *n, int *cap, const char *text,
    size_t start, size_t end)
{
	while (end > start && text[end - 1] == ' ')
		end--;
	return push(v, n, cap, start, end, width_of(text + start, end - start));
}

int
wrap_text(const char *text, size_t len, int width, struct wrap_line **lines)
{
	char	*brk;
	size_t	 i, start = 0, opp = 0;
	int	 n = 0, cap = 0, col = 0, cw, k;
	ucs4_t	 uc;

	*lines = NULL;
	if (width < 1)
		width = 1;
	if ((brk = malloc(len + 1)) == NULL)
		return -1;
	/* where Unicode allows a break; the greedy fill is ours, since the
	 * library's own counts the space after a line's last word */
	u8_possible_linebreaks((const uint8_t *)text, len, "UTF-8", brk);
	for (i = 0; i < len; i += (size_t)k) {
		k = u8_mbtouc(&uc, (const uint8_t *)text + i, len - i);
		if (brk[i] == UC_BREAK_MANDATORY) {
			if (add_line(lines, &n, &cap, text, start, i) == -1)
				goto oom;
			start = i + (size_t)k;
			opp = start;
			col = 0;
			continue;
		}
		if (brk[i] == UC_BREAK_POSSIBLE && i > start)
			opp = i;
		if ((cw = uc_width(uc, "UTF-8")) < 0)
			cw = 0;
		if (uc != ' ' && col + cw > width && i > start) {
			/* break at the last opportunity, else cut the word */
			size_t at = opp > start ? opp : i;

			if (add_line(lines, &n, &cap, text, start, at) == -1)
				goto oom;
			start = at;
			while (start < i && text[start] == ' ')
				start++;
			opp = start;
			col = width_of(text + start, i - start);
		}
		col += cw;
	}
	if ((start < len || n == 0 || (len > 0 && text[len - 1] == '\n')) &&
	    add_line(lines, &n, &cap, text, start, len) == -1)
		goto oom;
	free(brk);
	return n;
oom:
	free(brk);
	free(*lines);
	*lines = NULL;
	return -1;
}
