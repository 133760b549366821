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

/* Adds [start, end) as lines, cutting a word wider than width. */
static int
add_line(struct wrap_line **v, int *n, int *cap, const char *text,
    size_t start, size_t end, int width)
{
	ucs4_t	uc;

	while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n'))
		end--;
	while (width_of(text + start, end - start) > width) {
		size_t	cut = start;
		int	w = 0, cw, k;

		while (cut < end) {
			k = u8_mbtouc(&uc, (const uint8_t *)text + cut, end - cut);
			cw = uc_width(uc, "UTF-8");
			if (cw < 0)
				cw = 0;
			if (w + cw > width && cut > start)
				break;
			w += cw;
			cut += (size_t)k;
		}
		if (push(v, n, cap, start, cut, w) == -1)
			return -1;
		start = cut;
	}
	return push(v, n, cap, start, end, width_of(text + start, end - start));
}

int
wrap_text(const char *text, size_t len, int width, struct wrap_line **lines)
{
	char	*brk;
	size_t	 i, start = 0;
	int	 n = 0, cap = 0;

	*lines = NULL;
	if (width < 1)
		width = 1;
	if ((brk = malloc(len + 1)) == NULL)
		return -1;
	/* brk[i] says whether a line starts at i: POSSIBLE here means the
	 * algorithm chose to break there to fit the width */
	/* it counts the space after a line's last word: one more column */
	u8_width_linebreaks((const uint8_t *)text, len, width + 1, 0, 0, NULL,
	    "UTF-8", brk);
	for (i = 0; i <= len; i++) {
		if (i < len && (i == start || brk[i] != UC_BREAK_POSSIBLE) &&
		    brk[i] != UC_BREAK_MANDATORY)
			continue;
		if (add_line(lines, &n, &cap, text, start, i, width) == -1)
			goto oom;
		/* a mandatory break is the '\n' itself */
		start = i < len && brk[i] == UC_BREAK_MANDATORY ? i + 1 : i;
	}
	free(brk);
	return n;
oom:
	free(brk);
	free(*lines);
	*lines = NULL;
	return -1;
}
