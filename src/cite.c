/* cite.c: recognising citations of parliamentary papers in text.
 *
 * The text is scanned once. At the start of each word that could begin a
 * citation (a digit, or a keyword such as Kamerstuk, Handelingen, nr.) a
 * small recursive-descent parser tries to read one; on success scanning
 * goes on after it, else at the next byte. Every step of that parser reads
 * a bounded number of bytes (digit runs, space runs and keyword lengths are
 * capped) until it has read a whole citation, so a failed attempt costs
 * O(1) and the scan stays linear whatever the text holds. A list of numbers
 * ("nrs. 1, 2 en 3") is read once, as part of the citation it ends; where
 * the dossier comes after the numbers ("nr. 5 (26 150)") the look ahead
 * stops after MAXBRACKET numbers. The label of a citation is looked for in
 * at most LABELBACK bytes before it.
 *
 * The same parser reads what a user types (cite_parse_id), with the
 * keywords made optional.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "cite.h"

#define MAXWS		8	/* spaces skipped between parts of a citation */
#define MAXRANGE	50	/* a longer range of numbers stays one citation */
#define MAXBRACKET	8	/* numbers before a bracketed dossier: nr. 5 (26 150) */
#define LABELWORDS	10	/* words looked at before a citation for its label */
#define LABELBACK	240	/* bytes looked at before a citation for its label */

/* One citation being read: what its prefix and dossier said. */
struct ref {
	size_t		 start;		/* where it begins in the text */
	enum cite_kind	 kind;
	char		 chamber;	/* 'T', 'E' or 0 */
	int		 year;		/* first year of the vergaderjaar, or 0 */
	char		 dossier[8];	/* digits only: "36045" */
	char		 toev[8];	/* "V", "20" or "" */
	int		 toevnum;	/* the toevoeging is a number: 21 501-20 */
	char		 rijks[8];	/* "R2064" or "" */
	size_t		 kwlabel, kwlabelend; /* "Motie" in the citation itself */
	int		 haslabel;	/* label below is filled in */
	char		 label[96];
};

struct scan {
	const char	*s;
	size_t		 len;
	struct cite_list *out;
	int		 user;		/* reading a form a user typed */
	int		 oom;
};

/* One number of a list: "nrs. 1–3" is one element. */
struct elem {
	long		 first, last;
	char		 letter[4];	/* Eerste Kamer letter instead of a number */
	int		 item;		/* Handelingen item */
	size_t		 start, end;
};

/* Characters. */

static int
is_space_uc(ucs4_t uc)
{
	switch (uc) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
	case 0x00A0: case 0x2007: case 0x2009: case 0x200A: case 0x202F:
		return 1;
	}
	return 0;
}

static int
is_dash_uc(ucs4_t uc)
{
	switch (uc) {
	case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013:
	case 0x2014: case 0x2212:
		return 1;
	}
	return 0;
}

/* The character at i and its length in *n (0 at the end of the text). */
static ucs4_t
uc_at(const char *s, size_t len, size_t i, size_t *n)
{
	ucs4_t uc;

	if (i >= len) {
		*n = 0;
		return 0;
	}
	if ((unsigned char)s[i] < 0x80) {
		*n = 1;
		return (unsigned char)s[i];
	}
	*n = u8_mbtouc(&uc, (const uint8_t *)s + i, len - i);
	return uc;
}

/* The character ending at i, or 0 at the start of the text. */
static ucs4_t
uc_before(const char *s, size_t i, size_t *n)
{
	const uint8_t *p;
	ucs4_t uc;

	if (i == 0) {
		*n = 0;
		return 0;
	}
	if ((unsigned char)s[i - 1] < 0x80) {
		*n = 1;
		return (unsigned char)s[i - 1];
	}
	p = u8_prev(&uc, (const uint8_t *)s + i, (const uint8_t *)s);
	if (p == NULL) {
		*n = 1;
		return 0xFFFD;
	}
	*n = (const uint8_t *)s + i - p;
	return uc;
}

static size_t
space_at(const char *s, size_t len, size_t i)
{
	size_t n;

	return is_space_uc(uc_at(s, len, i, &n)) ? n : 0;
}

static size_t
dash_at(const char *s, size_t len, size_t i)
{
	size_t n;

	return is_dash_uc(uc_at(s, len, i, &n)) ? n : 0;
}

static int
letter_at(const char *s, size_t len, size_t i)
{
	size_t n;
	ucs4_t uc = uc_at(s, len, i, &n);

	return n != 0 && uc_is_alpha(uc);
}

static int
alnum_at(const char *s, size_t len, size_t i)
{
	size_t n;
	ucs4_t uc = uc_at(s, len, i, &n);

	return n != 0 && uc_is_alnum(uc);
}

static int
digit_at(const char *s, size_t len, size_t i)
{
	return i < len && s[i] >= '0' && s[i] <= '9';
}

/* Skips up to MAXWS spaces: enough for sloppy text, and bounded. */
static size_t
skip_ws(const char *s, size_t len, size_t i)
{
	size_t k, n;

	for (n = 0; n < MAXWS && (k = space_at(s, len, i)) != 0; n++)
		i += k;
	return i;
}

/* Skips spaces, then a comma and spaces if there is one. */
static size_t
skip_comma(const char *s, size_t len, size_t i)
{
	i = skip_ws(s, len, i);
	if (i < len && s[i] == ',')
		i = skip_ws(s, len, i + 1);
	return i;
}

/* Counts the digits at i, stopping after max + 1. */
static size_t
ndigits(const char *s, size_t len, size_t i, size_t max)
{
	size_t n;

	for (n = 0; n <= max && digit_at(s, len, i + n); n++)
		;
	return n;
}

static long
numval(const char *s, size_t n)
{
	long v = 0;

	while (n-- > 0)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Matches w (lower case ASCII) at i in any case. Returns the end, or 0. */
static size_t
kw_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w), k;
	int c;

	if (i > len || n > len - i)
		return 0;
	for (k = 0; k < n; k++) {
		c = (unsigned char)s[i + k];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != w[k])
			return 0;
	}
	return i + n;
}

