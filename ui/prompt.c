/* prompt.c: a line of input on the message line, with UTF-8 editing:
 * cursor keys, Home/End, Backspace/Delete, Ctrl-U; Enter takes it, Esc
 * cancels. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui.h"

#define PROMPT_MAX	1024

char *
prompt_read(struct app *a, const char *label, const char *initial)
{
	wchar_t	 line[PROMPT_MAX + 1];
	wint_t	 ch;
	size_t	 n = 0, cur, i;
	int	 r, y = a->lay.message.y, lw = (int)strlen(label), start, width;
	char	*out;
	mbstate_t ms;

	if (initial != NULL) {
		const char *p = initial;

		memset(&ms, 0, sizeof ms);
		n = mbsrtowcs(line, &p, PROMPT_MAX, &ms);
		if (n == (size_t)-1)
			n = 0;
	}
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
			case KEY_ENTER:
				goto done;
			case KEY_RESIZE:
				break;
			}
			continue;
		}
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
	line[n] = 0;
	if ((out = malloc(n * MB_CUR_MAX + 1)) == NULL)
		return NULL;
	{
		const wchar_t *p = line;

		memset(&ms, 0, sizeof ms);
		if (wcsrtombs(out, &p, n * MB_CUR_MAX + 1, &ms) == (size_t)-1)
			out[0] = '\0';
	}
	return out;
}
