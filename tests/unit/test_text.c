/* test_text.c: decoding, line normalising and folding. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "t.h"
#include "text.h"

/* Decodes n bytes; returns text_decode's result. */
static int
dec(const char *raw, size_t n, struct text *t, char *err, size_t errlen)
{
	err[0] = '\0';
	return text_decode((const unsigned char *)raw, n, t, err, errlen);
}

/* Normalises a copy of in into buf, NUL-terminated for comparing. */
static const char *
norm(char *buf, size_t size, const char *in, int *lead, int *trail)
{
	size_t	n = strlen(in);

	if (n >= size)
		return NULL;
	memcpy(buf, in, n);
	buf[text_normalise_line(buf, n, lead, trail)] = '\0';
	return buf;
}

/* Folds a string; the caller frees. Checks the length against strlen. */
static char *
fold(const char *in)
{
	size_t	n = (size_t)-1;
	char   *s;

	s = text_fold(in, strlen(in), &n);
	T_OK(s != NULL);
	if (s != NULL)
		T_EQ_INT(n, strlen(s));
	return s;
}

/* A fixed-seed generator, so the "random" blob is the same every run. */
static uint32_t
lcg(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 16;
}

void
test_text_utf8_plain(void)
{
	struct text t;
	char	err[128];
	const char in[] = "Motie van het lid Van der Staaij\nOekra\xc3\xafne\n";

	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, in);
	T_EQ_INT(t.len, sizeof in - 1);
	T_EQ_INT(t.buf[t.len], '\0');
	T_EQ_STR(t.encoding, "utf-8");
	T_EQ_INT(t.converted, 0);
	text_free(&t);
	T_OK(t.buf == NULL);
	text_free(&t);	/* twice is harmless */
}

void
test_text_utf8_bom(void)
{
	struct text t;
	char	err[128];
	const char in[] = "\xef\xbb\xbf" "financi\xc3\xab" "le\n";

	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "financi\xc3\xab" "le\n");
	T_EQ_INT(t.len, 12);
	T_EQ_STR(t.encoding, "utf-8 (BOM)");
	T_EQ_INT(t.converted, 0);
	text_free(&t);
}

void
test_text_crlf(void)
{
	struct text t;
	char	err[128];
	const char in[] = "Kamerstuk\r\n36 410\r\n\r\nend";

	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "Kamerstuk\n36 410\n\nend");
	T_EQ_INT(t.len, 21);
	T_EQ_STR(t.encoding, "utf-8");
	T_EQ_INT(t.converted, 0);
	text_free(&t);
}

void
test_text_lone_cr(void)
{
	struct text t;
	char	err[128];
	const char in[] = "a\rb\r\rc\r\r\nd\r";

	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "a\nb\n\nc\n\nd\n");
	T_EQ_INT(t.len, 10);
	text_free(&t);
}

void
test_text_formfeed_kept(void)
{
	struct text t;
	char	err[128];
	const char in[] = "pagina 1\r\n\fpagina 2\f\r";

	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "pagina 1\n\fpagina 2\f\n");
	text_free(&t);
}

void
test_text_cp1252(void)
{
	struct text t;
	char	err[128];
	const char in[] = "Oekra\xefne \x93quote\x94 \x80 5 \x85 \x96 \x81\r\n";

	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "Oekra\xc3\xafne \xe2\x80\x9cquote\xe2\x80\x9d "
	    "\xe2\x82\xac 5 \xe2\x80\xa6 \xe2\x80\x93 \xef\xbf\xbd\n");
	T_EQ_INT(t.len, strlen(t.buf));
	T_EQ_STR(t.encoding, "windows-1252");
	T_EQ_INT(t.converted, 1);
	text_free(&t);
}

void
test_text_cp1252_all_high(void)
{
	struct text t;
	char	err[128], in[128];
	size_t	i;

	/* Every byte 0x80-0xff: the output is valid UTF-8, 0xa0-0xff Latin-1. */
	for (i = 0; i < 128; i++)
		in[i] = (char)(0x80 + i);
	T_EQ_INT(dec(in, sizeof in, &t, err, sizeof err), 0);
	T_EQ_STR(t.encoding, "windows-1252");
	/* 0x80-0x9f: 22 take 3 bytes (5 of them U+FFFD), 10 take 2. */
	T_EQ_INT(t.len, 22 * 3 + 10 * 2 + 96 * 2);
	T_OK(memcmp(t.buf, "\xe2\x82\xac\xef\xbf\xbd\xe2\x80\x9a\xc6\x92",
	    11) == 0);
	T_OK(memcmp(t.buf + t.len - 4, "\xc3\xbe\xc3\xbf", 4) == 0);
	text_free(&t);
}

