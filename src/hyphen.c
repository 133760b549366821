/*
 * hyphen.c: deciding how a word broken over two lines is joined again.
 *
 * The loader hands hyphen_decide() the last word of a line (head, without
 * its '-' when hyphen is set) and the first word of the next line (tail, up
 * to the first space). The answer is one of
 *
 *	JOIN	headtail	the break was inside one word
 *	KEEP	head-tail	the hyphen belongs to the word
 *	SPACE	head tail	the break was a space; with hyphen set, the
 *				hyphen stays before it: "buitenland- en"
 *
 * Words are compared case-folded (NFC, U+2019 and U+2010 made ASCII); the
 * caller keeps the original letters. Leading punctuation of head and
 * trailing punctuation of tail (",", ".", ")", "»") are not looked at.
 * Looked up are the joined form (headtail), the hyphenated (head-tail) and
 * the parts. The first rule that applies decides:
 *
 * 1. The form.
 *    a. Not a word: tail starts with a sign (a quote, a parenthesis), or
 *       hyphen=0 and head ends in a sign or either side is a digit: SPACE.
 *    b. hyphen=1 and a capital, a digit or a sign on either side of the
 *       hyphen (Chinees-Russische, OVSE-presentie, EU-lidstaten, 2%-norm,
 *       trans-Atlantische): KEEP.
 *    c. tail is a conjunction (en, of, en/of, noch): SPACE, a hyphen of
 *       omission ("buitenland- en veiligheidsbeleid") or two words; a
 *       division never leaves "en" alone after a consonant (lan-den). But
 *       head ends in a vowel and the joined form is known: JOIN (draai-en).
 * 2. The file itself (wordcount: every word form of the file, case-folded,
 *    a hyphenated form as one token).
 *    hyphen=1: the joined form more frequent than the hyphenated: JOIN
 *    (Nederland-wereldwijd where Nederlandwereldwijd occurs); less
 *    frequent: KEEP (dual-use where dual-use occurs).
 *    hyphen=0: head and tail so frequent that they would meet by chance
 *    at least as often as the joined form occurs, plus one (count(head) *
 *    count(tail) / words >= CHANCE * (1 + count(joined))): SPACE ("in de",
 *    "met een", though inde and meteen are words). Else the joined form
 *    occurs: JOIN.
 * 3. Shipped data (datadir/hyphen.txt), hyphen=1:
 *    a. the hyphenated form is listed (dual-use, follow-up): KEEP;
 *    b. head is a listed prefix (niet, ex, oud, non, btw) and the joined
 *       form is not a word nor a compound in the word list (ex-minister;
 *       not ex-port), or, without a list, tail occurs twice in the file:
 *       KEEP.
 * 4. The word list, the forms themselves:
 *    a. hyphen=1 and the hyphenated form listed (niet-militaire): KEEP;
 *    b. the joined form listed (geschiedenis, onderschreven): JOIN.
 * 5. Spelling, hyphen=1: the vowels either side of the hyphen would read as
 *    one sound when joined, so Dutch writes the hyphen in a compound
 *    (energie-infrastructuur, sanctie-instrumentarium, macro-economisch;
 *    not mooi-e): KEEP.
 * 6. The word list, pairs of words and compounds (the last part of a
 *    hyphenated head stands for head here: EU-lid- staten):
 *    a. hyphen=1, head a name (a capital, not listed in lower case) and
 *       tail a word or compound, of five bytes or more when the name is
 *       not listed (Oekraïne-crisis, Shahed-drones): KEEP.
 *       Other compounds of two words are written closed (export-macht:
 *       exportmacht), so they fall through to JOIN.
 *    b. hyphen=0, head and tail both listed and the joined form not
 *       (Tweede kamer): SPACE.
 *    c. the joined form splits into listed words of MINPART bytes or
 *       more, allowing a linking s, e or en after a part, not at the
 *       break when head is a word (machts|competitie, cyber|weerbaarheid,
 *       veiligheid-s|beleid): JOIN.
 * 7. Otherwise JOIN: a line-end hyphen is nearly always a division, and
 *    the caller asks about an unhyphenated break only inside a word.
 *
 * Without a word list, rules 4 and 6 do not apply.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "hyphen.h"

#ifndef MAP_POPULATE
#define MAP_POPULATE	0	/* Linux: fault the pages in at once */
#endif

#define SYSTEM_DICT	"/usr/share/dict/dutch"	/* Debian's wdutch */

#define FOLDMAX		256	/* longest folded word looked up, in bytes */
#define MINPART		4	/* shortest part of a compound, in bytes */
#define CHANCE		1.0	/* rule 2: two words side by side by chance */

#define F_LOWER		1	/* the word list has the word in lower case */

