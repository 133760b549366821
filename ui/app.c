/* app.c: the browser's loop: keys, panes, the open document and the
 * back/forward history. */
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "store.h"
#include "ui.h"

#define OFFICIAL_URL	"https://zoek.officielebekendmakingen.nl/%s.html"

void
app_message(struct app *a, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
}

static void
save_position(struct app *a)
{
	if (a->doc.rowid != 0)
		store_position_set(a->st, a->doc.key, a->top.para, a->top.line);
}

static void
push(struct place *v, int *n, struct place p)
{
	if (*n == HISTORY) {
		memmove(v, v + 1, (HISTORY - 1) * sizeof *v);
		(*n)--;
	}
	v[(*n)++] = p;
}

/* Where the reader is: the open document, or the results list. */
static struct place
here(struct app *a)
{
	struct place p = a->top;

	p.results = a->in_results;
	if (a->in_results)
		p.para = a->rsel;
	return p;
}

void
app_results(struct app *a, int sel)
{
	if (!a->in_results && (a->doc.rowid != 0 || a->nback > 0)) {
		push(a->back, &a->nback, here(a));
		a->nfwd = 0;
	}
	a->in_results = 1;
	a->rsel = sel;
	a->rtop = 0;
}

int
app_open(struct app *a, int64_t doc, int para, int line, int remember)
{
	if (remember && (a->doc.rowid != 0 || a->in_results)) {
		push(a->back, &a->nback, here(a));
		a->nfwd = 0;
	}
	a->in_results = 0;
	if (doc != a->doc.rowid) {
		save_position(a);
		/* kept, as the reader often goes back to it */
		udoc_keep(a);
		reader_cache_clear(a);
		if (!udoc_take(a, doc) && udoc_load(a->st, doc, &a->doc) == -1) {
			app_message(a, "Cannot open that document.");
			/* its rows borrowed from a document let go of */
			tree_build(a);
			return -1;
		}
		marks_doc_load(a);
		a->vsel = 0;
	}
	a->top.doc = doc;
	a->sel = -1;
	a->xsel = a->xtop = 0;
	reader_goto(a, para, 0);
	if (line > 0)
		reader_scroll(a, line);
	tree_follow(a);
	return 0;
}

static void
history_move(struct app *a, int back)
{
	struct place	*from = back ? a->back : a->fwd, p;
	int		*nfrom = back ? &a->nback : &a->nfwd;

	if (*nfrom == 0) {
		app_message(a, back ? "Nothing to go back to." :
		    "Nothing to go forward to.");
		return;
	}
	p = from[--*nfrom];
	if (a->doc.rowid != 0 || a->in_results)
		push(back ? a->fwd : a->back, back ? &a->nfwd : &a->nback, here(a));
	if (p.results && a->nres > 0) {
		a->in_results = 1;
		a->rsel = p.para < a->nres ? p.para : 0;
		return;
	}
	app_open(a, p.doc, p.para, 0, 0);
	a->top = p;
	a->top.results = 0;
}

/* Opens the official publication of an id with $BROWSER or xdg-open, or
 * shows the address when neither is there. */
static void
official_page(struct app *a, const char *id)
{
	char		 url[512], *prog = getenv("BROWSER");
	pid_t		 pid;
	int		 status;

	if (id == NULL || *id == '\0' || strncmp(id, "dossier-", 8) == 0) {
		app_message(a, "No official page for this.");
		return;
	}
	snprintf(url, sizeof url, OFFICIAL_URL, id);
	if (prog == NULL || *prog == '\0') {
		if (access("/usr/bin/xdg-open", X_OK) == 0)
			prog = "/usr/bin/xdg-open";
		else {
			app_message(a, "%s", url);
			return;
		}
	}
	if ((pid = fork()) == 0) {
		int fd = open("/dev/null", O_RDWR);

		if (fd != -1) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execlp("/bin/sh", "sh", "-c", "exec $0 \"$1\"", prog, url, (char *)NULL);
		_exit(127);
	}
	if (pid > 0 && waitpid(pid, &status, 0) > 0 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0)
		app_message(a, "Opened %s", url);
	else
		app_message(a, "Could not open %s", url);
}

