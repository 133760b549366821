/* meta.h: dates and other metadata helpers shared by the stages. */
#ifndef LK_META_H
#define LK_META_H
#include <stddef.h>

/* Parses a Dutch date "8 maart 2022" at the start of s into "2022-03-08".
 * Returns the bytes used, or 0 when s does not start with a date. */
size_t	date_parse(const char *s, size_t len, char out[12]);

/* Finds "Den Haag, 8 maart 2022" or a date alone on a line. Returns 1 and
 * fills out when s is such a place-and-date line, else 0. */
int	date_line(const char *s, size_t len, char out[12]);

#endif