/*
 * A word in a set: where it starts in the set's buffer, where it ends being
 * told by the '\n' after it.
 */
struct slot {
	uint32_t	pos;	/* its offset + 1; 0: an empty slot */
	uint32_t	hash;
	uint32_t	val;	/* a count, or F_* flags */
};

/* An open-addressing hash set of words kept in one buffer. */
struct set {
	char		*buf;
	size_t		 len, cap;
	size_t		 maplen;	/* buf is a mapping of the word list */
	struct slot	*slots;
	size_t		 nslots;
	size_t		 n;
	void		*cache;		/* buf and slots are in this mapping */
	size_t		 cachelen;
};

struct lexicon {
	struct set	words;		/* the system word list, folded */
	struct set	hwords;		/* shipped: hyphenated words */
	struct set	prefixes;	/* shipped: prefixes taking a hyphen */
};

struct wordcount {
	struct set	words;		/* val: the number of occurrences */
	size_t		total;		/* of all words */
};

static uint32_t
hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;

	while (len-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/* The first slot to probe for hash h: h scaled to [0, nslots). */
static size_t
home(const struct set *st, uint32_t h)
{
	return ((uint64_t)h * st->nslots) >> 32;
}

/*
 * Zeroed slots. Large tables are mapped with their pages faulted in at
 * once: faulting them one by one costs more than filling them.
 */
static struct slot *
slots_alloc(size_t n)
{
	void	*p;

	p = mmap(NULL, n * sizeof(struct slot), PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

static void
slots_free(struct slot *sl, size_t n)
{
	if (sl != NULL)
		munmap(sl, n * sizeof *sl);
}

/* Makes st empty, with room for want words at two thirds full. */
static int
set_init(struct set *st, size_t want)
{
	memset(st, 0, sizeof *st);
	st->nslots = want + want / 2 + 64;
	if ((st->slots = slots_alloc(st->nslots)) == NULL) {
		st->nslots = 0;
		return -1;
	}
	return 0;
}

static void
set_free(struct set *st)
{
	if (st->cache != NULL) {
		munmap(st->cache, st->cachelen);
		memset(st, 0, sizeof *st);
		return;
	}
	if (st->maplen > 0)
		munmap(st->buf, st->maplen);
	else
		free(st->buf);
	slots_free(st->slots, st->nslots);
	memset(st, 0, sizeof *st);
}

/*
 * Whether the stored word w is s. w ends in '\n' and s has none, so this
 * reads no further than w's end.
 */
static int
same(const char *w, const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (w[i] != s[i])
			return 0;
	return w[len] == '\n';
}

/* Returns the slot of s (or the empty slot where it would go). */
static struct slot *
set_probe(const struct set *st, const char *s, size_t len, uint32_t h)
{
	struct slot	*sl;
	const char	*w;
	size_t		 i;

	for (i = home(st, h);; i = i + 1 < st->nslots ? i + 1 : 0) {
		sl = &st->slots[i];
		if (sl->pos == 0)
			return sl;
		w = st->buf + sl->pos - 1;
		if (sl->hash == h && same(w, s, len))
			return sl;
	}
}

/* Returns the slot of s, or NULL. */
static struct slot *
set_find(const struct set *st, const char *s, size_t len)
{
	struct slot	*sl;

	if (st->nslots == 0 || len == 0)
		return NULL;
	sl = set_probe(st, s, len, hash(s, len));
	return sl->pos != 0 ? sl : NULL;
}

static int
set_grow(struct set *st)
{
	struct slot	*old = st->slots;
	size_t		 oldn = st->nslots, i, j;

	st->nslots = oldn * 2;
	if ((st->slots = slots_alloc(st->nslots)) == NULL) {
		st->slots = old;
		st->nslots = oldn;
		return -1;
	}
	for (i = 0; i < oldn; i++) {
		if (old[i].pos == 0)
			continue;
		for (j = home(st, old[i].hash); st->slots[j].pos != 0;
		    j = j + 1 < st->nslots ? j + 1 : 0)
			;
		st->slots[j] = old[i];
	}
	slots_free(old, oldn);
	return 0;
}

/*
 * Adds the word of len bytes at off in the buffer, followed there by '\n',
 * unless an equal one is in. Returns its slot, or NULL when out of memory.
 */
static struct slot *
set_insert(struct set *st, size_t off, size_t len)
{
	struct slot	*sl;
	uint32_t	 h;

	if (len == 0 || off >= UINT32_MAX)
		return NULL;
	if ((st->n + 1) * 3 > st->nslots * 2 && set_grow(st) == -1)
		return NULL;
	h = hash(st->buf + off, len);
	sl = set_probe(st, st->buf + off, len, h);
	if (sl->pos == 0) {
		sl->pos = off + 1;
		sl->hash = h;
		st->n++;
	}
	return sl;
}

/* Copies s and a '\n' into the buffer and adds it. */
static struct slot *
set_add(struct set *st, const char *s, size_t len)
{
	struct slot	*sl;
	char		*p;
	size_t		 cap;

	if ((sl = set_find(st, s, len)) != NULL)
		return sl;
	if (st->maplen > 0)
		return NULL;
	if (st->len + len + 1 > st->cap) {
		for (cap = st->cap ? st->cap : 4096; cap < st->len + len + 1;)
			cap *= 2;
		if ((p = realloc(st->buf, cap)) == NULL)
			return NULL;
		st->buf = p;
		st->cap = cap;
	}
	memcpy(st->buf + st->len, s, len);
	st->buf[st->len + len] = '\n';
	if ((sl = set_insert(st, st->len, len)) != NULL)
		st->len += len + 1;
	return sl;
}

/*
 * Folds the UTF-8 word s into out (FOLDMAX bytes): case folded, NFC, the
 * apostrophe U+2019 and the hyphens U+2010, U+2011 made ASCII. Returns the
 * length, or 0 when s is empty, too long, not UTF-8 or has a '\n'.
 */
/*
 * Dutch words off ASCII are nearly all in Latin-1 (één, coördinatie,
 * financiën): case-folded here as u8_casefold folds them, each U+00C0 to
 * U+00DE but × to the letter 32 on, U+00DF (ß, "ss") left to it. Returns
 * the length, or 0 for a word with anything else in it, which
 * u8_casefold folds (and composes) instead.
 */
static size_t
fold_latin1(const char *s, size_t len, size_t i, char *out)
{
	unsigned char	c, d;

	for (; i < len; i++) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			out[i] = c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
			continue;
		}
		if (c != 0xc3 || i + 1 >= len)
			return 0;
		d = (unsigned char)s[i + 1];
		/* a combining mark after it: composed by u8_casefold */
		if (d < 0x80 || d > 0xbf || d == 0x9f ||
		    (i + 2 < len && ((unsigned char)s[i + 2] == 0xcc ||
		    (unsigned char)s[i + 2] == 0xcd)))
			return 0;
		out[i] = c;
		out[i + 1] = d <= 0x9e && d != 0x97 ? d + 0x20 : d;
		i++;
	}
	return len;
}

static size_t
fold(const char *s, size_t len, char *out)
{
	uint8_t	*r;
	size_t	 i, j, n;

	if (len == 0 || len >= FOLDMAX)
		return 0;
	if (memchr(s, '\n', len) != NULL)
		return 0;
	for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 'a' - 'A' : s[i];
	if (i == len)
		return len;
	if ((n = fold_latin1(s, len, i, out)) > 0)
		return n;

	n = FOLDMAX;
	r = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFC,
	    (uint8_t *)out, &n);
	if (r == NULL)
		return 0;
	if (r != (uint8_t *)out) {
		free(r);
		return 0;
	}
	for (i = j = 0; i < n; i++) {
		if (i + 2 < n && (unsigned char)out[i] == 0xe2 &&
		    (unsigned char)out[i + 1] == 0x80) {
			switch ((unsigned char)out[i + 2]) {
			case 0x99:
				out[j++] = '\'';
				i += 2;
				continue;
			case 0x90:
			case 0x91:
				out[j++] = '-';
				i += 2;
				continue;
			}
		}
		out[j++] = out[i];
	}
	return j;
}

