/* load.c: one file through the pipeline: decode, split into lines, and
 * the stages of paper.h, then the citations of every paragraph and note. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include <unistr.h>

#include "hyphen.h"
#include "load.h"
#include "text.h"
#include "xml.h"

/* Bump when parsing changes, so that unchanged files are read again. */
#define PARSER_VERSION	"3"

#define MAX_FILE	(1024L * 1024 * 1024)

int
load_read(const char *path, unsigned char **raw, size_t *len, char *err,
    size_t errlen)
{
	struct stat	 sb;
	FILE		*f;
	size_t		 n;

	*raw = NULL;
	*len = 0;
	if ((f = fopen(path, "rb")) == NULL) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &sb) == -1 || !S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "not a regular file");
		fclose(f);
		return -1;
	}
	if (sb.st_size > MAX_FILE) {
		snprintf(err, errlen, "file too large (over 1 GiB)");
		fclose(f);
		return -1;
	}
	if ((*raw = malloc((size_t)sb.st_size + 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		fclose(f);
		return -1;
	}
	n = fread(*raw, 1, (size_t)sb.st_size, f);
	if (ferror(f)) {
		snprintf(err, errlen, "%s", strerror(errno));
		fclose(f);
		free(*raw);
		*raw = NULL;
		return -1;
	}
	fclose(f);
	*len = n;
	return 0;
}

/* FNV-1a, eight bytes a step (with a shift to mix the high bits down):
 * the hash of every file of a load, so it runs at memory speed. */
static uint64_t
fnv1a(uint64_t h, const unsigned char *s, size_t n)
{
	uint64_t	w;
	size_t		i;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h ^= w;
		h *= 0x100000001b3ULL;
		h ^= h >> 32;
	}
	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

uint64_t
load_hash(const unsigned char *raw, size_t len, const char *sidecar)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = fnv1a(h, (const unsigned char *)PARSER_VERSION, strlen(PARSER_VERSION));
	h = fnv1a(h, raw, len);
	if (sidecar != NULL)
		h = fnv1a(h, (const unsigned char *)sidecar, strlen(sidecar));
	return h;
}

void
load_stem(const char *path, char *stem, size_t len)
{
	const char	*base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	else if (strcasecmp(dot, ".xml") == 0)	/* XML: beside its text */
		dot = base + strlen(base);
	snprintf(stem, len, "%.*s", (int)(dot - base), base);
}

/* path with its extension (if any) replaced by ".meta", malloc'd */
static char *
sidecar_path(const char *path)
{
	const char	*base = strrchr(path, '/'), *dot;
	char		*mpath;
	size_t		 n;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	n = dot && dot != base ? (size_t)(dot - path) : strlen(path);
	if ((mpath = malloc(n + 6)) == NULL)
		return NULL;
	memcpy(mpath, path, n);
	memcpy(mpath + n, ".meta", 6);
	return mpath;
}

