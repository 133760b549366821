/* draw.c: putting text on the screen. Under a UTF-8 locale text goes out
 * as it is; under any other it is transliterated (Oekraïne → Oekraine),
 * never sent as raw bytes. Control characters never reach the terminal. */
#include <string.h>

#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "ui.h"

/* An ASCII stand-in for a character a non-UTF-8 terminal cannot show. */
static const char *
ascii_of(ucs4_t uc, char one[2])
{
	ucs4_t	dec[UC_DECOMPOSITION_MAX_LENGTH];

	switch (uc) {
	case 0x2018: case 0x2019: case 0x201a: case 0x2032:
		return "'";
	case 0x201c: case 0x201d: case 0x201e: case 0x00ab: case 0x00bb:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
		return "-";
	case 0x2026:
		return "...";
	case 0x00a0:
		return " ";
	case 0x00a7:
		return "S";
	case 0x00b6:
		return "P";
	case 0x20ac:
		return "EUR";
	}
	if (uc_canonical_decomposition(uc, dec) > 0 && dec[0] < 0x80) {
		one[0] = (char)dec[0];
		one[1] = '\0';
		return one;
	}
	return "?";
}

void
draw_text(struct app *a, WINDOW *w, const char *s, size_t len, int maxcols)
{
	size_t	 i = 0;
	int	 cols = 0, n, cw;
	ucs4_t	 uc;
	char	 one[2];
	const char *t;

	while (i < len && cols < maxcols) {
		n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
		if (uc < 0x20 || (uc >= 0x7f && uc < 0xa0)) {
			/* a control character shows as a visible placeholder */
			waddch(w, '?');
			cols++;
		} else if (uc < 0x80) {
			waddch(w, (chtype)uc);
			cols++;
		} else if (a->utf8) {
			cw = uc_width(uc, "UTF-8");
			if (cw < 0)
				cw = 1;
			if (cols + cw > maxcols)
				break;
			waddnstr(w, s + i, n);
			cols += cw;
		} else {
			t = ascii_of(uc, one);
			if (cols + (int)strlen(t) > maxcols)
				break;
			waddstr(w, t);
			cols += (int)strlen(t);
		}
		i += (size_t)n;
	}
}

int
draw_width(struct app *a, const char *s, size_t len)
{
	size_t	i = 0;
	int	cols = 0, n, cw;
	ucs4_t	uc;
	char	one[2];

	while (i < len) {
		n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
		if (uc < 0x80 || !a->utf8)
			cw = uc < 0x80 ? 1 : (int)strlen(ascii_of(uc, one));
		else if ((cw = uc_width(uc, "UTF-8")) < 0)
			cw = 1;
		cols += cw;
		i += (size_t)n;
	}
	return cols;
}

void
draw_fill(WINDOW *w, int cols)
{
	int	y, x, my, mx;

	getyx(w, y, x);
	getmaxyx(w, my, mx);
	(void)my;
	if (cols > mx)
		cols = mx;
	/* up to the last column, never past it onto the next row */
	for (; x < cols; x++)
		mvwaddch(w, y, x, ' ');
}

char *
ui_dup(const char *s)
{
	return strdup(s ? s : "");
}

char *
ui_dupnull(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *
ui_pack(char **dst[], const char *src[], int n)
{
	size_t	 len[8], total = 0;
	char	*b, *p;
	int	 i;

	if (n > 8)
		return NULL;
	for (i = 0; i < n; i++)
		total += len[i] = src[i] ? strlen(src[i]) + 1 : 1;
	if ((b = malloc(total)) == NULL)
		return NULL;
	for (i = 0, p = b; i < n; p += len[i++]) {
		memcpy(p, src[i] ? src[i] : "", len[i]);
		*dst[i] = p;
	}
	return b;
}

int
ui_list_key(int key, int *sel, int n, int page)
{
	int	s = *sel;

	switch (key) {
	case 'j': case KEY_DOWN:
		s++;
		break;
	case 'k': case KEY_UP:
		s--;
		break;
	case ' ': case KEY_NPAGE:
		s += page;
		break;
	case 'b': case KEY_PPAGE:
		s -= page;
		break;
	case 'g': case KEY_HOME:
		s = 0;
		break;
	case 'G': case KEY_END:
		s = n - 1;
		break;
	default:
		return 0;
	}
	*sel = s >= n ? n - 1 : s;
	if (*sel < 0)
		*sel = 0;
	return 1;
}