/* The code point at s (or U+FFFD) and its length in *n. */
static ucs4_t
cp_at(const char *s, size_t len, int *n)
{
	ucs4_t	uc;

	*n = u8_mbtouc(&uc, (const uint8_t *)s, len);
	return uc;
}

/* cp_at, with ASCII decided without decoding: most of a text is. */
static inline ucs4_t
cp_next(const char *s, size_t len, int *n)
{
	if ((unsigned char)*s < 0x80) {
		*n = 1;
		return (unsigned char)*s;
	}
	return cp_at(s, len, n);
}

/* The last code point of s[0..len), which is not empty. */
static ucs4_t
cp_last(const char *s, size_t len)
{
	ucs4_t		 uc;
	const uint8_t	*p;

	p = u8_prev(&uc, (const uint8_t *)s + len, (const uint8_t *)s);
	return p == NULL ? 0xfffd : uc;
}

static inline int
is_wordcp(ucs4_t uc)
{
	if (uc < 0x80)
		return (uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z') ||
		    (uc >= '0' && uc <= '9');
	return uc_is_alpha(uc) || uc_is_digit(uc) ||
	    uc_is_general_category(uc, UC_CATEGORY_M);
}

/* A character that joins two word characters into one word. */
static int
is_joinercp(ucs4_t uc)
{
	return uc == '-' || uc == '\'' || uc == 0x2019 || uc == 0x2010 ||
	    uc == 0x2011;
}

/* Reads all of path into a malloc'd buffer. */
static char *
slurp(const char *path, size_t *lenp)
{
	struct stat	 sb;
	char		*buf;
	size_t		 len = 0;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    (buf = malloc((size_t)sb.st_size + 1)) == NULL) {
		close(fd);
		return NULL;
	}
	while (len < (size_t)sb.st_size) {
		n = read(fd, buf + len, (size_t)sb.st_size - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
	}
	close(fd);
	buf[len] = '\0';
	*lenp = len;
	return buf;
}

/*
 * Loads the word list at path, one word a line: maps it (privately) and
 * folds each word in place. A word whose folded form is longer than itself
 * (none in wdutch) is left out.
 */
static int
load_words(struct set *st, const char *path)
{
	struct stat	 sb;
	struct slot	*sl;
	char		*buf, *nl, f[FOLDMAX];
	size_t		 len, maplen, lines, off, end, n, flen;
	int		 fd, lower;

	if ((fd = open(path, O_RDONLY)) == -1)
		return -1;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) || sb.st_size == 0 ||
	    (uintmax_t)sb.st_size >= UINT32_MAX) {
		close(fd);
		return -1;
	}
	len = sb.st_size;
	buf = mmap(NULL, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (buf == MAP_FAILED)
		return -1;
	maplen = len;
	if (buf[len - 1] != '\n') {
		/* Every word needs a '\n' after it: read it instead. */
		munmap(buf, len);
		if ((buf = slurp(path, &len)) == NULL)
			return -1;
		buf[len++] = '\n';
		maplen = 0;
	}
	lines = 0;
	for (nl = buf; (nl = memchr(nl, '\n', buf + len - nl)) != NULL; nl++)
		lines++;
	if (set_init(st, lines) == -1) {
		if (maplen > 0)
			munmap(buf, len);
		else
			free(buf);
		return -1;
	}
	st->buf = buf;
	st->len = st->cap = len;
	st->maplen = maplen;

	for (off = 0; off < len; off = end + 1) {
		end = (char *)memchr(buf + off, '\n', len - off) - buf;
		n = end - off;
		if (n > 0 && buf[off + n - 1] == '\r')
			n--;
		if (n == 0 || (flen = fold(buf + off, n, f)) == 0 || flen > n)
			continue;
		lower = flen == n && memcmp(f, buf + off, n) == 0;
		memcpy(buf + off, f, flen);
		buf[off + flen] = '\n';
		if ((sl = set_insert(st, off, flen)) == NULL)
			return -1;
		if (lower)
			sl->val |= F_LOWER;
	}
	return 0;
}