int
load_stamp(const char *path, char *stamp, size_t len)
{
	struct stat	 sb, mb;
	char		*mpath;
	int		 side;

	if (stat(path, &sb) == -1 || (mpath = sidecar_path(path)) == NULL)
		return -1;
	side = stat(mpath, &mb) == 0;
	free(mpath);
	/* a change within the same tick of the clock would keep the time:
	 * a file that new is read, and stamped on a later load */
	if (sb.st_mtime >= time(NULL) - 2 || (side && mb.st_mtime >= time(NULL) - 2)) {
		stamp[0] = '\0';
		return 1;
	}
	snprintf(stamp, len, "v%s %lld %lld.%09ld %lld %lld.%09ld", PARSER_VERSION,
	    (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
	    sb.st_mtim.tv_nsec, side ? (long long)mb.st_size : -1LL,
	    side ? (long long)mb.st_mtim.tv_sec : 0LL,
	    side ? mb.st_mtim.tv_nsec : 0L);
	return 0;
}

char *
load_sidecar(const char *path)
{
	char		*mpath, err[128];
	unsigned char	*raw;
	size_t		 len;

	if ((mpath = sidecar_path(path)) == NULL)
		return NULL;
	if (load_read(mpath, &raw, &len, err, sizeof err) == -1) {
		free(mpath);
		return NULL;
	}
	free(mpath);
	raw[len] = '\0';
	if (u8_check(raw, len) != NULL || memchr(raw, '\0', len) != NULL) {
		free(raw);
		return NULL;
	}
	return (char *)raw;
}

/* Splits the decoded text into lines, normalising each in place. */
static int
split_lines(struct paper *p)
{
	size_t	 i, n = 1, k = 0;
	char	*s = p->buf, *e;
	int	 lead, trail, single;

	for (i = 0; i < p->buflen; i++)
		if (p->buf[i] == '\n')
			n++;
	if ((p->lines = calloc(n, sizeof *p->lines)) == NULL)
		return -1;
	for (; s != NULL && s <= p->buf + p->buflen; k++) {
		struct line *l = &p->lines[k];

		if ((e = memchr(s, '\n', (size_t)(p->buf + p->buflen - s))) == NULL)
			e = p->buf + p->buflen;
		*e = '\0';
		l->no = (int)k + 1;
		while (*s == '\f') {
			l->flags |= LINE_FF;
			s++;
		}
		l->s = s;
		/* a page break shows as one leading space; a tab or more
		 * spaces are indentation */
		single = s[0] == ' ' && s[1] != ' ' && s[1] != '\t';
		l->len = text_normalise_line(s, (size_t)(e - s), &lead, &trail);
		s[l->len] = '\0';
		if (lead && single)
			l->flags |= LINE_LEAD;
		if (trail)
			l->flags |= LINE_TRAIL;
		if (l->len == 0)
			l->flags |= LINE_BLANK;
		s = e < p->buf + p->buflen ? e + 1 : NULL;
	}
	p->nlines = k;
	return 0;
}

static int
add_cites(struct loaded *l, const char *text, int para, int note)
{
	struct cite_list	cl = { 0 };
	size_t			i, at = 0, chars = 0;

	if (cite_find_all(text, strlen(text), &cl) == -1)
		return -1;
	for (i = 0; i < cl.n; i++) {
		struct pcite	*v = realloc(l->cites, (l->ncites + 1) * sizeof *v);

		if (v == NULL) {
			cite_list_free(&cl);
			return -1;
		}
		l->cites = v;
		v = &l->cites[l->ncites++];
		memset(v, 0, sizeof *v);
		v->para = para;
		v->note = note;
		v->c = cl.v[i];
		/* characters counted on from the citation before */
		if (cl.v[i].start < at)
			at = chars = 0;
		chars += text_chars(text + at, cl.v[i].start - at);
		at = cl.v[i].start;
		v->start = chars;
		v->end = v->start + text_chars(text + cl.v[i].start,
		    cl.v[i].end - cl.v[i].start);
	}
	cite_list_free(&cl);
	return 0;
}

static int parse(const char *, const unsigned char *, size_t, uint64_t,
    char *, const struct lexicon *, struct loaded *, char *, size_t,
    unsigned char *);

int
load_parse(const char *path, const unsigned char *raw, size_t len,
    char *sidecar, const struct lexicon *lx, struct loaded *l, char *err,
    size_t errlen)
{
	return parse(path, raw, len, load_hash(raw, len, sidecar),
	    sidecar, lx, l, err, errlen, NULL);
}

int
load_parse_hashed(const char *path, unsigned char *raw, size_t len,
    uint64_t hash, char *sidecar, const struct lexicon *lx, struct loaded *l,
    char *err, size_t errlen)
{
	return parse(path, raw, len, hash, sidecar, lx, l, err, errlen, raw);
}

/* Parses raw; owned, when not NULL, is raw given away: freed once the
 * text is decoded from it, and by the return in any case. */
static int
parse(const char *path, const unsigned char *raw, size_t len,
    uint64_t hash, char *sidecar, const struct lexicon *lx, struct loaded *l,
    char *err, size_t errlen, unsigned char *owned)
{
	struct paper	*p = &l->paper;
	struct text	 t;
	char		 why[128];
	size_t		 i;
	int		 rc;

	memset(l, 0, sizeof *l);
	p->path = path;
	p->sidecar = sidecar;
	load_stem(path, p->stem, sizeof p->stem);
	l->hash = hash;
	if (xml_want(path, raw, len)) {
		rc = xml_parse(path, raw, len, l, err, errlen);
		free(owned);
		return rc;
	}
	rc = text_decode(raw, len, &t, why, sizeof why);
	free(owned);
	if (rc == -1) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	p->buf = t.buf;
	p->buflen = t.len;
	l->encoding = t.encoding;
	l->converted = t.converted;
	if ((p->wc = wordcount_build(p->buf, p->buflen)) == NULL ||
	    split_lines(p) == -1 || page_mark(p) == -1 || meta_scan(p) == -1 ||
	    notes_extract(p) == -1 || para_build(p, lx) == -1 ||
	    heading_build(p) == -1 || meta_finish(p) == -1)
		goto oom;
	for (i = 0; i < p->npara; i++)
		if (p->paras[i].kind == PARA_BODY &&
		    add_cites(l, p->paras[i].text, (int)i, -1) == -1)
			goto oom;
	for (i = 0; i < p->nnotes; i++)
		if (add_cites(l, p->notes[i].text, p->notes[i].para, (int)i) == -1)
			goto oom;
	if (p->npara == 0 && p->nnotes == 0) {
		snprintf(err, errlen, "no text in it");
		return -1;
	}
	/* a parsed paper may wait for the store: only what it stores */
	paper_trim(p);
	return 0;
oom:
	snprintf(err, errlen, "out of memory");
	return -1;
}

void
load_free(struct loaded *l)
{
	paper_free(&l->paper);
	free(l->cites);
	memset(l, 0, sizeof *l);
}
