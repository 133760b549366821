/* xml.c: official-publication XML into a paper; what it reads and how it
 * stays safe is in xml.h.
 *
 * One pass over libxml2's streaming reader. A stack of frames, one per
 * open element, says where text goes: the paragraph being built, the note
 * being built, or a capture (a metadata field, a list marker, a heading's
 * number). Text is normalised as it arrives (text_normalise_line, with
 * spaces collapsed across the pieces), so the byte offsets of note markers
 * and extref spans taken while building stay valid; they are turned into
 * character offsets at the end. A paragraph is committed at the start and
 * end of every block element; inside a paragraph unknown elements are
 * inline, between paragraphs their text becomes paragraphs of its own. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlversion.h>
#include <unictype.h>
#include <unistr.h>

#include "buf.h"
#include "cite.h"
#include "load.h"
#include "paper.h"
#include "text.h"
#include "xml.h"
#include "xmllib.h"

#define ENTITY_MAX	1024	/* longest internal entity text kept */
#define ENTITY_TOTAL	(1024 * 1024) /* all entity text of a file kept */
#define SIG_MAX		80	/* longest line of a motion's signature block */

#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_error;
#else
typedef xmlErrorPtr xml_error;
#endif

enum el {
	EL_OTHER, EL_INLINE, EL_BR, EL_METADATA, EL_META, EL_KAMERSTUKKOP,
	EL_TEKSTREGEL, EL_DOSSIER, EL_DOSSIERNUMMER, EL_TITEL, EL_STUK,
	EL_STUKNR, EL_ONDERNUMMER, EL_DATUMTEKST, EL_DATUM, EL_AL, EL_ALGROEP,
	EL_KOP, EL_TUSSENKOP, EL_NR, EL_LABEL, EL_LIJST, EL_LI, EL_LINR,
	EL_TABLE, EL_ROW, EL_ENTRY, EL_NOOT, EL_NOOTNR, EL_NOOTREF, EL_EXTREF,
	EL_ONDERTEKENING
};

static const struct {
	const char	*name;
	enum el		 el;
} elements[] = {
	{ "al", EL_AL }, { "al-groep", EL_ALGROEP }, { "br", EL_BR },
	{ "datum", EL_DATUM }, { "datumtekst", EL_DATUMTEKST },
	{ "dossier", EL_DOSSIER }, { "dossiernummer", EL_DOSSIERNUMMER },
	{ "entry", EL_ENTRY }, { "extref", EL_EXTREF },
	{ "kamerstukkop", EL_KAMERSTUKKOP }, { "kop", EL_KOP },
	{ "label", EL_LABEL }, { "li", EL_LI }, { "li.nr", EL_LINR },
	{ "lijst", EL_LIJST }, { "meta", EL_META }, { "metadata", EL_METADATA },
	{ "noot", EL_NOOT }, { "noot.nr", EL_NOOTNR }, { "noot.ref", EL_NOOTREF },
	{ "nr", EL_NR }, { "ondernummer", EL_ONDERNUMMER },
	{ "ondertekening", EL_ONDERTEKENING }, { "row", EL_ROW },
	{ "stuk", EL_STUK }, { "stuknr", EL_STUKNR }, { "table", EL_TABLE },
	{ "td", EL_ENTRY }, { "tekstregel", EL_TEKSTREGEL }, { "th", EL_ENTRY },
	{ "title", EL_TITEL }, { "titel", EL_TITEL }, { "tr", EL_ROW },
	{ "tussenkop", EL_TUSSENKOP },
	/* known inline markup */
	{ "nadruk", EL_INLINE }, { "inf", EL_INLINE }, { "sup", EL_INLINE },
	{ "sub", EL_INLINE }, { "intref", EL_INLINE }, { "unl", EL_INLINE },
	{ "b", EL_INLINE }, { "i", EL_INLINE }, { "u", EL_INLINE },
	{ "em", EL_INLINE }, { "strong", EL_INLINE }, { "span", EL_INLINE },
	{ "a", EL_INLINE }, { "afkorting", EL_INLINE }, { "term", EL_INLINE },
};

/* Where text goes. */
enum { OUT_BODY, OUT_NOTE, OUT_CAP };

/* What a capture collects; CAP_DROP collects what is not kept. */
enum {
	CAP_DROP, CAP_VJ, CAP_KAMER, CAP_KAMERNR, CAP_DOSSIER, CAP_DTITLE,
	CAP_STUKNR, CAP_ONDERNR, CAP_TITLE, CAP_LINR, CAP_KOPNR, CAP_KOPLABEL,
	CAP_NOOTNR, NCAP
};

struct frame {
	enum el	 el;
	int	 out, cap;	/* where its text goes */
	int	 inpara;	/* inside a paragraph: unknown elements are inline */
	int	 group;		/* the al-groep it is in, 0 none */
	int	 has_kop;	/* a container whose <kop> was read */
	int	 n;		/* table: rows so far; row: cells; lijst: unmarked */
	int	 flag;		/* kop, tussenkop, table, lijst, li: began one;
				 * titel: a table's; ondertekening: in the body */
	int	 note;		/* noot: its note, -1 */
	int	 xr;		/* extref: its index, -1 */
	int	 indate;	/* inside <datumtekst> */
	int	 mixed;		/* had text of its own: elements in it are inline */
	int	 inl;		/* an unknown element taken as inline */
	char	 close[8];	/* lijst: what closes its numbers, "." */
};

/* A text being built. */
struct tb {
	struct buf	b;
	int		space;	/* a space is due before the next character */
	int		line;	/* source line of its first character */
	int		group;	/* al-groep of its first character */
};

/* A note marker in the paragraph being built. */
struct mk {
	size_t	pos;		/* bytes */
	int	note;
	int	ref;		/* a <noot.ref>: a second marker of the note */
};

/* A marker placed in a paragraph, bytes until the end. */
struct pmark {
	int	para;
	size_t	pos;
	int	note;
};

/* An <extref>. */
struct xr {
	int	 where;		/* OUT_BODY or OUT_NOTE */
	int	 para, note;	/* where it was placed; para -1: nowhere */
	int	 open;		/* its start waits for its first character */
	int	 ended;
	int	 placed;
	size_t	 start, end;	/* bytes in the paragraph or note */
	char	 id[64];
};

struct noteid {
	char	id[64];
	int	note;
};

