/* reader.c: the reading pane. Paragraphs are read from the store as they
 * come into view, laid out for the pane's width once and kept in a small
 * cache, so a keypress never re-reads or re-wraps a whole document. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store.h"
#include "ui.h"
#include "wrap.h"

#define MARGIN	1
#define MATCHES	256	/* search matches shown in one paragraph */
#define RWINDOW	32	/* paragraphs read at once, well under RCACHE */

static void
rpara_free(struct rpara *r)
{
	free(r->text);
	free(r->spans);
	free(r->lines);
	free(r->m);
	memset(r, 0, sizeof *r);
}

void
reader_cache_clear(struct app *a)
{
	int	i;

	for (i = 0; i < RCACHE; i++)
		rpara_free(&a->cache[i]);
}

static int
add_span(struct rpara *r, int start, int end, int cite, int note)
{
	struct span *v = realloc(r->spans, (size_t)(r->nspans + 1) * sizeof *v);

	if (v == NULL)
		return -1;
	r->spans = v;
	v[r->nspans].start = start;
	v[r->nspans].end = end;
	v[r->nspans].cite = cite;
	v[r->nspans++].note = note;
	return 0;
}

struct fetch {
	struct app	*a;
	struct rpara	*r;
};

/* Builds the display text: note markers as "[n]", citations as spans. */
/* The citations of paragraph id: [*lo, *hi) of doc.cites, which are in
 * reading order, found by bisection. */
static void
cites_of(const struct app *a, int id, int *lo, int *hi)
{
	int	l = 0, h = a->doc.ncites, m;

	while (l < h) {
		m = (l + h) / 2;
		if (a->doc.cites[m].para < id)
			l = m + 1;
		else
			h = m;
	}
	*lo = l;
	while (l < a->doc.ncites && a->doc.cites[l].para == id)
		l++;
	*hi = l;
}

/* Builds the display text: note markers as "[n]", citations as spans.
 * Only the paragraph's own notes and citations are looked at, so the cost
 * does not grow with the document. */
static int
layout_para(const struct para_row *row, void *arg)
{
	struct fetch	*f = arg;
	struct app	*a = f->a;
	struct rpara	*r = f->r;
	struct buf	 b = { 0 };
	const char	*s = row->text;
	size_t		 i, ch = 0;
	int		 k, m, lo, hi, nn = 0, *cstart = NULL, *notes = NULL;

	r->page = row->page;
	r->heading = row->heading;
	if (row->heading) {
		if (row->section && row->section[0] != 's')
			buf_addf(&b, "%s%s ", row->section,
			    strchr(row->section, '.') ? "" : ".");
		buf_adds(&b, s);
		r->len = b.len;
		r->text = buf_take(&b);
		return r->text ? 0 : -1;
	}
	cites_of(a, row->id, &lo, &hi);
	for (k = 0; k < a->doc.nnotes; k++)
		nn += a->doc.notes[k].para == row->id;
	if ((hi > lo && (cstart = calloc((size_t)(hi - lo), sizeof *cstart)) == NULL) ||
	    (nn > 0 && (notes = calloc((size_t)nn, sizeof *notes)) == NULL)) {
		free(cstart);
		return -1;
	}
	for (k = 0, nn = 0; k < a->doc.nnotes; k++)
		if (a->doc.notes[k].para == row->id)
			notes[nn++] = k;
	for (i = 0; ; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			for (m = 0; m < nn; m++) {
				const struct unote *n = &a->doc.notes[notes[m]];

				if ((size_t)n->pos == ch) {
					int at = (int)b.len;

					buf_addf(&b, "[%d]", n->number);
					add_span(r, at, (int)b.len, -1, n->number);
				}
			}
			for (k = lo; k < hi; k++) {
				const struct ucite *c = &a->doc.cites[k];

				if (c->note)
					continue;
				if ((size_t)c->start == ch)
					cstart[k - lo] = (int)b.len + 1;
				if ((size_t)c->end == ch && cstart[k - lo])
					add_span(r, cstart[k - lo] - 1, (int)b.len, k, 0);
			}
			ch++;
		}
		if (s[i] == '\0')
			break;
		buf_addc(&b, s[i]);
	}
	/* a citation inside a note shows at the note's marker */
	for (k = lo; k < hi; k++) {
		const struct ucite *c = &a->doc.cites[k];

		if (!c->note)
			continue;
		for (m = 0; m < r->nspans; m++)
			if (r->spans[m].note == c->note && r->spans[m].cite == -1) {
				r->spans[m].cite = k;
				break;
			}
	}
	free(cstart);
	free(notes);
	r->len = b.len;
	r->text = buf_take(&b);
	return r->text ? 0 : -1;
}

/* A free slot: the one used longest ago. */
static struct rpara *
victim(struct app *a)
{
	struct rpara	*v = &a->cache[0];
	int		 i;

	for (i = 1; i < RCACHE && v->id != 0; i++)
		if (a->cache[i].id == 0 || a->cache[i].used < v->used)
			v = &a->cache[i];
	rpara_free(v);
	return v;
}

