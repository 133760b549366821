/* search.c: finding things. In the open document (/ and ?), incremental
 * and smartcase, over the paragraphs' text as repaired, not the screen
 * lines, so a match across a wrapped line or a mended hyphenation is found;
 * and in the whole corpus (s), whose results are a list to pick from and a
 * place in the back/forward history. n and N repeat whichever came last.
 *
 * A corpus search shows its first screen at once and ranks on while the
 * list is shown and no key waits (search_idle), reordering the list a few
 * times a second until the ranking is bm25's for every match. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fold.h"
#include "store.h"
#include "ui.h"
#include "wrap.h"

static void
pattern_set(struct app *a, const char *pat)
{
	struct folded f;

	free(a->ffold);
	a->ffold = NULL;
	a->ffoldlen = 0;
	snprintf(a->find, sizeof a->find, "%s", pat);
	if (*pat == '\0')
		return;
	a->fkeep = fold_has_upper(pat, strlen(pat));
	if (fold_text(pat, strlen(pat), a->fkeep, &f) == 0) {
		free(f.map);
		a->ffold = f.s;
		a->ffoldlen = f.len;
	}
}

static void
terms_free(struct app *a)
{
	int	i;

	for (i = 0; i < a->nterms; i++)
		free(a->terms[i]);
	free(a->terms);
	a->terms = NULL;
	a->nterms = 0;
}

/* The words of a corpus query, folded, to highlight in the passages. */
static void
terms_set(struct app *a, const char *q)
{
	char		 word[256], **v;
	const char	*s = q;
	size_t		 n;
	struct folded	 f;

	terms_free(a);
	while (*s) {
		while (*s && strchr(" \"()*^+", *s))
			s++;
		for (n = 0; s[n] && !strchr(" \"()*^+", s[n]) && n + 1 < sizeof word; n++)
			word[n] = s[n];
		word[n] = '\0';
		s += n;
		if (n == 0 || strcmp(word, "AND") == 0 || strcmp(word, "OR") == 0 ||
		    strcmp(word, "NOT") == 0 || strncmp(word, "NEAR", 4) == 0 ||
		    strchr(word, ':') != NULL)
			continue;
		if (fold_text(word, n, 0, &f) == -1)
			continue;
		free(f.map);
		if ((v = realloc(a->terms, (size_t)(a->nterms + 1) * sizeof *v)) == NULL) {
			free(f.s);
			return;
		}
		a->terms = v;
		v[a->nterms++] = f.s;
	}
}

/* The matches of paragraph r, found anew. */
static int
matches_find(struct app *a, const struct rpara *r, struct match *m, int max)
{
	struct folded	f;
	size_t		s, e, from;
	int		n = 0, t;

	if (a->ffold != NULL && a->last_search == 'd') {
		if (fold_text(r->text, r->len, a->fkeep, &f) == -1)
			return 0;
		for (from = 0; n < max && fold_find(&f, a->ffold, a->ffoldlen, from,
		    &s, &e); from = e > s ? e : s + 1)
			m[n++] = (struct match){ (int)s, (int)e };
		fold_free(&f);
		return n;
	}
	if (a->nterms == 0 || a->last_search != 'c')
		return 0;
	if (fold_text(r->text, r->len, 0, &f) == -1)
		return 0;
	for (t = 0; t < a->nterms; t++)
		for (from = 0; n < max && fold_find(&f, a->terms[t],
		    strlen(a->terms[t]), from, &s, &e); from = e > s ? e : s + 1)
			m[n++] = (struct match){ (int)s, (int)e };
	fold_free(&f);
	return n;
}

/* The matches of r, kept with it while what is searched for stays the
 * same: folding every paragraph on screen at every key was a fifth of
 * the driver's time after a search. */