struct x {
	struct xmllib	 lib;
	struct loaded	*l;
	struct paper	*p;
	xmlTextReaderPtr r;
	struct frame	*fr;
	size_t		 nfr, frcap;
	struct tb	 body, note, cap[NCAP];
	struct buf	 scratch;
	struct mk	*mk;
	size_t		 nmk, mkcap;
	struct pmark	*pm;
	size_t		 npm, pmcap;
	struct xr	*xr;
	size_t		 nxr, xrcap, xr0;	/* xr0: the first not yet placed */
	struct noteid	*nid;
	size_t		 nnid, nidcap;
	int		 line;		/* line of the element last started */
	int		 tdepth;	/* tables open in the body */
	int		 ldepth;	/* lists open in the body */
	int		 li_pending;	/* an item's marker waits for its text */
	int		 li_unmarked;	/* that item's list has no markers */
	char		 li_close[8];	/* what closes that list's numbers */
	int		 li_depth;
	int		 ngroups;
	int		 last_group;	/* al-groep of the last paragraph, 0 none */
	int		 orde;		/* the last paragraph closed a motion */
	int		 sig;		/* the signature paragraph open, -1 */
	int		 sign;		/* inside <ondertekening> */
	int		 heading;	/* a heading open: its level */
	int		 number_next;	/* the number of a note without <noot.nr> */
	size_t		 entity_bytes;	/* entity text kept so far */
	int		 oom;
	/* from <meta> and attributes */
	char		 date[12], date_any[12], issued[12];
	char		 dcid[64], record[64], type[32], m_vj[16];
	char		 m_dossier[40], m_nr[16], creator[64];
	char		*m_dtitle, *m_doctitle, *m_title;
	struct buf	 indieners;
	/* the error that stopped the reader */
	int		 errline, errlevel;
	char		 errmsg[200];
};

/* ---- small helpers ---- */

/* Copies s[0..n) into dst of size bytes, not cutting a character. */
static void
copy_utf8(char *dst, size_t size, const char *s, size_t n)
{
	if (size == 0)
		return;
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static void
set_str(char *dst, size_t size, const char *s)
{
	copy_utf8(dst, size, s, strlen(s));
}

static int
is_isodate(const char *s)
{
	int	i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	return s[10] == '\0' || s[10] == 'T' || s[10] == ' ';
}

static void
set_date(char dst[12], const char *s)
{
	if (dst[0] == '\0' && s != NULL && is_isodate(s))
		copy_utf8(dst, 12, s, 10);
}

static char *
attr(struct x *x, const char *name)
{
	return (char *)x->lib.attribute(x->r, (const xmlChar *)name);
}

static void
attr_free(struct x *x, char *s)
{
	if (s != NULL)
		(*x->lib.free)(s);
}


/* The id an extref or a metadata URL names: "kst-36045-4" as given, or
 * the last part of an officielebekendmakingen.nl address. "" when none. */
static void
doc_id(const char *s, char *id, size_t idlen)
{
	const char	*e, *b;
	size_t		 n, i;

	id[0] = '\0';
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	n = strlen(s);
	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		n--;
	if (memchr(s, '/', n) != NULL) {
		if (strstr(s, "officielebekendmakingen.nl/") == NULL)
			return;
		e = s + n;
		if (n > 13 && strncmp(e - 13, "/metadata.xml", 13) == 0)
			e -= 13;
		for (b = e; b > s && b[-1] != '/'; b--)
			;
		for (i = 0; b + i < e && b[i] != '.' && b[i] != '?' && b[i] != '#'; i++)
			;
		s = b;
		n = i;
	}
	if (n < 3 || n >= idlen || n >= 64)
		return;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_' &&
		    s[i] != '.')
			return;
	if (memchr(s, '-', n) == NULL || !islower((unsigned char)s[0]))
		return;
	memcpy(id, s, n);
	id[n] = '\0';
}

/* ---- errors and entities ---- */

static void
on_error(void *arg, xml_error e)
{
	struct x	*x = arg;
	size_t		 n;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	/* the last fatal error is the one that stopped the reader */
	if (x->errlevel == XML_ERR_FATAL && e->level != XML_ERR_FATAL)
		return;
	x->errlevel = e->level;
	x->errline = e->line;
	snprintf(x->errmsg, sizeof x->errmsg, "%s", e->message ? e->message : "error");
	n = strlen(x->errmsg);
	while (n > 0 && (x->errmsg[n - 1] == '\n' || x->errmsg[n - 1] == ' '))
		x->errmsg[--n] = '\0';
}

/* Refuses every external entity, DTD or schema, whatever asks for it. */
static xmlParserInputPtr
no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* ---- frames ---- */

static struct frame *
top(struct x *x)
{
	return &x->fr[x->nfr - 1];
}

static struct tb *
target(struct x *x, const struct frame *f)
{
	if (f->out == OUT_NOTE)
		return &x->note;
	if (f->out == OUT_CAP)
		return &x->cap[f->cap];
	return &x->body;
}

static enum el
lookup(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof elements / sizeof elements[0]; i++)
		if (strcmp(name, elements[i].name) == 0)
			return elements[i].el;
	return EL_OTHER;
}

/* ---- text ---- */

static void
tb_reset(struct tb *t)
{
	t->b.len = 0;
	if (t->b.s != NULL)
		t->b.s[0] = '\0';
	t->space = 0;
	t->line = 0;
	t->group = 0;
}

/* Appends a piece of text to t, normalised, with one space where the
 * pieces had space between them. */
static void
tb_text(struct x *x, struct tb *t, int out, const char *s, size_t n)
{
	int	lead, trail;
	size_t	i, m;
	char	*c;

	if (n == 0)
		return;
	x->scratch.len = 0;
	buf_add(&x->scratch, s, n);
	if (x->scratch.oom) {
		x->oom = 1;
		return;
	}
	c = x->scratch.s;
	for (i = 0; i < n; i++)
		if (c[i] == '\n' || c[i] == '\r')
			c[i] = ' ';
	m = text_normalise_line(c, n, &lead, &trail);
	if (m == 0) {
		t->space = 1;
		return;
	}
	if ((lead || t->space) && t->b.len > 0 && t->b.s[t->b.len - 1] != '\n')
		buf_addc(&t->b, ' ');
	t->space = trail;
	if (t->b.len == 0) {
		t->line = x->line;
		t->group = x->nfr > 0 ? top(x)->group : 0;
	}
	for (i = x->xr0; i < x->nxr; i++)
		if (x->xr[i].where == out && x->xr[i].open && !x->xr[i].placed) {
			x->xr[i].start = t->b.len;
			x->xr[i].open = 0;
		}
	buf_add(&t->b, c, m);
	if (t->b.oom)
		x->oom = 1;
}

/* Text put in as it is: table separators. */
static void
tb_raw(struct x *x, struct tb *t, const char *s, int space)
{
	if (t->b.len == 0 && s[0] == '\n')
		return;
	buf_adds(&t->b, s);
	t->space = space;
	if (t->b.oom)
		x->oom = 1;
}

static void
text(struct x *x, const char *s)
{
	struct frame	*f;

	if (x->nfr == 0 || s == NULL)
		return;
	f = top(x);
	if (s[strspn(s, " \t\r\n")] != '\0')
		f->mixed = 1;
	tb_text(x, target(x, f), f->out, s, strlen(s));
}

/* ---- paragraphs ---- */