/*
 * Loads the shipped data: "prefix: niet" and "word: dual-use" lines, with
 * '#' comments.
 */
static int
load_data(struct lexicon *lx, const char *datadir)
{
	struct set	*st;
	char		*buf, *p, *e, *nl, *path, f[FOLDMAX];
	size_t		 len, n;

	n = strlen(datadir) + sizeof "/hyphen.txt";
	if ((path = malloc(n)) == NULL)
		return -1;
	snprintf(path, n, "%s/hyphen.txt", datadir);
	buf = slurp(path, &len);
	free(path);
	if (buf == NULL)
		return 0;

	for (p = buf; p < buf + len; p = nl + 1) {
		if ((nl = memchr(p, '\n', buf + len - p)) == NULL)
			nl = buf + len;
		for (e = p; e < nl && *e != '#'; e++)
			;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\r'))
			e--;
		if (strncmp(p, "prefix:", 7) == 0) {
			st = &lx->prefixes;
			p += 7;
		} else if (strncmp(p, "word:", 5) == 0) {
			st = &lx->hwords;
			p += 5;
		} else
			continue;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if ((n = fold(p, e - p, f)) > 0 && set_add(st, f, n) == NULL) {
			free(buf);
			return -1;
		}
	}
	free(buf);
	return 0;
}

/*
 * The word list as loaded (folded, hashed), kept in a file: mapped, it
 * costs nothing to open, where reading 400 000 words costs some 60 ms at
 * every load. It is made again when the list's path, size or time
 * changes, or LEXCACHE_VERSION does: bump it when fold(), hash() or the
 * set's layout changes. Layout: the head, the words, the slots.
 */
#define LEXCACHE_VERSION	1

struct lexcache_head {
	char		magic[8];
	uint32_t	version, slotsize;
	uint32_t	path_hash, pad;
	uint64_t	dict_size;
	int64_t		dict_sec, dict_nsec;
	uint64_t	len, nslots, n;
};