/* Like kw_at, but w must be a whole word: no letter follows it. */
static size_t
word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t e;

	if ((e = kw_at(s, len, i, w)) == 0 || letter_at(s, len, e))
		return 0;
	return e;
}

/* Parts of a citation. Each reads at i and returns its end, or 0. */

/* nr. 3, nr 874, nrs. 520, nummer 25. */
static size_t
nrkw_at(const char *s, size_t len, size_t i, int *plural)
{
	static const struct {
		const char *w;
		int plural;
	} kws[] = {
		{ "nummers", 1 }, { "nummer", 0 }, { "nrs.", 1 }, { "nrs", 1 },
		{ "nr.", 0 }, { "nr", 0 },
	};
	size_t k, e;

	for (k = 0; k < sizeof kws / sizeof kws[0]; k++) {
		if ((e = word_at(s, len, i, kws[k].w)) != 0) {
			if (plural != NULL)
				*plural = kws[k].plural;
			return e;
		}
	}
	return 0;
}

/* The number of a paper: 1 to 5 digits. */
static size_t
number_at(const char *s, size_t len, size_t i, long *v)
{
	size_t n = ndigits(s, len, i, 5);

	if (n == 0 || n > 5)
		return 0;
	*v = numval(s + i, n);
	return i + n;
}

/* II, I, TK, EK, and ll, a common misreading of II. */
static size_t
chamber_at(const char *s, size_t len, size_t i, char *ch)
{
	static const struct {
		const char *w;
		char ch;
	} kws[] = {
		{ "II", 'T' }, { "ll", 'T' }, { "I", 'E' }, { "TK", 'T' },
		{ "EK", 'E' },
	};
	size_t k, n;

	for (k = 0; k < sizeof kws / sizeof kws[0]; k++) {
		n = strlen(kws[k].w);
		if (n <= len - i && memcmp(s + i, kws[k].w, n) == 0 &&
		    !alnum_at(s, len, i + n)) {
			*ch = kws[k].ch;
			return i + n;
		}
	}
	return 0;
}

/* Could y begin a vergaderjaar? */
static int
year_ok(long y)
{
	return y >= 1800 && y <= 2199;
}

/* A vergaderjaar: 2021/22, 2021/2022, 2021–2022, 2021-2022. */
static size_t
year_at(const char *s, size_t len, size_t i, int *year)
{
	size_t j, k, n;
	long y1, y2;

	if (ndigits(s, len, i, 4) != 4)
		return 0;
	y1 = numval(s + i, 4);
	if (!year_ok(y1))
		return 0;
	j = i + 4;
	if (j < len && s[j] == '/')
		j++;
	else {
		j = skip_ws(s, len, j);
		if ((k = dash_at(s, len, j)) == 0)
			return 0;
		j = skip_ws(s, len, j + k);
	}
	n = ndigits(s, len, j, 4);
	if (n == 2)
		y2 = y1 / 100 * 100 + numval(s + j, 2);
	else if (n == 4)
		y2 = numval(s + j, 4);
	else
		return 0;
	if (y2 % 100 != (y1 + 1) % 100 || (n == 4 && y2 != y1 + 1))
		return 0;
	*year = y1;
	return j + n;
}

/* A dossier: 36045, 36 045 or 31.125. An amount such as 28 288 000 or
 * 36 045,50 is not one. */
static size_t
dossier_at(const char *s, size_t len, size_t i, struct ref *r, int *grouped)
{
	size_t n = ndigits(s, len, i, 6), j, k;

	*grouped = 0;
	if (n >= 4 && n <= 6) {
		memcpy(r->dossier, s + i, n);
		r->dossier[n] = '\0';
		j = i + n;
	} else if (n == 2) {
		j = i + 2;
		if (j < len && s[j] == '.')
			k = 1;
		else if ((k = space_at(s, len, j)) == 0)
			return 0;
		if (ndigits(s, len, j + k, 3) != 3)
			return 0;
		memcpy(r->dossier, s + i, 2);
		memcpy(r->dossier + 2, s + j + k, 3);
		r->dossier[5] = '\0';
		j += k + 3;
		*grouped = 1;
	} else
		return 0;
	/* the number goes on: a thousands group, decimals, or it is the
	 * year of a vergaderjaar (2021/22) */
	if (j < len && (s[j] == '.' || s[j] == ',' || s[j] == '/') &&
	    digit_at(s, len, j + 1))
		return 0;
	if (*grouped && (k = space_at(s, len, j)) != 0 &&
	    ndigits(s, len, j + k, 3) == 3)
		return 0;
	return j;
}

/* A toevoeging in letters: V, X, VIII, IIB. All but the last letter are
 * roman digits, so words such as EU are not taken. */
static size_t
roman_at(const char *s, size_t len, size_t i, char *out, int user)
{
	size_t n;
	int c;

	for (n = 0; n < 6 && i + n < len; n++) {
		c = (unsigned char)s[i + n];
		if (user && c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c < 'A' || c > 'Z')
			break;
		out[n] = c;
	}
	if (n == 0 || n > 5 || alnum_at(s, len, i + n))
		return 0;
	out[n] = '\0';
	if (strspn(out, "IVXLC") < n - 1)
		return 0;
	return i + n;
}

/* A toevoeging after the dossier: 35 925 V, 21 501-20, 36 600-VI.
 * Returns i itself when there is none. */
static size_t
toev_at(const char *s, size_t len, size_t i, struct ref *r, int user)
{
	size_t j, k, n, e;

	if ((k = dash_at(s, len, i)) != 0) {
		j = i + k;
		n = ndigits(s, len, j, 3);
		if (n >= 1 && n <= 3 && !letter_at(s, len, j + n)) {
			memcpy(r->toev, s + j, n);
			r->toev[n] = '\0';
			r->toevnum = 1;
			return j + n;
		}
		if ((e = roman_at(s, len, j, r->toev, user)) != 0)
			return e;
		r->toev[0] = '\0';
		return i;
	}
	if ((k = space_at(s, len, i)) != 0 &&
	    (e = roman_at(s, len, i + k, r->toev, user)) != 0)
		return e;
	r->toev[0] = '\0';
	return i;
}