static struct rpara *
cached(struct app *a, int id)
{
	int	i;

	for (i = 0; i < RCACHE; i++)
		if (a->cache[i].id == id)
			return &a->cache[i];
	return NULL;
}

struct window {
	struct app	*a;
	int		 width;
};

/* One paragraph of a window: laid out, wrapped and kept. */
static int
window_para(const struct para_row *row, void *arg)
{
	struct window	*w = arg;
	struct fetch	 f;
	struct rpara	*r;
	int		 n;

	if (cached(w->a, row->id) != NULL)
		return 0;
	f.a = w->a;
	f.r = r = victim(w->a);
	if (layout_para(row, &f) == -1 || r->text == NULL ||
	    (n = wrap_text(r->text, r->len, w->width, &r->lines)) == -1) {
		rpara_free(r);
		return 0;
	}
	r->nlines = n;
	r->id = row->id;
	r->used = ++w->a->tick;
	return 0;
}

struct rpara *
reader_para(struct app *a, int id, int width)
{
	struct window	 w;
	struct rpara	*r;
	int		 lo, hi;

	if (id < 1 || id > a->doc.npara)
		return NULL;
	if (width != a->cache_width) {
		reader_cache_clear(a);
		a->cache_width = width;
	}
	if ((r = cached(a, id)) != NULL) {
		r->used = ++a->tick;
		return r;
	}
	/* a window of paragraphs in one query, the way the reader goes:
	 * on after a paragraph it holds, back before one, else around */
	if (id > 1 && cached(a, id - 1) != NULL)
		lo = id, hi = id + RWINDOW - 1;
	else if (cached(a, id + 1) != NULL)
		lo = id - RWINDOW + 1, hi = id;
	else
		lo = id - RWINDOW / 4, hi = lo + RWINDOW - 1;
	if (lo < 1)
		lo = 1;
	if (hi > a->doc.npara)
		hi = a->doc.npara;
	w.a = a;
	w.width = width;
	if (store_view_paras(a->st, a->doc.rowid, lo, hi, window_para, &w) == -1)
		return NULL;
	if ((r = cached(a, id)) != NULL)
		r->used = ++a->tick;
	return r;
}

int
reader_width(struct app *a)
{
	int	w = a->lay.pane[PANE_READER].w - 2 * MARGIN;

	return w < 8 ? 8 : w;
}

/* Lines a paragraph takes, with the blank line after it. */
static int
para_lines(struct app *a, int id)
{
	struct rpara *r = reader_para(a, id, reader_width(a));

	return r ? r->nlines + 1 : 1;
}

/* Moves p one line down (dir > 0) or up; returns 0 at either end. */
static int
step(struct app *a, struct place *p, int dir)
{
	if (dir > 0) {
		if (p->line + 1 < para_lines(a, p->para))
			p->line++;
		else if (p->para < a->doc.npara) {
			p->para++;
			p->line = 0;
		} else
			return 0;
	} else {
		if (p->line > 0)
			p->line--;
		else if (p->para > 1) {
			p->para--;
			p->line = para_lines(a, p->para) - 1;
		} else
			return 0;
	}
	return 1;
}

int
reader_bottom(struct app *a, int *line)
{
	struct place	p = a->top;
	int		i, h = a->lay.pane[PANE_READER].h;

	for (i = 1; i < h; i++)
		step(a, &p, 1);
	if (line)
		*line = p.line;
	return p.para;
}

void
reader_end(struct app *a)
{
	struct place	p;
	int		i, h = a->lay.pane[PANE_READER].h;

	if (a->doc.npara < 1)
		return;
	p.doc = a->doc.rowid;
	p.para = a->doc.npara;
	p.line = para_lines(a, p.para) - 2;	/* its last text line */
	if (p.line < 0)
		p.line = 0;
	for (i = 1; i < h; i++)
		step(a, &p, -1);
	a->top = p;
}

void
reader_scroll(struct app *a, int lines)
{
	struct place	end;
	int		i;

	for (i = 0; i < lines; i++)
		step(a, &a->top, 1);
	for (i = 0; i > lines; i--)
		step(a, &a->top, -1);
	/* never past the point where the last line sits at the bottom */
	if (lines > 0) {
		struct place keep = a->top;

		reader_end(a);
		end = a->top;
		a->top = keep;
		if (a->top.para > end.para ||
		    (a->top.para == end.para && a->top.line > end.line))
			a->top = end;
	}
}

void
reader_goto(struct app *a, int para, int context)
{
	if (para < 1)
		para = 1;
	if (para > a->doc.npara)
		para = a->doc.npara;
	a->top.para = para;
	a->top.line = 0;
	reader_scroll(a, 0);
	while (context-- > 0 && (a->top.para > 1 || a->top.line > 0))
		step(a, &a->top, -1);
}

static int
visible(struct app *a, int para)
{
	return para >= a->top.para && para <= reader_bottom(a, NULL);
}