int
search_matches(struct app *a, struct rpara *r, struct match *m, int max)
{
	struct match	 v[SEARCH_MATCHES];
	char		 key[sizeof a->mkey];
	size_t		 k;
	int		 n, t;

	k = (size_t)snprintf(key, sizeof key, "%c%d%s", a->last_search ?
	    a->last_search : '-', a->fkeep, a->ffold ? a->ffold : "");
	for (t = 0; t < a->nterms && k < sizeof key; t++)
		k += (size_t)snprintf(key + k, sizeof key - k, "\1%s", a->terms[t]);
	if (strcmp(key, a->mkey) != 0) {
		memcpy(a->mkey, key, sizeof key);
		a->mgen++;
	}
	if (r->mgen != a->mgen) {
		n = matches_find(a, r, v, SEARCH_MATCHES);
		free(r->m);
		r->m = NULL;
		r->nm = 0;
		if (n > 0 && (r->m = calloc((size_t)n, sizeof *r->m)) == NULL)
			return matches_find(a, r, m, max);
		if (n > 0)
			memcpy(r->m, v, (size_t)n * sizeof *v);
		r->nm = n;
		r->mgen = a->mgen;
	}
	n = r->nm < max ? r->nm : max;
	if (n > 0)
		memcpy(m, r->m, (size_t)n * sizeof *m);
	return n;
}

/* The match in paragraph id nearest to byte from in direction dir: the
 * first at or after it, or the last before it. */
static int
para_find(struct app *a, int id, int from, int dir, int *s, int *e)
{
	struct rpara	*r = reader_para(a, id, reader_width(a));
	struct match	 m[256];
	int		 n, i, best = -1;

	if (r == NULL)
		return 0;
	n = search_matches(a, r, m, 256);
	for (i = 0; i < n; i++) {
		if (dir > 0 && m[i].start >= from) {
			best = i;
			break;
		}
		if (dir < 0 && m[i].start < from)
			best = i;
	}
	if (best < 0)
		return 0;
	*s = m[best].start;
	*e = m[best].end;
	return 1;
}

/* Brings the current match into view, with some lines of context. */
static void
match_show(struct app *a)
{
	struct rpara	*r = reader_para(a, a->fpara, reader_width(a));
	int		 k = 0, i, bottom, bline, h = a->lay.pane[PANE_READER].h;

	if (r == NULL)
		return;
	for (i = 0; i < r->nlines; i++)
		if ((int)r->lines[i].start <= a->fstart)
			k = i;
	bottom = reader_bottom(a, &bline);
	if ((a->fpara > a->top.para || (a->fpara == a->top.para && k >= a->top.line)) &&
	    (a->fpara < bottom || (a->fpara == bottom && k <= bline)))
		return;
	a->top.para = a->fpara;
	a->top.line = k;
	reader_scroll(a, -(h / 3));
	reader_scroll(a, 0);
}

/* Finds the next match from (para, off) on, wrapping around once. */
static int
find_from(struct app *a, int para, int off, int dir)
{
	int	i, n = a->doc.npara, s, e, p, wrapped = 0;

	if (a->ffold == NULL || n < 1)
		return 0;
	for (i = 0; i <= n; i++) {
		p = para + dir * i;
		if (p > n) {
			p -= n;
			wrapped = 1;
		} else if (p < 1) {
			p += n;
			wrapped = 1;
		}
		if (para_find(a, p, i == 0 ? off : (dir > 0 ? 0 : INT_MAX), dir, &s, &e)) {
			a->fpara = p;
			a->fstart = s;
			a->fend = e;
			match_show(a);
			if (wrapped)
				app_message(a, dir > 0 ? "Search hit the end, went on"
				    " from the start." : "Search hit the start, went on"
				    " from the end.");
			return 1;
		}
	}
	app_message(a, "Not found: %s", a->find);
	return 0;
}

static void
incremental(struct app *a, const char *pat)
{
	a->last_search = 'd';
	pattern_set(a, pat);
	a->top = a->forigin;
	a->fpara = 0;
	if (*pat != '\0')
		find_from(a, a->forigin.para, 0, 1);
	app_draw(a);
}

void
search_doc_prompt(struct app *a, int dir)
{
	char	*pat;

	if (a->doc.rowid == 0)
		return;
	a->forigin = a->top;
	pat = prompt_read(a, dir > 0 ? "/" : "?", NULL,
	    dir > 0 ? incremental : NULL, 1);
	if (pat == NULL) {
		a->top = a->forigin;
		pattern_set(a, "");
		return;
	}
	a->last_search = 'd';
	a->fdir = dir;
	pattern_set(a, pat);
	if (*pat != '\0' && (dir < 0 || a->fpara == 0))
		find_from(a, a->forigin.para, dir > 0 ? 0 : INT_MAX, dir);
	else if (*pat != '\0')
		app_message(a, "/%s", pat);
	free(pat);
}

