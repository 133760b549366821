/* cli_bookmarks.c: the bookmarks command: list, add, rm, restore, note
 * and export. The bookmarks themselves are in store_user.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cite.h"
#include "cli.h"
#include "json.h"
#include "paper.h"
#include "store.h"
#include "store_user.h"

#define PILCROW	"\xc2\xb6"	/* ¶ */
#define SECTION	"\xc2\xa7"	/* § */
#define ENDASH	"\xe2\x80\x93"	/* – */
#define URL_BASE "https://zoek.officielebekendmakingen.nl/"

enum fmt { FMT_TEXT, FMT_JSON, FMT_MD, FMT_CSV };

struct marks {
	struct cli	*c;
	struct json	*j;
	FILE		*f;
	enum fmt	 fmt;
	int		 export;	/* JSON with citation and URL */
	int		 n;
};

static int
usage(struct cli *c)
{
	fprintf(stderr, "usage: %s bookmarks [list] [--tag T]... [--doc DOC] [--json]\n"
	    "       %s bookmarks add DOC PARAGRAPH [--note TEXT] [--tag T]... [--json]\n"
	    "       %s bookmarks rm ID\n"
	    "       %s bookmarks restore ID\n"
	    "       %s bookmarks note ID TEXT\n"
	    "       %s bookmarks export [--format md|json|csv] [-o FILE [--force]]"
	    " [--tag T]... [--doc DOC]\n"
	    "PARAGRAPH: 12, 12-14 (paragraphs 12 to 14) or 12:5-40 (characters"
	    " 5 to 40 of 12,\ncounted from 0, the last not included)\n",
	    c->prog, c->prog, c->prog, c->prog, c->prog, c->prog);
	return 2;
}

/* A whole number from 0 up, the whole of s. */
static int
whole(const char *s, const char **end, int *v)
{
	long	n = 0;

	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((n = n * 10 + (*s - '0')) > 10000000)
			return -1;
	*v = (int)n;
	*end = s;
	return 0;
}

/* PARAGRAPH: "12", "12-14" or "12:5-40". */
static int
parse_place(const char *s, struct bookmark_new *b)
{
	b->last = 0;
	b->start = b->end = -1;
	if (whole(s, &s, &b->first) == -1 || b->first < 1)
		return -1;
	if (*s == '-') {
		if (whole(s + 1, &s, &b->last) == -1 || b->last < 1)
			return -1;
	} else if (*s == ':') {
		if (whole(s + 1, &s, &b->start) == -1 || *s != '-' ||
		    whole(s + 1, &s, &b->end) == -1)
			return -1;
	}
	return *s == '\0' ? 0 : -1;
}

static int
parse_id(struct cli *c, const char *s, int64_t *id)
{
	const char	*end;
	int		 v;

	if (whole(s, &end, &v) == -1 || *end != '\0' || v < 1) {
		fprintf(stderr, "%s: bookmarks: not a bookmark id: %s\n", c->prog,
		    s);
		return -1;
	}
	*id = v;
	return 0;
}

/* The document a user means, as its id. */
static int
doc_key(struct cli *c, const char *arg, char *key, size_t len)
{
	char	err[2048];
	int64_t	doc;

	if (store_doc_find(c->st, arg, &doc, err, sizeof err) == -1 ||
	    store_doc_key(c->st, doc, key, len) == -1) {
		fprintf(stderr, "%s: %s: %s\n", c->prog, arg,
		    err[0] ? err : "no such document in the index");
		return -1;
	}
	return 0;
}

static int
any_mark(const struct bookmark_row *r, void *arg)
{
	(void)r;
	(*(int *)arg)++;
	return 1;
}

/* --doc: a document in the index, or the id of one that bookmarks name
 * while it is not loaded. */
static int
filter_doc(struct cli *c, const char *arg, char *key, size_t len)
{
	int64_t	doc;
	char	err[2048];
	int	n = 0;

	if (store_doc_find(c->st, arg, &doc, err, sizeof err) == 0 &&
	    store_doc_key(c->st, doc, key, len) == 0)
		return 0;
	store_bookmarks(c->st, arg, NULL, 0, any_mark, &n);
	if (n > 0) {
		snprintf(key, len, "%s", arg);
		return 0;
	}
	fprintf(stderr, "%s: %s: %s\n", c->prog, arg, err);
	return -1;
}

/* ---- one bookmark, in each form ---- */

