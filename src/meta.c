/* meta.c: a paper's metadata: the Kamer header block and colophon of
 * official papers, dates, the title, signatories, and the NAME.meta sidecar
 * that overrides what was detected. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cite.h"
#include "meta.h"
#include "page.h"
#include "paper.h"

static const char *months[] = { "januari", "februari", "maart", "april",
    "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december" };

size_t
date_parse(const char *s, size_t len, char out[12])
{
	size_t	i = 0, j, m;
	int	day, year;

	for (day = 0; i < len && i < 2 && isdigit((unsigned char)s[i]); i++)
		day = day * 10 + s[i] - '0';
	if (i == 0 || day < 1 || day > 31 || i >= len || s[i] != ' ')
		return 0;
	i++;
	for (m = 0; m < 12; m++) {
		j = strlen(months[m]);
		if (i + j < len && strncasecmp(s + i, months[m], j) == 0 &&
		    s[i + j] == ' ')
			break;
	}
	if (m == 12)
		return 0;
	i += j + 1;
	for (year = 0, j = 0; i < len && j < 4 && isdigit((unsigned char)s[i]);
	    i++, j++)
		year = year * 10 + s[i] - '0';
	if (j != 4 || (i < len && isdigit((unsigned char)s[i])))
		return 0;
	snprintf(out, 12, "%04d-%02d-%02d", year % 10000, (int)m + 1, day);
	return i;
}

int
date_line(const char *s, size_t len, char out[12])
{
	const char	*comma;
	size_t		 n;

	if ((n = date_parse(s, len, out)) != 0)
		return n == len;
	/* "Den Haag, 8 maart 2022": a place of a few words, a comma, a date */
	if ((comma = memchr(s, ',', len)) == NULL || comma - s > 30 ||
	    comma + 2 > s + len || comma[1] != ' ')
		return 0;
	if (!isupper((unsigned char)s[0]) && s[0] != '\'' &&
	    (unsigned char)s[0] != 0xe2)
		return 0;
	n = date_parse(comma + 2, len - (size_t)(comma + 2 - s), out);
	return n != 0 && comma + 2 + n == s + len;
}

static int
line_is(const struct line *l, const char *s)
{
	return l->len == strlen(s) && strncasecmp(l->s, s, l->len) == 0;
}

