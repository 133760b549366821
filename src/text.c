/* text.c: decoding raw input into clean UTF-8, and normalising lines. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uniconv.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"
#include "text.h"

/*
 * Binary detection. Text files hold few C0 control bytes besides \t \n \r
 * and \f; executables, images and archives hold many, and most of them show
 * it in their header. So a file is binary when more than BIN_HEAD such bytes
 * fall in its first BIN_HEADLEN bytes, or when more than BIN_HEAD fall in the
 * whole file and they are more than 1% of it. A stray control or two (a ^Z
 * at the end, an escape pasted in) stays text; normalising shows it as '?'.
 */
#define BIN_HEADLEN	4096
#define BIN_HEAD	4

/* Windows-1252 0x80-0x9f; the five undefined bytes map to U+FFFD. */
static const uint16_t cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178
};

static int
fail(char *err, size_t errlen, const char *why)
{
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "%s", why);
	return -1;
}

/* A C0 control (or DEL) that has no place in text. */
static int
is_bad_control(unsigned char c)
{
	if (c == '\t' || c == '\n' || c == '\r' || c == '\f')
		return 0;
	return c < 0x20 || c == 0x7f;
}

static int
looks_binary(const unsigned char *p, size_t n)
{
	unsigned char	bad_byte[256];
	size_t		i, bad = 0, head = BIN_HEADLEN < n ? BIN_HEADLEN : n;

	/* a table and a branch-free count: the check reads every byte of
	 * every file, and was 7 % of parsing a paper */
	for (i = 0; i < 256; i++)
		bad_byte[i] = is_bad_control((unsigned char)i);
	for (i = 0; i < head; i++)
		bad += bad_byte[p[i]];
	if (bad > BIN_HEAD)
		return 1;
	for (; i < n; i++)
		bad += bad_byte[p[i]];
	return bad > BIN_HEAD && bad > n / 100;
}

static int
is_blank(const char *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r' && p[i] != '\f')
			return 0;
	}
	return 1;
}

/* Turns CRLF and lone CR into LF, in place: the text only shrinks. */
static size_t
unify_eol(char *s, size_t n)
{
	size_t	i, w = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\r') {
			s[w++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else
			s[w++] = s[i];
	}
	return w;
}

static ucs4_t
cp1252_to_uc(unsigned char c)
{
	if (c >= 0x80 && c < 0xa0)
		return cp1252[c - 0x80];
	return c;	/* ASCII, and 0xa0-0xff are Latin-1 */
}

