/* prompt.c: a line of input on the message line, with UTF-8 editing:
 * cursor keys, Home/End, Backspace/Delete, Ctrl-U; Enter takes it, Esc
 * cancels. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui.h"

#define PROMPT_MAX	1024

/* The line as UTF-8 (malloc'd), or NULL. */
static char *
to_utf8(const wchar_t *line, size_t n)
{
	wchar_t		 tmp[PROMPT_MAX + 1];
	const wchar_t	*p = tmp;
	mbstate_t	 ms;
	char		*out;

	memcpy(tmp, line, n * sizeof *tmp);
	tmp[n] = 0;
	if ((out = malloc(n * MB_CUR_MAX + 1)) == NULL)
		return NULL;
	memset(&ms, 0, sizeof ms);
	if (wcsrtombs(out, &p, n * MB_CUR_MAX + 1, &ms) == (size_t)-1)
		out[0] = '\0';
	return out;
}

static size_t
from_utf8(wchar_t *line, const char *s)
{
	mbstate_t	ms;
	size_t		n;

	memset(&ms, 0, sizeof ms);
	n = mbsrtowcs(line, &s, PROMPT_MAX, &ms);
	return n == (size_t)-1 ? 0 : n;
}

/* Remembers a line in the history, newest last, without repeats. */
static void
remember(struct app *a, const char *s)
{
	int	i;

	if (*s == '\0')
		return;
	for (i = 0; i < a->nhist; i++)
		if (strcmp(a->hist[i], s) == 0) {
			free(a->hist[i]);
			memmove(&a->hist[i], &a->hist[i + 1],
			    (size_t)(a->nhist - i - 1) * sizeof *a->hist);
			a->nhist--;
			break;
		}
	if (a->nhist == HIST_MAX) {
		free(a->hist[0]);
		memmove(&a->hist[0], &a->hist[1], (HIST_MAX - 1) * sizeof *a->hist);
		a->nhist--;
	}
	if ((a->hist[a->nhist] = strdup(s)) != NULL)
		a->nhist++;
}

char *
prompt_read(struct app *a, const char *label, const char *initial,
    void (*changed)(struct app *, const char *), int history)
{
	wchar_t	 line[PROMPT_MAX + 1];
	wint_t	 ch;
	size_t	 n = 0, cur, i;
	int	 r, y = a->lay.message.y, lw = (int)strlen(label), start, width;
	int	 h = history ? a->nhist : 0, dirty = 0;
	char	*out;

	if (initial != NULL)
		n = from_utf8(line, initial);
	cur = n;
	curs_set(1);
	for (;;) {
		/* show the part of the line around the cursor */
		width = a->cols - lw - 1;
		start = 0;
		if (width > 0 && (int)cur >= width)
			start = (int)cur - width + 1;
		move(y, 0);
		clrtoeol();
		addstr(label);
		for (i = (size_t)start; i < n && (int)(i - (size_t)start) < width; i++) {
			wchar_t wc[2] = { line[i], 0 };

			addwstr(wc);
		}
		move(y, lw + (int)(cur - (size_t)start));
		refresh();
		if (dirty && changed != NULL && (out = to_utf8(line, n)) != NULL) {
			changed(a, out);
			free(out);
			move(y, lw + (int)(cur - (size_t)start));
			refresh();
		}
		dirty = 0;
		r = get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES) {
			switch (ch) {
			case KEY_LEFT:
				if (cur > 0)
					cur--;
				break;
			case KEY_RIGHT:
				if (cur < n)
					cur++;
				break;
			case KEY_HOME:
				cur = 0;
				break;
			case KEY_END:
				cur = n;
				break;
			case KEY_BACKSPACE:
				if (cur > 0) {
					memmove(&line[cur - 1], &line[cur],
					    (n - cur) * sizeof *line);
					cur--;
					n--;
				}
				break;
			case KEY_DC:
				if (cur < n) {
					memmove(&line[cur], &line[cur + 1],
					    (n - cur - 1) * sizeof *line);
					n--;
				}
				break;
			case KEY_UP:
			case KEY_DOWN:
				if (!history || a->nhist == 0)
					break;
				h += ch == KEY_UP ? -1 : 1;
				if (h < 0)
					h = 0;
				if (h >= a->nhist) {
					h = a->nhist;
					n = 0;
				} else
					n = from_utf8(line, a->hist[h]);
				cur = n;
				dirty = 1;
				break;
			case KEY_ENTER:
				goto done;
			case KEY_RESIZE:
				break;
			}
			if (ch == KEY_BACKSPACE || ch == KEY_DC)
				dirty = 1;
			continue;
		}
		dirty = ch != 27 && ch != '\n' && ch != '\r';
		switch (ch) {
		case 27:	/* Esc */
			curs_set(0);
			move(y, 0);
			clrtoeol();
			return NULL;
		case '\n': case '\r':
			goto done;
		case 127: case 8:
			if (cur > 0) {
				memmove(&line[cur - 1], &line[cur], (n - cur) * sizeof *line);
				cur--;
				n--;
			}
			break;
		case 21:	/* Ctrl-U */
			memmove(line, &line[cur], (n - cur) * sizeof *line);
			n -= cur;
			cur = 0;
			break;
		case 1:		/* Ctrl-A */
			cur = 0;
			break;
		case 5:		/* Ctrl-E */
			cur = n;
			break;
		default:
			if (ch >= 0x20 && n < PROMPT_MAX) {
				memmove(&line[cur + 1], &line[cur], (n - cur) * sizeof *line);
				line[cur++] = (wchar_t)ch;
				n++;
			}
		}
	}
done:
	curs_set(0);
	if ((out = to_utf8(line, n)) != NULL && history)
		remember(a, out);
	return out;
}