static int
starts(const char *s, size_t len, const char *prefix)
{
	size_t	n = strlen(prefix);

	return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* "36 045", "21 501-20", "35 925 V", "36045": a dossier number alone. */
static int
dossier_line(const char *s, size_t len)
{
	size_t	i, nd = 0;

	if (len == 0 || len > 24 || !isdigit((unsigned char)s[0]))
		return 0;
	for (i = 0; i < len; i++) {
		if (isdigit((unsigned char)s[i]))
			nd++;
		else if (!isupper((unsigned char)s[i]) && strchr(" -()", s[i]) == NULL)
			return 0;
	}
	return nd >= 4;
}

static int
all_digits(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return len > 0;
}

/* The header block of an official paper: chamber, vergaderjaar, dossier
 * and its title, "Nr. 139", the paper's title in capitals, the date. */
static void
header_scan(struct paper *p, size_t i)
{
	struct buf	 title = { 0 };
	int		 state = 0;	/* 0 before "Nr.", 1 title, 2 done */
	int		 dossier = 0;	/* seen the dossier line */

	p->meta.chamber = p->lines[i].s[0] == 'E' ? 'E' : 'T';
	p->lines[i++].flags |= LINE_DROP;
	for (; i < p->nlines && state < 2; i++) {
		struct line	*l = &p->lines[i];
		char		 date[12];

		if (l->flags & LINE_BLANK)
			continue;
		if (starts(l->s, l->len, "Voorgesteld ") &&
		    date_parse(l->s + 12, l->len - 12, date)) {
			memcpy(p->meta.date, date, sizeof date);
			l->flags |= LINE_DROP;
			state = 2;
		} else if (state == 0 && all_digits(l->s, l->len) && l->len < 4) {
			l->flags |= LINE_DROP;
		} else if (state == 0 && starts(l->s, l->len, "Vergaderjaar ") &&
		    l->len >= 13 + 9) {
			snprintf(p->meta.vergaderjaar, sizeof p->meta.vergaderjaar,
			    "%.4s-%.4s", l->s + 13, l->s + l->len - 4);
			l->flags |= LINE_DROP;
		} else if (state == 0 && !dossier && dossier_line(l->s, l->len)) {
			dossier = 1;
			snprintf(p->meta.dossier, sizeof p->meta.dossier, "%.*s",
			    (int)l->len, l->s);
			l->flags |= LINE_DROP;
		} else if (state == 0 && starts(l->s, l->len, "Nr. ")) {
			snprintf(p->meta.number, sizeof p->meta.number, "%.*s",
			    (int)l->len - 4, l->s + 4);
			l->flags |= LINE_DROP;
			state = 1;
		} else if (state == 0 && dossier && p->meta.dossier_title[0] == '\0') {
			snprintf(p->meta.dossier_title, sizeof p->meta.dossier_title,
			    "%.*s", (int)l->len, l->s);
			l->flags |= LINE_DROP;
		} else if (state == 1 && !starts(l->s, l->len, "Aan de ") &&
		    !line_is(l, "De Kamer,") && title.len < 400) {
			if (title.len > 0)
				buf_addc(&title, ' ');
			buf_add(&title, l->s, l->len);
			l->flags |= LINE_DROP;
		} else
			break;
	}
	if (title.len > 0) {
		free(p->meta.title);
		p->meta.title = buf_take(&title);
	}
	buf_free(&title);
}

int
meta_scan(struct paper *p)
{
	size_t	i;
	int	first = 1;

	for (i = 0; i < p->nlines; i++) {
		struct line *l = &p->lines[i];

		if (l->flags & (LINE_BLANK | LINE_DROP))
			continue;
		if (first && (line_is(l, "Tweede Kamer der Staten-Generaal") ||
		    line_is(l, "Eerste Kamer der Staten-Generaal")))
			header_scan(p, i);
		first = 0;
		/* the colophon of official papers */
		if (l->len > 4 && strncmp(l->s, "kst-", 4) == 0 &&
		    strchr(l->s, ' ') == NULL) {
			snprintf(p->meta.kstid, sizeof p->meta.kstid, "%s", l->s);
			l->flags |= LINE_DROP;
		} else if (starts(l->s, l->len, "ISSN ") && l->len < 24) {
			l->flags |= LINE_DROP;
		} else if (l->len < 30 && (starts(l->s, l->len, "\xe2\x80\x99s-Gravenhage ") ||
		    starts(l->s, l->len, "'s-Gravenhage ")) &&
		    all_digits(l->s + l->len - 4, 4)) {
			l->flags |= LINE_DROP;
		}
	}
	return 0;
}

char *
meta_derive_title(const char *text)
{
	struct buf	b = { 0 };
	size_t		i, n = strlen(text), cut = n;

	for (i = 0; i < n; i++) {
		if ((text[i] == '.' || text[i] == '\n') &&
		    (i + 1 == n || text[i + 1] == ' ' || text[i + 1] == '\n')) {
			cut = text[i] == '.' ? i + 1 : i;
			break;
		}
	}
	if (cut > 100) {
		for (cut = 100; cut > 40 && text[cut] != ' '; cut--)
			;
		/* never inside a character */
		while (cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
			cut--;
		buf_add(&b, text, cut);
		buf_adds(&b, "\xe2\x80\xa6");
	} else
		buf_add(&b, text, cut);
	return buf_take(&b);
}

/* "kamerstuk: 35 788, nr. 77" names the paper's own Kamerstuk. */
static void
sidecar_kamerstuk(struct paper *p, const char *v)
{
	struct cite_list	 cl = { 0 };
	char			*s;
	size_t			 n = strlen(v) + 12;

	if ((s = malloc(n)) == NULL)
		return;
	snprintf(s, n, "Kamerstuk %s", v);
	if (cite_find_all(s, strlen(s), &cl) == 0 && cl.n == 1 &&
	    cl.v[0].kind == CITE_KST) {
		snprintf(p->meta.kstid, sizeof p->meta.kstid, "%s", cl.v[0].id);
		snprintf(p->meta.kamerstuk, sizeof p->meta.kamerstuk, "%s",
		    cl.v[0].display);
		snprintf(p->meta.dossier, sizeof p->meta.dossier, "%s",
		    cl.v[0].dossier);
		snprintf(p->meta.number, sizeof p->meta.number, "%s",
		    cl.v[0].number);
	}
	cite_list_free(&cl);
	free(s);
}

/* Applies "key: value" lines of a NAME.meta sidecar. */
static void
sidecar_apply(struct paper *p)
{
	char	*s = p->sidecar, *e, *colon, *v;

	while (s != NULL && *s != '\0') {
		if ((e = strchr(s, '\n')) != NULL)
			*e = '\0';
		if ((colon = strchr(s, ':')) != NULL && *s != '#') {
			*colon = '\0';
			for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
				;
			v[strcspn(v, "\r")] = '\0';
			if (strcmp(s, "title") == 0 && *v != '\0') {
				free(p->meta.title);
				p->meta.title = strdup(v);
				p->meta.sidecar_title = 1;
			} else if (strcmp(s, "id") == 0 && *v != '\0')
				snprintf(p->meta.id, sizeof p->meta.id, "%s", v);
			else if (strcmp(s, "date") == 0)
				snprintf(p->meta.date, sizeof p->meta.date, "%s", v);
			else if (strcmp(s, "type") == 0)
				snprintf(p->meta.type, sizeof p->meta.type, "%s", v);
			else if (strcmp(s, "kamerstuk") == 0)
				sidecar_kamerstuk(p, v);
			*colon = ':';
		}
		if (e == NULL)
			break;
		*e = '\n';
		s = e + 1;
	}
}

/* The names in a signature block: its lines that do not end in ','. */
static void
signatories_add(struct buf *b, const char *text)
{
	const char	*s = text, *e;
	size_t		 n;

	for (; *s != '\0'; s = *e ? e + 1 : e) {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		n = (size_t)(e - s);
		if (n == 0 || s[n - 1] == ',')
			continue;
		if (b->len > 0)
			buf_addc(b, '\n');
		buf_add(b, s, n);
	}
}

int
meta_finish(struct paper *p)
{
	struct buf	 sig = { 0 };
	char		 want[96], id[128], date[12];
	size_t		 i;

	/* the paper's own Kamerstuk, from its footers or header */
	if (p->meta.dossier[0] != '\0' && p->meta.number[0] != '\0') {
		snprintf(want, sizeof want, "%s, nr. %s", p->meta.dossier,
		    p->meta.number);
		if (cite_parse_id(want, id, sizeof id) == 0) {
			snprintf(p->meta.kstid, sizeof p->meta.kstid, "%s", id);
			snprintf(p->meta.kamerstuk, sizeof p->meta.kamerstuk,
			    "%s", want);
		}
	}
	for (i = 0; i < p->npara; i++) {
		struct para *pa = &p->paras[i];

		if (pa->kind != PARA_BODY)
			continue;
		if (pa->sig)
			signatories_add(&sig, pa->text);
		if (p->meta.date[0] == '\0' && i < 20 &&
		    date_line(pa->text, pa->len, date))
			memcpy(p->meta.date, date, sizeof date);
	}
	free(p->meta.signatories);
	p->meta.signatories = buf_take(&sig);
	if (p->meta.signatories != NULL && p->meta.signatories[0] == '\0') {
		free(p->meta.signatories);
		p->meta.signatories = NULL;
	}
	sidecar_apply(p);
	if (p->meta.kstid[0] != '\0')
		snprintf(p->meta.id, sizeof p->meta.id, "%s", p->meta.kstid);
	else if (p->meta.id[0] == '\0')
		snprintf(p->meta.id, sizeof p->meta.id, "%s", p->stem);
	if (p->meta.title == NULL || p->meta.title[0] == '\0') {
		free(p->meta.title);
		p->meta.title = NULL;
		for (i = 0; i < p->npara && p->meta.title == NULL; i++)
			if (p->paras[i].kind == PARA_BODY &&
			    !date_line(p->paras[i].text, p->paras[i].len, date) &&
			    strncmp(p->paras[i].text, "Aan de ", 7) != 0)
				p->meta.title = meta_derive_title(p->paras[i].text);
		if (p->meta.title == NULL)
			p->meta.title = strdup(p->meta.kamerstuk[0] ?
			    p->meta.kamerstuk : p->stem);
	}
	return p->meta.title == NULL ? -1 : 0;
}
