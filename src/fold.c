/* fold.c: folding for search, character by character so that a match in
 * the folded text maps back to the original: NFKD decomposition (ﬁ → fi,
 * ë → e + ¨), combining marks dropped, then case folded. */
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"

int
fold_text(const char *s, size_t len, int keep_case, struct folded *f)
{
	size_t	 i = 0, cap = len + 16, k, n;
	uint8_t	 buf[64], *dec;
	ucs4_t	 uc;
	int	 m, cm;

	memset(f, 0, sizeof *f);
	if ((f->s = malloc(cap + 1)) == NULL ||
	    (f->map = malloc((cap + 1) * sizeof *f->map)) == NULL)
		goto oom;
	while (i < len) {
		m = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
		/* one character, decomposed (and case folded: ß → ss) */
		n = sizeof buf;
		if (keep_case)
			dec = u8_normalize(UNINORM_NFKD, (const uint8_t *)s + i,
			    (size_t)m, buf, &n);
		else
			dec = u8_casefold((const uint8_t *)s + i, (size_t)m, NULL,
			    UNINORM_NFKD, buf, &n);
		if (dec == NULL)
			goto oom;
		for (k = 0; k < n; k += (size_t)cm) {
			ucs4_t	c;
			size_t	b;

			cm = u8_mbtouc(&c, dec + k, n - k);
			if (uc_is_general_category(c, UC_CATEGORY_M))
				continue;
			if (f->len + (size_t)cm >= cap) {
				char	*ns;
				size_t	*nm;

				cap = cap * 2 + (size_t)cm;
				if ((ns = realloc(f->s, cap + 1)) == NULL)
					goto oom2;
				f->s = ns;
				if ((nm = realloc(f->map, (cap + 1) * sizeof *nm)) == NULL)
					goto oom2;
				f->map = nm;
			}
			for (b = 0; b < (size_t)cm; b++) {
				f->s[f->len] = (char)dec[k + b];
				f->map[f->len++] = i;
			}
		}
		if (dec != buf)
			free(dec);
		i += (size_t)m;
	}
	f->s[f->len] = '\0';
	f->map[f->len] = len;
	return 0;
oom2:
	if (dec != buf)
		free(dec);
oom:
	fold_free(f);
	return -1;
}

void
fold_free(struct folded *f)
{
	free(f->s);
	free(f->map);
	memset(f, 0, sizeof *f);
}

int
fold_has_upper(const char *s, size_t len)
{
	size_t	i = 0;
	ucs4_t	uc;

	while (i < len) {
		i += (size_t)u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
		if (uc_is_upper(uc))
			return 1;
	}
	return 0;
}

int
fold_find(const struct folded *f, const char *needle, size_t nlen, size_t from,
    size_t *start, size_t *end)
{
	size_t	i, k;

	if (nlen == 0 || nlen > f->len)
		return 0;
	for (i = 0; i + nlen <= f->len; i++) {
		if (f->map[i] < from || memcmp(f->s + i, needle, nlen) != 0)
			continue;
		/* a match ends where the original's next character starts,
		 * even when it ends inside a decomposed one */
		*start = f->map[i];
		for (k = i + nlen; k < f->len && f->map[k] == f->map[i + nlen - 1]; k++)
			;
		*end = f->map[k];
		return 1;
	}
	return 0;
}