static const char lexcache_magic[8] = "lklex\n\0";

static void
lexcache_head_make(struct lexcache_head *h, const char *dict,
    const struct stat *ds, const struct set *st)
{
	memset(h, 0, sizeof *h);
	memcpy(h->magic, lexcache_magic, sizeof h->magic);
	h->version = LEXCACHE_VERSION;
	h->slotsize = sizeof(struct slot);
	h->path_hash = hash(dict, strlen(dict));
	h->dict_size = (uint64_t)ds->st_size;
	h->dict_sec = (int64_t)ds->st_mtim.tv_sec;
	h->dict_nsec = (int64_t)ds->st_mtim.tv_nsec;
	if (st != NULL) {
		h->len = st->len;
		h->nslots = st->nslots;
		h->n = st->n;
	}
}

/* Where the slots start: after the words, 8-aligned. */
static size_t
lexcache_slots_at(uint64_t len)
{
	return (sizeof(struct lexcache_head) + len + 7) & ~(size_t)7;
}

/* Maps the cache at path into st if it was made from dict as it is now.
 * Returns 0, or -1 (no cache, another list, a damaged file). */
static int
lexcache_load(struct set *st, const char *path, const char *dict,
    const struct stat *ds)
{
	struct lexcache_head	 want, h;
	struct stat		 sb;
	const struct slot	*slots;
	char			*base;
	size_t			 at, i;
	int			 fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return -1;
	if (fstat(fd, &sb) == -1 || (size_t)sb.st_size < sizeof h ||
	    read(fd, &h, sizeof h) != (ssize_t)sizeof h) {
		close(fd);
		return -1;
	}
	lexcache_head_make(&want, dict, ds, NULL);
	at = lexcache_slots_at(h.len);
	if (memcmp(h.magic, want.magic, sizeof h.magic) != 0 ||
	    h.version != want.version || h.slotsize != want.slotsize ||
	    h.path_hash != want.path_hash || h.dict_size != want.dict_size ||
	    h.dict_sec != want.dict_sec || h.dict_nsec != want.dict_nsec ||
	    h.len == 0 || h.len > h.dict_size + 1 || h.nslots == 0 ||
	    h.n >= h.nslots ||
	    h.nslots > ((uint64_t)sb.st_size) / sizeof(struct slot) ||
	    (uint64_t)sb.st_size != at + h.nslots * sizeof(struct slot)) {
		close(fd);
		return -1;
	}
	base = mmap(NULL, sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (base == MAP_FAILED)
		return -1;
	/* a damaged file must not send a lookup outside it: every word
	 * ends in '\n' within the words */
	slots = (const struct slot *)(const void *)(base + at);
	for (i = 0; i < h.nslots && slots[i].pos <= h.len; i++)
		;
	if (i < h.nslots || base[sizeof h + h.len - 1] != '\n') {
		munmap(base, sb.st_size);
		return -1;
	}
	memset(st, 0, sizeof *st);
	st->buf = base + sizeof h;
	st->len = st->cap = h.len;
	st->slots = (struct slot *)(void *)(base + at);
	st->nslots = h.nslots;
	st->n = h.n;
	st->cache = base;
	st->cachelen = sb.st_size;
	return 0;
}

/* Writes st to the cache at path, through a file of its own renamed into
 * place, so that another load never maps half a cache. Failing is fine:
 * the next load reads the list again. */
static void
lexcache_save(const struct set *st, const char *path, const char *dict,
    const struct stat *ds)
{
	struct lexcache_head	 h;
	static const char	 zero[8];
	char			 tmp[4096];
	size_t			 pad;
	FILE			*f;
	int			 fd, ok;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.%ld", path,
	    (long)getpid()) >= sizeof tmp ||
	    (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1)
		return;
	if ((f = fdopen(fd, "wb")) == NULL) {
		close(fd);
		unlink(tmp);
		return;
	}
	lexcache_head_make(&h, dict, ds, st);
	pad = lexcache_slots_at(st->len) - sizeof h - st->len;
	ok = fwrite(&h, sizeof h, 1, f) == 1 &&
	    fwrite(st->buf, 1, st->len, f) == st->len &&
	    fwrite(zero, 1, pad, f) == pad &&
	    fwrite(st->slots, sizeof *st->slots, st->nslots, f) == st->nslots;
	if (fclose(f) != 0 || !ok || rename(tmp, path) == -1)
		unlink(tmp);
}

struct lexicon *
lexicon_open(const char *dict, const char *datadir)
{
	return lexicon_open_cached(dict, datadir, NULL);
}