void
app_follow(struct app *a, const struct ucite *c)
{
	int64_t	doc;
	char	err[512];
	int	para = 1, i, pin;

	if (c->target == NULL) {
		/* show it in the panel, where o and :load can act on it */
		if (!a->show[PANE_XREF])
			a->show[PANE_XREF] = a->user_set[PANE_XREF] = 1;
		app_message(a, "%s is not in the corpus: o opens the official page,"
		    " :load adds the paper", c->display);
		return;
	}
	if (store_doc_find(a->st, c->target, &doc, err, sizeof err) == -1) {
		app_message(a, "%s: %s", c->target, err);
		return;
	}
	/* c is in the document app_open lets go of */
	pin = c->pin;
	if (pin > 0 && (i = store_para_at_page(a->st, doc, pin)) > 0)
		para = i;
	if (app_open(a, doc, para, 0, 1) == -1)
		return;
	if (pin > 0 && para > 1)
		app_message(a, "%s, p. %d", a->doc.title, pin);
	else if (pin > 0)
		app_message(a, "%s: p. %d cited, but this text has no page"
		    " numbers", a->doc.title, pin);
	else
		app_message(a, "%s", a->doc.title);
}

static void
windows_make(struct app *a)
{
	int	i;

	for (i = 0; i < PANE_COUNT; i++) {
		if (a->win[i] != NULL)
			delwin(a->win[i]);
		a->win[i] = NULL;
	}
	getmaxyx(stdscr, a->rows, a->cols);
	for (i = 0; i < PANE_COUNT; i++)
		if (!a->user_set[i])
			a->show[i] = layout_default_on((enum pane)i, a->cols);
	layout_compute(a->rows, a->cols, a->show, a->zoom, &a->lay);
	if (a->lay.too_small)
		return;
	for (i = 0; i < PANE_COUNT; i++) {
		const struct rect *r = &a->lay.pane[i];

		if (r->h > 0 && r->w > 0)
			a->win[i] = newwin(r->h, r->w, r->y, r->x);
	}
	if (a->focus != PANE_READER && a->win[a->focus] == NULL)
		a->focus = PANE_READER;
}

static void
draw_status(struct app *a)
{
	char	line[1024], pg[16];
	int	s, pct, page = 0;
	struct rpara *r;

	move(a->lay.status.y, 0);
	attron(A_REVERSE);
	if (a->doc.rowid != 0) {
		s = udoc_section_of(&a->doc, a->top.para);
		if ((r = reader_para(a, a->top.para, reader_width(a))) != NULL)
			page = r->page;
		pct = a->doc.npara > 1 ? (reader_bottom(a, NULL) * 100) / a->doc.npara : 100;
		snprintf(pg, sizeof pg, page ? "p. %d" : "p. -", page);
		snprintf(line, sizeof line, " %s | %s%s | %s | %d%% ", a->doc.key,
		    s >= 0 ? "\xc2\xa7 " : "-", s >= 0 ? a->doc.secs[s].title : "",
		    pg, pct > 100 ? 100 : pct);
	} else
		snprintf(line, sizeof line, " leeskamer | %d documents ",
		    store_doc_count(a->st));
	draw_text(a, stdscr, line, strlen(line), a->cols);
	draw_fill(stdscr, a->cols);
	attroff(A_REVERSE);
	move(a->lay.message.y, 0);
	clrtoeol();
	draw_text(a, stdscr, a->msg, strlen(a->msg), a->cols - 1);
}