/* Decodes Windows-1252 into a new buffer sized exactly in a first pass. */
static char *
from_cp1252(const unsigned char *p, size_t n, size_t *outlen)
{
	uint8_t	tmp[6];
	char   *buf;
	size_t	i, len = 0, w = 0;
	int	k;

	for (i = 0; i < n; i++) {
		k = u8_uctomb(tmp, cp1252_to_uc(p[i]), sizeof tmp);
		if (len > SIZE_MAX - 1 - (size_t)k)
			return NULL;
		len += k;
	}
	if ((buf = malloc(len + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		w += u8_uctomb((uint8_t *)buf + w, cp1252_to_uc(p[i]), len - w);
	*outlen = w;
	return buf;
}

/* Decodes UTF-16 (after its BOM) through iconv. NULL with errno EILSEQ or
 * EINVAL on invalid input, ENOMEM when out of memory. */
static char *
from_utf16(const char *enc, const unsigned char *p, size_t n, size_t *outlen)
{
	uint8_t	*u, *nu;
	size_t	 len;

	/* iconv silently drops a trailing odd byte, so catch it here. */
	if (n % 2 != 0) {
		errno = EINVAL;
		return NULL;
	}
	u = u8_conv_from_encoding(enc, iconveh_error, (const char *)p, n,
	    NULL, NULL, &len);
	if (u == NULL)
		return NULL;
	if ((nu = realloc(u, len + 1)) == NULL) {
		free(u);
		return NULL;
	}
	*outlen = len;
	return (char *)nu;
}

int
text_decode(const unsigned char *raw, size_t n, struct text *t, char *err,
    size_t errlen)
{
	const char *enc = "utf-8";
	char	   *buf;
	size_t	    len;
	int	    utf16 = 0, converted = 0;

	memset(t, 0, sizeof *t);
	if (n >= 2 && raw[0] == 0xff && raw[1] == 0xfe) {
		enc = "utf-16le";
		utf16 = 1;
	} else if (n >= 2 && raw[0] == 0xfe && raw[1] == 0xff) {
		enc = "utf-16be";
		utf16 = 1;
	} else if (n >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0) {
		enc = "utf-8 (BOM)";
		raw += 3;
		n -= 3;
	}
	if (utf16) {
		raw += 2;
		n -= 2;
	}
	if (n == 0)
		return fail(err, errlen, "empty file");

	if (utf16) {
		if ((buf = from_utf16(enc, raw, n, &len)) == NULL)
			return fail(err, errlen, errno == ENOMEM ?
			    "out of memory" : "invalid UTF-16");
		converted = 1;
		/* Checked after conversion, where controls are single bytes. */
		if (memchr(buf, '\0', len) != NULL) {
			free(buf);
			return fail(err, errlen,
			    "contains NUL bytes (binary file?)");
		}
		if (looks_binary((unsigned char *)buf, len)) {
			free(buf);
			return fail(err, errlen, "binary file");
		}
	} else {
		if (memchr(raw, '\0', n) != NULL)
			return fail(err, errlen,
			    "contains NUL bytes (binary file?)");
		if (looks_binary(raw, n))
			return fail(err, errlen, "binary file");
		if (u8_check(raw, n) == NULL) {
			if ((buf = malloc(n + 1)) == NULL)
				return fail(err, errlen, "out of memory");
			memcpy(buf, raw, n);
			len = n;
		} else {
			/*
			 * Not UTF-8: take it for the usual other encoding of
			 * Dutch text, even after a UTF-8 BOM (which is dropped).
			 */
			if ((buf = from_cp1252(raw, n, &len)) == NULL)
				return fail(err, errlen, "out of memory");
			enc = "windows-1252";
			converted = 1;
		}
	}

	len = unify_eol(buf, len);
	buf[len] = '\0';
	if (is_blank(buf, len)) {
		free(buf);
		return fail(err, errlen, "empty file");
	}
	t->buf = buf;
	t->len = len;
	t->encoding = enc;
	t->converted = converted;
	return 0;
}

void
text_free(struct text *t)
{
	if (t == NULL)
		return;
	free(t->buf);
	memset(t, 0, sizeof *t);
}

/* What normalising does with one character. */
enum lclass {
	LC_KEEP,
	LC_SPACE,	/* becomes ' ', runs collapse */
	LC_DROP,	/* invisible: removed */
	LC_CONTROL	/* becomes '?' */
};

static enum lclass
classify(ucs4_t uc)
{
	if (uc == '\t' || uc == 0xfeff)
		return LC_SPACE;
	if (uc == 0x200b || uc == 0x00ad)
		return LC_DROP;
	if (uc < 0x20 || (uc >= 0x7f && uc < 0xa0))
		return LC_CONTROL;
	/* Zs: space, NBSP, U+2000-200A (figure, thin...), U+202F, U+3000. */
	if (uc_is_general_category(uc, UC_CATEGORY_Zs))
		return LC_SPACE;
	return LC_KEEP;
}

size_t
text_normalise_line(char *s, size_t len, int *lead, int *trail)
{
	uint8_t	   *u = (uint8_t *)s;
	ucs4_t	    uc;
	size_t	    r = 0, w = 0;
	int	    k, seen = 0, pending = 0;
	enum lclass c;

	*lead = *trail = 0;
	while (r < len) {
		/* printable ASCII and the plain space, most of any text, take
		 * the short way */
		if (u[r] > 0x20 && u[r] < 0x7f) {
			if (pending && seen)
				u[w++] = ' ';
			pending = 0;
			seen = 1;
			u[w++] = u[r++];
			continue;
		}
		if (u[r] == ' ') {
			if (!seen)
				*lead = 1;
			pending = 1;
			r++;
			continue;
		}
		if ((k = u8_mbtoucr(&uc, u + r, len - r)) < 0) {
			/* Invalid UTF-8: the byte is shown as a control. */
			uc = 0;
			k = 1;
		}
		switch ((c = classify(uc))) {
		case LC_DROP:
			break;
		case LC_SPACE:
			if (!seen)
				*lead = 1;
			pending = 1;
			break;
		case LC_CONTROL:
		case LC_KEEP:
			if (pending && seen)
				u[w++] = ' ';
			pending = 0;
			seen = 1;
			if (c == LC_CONTROL)
				u[w++] = '?';
			else {
				/* Every output is no longer than its input. */
				memmove(u + w, u + r, k);
				w += k;
			}
			break;
		}
		r += k;
	}
	*trail = pending;
	return w;
}

char *
text_fold(const char *s, size_t len, size_t *outlen)
{
	struct folded	f;

	if (fold_text(s, len, 0, &f) == -1)
		return NULL;
	free(f.map);
	if (outlen != NULL)
		*outlen = f.len;
	return f.s;
}

size_t
text_chars(const char *s, size_t len)
{
	size_t	i, n = len;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			n--;
	return n;
}