/* The Kamerstuk id of the paper, for its official URL, or "". */
static void
kst_id(const struct bookmark_row *r, char *id, size_t len)
{
	id[0] = '\0';
	if (r->kamerstuk != NULL && cite_parse_id(r->kamerstuk, id, len) == 0 &&
	    strncmp(id, "kst-", 4) == 0)
		return;
	snprintf(id, len, "%s", strncmp(r->doc, "kst-", 4) == 0 ? r->doc : "");
}

static int
front_section(const struct bookmark_row *r)
{
	return r->section != NULL && strcmp(r->section, "s1") == 0 &&
	    (r->section_number == NULL || r->section_number[0] == '\0') &&
	    r->section_title != NULL && strcmp(r->section_title, FRONT_TITLE) == 0;
}

/* "Kamerstuk 35 925 V, nr. 84, p. 17, § Postennet"; the title when the
 * paper has no Kamerstuk number. Malloc'd. */
static char *
citation(const struct bookmark_row *r)
{
	struct buf	b = { 0 };

	if (r->kamerstuk != NULL)
		buf_addf(&b, "Kamerstuk %s", r->kamerstuk);
	else
		buf_adds(&b, r->title ? r->title : r->doc);
	if (r->page > 0 && r->last_page > r->page)
		buf_addf(&b, ", p. %d" ENDASH "%d", r->page, r->last_page);
	else if (r->page > 0)
		buf_addf(&b, ", p. %d", r->page);
	if (r->section_title != NULL && !front_section(r)) {
		buf_adds(&b, ", " SECTION " ");
		if (r->section_number != NULL && r->section_number[0] != '\0')
			buf_addf(&b, "%s ", r->section_number);
		buf_adds(&b, r->section_title);
	}
	return buf_take(&b);
}

static char *
url(const struct bookmark_row *r)
{
	struct buf	b = { 0 };
	char		id[80];

	kst_id(r, id, sizeof id);
	if (id[0] == '\0')
		return NULL;
	buf_addf(&b, URL_BASE "%s.html", id);
	return buf_take(&b);
}

static void
range_json(struct json *j, int v)
{
	if (v < 0)
		json_null(j);
	else
		json_int(j, v);
}

static void
mark_json(struct json *j, const struct bookmark_row *r, int export)
{
	char	*s;
	int	 i;

	json_open(j, '{');
	json_key(j, "id");
	json_int(j, r->id);
	json_key(j, "doc");
	json_str(j, r->doc);
	json_key(j, "paragraph");
	json_int_or_null(j, r->paragraph);
	json_key(j, "last_paragraph");
	json_int_or_null(j, r->last_paragraph);
	json_key(j, "start");
	range_json(j, r->start);
	json_key(j, "end");
	range_json(j, r->end);
	json_key(j, "page");
	json_int_or_null(j, r->page);
	json_key(j, "section");
	json_str(j, r->section);
	json_key(j, "quote");
	json_str(j, r->quote);
	json_key(j, "note");
	json_str(j, r->note);
	json_key(j, "tags");
	json_open(j, '[');
	for (i = 0; i < r->ntags; i++)
		json_str(j, r->tags[i]);
	json_close(j, ']');
	json_key(j, "created");
	json_str(j, r->created);
	json_key(j, "orphaned");
	json_bool(j, r->orphaned);
	if (export) {
		json_key(j, "title");
		json_str(j, r->title);
		json_key(j, "kamerstuk");
		json_str(j, r->kamerstuk);
		json_key(j, "citation");
		s = citation(r);
		json_str(j, s);
		free(s);
		json_key(j, "url");
		s = url(r);
		json_str(j, s);
		free(s);
	}
	json_close(j, '}');
}

/* Where a bookmark is: "¶ 12", "¶ 12-14", "¶ 12:5-40". */
static void
place_text(struct buf *b, const struct bookmark_row *r)
{
	if (r->orphaned) {
		buf_adds(b, PILCROW " ? (orphaned: no longer found)");
		return;
	}
	buf_addf(b, PILCROW " %d", r->paragraph);
	if (r->last_paragraph > r->paragraph)
		buf_addf(b, "-%d", r->last_paragraph);
	else if (r->start >= 0)
		buf_addf(b, ":%d-%d", r->start, r->end);
}

/* The first n characters of s on one line, "…" when cut. */
static void
print_short(FILE *f, const char *s, int n)
{
	for (; *s && n > 0; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n--;
		fputc(*s == '\n' ? ' ' : *s, f);
	}
	while (*s && ((unsigned char)*s & 0xc0) == 0x80)
		fputc(*s++, f);
	if (*s)
		fputs("\xe2\x80\xa6", f);
}