struct lexicon *
lexicon_open_cached(const char *dict, const char *datadir, const char *cache)
{
	struct lexicon	*lx;
	struct stat	 ds;
	const char	*env;
	int		 cached;

	if ((lx = calloc(1, sizeof *lx)) == NULL)
		return NULL;
	if (dict == NULL) {
		/* The first that exists: $LEESKAMER_DICT, then Debian's. */
		if ((env = getenv("LEESKAMER_DICT")) != NULL && *env != '\0' &&
		    access(env, R_OK) == 0)
			dict = env;
		else if (access(SYSTEM_DICT, R_OK) == 0)
			dict = SYSTEM_DICT;
	}
	if (set_init(&lx->hwords, 64) == -1 ||
	    set_init(&lx->prefixes, 64) == -1)
		goto fail;
	/* the list's size and time before it is read: a list changed while
	 * it is read leaves a cache that is made again next time */
	cached = dict != NULL && cache != NULL && stat(dict, &ds) == 0;
	if (dict != NULL && (!cached ||
	    lexcache_load(&lx->words, cache, dict, &ds) == -1)) {
		if (load_words(&lx->words, dict) == -1)
			set_free(&lx->words);	/* no word list: rules 1-3, 5, 7 */
		else if (cached)
			lexcache_save(&lx->words, cache, dict, &ds);
	}
	if (datadir != NULL && load_data(lx, datadir) == -1)
		goto fail;
	return lx;

fail:
	lexicon_close(lx);
	return NULL;
}

void
lexicon_close(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	set_free(&lx->words);
	set_free(&lx->hwords);
	set_free(&lx->prefixes);
	free(lx);
}

int
lexicon_has(const struct lexicon *lx, const char *w, size_t len)
{
	char	f[FOLDMAX];
	size_t	n;

	if (lx == NULL || (n = fold(w, len, f)) == 0)
		return 0;
	return set_find(&lx->words, f, n) != NULL ||
	    set_find(&lx->hwords, f, n) != NULL;
}

struct wordcount *
wordcount_build(const char *text, size_t len)
{
	struct wordcount	*wc;
	struct slot		*sl;
	char			 f[FOLDMAX];
	size_t			 i, start, last, n;
	ucs4_t			 uc;
	int			 k, k2;

	if ((wc = calloc(1, sizeof *wc)) == NULL)
		return NULL;
	if (set_init(&wc->words, len / 64 + 64) == -1) {
		free(wc);
		return NULL;
	}
	for (i = 0; i < len;) {
		/* most words: ASCII letters and digits, then ASCII that
		 * joins nothing; folded as they are read */
		for (n = 0; i + n < len && n < FOLDMAX - 1 &&
		    (unsigned char)text[i + n] < 0x80 &&
		    is_wordcp((unsigned char)text[i + n]); n++)
			f[n] = text[i + n] >= 'A' && text[i + n] <= 'Z' ?
			    text[i + n] + 'a' - 'A' : text[i + n];
		if (n > 0 && (i + n == len || ((unsigned char)text[i + n] < 0x80 &&
		    !is_wordcp((unsigned char)text[i + n]) &&
		    !is_joinercp((unsigned char)text[i + n])))) {
			i += n;
			goto add;
		}
		uc = cp_next(text + i, len - i, &k);
		if (!is_wordcp(uc)) {
			i += k;
			continue;
		}
		/* A word: word characters, and joiners between two of them. */
		start = i;
		for (last = i += k; i < len; last = i) {
			uc = cp_next(text + i, len - i, &k);
			if (is_wordcp(uc)) {
				i += k;
				continue;
			}
			if (!is_joinercp(uc) || i + k >= len ||
			    !is_wordcp(cp_at(text + i + k, len - i - k, &k2)))
				break;
			i += k + k2;
		}
		if ((n = fold(text + start, last - start, f)) == 0)
			continue;
add:
		if ((sl = set_add(&wc->words, f, n)) == NULL) {
			wordcount_free(wc);
			return NULL;
		}
		sl->val++;
		wc->total++;
	}
	return wc;
}

void
wordcount_free(struct wordcount *wc)
{
	if (wc == NULL)
		return;
	set_free(&wc->words);
	free(wc);
}

static unsigned
count(const struct wordcount *wc, const char *f, size_t len)
{
	struct slot	*sl;

	if (wc == NULL || (sl = set_find(&wc->words, f, len)) == NULL)
		return 0;
	return sl->val;
}

unsigned
wordcount_get(const struct wordcount *wc, const char *w, size_t len)
{
	char	f[FOLDMAX];
	size_t	n;

	if ((n = fold(w, len, f)) == 0)
		return 0;
	return count(wc, f, n);
}

/*
 * A decision in the making: head and tail folded, the forms made of them,
 * and the last part of a hyphenated head (EU-lid- staten: lid), which the
 * word list is asked about.
 */