/* A Rijkswet suffix: 36 045 (R2064). Returns i when there is none. */
static size_t
rijks_at(const char *s, size_t len, size_t i, struct ref *r)
{
	size_t j = skip_ws(s, len, i), n;

	if (j + 2 > len || s[j] != '(' || s[j + 1] != 'R')
		return i;
	n = ndigits(s, len, j + 2, 4);
	if (n < 3 || n > 4 || j + 2 + n >= len || s[j + 2 + n] != ')')
		return i;
	r->rijks[0] = 'R';
	memcpy(r->rijks + 1, s + j + 2, n);
	r->rijks[n + 1] = '\0';
	return j + 3 + n;
}

/* A pinpoint page after a citation: , p. 5 or blz. 5. Returns i when
 * there is none. */
static size_t
page_at(const char *s, size_t len, size_t i, int *page)
{
	static const char *kws[] = { "blz.", "blz", "pag.", "pp.", "p." };
	size_t j = skip_comma(s, len, i), k, e = 0, n;

	for (k = 0; k < sizeof kws / sizeof kws[0] && e == 0; k++)
		e = word_at(s, len, j, kws[k]);
	if (e == 0)
		return i;
	e = skip_ws(s, len, e);
	if ((n = ndigits(s, len, e, 4)) == 0 || n > 4)
		return i;
	*page = numval(s + e, n);
	return e + n;
}

/* ", item 15" after the number of a Handelingen. Returns i when none. */
static size_t
item_at(const char *s, size_t len, size_t i, int *item)
{
	size_t j = skip_comma(s, len, i), e, n;

	if ((e = word_at(s, len, j, "item")) == 0)
		return i;
	e = skip_ws(s, len, e);
	if ((n = ndigits(s, len, e, 3)) == 0 || n > 3)
		return i;
	*item = numval(s + e, n);
	return e + n;
}

/* Building the results. */

/* Groups a dossier's digits as they are printed: 36045 -> 36 045. Others
 * are printed as they are, so that every display reads back. */
static void
group(const char *d, char *out, size_t outlen)
{
	if (strlen(d) == 5)
		snprintf(out, outlen, "%.2s %s", d, d + 2);
	else
		snprintf(out, outlen, "%s", d);
}

/* Is the word s[b..e) one that names what is cited? Compounds count:
 * Kamerbrief, coalitieakkoord. */
static int
label_word(const char *s, size_t b, size_t e)
{
	static const char *words[] = {
		"motie", "moties", "brief", "brieven", "verslag", "nota",
		"notitie", "rapport", "rapportage", "akkoord", "advies",
		"voorstel", "amendement", "reactie", "appreciatie", "antwoord",
		"antwoorden", "beantwoording", "plan", "strategie", "agenda",
		"evaluatie", "besluit", "bijlage", "memorie", "verklaring",
		"overzicht",
	};
	size_t k, n;

	/* the letters of the word, without the punctuation around them */
	while (e > b && !((s[e - 1] | 0x20) >= 'a' && (s[e - 1] | 0x20) <= 'z'))
		e--;
	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		n = strlen(words[k]);
		if (n <= e - b && kw_at(s, e, e - n, words[k]) != 0)
			return 1;
	}
	return 0;
}

/* Does the word s[b..e) end a sentence? Abbreviations (c.s., o.a.) and
 * initials do not. */
static int
sentence_end(const char *s, size_t b, size_t e)
{
	int c = s[e - 1];

	if (c == '!' || c == '?' || c == ';')
		return 1;
	if (c != '.')
		return 0;
	if (e - b <= 2 || memchr(s + b, '.', e - b - 1) != NULL)
		return 0;
	return 1;
}

/* The words before a citation naming what is cited: "motie van het lid
 * Sjoerdsma c.s." in "de motie van het lid Sjoerdsma c.s. (Kamerstuk ...)".
 * Only when the citation follows a bracket, a comma or "bij" (Bijlage bij
 * Kamerstuk ...), and only a phrase that starts with a word such as motie
 * or brief; else "". */
static void
context_label(const char *s, size_t start, char *out, size_t outlen)
{
	size_t lo = start > LABELBACK ? start - LABELBACK : 0;
	size_t e = start, b, w, n, o, best = 0;
	ucs4_t uc;
	int words, found = 0;

	out[0] = '\0';
	while (e > lo && is_space_uc(uc_before(s, e, &n)))
		e -= n;
	if (e > lo + 3 && kw_at(s, e, e - 3, "bij") != 0 &&
	    is_space_uc(uc_before(s, e - 3, &n)))
		e -= 3;
	else if (e > lo && (s[e - 1] == '(' || s[e - 1] == ','))
		e--;
	else
		return;
	while (e > lo && is_space_uc(uc_before(s, e, &n)))
		e -= n;
	w = e;
	for (words = 0; words < LABELWORDS && w > lo; words++) {
		/* the word s[b..w) */
		for (b = w; b > lo; b -= n) {
			uc = uc_before(s, b, &n);
			if (is_space_uc(uc) || n == 0)
				break;
		}
		if (b == lo && lo > 0)
			break;		/* cut off: not a whole word */
		if (sentence_end(s, b, w))
			break;
		if (label_word(s, b, w)) {
			best = b;
			found = 1;
			break;
		}
		if ((s[b] == '(' || s[b] == '[') &&
		    memchr(s + b, s[b] == '(' ? ')' : ']', w - b) == NULL)
			break;		/* the bracket this phrase is in */
		for (w = b; w > lo && is_space_uc(uc_before(s, w, &n)); w -= n)
			;
	}
	if (!found)
		return;
	while (best < e && (s[best] == '(' || s[best] == '[' || s[best] == '"'))
		best++;
	/* copy, spaces made plain, cut on a character boundary */
	for (o = 0; best < e; best += n) {
		uc = uc_at(s, e, best, &n);
		if (o + n >= outlen)
			break;
		if (is_space_uc(uc)) {
			if (o > 0 && out[o - 1] != ' ')
				out[o++] = ' ';
		} else {
			memcpy(out + o, s + best, n);
			o += n;
		}
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == ','))
		o--;
	out[o] = '\0';
}