void
app_draw(struct app *a)
{
	int	i;

	erase();
	if (a->lay.too_small) {
		mvaddstr(0, 0, "Terminal too small: leeskamer needs 40x12.");
		refresh();
		return;
	}
	wnoutrefresh(stdscr);
	/* the separators between panes */
	for (i = 0; i < PANE_COUNT; i++)
		if (a->win[i] != NULL)
			werase(a->win[i]);
	if (a->win[PANE_READER] && a->in_marks)
		marks_draw(a, a->win[PANE_READER]);
	else if (a->win[PANE_READER] && a->in_results)
		results_draw(a, a->win[PANE_READER]);
	else if (a->win[PANE_READER])
		reader_draw(a, a->win[PANE_READER]);
	tree_follow(a);
	if (a->win[PANE_TREE])
		tree_draw(a, a->win[PANE_TREE]);
	if (a->win[PANE_XREF])
		xref_draw(a, a->win[PANE_XREF]);
	draw_status(a);
	wnoutrefresh(stdscr);
	for (i = 0; i < PANE_COUNT; i++)
		if (a->win[i] != NULL) {
			/* a pane in focus shows it with a bold first column */
			wnoutrefresh(a->win[i]);
		}
	doupdate();
}

static void
section_step(struct app *a, int dir)
{
	int	s = udoc_section_of(&a->doc, a->top.para), t;

	if (a->doc.nsecs == 0)
		return;
	if (dir > 0)
		t = s + 1;
	else
		t = a->top.line == 0 && s >= 0 && a->doc.secs[s].first == a->top.para ?
		    s - 1 : s;
	if (t < 0 || t >= a->doc.nsecs) {
		app_message(a, dir > 0 ? "This is the last section." :
		    "This is the first section.");
		return;
	}
	reader_goto(a, a->doc.secs[t].first, 0);
	app_message(a, "%s%s%s", a->doc.secs[t].number,
	    a->doc.secs[t].number[0] ? " " : "", a->doc.secs[t].title);
}

static void
notes_show(struct app *a)
{
	struct buf	b = { 0 };
	int		s = udoc_section_of(&a->doc, a->top.para), i, n = 0;
	int		first = s >= 0 ? a->doc.secs[s].first : 1;
	int		last = s >= 0 ? a->doc.secs[s].last : a->doc.npara;

	for (i = 0; i < a->doc.nnotes; i++) {
		const struct unote *nt = &a->doc.notes[i];

		if (nt->para < first || nt->para > last)
			continue;
		buf_addf(&b, "%s[%d] %s", n++ ? "   " : "", nt->number, nt->text);
	}
	if (n == 0)
		app_message(a, "No notes in this section.");
	else
		app_message(a, "%s", b.s);
	buf_free(&b);
}

static void
command(struct app *a)
{
	char	*line = prompt_read(a, ":", NULL, NULL, 0), *arg, err[1024];
	int64_t	 doc;

	if (line == NULL)
		return;
	arg = strchr(line, ' ');
	if (arg != NULL) {
		*arg++ = '\0';
		while (*arg == ' ')
			arg++;
	}
	if (strcmp(line, "q") == 0 || strcmp(line, "quit") == 0)
		a->quit = 1;
	else if (strcmp(line, "help") == 0 || strcmp(line, "h") == 0)
		help_show(a);
	else if ((strcmp(line, "open") == 0 || strcmp(line, "e") == 0) && arg) {
		if (store_doc_find(a->st, arg, &doc, err, sizeof err) == -1)
			app_message(a, "%s: %s", arg, err);
		else
			app_open(a, doc, 1, 0, 1);
	} else if (strcmp(line, "load") == 0 && arg) {
		struct cli c;
		char *paths[1] = { arg };

		memset(&c, 0, sizeof c);
		c.prog = "leeskamer";
		c.st = a->st;
		def_prog_mode();
		endwin();
		printf("\n");
		cli_load(&c, 1, paths);
		printf("\nPress a key to go back to leeskamer.");
		fflush(stdout);
		reset_prog_mode();
		getch();
		udoc_kept_free(a);
		tree_reload(a);
		app_message(a, "Loaded %s", arg);
	} else if (line[0] != '\0')
		app_message(a, "Unknown command: %s (try :help)", line);
	free(line);
}

