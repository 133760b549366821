/* browse.h: the browser's entry point, for main.c, which knows no curses. */
#ifndef LK_BROWSE_H
#define LK_BROWSE_H

struct store;

/* Runs the browser on the index, opening doc (any form a command accepts)
 * or the last document read. Returns the exit status. */
int	ui_run(struct store *st, const char *doc);

#endif