static int
add_pmark(struct x *x, int para, size_t pos, int note)
{
	if (paper_grow((void **)&x->pm, &x->pmcap, x->npm, sizeof *x->pm) == -1)
		return -1;
	x->pm[x->npm].para = para;
	x->pm[x->npm].pos = pos;
	x->pm[x->npm].note = note;
	x->npm++;
	return 0;
}

/* Places the note markers and extrefs of the paragraph being built in
 * paragraph para, base bytes into its text. */
static int
place(struct x *x, int para, size_t base)
{
	struct paper	*p = x->p;
	size_t		 i;

	for (i = 0; i < x->nmk; i++) {
		struct note *n = &p->notes[x->mk[i].note];

		if (!x->mk[i].ref && n->para == -1) {
			n->para = para;
			n->pos = base + x->mk[i].pos;
		}
		if (add_pmark(x, para, base + x->mk[i].pos, x->mk[i].note) == -1)
			return -1;
	}
	x->nmk = 0;
	for (i = x->xr0; i < x->nxr; i++) {
		struct xr *r = &x->xr[i];

		if (r->where != OUT_BODY || r->placed)
			continue;
		if (r->open || !r->ended) {
			if (r->open)
				r->start = x->body.b.len;
			r->end = x->body.b.len;
			r->open = 0;
		}
		r->para = para;
		r->start += base;
		r->end += base;
		r->placed = 1;
	}
	while (x->xr0 < x->nxr && x->xr[x->xr0].placed)
		x->xr0++;
	return 0;
}

static int
has_pending_xr(struct x *x)
{
	size_t	i;

	for (i = x->xr0; i < x->nxr; i++)
		if (x->xr[i].where == OUT_BODY && !x->xr[i].placed)
			return 1;
	return 0;
}

/* A line of a motion's signature block: a name. */
static int
namelike(const char *s, size_t n)
{
	size_t	i, words = 1;

	if (n == 0 || n > SIG_MAX || strchr(";:,", s[n - 1]) != NULL ||
	    (isascii((unsigned char)s[0]) && !isalpha((unsigned char)s[0])))
		return 0;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			return 0;
		words += s[i] == ' ';
	}
	return words <= 6;
}

/* The paragraph before continues into this one: a line of an <al-groep>
 * broken in the middle of a sentence ("… om Israël op te" / "roepen …"). */
static const char *
continues(const char *prev, size_t plen, const char *s, size_t n)
{
	ucs4_t		 a, b, c = 0;
	const uint8_t	*e;

	if (plen == 0 || n == 0)
		return NULL;
	e = u8_prev(&a, (const uint8_t *)prev + plen, (const uint8_t *)prev);
	if (e == NULL || u8_mbtouc(&b, (const uint8_t *)s, n) <= 0 || !uc_is_lower(b))
		return NULL;
	if (uc_is_alnum(a))
		return " ";
	if (a == '-' && e > (const uint8_t *)prev &&
	    u8_prev(&c, e, (const uint8_t *)prev) != NULL && uc_is_alpha(c))
		return "";
	return NULL;
}

/* Commits the paragraph being built: as a heading of level heading with
 * number, else as a body paragraph, joined to the one before when it is
 * a line of the same signature block or of a broken sentence. */
static int
flush(struct x *x, int heading, const char *number)
{
	struct paper	*p = x->p;
	struct tb	*t = &x->body;
	struct para	*last = p->npara > 0 ? &p->paras[p->npara - 1] : NULL;
	char		 pre[64] = "", *ns;
	const char	*sep = NULL, *s = t->b.s;
	size_t		 n = t->b.len, base, plen;
	int		 idx, sig = 0, group = t->group, i;

	t->space = 0;
	if (x->oom)
		return -1;
	if (n == 0) {
		/* markers with no text: at the end of the paragraph before */
		int r = place(x, last ? (int)p->npara - 1 : -1, last ? last->len : 0);

		tb_reset(t);
		return r;
	}
	if (!heading && x->li_pending) {
		for (i = 1; i < x->li_depth && i < 8; i++)
			strcat(pre, "  ");
		if (x->cap[CAP_LINR].b.len > 0) {
			copy_utf8(pre + strlen(pre), sizeof pre - strlen(pre) - 9,
			    x->cap[CAP_LINR].b.s, x->cap[CAP_LINR].b.len);
			/* "a" in a list closed by "." is "a." */
			if (pre[0] != '\0' &&
			    isalnum((unsigned char)pre[strlen(pre) - 1]))
				strcat(pre, x->li_close);
		} else if (!x->li_unmarked)
			strcat(pre, "\xe2\x80\x93");
		if (pre[0] != '\0' && pre[strlen(pre) - 1] != ' ')
			strcat(pre, " ");
		x->li_pending = 0;
	}
	plen = strlen(pre);
	if (!heading && x->sign > 0)
		sig = 1;
	else if (!heading && x->orde && plen == 0 && x->tdepth == 0 &&
	    x->nmk == 0 && !has_pending_xr(x) && namelike(s, n))
		sig = 1;
	if (sig && x->sig >= 0 && x->sig == (int)p->npara - 1)
		sep = "\n";
	else if (!sig && !heading && plen == 0 && group != 0 &&
	    group == x->last_group && last != NULL && last->kind == PARA_BODY &&
	    !last->sig)
		sep = continues(last->text, last->len, s, n);
	if (sep != NULL) {
		idx = (int)p->npara - 1;
		base = last->len + strlen(sep) + plen;
		if ((ns = realloc(last->text, base + n + 1)) == NULL)
			return -1;
		last->text = ns;
		memcpy(ns + last->len, sep, strlen(sep));
		memcpy(ns + last->len + strlen(sep), pre, plen);
		memcpy(ns + base, s, n);
		last->len = base + n;
		ns[last->len] = '\0';
	} else {
		if ((ns = malloc(plen + n + 1)) == NULL)
			return -1;
		memcpy(ns, pre, plen);
		memcpy(ns + plen, s, n);
		idx = paper_add_para(p, ns, plen + n, t->line, 0);
		free(ns);
		if (idx == -1)
			return -1;
		base = plen;
		if (heading) {
			p->paras[idx].kind = PARA_HEADING;
			p->paras[idx].level = heading;
			set_str(p->paras[idx].number, sizeof p->paras[idx].number,
			    number ? number : "");
		}
		p->paras[idx].sig = sig;
	}
	if (place(x, idx, base) == -1)
		return -1;
	x->sig = sig ? idx : -1;
	if (!sig) {
		x->orde = !heading &&
		    strstr(p->paras[idx].text, "over tot de orde van de dag") != NULL;
		x->last_group = heading || plen > 0 || x->tdepth > 0 ? 0 : group;
	} else
		x->last_group = 0;
	tb_reset(t);
	return 0;
}

/* A block element starts or ends in the context of frame f: the body
 * paragraph so far is committed; elsewhere a space separates. */
static int
boundary(struct x *x, const struct frame *f)
{
	if (f->out == OUT_BODY && x->tdepth == 0 && !x->heading)
		return flush(x, 0, NULL);
	target(x, f)->space = 1;
	return 0;
}