static void
mark_text(FILE *f, const struct bookmark_row *r)
{
	struct buf	b = { 0 };
	char		*s;
	int		 i;

	place_text(&b, r);
	s = buf_take(&b);
	fprintf(f, "%lld  %s  %s", (long long)r->id, r->doc, s ? s : "");
	free(s);
	if (r->page > 0)
		fprintf(f, "  p. %d", r->page);
	if (r->section_title != NULL && r->section_number != NULL &&
	    r->section_number[0] != '\0')
		fprintf(f, "  " SECTION " %s %s", r->section_number,
		    r->section_title);
	else if (r->section_title != NULL)
		fprintf(f, "  " SECTION " %s", r->section_title);
	for (i = 0; i < r->ntags; i++)
		fprintf(f, "%s%s", i == 0 ? "  [" : ", ", r->tags[i]);
	fputs(r->ntags > 0 ? "]\n    " : "\n    ", f);
	print_short(f, r->quote, 100);
	fputc('\n', f);
	if (r->note != NULL)
		fprintf(f, "    note: %s\n", r->note);
}

/* Each line of s after prefix. */
static void
print_lines(FILE *f, const char *prefix, const char *s)
{
	const char	*e;

	for (; ; s = e + 1) {
		e = s + strcspn(s, "\n");
		fprintf(f, "%s%.*s\n", e == s && prefix[0] == '>' ? ">" : prefix,
		    (int)(e - s), s);
		if (*e == '\0')
			break;
	}
}

static void
mark_md(FILE *f, const struct bookmark_row *r)
{
	char	*cite = citation(r), *u = url(r);
	int	 i;

	fprintf(f, "## %s\n\n", r->title ? r->title : r->doc);
	print_lines(f, "> ", r->quote);
	fputc('\n', f);
	if (cite != NULL)
		fprintf(f, "%s\n\n", cite);
	if (u != NULL)
		fprintf(f, "<%s>\n\n", u);
	if (r->orphaned)
		fputs("*This passage is no longer found in the paper as"
		    " loaded now.*\n\n", f);
	if (r->note != NULL) {
		fputs("Note: ", f);
		print_lines(f, "", r->note);
		fputc('\n', f);
	}
	for (i = 0; i < r->ntags; i++)
		fprintf(f, "%s%s", i == 0 ? "Tags: " : ", ", r->tags[i]);
	if (r->ntags > 0)
		fputs("\n\n", f);
	free(cite);
	free(u);
}

