/* json.h: writing JSON to a stream, one value at a time. */
#ifndef LK_JSON_H
#define LK_JSON_H
#include <stdio.h>

#define JSON_DEPTH 32

struct json {
	FILE	*f;
	int	 depth;
	int	 count[JSON_DEPTH];	/* values written at each depth */
	int	 key;			/* a key was just written */
};

void	json_init(struct json *j, FILE *f);
void	json_open(struct json *j, char c);	/* '[' or '{' */
void	json_close(struct json *j, char c);	/* ']' or '}', ends with a newline at depth 0 */
void	json_key(struct json *j, const char *k);
void	json_str(struct json *j, const char *s);	/* NULL writes null */
void	json_int(struct json *j, long long v);
void	json_int_or_null(struct json *j, long long v);	/* v <= 0 writes null */
void	json_bool(struct json *j, int v);
void	json_null(struct json *j);

#endif