/* ---- elements ---- */

static void
meta_element(struct x *x)
{
	char	*name = attr(x, "name"), *content = attr(x, "content");
	char	*scheme = attr(x, "scheme");

	if (name == NULL || content == NULL)
		goto done;
	if (strcmp(name, "DC.identifier") == 0)
		doc_id(content, x->dcid, sizeof x->dcid);
	else if (strcmp(name, "OVERHEIDop.externMetadataRecord") == 0)
		doc_id(content, x->record, sizeof x->record);
	else if (strcmp(name, "OVERHEIDop.indiener") == 0 && content[0] != '\0') {
		if (x->indieners.len > 0)
			buf_addc(&x->indieners, '\n');
		buf_adds(&x->indieners, content);
	} else if (strcmp(name, "DC.type") == 0 && scheme != NULL &&
	    strcmp(scheme, "OVERHEIDop.KamerstukTypen") == 0)
		set_str(x->type, sizeof x->type, content);
	else if (strcmp(name, "OVERHEIDop.vergaderjaar") == 0)
		set_str(x->m_vj, sizeof x->m_vj, content);
	else if (strcmp(name, "OVERHEIDop.dossiernummer") == 0 &&
	    x->m_dossier[0] == '\0')
		set_str(x->m_dossier, sizeof x->m_dossier, content);
	else if (strcmp(name, "OVERHEIDop.ondernummer") == 0)
		set_str(x->m_nr, sizeof x->m_nr, content);
	else if (strcmp(name, "OVERHEIDop.dossiertitel") == 0 &&
	    x->m_dtitle == NULL)
		x->m_dtitle = strdup(content);
	else if (strcmp(name, "OVERHEIDop.documenttitel") == 0 &&
	    x->m_doctitle == NULL)
		x->m_doctitle = strdup(content);
	else if (strcmp(name, "DC.title") == 0 && x->m_title == NULL)
		x->m_title = strdup(content);
	else if (strcmp(name, "DCTERMS.issued") == 0)
		set_date(x->issued, content);
	else if (strcmp(name, "DC.creator") == 0)
		set_str(x->creator, sizeof x->creator, content);
done:
	attr_free(x, name);
	attr_free(x, content);
	attr_free(x, scheme);
}

/* A capture of which the first occurrence counts: later ones are dropped. */
static int
cap_first(struct x *x, int cap)
{
	return x->cap[cap].b.len == 0 ? cap : CAP_DROP;
}