static int
key_code(const char *cap)
{
	char	*s = tigetstr(cap);

	if (s == NULL || s == (char *)-1)
		return -1;
	return key_defined(s);
}

static void
reader_key(struct app *a, int ch, int n)
{
	int	h = a->lay.pane[PANE_READER].h;

	switch (ch) {
	case 'j': case KEY_DOWN:
		reader_scroll(a, n);
		break;
	case 'k': case KEY_UP:
		reader_scroll(a, -n);
		break;
	case ' ': case KEY_NPAGE: case 'f' & 0x1f:
		reader_scroll(a, n * (h > 2 ? h - 2 : 1));
		break;
	case 'b': case KEY_PPAGE:
		reader_scroll(a, -n * (h > 2 ? h - 2 : 1));
		break;
	case 'g': case KEY_HOME:
		if (a->count)
			reader_goto(a, a->count, 0);
		else
			reader_goto(a, 1, 0);
		break;
	case 'G': case KEY_END:
		reader_end(a);
		break;
	case '\n': case '\r': case KEY_ENTER:
		if (a->sel >= 0 && a->sel < a->doc.ncites) {
			udoc_target(a->st, &a->doc, a->sel);
			app_follow(a, &a->doc.cites[a->sel]);
		} else
			app_message(a, "No citation selected: } selects the next one.");
		break;
	}
}

/* Sets up the terminal on in and out, the panes and the tree, and opens
 * start (any form a command accepts) or where the reader left off. -1
 * when the terminal cannot be used. */
