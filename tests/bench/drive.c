/* drive.c: the browser's bench. Runs the real browser (ui/) in this
 * process on a pseudo-terminal and feeds its key handler keys, timing each
 * from the key to the screen written out (ui_key, app_draw, doupdate);
 * times opening the largest document the same way; and times less and
 * leeskamer as processes to their first screen through a pseudo-terminal.
 * Built by `make bench-drive`, run by tests/bench/run.sh.
 *
 *   drive [-n KEYS] [-w WORD]... -d DOC -f FILE -l LEESKAMER
 *
 * DOC is the document to page through (its id or file stem), FILE its
 * text for less, LEESKAMER the binary; LEESKAMER_HOME names the index and
 * TERM the terminal. The words are searched for with s. Prints lines of
 * tab-separated fields, times in ms:
 *
 *   key KIND COUNT MEDIAN P99 MAX	per kind of key, then "all"; "rank"
 *					is not a key but a slice of a
 *					corpus search's ranking between keys,
 *					"related" a slice of the open paper's
 *					related papers, "idle" a piece of the
 *					tree's documents or of the open
 *					paper's sections, citations and
 *					cited-by, read after its first screen
 *   open COUNT MEDIAN P99 MAX		app_open + app_draw of DOC
 *   first OURS LESS			leeskamer DOC and less FILE as
 *					processes, to their first screen
 *   lesspage MEDIAN P99		less: Space to its next screen
 *   paged FORWARD BACK			pages turned down and up through DOC
 *   rss KB				peak RSS of this process: the browser
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "ui.h"

#define ROWS		50
#define COLS		160
#define ROUNDS		5	/* timed openings and process starts */
#define LESS_PAGES	100
#define MARK_LESS	"LKDRIVEREADY"	/* less's prompt, set with -Ps */
#define MARK_OURS	"q: quit"	/* ui_start's message: the last line */

enum kind {
	K_LINE, K_PAGE, K_END, K_SECTION, K_CITE, K_FOLLOW, K_HISTORY,
	K_TREE, K_OPEN, K_RESIZE, K_SEARCH, K_RESULT,
	K_RANK,		/* not a key: a slice of ranking between keys */
	K_RELATED,	/* nor this: related papers read between keys */
	K_IDLE,		/* nor this: a piece of the tree read between keys */
	K_COUNT
};

static const char *kind_names[K_COUNT] = {
	"line", "page", "end", "section", "cite", "follow", "history",
	"tree", "open", "resize", "search", "result", "rank", "related", "idle"
};

struct times {
	double	*v;
	int	 n, cap;
};

struct drive {
	struct app	 a;
	int		 master;
	int		 left;		/* keys still to press */
	uint64_t	 rng;
	struct times	 t[K_COUNT];
	const char	*words[16];
	int		 nwords;
};