static struct result *result_at(struct app *, int);

/* Opens result i; from the list it is a step in the history, while n and
 * N step through the results in place, so Backspace returns to the list. */
static void
result_open(struct app *a, int i, int remember)
{
	struct result	*r = result_at(a, i);
	int64_t		 doc;
	char		 err[512];

	if (r == NULL)
		return;
	if (store_doc_find(a->st, r->doc, &doc, err, sizeof err) == -1) {
		app_message(a, "%s: %s", r->doc, err);
		return;
	}
	a->rsel = i;
	a->rfollow = 1;
	if (app_open(a, doc, r->para > 0 ? r->para : 1, 0, remember) == 0) {
		reader_scroll(a, -(a->lay.pane[PANE_READER].h / 3));
		app_message(a, "Result %d of %d: %s", i + 1, a->nres, a->doc.title);
	}
}

void
search_repeat(struct app *a, int dir)
{
	if (a->last_search == 'c') {
		if (a->rsel + dir < 0 || a->rsel + dir >= a->nres) {
			app_message(a, dir > 0 ? "That was the last result." :
			    "That was the first result.");
			return;
		}
		result_open(a, a->rsel + dir, 0);
		return;
	}
	if (a->ffold == NULL) {
		app_message(a, "No search yet: / searches this document, s all.");
		return;
	}
	dir *= a->fdir ? a->fdir : 1;
	if (a->fpara == 0)
		find_from(a, a->top.para, 0, dir);
	else
		find_from(a, a->fpara, dir > 0 ? a->fstart + 1 : a->fstart, dir);
}

/* Forgets the results' text, to be fetched again in their new order. */
static void
results_unload(struct app *a)
{
	int	i;

	for (i = 0; i < RESULTS_MAX; i++) {
		if (!a->res[i].loaded)
			continue;
		free(a->res[i].doc);
		free(a->res[i].section);
		free(a->res[i].title);
		free(a->res[i].snippet);
		free(a->res[i].hits);
		memset(&a->res[i], 0, sizeof a->res[i]);
	}
}

void
results_free(struct app *a)
{
	results_unload(a);
	store_search_end(a->run);
	a->run = NULL;
	a->nres = 0;
}

void
search_free(struct app *a)
{
	int	i;

	results_free(a);
	terms_free(a);
	free(a->ffold);
	a->ffold = NULL;
	for (i = 0; i < a->nhist; i++)
		free(a->hist[i]);
	a->nhist = 0;
}

/* The byte where character ch of s starts. */
static int
byte_at(const char *s, int ch)
{
	int	k = 0, c;

	for (c = 0; s[k] != '\0' && c < ch; c++)
		do
			k++;
		while (((unsigned char)s[k] & 0xc0) == 0x80);
	return k;
}

/* Keeps a hit, its character offsets turned into bytes of the snippet. */
static int
result_set(const struct hit_row *h, void *arg)
{
	struct result	*r = arg;
	int		 i;

	r->loaded = 1;
	r->id = h->id;
	r->doc = ui_dupnull(h->doc);
	r->section = ui_dupnull(h->section);
	r->title = ui_dupnull(h->title);
	r->snippet = ui_dupnull(h->snippet);
	r->para = h->paragraph;
	r->page = h->page;
	if (h->nhits > 0 && (r->hits = calloc((size_t)h->nhits * 2,
	    sizeof *r->hits)) != NULL) {
		for (i = 0; i < 2 * h->nhits; i++)
			r->hits[i] = byte_at(h->snippet, h->hits[i]);
		r->nhits = h->nhits;
	}
	return 1;
}

/* Keeps a hit of a window of the list in its place. */
static int
result_place(const struct hit_row *h, void *arg)
{
	struct app	*a = arg;
	int		 k = store_search_rank_of(a->run, h->id);

	if (k >= 0 && k < RESULTS_MAX && !a->res[k].loaded)
		result_set(h, &a->res[k]);
	return 0;
}

/* Fetches the text of results from..from+count-1 at once: for a prefix
 * query the store makes their snippets in one go. */
static void
results_load(struct app *a, int from, int count)
{
	int	i;

	for (i = from; i < from + count && i < a->nres; i++)
		if (!a->res[i].loaded)
			break;
	if (a->run != NULL && i < from + count && i < a->nres)
		store_search_top(a->run, i, from + count - i, result_place, a);
}

