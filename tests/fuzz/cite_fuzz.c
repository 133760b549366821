/* cite_fuzz.c: a libFuzzer target for the citation recogniser.
 *
 *	clang -std=c11 -D_DEFAULT_SOURCE -g -fsanitize=fuzzer,address,undefined \
 *	    -Isrc tests/fuzz/cite_fuzz.c src/cite.c -lunistring -o cite_fuzz
 *
 * Besides crashes it checks what the contract promises: spans inside the
 * text and in order, ids and displays filled in, labels valid UTF-8, and
 * every display parsing back to its id. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "cite.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cite_list l = { NULL, 0, 0 };
	char *s, id[64];
	size_t i;

	/* the recogniser is given valid UTF-8 */
	if (u8_check(data, size) != NULL)
		return 0;
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (cite_find_all(s, size, &l) != 0)
		abort();
	for (i = 0; i < l.n; i++) {
		if (l.v[i].start >= l.v[i].end || l.v[i].end > size)
			abort();
		if (i > 0 && l.v[i].start < l.v[i - 1].start)
			abort();
		if (l.v[i].id[0] == '\0' || l.v[i].display[0] == '\0')
			abort();
		if (u8_check((const uint8_t *)l.v[i].label,
		    strlen(l.v[i].label)) != NULL)
			abort();
		if (l.v[i].range_last == 0 &&
		    (cite_parse_id(l.v[i].display, id, sizeof id) != 0 ||
		    strcmp(id, l.v[i].id) != 0))
			abort();
	}
	cite_list_free(&l);
	/* whatever a user types */
	if (memchr(s, '\0', size) == NULL)
		cite_parse_id(s, id, sizeof id);
	free(s);
	return 0;
}