int
ui_start(struct app *a, struct store *st, const char *start, FILE *in,
    FILE *out)
{
	int64_t	doc;
	int	para = 1, line = 0;
	char	key[256], err[1024];

	memset(a, 0, sizeof *a);
	a->st = st;
	store_browse(st);
	a->sel = -1;
	a->zoom = -1;
	a->focus = PANE_READER;
	a->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if ((a->scr = newterm(NULL, out, in)) == NULL) {
		fprintf(stderr, "leeskamer: cannot use this terminal (TERM=%s)\n",
		    getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (has_colors() && getenv("NO_COLOR") == NULL) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		init_pair(2, COLOR_CYAN, -1);
		init_pair(3, COLOR_YELLOW, -1);
		init_pair(4, COLOR_GREEN, -1);
		init_pair(5, COLOR_BLACK + 8 < COLORS ? COLOR_BLACK + 8 : COLOR_BLUE, -1);
		init_pair(6, COLOR_BLACK, COLOR_YELLOW);
		a->color = 1;
	}
	a->alt_left = key_code("kLFT3");
	a->alt_right = key_code("kRIT3");
	windows_make(a);
	/* what to open: the argument, else where the reader left off; the
	 * tree's documents are read after the first screen (ui_idle) */
	if (start != NULL) {
		if (store_doc_find(st, start, &doc, err, sizeof err) == 0) {
			if (store_doc_key(st, doc, key, sizeof key) == 0)
				store_position_get(st, key, &para, &line);
			app_open(a, doc, para, line, 0);
		} else
			app_message(a, "%s: %s", start, err);
	} else if (store_position_last(st, key, sizeof key) == 0 &&
	    store_doc_find(st, key, &doc, err, sizeof err) == 0 &&
	    store_position_get(st, key, &para, &line) == 0)
		app_open(a, doc, para, line, 0);
	else {
		/* else the tree's first document: the tree is read now */
		tree_reload(a);
		if (a->ntrows > 0)
			app_open(a, a->trows[0].doc, 1, 0, 0);
	}
	if (a->doc.rowid == 0)
		tree_build(a);
	if (a->msg[0] == '\0')
		app_message(a, "F1 or H: help   q: quit");
	return 0;
}

/* Whether key ch acts on the open document's sections, citations or
 * cited-by, read after its first screen: those of another pane, and the
 * reader's that step through them or act on a selected citation. Moving
 * through the text, searching, going back and forward and opening
 * another paper do not wait for them. */
static int
needs_rest(const struct app *a, int ch)
{
	if (a->doc.rowid == 0 || a->doc.rest == 0)
		return 0;
	if (a->focus != PANE_READER && ch != '\t' && ch != KEY_BTAB)
		return 1;
	if (a->in_marks || a->in_results)
		return 0;
	return (ch > 0 && ch < 128 && strchr("][}{oyim\r\n", ch) != NULL) ||
	    ch == KEY_ENTER;
}

/* Handles one key; the caller redraws (app_draw) before the next. */
void
ui_key(struct app *a, int ch)
{
	int	n;

	if (ch == ERR)
		return;
	/* a key that acts on sections or citations never sees them in
	 * part; the others leave them to the time between keys */
	if (needs_rest(a, ch))
		udoc_rest_all(a);
	if (ch == KEY_RESIZE) {
		windows_make(a);
		return;
	}
	if (ch >= '0' && ch <= '9' && (a->count > 0 || ch != '0')) {
		a->count = a->count * 10 + (ch - '0');
		if (a->count > 100000)
			a->count = 100000;
		return;
	}
	n = a->count ? a->count : 1;
	a->msg[0] = '\0';
	if (a->in_marks && ch != '\t' && ch != KEY_BTAB && ch != KEY_F(1) &&
	    a->focus == PANE_READER) {
		marks_key(a, ch);
	} else if (ch == 'q') {
		a->quit = 1;
	} else if (ch == '\t' || ch == KEY_BTAB) {
		int d = ch == '\t' ? 1 : PANE_COUNT - 1, f = a->focus, k;

		for (k = 0; k < PANE_COUNT; k++) {
			f = (f + d) % PANE_COUNT;
			if (a->win[f] != NULL)
				break;
		}
		a->focus = f;
	} else if (ch == 't' || ch == 'x') {
		int p = ch == 't' ? PANE_TREE : PANE_XREF;

		a->show[p] = !a->show[p];
		a->user_set[p] = 1;
		if (a->show[p])
			a->focus = p;
		else if (a->focus == p)
			a->focus = PANE_READER;
		a->zoom = -1;
		windows_make(a);
	} else if (ch == 'z') {
		a->zoom = a->zoom == -1 ? a->focus : -1;
		windows_make(a);
	} else if (ch == KEY_F(1) || ch == 'H') {
		help_show(a);
		windows_make(a);
	} else if (ch == ':') {
		command(a);
		windows_make(a);
	} else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8 ||
	    ch == ('o' & 0x1f) || ch == 'B' || (a->alt_left > 0 && ch == a->alt_left)) {
		history_move(a, 1);
	} else if (ch == 'F' || (a->alt_right > 0 && ch == a->alt_right)) {
		history_move(a, 0);
	} else if (ch == 27) {
		/* Alt-Left and Alt-Right as ESC b / ESC f from some terminals */
		nodelay(stdscr, TRUE);
		n = getch();
		nodelay(stdscr, FALSE);
		if (n == 'b' || n == KEY_LEFT)
			history_move(a, 1);
		else if (n == 'f' || n == KEY_RIGHT)
			history_move(a, 0);
	} else if (a->doc.rowid != 0 && (ch == ']' || ch == '[')) {
		section_step(a, ch == ']' ? 1 : -1);
	} else if (a->doc.rowid != 0 && (ch == '}' || ch == '{')) {
		while (n-- > 0)
			reader_cite_step(a, ch == '}' ? 1 : -1);
	} else if (ch == 'o') {
		if (a->sel >= 0 && a->sel < a->doc.ncites)
			official_page(a, a->doc.cites[a->sel].id);
		else
			official_page(a, strncmp(a->doc.key, "kst-", 4) == 0 ?
			    a->doc.key : NULL);
	} else if (ch == 'y') {
		if (a->sel >= 0 && a->sel < a->doc.ncites)
			app_message(a, "Kamerstuk %s", a->doc.cites[a->sel].display);
		else if (a->doc.kamerstuk)
			app_message(a, "Kamerstuk %s", a->doc.kamerstuk);
	} else if (ch == 'i') {
		notes_show(a);
	} else if (ch == 's') {
		search_corpus_prompt(a);
	} else if (ch == '\'') {
		marks_open(a);
	} else if (ch == 'm' && a->doc.rowid != 0 && !a->in_results) {
		marks_add(a);
	} else if (ch == 'v' && a->doc.rowid != 0 && !a->in_results) {
		marks_select(a);
	} else if (ch == '/' || ch == '?') {
		if (a->in_results)
			a->in_results = 0;
		search_doc_prompt(a, ch == '/' ? 1 : -1);
	} else if (ch == 'n' || ch == 'N') {
		search_repeat(a, ch == 'n' ? 1 : -1);
	} else if (a->in_results && a->focus == PANE_READER) {
		results_key(a, ch);
	} else if (a->focus == PANE_TREE) {
		tree_key(a, ch);
	} else if (a->focus == PANE_XREF) {
		if (ch == 'j' || ch == 'k' || ch == KEY_DOWN || ch == KEY_UP ||
		    ch == '\n' || ch == '\r' || ch == KEY_ENTER)
			xref_key(a, ch);
		else
			reader_key(a, ch, n);
	} else if (a->doc.rowid != 0)
		reader_key(a, ch, n);
	a->count = 0;
}