/* Result i, its text fetched when first needed; NULL when there is none. */
static struct result *
result_at(struct app *a, int i)
{
	struct result	*r;

	if (a->run == NULL || i < 0 || i >= a->nres || i >= RESULTS_MAX)
		return NULL;
	r = &a->res[i];
	if (!r->loaded)
		store_search_top(a->run, i, 1, result_set, r);
	return r->loaded && r->doc != NULL ? r : NULL;
}

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Matches a first slice ranks: some milliseconds' worth on a large index
 * (0.7 to 2 µs each), all of them for all but common words. */
#define FIRST_ROWS	2000
/* How long a later slice may keep a key waiting, and how often the list
 * may change its order under the reader's eyes. */
#define SLICE_MS	5.0
#define REORDER_MS	100.0

/* Rows a slice after the first ranks when LEESKAMER_RANK_SLICE says
 * (tests watch a ranking go on, a row at a time), else 0. */
static int
slice_fixed(void)
{
	const char	*e = getenv("LEESKAMER_RANK_SLICE");

	return e != NULL && atoi(e) > 0 ? atoi(e) : 0;
}

/* The next slice's rows, from how long this one took. */
static void
slice_size(struct app *a, int rows, double ms)
{
	double	n = ms > 0.05 ? rows * SLICE_MS / ms : rows * 4.0;

	a->rrows = n < 200 ? 200 : n > 1000000 ? 1000000 : (int)n;
	if (slice_fixed() > 0)
		a->rrows = slice_fixed();
}

/* Takes the ranking's new order. The selection stays on the best hit
 * until the reader moves it; from then on it stays on its hit, on the
 * same row of the screen. */
static void
results_reorder(struct app *a)
{
	int64_t	id = 0;
	int	k;

	if (a->rfollow && a->rsel < a->nres && result_at(a, a->rsel) != NULL)
		id = a->res[a->rsel].id;
	results_unload(a);
	a->nres = store_search_count(a->run);
	if (a->nres > RESULTS_MAX)
		a->nres = RESULTS_MAX;
	if (id != 0 && (k = store_search_rank_of(a->run, id)) >= 0) {
		a->rtop += k - a->rsel;
		a->rsel = k;
	}
	if (a->rsel >= a->nres)
		a->rsel = a->nres > 0 ? a->nres - 1 : 0;
	if (a->rtop > a->rsel)
		a->rtop = a->rsel;
	if (a->rtop < 0)
		a->rtop = 0;
	a->rshown = now_ms();
}

int
search_pending(struct app *a)
{
	if (a->doc.related_want && !a->doc.related_read)
		return 1;
	if (a->run == NULL || a->rstopped ||
	    store_search_progress(a->run) == 100)
		return 0;
	if (a->in_results && !a->in_marks)
		return 1;
	/* the list is not shown: its ranking waits, the index let go */
	store_search_pause(a->run);
	return 0;
}

void
search_idle(struct app *a)
{
	char	err[512];
	double	t0;
	int	rc, rows = a->rrows;

	if (!search_pending(a))
		return;
	/* the related papers take the corpus: after the screen, not in it */
	if (a->doc.related_want && !a->doc.related_read) {
		udoc_related(a->st, &a->doc);
		return;
	}
	t0 = now_ms();
	rc = store_search_step(a->run, rows, err, sizeof err);
	slice_size(a, rows, now_ms() - t0);
	if (rc == -1) {
		a->rstopped = 1;
		app_message(a, "Ranking stopped: %s", err);
		return;
	}
	if (rc == 1 && now_ms() - a->rshown < REORDER_MS)
		return;
	results_reorder(a);
	if (rc == 0)
		app_message(a, "%d result%s, ranked: Enter opens one, n and N step"
		    " through them", a->nres, a->nres == 1 ? "" : "s");
}

