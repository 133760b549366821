/* gen.c: the benchmark's corpus generator. Deterministic: a fixed seed, no
 * network, no clock. Compiled on the fly by tests/bench/run.sh.
 *
 * It cuts the bundled corpus (the .txt files of assets/corpus) into sentences, headings
 * and notes, and writes new papers recombined from them, laid out the way
 * extraction leaves real papers: PDF text wrapped with trailing spaces,
 * page footers ("Tweede Kamer, vergaderjaar 2021–2022, 35 925 V, nr. 84 17"),
 * page breaks shown as a first line starting with one space, words broken
 * with a hyphen ("machtscom-" / "petitie") or, in files that mark wrapped
 * lines with a trailing space, with the hyphen dropped; DOCX text with one
 * paragraph a line, "[bookmark: …]" and endnotes ("[endnoteRef:3]" …
 * "[3:  text]"); numbered and unnumbered headings; Kamer header blocks;
 * citations in many forms; names of members in motions (the rare words).
 *
 * Document i depends only on the seed and i, so a corpus written in parts
 * (S, then M's remainder, then L's) is the same as one written at once, and
 * S is a prefix of M, M of L.
 *
 *   gen [-s SEED] -o DIR -b BASE -f FIRST -t BYTES SRC.txt...
 *	writes documents FIRST, FIRST+1, ... into DIR until BYTES are
 *	written; BASE gets the same text already split into paragraphs,
 *	records of "head US body RS" (sqlite3 .mode ascii). Prints one line
 *	per document: index, path, bytes, kind, and then "next N".
 *   gen [-s SEED] -Q N -n NDOCS SRC.txt...
 *	prints N queries, one a line: kind TAB fts5-query TAB grep-ERE, the
 *	Kamerstuk ids among documents 0..NDOCS-1.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- small things ---- */

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL) {
		fprintf(stderr, "gen: out of memory\n");
		exit(1);
	}
	return p;
}

