/* buf.h: a growable byte buffer, always NUL-terminated. */
#ifndef LK_BUF_H
#define LK_BUF_H
#include <stddef.h>

struct buf {
	char   *s;
	size_t	len, cap;
	int	oom;	/* set once an allocation failed; later appends do nothing */
};

void	buf_add(struct buf *b, const char *s, size_t len);
void	buf_addc(struct buf *b, char c);
void	buf_adds(struct buf *b, const char *s);
void	buf_addf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Gives the string to the caller (NULL after an allocation failure) and resets b. */
char   *buf_take(struct buf *b);
void	buf_free(struct buf *b);

#endif
