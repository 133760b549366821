/* fold.h: matching text as a reader means it: case and diacritics aside,
 * ligatures as their letters, with every match mapped back to the text. */
#ifndef LK_FOLD_H
#define LK_FOLD_H
#include <stddef.h>

/* A folded copy of some text and, for each of its bytes, the offset in
 * the original where the character it came from starts. */
struct folded {
	char	*s;
	size_t	 len;
	size_t	*map;		/* len + 1 entries; map[len] is the text's length */
};

/* Folds text: diacritics dropped and compatibility forms decomposed (ﬁ →
 * fi), and lower-cased unless keep_case. Returns 0, or -1 out of memory. */
int	fold_text(const char *s, size_t len, int keep_case, struct folded *f);
void	fold_free(struct folded *f);

/* Smartcase, as less and vim do it: a pattern with a capital letter in it
 * matches case. */
int	fold_has_upper(const char *s, size_t len);

/* Finds the folded needle in f from byte from of the original text on.
 * Returns 1 with [*start, *end) in the original, or 0. */
int	fold_find(const struct folded *f, const char *needle, size_t nlen,
	    size_t from, size_t *start, size_t *end);

#endif