static int
el_start(struct x *x)
{
	const char	*name = (const char *)x->lib.local_name(x->r);
	struct frame	*par, *f;
	enum el		 el = lookup(name ? name : "");
	char		*a;
	int		 body, i;
	size_t		 k;

	x->line = (int)x->lib.node_line(x->lib.current_node(x->r));
	if (x->line <= 0)
		x->line = x->lib.parser_line(x->r);
	if (paper_grow((void **)&x->fr, &x->frcap, x->nfr + 1, sizeof *x->fr) == -1)
		return -1;
	par = x->nfr > 0 ? top(x) : NULL;
	f = &x->fr[x->nfr];
	if (par != NULL)
		*f = *par;
	else
		memset(f, 0, sizeof *f);
	f->el = el;
	f->has_kop = f->n = f->flag = f->mixed = f->inl = 0;
	f->note = f->xr = -1;
	x->nfr++;
	if (par == NULL)
		return 0;
	body = par->out == OUT_BODY;
	switch (el) {
	case EL_INLINE:
		break;
	case EL_BR:
		target(x, par)->space = 1;
		break;
	case EL_METADATA:
	case EL_KAMERSTUKKOP:
	case EL_DATUMTEKST:
	case EL_DOSSIER:
		if (boundary(x, par) == -1)
			return -1;
		f->out = OUT_CAP;
		f->cap = CAP_DROP;
		f->indate = el == EL_DATUMTEKST;
		break;
	case EL_META:
		meta_element(x);
		break;
	case EL_TEKSTREGEL:
		if (par->el != EL_KAMERSTUKKOP)
			goto other;
		f->cap = CAP_DROP;
		if ((a = attr(x, "inhoud")) != NULL) {
			if (strcmp(a, "vergaderjaar") == 0)
				f->cap = cap_first(x, CAP_VJ);
			else if (strcmp(a, "kameraanduiding") == 0)
				f->cap = cap_first(x, CAP_KAMER);
			else if (strcmp(a, "kamernummer") == 0)
				f->cap = cap_first(x, CAP_KAMERNR);
			attr_free(x, a);
		}
		break;
	case EL_DOSSIERNUMMER:
		if (par->el == EL_DOSSIER)
			f->cap = cap_first(x, CAP_DOSSIER);
		else
			goto other;
		break;
	case EL_STUKNR:
		if (boundary(x, par) == -1)
			return -1;
		f->out = OUT_CAP;
		f->cap = cap_first(x, CAP_STUKNR);
		break;
	case EL_ONDERNUMMER:
		if (par->el == EL_STUKNR)
			f->cap = cap_first(x, CAP_ONDERNR);
		break;
	case EL_DATUM:
		if ((a = attr(x, "isodatum")) != NULL) {
			set_date(par->indate ? x->date : x->date_any, a);
			attr_free(x, a);
		}
		break;
	case EL_TITEL:
		if (par->el == EL_DOSSIER)
			f->cap = cap_first(x, CAP_DTITLE);
		else if (par->el == EL_STUK && body) {
			if (boundary(x, par) == -1)
				return -1;
			f->out = OUT_CAP;
			f->cap = cap_first(x, CAP_TITLE);
		} else if (par->el == EL_KOP || par->el == EL_TUSSENKOP ||
		    par->inpara)
			break;
		else if (par->el == EL_TABLE && body && x->tdepth > 0) {
			f->flag = 1;	/* its own paragraph before the rows */
		} else {
			if (boundary(x, par) == -1)
				return -1;
			f->inpara = 1;
		}
		break;
	case EL_AL:
		if (boundary(x, par) == -1)
			return -1;
		f->inpara = 1;
		break;
	case EL_ALGROEP:
		if (boundary(x, par) == -1)
			return -1;
		f->group = ++x->ngroups;
		break;
	case EL_KOP:
	case EL_TUSSENKOP:
		if (!body || x->tdepth > 0 || x->heading || par->inpara) {
			target(x, par)->space = 1;
			break;
		}
		if (flush(x, 0, NULL) == -1)
			return -1;
		if (el == EL_KOP)
			par->has_kop = 1;
		for (k = 0, i = 0; k < x->nfr; k++)
			i += x->fr[k].has_kop;
		x->heading = el == EL_KOP ? i : i + 1;
		if (x->heading < 1)
			x->heading = 1;
		tb_reset(&x->cap[CAP_KOPNR]);
		tb_reset(&x->cap[CAP_KOPLABEL]);
		f->flag = 1;
		f->inpara = 1;
		break;
	case EL_NR:
	case EL_LABEL:
		if (par->el == EL_KOP && par->flag) {
			f->out = OUT_CAP;
			f->cap = el == EL_NR ? CAP_KOPNR : CAP_KOPLABEL;
		}
		break;
	case EL_LIJST:
		if (boundary(x, par) == -1)
			return -1;
		if (body && x->tdepth == 0 && !x->heading) {
			x->ldepth++;
			f->flag = 1;
			if ((a = attr(x, "type")) != NULL) {
				f->n = strcmp(a, "ongemarkeerd") == 0;
				attr_free(x, a);
			}
			f->close[0] = '\0';
			if ((a = attr(x, "nr-sluiting")) != NULL) {
				set_str(f->close, sizeof f->close, a);
				attr_free(x, a);
			}
		}
		break;
	case EL_LI:
		if (boundary(x, par) == -1)
			return -1;
		if (body && x->tdepth == 0 && par->el == EL_LIJST && par->flag) {
			x->li_pending = 1;
			x->li_unmarked = par->n;
			memcpy(x->li_close, par->close, sizeof x->li_close);
			x->li_depth = x->ldepth;
			tb_reset(&x->cap[CAP_LINR]);
			f->flag = 1;
		}
		break;
	case EL_LINR:
		if (body && par->el == EL_LI && par->flag) {
			f->out = OUT_CAP;
			f->cap = CAP_LINR;
		}
		break;
	case EL_TABLE:
		if (boundary(x, par) == -1)
			return -1;
		if (body && !x->heading) {
			x->tdepth++;
			f->flag = 1;
		}
		break;
	case EL_ROW:
		for (k = x->nfr - 1; k > 0 && x->fr[k - 1].el != EL_TABLE; k--)
			;
		if (body && x->tdepth > 0 && k > 0) {
			if (x->fr[k - 1].n++ > 0)
				tb_raw(x, &x->body, "\n", 0);
		} else
			target(x, par)->space = 1;
		break;
	case EL_ENTRY:
		if (body && x->tdepth > 0 && par->el == EL_ROW) {
			if (par->n++ > 0)
				tb_raw(x, &x->body, " |", 1);
		} else
			target(x, par)->space = 1;
		break;
	case EL_NOOT:
		if (par->out == OUT_NOTE)
			break;
		if ((i = paper_add_note(x->p, 0, NULL, 0)) == -1)
			return -1;
		f->note = i;
		if (par->out == OUT_BODY) {
			if (paper_grow((void **)&x->mk, &x->mkcap, x->nmk,
			    sizeof *x->mk) == -1)
				return -1;
			x->mk[x->nmk].pos = x->body.b.len;
			x->mk[x->nmk].note = i;
			x->mk[x->nmk].ref = 0;
			x->nmk++;
		}
		if ((a = attr(x, "id")) != NULL) {
			if (paper_grow((void **)&x->nid, &x->nidcap, x->nnid,
			    sizeof *x->nid) == -1) {
				attr_free(x, a);
				return -1;
			}
			set_str(x->nid[x->nnid].id, sizeof x->nid[x->nnid].id, a);
			x->nid[x->nnid++].note = i;
			attr_free(x, a);
		}
		tb_reset(&x->note);
		tb_reset(&x->cap[CAP_NOOTNR]);
		f->out = OUT_NOTE;
		f->inpara = 1;
		break;
	case EL_NOOTNR:
		if (par->el == EL_NOOT && par->note >= 0) {
			f->out = OUT_CAP;
			f->cap = CAP_NOOTNR;
		}
		break;
	case EL_NOOTREF:
		if (par->out != OUT_BODY || (a = attr(x, "refid")) == NULL)
			break;
		for (k = 0; k < x->nnid; k++)
			if (strcmp(x->nid[k].id, a) == 0)
				break;
		attr_free(x, a);
		if (k == x->nnid ||
		    paper_grow((void **)&x->mk, &x->mkcap, x->nmk, sizeof *x->mk) == -1)
			break;
		x->mk[x->nmk].pos = x->body.b.len;
		x->mk[x->nmk].note = x->nid[k].note;
		x->mk[x->nmk].ref = 1;
		x->nmk++;
		break;
	case EL_EXTREF:
		if (par->out == OUT_CAP || (a = attr(x, "doc")) == NULL)
			break;
		if (paper_grow((void **)&x->xr, &x->xrcap, x->nxr, sizeof *x->xr) == -1) {
			attr_free(x, a);
			return -1;
		}
		memset(&x->xr[x->nxr], 0, sizeof x->xr[x->nxr]);
		doc_id(a, x->xr[x->nxr].id, sizeof x->xr[x->nxr].id);
		attr_free(x, a);
		if (x->xr[x->nxr].id[0] == '\0')
			break;
		x->xr[x->nxr].where = par->out;
		x->xr[x->nxr].para = x->xr[x->nxr].note = -1;
		x->xr[x->nxr].open = 1;
		f->xr = (int)x->nxr++;
		break;
	case EL_ONDERTEKENING:
		if (boundary(x, par) == -1)
			return -1;
		if (body) {
			x->sign++;
			x->sig = -1;
		}
		f->flag = body;
		break;
	case EL_STUK:
	case EL_OTHER:
	other:
		/* in a paragraph, after text of its parent's own, or in such
		 * an element: inline */
		if ((par->mixed || par->inl) && el == EL_OTHER)
			f->inl = 1;
		if (body && x->tdepth == 0 && !f->inpara && !f->inl &&
		    !x->heading && flush(x, 0, NULL) == -1)
			return -1;
		break;
	}
	return x->oom ? -1 : 0;
}

/* Trims "Nr. " and spaces from a captured number. */
static void
number_from(char *dst, size_t size, const char *s)
{
	size_t	n;

	while (*s == ' ')
		s++;
	if (strncasecmp(s, "nr.", 3) == 0)
		s += 3;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	copy_utf8(dst, size, s, n);
}