struct parts {
	const struct lexicon	*lx;
	int			 haslist;	/* a word list was loaded */
	char			 h[FOLDMAX], t[FOLDMAX];	/* head, tail */
	char			 j[2 * FOLDMAX];	/* joined */
	char			 k[2 * FOLDMAX + 1];	/* hyphenated */
	size_t			 hl, tl, jl, kl; /* their lengths */
	size_t			 hs;	/* where head's last part starts */
	int			 hlisted; /* that part is a listed word */
};

static int
listed(const struct parts *p, const char *s, size_t len)
{
	return len > 0 && set_find(&p->lx->words, s, len) != NULL;
}

static int
is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int
is_conjunction(const struct parts *p)
{
	static const char *const conj[] = { "en", "of", "en/of", "noch" };
	size_t	i;

	for (i = 0; i < sizeof conj / sizeof conj[0]; i++)
		if (strlen(conj[i]) == p->tl &&
		    memcmp(conj[i], p->t, p->tl) == 0)
			return 1;
	return 0;
}

/*
 * Whether the last vowel of head and the first of tail would be read as
 * one sound when written together, so that Dutch writes a hyphen between
 * the parts of a compound: zee-egel, auto-ongeluk, energie-infrastructuur.
 * The i of a diphthong before an e does not clash (mooie, draaien, uien).
 */
static int
vowel_clash(const struct parts *p)
{
	static const char *const pairs[] = {
		"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii",
		"oe", "oi", "oo", "ou", "ui", "uu"
	};
	char	a = p->h[p->hl - 1], b = p->t[0];
	size_t	i;

	if (a == 'i' && b == 'e' && p->hl >= 2 && is_vowel(p->h[p->hl - 2]))
		return 0;
	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (pairs[i][0] == a && pairs[i][1] == b)
			return 1;
	return 0;
}

/*
 * Whether s splits into listed words, each but the last perhaps followed
 * by a linking s, e or en (machts|competitie, veiligheid-s|beleid). When s
 * is the joined form, brk is where head ends in it: no part may end there
 * when head is a word (that is two words, not a compound), nor have a
 * single letter on one side of it (internationale|r|echts|orde).
 * ok[i]: s from byte i on splits.
 */
static int
splits(const struct parts *p, const char *s, size_t n, size_t brk)
{
	static const char *const links[] = { "", "s", "e", "en" };
	size_t		 i, e, l, ll;
	char		 ok[2 * FOLDMAX + 1];

	memset(ok, 0, n + 1);
	ok[n] = 1;
	for (i = n; i-- > 0;) {
		if ((s[i] & 0xc0) == 0x80)	/* inside a character */
			continue;
		for (e = i + MINPART; e <= n && !ok[i]; e++) {
			if (!ok[e] || (brk > 0 && e == brk && p->hlisted))
				continue;
			for (l = 0; l < sizeof links / sizeof links[0]; l++) {
				ll = strlen(links[l]);
				if (e == n && ll > 0)
					continue;	/* the last part */
				if (e - i < MINPART + ll ||
				    memcmp(s + e - ll, links[l], ll) != 0)
					continue;
				if (i < brk && brk < e &&
				    (brk - i < 2 || e - ll - brk < 2))
					continue;
				if (listed(p, s + i, e - i - ll)) {
					ok[i] = 1;
					break;
				}
			}
		}
	}
	return ok[0];
}

/* Cuts characters that are not word characters from the ends of *s. */
static void
trim(const char **s, size_t *len, int front, int back)
{
	const uint8_t	*q;
	ucs4_t		 uc;
	int		 k;

	while (front && *len > 0 && !is_wordcp(cp_at(*s, *len, &k))) {
		*s += k;
		*len -= k;
	}
	while (back && *len > 0) {
		q = u8_prev(&uc, (const uint8_t *)*s + *len,
		    (const uint8_t *)*s);
		if (q != NULL && is_wordcp(uc))
			break;
		*len = q != NULL ? (size_t)(q - (const uint8_t *)*s) : *len - 1;
	}
}

/* Folds head and tail into p and builds the joined and hyphenated forms. */
static int
parts_make(struct parts *p, const struct lexicon *lx, const char *head,
    size_t hlen, const char *tail, size_t tlen)
{
	size_t		 i;

	memset(p, 0, sizeof *p);
	p->lx = lx;
	p->haslist = lx != NULL && lx->words.n > 0;
	if ((p->hl = fold(head, hlen, p->h)) == 0 ||
	    (p->tl = fold(tail, tlen, p->t)) == 0)
		return -1;
	memcpy(p->j, p->h, p->hl);
	memcpy(p->j + p->hl, p->t, p->tl);
	p->jl = p->hl + p->tl;
	memcpy(p->k, p->h, p->hl);
	p->k[p->hl] = '-';
	memcpy(p->k + p->hl + 1, p->t, p->tl);
	p->kl = p->jl + 1;
	for (i = p->hl; i > 0 && p->h[i - 1] != '-'; i--)
		;
	p->hs = i < p->hl ? i : 0;
	p->hlisted = p->haslist && listed(p, p->h + p->hs, p->hl - p->hs);
	return 0;
}

