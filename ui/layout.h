/* layout.h: where each pane goes for a terminal size; no curses here, so
 * the rules can be tested. */
#ifndef LK_LAYOUT_H
#define LK_LAYOUT_H

#define LAYOUT_MIN_COLS		40
#define LAYOUT_MIN_ROWS		12
#define LAYOUT_WIDE		100	/* from here panes stand side by side */

struct rect {
	int	y, x, h, w;	/* h == 0: not shown */
};

enum pane { PANE_TREE, PANE_READER, PANE_XREF, PANE_COUNT };

struct layout {
	struct rect	pane[PANE_COUNT];
	struct rect	status, message;
	int		too_small;
	int		stacked;	/* the panel sits below the reader */
};

/* Computes the layout for rows x cols. show[] says which panes are on;
 * zoom is a pane that fills the screen, or -1. */
void	layout_compute(int rows, int cols, const int show[PANE_COUNT], int zoom,
	    struct layout *l);
/* Whether a pane is on by default at this width. */
int	layout_default_on(enum pane p, int cols);

#endif