static int
el_end(struct x *x)
{
	struct frame	 f, *par;
	struct tb	*t;
	char		 num[24], *title;
	size_t		 i;

	if (x->nfr == 0)
		return 0;
	f = *top(x);
	x->nfr--;
	if (x->nfr == 0)
		return flush(x, 0, NULL);
	par = top(x);
	switch (f.el) {
	case EL_METADATA:
	case EL_KAMERSTUKKOP:
	case EL_DATUMTEKST:
	case EL_DOSSIER:
	case EL_STUKNR:
	case EL_AL:
	case EL_ALGROEP:
		return boundary(x, par);
	case EL_LI:
		if (boundary(x, par) == -1)
			return -1;
		if (f.flag)
			x->li_pending = 0;
		return 0;
	case EL_TITEL:
		if (f.out == OUT_CAP && f.cap == CAP_TITLE)
			return boundary(x, par);
		if (f.flag)
			return flush(x, 0, NULL);	/* a table's title */
		if (f.inpara && !par->inpara)
			return boundary(x, par);
		return 0;
	case EL_KOP:
	case EL_TUSSENKOP:
		if (!f.flag) {
			target(x, par)->space = 1;
			return 0;
		}
		number_from(num, sizeof num, x->cap[CAP_KOPNR].b.len ?
		    x->cap[CAP_KOPNR].b.s : "");
		t = &x->body;
		if (t->b.len == 0) {
			/* no title: the label and number stand for it */
			if (x->cap[CAP_KOPLABEL].b.len > 0)
				tb_text(x, t, OUT_BODY, x->cap[CAP_KOPLABEL].b.s,
				    x->cap[CAP_KOPLABEL].b.len);
			if (x->cap[CAP_KOPNR].b.len > 0) {
				t->space = t->b.len > 0;
				tb_text(x, t, OUT_BODY, x->cap[CAP_KOPNR].b.s,
				    x->cap[CAP_KOPNR].b.len);
			}
		}
		i = (size_t)x->heading;
		x->heading = 0;
		return flush(x, (int)i, num);
	case EL_LIJST:
		if (f.flag)
			x->ldepth--;
		return boundary(x, par);
	case EL_LINR:
		if (f.out != OUT_CAP)
			target(x, par)->space = 1;
		return 0;
	case EL_TABLE:
		if (f.flag) {
			x->tdepth--;
			if (x->tdepth == 0)
				return flush(x, 0, NULL);
		}
		return boundary(x, par);
	case EL_ROW:
	case EL_ENTRY:
		if (!(par->out == OUT_BODY && x->tdepth > 0))
			target(x, par)->space = 1;
		return 0;
	case EL_NOOT:
		if (f.note < 0)
			return 0;
		t = &x->note;
		title = t->b.len > 0 ? strndup(t->b.s, t->b.len) : strdup("");
		if (title == NULL)
			return -1;
		x->p->notes[f.note].text = title;
		/* "*" and the like are numbered after the numbered ones */
		if (x->cap[CAP_NOOTNR].b.len > 0 &&
		    isdigit((unsigned char)x->cap[CAP_NOOTNR].b.s[0]))
			x->p->notes[f.note].number = atoi(x->cap[CAP_NOOTNR].b.s);
		else
			x->p->notes[f.note].number = -1;
		if (x->p->notes[f.note].number >= x->number_next)
			x->number_next = x->p->notes[f.note].number + 1;
		for (i = x->xr0; i < x->nxr; i++) {
			struct xr *r = &x->xr[i];

			if (r->where != OUT_NOTE || r->placed)
				continue;
			if (r->open)
				r->start = t->b.len;
			if (r->open || !r->ended)
				r->end = t->b.len;
			r->open = 0;
			r->note = f.note;
			r->placed = 1;
		}
		tb_reset(t);
		return 0;
	case EL_EXTREF:
		if (f.xr >= 0 && !x->xr[f.xr].placed) {
			struct xr *r = &x->xr[f.xr];

			t = r->where == OUT_NOTE ? &x->note : &x->body;
			r->end = t->b.len;
			if (r->open)
				r->start = r->end;
			r->open = 0;
			r->ended = 1;
		}
		return 0;
	case EL_ONDERTEKENING:
		if (boundary(x, par) == -1)
			return -1;
		if (f.flag) {
			x->sign--;
			x->sig = -1;
		}
		return 0;
	case EL_STUK:
	case EL_OTHER:
		if (f.out == OUT_BODY && x->tdepth == 0 && !f.inpara && !f.inl &&
		    !x->heading)
			return flush(x, 0, NULL);
		return 0;
	default:
		return 0;
	}
}

static void
entity(struct x *x)
{
	xmlNodePtr	 nd = x->lib.current_node(x->r);
	xmlEntityPtr	 e;
	const char	*s;

	/* an entity reference node points at its declaration */
	if (nd == NULL || (e = (xmlEntityPtr)nd->children) == NULL ||
	    e->type != XML_ENTITY_DECL || e->etype != XML_INTERNAL_GENERAL_ENTITY ||
	    e->content == NULL)
		return;
	s = (const char *)e->content;
	if (strlen(s) <= ENTITY_MAX && strpbrk(s, "<&") == NULL &&
	    x->entity_bytes + strlen(s) <= ENTITY_TOTAL) {
		x->entity_bytes += strlen(s);
		text(x, s);
	}
}

/* ---- the paper ---- */


/* Byte offsets of markers and notes into character offsets. */
static int
markers(struct x *x)
{
	struct paper	*p = x->p;
	size_t		 i;

	for (i = 0; i < p->nnotes; i++) {
		struct note *n = &p->notes[i];

		if (n->number < 0)
			n->number = x->number_next++;
		if (n->para < 0)
			continue;
		if (n->pos > p->paras[n->para].len)
			n->pos = p->paras[n->para].len;
		n->pos = u8_mbsnlen((const uint8_t *)p->paras[n->para].text, n->pos);
	}
	for (i = 0; i < x->npm; i++) {
		struct pmark	*m = &x->pm[i];
		struct para	*pa;
		struct marker	*v;

		if (m->para < 0)
			continue;
		pa = &p->paras[m->para];
		if ((v = realloc(pa->marks, (pa->nmarks + 1) * sizeof *v)) == NULL)
			return -1;
		pa->marks = v;
		if (m->pos > pa->len)
			m->pos = pa->len;
		v[pa->nmarks].pos = u8_mbsnlen((const uint8_t *)pa->text, m->pos);
		v[pa->nmarks].number = p->notes[m->note].number;
		pa->nmarks++;
	}
	return 0;
}

static enum cite_kind
kind_of(const char *id)
{
	static const struct {
		const char	*prefix;
		enum cite_kind	 kind;
	} kinds[] = {
		{ "kst-", CITE_KST }, { "h-", CITE_H }, { "ah-", CITE_AH },
		{ "blg-", CITE_BLG }, { "stcrt-", CITE_STCRT }, { "stb-", CITE_STB },
		{ "trb-", CITE_TRB }, { "kv-", CITE_KV }, { "dossier-", CITE_DOSSIER },
	};
	size_t	i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strncmp(id, kinds[i].prefix, strlen(kinds[i].prefix)) == 0)
			return kinds[i].kind;
	return CITE_OTHER;
}

static struct pcite *
new_cite(struct loaded *l)
{
	struct pcite	*v = realloc(l->cites, (l->ncites + 1) * sizeof *v);

	if (v == NULL)
		return NULL;
	l->cites = v;
	v = &l->cites[l->ncites++];
	memset(v, 0, sizeof *v);
	return v;
}

/* The citations of one text: its extrefs and the recogniser's hits that
 * overlap none of them, in order of position. */
