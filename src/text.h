/* text.h: decoding raw input into clean UTF-8, and normalising lines. */
#ifndef LK_TEXT_H
#define LK_TEXT_H
#include <stddef.h>

/* A decoded file: valid UTF-8, LF line ends only, NUL-terminated. */
struct text {
	char	   *buf;
	size_t	    len;
	const char *encoding;	/* "utf-8", "utf-8 (BOM)", "windows-1252", "utf-16le", "utf-16be" */
	int	    converted;	/* nonzero when the input was not UTF-8 */
};

/* Decodes raw bytes into t. Returns 0, or -1 with a short reason in err
 * ("empty file", "binary file", "contains NUL bytes", ...). */
int	text_decode(const unsigned char *raw, size_t n, struct text *t,
	    char *err, size_t errlen);
void	text_free(struct text *t);

/* Normalises one line (without its '\n') in place: tabs, NBSP, U+FEFF and
 * the other Unicode spaces (Zs) become ' ', runs collapse to one, leading and
 * trailing spaces are cut and reported in *lead and *trail (1 if any, else 0;
 * a line of only spaces gives 1 and 1 and length 0). U+200B and soft hyphens
 * are removed. Control characters (C0 but tab, so \f too; DEL; C1) and bytes
 * that are not UTF-8 become '?', so the line never grows and stays valid
 * UTF-8. Returns the new length; nothing is NUL-terminated. */
size_t	text_normalise_line(char *s, size_t len, int *lead, int *trail);

/* The characters in s, which is valid UTF-8 (what text_decode and
 * text_normalise_line give): the bytes that do not continue a character.
 * u8_mbsnlen's count, without decoding, for the loader's hot loops. */
size_t	text_chars(const char *s, size_t len);

/* Folds UTF-8 for matching: NFKC, case fold, diacritics removed. Returns a
 * malloc'd NUL-terminated string and its length in *outlen, or NULL on OOM. */
char   *text_fold(const char *s, size_t len, size_t *outlen);

#endif