static int
push(struct scan *sc, const struct cite *c)
{
	struct cite_list *l = sc->out;
	struct cite *v;
	size_t cap;

	if (sc->oom)
		return -1;
	if (l->n == l->cap) {
		cap = l->cap ? l->cap * 2 : 16;
		if ((v = realloc(l->v, cap * sizeof *v)) == NULL) {
			sc->oom = 1;
			return -1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *c;
	return 0;
}

/* Writes y, a year from year_at, as 4 digits. */
static void
put4(char *p, int y)
{
	p[0] = '0' + y / 1000 % 10;
	p[1] = '0' + y / 100 % 10;
	p[2] = '0' + y / 10 % 10;
	p[3] = '0' + y % 10;
}

/* Fills in one citation of r numbered num ("84", "A"; "" for a dossier). */
static void
emit(struct scan *sc, struct ref *r, const char *num, long last, int item,
    size_t start, size_t end, int page)
{
	struct cite c;
	char g[16], toev[12], rk[12], yr[24], it[16];
	const char *ch;

	if (sc->oom)
		return;
	memset(&c, 0, sizeof c);
	c.start = start;
	c.end = end;
	c.kind = r->kind;
	c.chamber = r->chamber;
	c.page = page;
	c.range_last = last;
	if (r->year) {
		/* by hand: the compiler cannot see the year has 4 digits */
		put4(c.vergaderjaar, r->year);
		c.vergaderjaar[4] = '-';
		put4(c.vergaderjaar + 5, r->year + 1);
		c.vergaderjaar[9] = '\0';
	}
	snprintf(c.number, sizeof c.number, "%s", num);

	if (!r->haslabel) {
		if (r->kwlabelend > r->kwlabel)
			snprintf(r->label, sizeof r->label, "%.*s",
			    (int)(r->kwlabelend - r->kwlabel), sc->s + r->kwlabel);
		else
			context_label(sc->s, r->start, r->label, sizeof r->label);
		r->haslabel = 1;
	}
	memcpy(c.label, r->label, sizeof c.label);

	switch (r->kind) {
	case CITE_KST:
	case CITE_DOSSIER:
		group(r->dossier, g, sizeof g);
		toev[0] = '\0';
		if (r->toev[0] != '\0')
			snprintf(toev, sizeof toev, "%c%s",
			    r->toevnum ? '-' : ' ', r->toev);
		snprintf(c.dossier, sizeof c.dossier, "%s%s", g, toev);
		rk[0] = '\0';
		if (r->rijks[0] != '\0')
			snprintf(rk, sizeof rk, " (%s)", r->rijks);
		if (r->kind == CITE_DOSSIER) {
			snprintf(c.id, sizeof c.id, "dossier-%s%s%s",
			    r->dossier, r->toev[0] ? "-" : "", r->toev);
			snprintf(c.display, sizeof c.display, "%s%s",
			    c.dossier, rk);
		} else if (last) {
			snprintf(c.id, sizeof c.id, "kst-%s%s%s-%s", r->dossier,
			    r->toev[0] ? "-" : "", r->toev, num);
			snprintf(c.display, sizeof c.display, "%s%s, nrs. %s-%ld",
			    c.dossier, rk, num, last);
		} else {
			snprintf(c.id, sizeof c.id, "kst-%s%s%s-%s", r->dossier,
			    r->toev[0] ? "-" : "", r->toev, num);
			/* an Eerste Kamer letter goes without nr. */
			snprintf(c.display, sizeof c.display, "%s%s, %s%s",
			    c.dossier, rk, digit_at(num, 1, 0) ? "nr. " : "", num);
		}
		break;
	case CITE_H:
	case CITE_AH:
		ch = r->chamber == 'E' ? "ek" : "tk";
		it[0] = '\0';
		if (item)
			snprintf(it, sizeof it, "-%d", item);
		snprintf(c.id, sizeof c.id, "%s-%s-%04d%04d-%s%s",
		    r->kind == CITE_H ? "h" : "ah", ch, r->year, r->year + 1,
		    num, it);
		snprintf(yr, sizeof yr, "%04d/%02d", r->year,
		    (r->year + 1) % 100);
		it[0] = '\0';
		if (item)
			snprintf(it, sizeof it, ", item %d", item);
		snprintf(c.display, sizeof c.display, "%sHandelingen %s %s, nr. %s%s",
		    r->kind == CITE_AH ? "Aanhangsel " : "",
		    r->chamber == 'E' ? "I" : "II", yr, num, it);
		break;
	case CITE_TK:
		snprintf(c.id, sizeof c.id, "%s", num);
		snprintf(c.display, sizeof c.display, "%s", num);
		c.number[0] = '\0';
		break;
	default:	/* the kinds only XML markup gives */
		break;
	}
	push(sc, &c);
}

/* Emits one element of a list: a range of up to MAXRANGE numbers becomes
 * one citation per number, a longer one stays whole. */
static void
emit_elem(struct scan *sc, struct ref *r, const struct elem *el, int page)
{
	char num[24];
	long v;

	if (el->letter[0] != '\0') {
		emit(sc, r, el->letter, 0, 0, el->start, el->end, page);
		return;
	}
	if (el->last > el->first && el->last - el->first >= MAXRANGE) {
		snprintf(num, sizeof num, "%ld", el->first);
		emit(sc, r, num, el->last, 0, el->start, el->end, page);
		return;
	}
	for (v = el->first; v <= el->last; v++) {
		snprintf(num, sizeof num, "%ld", v);
		emit(sc, r, num, 0, el->item, el->start, el->end,
		    v == el->last ? page : 0);
	}
}

/* May a bare number after "en" or "," be the next of a list? Not when it
 * starts something else: 36 045, 36046, nr. 4 or 21501-20. */
static int
elem_ok(const char *s, size_t len, size_t e)
{
	size_t k = skip_ws(s, len, e), d;

	if (digit_at(s, len, k))
		return 0;
	if ((d = dash_at(s, len, e)) != 0 && alnum_at(s, len, e + d))
		return 0;
	if (nrkw_at(s, len, skip_comma(s, len, e), NULL) != 0)
		return 0;
	return 1;
}

/* Reads the numbers of r at i: "nr. 3", "nrs. 520 en 548", "nrs. 1–3",
 * "nr. 1 en nr. 5", or with needkw 0 a bare "84". With out set, emits
 * them, the last one ending at tail when that is set (the bracket after
 * "nr. 5 (26 150)"), followed by its page. Returns the end, or 0 when
 * there is no number; nothing is emitted before the first number is read.
 * Without out, it only looks ahead, and gives up after max numbers. */
static size_t
numlist(struct scan *sc, struct ref *r, size_t i, int needkw, int out,
    size_t tail, size_t max)
{
	const char *s = sc->s;
	size_t len = sc->len, j = i, k, m, e, d;
	struct elem cur;
	long v, v2;
	size_t count = 1;
	int plural = 0, pl, page = 0;

	if ((k = nrkw_at(s, len, j, &plural)) != 0)
		j = skip_ws(s, len, k);
	else if (needkw)
		return 0;
	if ((e = number_at(s, len, j, &v)) == 0)
		return 0;
	memset(&cur, 0, sizeof cur);
	cur.first = cur.last = v;
	cur.start = r->start;
	if (r->kind == CITE_H)
		e = item_at(s, len, e, &cur.item);
	cur.end = e;
	for (;;) {
		k = skip_ws(s, len, e);
		/* a range: nrs. 1–3, nrs. 1 t/m 3, nrs. 1 tot en met 3 */
		m = 0;
		if (cur.last == cur.first && cur.item == 0) {
			if ((d = dash_at(s, len, k)) != 0)
				m = k + d;
			else if ((m = kw_at(s, len, k, "t/m")) == 0)
				m = kw_at(s, len, k, "tot en met");
		}
		if (m != 0) {
			m = skip_ws(s, len, m);
			if ((m = number_at(s, len, m, &v2)) != 0 && v2 > v &&
			    elem_ok(s, len, m)) {
				cur.last = v2;
				cur.end = e = m;
				continue;
			}
		}
		/* the next of a list: en 548, , 5, en nr. 5; a bare number
		 * only after nrs. */
		if ((m = word_at(s, len, k, "en")) == 0 && k < len &&
		    (s[k] == ',' || s[k] == '&'))
			m = k + 1;
		if (m == 0)
			break;
		m = skip_ws(s, len, m);
		pl = plural;
		if ((d = nrkw_at(s, len, m, &pl)) != 0)
			d = number_at(s, len, skip_ws(s, len, d), &v2);
		else if (plural && (d = number_at(s, len, m, &v2)) != 0 &&
		    !elem_ok(s, len, d))
			d = 0;
		if (d == 0)
			break;
		if (!out && ++count > max)
			return 0;
		if (out)
			emit_elem(sc, r, &cur, 0);
		plural = pl;
		v = v2;
		memset(&cur, 0, sizeof cur);
		cur.first = cur.last = v;
		cur.start = m;
		e = d;
		if (r->kind == CITE_H)
			e = item_at(s, len, e, &cur.item);
		cur.end = e;
	}
	if (!out)
		return e;
	if (tail)
		e = tail;
	e = page_at(s, len, e, &page);
	cur.end = e;
	emit_elem(sc, r, &cur, page);
	return e;
}

/* Compact ids. */

/* Does an id go on at i, so that what was read is only part of it? */
static int
id_goes_on(const char *s, size_t len, size_t i)
{
	size_t d;

	if (alnum_at(s, len, i))
		return 1;
	return (d = dash_at(s, len, i)) != 0 && alnum_at(s, len, i + d);
}

/* Drops the leading zeros of a number as written: 05 -> 5. */
static void
unzero(char *num)
{
	size_t n = strspn(num, "0");

	if (n > 0 && digit_at(num, strlen(num), 0)) {
		if (num[n] == '\0')
			n--;
		memmove(num, num + n, strlen(num + n) + 1);
	}
}

/* kst-36045-4, kst-35925-V-84, kst-21501-20-1795; dossier-36045. */
static size_t
kst_compact(struct scan *sc, struct ref *r, size_t i)
{
	const char *s = sc->s;
	size_t len = sc->len, j, n, e, k;
	char part[2][8];
	int np, dossier = 0;

	if ((j = kw_at(s, len, i, "kst-")) == 0) {
		if ((j = kw_at(s, len, i, "dossier-")) == 0)
			return 0;
		dossier = 1;
	}
	n = ndigits(s, len, j, 6);
	if (n < 4 || n > 6)
		return 0;
	memcpy(r->dossier, s + j, n);
	r->dossier[n] = '\0';
	j += n;
	for (np = 0; np < 2 && (k = dash_at(s, len, j)) != 0; np++) {
		n = ndigits(s, len, j + k, 5);
		if (n >= 1 && n <= 5 && !alnum_at(s, len, j + k + n)) {
			memcpy(part[np], s + j + k, n);
			part[np][n] = '\0';
		} else if ((e = roman_at(s, len, j + k, part[np], sc->user)) != 0)
			n = e - (j + k);
		else
			break;
		j += k + n;
	}
	if (id_goes_on(s, len, j))
		return 0;
	/* the number itself may be an Eerste Kamer letter: A, AB */
	if (np > 0 && !digit_at(part[np - 1], 1, 0) && strlen(part[np - 1]) > 2)
		return 0;
	/* a toevoeging in digits has at most three */
	if (np == 2 && digit_at(part[0], 1, 0) && strlen(part[0]) > 3)
		return 0;
	r->kind = CITE_KST;
	if (dossier) {
		if (np > 1)
			return 0;
		if (np == 1)
			snprintf(r->toev, sizeof r->toev, "%s", part[0]);
		r->toevnum = np == 1 && digit_at(part[0], 1, 0);
		r->kind = CITE_DOSSIER;
		emit(sc, r, "", 0, 0, i, j, 0);
		return j;
	}
	if (np == 0)
		return 0;
	if (np == 2) {
		snprintf(r->toev, sizeof r->toev, "%s", part[0]);
		r->toevnum = digit_at(part[0], 1, 0);
	}
	unzero(part[np - 1]);
	emit(sc, r, part[np - 1], 0, 0, i, j, 0);
	return j;
}

/* h-tk-20122013-71-15, ah-tk-20222023-635. */
static size_t
hand_compact(struct scan *sc, struct ref *r, size_t i)
{
	const char *s = sc->s;
	size_t len = sc->len, j, n, e;
	char num[8];
	int item = 0;
	long y2;

	if ((j = kw_at(s, len, i, "ah-")) != 0)
		r->kind = CITE_AH;
	else if ((j = kw_at(s, len, i, "h-")) != 0)
		r->kind = CITE_H;
	else
		return 0;
	if ((e = kw_at(s, len, j, "tk-")) != 0)
		r->chamber = 'T';
	else if ((e = kw_at(s, len, j, "ek-")) != 0)
		r->chamber = 'E';
	else
		return 0;
	if (ndigits(s, len, e, 8) != 8 || e + 8 >= len || s[e + 8] != '-')
		return 0;
	r->year = numval(s + e, 4);
	y2 = numval(s + e + 4, 4);
	if (!year_ok(r->year) || y2 != r->year + 1)
		return 0;
	j = e + 9;
	if ((n = ndigits(s, len, j, 5)) == 0 || n > 5)
		return 0;
	memcpy(num, s + j, n);
	num[n] = '\0';
	j += n;
	if (r->kind == CITE_H && j < len && s[j] == '-' &&
	    (n = ndigits(s, len, j + 1, 3)) >= 1 && n <= 3) {
		item = numval(s + j + 1, n);
		j += 1 + n;
	}
	if (id_goes_on(s, len, j))
		return 0;
	unzero(num);
	emit(sc, r, num, 0, item, i, j, 0);
	return j;
}

/* A Tweede Kamer document number: 2024D26746, 2024Z01234. */
static size_t
tknum_at(struct scan *sc, struct ref *r, size_t i)
{
	const char *s = sc->s;
	size_t len = sc->len;
	char num[16];

	if (ndigits(s, len, i, 4) != 4 || i + 10 > len ||
	    (s[i + 4] != 'D' && s[i + 4] != 'Z') ||
	    ndigits(s, len, i + 5, 5) != 5 || alnum_at(s, len, i + 10))
		return 0;
	if (s[i] != '1' && s[i] != '2')
		return 0;
	memcpy(num, s + i, 10);
	num[10] = '\0';
	r->kind = CITE_TK;
	emit(sc, r, num, 0, 0, i, i + 10, 0);
	return i + 10;
}

/* Handelingen II 2012/13, nr. 71, item 15; Aanhangsel Handelingen II
 * 2022/23, nrs. 635 en 636. Also Hande-lingen, Hande- lingen. */
static size_t
hand_at(struct scan *sc, struct ref *r, size_t i)
{
	const char *s = sc->s;
	size_t len = sc->len, j = i, k;

	r->kind = CITE_H;
	if ((k = word_at(s, len, j, "aanhangsel")) != 0) {
		r->kind = CITE_AH;
		j = skip_ws(s, len, k);
		if ((k = word_at(s, len, j, "van")) != 0 ||
		    (k = word_at(s, len, j, "bij")) != 0) {
			j = skip_ws(s, len, k);
			if ((k = word_at(s, len, j, "de")) == 0)
				return 0;
			j = skip_ws(s, len, k);
		}
	}
	if ((k = kw_at(s, len, j, "hande")) == 0)
		return 0;
	j = k;
	if ((k = dash_at(s, len, j)) != 0)
		j = skip_ws(s, len, j + k);
	if ((k = word_at(s, len, j, "lingen")) == 0)
		return 0;
	j = skip_ws(s, len, k);
	if ((k = chamber_at(s, len, j, &r->chamber)) == 0)
		return 0;
	j = skip_ws(s, len, k);
	if ((k = year_at(s, len, j, &r->year)) == 0)
		return 0;
	j = skip_comma(s, len, k);
	return numlist(sc, r, j, 1, 1, 0, 0);
}

/* "Tweede Kamer, vergaderjaar 2021–2022," as in a page header, or the
 * "II 2021/22," after a label. Returns i when there is none. */
static size_t
session_at(const char *s, size_t len, size_t i, struct ref *r, int need)
{
	size_t j = i, k;

	if ((k = chamber_at(s, len, j, &r->chamber)) != 0)
		j = skip_ws(s, len, k);
	if ((k = word_at(s, len, j, "vergaderjaar")) != 0)
		j = skip_ws(s, len, k);
	if ((k = year_at(s, len, j, &r->year)) != 0)
		j = k;
	else if (need)
		return 0;
	if (j == i)
		return i;
	return skip_comma(s, len, j);
}

/* Was the digit run at i preceded by another number, as in 1 28 288? */
static int
after_number(const char *s, size_t i)
{
	size_t n, m;
	ucs4_t uc = uc_before(s, i, &n);

	if (n == 0 || !(is_space_uc(uc) || uc == '.' || uc == ','))
		return 0;
	uc_before(s, i - n, &m);
	return m != 0 && digit_at(s, i - n, i - n - m);
}

/* nr. 214 (26 150): the numbers first, their dossier in brackets. */
static size_t
bracket_form(struct scan *sc, struct ref *r, size_t i)
{
	const char *s = sc->s;
	size_t len = sc->len, e, j;
	int grouped;

	if ((e = numlist(sc, r, i, 1, 0, 0, MAXBRACKET)) == 0)
		return 0;
	j = skip_ws(s, len, e);
	if (j >= len || s[j] != '(')
		return 0;
	j = skip_ws(s, len, j + 1);
	if ((j = dossier_at(s, len, j, r, &grouped)) == 0)
		return 0;
	j = toev_at(s, len, j, r, 0);
	j = rijks_at(s, len, j, r);
	j = skip_ws(s, len, j);
	if (j >= len || s[j] != ')')
		return 0;
	r->kind = CITE_KST;
	return numlist(sc, r, i, 1, 1, j + 1, 0);
}

/* Kamerstukken I 2019/20, 35 300, A: an Eerste Kamer letter after the
 * comma at k. Letters are taken only where a word cannot follow. */
static size_t
ek_letter(struct scan *sc, struct ref *r, size_t k)
{
	const char *s = sc->s;
	size_t len = sc->len, n = 1;
	struct elem el;
	int page = 0;

	if (k >= len || s[k] < 'A' || s[k] > 'Z')
		return 0;
	if (k + 1 < len && s[k + 1] >= 'A' && s[k + 1] <= 'Z')
		n = 2;
	if (alnum_at(s, len, k + n))
		return 0;
	if (r->chamber != 'E' && k + n < len &&
	    strchr(".,;)]", s[k + n]) == NULL)
		return 0;
	memset(&el, 0, sizeof el);
	memcpy(el.letter, s + k, n);
	el.letter[n] = '\0';
	el.start = r->start;
	el.end = page_at(s, len, k + n, &page);
	emit_elem(sc, r, &el, page);
	return el.end;
}

static void
ref_init(struct ref *r, size_t start)
{
	memset(r, 0, sizeof *r);
	r->start = start;
	r->kind = CITE_KST;
}

/* Tries to read one citation at i. Returns its end, or 0. */
static size_t
cite_at(struct scan *sc, size_t i)
{
	const char *s = sc->s;
	size_t len = sc->len, j = i, k, e, d, n;
	struct ref r;
	char num[8];
	int label = 0, motie = 0, grouped, comma, page = 0;

	ref_init(&r, i);
	if ((e = kst_compact(sc, &r, i)) != 0)
		return e;
	ref_init(&r, i);
	if ((e = hand_compact(sc, &r, i)) != 0)
		return e;
	ref_init(&r, i);
	if ((e = tknum_at(sc, &r, i)) != 0)
		return e;
	ref_init(&r, i);
	if ((e = hand_at(sc, &r, i)) != 0)
		return e;
	ref_init(&r, i);

	/* the prefix: Tweede Kamer, vergaderjaar 2021–2022, | Kamerstukken
	 * II 2021/22, | Motie | TK 2021/22, */
	if ((k = word_at(s, len, j, "tweede")) != 0 ||
	    (k = word_at(s, len, j, "eerste")) != 0) {
		r.chamber = (s[j] | 0x20) == 't' ? 'T' : 'E';
		k = skip_ws(s, len, k);
		if ((k = word_at(s, len, k, "kamer")) == 0)
			return 0;
		k = skip_comma(s, len, k);
		if ((k = session_at(s, len, k, &r, 1)) == 0)
			return 0;
		j = k;
	}
	if ((k = word_at(s, len, j, "kamerstukken")) != 0 ||
	    (k = word_at(s, len, j, "kamerstuk")) != 0) {
		label = 1;
		k = skip_ws(s, len, k);
		j = session_at(s, len, k, &r, 0);
		if ((k = word_at(s, len, j, "met")) != 0)
			j = skip_ws(s, len, k);
	} else if (j == i && (k = word_at(s, len, j, "motie")) != 0) {
		motie = 1;
		r.kwlabel = i;
		r.kwlabelend = k;
		j = skip_ws(s, len, k);
	} else if (j == i && ((k = word_at(s, len, j, "tk")) != 0 ||
	    (k = word_at(s, len, j, "ek")) != 0)) {
		if ((j = session_at(s, len, j, &r, 1)) == 0)
			return 0;
	}

	if (!label && nrkw_at(s, len, j, NULL) != 0)
		return bracket_form(sc, &r, j);
	if ((d = dossier_at(s, len, j, &r, &grouped)) == 0)
		return 0;
	if (j == i && grouped && !sc->user && after_number(s, i))
		return 0;
	e = toev_at(s, len, d, &r, sc->user);
	/* 21501-20-1795, 35925-V-84: a compact id without its kst- */
	if (e > d && !grouped && strlen(r.dossier) == 5 &&
	    (k = dash_at(s, len, e)) != 0 &&
	    (n = ndigits(s, len, e + k, 5)) >= 1 && n <= 5 &&
	    !id_goes_on(s, len, e + k + n)) {
		memcpy(num, s + e + k, n);
		num[n] = '\0';
		unzero(num);
		k = page_at(s, len, e + k + n, &page);
		emit(sc, &r, num, 0, 0, i, k, page);
		return k;
	}
	e = rijks_at(s, len, e, &r);
	k = skip_ws(s, len, e);
	comma = k < len && s[k] == ',';
	k = skip_comma(s, len, k);

	if ((d = numlist(sc, &r, k, 1, 1, 0, 0)) != 0)
		return d;
	if (comma && (label || r.chamber == 'E' || sc->user) &&
	    (d = ek_letter(sc, &r, k)) != 0)
		return d;
	if (sc->user && digit_at(s, len, k))
		return numlist(sc, &r, k, 0, 1, 0, 0);
	if ((label || sc->user) && !motie) {
		r.kind = CITE_DOSSIER;
		emit(sc, &r, "", 0, 0, i, e, 0);
		return e;
	}
	return 0;
}

static int
ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Could a citation start here? Two digits (a dossier number, a 2024D
 * number), or a word cite_at reads first. Most words fail this at once,
 * so the scan costs little more than a pass over the bytes. */
static int
trigger(const char *s, size_t len, size_t i)
{
	static const struct {
		const char	*w;
		size_t		 n;
	} words[] = {
#define W(s)	{ s, sizeof s - 1 }
		W("kst-"), W("kamerstuk"), W("dossier-"), W("ah-"),
		W("aanhangsel"), W("h-"), W("hande"), W("tweede"), W("eerste"),
		W("motie"), W("tk"), W("ek"), W("nr"), W("nummer"),
#undef W
	};
	size_t	k, j;
	int	c = (unsigned char)s[i];

	if (c >= '0' && c <= '9')
		return i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9';
	c |= 0x20;
	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		if (words[k].w[0] != c || words[k].n > len - i)
			continue;
		for (j = 1; j < words[k].n; j++)
			if ((s[i + j] | (words[k].w[j] == '-' ? 0 : 0x20)) !=
			    words[k].w[j])
				break;
		if (j == words[k].n)
			return 1;
	}
	return 0;
}

/* Notes put a pinpoint before the citation too: "(2021–2025 p. 41)
 * Bijlage bij Kamerstuk 35 788, nr. 77". A "p. N" or "blz. N" in the few
 * words before a citation without one, with no other citation between
 * and no sentence end, is its pinpoint. Bounded look-back: linear. */
#define PIN_BACK	80

static void
pin_before(const char *text, struct cite_list *l, size_t first)
{
	size_t	k, i, lo, floor;
	int	page, nd;

	for (k = first; k < l->n; k++) {
		struct cite *c = &l->v[k];

		if (c->page != 0 || c->kind != CITE_KST)
			continue;
		floor = k > first ? l->v[k - 1].end : 0;
		lo = c->start > PIN_BACK ? c->start - PIN_BACK : 0;
		if (lo < floor)
			lo = floor;
		for (i = c->start; i > lo; i--) {
			const char *p = text + i - 1;

			/* a sentence ends here: stop */
			if (*p == '.' && i < c->start && text[i] == ' ' &&
			    !(i >= 3 && (strncmp(p - 1, "p.", 2) == 0 ||
			    strncmp(p - 3, "blz.", 4) == 0 || strncmp(p - 2, "nr.", 3) == 0)))
				break;
			if ((strncmp(p, "p. ", 3) == 0 && (i == 1 || p[-1] == ' ' ||
			    p[-1] == '(')) || (strncmp(p, "blz. ", 5) == 0 &&
			    (i == 1 || p[-1] == ' ' || p[-1] == '('))) {
				const char *d = p + (*p == 'p' ? 3 : 5);

				for (page = 0, nd = 0; nd < 5 && d[nd] >= '0' &&
				    d[nd] <= '9'; nd++)
					page = page * 10 + d[nd] - '0';
				if (nd > 0 && nd < 5 && !(d[nd] >= '0' && d[nd] <= '9'))
					c->page = page;
				break;
			}
		}
	}
}

int
cite_find_all(const char *text, size_t len, struct cite_list *out)
{
	struct scan sc;
	size_t i = 0, e, n, first = out->n;

	memset(&sc, 0, sizeof sc);
	sc.s = text;
	sc.len = len;
	sc.out = out;
	while (i < len) {
		unsigned char prev;

		/* a citation starts with an ASCII letter or digit, at the
		 * start of a word: after anything but a letter or digit */
		if (!ascii_alnum((unsigned char)text[i])) {
			i++;
			continue;
		}
		prev = i > 0 ? (unsigned char)text[i - 1] : ' ';
		if ((prev < 0x80 ? !ascii_alnum(prev) :
		    !uc_is_alnum(uc_before(text, i, &n))) &&
		    trigger(text, len, i) && (e = cite_at(&sc, i)) != 0) {
			i = e;
			continue;
		}
		/* the rest of the word cannot start one */
		do
			i++;
		while (i < len && ascii_alnum((unsigned char)text[i]));
	}
	pin_before(text, out, first);
	return sc.oom ? -1 : 0;
}

void
cite_list_free(struct cite_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

int
cite_parse_id(const char *s, char *id, size_t idlen)
{
	struct cite_list l = { NULL, 0, 0 };
	struct scan sc;
	size_t len = strlen(s), i = 0, e, k;
	int rc = -1;

	while ((k = space_at(s, len, i)) != 0)
		i += k;
	memset(&sc, 0, sizeof sc);
	sc.s = s;
	sc.len = len;
	sc.out = &l;
	sc.user = 1;
	if (i < len && (e = cite_at(&sc, i)) != 0 && !sc.oom && l.n > 0) {
		while ((k = space_at(s, len, e)) != 0 || (e < len && s[e] == '.'))
			e += k ? k : 1;
		if (e == len && strlen(l.v[0].id) < idlen) {
			memcpy(id, l.v[0].id, strlen(l.v[0].id) + 1);
			rc = 0;
		}
	}
	cite_list_free(&l);
	return rc;
}

const char *
cite_kind_name(enum cite_kind k)
{
	switch (k) {
	case CITE_KST:
		return "kst";
	case CITE_DOSSIER:
		return "dossier";
	case CITE_H:
		return "h";
	case CITE_AH:
		return "ah";
	case CITE_TK:
		return "tk";
	case CITE_BLG:
		return "blg";
	case CITE_STCRT:
		return "stcrt";
	case CITE_STB:
		return "stb";
	case CITE_TRB:
		return "trb";
	case CITE_KV:
		return "kv";
	case CITE_OTHER:
		return "other";
	}
	return "?";
}