static int
cites_of(struct x *x, const char *text, int para, int note, int recognise)
{
	struct loaded		*l = x->l;
	struct cite_list	 cl = { 0 }, one;
	struct pcite		*v;
	size_t			 len = strlen(text), i, k, h = 0;
	int			 rc = -1;

	if (recognise && cite_find_all(text, len, &cl) == -1)
		return -1;
	/* drop hits overlapping an extref; an extref takes the hit's label */
	for (i = 0; i < cl.n; i++)
		for (k = 0; k < x->nxr; k++) {
			struct xr *r = &x->xr[k];

			if (!r->placed || r->para != para || r->note != note ||
			    cl.v[i].end <= r->start || cl.v[i].start >= r->end)
				continue;
			cl.v[i].kind = (enum cite_kind)-1;
		}
	for (k = 0; k <= x->nxr; k++) {
		struct xr *r = k < x->nxr ? &x->xr[k] : NULL;

		if (r != NULL && (!r->placed || r->para != para || r->note != note))
			continue;
		/* the hits before this extref */
		for (; h < cl.n && (r == NULL || cl.v[h].start < r->start); h++) {
			if ((int)cl.v[h].kind == -1)
				continue;
			if ((v = new_cite(l)) == NULL)
				goto done;
			v->para = para;
			v->note = note;
			v->c = cl.v[h];
			v->start = u8_mbsnlen((const uint8_t *)text, cl.v[h].start);
			v->end = v->start + u8_mbsnlen((const uint8_t *)text +
			    cl.v[h].start, cl.v[h].end - cl.v[h].start);
		}
		if (r == NULL)
			break;
		if (r->end > len)
			r->end = len;
		if (r->start > r->end)
			r->start = r->end;
		if ((v = new_cite(l)) == NULL)
			goto done;
		v->para = para;
		v->note = note;
		v->markup = 1;
		v->c.start = r->start;
		v->c.end = r->end;
		v->c.kind = kind_of(r->id);
		set_str(v->c.id, sizeof v->c.id, r->id);
		/* display, dossier, number as the recogniser spells the id */
		memset(&one, 0, sizeof one);
		if (cite_find_all(r->id, strlen(r->id), &one) == -1)
			goto done;
		if (one.n == 1 && one.v[0].start == 0 &&
		    one.v[0].end == strlen(r->id)) {
			set_str(v->c.display, sizeof v->c.display, one.v[0].display);
			set_str(v->c.dossier, sizeof v->c.dossier, one.v[0].dossier);
			set_str(v->c.number, sizeof v->c.number, one.v[0].number);
			set_str(v->c.vergaderjaar, sizeof v->c.vergaderjaar,
			    one.v[0].vergaderjaar);
			v->c.chamber = one.v[0].chamber;
		} else
			copy_utf8(v->c.display, sizeof v->c.display,
			    text + r->start, r->end - r->start);
		cite_list_free(&one);
		for (i = 0; i < cl.n; i++)
			if (cl.v[i].end > r->start && cl.v[i].start < r->end &&
			    cl.v[i].label[0] != '\0') {
				set_str(v->c.label, sizeof v->c.label, cl.v[i].label);
				v->c.page = cl.v[i].page;
				break;
			}
		v->start = u8_mbsnlen((const uint8_t *)text, r->start);
		v->end = v->start + u8_mbsnlen((const uint8_t *)text + r->start,
		    r->end - r->start);
	}
	rc = 0;
done:
	cite_list_free(&cl);
	return rc;
}

static void
vergaderjaar(char dst[12], const char *s)
{
	char	d[16];
	size_t	n = 0;
	int	y;

	for (; *s && n < sizeof d - 1; s++)
		if (isdigit((unsigned char)*s))
			d[n++] = *s;
	d[n] = '\0';
	if (n == 8)
		snprintf(dst, 12, "%.4s-%.4s", d, d + 4);
	else if (n == 6) {	/* "2023/24" */
		y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
		    d[3] - '0';
		snprintf(dst, 12, "%04d-%04d", y % 10000, (y + 1) % 10000);
	}
}

/* A captured field, its spaces collapsed: "21 501-20", "36 410 V". */
static const char *
cap_text(struct x *x, int cap)
{
	struct tb	*t = &x->cap[cap];

	return t->b.len > 0 ? t->b.s : "";
}


static int
meta(struct x *x)
{
	struct paper	*p = x->p;
	struct meta	*m = &p->meta;
	struct buf	 sig = { 0 };
	char		 want[96], id[128], stem[256];
	const char	*s, *e;
	size_t		 i, n;

	vergaderjaar(m->vergaderjaar, cap_text(x, CAP_VJ));
	if (m->vergaderjaar[0] == '\0')
		vergaderjaar(m->vergaderjaar, x->m_vj);
	s = cap_text(x, CAP_KAMER);
	if (strstr(s, "Eerste") != NULL)
		m->chamber = 'E';
	else if (strstr(s, "Tweede") != NULL)
		m->chamber = 'T';
	else if (strcmp(cap_text(x, CAP_KAMERNR), "1") == 0)
		m->chamber = 'E';
	else if (strcmp(cap_text(x, CAP_KAMERNR), "2") == 0)
		m->chamber = 'T';
	else if (strstr(x->creator, "Eerste Kamer") != NULL)
		m->chamber = 'E';
	else if (strstr(x->creator, "Tweede Kamer") != NULL)
		m->chamber = 'T';
	set_str(m->dossier, sizeof m->dossier, *cap_text(x, CAP_DOSSIER) ?
	    cap_text(x, CAP_DOSSIER) : x->m_dossier);
	set_str(m->dossier_title, sizeof m->dossier_title,
	    *cap_text(x, CAP_DTITLE) ? cap_text(x, CAP_DTITLE) :
	    x->m_dtitle ? x->m_dtitle : "");
	number_from(m->number, sizeof m->number, *cap_text(x, CAP_ONDERNR) ?
	    cap_text(x, CAP_ONDERNR) : *cap_text(x, CAP_STUKNR) ?
	    cap_text(x, CAP_STUKNR) : x->m_nr);
	memcpy(m->date, x->date[0] ? x->date : x->date_any[0] ? x->date_any :
	    x->issued, sizeof m->date);
	set_str(m->type, sizeof m->type, x->type);

	/* the id: the Kamerstuk as meta_finish spells it */
	if (m->dossier[0] != '\0' && m->number[0] != '\0') {
		snprintf(want, sizeof want, "%s, nr. %s", m->dossier, m->number);
		if (cite_parse_id(want, id, sizeof id) == 0) {
			set_str(m->kstid, sizeof m->kstid, id);
			set_str(m->kamerstuk, sizeof m->kamerstuk, want);
		}
	}
	s = x->dcid[0] ? x->dcid : x->record;
	if (m->kstid[0] == '\0' && strncmp(s, "kst-", 4) == 0 &&
	    cite_parse_id(s, id, sizeof id) == 0) {
		struct cite_list cl = { 0 };

		set_str(m->kstid, sizeof m->kstid, id);
		if (cite_find_all(id, strlen(id), &cl) == 0 && cl.n == 1)
			set_str(m->kamerstuk, sizeof m->kamerstuk, cl.v[0].display);
		cite_list_free(&cl);
	}
	if (m->kstid[0] != '\0')
		set_str(m->id, sizeof m->id, m->kstid);
	else if (s[0] != '\0')
		set_str(m->id, sizeof m->id, s);
	else {
		/* the stem without its ".xml" */
		set_str(stem, sizeof stem, p->stem);
		n = strlen(stem);
		if (n > 4 && strcasecmp(stem + n - 4, ".xml") == 0)
			stem[n - 4] = '\0';
		set_str(m->id, sizeof m->id, stem);
	}

	/* signatories: the lines of signature blocks not ending in ',' */
	for (i = 0; i < p->npara; i++) {
		if (!p->paras[i].sig)
			continue;
		for (s = p->paras[i].text; *s; s = *e ? e + 1 : e) {
			e = s + strcspn(s, "\n");
			n = (size_t)(e - s);
			if (n == 0 || s[n - 1] == ',')
				continue;
			if (sig.len > 0)
				buf_addc(&sig, '\n');
			buf_add(&sig, s, n);
		}
	}
	if (sig.len == 0 && x->indieners.len > 0)
		buf_add(&sig, x->indieners.s, x->indieners.len);
	free(m->signatories);
	m->signatories = sig.len > 0 ? buf_take(&sig) : NULL;
	buf_free(&sig);

	free(m->title);
	m->title = NULL;
	if (*cap_text(x, CAP_TITLE))
		m->title = strdup(cap_text(x, CAP_TITLE));
	else if (x->m_doctitle != NULL && x->m_doctitle[0] != '\0')
		m->title = strdup(x->m_doctitle);
	else if (x->m_title != NULL && x->m_title[0] != '\0')
		m->title = strdup(x->m_title);
	else {
		for (i = 0; i < p->npara && m->title == NULL; i++)
			if (p->paras[i].kind == PARA_BODY && !p->paras[i].sig)
				m->title = meta_derive_title(p->paras[i].text);
		if (m->title == NULL)
			m->title = strdup(m->kamerstuk[0] ? m->kamerstuk : m->id);
	}
	return m->title == NULL ? -1 : 0;
}