enum hyphen_join
hyphen_decide(const struct lexicon *lx, const struct wordcount *wc,
    const char *head, size_t hlen, const char *tail, size_t tlen, int hyphen)
{
	struct parts	 p;
	struct slot	*sl;
	const char	*h0;
	size_t		 hs;
	ucs4_t		 hc, tc;
	double		 chance;
	unsigned	 cj, ck;
	int		 k, name, known;

	/* 1a. Not a word. */
	trim(&head, &hlen, 1, 0);
	trim(&tail, &tlen, 0, 1);
	if (hlen == 0 || tlen == 0)
		return HYPHEN_SPACE;
	hc = cp_last(head, hlen);
	tc = cp_at(tail, tlen, &k);
	if (!is_wordcp(tc))
		return HYPHEN_SPACE;
	if (!hyphen && (!is_wordcp(hc) || uc_is_digit(hc) || uc_is_digit(tc)))
		return HYPHEN_SPACE;

	/* 1b. A capital, a digit or a sign at the hyphen. */
	if (hyphen && (!is_wordcp(hc) || uc_is_upper(hc) || uc_is_digit(hc) ||
	    uc_is_upper(tc) || uc_is_digit(tc)))
		return HYPHEN_KEEP;

	if (parts_make(&p, lx, head, hlen, tail, tlen) == -1)
		return HYPHEN_JOIN;
	cj = count(wc, p.j, p.jl);
	ck = count(wc, p.k, p.kl);

	/* 1c. A conjunction. */
	if (is_conjunction(&p)) {
		if (is_vowel(p.h[p.hl - 1]) &&
		    (cj > 0 || (p.haslist && listed(&p, p.j, p.jl))))
			return HYPHEN_JOIN;
		return HYPHEN_SPACE;
	}

	/* 2. The file itself. */
	if (hyphen) {
		if (cj > ck)
			return HYPHEN_JOIN;
		if (ck > cj)
			return HYPHEN_KEEP;
	} else {
		chance = wc != NULL && wc->total > 0 ?
		    (double)count(wc, p.h, p.hl) * count(wc, p.t, p.tl) /
		    wc->total : 0;
		if (chance >= CHANCE * (1 + cj))
			return HYPHEN_SPACE;
		if (cj > 0)
			return HYPHEN_JOIN;
	}

	/* 3. Shipped data. */
	if (hyphen && lx != NULL) {
		if (set_find(&lx->hwords, p.k, p.kl) != NULL)
			return HYPHEN_KEEP;
		if (set_find(&lx->prefixes, p.h, p.hl) != NULL &&
		    (p.haslist ? !listed(&p, p.j, p.jl) &&
		    !splits(&p, p.j, p.jl, p.hl) : count(wc, p.t, p.tl) >= 2))
			return HYPHEN_KEEP;
	}

	/* 4. The word list: the forms themselves. */
	if (p.haslist) {
		if (hyphen && listed(&p, p.k, p.kl))
			return HYPHEN_KEEP;
		if (listed(&p, p.j, p.jl) ||
		    (p.hs > 0 && listed(&p, p.j + p.hs, p.jl - p.hs)))
			return HYPHEN_JOIN;
	}

	/* 5. Vowels that would clash. */
	if (hyphen && vowel_clash(&p))
		return HYPHEN_KEEP;

	/* 6. The word list: pairs of words, compounds. */
	if (p.haslist) {
		/* A name: a capital, and not listed in lower case. */
		for (hs = hlen; hs > 0 && head[hs - 1] != '-'; hs--)
			;
		h0 = head + hs;
		sl = set_find(&lx->words, p.h + p.hs, p.hl - p.hs);
		name = uc_is_upper(cp_at(h0, hlen - hs, &k)) &&
		    (sl == NULL || !(sl->val & F_LOWER));
		known = listed(&p, p.t, p.tl);
		if (hyphen && name && (p.hlisted || p.tl >= 5) &&
		    (known || splits(&p, p.t, p.tl, 0)))
			return HYPHEN_KEEP;
		if (!hyphen && p.hlisted && known)
			return HYPHEN_SPACE;
		if (splits(&p, p.j + p.hs, p.jl - p.hs, p.hl - p.hs))
			return HYPHEN_JOIN;
	}

	/* 7. Default. */
	return HYPHEN_JOIN;
}
