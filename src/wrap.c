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

int
wrap_text(const char *text, size_t len, int width, struct wrap_line **lines)
{
	char	*brk;
	size_t	 i, start = 0, end;
	int	 n = 0, cap = 0;
	ucs4_t	 uc;

	*lines = NULL;
	if (width < 1)
		width = 1;
	if (len == 0)
		return push(lines, &n, &cap, 0, 0, 0) == -1 ? -1 : n;
	if ((brk = malloc(len)) == NULL)
		return -1;
	u8_width_linebreaks((const uint8_t *)text, len, width, 0, 0, NULL,
	    "UTF-8", brk);
	for (i = 0; i <= len; i++) {
		if (i < len && brk[i] == UC_BREAK_PROHIBITED)
			continue;
		if (i < len && brk[i] != UC_BREAK_POSSIBLE &&
		    brk[i] != UC_BREAK_MANDATORY)
			continue;
		/* a break before i: the line is [start, i) less trailing spaces */
		if (i == start && i < len)
			continue;
		end = i;
		if (i < len && brk[i] == UC_BREAK_MANDATORY)
			end = i;	/* before the '\n' itself */
		while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n'))
			end--;
		/* a word wider than the line is cut at the width */
		while (width_of(text + start, end - start) > width) {
			size_t cut = start, w = 0;
			int cw;

			while (cut < end) {
				int k = u8_mbtouc(&uc, (const uint8_t *)text + cut, end - cut);

				cw = uc_width(uc, "UTF-8");
				if ((int)w + (cw > 0 ? cw : 0) > width && cut > start)
					break;
				w += cw > 0 ? (size_t)cw : 0;
				cut += (size_t)k;
			}
			if (push(lines, &n, &cap, start, cut, (int)w) == -1)
				goto oom;
			start = cut;
		}
		if (push(lines, &n, &cap, start, end, width_of(text + start,
		    end - start)) == -1)
			goto oom;
		start = i;
		while (start < len && (text[start] == ' ' || text[start] == '\n'))
			start++;
		if (start >= len)
			break;
		i = start;
		if (i > 0)
			i--;
	}
	free(brk);
	return n;
oom:
	free(brk);
	free(*lines);
	*lines = NULL;
	return -1;
}