void
search_corpus_prompt(struct app *a)
{
	char	*q, err[512];
	double	 t0;
	int	 rc = -1, rows;

	if ((q = prompt_read(a, "Search: ", NULL, NULL, 1)) == NULL)
		return;
	if (*q == '\0') {
		free(q);
		return;
	}
	results_free(a);
	a->rfollow = a->rstopped = 0;
	/* the first slice: a first screen, final for all but common words */
	t0 = now_ms();
	rows = FIRST_ROWS;
	if (store_search_begin(a->st, q, RESULTS_MAX, 0, 1, &a->run, err,
	    sizeof err) == -1 || (rc = store_search_step(a->run, rows,
	    err, sizeof err)) == -1) {
		app_message(a, "%s", err);
		results_free(a);
		free(q);
		return;
	}
	slice_size(a, rows, now_ms() - t0);
	results_reorder(a);
	if (a->nres == 0) {
		app_message(a, "No matches for %s", q);
		results_free(a);
		free(q);
		return;
	}
	snprintf(a->rquery, sizeof a->rquery, "%s", q);
	terms_set(a, q);
	free(q);
	a->last_search = 'c';
	app_results(a, 0);
	if (rc == 0)
		app_message(a, "%d result%s: Enter opens one, n and N step"
		    " through them", a->nres, a->nres == 1 ? "" : "s");
	else
		app_message(a, "The best so far, ranking on: Enter opens one,"
		    " n and N step through them");
}

void
results_draw(struct app *a, WINDOW *w)
{
	int	h, wd, y = 0, i, k;
	char	line[1024];

	getmaxyx(w, h, wd);
	werase(w);
	wattron(w, A_BOLD);
	snprintf(line, sizeof line, "%d result%s for %s", a->nres,
	    a->nres == 1 ? "" : "s", a->rquery);
	/* a list still being ranked says how far */
	if (a->run != NULL && (k = store_search_progress(a->run)) < 100)
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    a->rstopped ? "  (ranking stopped at %d%%)" :
		    "  (ranking\xe2\x80\xa6 %d%%)", k);
	wmove(w, y++, 1);
	draw_text(a, w, line, strlen(line), wd - 2);
	wattroff(w, A_BOLD);
	y++;
	if (a->rsel < a->rtop)
		a->rtop = a->rsel;
	if ((a->rsel - a->rtop + 1) * 3 > h - 2)
		a->rtop = a->rsel - (h - 2) / 3 + 1;
	results_load(a, a->rtop, (h - 2) / 3 + 1);
	for (i = a->rtop; i < a->nres && y + 1 < h; i++) {
		const struct result *r = result_at(a, i);
		int attr = i == a->rsel ? A_REVERSE : 0;
		size_t at = 0, len;

		if (r == NULL)
			continue;
		len = strlen(r->snippet);

		snprintf(line, sizeof line, "%s%s%s%s", r->title ? r->title : r->doc,
		    r->section ? "  \xc2\xa7 " : "", r->section ? r->section : "",
		    "");
		if (r->page)
			snprintf(line + strlen(line), sizeof line - strlen(line),
			    "  p. %d", r->page);
		wattron(w, attr | A_BOLD);
		wmove(w, y++, 1);
		draw_text(a, w, line, strlen(line), wd - 2);
		if (attr)
			draw_fill(w, wd - 1);
		wattroff(w, attr | A_BOLD);
		/* the snippet, hits in bold */
		wmove(w, y++, 3);
		for (k = 0; k <= r->nhits && at < len; k++) {
			size_t hs = k < r->nhits ? (size_t)r->hits[2 * k] : len;
			size_t he = k < r->nhits ? (size_t)r->hits[2 * k + 1] : len;
			int x, yy;

			getyx(w, yy, x);
			(void)yy;
			draw_text(a, w, r->snippet + at, hs - at, wd - 1 - x);
			getyx(w, yy, x);
			wattron(w, a->color ? COLOR_PAIR(6) | A_BOLD : A_BOLD);
			draw_text(a, w, r->snippet + hs, he - hs, wd - 1 - x);
			wattroff(w, a->color ? COLOR_PAIR(6) | A_BOLD : A_BOLD);
			at = he;
		}
		y++;
	}
}

void
results_key(struct app *a, int key)
{
	int	h = a->lay.pane[PANE_READER].h / 3;

	/* from now on the selection stays on its hit as the ranking refines */
	a->rfollow = 1;
	if (ui_list_key(key, &a->rsel, a->nres, h))
		return;
	switch (key) {
	case '\n': case '\r': case KEY_ENTER:
		result_open(a, a->rsel, 1);
		break;
	}
}
