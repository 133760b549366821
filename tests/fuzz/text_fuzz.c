/* text_fuzz.c: libFuzzer target for decoding, normalising and folding.
 * clang -fsanitize=fuzzer,address -Isrc tests/fuzz/text_fuzz.c src/text.c \
 *     -lunistring -o tests/fuzz/text_fuzz */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Checks what text.h promises of one line, then folds it. */
static void
line(char *s, size_t n)
{
	size_t	i, len, flen;
	int	lead, trail;
	char   *f;

	len = text_normalise_line(s, n, &lead, &trail);
	if (len > n || u8_check((uint8_t *)s, len) != NULL)
		abort();
	if (len > 0 && (s[0] == ' ' || s[len - 1] == ' '))
		abort();
	for (i = 1; i < len; i++)
		if (s[i - 1] == ' ' && s[i] == ' ')
			abort();
	if ((f = text_fold(s, len, &flen)) == NULL)
		abort();
	if (strlen(f) != flen || u8_check((uint8_t *)f, flen) != NULL)
		abort();
	free(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text t;
	char	err[128], *p, *nl, *end;

	/* Raw bytes as a line: the normaliser must cope with bad UTF-8. */
	if ((p = malloc(size + 1)) == NULL)
		return 0;
	memcpy(p, data, size);
	line(p, size);
	free(p);

	if (text_decode(data, size, &t, err, sizeof err) != 0) {
		if (t.buf != NULL || err[0] == '\0')
			abort();
		return 0;
	}
	if (t.buf[t.len] != '\0' || memchr(t.buf, '\0', t.len) != NULL ||
	    memchr(t.buf, '\r', t.len) != NULL ||
	    u8_check((uint8_t *)t.buf, t.len) != NULL)
		abort();
	end = t.buf + t.len;
	for (p = t.buf; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		line(p, nl - p);
	}
	text_free(&t);
	return 0;
}