void
reader_cite_step(struct app *a, int dir)
{
	int	i, n = a->doc.ncites, bottom = reader_bottom(a, NULL);

	if (n == 0) {
		app_message(a, "This document cites nothing.");
		return;
	}
	if (a->sel >= 0 && a->sel < n && visible(a, a->doc.cites[a->sel].para))
		i = a->sel + dir;
	else if (dir > 0)
		for (i = 0; i < n && a->doc.cites[i].para < a->top.para; i++)
			;
	else
		for (i = n - 1; i >= 0 && a->doc.cites[i].para > bottom; i--)
			;
	if (i < 0 || i >= n) {
		app_message(a, dir > 0 ? "No citation after this one." :
		    "No citation before this one.");
		return;
	}
	a->sel = i;
	udoc_target(a->st, &a->doc, i);
	if (!visible(a, a->doc.cites[i].para))
		reader_goto(a, a->doc.cites[i].para, a->lay.pane[PANE_READER].h / 3);
	app_message(a, "%s%s%s", a->doc.cites[i].display,
	    a->doc.cites[i].target ? "" : " (not in the corpus)",
	    a->doc.cites[i].target ? " \xe2\x80\x94 Enter follows it" : "");
}

static int
span_attr(struct app *a, const struct span *sp)
{
	if (sp->cite >= 0 && sp->cite == a->sel)
		return A_REVERSE;
	if (sp->note)
		return a->color ? COLOR_PAIR(3) | A_BOLD : A_BOLD;
	return a->color ? COLOR_PAIR(2) | A_UNDERLINE : A_UNDERLINE;
}

/* Draws line k of r: citations, note markers and search matches set off. */
static void
draw_line(struct app *a, WINDOW *w, struct rpara *r, int k, int width,
    const struct match *m, int nm)
{
	size_t	s = r->lines[k].start, e = r->lines[k].end, at, next;
	int	attr[4096], i, cols = 0, base = r->heading ? A_BOLD : 0;

	if (e - s > sizeof attr / sizeof attr[0])
		e = s + sizeof attr / sizeof attr[0];
	for (at = s; at < e; at++)
		attr[at - s] = base;
	for (i = 0; i < r->nspans; i++)
		for (at = s; at < e; at++)
			if ((size_t)r->spans[i].start <= at && at < (size_t)r->spans[i].end)
				attr[at - s] = base | span_attr(a, &r->spans[i]);
	for (i = 0; i < nm; i++) {
		int cur = r->id == a->fpara && m[i].start == a->fstart;
		int ma = cur ? A_REVERSE | A_BOLD :
		    a->color ? COLOR_PAIR(6) | A_BOLD : A_STANDOUT;

		for (at = s; at < e; at++)
			if ((size_t)m[i].start <= at && at < (size_t)m[i].end)
				attr[at - s] = base | ma;
	}
	for (at = s; at < e; at = next) {
		for (next = at + 1; next < e && attr[next - s] == attr[at - s]; next++)
			;
		wattrset(w, attr[at - s]);
		draw_text(a, w, r->text + at, next - at, width - cols);
		cols += draw_width(a, r->text + at, next - at);
	}
	wattrset(w, 0);
}

void
reader_draw(struct app *a, WINDOW *w)
{
	struct place	 p = a->top;
	struct rpara	*r;
	struct match	 m[MATCHES];
	int		 y, h, width = reader_width(a), done = 0, mpara = -1, nm = 0;

	getmaxyx(w, h, y);
	werase(w);
	if (a->doc.rowid == 0) {
		mvwaddstr(w, 1, MARGIN, "No document open: Shift-Tab to the tree, Enter to open.");
		return;
	}
	for (y = 0; y < h; y++) {
		wmove(w, y, MARGIN);
		if (done || (r = reader_para(a, p.para, width)) == NULL) {
			waddch(w, '~');
			continue;
		}
		if (p.para != mpara) {
			/* the matches of a paragraph, once per paragraph shown */
			nm = search_matches(a, r, m, MATCHES);
			mpara = p.para;
		}
		if (p.line < r->nlines) {
			draw_line(a, w, r, p.line, width, m, nm);
			/* the margin: a bookmarked passage, a selection */
			if (a->vsel && p.para >= (a->vsel < a->top.para ? a->vsel :
			    a->top.para) && p.para <= (a->vsel > a->top.para ?
			    a->vsel : a->top.para))
				mvwaddch(w, y, 0, '>' | A_BOLD);
			else if (marks_in(a, p.para)) {
				wmove(w, y, 0);
				wattron(w, a->color ? COLOR_PAIR(3) : A_BOLD);
				draw_text(a, w, a->utf8 ? "\xe2\x96\x8c" : "*",
				    a->utf8 ? 3 : 1, 1);
				wattroff(w, a->color ? COLOR_PAIR(3) : A_BOLD);
			}
		}
		if (!step(a, &p, 1))
			done = 1;
	}
}
