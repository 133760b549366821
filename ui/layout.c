/* layout.c: the panes' places. Wide terminals show the tree, the reader
 * and the cross-reference panel side by side; below LAYOUT_WIDE columns
 * the tree is off unless asked for and the panel stacks below the reader. */
#include <string.h>

#include "layout.h"

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

int
layout_default_on(enum pane p, int cols)
{
	return p == PANE_READER || cols >= LAYOUT_WIDE;
}

void
layout_compute(int rows, int cols, const int show[PANE_COUNT], int zoom,
    struct layout *l)
{
	int	body, tw = 0, xw = 0, xh = 0;

	memset(l, 0, sizeof *l);
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
		l->too_small = 1;
		return;
	}
	body = rows - 2;
	l->status = (struct rect){ rows - 2, 0, 1, cols };
	l->message = (struct rect){ rows - 1, 0, 1, cols };
	if (zoom >= 0 && zoom < PANE_COUNT) {
		l->pane[zoom] = (struct rect){ 0, 0, body, cols };
		return;
	}
	if (cols >= LAYOUT_WIDE) {
		if (show[PANE_TREE])
			tw = clamp(cols / 4, 24, 40);
		if (show[PANE_XREF])
			xw = clamp(cols / 4, 26, 44);
		l->pane[PANE_TREE] = (struct rect){ 0, 0, tw ? body : 0, tw };
		l->pane[PANE_READER] = (struct rect){ 0, tw, body, cols - tw - xw };
		l->pane[PANE_XREF] = (struct rect){ 0, cols - xw, xw ? body : 0, xw };
		return;
	}
	if (show[PANE_TREE])
		tw = clamp(cols / 3, 16, 30);
	if (show[PANE_XREF]) {
		xh = clamp(body / 3, 4, body - 4);
		l->stacked = 1;
	}
	l->pane[PANE_TREE] = (struct rect){ 0, 0, tw ? body : 0, tw };
	l->pane[PANE_READER] = (struct rect){ 0, tw, body - xh, cols - tw };
	l->pane[PANE_XREF] = (struct rect){ body - xh, tw, xh, xh ? cols - tw : 0 };
}
