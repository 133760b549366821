/* wrap.h: breaking text into lines of a display width. */
#ifndef LK_WRAP_H
#define LK_WRAP_H
#include <stddef.h>

/* One wrapped line: bytes [start, end) of the text, and its display width. */
struct wrap_line {
	size_t	start, end;
	int	width;
};

/* Wraps UTF-8 text to width columns with Unicode line breaking; '\n' is a
 * forced break. Fills *lines (malloc'd) and returns their count, or -1 when
 * out of memory. A word wider than width is cut at width. */
int	wrap_text(const char *text, size_t len, int width, struct wrap_line **lines);

#endif
