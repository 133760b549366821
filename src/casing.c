/* casing.c: sentence case for titles in capitals. The Kamer prints a
 * motion's title in capitals; in a list they shout. Names of members follow
 * "lid" or "leden": their words keep a capital, Dutch name particles (van,
 * de, der, …) do not, except at the start of a name. */
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "buf.h"
#include "casing.h"

static const char *particles[] = { "van", "de", "der", "den", "ter", "ten",
    "het", "in", "'t", "te", "la", "le", "du", "von", NULL };

static int
is_particle(const char *w)
{
	int	i;

	for (i = 0; particles[i] != NULL; i++)
		if (strcmp(w, particles[i]) == 0)
			return 1;
	return 0;
}

/* Whether s has letters and none of them is lower case. */
static int
in_capitals(const char *s)
{
	size_t	i = 0, n = strlen(s);
	ucs4_t	uc;
	int	letters = 0;

	while (i < n) {
		i += (size_t)u8_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		if (uc_is_lower(uc))
			return 0;
		letters += uc_is_alpha(uc);
	}
	return letters > 1;
}

/* Appends word w lower-cased, with a capital first letter when cap. */
static void
add_word(struct buf *b, const char *w, size_t n, int cap)
{
	uint8_t	*low, *up;
	size_t	 ln, un;
	ucs4_t	 uc;
	int	 k;

	if ((low = u8_tolower((const uint8_t *)w, n, NULL, NULL, NULL, &ln)) == NULL)
		return;
	if (cap && ln > 0) {
		k = u8_mbtouc(&uc, low, ln);
		if ((up = u8_toupper(low, (size_t)k, NULL, NULL, NULL, &un)) != NULL) {
			buf_add(b, (const char *)up, un);
			free(up);
		}
		buf_add(b, (const char *)low + k, ln - (size_t)k);
	} else
		buf_add(b, (const char *)low, ln);
	free(low);
}

char *
casing_sentence(const char *title)
{
	struct buf	 b = { 0 };
	const char	*s = title;
	char		 low[64];
	size_t		 n, i;
	int		 first = 1, names = 0, name_start = 0;

	if (!in_capitals(title))
		return strdup(title);
	while (*s != '\0') {
		if (*s == ' ') {
			buf_addc(&b, *s++);
			continue;
		}
		for (n = 0; s[n] != '\0' && s[n] != ' '; n++)
			;
		for (i = 0; i < n && i + 1 < sizeof low; i++)
			low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
		low[i] = '\0';
		if (names && (strcmp(low, "en") == 0 || strcmp(low, "c.s.") == 0)) {
			add_word(&b, s, n, 0);
			name_start = 1;
		} else if (names)
			add_word(&b, s, n, name_start || !is_particle(low));
		else
			add_word(&b, s, n, first);
		if (names && strcmp(low, "en") != 0 && strcmp(low, "c.s.") != 0)
			name_start = 0;
		if (strcmp(low, "lid") == 0 || strcmp(low, "leden") == 0) {
			names = 1;
			name_start = 1;
		}
		first = 0;
		s += n;
	}
	return buf_take(&b);
}
