/* test_fold.c: folding for search, and matches mapped back. */
#include <string.h>

#include "t.h"
#include "fold.h"

static int
find(const char *text, const char *pat, size_t *s, size_t *e)
{
	struct folded	ft, fp;
	int		keep = fold_has_upper(pat, strlen(pat)), r = 0;

	if (fold_text(text, strlen(text), keep, &ft) == -1)
		return -1;
	if (fold_text(pat, strlen(pat), keep, &fp) == 0) {
		r = fold_find(&ft, fp.s, fp.len, 0, s, e);
		fold_free(&fp);
	}
	fold_free(&ft);
	return r;
}

void
test_fold_diacritics_and_case(void)
{
	size_t	s, e;
	const char *t = "De steun aan Oekra\xc3\xafne en financi\xc3\xable middelen.";

	T_EQ_INT(find(t, "oekraine", &s, &e), 1);
	T_EQ_INT(s, 13);
	T_EQ_INT(e, 22);	/* "Oekraïne": ï is two bytes */
	T_EQ_INT(find(t, "financiele", &s, &e), 1);
	T_OK(strncmp(t + s, "financi\xc3\xable", e - s) == 0 && e - s == 11);
	T_EQ_INT(find(t, "OEKRAINE", &s, &e), 0);	/* smartcase */
	T_EQ_INT(find(t, "Oekraine", &s, &e), 1);
	T_EQ_INT(find(t, "\xc3\x8b", &s, &e), 0);	/* Ë is upper: case kept */
	T_EQ_INT(find("\xc3\x8bN \xc3\xabn", "\xc3\xab", &s, &e), 1);
	T_EQ_INT(s, 0);
}

void
test_fold_ligatures(void)
{
	size_t	s, e;
	const char *t = "de \xef\xac\x81nanci\xc3\xable steun";	/* ﬁnanciële */

	T_EQ_INT(find(t, "financiele", &s, &e), 1);
	T_EQ_INT(s, 3);
	T_EQ_INT(e, 3 + 3 + 6 + 2 + 1);
	/* a match ending inside the ligature takes the whole character */
	T_EQ_INT(find(t, "de f", &s, &e), 1);
	T_EQ_INT(e, 6);
	T_EQ_INT(find("", "a", &s, &e), 0);
	T_EQ_INT(find("abc", "", &s, &e), 0);
}

void
test_fold_from(void)
{
	struct folded	f;
	size_t		s, e;

	T_EQ_INT(fold_text("na na na", 8, 0, &f), 0);
	T_EQ_INT(fold_find(&f, "na", 2, 1, &s, &e), 1);
	T_EQ_INT(s, 3);
	T_EQ_INT(fold_find(&f, "na", 2, 7, &s, &e), 0);
	fold_free(&f);
}