/* A CSV field, quoted when it needs to be (RFC 4180). */
static void
csv_field(FILE *f, const char *s, int last)
{
	const char	*p;

	if (s != NULL && s[strcspn(s, ",\"\r\n")] != '\0') {
		fputc('"', f);
		for (p = s; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else if (s != NULL)
		fputs(s, f);
	fputs(last ? "\r\n" : ",", f);
}

static void
csv_int(FILE *f, int v, int min)
{
	if (v >= min)
		fprintf(f, "%d", v);
	fputc(',', f);
}

static void
mark_csv(FILE *f, const struct bookmark_row *r)
{
	struct buf	 b = { 0 };
	char		*s;
	int		 i;

	fprintf(f, "%lld,", (long long)r->id);
	csv_field(f, r->doc, 0);
	csv_field(f, r->title, 0);
	csv_int(f, r->paragraph, 1);
	csv_int(f, r->last_paragraph, 1);
	csv_int(f, r->start, 0);
	csv_int(f, r->end, 0);
	csv_int(f, r->page, 1);
	csv_field(f, r->section, 0);
	csv_field(f, r->quote, 0);
	csv_field(f, r->note, 0);
	for (i = 0; i < r->ntags; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", r->tags[i]);
	s = buf_take(&b);
	csv_field(f, s, 0);
	free(s);
	csv_field(f, r->created, 0);
	csv_field(f, r->orphaned ? "true" : "false", 0);
	s = citation(r);
	csv_field(f, s, 0);
	free(s);
	s = url(r);
	csv_field(f, s, 1);
	free(s);
}

static int
mark_out(const struct bookmark_row *r, void *arg)
{
	struct marks	*m = arg;

	m->n++;
	switch (m->fmt) {
	case FMT_JSON:
		mark_json(m->j, r, m->export);
		break;
	case FMT_MD:
		mark_md(m->f, r);
		break;
	case FMT_CSV:
		mark_csv(m->f, r);
		break;
	default:
		mark_text(m->f, r);
	}
	return 0;
}

/* ---- the subcommands ---- */

static int
cmd_list(struct cli *c, int argc, const struct cli_opts *o)
{
	struct marks	 m;
	struct json	 j;
	char		 key[256];
	int		 rc;

	if (argc != 0)
		return usage(c);
	if (o->doc != NULL && filter_doc(c, o->doc, key, sizeof key) == -1)
		return 1;
	memset(&m, 0, sizeof m);
	m.c = c;
	m.f = stdout;
	m.fmt = o->json ? FMT_JSON : FMT_TEXT;
	if (o->json) {
		json_init(&j, stdout);
		m.j = &j;
		json_open(&j, '[');
	}
	rc = store_bookmarks(c->st, o->doc ? key : NULL, o->tags, o->ntags,
	    mark_out, &m);
	if (o->json)
		json_close(&j, ']');
	if (rc == -1) {
		fprintf(stderr, "%s: bookmarks: cannot read user.db\n", c->prog);
		return 1;
	}
	return 0;
}

static int
show_one(struct cli *c, int64_t id)
{
	struct marks	m;
	struct json	j;

	memset(&m, 0, sizeof m);
	m.c = c;
	m.f = stdout;
	m.fmt = FMT_JSON;
	json_init(&j, stdout);
	m.j = &j;
	return store_bookmark_get(c->st, id, mark_out, &m) == -1 ? 1 : 0;
}

static int
cmd_add(struct cli *c, int argc, char **argv, const struct cli_opts *o)
{
	struct bookmark_new	 b;
	char			 key[256], err[512];
	int64_t			 id;

	if (argc != 2)
		return usage(c);
	memset(&b, 0, sizeof b);
	if (doc_key(c, argv[0], key, sizeof key) == -1)
		return 1;
	if (parse_place(argv[1], &b) == -1) {
		fprintf(stderr, "%s: bookmarks: not a paragraph: %s (12, 12-14"
		    " or 12:5-40)\n", c->prog, argv[1]);
		return 1;
	}
	b.doc = key;
	b.note = o->note;
	b.tags = o->tags;
	b.ntags = o->ntags;
	if (store_bookmark_add(c->st, &b, &id, err, sizeof err) == -1) {
		fprintf(stderr, "%s: bookmarks: %s\n", c->prog, err);
		return 1;
	}
	if (o->json)
		return show_one(c, id);
	printf("%lld\n", (long long)id);
	return 0;
}

static int
cmd_change(struct cli *c, const char *what, int argc, char **argv,
    const struct cli_opts *o)
{
	struct buf	 b = { 0 };
	char		 err[512], *note = NULL;
	int64_t		 id;
	int		 i, rc;

	if (strcmp(what, "note") == 0 ? argc < 2 && o->note == NULL : argc != 1)
		return usage(c);
	if (parse_id(c, argv[0], &id) == -1)
		return 1;
	if (strcmp(what, "note") == 0) {
		/* the words after the id, or --note */
		for (i = 1; i < argc; i++)
			buf_addf(&b, "%s%s", i > 1 ? " " : "", argv[i]);
		if (argc == 1 && o->note != NULL)
			buf_adds(&b, o->note);
		if ((note = buf_take(&b)) == NULL && (note = strdup("")) == NULL)
			return 1;
		rc = store_bookmark_note(c->st, id, note, err, sizeof err);
		free(note);
	} else if (strcmp(what, "restore") == 0)
		rc = store_bookmark_restore(c->st, id, err, sizeof err);
	else
		rc = store_bookmark_delete(c->st, id, err, sizeof err);
	if (rc == -1) {
		fprintf(stderr, "%s: bookmarks: %s\n", c->prog, err);
		return 1;
	}
	if (o->json)
		return show_one(c, id);
	if (strcmp(what, "note") != 0 && strcmp(what, "restore") != 0)
		printf("removed bookmark %lld (\"%s bookmarks restore %lld\""
		    " brings it back)\n", (long long)id, c->prog, (long long)id);
	return 0;
}

/* Opens -o FILE: never over an existing file without --force; with it, a
 * new file replaces the old one only once it is written whole. */
static FILE *
out_open(struct cli *c, const char *path, int force, char **tmp)
{
	FILE	*f;
	mode_t	 mask;
	int	 fd;
	size_t	 len;

	*tmp = NULL;
	if (!force) {
		if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666)) == -1) {
			fprintf(stderr, "%s: %s: %s\n", c->prog, path,
			    errno == EEXIST ? "the file exists; --force"
			    " overwrites it" : strerror(errno));
			return NULL;
		}
	} else {
		len = strlen(path) + 8;
		if ((*tmp = malloc(len)) == NULL)
			return NULL;
		snprintf(*tmp, len, "%s.XXXXXX", path);
		if ((fd = mkstemp(*tmp)) == -1) {
			fprintf(stderr, "%s: %s: %s\n", c->prog, path,
			    strerror(errno));
			free(*tmp);
			*tmp = NULL;
			return NULL;
		}
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(*tmp ? *tmp : path);
		free(*tmp);
		*tmp = NULL;
	}
	return f;
}