static void __attribute__((format(printf, 1, 2), noreturn))
die(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	fprintf(stderr, "drive: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
times_add(struct times *t, double ms)
{
	double	*v;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		if ((v = realloc(t->v, t->cap * sizeof *v)) == NULL)
			die("out of memory");
		t->v = v;
	}
	t->v[t->n++] = ms;
}

static int
cmp_double(const void *x, const void *y)
{
	double	a = *(const double *)x, b = *(const double *)y;

	return a < b ? -1 : a > b;
}

/* Sorts the times; the median, and the p99 by nearest rank, as run.sh. */
static void
times_stats(struct times *t, double *med, double *p99)
{
	int	p;

	*med = *p99 = 0;
	if (t->n == 0)
		return;
	qsort(t->v, t->n, sizeof *t->v, cmp_double);
	*med = t->n % 2 ? t->v[t->n / 2] :
	    (t->v[t->n / 2 - 1] + t->v[t->n / 2]) / 2;
	p = (t->n * 99 + 99) / 100;
	*p99 = t->v[p - 1];
}

/* A fixed sequence of random numbers, so every run presses the same keys
 * on the same corpus. */
static int
rnd(struct drive *d, int n)
{
	d->rng ^= d->rng << 13;
	d->rng ^= d->rng >> 7;
	d->rng ^= d->rng << 17;
	return (int)(d->rng % (uint64_t)n);
}

/* ---- pseudo-terminals ---- */

static int
pty_open(int rows, int cols)
{
	struct winsize	ws;
	int		m;

	if ((m = posix_openpt(O_RDWR | O_NOCTTY)) == -1 || grantpt(m) == -1 ||
	    unlockpt(m) == -1)
		die("posix_openpt: %s", strerror(errno));
	memset(&ws, 0, sizeof ws);
	ws.ws_row = rows;
	ws.ws_col = cols;
	ioctl(m, TIOCSWINSZ, &ws);
	return m;
}

/* A pseudo-terminal's buffer holds some 20 kB, less than one redraw of a
 * large screen can write, so what the browser writes is read away as it
 * comes, as a terminal does, and never blocks it. */
static void *
drain(void *arg)
{
	char	buf[65536];
	ssize_t	n;
	int	m = *(int *)arg;

	while ((n = read(m, buf, sizeof buf)) > 0 || (n == -1 && errno == EINTR))
		;
	return NULL;
}

/* Starts argv on a pseudo-terminal of its own; returns the master. */
static int
spawn(char *const argv[], pid_t *pid)
{
	int	m = pty_open(ROWS, COLS), s;

	if ((*pid = fork()) == -1)
		die("fork: %s", strerror(errno));
	if (*pid == 0) {
		setsid();
		if ((s = open(ptsname(m), O_RDWR)) == -1)
			_exit(126);
		dup2(s, 0);
		dup2(s, 1);
		dup2(s, 2);
		close(s);
		close(m);
		execvp(argv[0], argv);
		_exit(127);
	}
	return m;
}

/* Reads m until its output holds mark: 0, or -1 at its end or after 30 s. */
static int
read_until(int m, const char *mark)
{
	char		buf[16384];
	size_t		have = 0, ml = strlen(mark), i;
	struct pollfd	pfd;
	ssize_t		n;

	pfd.fd = m;
	pfd.events = POLLIN;
	for (;;) {
		if (poll(&pfd, 1, 30000) <= 0)
			return -1;
		if ((n = read(m, buf + have, sizeof buf - have)) <= 0)
			return -1;
		have += n;
		for (i = 0; i + ml <= have; i++)
			if (memcmp(buf + i, mark, ml) == 0)
				return 0;
		/* keep what may be the start of the mark */
		if (have >= ml) {
			memmove(buf, buf + have - (ml - 1), ml - 1);
			have = ml - 1;
		}
	}
}

/* Ends a program on a pseudo-terminal: key q, and its output to the end
 * (or 30 s); killed if it is still there. */
static void
finish(int m, pid_t pid)
{
	int	status;

	if (write(m, "q", 1) == 1)
		read_until(m, "\1never\1");
	kill(pid, SIGKILL);
	close(m);
	waitpid(pid, &status, 0);
}

/* The median time of argv to the screen that shows mark, over ROUNDS
 * starts after one untimed; -1 when it never shows. */
static double
first_screen(char *const argv[], const char *mark)
{
	struct times	t = { 0 };
	double		t0, med, p99;
	pid_t		pid;
	int		i, m, ok;

	for (i = 0; i <= ROUNDS; i++) {
		t0 = now_ms();
		m = spawn(argv, &pid);
		ok = read_until(m, mark) == 0;
		if (ok && i > 0)
			times_add(&t, now_ms() - t0);
		finish(m, pid);
		if (!ok)
			return -1;
	}
	times_stats(&t, &med, &p99);
	free(t.v);
	return med;
}

/* less turning pages: Space to its next prompt. */
static void
less_pages(const char *file, double *med, double *p99)
{
	char		*argv[] = { "less", "-Ps" MARK_LESS, (char *)file, NULL };
	struct times	 t = { 0 };
	double		 t0;
	pid_t		 pid;
	int		 i, m = spawn(argv, &pid);

	*med = *p99 = -1;
	if (read_until(m, MARK_LESS) == 0) {
		for (i = 0; i < LESS_PAGES; i++) {
			t0 = now_ms();
			if (write(m, " ", 1) != 1 || read_until(m, MARK_LESS) == -1)
				break;
			times_add(&t, now_ms() - t0);
		}
		if (t.n > 0)
			times_stats(&t, med, p99);
	}
	finish(m, pid);
	free(t.v);
}

/* ---- keys ---- */

/* What ui_run does while no key waits: a slice of a corpus search's
 * ranking, of the open paper's related papers or of the tree's
 * documents (ui_idle), and the screen after it. This reader is slower
 * than the work, which ends before the next key; a key that came during
 * a slice would wait for it, so the slices are timed too, each kind
 * apart. */
static void
idle(struct drive *d)
{
	enum kind	k;
	double		t0;
	int		i;

	for (i = 0; i < 100000 && ui_pending(&d->a); i++) {
		/* ui_idle's order: the open paper's rest, the tree, then
		 * search_idle, which reads the related papers first */
		if ((d->a.doc.rowid != 0 && d->a.doc.rest) ||
		    tree_pending(&d->a))
			k = K_IDLE;
		else if (d->a.doc.related_want && !d->a.doc.related_read)
			k = K_RELATED;
		else
			k = K_RANK;
		t0 = now_ms();
		ui_idle(&d->a);
		app_draw(&d->a);
		times_add(&d->t[k], now_ms() - t0);
	}
}

/* One key, timed from the key to the screen written: the handler,
 * app_draw and its doupdate. None once all keys are pressed. */
static void
press(struct drive *d, enum kind k, int ch)
{
	double	t0;

	if (d->left <= 0)
		return;
	t0 = now_ms();
	ui_key(&d->a, ch);
	app_draw(&d->a);
	times_add(&d->t[k], now_ms() - t0);
	d->left--;
	idle(d);
}

static void
resize(struct drive *d, int rows, int cols)
{
	struct winsize	ws;
	double		t0;

	if (d->left <= 0)
		return;
	memset(&ws, 0, sizeof ws);
	ws.ws_row = rows;
	ws.ws_col = cols;
	ioctl(d->master, TIOCSWINSZ, &ws);
	t0 = now_ms();
	resizeterm(rows, cols);
	ui_key(&d->a, KEY_RESIZE);
	app_draw(&d->a);
	times_add(&d->t[K_RESIZE], now_ms() - t0);
	/* resizeterm queued a KEY_RESIZE too; it was handled just now */
	flushinp();
	d->left--;
}

static int
same_place(const struct place *p, const struct place *q)
{
	return p->doc == q->doc && p->para == q->para && p->line == q->line;
}

/* Down a page at a time to the end of the document and back up, each
 * way at most max pages; the pages turned each way. */
static void
page_through(struct drive *d, int max, int *down, int *up)
{
	struct place	was;
	int		i, dir, end;

	for (dir = 0; dir < 2; dir++) {
		for (i = end = 0; i < max && d->left > 0 && !end; i++) {
			was = d->a.top;
			press(d, K_PAGE, dir == 0 ? ' ' : 'b');
			end = same_place(&was, &d->a.top);
		}
		if (!end)
			fprintf(stderr, "drive: %d pages %s did not reach the %s\n",
			    i, dir == 0 ? "down" : "up", dir == 0 ? "end" : "start");
		*(dir == 0 ? down : up) = i;
	}
}

/* Tab until pane p has the focus; 0 when it is not shown. */
static int
focus(struct drive *d, enum pane p)
{
	int	i;

	for (i = 0; i < PANE_COUNT && d->a.focus != (int)p; i++)
		press(d, K_TREE, '\t');
	return d->a.focus == (int)p;
}

/* Selects citations with } until one is in the corpus, and follows it. */
static void
follow(struct drive *d)
{
	struct app	*a = &d->a;
	int		 i;

	for (i = 0; i < 20 && d->left > 0; i++) {
		press(d, K_CITE, '}');
		if (a->sel >= 0 && a->sel < a->doc.ncites &&
		    a->doc.cites[a->sel].target != NULL) {
			press(d, K_FOLLOW, '\r');
			return;
		}
	}
}

/* Down the tree, a node opened or closed, and a document or section
 * opened from it. */
static void
walk_tree(struct drive *d)
{
	int	i, n = 1 + rnd(d, 20), ch = rnd(d, 3) ? 'j' : 'k';

	if (d->a.win[PANE_TREE] == NULL || !focus(d, PANE_TREE))
		return;
	for (i = 0; i < n && d->left > 0; i++)
		press(d, K_TREE, ch);
	press(d, K_TREE, rnd(d, 2) ? 'l' : 'h');
	press(d, K_OPEN, '\r');
	focus(d, PANE_READER);
}

/* s, a word, Enter: the words are written to the terminal first, for the
 * prompt to read as it would from the keyboard. */
static void
search(struct drive *d)
{
	char		 line[300];
	const char	*w = d->words[rnd(d, d->nwords)];
	int		 i, n = rnd(d, 6);

	if (d->left <= 0)
		return;
	snprintf(line, sizeof line, "%s\r", w);
	if (write(d->master, line, strlen(line)) != (ssize_t)strlen(line))
		die("write: %s", strerror(errno));
	alarm(60);	/* a prompt left waiting would hang the bench */
	press(d, K_SEARCH, 's');
	alarm(0);
	for (i = 0; i < n && d->a.in_results && d->left > 0; i++)
		press(d, K_RESULT, 'j');
	if (d->a.in_results)
		press(d, K_RESULT, '\r');
}

/* One action of a reader: a few keys of one kind. */
static void
act(struct drive *d)
{
	static const int sizes[][2] = {
		{ 50, 160 }, { 40, 120 }, { 24, 80 }, { 60, 200 }, { 30, 100 }
	};
	int	r = rnd(d, 1000), i, n = 1 + rnd(d, 10);

	if (d->a.in_results)
		press(d, K_RESULT, '\r');
	if (r < 300)
		for (i = 0; i < 2 * n; i++)
			press(d, K_LINE, rnd(d, 3) ? 'j' : 'k');
	else if (r < 550)
		for (i = 0; i < n; i++)
			press(d, K_PAGE, rnd(d, 3) ? ' ' : 'b');
	else if (r < 600) {
		press(d, K_END, 'G');
		press(d, K_END, 'g');
	} else if (r < 700)
		for (i = 0; i < 1 + n / 3; i++)
			press(d, K_SECTION, rnd(d, 3) ? ']' : '[');
	else if (r < 800)
		follow(d);
	else if (r < 870) {
		for (i = 0; i < 1 + n / 4; i++)
			press(d, K_HISTORY, KEY_BACKSPACE);
		for (i = 0; i < n / 5; i++)
			press(d, K_HISTORY, 'F');
	} else if (r < 970)
		walk_tree(d);
	else if (r < 990) {
		i = rnd(d, sizeof sizes / sizeof sizes[0]);
		resize(d, sizes[i][0], sizes[i][1]);
	} else
		search(d);
}

/* ---- the run ---- */

/* Opens doc from another document ROUNDS times: app_open and app_draw,
 * the document read each time, and all that is read after its first
 * screen (udoc_rest_all) and the screen again. */
static void
time_open(struct drive *d, int64_t doc, struct times *t)
{
	struct app	*a = &d->a;
	int64_t		 other = 0;
	double		 t0;
	int		 i;

	for (i = 0; i < a->ntrows && other == 0; i++)
		if (a->trows[i].doc != 0 && a->trows[i].doc != doc)
			other = a->trows[i].doc;
	for (i = 0; i < ROUNDS && other != 0; i++) {
		app_open(a, other, 1, 0, 0);
		app_draw(a);
		/* read from the index, not taken back from those kept */
		udoc_kept_free(a);
		t0 = now_ms();
		app_open(a, doc, 1, 0, 1);
		app_draw(a);
		/* and what it reads after the first screen */
		udoc_rest_all(a);
		app_draw(a);
		times_add(t, now_ms() - t0);
	}
}

static void
print_times(const char *what, struct times *t)
{
	double	med, p99;

	times_stats(t, &med, &p99);
	printf("%s\t%d\t%.2f\t%.2f\t%.2f\n", what, t->n, med, p99,
	    t->n ? t->v[t->n - 1] : 0);
}

static void
usage(void)
{
	fprintf(stderr, "usage: drive [-n keys] [-w word]... -d doc -f file"
	    " -l leeskamer\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	static struct drive d;
	struct store	*st;
	struct times	 all = { 0 }, opening = { 0 };
	struct rusage	 ru;
	pthread_t	 th;
	FILE		*in, *out;
	const char	*docname = NULL, *file = NULL, *lk = NULL, *home;
	char		 err[1024], *lkargv[3], *lessargv[4];
	double		 ours, less, med, p99;
	int64_t		 doc;
	int		 c, i, k, s, keys = 20000, down = 0, up = 0;

	while ((c = getopt(argc, argv, "d:f:l:n:w:")) != -1)
		switch (c) {
		case 'd': docname = optarg; break;
		case 'f': file = optarg; break;
		case 'l': lk = optarg; break;
		case 'n': keys = atoi(optarg); break;
		case 'w':
			if (d.nwords < 16)
				d.words[d.nwords++] = optarg;
			break;
		default: usage();
		}
	if (docname == NULL || file == NULL || lk == NULL)
		usage();
	if (d.nwords == 0)
		d.words[d.nwords++] = "regering";
	if ((home = getenv("LEESKAMER_HOME")) == NULL)
		die("LEESKAMER_HOME is not set");
	setlocale(LC_ALL, "");
	if (getenv("TERM") == NULL)
		setenv("TERM", "xterm-256color", 1);
	/* the same terminal for all: its size from the pseudo-terminal, less
	 * without preprocessors or options from the environment */
	unsetenv("LINES");
	unsetenv("COLUMNS");
	unsetenv("NO_COLOR");
	unsetenv("LESS");
	unsetenv("LESSOPEN");
	unsetenv("LESSCLOSE");
	setenv("LESSHISTFILE", "-", 1);

	/* the processes first, while nothing else holds the index */
	lkargv[0] = (char *)lk;
	lkargv[1] = (char *)docname;
	lkargv[2] = NULL;
	lessargv[0] = "less";
	lessargv[1] = "-Ps" MARK_LESS;
	lessargv[2] = (char *)file;
	lessargv[3] = NULL;
	ours = first_screen(lkargv, MARK_OURS);
	less = first_screen(lessargv, MARK_LESS);
	less_pages(file, &med, &p99);

	/* the browser on a pseudo-terminal of its own */
	if (store_open(home, &st, err, sizeof err) == -1)
		die("%s", err);
	if (store_doc_find(st, docname, &doc, err, sizeof err) == -1)
		die("%s", err);
	d.master = pty_open(ROWS, COLS);
	if ((s = open(ptsname(d.master), O_RDWR | O_NOCTTY)) == -1 ||
	    (out = fdopen(s, "w")) == NULL || (in = fdopen(dup(s), "r")) == NULL)
		die("cannot open the pseudo-terminal");
	if (pthread_create(&th, NULL, drain, &d.master) != 0)
		die("cannot start a thread");
	if (ui_start(&d.a, st, docname, in, out) == -1)
		die("cannot start the browser");
	app_draw(&d.a);
	/* ui_run reads the tree between keys after the first screen */
	idle(&d);
	d.rng = 0x9e3779b97f4a7c15ULL;
	d.left = keys;

	time_open(&d, doc, &opening);
	/* paging through the largest document takes at most 60 % of the keys */
	page_through(&d, keys * 3 / 10, &down, &up);
	while (d.left > 0)
		act(&d);

	ui_stop(&d.a);
	fclose(out);
	fclose(in);
	pthread_join(th, NULL);
	store_close(st);

	for (k = 0; k < K_COUNT; k++) {
		char what[64];

		if (d.t[k].n == 0)
			continue;
		for (i = 0; i < d.t[k].n && k != K_RANK && k != K_RELATED &&
		    k != K_IDLE; i++)
			times_add(&all, d.t[k].v[i]);
		snprintf(what, sizeof what, "key\t%s", kind_names[k]);
		print_times(what, &d.t[k]);
	}
	print_times("key\tall", &all);
	print_times("open", &opening);
	printf("first\t%.2f\t%.2f\n", ours, less);
	printf("lesspage\t%.2f\t%.2f\n", med, p99);
	printf("paged\t%d\t%d\n", down, up);
	getrusage(RUSAGE_SELF, &ru);
	printf("rss\t%ld\n", ru.ru_maxrss);
	return 0;
}