void
test_text_bom_then_cp1252(void)
{
	struct text t;
	char	err[128];
	const char in[] = "\xef\xbb\xbf" "caf\xe9\n";

	/* The BOM lied: the rest is decoded as Windows-1252, BOM dropped. */
	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "caf\xc3\xa9\n");
	T_EQ_STR(t.encoding, "windows-1252");
	T_EQ_INT(t.converted, 1);
	text_free(&t);
}

void
test_text_latin1(void)
{
	struct text t;
	char	err[128];
	const char in[] = "financi\xeble \xe9\xe9n caf\xe9\xa0x \xc9\xff";

	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "financi\xc3\xab" "le \xc3\xa9\xc3\xa9n caf\xc3\xa9"
	    "\xc2\xa0x \xc3\x89\xc3\xbf");
	T_EQ_STR(t.encoding, "windows-1252");
	T_EQ_INT(t.converted, 1);
	text_free(&t);
}

void
test_text_utf16le(void)
{
	struct text t;
	char	err[128];
	/* BOM, "Aë\r\n", U+1F600 as a surrogate pair, "€", "\r" */
	const char in[] = {
		'\xff', '\xfe', 'A', 0, '\xeb', 0, '\r', 0, '\n', 0,
		'\x3d', '\xd8', '\x00', '\xde', '\xac', '\x20', '\r', 0
	};

	T_EQ_INT(dec(in, sizeof in, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "A\xc3\xab\n\xf0\x9f\x98\x80\xe2\x82\xac\n");
	T_EQ_INT(t.len, 12);
	T_EQ_STR(t.encoding, "utf-16le");
	T_EQ_INT(t.converted, 1);
	text_free(&t);
}

void
test_text_utf16be(void)
{
	struct text t;
	char	err[128];
	const char in[] = {
		'\xfe', '\xff', 0, 'A', 0, '\xeb', 0, '\n', 0, '\f',
		'\xd8', '\x3d', '\xde', '\x00', '\x20', '\xac'
	};

	T_EQ_INT(dec(in, sizeof in, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "A\xc3\xab\n\f\xf0\x9f\x98\x80\xe2\x82\xac");
	T_EQ_STR(t.encoding, "utf-16be");
	T_EQ_INT(t.converted, 1);
	text_free(&t);
}

void
test_text_utf16_invalid(void)
{
	struct text t;
	char	err[128];
	const char lone[] = { '\xff', '\xfe', 'a', 0, '\x3d', '\xd8', 'b', 0 };
	const char low[] = { '\xfe', '\xff', '\xde', '\x00', 0, 'a' };
	const char odd[] = { '\xff', '\xfe', 'a', 0, 'b' };
	const char nul[] = { '\xff', '\xfe', 'a', 0, 0, 0, 'b', 0 };

	T_EQ_INT(dec(lone, sizeof lone, &t, err, sizeof err), -1);
	T_EQ_STR(err, "invalid UTF-16");
	T_OK(t.buf == NULL);
	T_EQ_INT(dec(low, sizeof low, &t, err, sizeof err), -1);
	T_EQ_STR(err, "invalid UTF-16");
	T_EQ_INT(dec(odd, sizeof odd, &t, err, sizeof err), -1);
	T_EQ_STR(err, "invalid UTF-16");
	T_EQ_INT(dec(nul, sizeof nul, &t, err, sizeof err), -1);
	T_EQ_STR(err, "contains NUL bytes (binary file?)");
	T_OK(t.buf == NULL);
}

void
test_text_empty(void)
{
	struct text t;
	char	err[128];
	const char le_bom[] = { '\xff', '\xfe' };
	const char le_ws[] = { '\xff', '\xfe', ' ', 0, '\r', 0, '\n', 0 };

	T_EQ_INT(dec("", 0, &t, err, sizeof err), -1);
	T_EQ_STR(err, "empty file");
	T_OK(t.buf == NULL);
	T_EQ_INT(dec(" \t\r\n\n \f", 7, &t, err, sizeof err), -1);
	T_EQ_STR(err, "empty file");
	T_EQ_INT(dec("\xef\xbb\xbf", 3, &t, err, sizeof err), -1);
	T_EQ_STR(err, "empty file");
	T_EQ_INT(dec("\xef\xbb\xbf\n\n", 5, &t, err, sizeof err), -1);
	T_EQ_STR(err, "empty file");
	T_EQ_INT(dec(le_bom, sizeof le_bom, &t, err, sizeof err), -1);
	T_EQ_STR(err, "empty file");
	T_EQ_INT(dec(le_ws, sizeof le_ws, &t, err, sizeof err), -1);
	T_EQ_STR(err, "empty file");
	/* One visible character is enough. */
	T_EQ_INT(dec("\n.\n", 3, &t, err, sizeof err), 0);
	text_free(&t);
	/* No room for a reason is fine too. */
	T_EQ_INT(text_decode((const unsigned char *)"", 0, &t, NULL, 0), -1);
}

void
test_text_nul(void)
{
	struct text t;
	char	err[128];
	const char in[] = "abc\0def\n";

	T_EQ_INT(dec(in, sizeof in - 1, &t, err, sizeof err), -1);
	T_EQ_STR(err, "contains NUL bytes (binary file?)");
	T_OK(t.buf == NULL);
	/* A short buffer gets a truncated, terminated reason. */
	T_EQ_INT(dec(in, sizeof in - 1, &t, err, 9), -1);
	T_EQ_STR(err, "contains");
}

void
test_text_binary(void)
{
	struct text t;
	char	err[128], *blob;
	uint32_t seed = 42;
	size_t	i, n = 64 * 1024;
	const char elf[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00";

	blob = malloc(n);
	T_OK(blob != NULL);
	if (blob == NULL)
		return;
	memcpy(blob, elf, sizeof elf - 1);
	for (i = sizeof elf - 1; i < n; i++)
		blob[i] = (char)lcg(&seed);
	T_EQ_INT(dec(blob, n, &t, err, sizeof err), -1);
	T_EQ_STR(err, "contains NUL bytes (binary file?)");

	/* Without NULs the controls give it away. */
	for (i = 0; i < n; i++)
		if (blob[i] == 0)
			blob[i] = 1;
	T_EQ_INT(dec(blob, n, &t, err, sizeof err), -1);
	T_EQ_STR(err, "binary file");
	T_OK(t.buf == NULL);

	/* Five escapes in the first 4 KiB of otherwise plain text. */
	memset(blob, 'a', n);
	for (i = 0; i < 5; i++)
		blob[100 + i * 100] = '\x1b';
	T_EQ_INT(dec(blob, n, &t, err, sizeof err), -1);
	T_EQ_STR(err, "binary file");

	/* Controls spread thinly past the first 4 KiB are tolerated... */
	memset(blob, 'a', n);
	for (i = 4200; i < n; i += 200)
		blob[i] = '\x01';
	T_EQ_INT(dec(blob, n, &t, err, sizeof err), 0);
	T_EQ_INT(t.len, n);
	text_free(&t);

	/* ...but not when they pass 1% of the file. */
	for (i = 4200; i < n; i += 50)
		blob[i] = '\x01';
	T_EQ_INT(dec(blob, n, &t, err, sizeof err), -1);
	T_EQ_STR(err, "binary file");

	/* A few in a small file (a DOS ^Z at the end) are text. */
	T_EQ_INT(dec("tekst\n\x1a", 7, &t, err, sizeof err), 0);
	T_EQ_STR(t.buf, "tekst\n\x1a");
	text_free(&t);
	free(blob);
}

void
test_text_huge_line(void)
{
	struct text t;
	char	err[128], *raw;
	size_t	i, n = 1024 * 1024, len;
	int	lead, trail, ok = 1;

	/* "ab\t  " over and over, 1 MiB, no newline. */
	raw = malloc(n);
	T_OK(raw != NULL);
	if (raw == NULL)
		return;
	for (i = 0; i < n; i++)
		raw[i] = "ab\t  "[i % 5];
	T_EQ_INT(dec(raw, n, &t, err, sizeof err), 0);
	T_EQ_INT(t.len, n);
	T_OK(memchr(t.buf, '\n', t.len) == NULL);
	len = text_normalise_line(t.buf, t.len, &lead, &trail);
	/* 209715 full "ab" groups and one last "a". */
	T_EQ_INT(len, 209715 * 3 + 1);
	T_EQ_INT(lead, 0);
	T_EQ_INT(trail, 0);
	for (i = 0; i < len; i++)
		if (t.buf[i] != "ab "[i % 3])
			ok = 0;
	T_OK(ok);
	text_free(&t);
	free(raw);
}

void
test_text_norm_tabs(void)
{
	char	b[128];
	int	lead, trail;

	T_EQ_STR(norm(b, sizeof b, "\ta\t\tb\t", &lead, &trail), "a b");
	T_EQ_INT(lead, 1);
	T_EQ_INT(trail, 1);
	T_EQ_STR(norm(b, sizeof b, "a \t b", &lead, &trail), "a b");
	T_EQ_INT(lead, 0);
	T_EQ_INT(trail, 0);
}

void
test_text_norm_spaces(void)
{
	char	b[128];
	int	lead, trail;

	/* NBSP run, narrow NBSP, figure, thin, ideographic space, U+FEFF */
	T_EQ_STR(norm(b, sizeof b, "a\xc2\xa0\xc2\xa0 b\xe2\x80\xaf" "c"
	    "\xe2\x80\x87" "d\xe2\x80\x89" "e\xe3\x80\x80" "f\xef\xbb\xbfg",
	    &lead, &trail), "a b c d e f g");
	T_EQ_INT(lead, 0);
	T_EQ_INT(trail, 0);
	T_EQ_STR(norm(b, sizeof b, "\xc2\xa0" "12\xc2\xa0%\xc2\xa0",
	    &lead, &trail), "12 %");
	T_EQ_INT(lead, 1);
	T_EQ_INT(trail, 1);
}

void
test_text_norm_flags(void)
{
	char	b[128];
	int	lead = -1, trail = -1;

	T_EQ_STR(norm(b, sizeof b, "abc", &lead, &trail), "abc");
	T_EQ_INT(lead, 0);
	T_EQ_INT(trail, 0);
	T_EQ_STR(norm(b, sizeof b, "  abc", &lead, &trail), "abc");
	T_EQ_INT(lead, 1);
	T_EQ_INT(trail, 0);
	T_EQ_STR(norm(b, sizeof b, "abc ", &lead, &trail), "abc");
	T_EQ_INT(lead, 0);
	T_EQ_INT(trail, 1);
	/* Only spaces: both flags, nothing left. */
	T_EQ_STR(norm(b, sizeof b, " \t\xc2\xa0 ", &lead, &trail), "");
	T_EQ_INT(lead, 1);
	T_EQ_INT(trail, 1);
	T_EQ_STR(norm(b, sizeof b, "", &lead, &trail), "");
	T_EQ_INT(lead, 0);
	T_EQ_INT(trail, 0);
}

void
test_text_norm_invisible(void)
{
	char	b[128];
	int	lead, trail;

	T_EQ_STR(norm(b, sizeof b, "ver\xe2\x80\x8bkiezing", &lead, &trail),
	    "verkiezing");
	T_EQ_STR(norm(b, sizeof b, "ver\xc2\xadkie\xc2\xadzing", &lead, &trail),
	    "verkiezing");
	/* Removed before spaces collapse, so no double space is left. */
	T_EQ_STR(norm(b, sizeof b, "a \xe2\x80\x8b b", &lead, &trail), "a b");
	/* A line of only invisibles is empty, without spaces. */
	T_EQ_STR(norm(b, sizeof b, "\xe2\x80\x8b\xc2\xad", &lead, &trail), "");
	T_EQ_INT(lead, 0);
	T_EQ_INT(trail, 0);
	T_EQ_STR(norm(b, sizeof b, "\xe2\x80\x8b a", &lead, &trail), "a");
	T_EQ_INT(lead, 1);
}

void
test_text_norm_controls(void)
{
	char	b[128];
	int	lead, trail;

	/* C0, DEL, C1 (NEL), \f, \r: each one '?'. */
	T_EQ_STR(norm(b, sizeof b, "a\x01" "b\x7f\xc2\x85" "c\f d\r\x1b",
	    &lead, &trail), "a?b??c? d??");
	T_EQ_INT(trail, 0);
	/* Bytes that are not UTF-8 too, so the line stays valid. */
	T_EQ_STR(norm(b, sizeof b, "a\xff" "b\xc3", &lead, &trail), "a?b?");
	T_EQ_STR(norm(b, sizeof b, "\xe2\x82" " x", &lead, &trail), "?? x");
	T_EQ_INT(lead, 0);
	/* U+FFFD that was already there is kept. */
	T_EQ_STR(norm(b, sizeof b, "\xef\xbf\xbd", &lead, &trail),
	    "\xef\xbf\xbd");
}

void
test_text_norm_kept(void)
{
	char	b[128];
	int	lead, trail;
	const char in[] = "Noord\xe2\x80\x91Holland \xe2\x80\x98" "a\xe2\x80\x99 "
	    "\xe2\x80\x9c" "b\xe2\x80\x9d \xc2\xab" "c\xc2\xbb \xe2\x80\x93 "
	    "\xef\xac\x81 Oekra\xc3\xafne";

	T_EQ_STR(norm(b, sizeof b, in, &lead, &trail), in);
	T_EQ_INT(lead, 0);
	T_EQ_INT(trail, 0);
}

void
test_text_fold(void)
{
	char   *s;

	T_EQ_STR(s = fold("Oekra\xc3\xafne"), "oekraine");
	free(s);
	T_EQ_STR(s = fold("financi\xc3\xab" "le"), "financiele");
	free(s);
	T_EQ_STR(s = fold("\xef\xac\x81nancieel"), "financieel");
	free(s);
	T_EQ_STR(s = fold("\xc3\x89\xc3\x89N"), "een");
	free(s);
	/* Already decomposed: e + combining acute. */
	T_EQ_STR(s = fold("Caf" "e\xcc\x81"), "cafe");
	free(s);
	/* The Dutch IJ ligature and sharp s fold to letters. */
	T_EQ_STR(s = fold("\xc4\xb2ssel Stra\xc3\x9f" "e"), "ijssel strasse");
	free(s);
	/* Punctuation and digits pass; NBSP is NFKC'd to a space. */
	T_EQ_STR(s = fold("36\xc2\xa0" "410-A, \xe2\x80\x9c" "Z\xe2\x80\x9d"),
	    "36 410-a, \xe2\x80\x9cz\xe2\x80\x9d");
	free(s);
	T_EQ_STR(s = fold(""), "");
	free(s);
}

void
test_text_fold_length(void)
{
	size_t	n = 0;
	char   *s;

	/* Only len bytes are read, not up to a NUL. */
	s = text_fold("\xc3\x8b" "XTRA", 3, &n);
	T_EQ_STR(s, "ex");
	T_EQ_INT(n, 2);
	free(s);
	/* outlen may be NULL. */
	s = text_fold("A", 1, NULL);
	T_EQ_STR(s, "a");
	free(s);
}

/* text_chars counts as u8_mbsnlen does, for valid UTF-8 of 1 to 4 bytes
 * a character, whole and cut at every byte. */
void
test_text_chars_as_unistring(void)
{
	static const char *s[] = { "", "abc", "één", "Kamerstuk 36 045 — nr. 4",
	    "\xe2\x80\x99s-Gravenhage", "\xf0\x9f\x93\x84 \xf0\x9f\x93\x84",
	    "ÿ\xc2\xa0z" };
	size_t	i, n;

	for (i = 0; i < sizeof s / sizeof s[0]; i++)
		T_EQ_INT(text_chars(s[i], strlen(s[i])),
		    u8_mbsnlen((const uint8_t *)s[i], strlen(s[i])));
	n = strlen(s[3]);
	T_EQ_INT(text_chars(s[3], n), 24);
	/* the first k bytes of a character-aligned string */
	T_EQ_INT(text_chars("één", 2), 1);
	T_EQ_INT(text_chars("één", 4), 2);
}