/* Closes -o FILE; unless ok and written whole, nothing is left of it. */
static int
out_close(struct cli *c, FILE *f, const char *path, char *tmp, int ok)
{
	int	written;

	written = fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0;
	if (fclose(f) != 0)
		written = 0;
	if (ok && written && tmp != NULL && rename(tmp, path) == -1)
		written = 0;
	if (!written)
		fprintf(stderr, "%s: %s: cannot write: %s\n", c->prog, path,
		    strerror(errno));
	if (!ok || !written)
		unlink(tmp ? tmp : path);
	free(tmp);
	return ok && written ? 0 : -1;
}

static int
cmd_export(struct cli *c, int argc, const struct cli_opts *o)
{
	struct marks	 m;
	struct json	 j;
	char		 key[256], *tmp = NULL;
	const char	*fmt = o->format ? o->format : "md";
	int		 rc;

	if (argc != 0)
		return usage(c);
	memset(&m, 0, sizeof m);
	m.c = c;
	if (strcmp(fmt, "md") == 0 || strcmp(fmt, "markdown") == 0)
		m.fmt = FMT_MD;
	else if (strcmp(fmt, "json") == 0)
		m.fmt = FMT_JSON;
	else if (strcmp(fmt, "csv") == 0)
		m.fmt = FMT_CSV;
	else {
		fprintf(stderr, "%s: bookmarks export: no format %s (md, json"
		    " or csv)\n", c->prog, fmt);
		return 2;
	}
	if (o->doc != NULL && filter_doc(c, o->doc, key, sizeof key) == -1)
		return 1;
	m.f = stdout;
	if (o->out != NULL && strcmp(o->out, "-") != 0 &&
	    (m.f = out_open(c, o->out, o->force, &tmp)) == NULL)
		return 1;
	m.export = 1;
	if (m.fmt == FMT_JSON) {
		json_init(&j, m.f);
		m.j = &j;
		json_open(&j, '[');
	} else if (m.fmt == FMT_MD)
		fputs("# Bookmarks\n\n", m.f);
	else if (m.fmt == FMT_CSV)
		fputs("id,doc,title,paragraph,last_paragraph,start,end,page,"
		    "section,quote,note,tags,created,orphaned,citation,url\r\n",
		    m.f);
	rc = store_bookmarks(c->st, o->doc ? key : NULL, o->tags, o->ntags,
	    mark_out, &m);
	if (m.fmt == FMT_JSON)
		json_close(&j, ']');
	if (rc == -1)
		fprintf(stderr, "%s: bookmarks: cannot read user.db\n", c->prog);
	if (m.f != stdout && out_close(c, m.f, o->out, tmp, rc == 0) == -1)
		rc = -1;
	return rc == -1 ? 1 : 0;
}

int
cli_bookmarks(struct cli *c, int argc, char **argv, const struct cli_opts *o)
{
	const char	*sub = argc > 0 ? argv[0] : "list";

	if (argc > 0) {
		argc--;
		argv++;
	}
	if (strcmp(sub, "list") == 0 || strcmp(sub, "ls") == 0)
		return cmd_list(c, argc, o);
	if (strcmp(sub, "add") == 0)
		return cmd_add(c, argc, argv, o);
	if (strcmp(sub, "rm") == 0 || strcmp(sub, "remove") == 0 ||
	    strcmp(sub, "delete") == 0)
		return cmd_change(c, "rm", argc, argv, o);
	if (strcmp(sub, "restore") == 0 || strcmp(sub, "note") == 0)
		return cmd_change(c, sub, argc, argv, o);
	if (strcmp(sub, "export") == 0)
		return cmd_export(c, argc, o);
	fprintf(stderr, "%s: bookmarks: unknown subcommand %s\n", c->prog, sub);
	return usage(c);
}