static int
finish(struct x *x)
{
	struct paper	*p = x->p;
	size_t		 i;

	if (flush(x, 0, NULL) == -1 || markers(x) == -1 || heading_sections(p) == -1 ||
	    meta(x) == -1)
		return -1;
	for (i = 0; i < p->npara; i++)
		if (cites_of(x, p->paras[i].text, (int)i, -1,
		    p->paras[i].kind == PARA_BODY) == -1)
			return -1;
	for (i = 0; i < p->nnotes; i++) {
		/* a note's extrefs were placed with para -1: its marker's now */
		size_t k;

		for (k = 0; k < x->nxr; k++)
			if (x->xr[k].placed && x->xr[k].note == (int)i)
				x->xr[k].para = p->notes[i].para;
		if (cites_of(x, p->notes[i].text, p->notes[i].para, (int)i, 1) == -1)
			return -1;
	}
	return 0;
}

/* ---- entry points ---- */

int
xml_want(const char *path, const unsigned char *raw, size_t len)
{
	size_t	n = strlen(path), i = 0;

	if (n > 4 && strcasecmp(path + n - 4, ".xml") == 0)
		return 1;
	if (len >= 3 && raw[0] == 0xef && raw[1] == 0xbb && raw[2] == 0xbf)
		i = 3;
	while (i < len && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' ||
	    raw[i] == '\n'))
		i++;
	return (len - i >= 5 && memcmp(raw + i, "<?xml", 5) == 0) ||
	    (len - i >= 21 && memcmp(raw + i, "<officiele-publicatie", 21) == 0);
}

static const char *
encoding_name(const char *e)
{
	static const char *known[] = { "utf-8", "utf-16", "utf-16le",
	    "utf-16be", "iso-8859-1", "iso-8859-15", "windows-1252", "us-ascii" };
	size_t	i;

	if (e == NULL)
		return "utf-8";
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcasecmp(e, known[i]) == 0)
			return known[i];
	return "other";
}

int
xml_parse(const char *path, const unsigned char *raw, size_t len,
    struct loaded *l, char *err, size_t errlen)
{
	struct x	 x;
	size_t		 i;
	int		 rc = -1, r;

	memset(&x, 0, sizeof x);
	x.l = l;
	x.p = &l->paper;
	x.sig = -1;
	x.number_next = 1;
	l->xml = 1;
	l->encoding = "utf-8";
	if (len > INT_MAX) {
		snprintf(err, errlen, "file too large");
		return -1;
	}
	if (xmllib_open(&x.lib, err, errlen) == -1)
		return -1;
	x.lib.set_entity_loader(no_external);
	/* no XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_HUGE */
	x.r = x.lib.reader_for_memory((const char *)raw, (int)len, path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_NOCDATA);
	if (x.r == NULL) {
		snprintf(err, errlen, "out of memory");
		xmllib_close(&x.lib);
		return -1;
	}
	x.lib.set_error_handler(x.r, on_error, &x);
	while ((r = x.lib.read(x.r)) == 1) {
		int empty;

		switch (x.lib.node_type(x.r)) {
		case XML_READER_TYPE_ELEMENT:
			empty = x.lib.is_empty(x.r);
			if (el_start(&x) == -1 || (empty && el_end(&x) == -1))
				x.oom = 1;
			break;
		case XML_READER_TYPE_END_ELEMENT:
			if (el_end(&x) == -1)
				x.oom = 1;
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			text(&x, (const char *)x.lib.value(x.r));
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
			entity(&x);
			break;
		default:
			break;
		}
		if (x.oom)
			break;
	}
	if (x.oom) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	if (r == -1 || x.errlevel == XML_ERR_FATAL) {
		if (x.errline <= 0)
			x.errline = x.lib.parser_line(x.r);
		snprintf(err, errlen, "malformed XML at line %d: %s", x.errline,
		    x.errmsg[0] ? x.errmsg : "cannot be read");
		goto done;
	}
	l->encoding = encoding_name((const char *)x.lib.encoding(x.r));
	l->converted = strcmp(l->encoding, "utf-8") != 0 &&
	    strcmp(l->encoding, "us-ascii") != 0;
	if (finish(&x) == -1) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	if (x.p->npara == 0 && x.p->nnotes == 0) {
		snprintf(err, errlen, "no text in it");
		goto done;
	}
	rc = 0;
done:
	x.lib.free_reader(x.r);
	xmllib_close(&x.lib);
	free(x.fr);
	buf_free(&x.body.b);
	buf_free(&x.note.b);
	for (i = 0; i < NCAP; i++)
		buf_free(&x.cap[i].b);
	buf_free(&x.scratch);
	buf_free(&x.indieners);
	free(x.mk);
	free(x.pm);
	free(x.xr);
	free(x.nid);
	free(x.m_dtitle);
	free(x.m_doctitle);
	free(x.m_title);
	return rc;
}