static char *
xstrndup(const char *s, size_t n)
{
	char *d = xrealloc(NULL, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

struct sbuf {
	char	*s;
	size_t	 len, cap;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
	char	tmp[1024];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		sb_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

struct vec {
	char	**v;
	size_t	  n, cap;
};

static void
vec_push(struct vec *v, char *s)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->v = xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = s;
}

/* ---- randomness: splitmix64, one stream a document ---- */

static uint64_t
mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t rs;

static uint64_t
rnd(void)
{
	rs += 0x9e3779b97f4a7c15ULL;
	return mix(rs);
}

static size_t
rn(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

static double
ru(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

/* ---- the source: sentences, headings, notes ---- */

static struct vec sentences, headings, notes;

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f';
}

/* Removes "[bookmark: …]" and "[endnoteRef:N]"; "[N:  text]" goes to notes. */
static void
strip_docx(struct sbuf *out, const char *s, size_t n)
{
	size_t	i, j;
	int	depth;

	for (i = 0; i < n; i++) {
		if (s[i] == '[' && (strncmp(s + i, "[bookmark:", 10) == 0 ||
		    strncmp(s + i, "[endnoteRef:", 12) == 0 ||
		    (i + 1 < n && isdigit((unsigned char)s[i + 1])))) {
			for (depth = 0, j = i; j < n; j++) {
				if (s[j] == '[')
					depth++;
				else if (s[j] == ']' && --depth == 0)
					break;
			}
			if (j < n && isdigit((unsigned char)s[i + 1])) {
				const char *c = memchr(s + i, ':', j - i);

				if (c != NULL) {
					c++;
					while (c < s + j && *c == ' ')
						c++;
					if (s + j - c > 20)
						vec_push(&notes, xstrndup(c, (size_t)(s + j - c)));
				}
			}
			i = j < n ? j : n;
			continue;
		}
		sb_add(out, s + i, 1);
	}
}

/* Collapses white space; returns a new string. */
static char *
squeeze(const char *s)
{
	struct sbuf	b = { 0 };

	for (; *s; s++) {
		if (is_ws(*s) || *s == '\n') {
			if (b.len > 0 && b.s[b.len - 1] != ' ')
				sb_add(&b, " ", 1);
			continue;
		}
		sb_add(&b, s, 1);
	}
	while (b.len > 0 && b.s[b.len - 1] == ' ')
		b.s[--b.len] = '\0';
	if (b.s == NULL)
		sb_add(&b, "", 0);
	return b.s;
}

static int
heading_like(const char *s)
{
	size_t	n = strlen(s), words = 1, i;

	if (n < 4 || n > 70 || strchr(s, ',') != NULL)
		return 0;
	for (i = 0; i < n; i++)
		words += s[i] == ' ';
	if (words > 9 || strchr(".:;", s[n - 1]) != NULL)
		return 0;
	return isupper((unsigned char)s[0]) || (unsigned char)s[0] >= 0xc0 ||
	    isdigit((unsigned char)s[0]);
}

/* "3.4 Titel" gives "Titel". */
static const char *
unnumbered(const char *s)
{
	const char *p = s;

	while (isdigit((unsigned char)*p) || *p == '.')
		p++;
	if (p > s && *p == ' ')
		return p + 1;
	return s;
}

static void
add_paragraph(const char *text)
{
	const char	*s = text, *p;

	if (heading_like(text)) {
		p = unnumbered(text);
		if (strlen(p) >= 4)
			vec_push(&headings, xstrndup(p, strlen(p)));
		return;
	}
	/* sentences end at ". ", "? ", "! " before a capital, after a word of
	 * four letters or more (so "nr. 4", "jl. De", "c.s. De" stay whole) */
	for (p = s; *p; p++) {
		const char *w;

		if ((*p != '.' && *p != '?' && *p != '!') || p[1] != ' ' ||
		    !(isupper((unsigned char)p[2]) || (unsigned char)p[2] >= 0xc0))
			continue;
		for (w = p; w > s && w[-1] != ' '; w--)
			;
		if (p - w < 4)
			continue;
		if (p + 1 - s >= 25)
			vec_push(&sentences, xstrndup(s, (size_t)(p + 1 - s)));
		s = p + 2;
	}
	if (strlen(s) >= 25 && strchr(".?!", s[strlen(s) - 1]) != NULL)
		vec_push(&sentences, xstrndup(s, strlen(s)));
}

/* Reads one source file and cuts it into paragraphs, roughly: the bench
 * needs plausible text, not the loader's repairs. */
static void
read_source(const char *path)
{
	FILE		*f;
	struct vec	 lines = { 0 };
	struct sbuf	 para = { 0 }, clean = { 0 };
	char		*line = NULL;
	size_t		 cap = 0, i, blank = 0, total = 0;
	ssize_t		 n;
	int		 mode;	/* 0 blank lines, 1 trailing spaces, 2 a line each */
	int		 glue = 0;

	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		exit(1);
	}
	while ((n = getline(&line, &cap, f)) != -1) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		vec_push(&lines, xstrndup(line, (size_t)n));
		total += (size_t)n;
	}
	free(line);
	fclose(f);
	for (i = 0; i < lines.n; i++) {
		const char *l = lines.v[i];
		size_t k = strlen(l);

		while (k > 0 && l[k - 1] == ' ')
			k--;
		if (k == 0)
			blank++;
	}
	mode = lines.n && total / lines.n > 200 ? 2 :
	    blank * 20 > lines.n ? 0 : 1;
	for (i = 0; i <= lines.n; i++) {
		const char	*l = i < lines.n ? lines.v[i] : "";
		const char	*nx = i + 1 < lines.n ? lines.v[i + 1] : "";
		size_t		 k = strlen(l);
		int		 trailing = k > 0 && l[k - 1] == ' ', end;

		while (k > 0 && is_ws(l[k - 1]))
			k--;
		while (k > 0 && is_ws(*l))
			l++, k--;
		if (strncmp(l, "Tweede Kamer, vergaderjaar", 26) == 0)
			continue;
		if (k > 0) {
			if (para.len == 0 || glue)
				;
			else if (para.s[para.len - 1] == '-' && para.len > 1 &&
			    islower((unsigned char)para.s[para.len - 2]) &&
			    islower((unsigned char)*l))
				para.s[--para.len] = '\0';	/* "aanbeve-" "lingen" */
			else if (para.s[para.len - 1] != '-')
				sb_add(&para, " ", 1);
			sb_add(&para, l, k);
		}
		glue = 0;
		if (mode == 2)
			end = 1;
		else if (mode == 0)
			end = k == 0;
		else if (!trailing && k > 0 && islower((unsigned char)l[k - 1]) &&
		    islower((unsigned char)*nx)) {
			glue = 1;	/* "implemen" "tatie" */
			end = 0;
		} else
			end = !trailing;
		if (end && para.len > 0) {
			char *sq;

			clean.len = 0;
			strip_docx(&clean, para.s, para.len);
			if (clean.s != NULL && clean.len > 0) {
				sq = squeeze(clean.s);
				if (*sq)
					add_paragraph(sq);
				free(sq);
			}
			para.len = 0;
			para.s[0] = '\0';
		}
	}
	for (i = 0; i < lines.n; i++)
		free(lines.v[i]);
	free(lines.v);
	free(para.s);
	free(clean.s);
}

/* ---- names, Kamerstukken ---- */

static const char *syl[] = { "van", "ber", "dijk", "hof", "stra", "man", "ker",
    "veld", "oom", "ma", "ter", "haar", "sen", "link", "ruit", "wen", "gel",
    "boom", "kamp", "lo", "mei", "ster", "ton", "ren", "bus", "vos", "dal",
    "wijk", "horst", "nie", "hui", "ber", "ge", "hout", "laar", "mans", "zee",
    "kooi", "brink", "tjes" };
#define NSYL	(sizeof syl / sizeof syl[0])
#define NNAMES	40000

static void
name_of(size_t k, char *out, size_t len)
{
	snprintf(out, len, "%s%s%s%s", syl[k % NSYL], syl[(k / NSYL) % NSYL],
	    k >= NSYL * NSYL ? syl[(k / (NSYL * NSYL)) % NSYL] : "",
	    k % 7 == 3 ? "er" : "");
	out[0] = (char)toupper((unsigned char)out[0]);
}

/* A name drawn log-uniformly: a few are everywhere, most are rare. */
static size_t
name_draw(void)
{
	return (size_t)exp(ru() * log((double)NNAMES)) % NNAMES;
}

static const char *suffixes[] = { "V", "VI", "X", "XIII", "XVI" };

struct kst {
	int	 dossier;
	char	 suffix[8];
	int	 nr;
	int	 year;		/* the vergaderjaar's first year */
};

static void
kst_of(size_t i, struct kst *k)
{
	size_t	idx = i / 4;

	memset(k, 0, sizeof *k);
	k->dossier = 30000 + (int)((idx * 37) % 6997);
	if (idx % 9 == 4)
		snprintf(k->suffix, sizeof k->suffix, "%s", suffixes[idx % 5]);
	k->nr = 1 + (int)(i % 4) + 4 * (int)(mix(i ^ 0x5eed) % 60);
	k->year = 2015 + (int)(idx % 10);
}

/* "35 925" */
static void
spaced(int d, char *out, size_t len)
{
	snprintf(out, len, "%d %03d", d / 1000, d % 1000);
}

/* "35 925 V, nr. 84" */
static void
kst_text(const struct kst *k, char *out, size_t len)
{
	char	d[16];

	spaced(k->dossier, d, sizeof d);
	snprintf(out, len, "%s%s%s, nr. %d", d, k->suffix[0] ? " " : "",
	    k->suffix, k->nr);
}

/* A citation in one of the forms the recogniser knows. ndocs bounds the
 * papers cited that are in the corpus. */
static void
cite_text(size_t self, struct sbuf *b)
{
	struct kst	k;
	char		d[16], name[64];
	size_t		j;
	int		form = (int)rn(12);

	if (rn(10) < 6) {
		/* a paper of the corpus, near this one */
		j = self > 60 ? self - 60 + rn(120) : rn(120);
		kst_of(j, &k);
	} else {
		memset(&k, 0, sizeof k);
		k.dossier = 21000 + (int)rn(9000);
		k.nr = 1 + (int)rn(400);
		k.year = 2010 + (int)rn(15);
	}
	spaced(k.dossier, d, sizeof d);
	switch (form) {
	case 0:
	case 1:
		sb_printf(b, " (Kamerstuk %s%s%s, nr. %d)", d, k.suffix[0] ? "-" : "",
		    k.suffix, k.nr);
		break;
	case 2:
		sb_printf(b, " (%d nr. %d)", k.dossier, k.nr);
		break;
	case 3:
		sb_printf(b, " (Kamerstukken II %d/%02d, %s, nr. %d)", k.year,
		    (k.year + 1) % 100, d, k.nr);
		break;
	case 4:
		sb_printf(b, " (zie kst-%d%s%s-%d)", k.dossier, k.suffix[0] ? "-" : "",
		    k.suffix, k.nr);
		break;
	case 5:
		sb_printf(b, " (Kamerstuk %s, nrs. %d en %d)", d, k.nr, k.nr + 1 + (int)rn(30));
		break;
	case 6:
		name_of(name_draw(), name, sizeof name);
		sb_printf(b, ", zoals gevraagd in de motie van het lid %s c.s."
		    " (Kamerstuk %s, nr. %d)", name, d, k.nr);
		break;
	case 7:
		sb_printf(b, ", conform de motie op stuk nr. %d (%s)", k.nr, d);
		break;
	case 8:
		sb_printf(b, " (Kamerstuk %s, nr. %d, p. %d)", d, k.nr, 1 + (int)rn(40));
		break;
	case 9:
		sb_printf(b, " (h-tk-%d%d-%d-%d)", k.year, k.year + 1,
		    1 + (int)rn(100), 1 + (int)rn(30));
		break;
	case 10:
		sb_printf(b, " (%dD%05d)", k.year + 3, (int)rn(50000));
		break;
	default:
		sb_printf(b, " (Kamerstuk %s-%d, nr. %d)", d, 10 + (int)rn(20), k.nr);
		break;
	}
}

/* ---- a document ---- */

enum { B_HEAD, B_PARA };

struct block {
	int		 kind;
	char		*text;		/* clean text */
	char		*marked;	/* with endnote markers, DOCX only */
	struct vec	 notes;		/* their texts */
	int		 note0;		/* the first note's number */
};

struct doc {
	size_t		 index;
	int		 style;		/* 'A' PDF blank lines, 'B' PDF trailing
					 * spaces, 'C' DOCX */
	struct kst	 k;
	char		*title;
	struct block	*b;
	size_t		 nb, cap;
	int		 header;	/* a Kamer header block */
	int		 parts;
};

static const char *doctypes[] = { "Brief van de minister van Buitenlandse Zaken",
    "Brief van de minister van Defensie", "Verslag van een schriftelijk overleg",
    "Nota naar aanleiding van het verslag", "Kabinetsreactie",
    "Beleidsbrief", "Jaarverslag", "Verslag van een commissiedebat" };

static void
doc_add(struct doc *d, int kind, char *text, char *marked)
{
	struct block *b;

	if (d->nb == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->b = xrealloc(d->b, d->cap * sizeof *d->b);
	}
	b = &d->b[d->nb++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = text;
	b->marked = marked;
}

static void
doc_free(struct doc *d)
{
	size_t i, j;

	for (i = 0; i < d->nb; i++) {
		free(d->b[i].text);
		free(d->b[i].marked);
		for (j = 0; j < d->b[i].notes.n; j++)
			free(d->b[i].notes.v[j]);
		free(d->b[i].notes.v);
	}
	free(d->b);
	free(d->title);
	memset(d, 0, sizeof *d);
}

/* Builds the document's text: sections of paragraphs of sentences. */
static void
doc_build(struct doc *d, size_t target)
{
	size_t	bytes = 0, chap = 0, sub = 0, i, n;
	int	numbered = rn(10) < 6, note = 1;
	char	num[32];

	d->title = NULL;
	{
		struct sbuf t = { 0 };

		sb_printf(&t, "%s over %s", doctypes[rn(sizeof doctypes / sizeof doctypes[0])],
		    headings.v[rn(headings.n)]);
		d->title = t.s;
	}
	while (bytes < target) {
		struct sbuf	h = { 0 };
		size_t		paras;

		/* a heading: chapter or section */
		if (numbered) {
			if (chap == 0 || rn(3) == 0) {
				chap++;
				sub = 0;
				snprintf(num, sizeof num, "%zu.", chap);
			} else {
				sub++;
				snprintf(num, sizeof num, "%zu.%zu", chap, sub);
			}
			sb_printf(&h, "%s %s", num, headings.v[rn(headings.n)]);
		} else
			sb_str(&h, headings.v[rn(headings.n)]);
		bytes += h.len;
		doc_add(d, B_HEAD, h.s, NULL);
		paras = 1 + rn(7);
		for (i = 0; i < paras && bytes < target; i++) {
			struct sbuf	t = { 0 }, m = { 0 };
			struct block	*b;
			struct vec	nv = { 0 };
			int		n0 = note;

			n = 1 + rn(6);
			while (n-- > 0) {
				const char *s = sentences.v[rn(sentences.n)];
				size_t len = strlen(s);

				if (t.len > 0) {
					sb_add(&t, " ", 1);
					sb_add(&m, " ", 1);
				}
				if (rn(100) < 7) {
					/* a citation before the full stop */
					struct sbuf c = { 0 };

					cite_text(d->index, &c);
					sb_add(&t, s, len - 1);
					sb_add(&t, c.s, c.len);
					sb_add(&t, s + len - 1, 1);
					sb_add(&m, s, len - 1);
					sb_add(&m, c.s, c.len);
					sb_add(&m, s + len - 1, 1);
					free(c.s);
				} else {
					sb_add(&t, s, len);
					sb_add(&m, s, len);
				}
				if (d->style == 'C' && rn(100) < 6) {
					struct sbuf nt = { 0 };

					if (rn(2) == 0 || notes.n == 0) {
						cite_text(d->index, &nt);
						/* " (Kamerstuk …)" → "Kamerstuk …" */
						memmove(nt.s, nt.s + 2, nt.len - 1);
						nt.len -= 2;
						if (nt.len > 0 && nt.s[nt.len - 1] == ')')
							nt.s[--nt.len] = '\0';
						sb_add(&nt, ".", 1);
					} else
						sb_str(&nt, notes.v[rn(notes.n)]);
					sb_printf(&m, "[endnoteRef:%d]", note++);
					vec_push(&nv, nt.s);
				}
			}
			bytes += t.len;
			doc_add(d, B_PARA, t.s, m.s);
			b = &d->b[d->nb - 1];
			b->notes = nv;
			b->note0 = n0;
			for (n = 0; n < nv.n; n++)
				bytes += strlen(nv.v[n]);
		}
	}
}

/* ---- layout ---- */

struct out {
	FILE		*f;
	size_t		 bytes;
	int		 style;
	int		 width;
	int		 page, pline, plen;
	int		 footers;	/* percent of pages with a footer */
	const struct kst *k;
	int		 col;		/* characters on the current line */
	int		 lead;		/* the next line starts a page */
	struct sbuf	 line;
};

static int
u8len(const char *s, size_t n)
{
	int	c = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

static void
emit_raw(struct out *o, const char *s, size_t n)
{
	fwrite(s, 1, n, o->f);
	o->bytes += n;
}

static void
footer(struct out *o)
{
	char	k[64];

	kst_text(o->k, k, sizeof k);
	if ((int)rn(100) < o->footers) {
		char	f[160];
		int	n = snprintf(f, sizeof f, "Tweede Kamer, vergaderjaar %d\xe2\x80\x93%d, %s %d\n",
		    o->k->year, o->k->year + 1, k, o->page);

		emit_raw(o, f, (size_t)n);
	}
	o->page++;
	o->pline = 0;
	o->lead = 1;
}

/* Ends the current line; trail: a trailing space. */
static void
line_end(struct out *o, int trail)
{
	if (o->lead && o->line.len > 0) {
		emit_raw(o, " ", 1);
		o->lead = 0;
	}
	emit_raw(o, o->line.s ? o->line.s : "", o->line.len);
	if (trail)
		emit_raw(o, " ", 1);
	emit_raw(o, "\n", 1);
	o->line.len = 0;
	o->col = 0;
	if (o->style != 'C' && ++o->pline >= o->plen)
		footer(o);
}

static int
is_vowel(int c)
{
	return strchr("aeiouy", c) != NULL;
}

/* Where a word may break: a vowel, then a consonant and a vowel. Returns
 * the longest head of at most max bytes, 0 when none. */
static size_t
break_at(const char *w, size_t n, size_t max)
{
	size_t	k, best = 0, i;

	for (i = 0; i < n; i++)
		if (!islower((unsigned char)w[i]))
			return 0;
	for (k = 3; k + 3 <= n && k <= max; k++)
		if (is_vowel(w[k - 1]) && !is_vowel(w[k]) && is_vowel(w[k + 1]))
			best = k;
	return best;
}

/* Writes a paragraph wrapped to the width. */
static void
wrap(struct out *o, const char *text, int last_trail)
{
	const char	*s = text, *e;

	while (*s) {
		size_t	n;
		int	w;

		while (*s == ' ')
			s++;
		if (!*s)
			break;
		for (e = s; *e && *e != ' '; e++)
			;
		n = (size_t)(e - s);
		w = u8len(s, n);
		if (o->col > 0 && o->col + 1 + w > o->width) {
			int	room = o->width - o->col - 1;
			size_t	k = 0;
			const char *hy;

			/* a compound breaks after its hyphen ("OVSE-" /
			 * "presentie"); a long word inside ("aanbeve-" /
			 * "lingen"), in style B mostly without a hyphen */
			if (room >= 4 && (hy = memchr(s, '-', n)) != NULL &&
			    hy > s && (int)(hy - s) + 1 <= room && hy + 1 < e) {
				sb_add(&o->line, " ", 1);
				sb_add(&o->line, s, (size_t)(hy + 1 - s));
				line_end(o, 0);
				s = hy + 1;
				continue;
			}
			if (room >= 5 && n >= 8 && rn(2) == 0 &&
			    (k = break_at(s, n, (size_t)room - 1)) > 0) {
				sb_add(&o->line, " ", 1);
				sb_add(&o->line, s, k);
				if (o->style == 'A' || rn(4) == 0)
					sb_add(&o->line, "-", 1);
				line_end(o, 0);
				s += k;
				continue;
			}
			line_end(o, 1);
		}
		if (o->col > 0) {
			sb_add(&o->line, " ", 1);
			o->col++;
		}
		sb_add(&o->line, s, n);
		o->col += w;
		s = e;
	}
	if (o->line.len > 0)
		line_end(o, last_trail);
}

/* An empty field is a space: the sqlite3 shell's ascii import (3.40) drops
 * a record that starts with an empty field; the tokenizer ignores spaces. */
static void
write_base(FILE *base, const char *head, const char *body)
{
	fprintf(base, "%s\x1f%s\x1e", *head ? head : " ", *body ? body : " ");
}

static const char *months[] = { "januari", "februari", "maart", "april",
    "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december" };

/* Writes blocks [from, to) of d into path. Returns bytes written. */
static size_t
write_part(struct doc *d, const char *path, size_t from, size_t to,
    int *page, FILE *base, int first)
{
	struct out	o;
	size_t		i, j;
	char		k[64];

	memset(&o, 0, sizeof o);
	if ((o.f = fopen(path, "w")) == NULL) {
		perror(path);
		exit(1);
	}
	o.style = d->style;
	o.width = 70 + (int)rn(12);
	o.plen = 42 + (int)rn(8);
	o.page = *page;
	o.footers = 50 + (int)rn(50);
	o.k = &d->k;
	o.lead = 0;	/* page 1 may start with a space too, as in the real ones */
	if (o.style != 'C' && rn(2) == 0)
		emit_raw(&o, " ", 1);
	kst_text(&d->k, k, sizeof k);
	if (first) {
		if (d->header) {
			char dd[16], h[512];
			int n;

			spaced(d->k.dossier, dd, sizeof dd);
			n = snprintf(h, sizeof h, "Tweede Kamer der Staten-Generaal\n%d\n\n"
			    "Vergaderjaar %d\xe2\x80\x93%d\n\n%s%s%s\n%s\n\nNr. %d\n%s\n\n",
			    1 + (int)rn(2), d->k.year, d->k.year + 1, dd,
			    d->k.suffix[0] ? " " : "", d->k.suffix,
			    headings.v[(d->index * 7) % headings.n], d->k.nr,
			    "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN");
			emit_raw(&o, h, (size_t)n);
			n = snprintf(h, sizeof h, "Aan de Voorzitter van de Tweede Kamer"
			    " der Staten-Generaal\n\nDen Haag, %d %s %d\n\n", 1 + (int)rn(28),
			    months[rn(12)], d->k.year + 1);
			emit_raw(&o, h, (size_t)n);
			o.pline = 12;
			write_base(base, "", d->title);
		} else {
			emit_raw(&o, d->title, strlen(d->title));
			emit_raw(&o, o.style == 'C' ? "\n" : " \n", o.style == 'C' ? 1 : 2);
			if (o.style != 'B')
				emit_raw(&o, "\n", 1);
			write_base(base, d->title, "");
		}
	}
	for (i = from; i < to; i++) {
		struct block *b = &d->b[i];

		if (b->kind == B_HEAD)
			write_base(base, b->text, "");
		else {
			write_base(base, "", b->text);
			for (j = 0; j < b->notes.n; j++)
				write_base(base, "", b->notes.v[j]);
		}
		switch (o.style) {
		case 'A':
			if (b->kind == B_HEAD) {
				wrap(&o, b->text, 1);
				emit_raw(&o, "\n", 1);
				if (++o.pline >= o.plen)
					footer(&o);
			} else {
				wrap(&o, b->text, 1);
				emit_raw(&o, "\n", 1);
				if (++o.pline >= o.plen)
					footer(&o);
			}
			break;
		case 'B':
			wrap(&o, b->text, 0);
			break;
		default:
			if (b->kind == B_PARA && rn(10) == 0) {
				char bm[64];
				int n = snprintf(bm, sizeof bm, "[bookmark: _Hlk%09d]",
				    (int)rn(1000000000));

				emit_raw(&o, bm, (size_t)n);
			}
			if (b->kind == B_HEAD) {
				emit_raw(&o, b->text, strlen(b->text));
				emit_raw(&o, rn(3) == 0 ? " \n" : "\n", 2 - (rn(1) == 0));
			} else {
				emit_raw(&o, b->marked, strlen(b->marked));
				for (j = 0; j < b->notes.n; j++) {
					char nn[32];
					int n = snprintf(nn, sizeof nn, "  [%d:  ",
					    b->note0 + (int)j);

					emit_raw(&o, nn, (size_t)n);
					emit_raw(&o, b->notes.v[j], strlen(b->notes.v[j]));
					emit_raw(&o, "]", 1);
				}
				emit_raw(&o, " \n", 2);
			}
			if (rn(3) != 0)
				emit_raw(&o, "\n", 1);
			break;
		}
	}
	if (o.style != 'C') {
		o.line.len = 0;
		footer(&o);
	}
	*page = o.page;
	free(o.line.s);
	fclose(o.f);
	return o.bytes;
}

static size_t
doc_target(size_t i)
{
	if (i == 0)
		return 2 * 1000 * 1000;
	if (i % 500 == 250)
		return 10 * 1000 * 1000;
	/* log-uniform, 8 kB to 400 kB: about 100 kB on average */
	return (size_t)(8000.0 * exp(ru() * log(50.0)));
}

static void
seed_doc(uint64_t seed, size_t i)
{
	rs = mix(seed ^ mix(i + 1));
}

static size_t
gen_doc(uint64_t seed, size_t i, const char *dir, FILE *base)
{
	struct doc	d;
	size_t		target, bytes = 0, half;
	char		path[4096], stem[64];
	int		page = 1, r;
	uint64_t	h;

	seed_doc(seed, i);
	memset(&d, 0, sizeof d);
	d.index = i;
	target = doc_target(i);
	if (i == 0)
		d.style = 'A';
	else if (i % 500 == 250)
		d.style = "ABC"[(i / 500) % 3];
	else {
		r = (int)rn(100);
		d.style = r < 45 ? 'A' : r < 70 ? 'B' : 'C';
	}
	kst_of(i, &d.k);
	d.header = d.style == 'A' && rn(2) == 0;
	d.parts = d.style != 'C' && i % 20 == 7 ? 2 : 1;
	h = rnd();
	snprintf(stem, sizeof stem, "%06zu_%016llx", i, (unsigned long long)h);
	doc_build(&d, target);
	if (d.parts == 2) {
		half = d.nb / 2;
		snprintf(path, sizeof path, "%s/%s-1.txt", dir, stem);
		bytes += write_part(&d, path, 0, half, &page, base, 1);
		printf("%zu\t%s\t%zu\t%c\n", i, path, bytes, d.style);
		snprintf(path, sizeof path, "%s/%s-2.txt", dir, stem);
		half = write_part(&d, path, half, d.nb, &page, base, 0);
		bytes += half;
		printf("%zu\t%s\t%zu\t%c\n", i, path, half, d.style);
	} else {
		snprintf(path, sizeof path, "%s/%s.txt", dir, stem);
		bytes = write_part(&d, path, 0, d.nb, &page, base, 1);
		printf("%zu\t%s\t%zu\t%c\n", i, path, bytes, d.style);
		/* DOCX text has no footers: a sidecar names most of them */
		if (d.style == 'C' && i % 10 < 7) {
			FILE	*m;
			char	 k[64];

			snprintf(path, sizeof path, "%s/%s.meta", dir, stem);
			if ((m = fopen(path, "w")) == NULL) {
				perror(path);
				exit(1);
			}
			kst_text(&d.k, k, sizeof k);
			fprintf(m, "kamerstuk: %s\ntype: brief\n", k);
			fclose(m);
		}
	}
	doc_free(&d);
	return bytes;
}

/* ---- queries ---- */

struct word {
	char	*w;
	size_t	 n;
};

static int
word_cmp(const void *a, const void *b)
{
	const struct word *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->w, y->w);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The words of the sentences, lower case, with their counts, commonest
 * first. Only words of letters (ASCII or not). */
static struct word *
vocabulary(size_t *nw)
{
	struct vec	all = { 0 };
	struct word	*w = NULL;
	size_t		i, n = 0;

	for (i = 0; i < sentences.n; i++) {
		const char *s = sentences.v[i], *p;

		while (*s) {
			for (p = s; *p && (isalpha((unsigned char)*p) ||
			    (unsigned char)*p >= 0x80); p++)
				;
			if (p - s >= 3) {
				char *t = xstrndup(s, (size_t)(p - s));
				size_t k;
				int ok = 1;

				for (k = 0; t[k]; k++) {
					if ((unsigned char)t[k] >= 0x80 &&
					    ((unsigned char)t[k] == 0xe2 || (unsigned char)t[k] == 0xc2))
						ok = 0;	/* quotes, dashes */
					t[k] = (char)tolower((unsigned char)t[k]);
				}
				if (ok)
					vec_push(&all, t);
				else
					free(t);
			}
			s = *p ? p + 1 : p;
		}
	}
	qsort(all.v, all.n, sizeof *all.v, str_cmp);
	for (i = 0; i < all.n; i++) {
		if (n > 0 && strcmp(w[n - 1].w, all.v[i]) == 0) {
			w[n - 1].n++;
			free(all.v[i]);
			continue;
		}
		w = xrealloc(w, (n + 1) * sizeof *w);
		w[n].w = all.v[i];
		w[n].n = 1;
		n++;
	}
	free(all.v);
	qsort(w, n, sizeof *w, word_cmp);
	*nw = n;
	return w;
}

static int
ascii_word(const char *s)
{
	for (; *s; s++)
		if (!islower((unsigned char)*s))
			return 0;
	return 1;
}

/* A phrase of two or three words from a sentence, letters only. */
static int
phrase(char *out, size_t len)
{
	const char	*s = sentences.v[rn(sentences.n)];
	char		 words[3][64];
	size_t		 nw = 0, want = 2 + rn(2), k;
	const char	*p = s;

	/* start at a random word */
	for (k = rn(8); k > 0 && (p = strchr(p, ' ')) != NULL; k--)
		p++;
	if (p == NULL)
		return -1;
	while (*p && nw < want) {
		const char *e = p;

		while (*e && *e != ' ')
			e++;
		if (e - p < 2 || (size_t)(e - p) >= sizeof words[0])
			return -1;
		for (k = 0; p + k < e; k++)
			if (!islower((unsigned char)p[k]))
				return -1;
		snprintf(words[nw++], sizeof words[0], "%.*s", (int)(e - p), p);
		p = *e ? e + 1 : e;
	}
	if (nw < want)
		return -1;
	out[0] = '\0';
	for (k = 0; k < nw; k++)
		snprintf(out + strlen(out), len - strlen(out), "%s%s", k ? " " : "",
		    words[k]);
	return 0;
}

static void
queries(size_t want, size_t ndocs)
{
	struct word	*w;
	size_t		 nw, q = 0, i, guard = 0;
	char		 a[256], b[256];

	w = vocabulary(&nw);
	rs = mix(0xbe4c4);
	while (q < want && guard++ < want * 100) {
		size_t	kind = q * 10 / want;	/* an even mix, in order */
		size_t	x;

		switch (kind) {
		case 0:	/* common words */
		case 1:
			x = rn(nw < 40 ? nw : 40);
			printf("common\t%s\t%s\n", w[x].w, w[x].w);
			break;
		case 2:	/* middling */
			x = 200 + rn(nw > 1200 ? 1000 : 1);
			if (x >= nw || !ascii_word(w[x].w))
				continue;
			printf("word\t%s\t%s\n", w[x].w, w[x].w);
			break;
		case 3:	/* rare: a word of the source seen once, or a member */
			if (rn(2) == 0) {
				x = nw / 2 + rn(nw / 2);
				if (w[x].n != 1 || !ascii_word(w[x].w) || strlen(w[x].w) < 6)
					continue;
				printf("rare\t%s\t%s\n", w[x].w, w[x].w);
			} else {
				name_of(2000 + rn(NNAMES - 2000), a, sizeof a);
				for (i = 0; a[i]; i++)
					a[i] = (char)tolower((unsigned char)a[i]);
				printf("rare\t%s\t%s\n", a, a);
			}
			break;
		case 4:	/* phrases */
		case 5:
			if (phrase(a, sizeof a) == -1)
				continue;
			printf("phrase\t\"%s\"\t%s\n", a, a);
			break;
		case 6:	/* prefixes */
			x = 50 + rn(nw > 600 ? 500 : 1);
			if (x >= nw || !ascii_word(w[x].w) || strlen(w[x].w) < 7)
				continue;
			snprintf(a, sizeof a, "%.*s", 4 + (int)rn(3), w[x].w);
			printf("prefix\t%s*\t%s\n", a, a);
			break;
		case 7:	/* two words, AND */
		case 8:
			x = rn(nw > 800 ? 800 : nw);
			i = rn(nw > 800 ? 800 : nw);
			if (x == i || !ascii_word(w[x].w) || !ascii_word(w[i].w) ||
			    strlen(w[x].w) < 5 || strlen(w[i].w) < 5)
				continue;
			printf("and\t%s %s\t%s.*%s|%s.*%s\n", w[x].w, w[i].w, w[x].w,
			    w[i].w, w[i].w, w[x].w);
			break;
		default: {	/* Kamerstuk ids */
			struct kst k;

			kst_of(rn(ndocs ? ndocs : 1), &k);
			spaced(k.dossier, a, sizeof a);
			if (rn(2) == 0) {
				printf("kamerstuk\t\"%s\"\t%s\n", a, a);
			} else {
				snprintf(b, sizeof b, "%s nr %d", a, k.nr);
				printf("kamerstuk\t\"%s\"\t%s, nr\\. %d\n", b, a, k.nr);
			}
			break;
		}
		}
		q++;
	}
	for (i = 0; i < nw; i++)
		free(w[i].w);
	free(w);
}

int
main(int argc, char **argv)
{
	uint64_t	 seed = 20240611;
	const char	*dir = NULL, *basepath = NULL;
	size_t		 first = 0, target = 0, nq = 0, ndocs = 1, i, bytes = 0;
	FILE		*base;
	int		 c;

	while ((c = getopt(argc, argv, "s:o:b:f:t:Q:n:")) != -1) {
		switch (c) {
		case 's': seed = strtoull(optarg, NULL, 10); break;
		case 'o': dir = optarg; break;
		case 'b': basepath = optarg; break;
		case 'f': first = strtoul(optarg, NULL, 10); break;
		case 't': target = strtoul(optarg, NULL, 10); break;
		case 'Q': nq = strtoul(optarg, NULL, 10); break;
		case 'n': ndocs = strtoul(optarg, NULL, 10); break;
		default:
			fprintf(stderr, "usage: gen [-s SEED] -o DIR -b BASE -f FIRST"
			    " -t BYTES SRC...\n       gen [-s SEED] -Q N -n NDOCS SRC...\n");
			return 2;
		}
	}
	for (c = optind; c < argc; c++)
		read_source(argv[c]);
	if (sentences.n == 0 || headings.n == 0) {
		fprintf(stderr, "gen: no text in the sources\n");
		return 1;
	}
	if (nq > 0) {
		queries(nq, ndocs);
		return 0;
	}
	if (dir == NULL || basepath == NULL || target == 0) {
		fprintf(stderr, "gen: -o, -b and -t are needed\n");
		return 2;
	}
	if ((base = fopen(basepath, "w")) == NULL) {
		perror(basepath);
		return 1;
	}
	for (i = first; bytes < target; i++)
		bytes += gen_doc(seed, i, dir, base);
	fclose(base);
	printf("next\t%zu\t%zu\n", i, bytes);
	return 0;
}