/* Saves the reading position, frees what the browser holds and gives the
 * terminal back. */
void
ui_stop(struct app *a)
{
	int	i;

	save_position(a);
	search_free(a);
	marks_free(a);
	udoc_free(&a->doc);
	udoc_kept_free(a);
	reader_cache_clear(a);
	tree_free(a);
	free(a->topen);
	free(a->tclosed);
	for (i = 0; i < a->ngopen; i++)
		free(a->gopen[i]);
	free(a->gopen);
	for (i = 0; i < PANE_COUNT; i++)
		if (a->win[i])
			delwin(a->win[i]);
	endwin();
	delscreen(a->scr);
}

int
ui_pending(struct app *a)
{
	return (a->doc.rowid != 0 && a->doc.rest) || tree_pending(a) ||
	    search_pending(a);
}

void
ui_idle(struct app *a)
{
	/* the open document's sections and citations first, a part a
	 * slice; the screen is laid out again when all are there */
	if (a->doc.rowid != 0 && a->doc.rest) {
		if (udoc_rest(a->st, &a->doc) == 0) {
			reader_cache_clear(a);
			tree_refresh(a);
		}
	} else if (tree_pending(a))
		tree_idle(a);
	else
		search_idle(a);
}

int
ui_run(struct store *st, const char *start)
{
	struct app	a;
	int		ch;

	if (!isatty(0) || !isatty(1)) {
		fprintf(stderr, "leeskamer: the browser needs a terminal"
		    " (for the commands, see leeskamer --help)\n");
		return 1;
	}
	if (ui_start(&a, st, start, stdin, stdout) == -1)
		return 1;
	while (!a.quit) {
		app_draw(&a);
		/* the tree's documents, a corpus search ranking on and the
		 * related papers take the time between keys */
		timeout(ui_pending(&a) ? 0 : -1);
		ch = getch();
		timeout(-1);
		if (ch == ERR)
			ui_idle(&a);
		else
			ui_key(&a, ch);
	}
	ui_stop(&a);
	return 0;
}
