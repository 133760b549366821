/* test_layout.c: pane geometry and line wrapping. */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "layout.h"
#include "wrap.h"

static int all_on[PANE_COUNT] = { 1, 1, 1 };

/* Panes must not overlap and must stay inside the screen. */
static int
sane(const struct layout *l, int rows, int cols)
{
	int	i, j;

	for (i = 0; i < PANE_COUNT; i++) {
		const struct rect *r = &l->pane[i];

		if (r->h == 0)
			continue;
		if (r->y < 0 || r->x < 0 || r->y + r->h > rows - 2 || r->x + r->w > cols)
			return 0;
		for (j = i + 1; j < PANE_COUNT; j++) {
			const struct rect *s = &l->pane[j];

			if (s->h == 0)
				continue;
			if (r->x < s->x + s->w && s->x < r->x + r->w &&
			    r->y < s->y + s->h && s->y < r->y + r->h)
				return 0;
		}
	}
	return l->status.y == rows - 2 && l->message.y == rows - 1;
}

void
test_layout_wide(void)
{
	struct layout	l;

	layout_compute(50, 200, all_on, -1, &l);
	T_OK(!l.too_small && sane(&l, 50, 200));
	T_EQ_INT(l.pane[PANE_TREE].w + l.pane[PANE_READER].w + l.pane[PANE_XREF].w, 200);
	T_EQ_INT(l.pane[PANE_READER].h, 48);
	T_OK(!l.stacked);
	T_OK(layout_default_on(PANE_TREE, 120) && !layout_default_on(PANE_TREE, 99));
	T_OK(layout_default_on(PANE_READER, 40));
}

void
test_layout_narrow_stacks(void)
{
	struct layout	l;
	int		show[PANE_COUNT] = { 0, 1, 1 };

	layout_compute(20, 60, show, -1, &l);
	T_OK(!l.too_small && sane(&l, 20, 60));
	T_OK(l.stacked);
	T_EQ_INT(l.pane[PANE_TREE].h, 0);
	T_EQ_INT(l.pane[PANE_READER].w, 60);
	T_EQ_INT(l.pane[PANE_READER].h + l.pane[PANE_XREF].h, 18);
	T_OK(l.pane[PANE_XREF].h >= 4);
	layout_compute(20, 60, all_on, -1, &l);
	T_OK(sane(&l, 20, 60) && l.pane[PANE_TREE].w >= 16);
}

void
test_layout_zoom_and_minimum(void)
{
	struct layout	l;
	int		r, c;

	layout_compute(30, 120, all_on, PANE_READER, &l);
	T_EQ_INT(l.pane[PANE_READER].w, 120);
	T_EQ_INT(l.pane[PANE_TREE].h, 0);
	layout_compute(11, 80, all_on, -1, &l);
	T_OK(l.too_small);
	layout_compute(12, 39, all_on, -1, &l);
	T_OK(l.too_small);
	/* every size from the minimum up is laid out sanely */
	for (r = 12; r < 70; r += 7)
		for (c = 40; c < 260; c += 13) {
			layout_compute(r, c, all_on, -1, &l);
			if (!sane(&l, r, c) || l.pane[PANE_READER].w < 8 ||
			    l.pane[PANE_READER].h < 3) {
				T_OK(0);
				return;
			}
		}
	T_OK(1);
}

static int
wrap_ok(const char *text, int width, int *n)
{
	struct wrap_line	*lines;
	int			 i, ok = 1;

	if ((*n = wrap_text(text, strlen(text), width, &lines)) < 0)
		return 0;
	for (i = 0; i < *n; i++)
		if (lines[i].width > width)
			ok = 0;
	free(lines);
	return ok;
}

void
test_wrap_widths(void)
{
	struct wrap_line	*lines;
	const char		*t = "aaa bbb ccc ddd eee";
	int			 n;

	n = wrap_text(t, strlen(t), 7, &lines);
	T_EQ_INT(n, 3);
	T_OK(n == 3 && lines[0].end - lines[0].start == 7 && lines[2].width == 3);
	free(lines);
	/* accented and combining characters count one column each */
	t = "Oekra\xc3\xafne Oekrai\xcc\x88ne";
	n = wrap_text(t, strlen(t), 8, &lines);
	T_EQ_INT(n, 2);
	T_OK(n == 2 && lines[0].width == 8 && lines[1].width == 8);
	free(lines);
	/* wide characters count two, and a break may fall between them */
	t = "\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97\xe6\xbc\xa2\xe5\xad\x97";
	T_OK(wrap_ok(t, 5, &n));
	T_EQ_INT(n, 3);
	/* a word longer than the line is cut, never overflows */
	T_OK(wrap_ok("supercalifragilisticexpialidocious is lang", 10, &n));
	T_OK(n >= 4);
	/* a forced break inside a signature block */
	n = wrap_text("De Minister,\nW.B. Hoekstra", 26, 80, &lines);
	T_EQ_INT(n, 2);
	T_OK(n == 2 && lines[1].width == 13);
	free(lines);
	T_OK(wrap_ok("", 10, &n) && n <= 1);
	T_OK(wrap_ok("a b c", 1, &n) && n == 3);
}
