/* cli.c: the commands: load, docs, toc, show, search. Each prints text for
 * people, or with --json one JSON document for scripts and tests. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "buf.h"
#include "cli.h"
#include "json.h"
#include "load.h"
#include "loadq.h"
#include "store.h"
#include "wrap.h"

void
cli_usage(FILE *f)
{
	fputs("usage: leeskamer [--home DIR] [DOC | FILE.txt]\n"
	    "       leeskamer [--home DIR] load PATH...\n"
	    "       leeskamer [--home DIR] docs [--json]\n"
	    "       leeskamer [--home DIR] toc DOC [--json]\n"
	    "       leeskamer [--home DIR] show DOC [SECTION] [--width N] [--json]\n"
	    "       leeskamer [--home DIR] search QUERY [--limit N] [--doc DOC] [--json]\n"
	    "       leeskamer [--home DIR] cites DOC [--json]\n"
	    "       leeskamer [--home DIR] cited-by ID [--json]\n"
	    "       leeskamer [--home DIR] refs [--unresolved] [--json]\n"
	    "       leeskamer [--home DIR] graph [--format dot|json]\n"
	    "       leeskamer [--home DIR] related DOC [--json]\n"
	    "       leeskamer [--home DIR] bookmarks [list] [--tag T] [--doc DOC] [--json]\n"
	    "       leeskamer [--home DIR] bookmarks add DOC PARAGRAPH [--note TEXT] [--tag T]...\n"
	    "       leeskamer [--home DIR] bookmarks rm|restore ID\n"
	    "       leeskamer [--home DIR] bookmarks note ID TEXT\n"
	    "       leeskamer [--home DIR] bookmarks export [--format md|json|csv] [-o FILE] [--force]\n",
	    f);
}

int
cli_is_command(const char *word)
{
	static const char *cmds[] = { "load", "docs", "toc", "show", "search",
	    "cites", "cited-by", "refs", "graph", "related", "bookmarks",
	    "bookmark" };
	size_t	i;

	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(word, cmds[i]) == 0)
			return 1;
	return 0;
}

void
cli_datadir(char *out, size_t len, const char *what)
{
	char	exe[PATH_MAX], *slash;
	ssize_t	n;
	struct stat sb;

	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(out, len, "%s/assets/%s", exe, what);
			if (stat(out, &sb) == 0 && S_ISDIR(sb.st_mode))
				return;
		}
	}
	snprintf(out, len, "%s/%s", LK_DATADIR, what);
}

/* ---- load ---- */

struct loader {
	struct cli	*c;
	int		 failed, done, total, tty;
};

static int
has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && strcmp(name + n - e, ext) == 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects the files to load under path: a file as given, a folder's
 * *.txt and *.xml files recursively, in name order. */
static int
collect(const char *path, char ***v, size_t *n, int top)
{
	struct stat	 sb;
	DIR		*d;
	struct dirent	*e;
	char		**names = NULL, **nn, *full;
	size_t		 nnames = 0, i, len;
	int		 rc = 0;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		if ((d = opendir(path)) == NULL)
			goto add;
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			if ((nn = realloc(names, (nnames + 1) * sizeof *names)) == NULL ||
			    (nn[nnames] = strdup(e->d_name)) == NULL) {
				names = nn ? nn : names;
				rc = -1;
				break;
			}
			names = nn;
			nnames++;
		}
		closedir(d);
		if (nnames > 0)
			qsort(names, nnames, sizeof *names, cmp_str);
		for (i = 0; i < nnames; i++) {
			len = strlen(path) + strlen(names[i]) + 2;
			if (rc == 0 && (full = malloc(len)) != NULL) {
				snprintf(full, len, "%s%s%s", path,
				    path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
				if (stat(full, &sb) == 0 && (S_ISDIR(sb.st_mode) ||
				    has_ext(names[i], ".txt") ||
				    has_ext(names[i], ".xml")))
					rc = collect(full, v, n, 0);
				free(full);
			}
			free(names[i]);
		}
		free(names);
		return rc;
	}
	if (!top && !has_ext(path, ".txt") && !has_ext(path, ".xml"))
		return 0;
add:
	if ((nn = realloc(*v, (*n + 1) * sizeof **v)) == NULL)
		return -1;
	*v = nn;
	if (((*v)[*n] = strdup(path)) == NULL)
		return -1;
	(*n)++;
	return 0;
}

static void
progress(struct loader *ld, const char *path)
{
	int	i, w = 30, fill;

	if (!ld->tty)
		return;
	fill = ld->total ? ld->done * w / ld->total : w;
	fputc('\r', stderr);
	fputc('[', stderr);
	for (i = 0; i < w; i++)
		fputc(i < fill ? '#' : ' ', stderr);
	fprintf(stderr, "] %d/%d %-40.40s", ld->done, ld->total,
	    path ? path : "");
	if (path == NULL)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* Stores one file the parsing thread handed over, and says what became
 * of it. */
static void
load_one(struct loader *ld, struct loadq_item *it)
{
	struct put_result	 r;
	char			 err[512] = "";

	progress(ld, it->path);
	switch (it->state) {
	case LOADQ_SAME:
		/* found by its content: its new stamp saves the reading
		 * next time */
		if (it->restamp && store_file_restamp(ld->c->st, it->stem,
		    it->stamp, err, sizeof err) == -1)
			break;
		printf("unchanged  %s\n", it->stem);
		break;
	case LOADQ_FAILED:
		snprintf(err, sizeof err, "%s", it->err);
		break;
	case LOADQ_PARSED:
		/* the same file twice in one load: the parsing thread sees
		 * only what is committed */
		if (store_file_state(ld->c->st, it->stem, it->l.hash) == STORE_SAME) {
			printf("unchanged  %s\n", it->stem);
			break;
		}
		if (store_put(ld->c->st, it->path, &it->l, &r, err,
		    sizeof err) == -1)
			break;
		if (it->l.converted && ld->tty)
			fprintf(stderr, "\r\033[K");
		if (it->l.converted)
			fprintf(stderr, "%s: %s: converted from %s\n",
			    ld->c->prog, it->path, it->l.encoding);
		printf("%-10s %s  %s  (%d sections, %d paragraphs, %d citations)\n",
		    r.added ? "added" : "updated", r.id, it->l.paper.meta.title,
		    r.sections, r.paragraphs, r.citations);
		break;
	}
	if (err[0] != '\0') {
		printf("failed     %s: %s\n", it->path, err);
		fprintf(stderr, "%s: %s: %s\n", ld->c->prog, it->path, err);
		ld->failed++;
	}
	fflush(stdout);
}

/* The parsing thread asks the index, on a connection of its own,
 * whether a file is there as it is. */
static int
file_same(void *arg, const char *stem, const char *stamp, const uint64_t *hash)
{
	if (hash == NULL)
		return store_file_stamped(arg, stem, stamp);
	return store_file_state(arg, stem, *hash) == STORE_SAME;
}

static volatile sig_atomic_t load_stop;

static void
on_interrupt(int sig)
{
	(void)sig;
	load_stop = 1;
}

int
cli_load(struct cli *c, int argc, char **argv)
{
	struct loader		 ld;
	struct sigaction	 sa, oint, oterm;
	struct store		*reader = NULL;
	struct loadq		*q = NULL;
	struct loadq_item	*it;
	char			**files = NULL, err[512], dir[PATH_MAX];
	char			 lexcache[PATH_MAX];
	size_t			 n = 0, i;
	int			 k;

	memset(&ld, 0, sizeof ld);
	ld.c = c;
	ld.tty = isatty(2);
	if (argc < 1) {
		fprintf(stderr, "%s: load: no file or folder given\n", c->prog);
		return 2;
	}
	for (k = 0; k < argc; k++) {
		struct stat sb;
		size_t before = n;

		if (stat(argv[k], &sb) == -1) {
			printf("failed     %s: %s\n", argv[k], strerror(errno));
			fprintf(stderr, "%s: %s: %s\n", c->prog, argv[k], strerror(errno));
			ld.failed++;
			continue;
		}
		if (collect(argv[k], &files, &n, 1) == -1) {
			fprintf(stderr, "%s: out of memory\n", c->prog);
			return 1;
		}
		if (n == before)
			fprintf(stderr, "%s: %s: no .txt or .xml files in it\n", c->prog,
			    argv[k]);
	}
	ld.total = (int)n;
	/* an interrupt ends the load after the file in hand, and what was
	 * loaded is committed */
	load_stop = 0;
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(SIGINT, &sa, &oint);
	sigaction(SIGTERM, &sa, &oterm);
	cli_datadir(dir, sizeof dir, "data");
	snprintf(lexcache, sizeof lexcache, "%s/lexicon.cache", store_home(c->st));
	if (store_open(store_home(c->st), &reader, err, sizeof err) == -1 ||
	    (q = loadq_start(files, n, dir, lexcache, file_same, reader,
	    &load_stop)) == NULL) {
		fprintf(stderr, "%s: cannot start loading: %s\n", c->prog,
		    reader == NULL ? err : "out of memory");
		ld.failed++;
	}
	while (q != NULL && !load_stop && (it = loadq_next(q)) != NULL) {
		load_one(&ld, it);
		ld.done++;
		loadq_release(q, it);
	}
	loadq_end(q);
	store_close(reader);
	for (i = 0; i < n; i++)
		free(files[i]);
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGTERM, &oterm, NULL);
	if (load_stop) {
		fprintf(stderr, "%s: interrupted: %d of %d files loaded\n",
		    c->prog, ld.done, ld.total);
		ld.failed++;
	}
	free(files);
	progress(&ld, NULL);
	if (store_put_commit(c->st, err, sizeof err) == -1) {
		fprintf(stderr, "%s: cannot commit the load: %s\n", c->prog, err);
		ld.failed++;
	}
	return ld.failed ? 1 : 0;
}

/* ---- docs ---- */

static int
doc_print(const struct doc_row *r, void *arg)
{
	struct json *j = arg;

	if (j == NULL) {
		printf("%-24s %-20s %-10s %s  (%d part%s, %d sections, %d paragraphs,"
		    " %d citations)\n", r->id, r->kamerstuk ? r->kamerstuk : "-",
		    r->date ? r->date : "-", r->title, r->parts,
		    r->parts == 1 ? "" : "s", r->sections, r->paragraphs,
		    r->citations);
		return 0;
	}
	json_open(j, '{');
	json_key(j, "id");
	json_str(j, r->id);
	json_key(j, "kamerstuk");
	json_str(j, r->kamerstuk);
	json_key(j, "title");
	json_str(j, r->title);
	json_key(j, "date");
	json_str(j, r->date);
	json_key(j, "vergaderjaar");
	json_str(j, r->vergaderjaar);
	json_key(j, "dossier");
	json_str(j, r->dossier);
	json_key(j, "dossier_title");
	json_str(j, r->dossier_title);
	json_key(j, "type");
	json_str(j, r->type);
	json_key(j, "signatories");
	if (r->signatories == NULL)
		json_null(j);
	else {
		const char *s = r->signatories, *e;

		json_open(j, '[');
		for (; *s; s = *e ? e + 1 : e) {
			char name[256];

			e = s + strcspn(s, "\n");
			snprintf(name, sizeof name, "%.*s", (int)(e - s), s);
			json_str(j, name);
		}
		json_close(j, ']');
	}
	json_key(j, "parts");
	json_int(j, r->parts);
	json_key(j, "sections");
	json_int(j, r->sections);
	json_key(j, "paragraphs");
	json_int(j, r->paragraphs);
	json_key(j, "notes");
	json_int(j, r->notes);
	json_key(j, "citations");
	json_int(j, r->citations);
	json_close(j, '}');
	return 0;
}

static int
cmd_docs(struct cli *c)
{
	struct json	j;
	int		rc;

	if (!c->json)
		return store_docs(c->st, doc_print, NULL) == -1 ? 1 : 0;
	json_init(&j, stdout);
	json_open(&j, '[');
	rc = store_docs(c->st, doc_print, &j);
	json_close(&j, ']');
	return rc == -1 ? 1 : 0;
}

int
cli_find_doc(struct cli *c, const char *arg, int64_t *doc)
{
	char	err[2048];

	if (store_doc_find(c->st, arg, doc, err, sizeof err) == -1) {
		fprintf(stderr, "%s: %s: %s\n", c->prog, arg, err);
		return -1;
	}
	return 0;
}

/* ---- toc ---- */

static int
toc_print(const struct section_row *r, void *arg)
{
	struct json	*j = arg;
	int		 i;

	if (j == NULL) {
		for (i = 1; i < r->level; i++)
			fputs("  ", stdout);
		if (r->number[0])
			printf("%s%s ", r->number, strchr(r->number, '.') ? "" : ".");
		printf("%s  [%s", r->title, r->id);
		if (r->page)
			printf(", p. %d", r->page);
		puts("]");
		return 0;
	}
	json_open(j, '{');
	json_key(j, "id");
	json_str(j, r->id);
	json_key(j, "number");
	json_str(j, r->number[0] ? r->number : NULL);
	json_key(j, "title");
	json_str(j, r->title);
	json_key(j, "level");
	json_int(j, r->level);
	json_key(j, "parent");
	json_str(j, r->parent);
	json_key(j, "page");
	json_int_or_null(j, r->page);
	json_key(j, "first");
	json_int(j, r->first);
	json_key(j, "last");
	json_int(j, r->last);
	json_close(j, '}');
	return 0;
}

static int
cmd_toc(struct cli *c, int argc, char **argv)
{
	struct json	j;
	int64_t		doc;
	int		rc;

	if (argc != 1) {
		fprintf(stderr, "usage: %s toc DOC [--json]\n", c->prog);
		return 2;
	}
	if (cli_find_doc(c, argv[0], &doc) == -1)
		return 1;
	if (!c->json)
		return store_sections(c->st, doc, toc_print, NULL) == -1 ? 1 : 0;
	json_init(&j, stdout);
	json_open(&j, '[');
	rc = store_sections(c->st, doc, toc_print, &j);
	json_close(&j, ']');
	return rc == -1 ? 1 : 0;
}

/* ---- show ---- */

struct shown {
	struct json	*j;
	int		 width, page, first, last;
	struct note_row	*notes;	/* of the paragraphs shown: a few per document */
	size_t		 nnotes;
	const char	*want_section;
	int64_t		 section;
};

static int
note_keep(const struct note_row *r, void *arg)
{
	struct shown	*sh = arg;
	struct note_row	*v;

	if ((v = realloc(sh->notes, (sh->nnotes + 1) * sizeof *v)) == NULL)
		return -1;
	sh->notes = v;
	v[sh->nnotes] = *r;
	if ((v[sh->nnotes].text = strdup(r->text)) == NULL)
		return -1;
	sh->nnotes++;
	return 0;
}

static void
print_wrapped(const char *text, int width, const char *indent)
{
	struct wrap_line	*lines;
	int			 n, i, w = width - (int)strlen(indent);

	if ((n = wrap_text(text, strlen(text), w, &lines)) == -1)
		return;
	for (i = 0; i < n; i++)
		printf("%s%.*s\n", indent, (int)(lines[i].end - lines[i].start),
		    text + lines[i].start);
	free(lines);
}

/* The paragraph text with its note markers shown as "[n]". */
static char *
with_markers(struct shown *sh, const struct para_row *r)
{
	struct buf	 b = { 0 };
	const char	*s = r->text;
	size_t		 i, chars = 0, k;

	for (i = 0; ; i++) {
		for (k = 0; k < sh->nnotes; k++)
			if (sh->notes[k].paragraph == r->id &&
			    (size_t)sh->notes[k].pos == chars)
				buf_addf(&b, "[%d]", sh->notes[k].number);
		if (s[i] == '\0')
			break;
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			chars++;
		buf_addc(&b, s[i]);
	}
	return buf_take(&b);
}

static int
para_print(const struct para_row *r, void *arg)
{
	struct shown	*sh = arg;
	char		*text;

	if (sh->j != NULL) {
		json_open(sh->j, '{');
		json_key(sh->j, "id");
		json_int(sh->j, r->id);
		json_key(sh->j, "section");
		json_str(sh->j, r->section);
		json_key(sh->j, "page");
		json_int_or_null(sh->j, r->page);
		json_key(sh->j, "heading");
		json_bool(sh->j, r->heading);
		json_key(sh->j, "text");
		json_str(sh->j, r->text);
		json_close(sh->j, '}');
		return 0;
	}
	if (r->page != 0 && r->page != sh->page) {
		char	mark[32];
		int	n = snprintf(mark, sizeof mark, "- %d -", r->page);

		printf("%*s%s\n\n", sh->width > n ? (sh->width - n) / 2 : 0, "", mark);
		sh->page = r->page;
	}
	if ((text = with_markers(sh, r)) == NULL)
		return -1;
	if (r->heading) {
		char	*t = NULL;
		struct buf b = { 0 };

		/* a heading shows its section number */
		if (r->section != NULL && r->section[0] != 's')
			buf_addf(&b, "%s%s ", r->section,
			    strchr(r->section, '.') ? "" : ".");
		buf_adds(&b, text);
		t = buf_take(&b);
		print_wrapped(t ? t : text, sh->width, "");
		free(t);
	} else
		print_wrapped(text, sh->width, "");
	putchar('\n');
	free(text);
	return 0;
}

static int
section_span(const struct section_row *r, void *arg)
{
	struct shown *sh = arg;

	if (sh->first == 0) {
		if (r->rowid == sh->section) {
			sh->first = r->first;
			sh->last = r->last;
			sh->page = r->level;	/* the level, while looking */
		}
		return 0;
	}
	if (r->level <= sh->page)
		return 1;
	sh->last = r->last;
	return 0;
}

static int
terminal_width(void)
{
	struct winsize	ws;
	const char	*cols;

	if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((cols = getenv("COLUMNS")) != NULL && atoi(cols) > 0)
		return atoi(cols);
	return 80;
}

static int
doc_header(const struct doc_row *r, void *arg)
{
	struct shown *sh = arg;

	if (sh->j != NULL) {
		json_key(sh->j, "id");
		json_str(sh->j, r->id);
		json_key(sh->j, "title");
		json_str(sh->j, r->title);
		json_key(sh->j, "kamerstuk");
		json_str(sh->j, r->kamerstuk);
		json_key(sh->j, "date");
		json_str(sh->j, r->date);
		return 0;
	}
	print_wrapped(r->title, sh->width, "");
	if (r->kamerstuk || r->date)
		printf("%s%s%s%s\n", r->kamerstuk ? "Kamerstuk " : "",
		    r->kamerstuk ? r->kamerstuk : "",
		    r->kamerstuk && r->date ? ", " : "", r->date ? r->date : "");
	putchar('\n');
	return 0;
}

static int
cmd_show(struct cli *c, int argc, char **argv, int width)
{
	struct shown	 sh;
	struct json	 j;
	int64_t		 doc;
	char		 err[2048];
	size_t		 k;
	int		 rc = 0;

	if (argc < 1 || argc > 2) {
		fprintf(stderr, "usage: %s show DOC [SECTION] [--width N] [--json]\n",
		    c->prog);
		return 2;
	}
	if (cli_find_doc(c, argv[0], &doc) == -1)
		return 1;
	memset(&sh, 0, sizeof sh);
	sh.width = width > 0 ? width : terminal_width();
	if (sh.width < 20)
		sh.width = 20;
	if (argc == 2) {
		if (store_section_find(c->st, doc, argv[1], &sh.section, err,
		    sizeof err) == -1) {
			fprintf(stderr, "%s: %s: %s\n", c->prog, argv[1], err);
			return 1;
		}
		store_sections(c->st, doc, section_span, &sh);
		sh.page = 0;
	}
	if (store_notes(c->st, doc, sh.first, sh.last, note_keep, &sh) == -1)
		rc = 1;
	if (c->json) {
		json_init(&j, stdout);
		sh.j = &j;
		json_open(&j, '{');
	}
	store_doc_get(c->st, doc, doc_header, &sh);
	if (sh.j) {
		json_key(&j, "paragraphs");
		json_open(&j, '[');
	}
	if (store_paras(c->st, doc, sh.first, sh.last, para_print, &sh) == -1)
		rc = 1;
	if (sh.j) {
		json_close(&j, ']');
		json_key(&j, "notes");
		json_open(&j, '[');
	} else if (sh.nnotes > 0)
		puts("Noten\n");
	for (k = 0; k < sh.nnotes; k++) {
		if (sh.j) {
			json_open(&j, '{');
			json_key(&j, "number");
			json_int(&j, sh.notes[k].number);
			json_key(&j, "paragraph");
			json_int_or_null(&j, sh.notes[k].paragraph);
			json_key(&j, "page");
			json_int_or_null(&j, sh.notes[k].page);
			json_key(&j, "text");
			json_str(&j, sh.notes[k].text);
			json_close(&j, '}');
		} else {
			char *t = NULL;
			struct buf b = { 0 };

			buf_addf(&b, "[%d] %s", sh.notes[k].number, sh.notes[k].text);
			if ((t = buf_take(&b)) != NULL)
				print_wrapped(t, sh.width, "");
			free(t);
		}
		free((char *)sh.notes[k].text);
	}
	free(sh.notes);
	if (sh.j) {
		json_close(&j, ']');
		json_close(&j, '}');
	}
	return rc;
}

/* ---- search ---- */

struct found {
	struct json	*j;
	int		 n, tty;
};

static int
hit_print(const struct hit_row *r, void *arg)
{
	struct found	*f = arg;
	int		 i;

	f->n++;
	if (f->j != NULL) {
		json_open(f->j, '{');
		json_key(f->j, "doc");
		json_str(f->j, r->doc);
		json_key(f->j, "title");
		json_str(f->j, r->title);
		json_key(f->j, "section");
		json_str(f->j, r->section);
		json_key(f->j, "paragraph");
		json_int_or_null(f->j, r->paragraph);
		json_key(f->j, "page");
		json_int_or_null(f->j, r->page);
		json_key(f->j, "snippet");
		json_str(f->j, r->snippet);
		json_key(f->j, "hits");
		json_open(f->j, '[');
		for (i = 0; i < r->nhits; i++) {
			json_open(f->j, '[');
			json_int(f->j, r->hits[2 * i]);
			json_int(f->j, r->hits[2 * i + 1]);
			json_close(f->j, ']');
		}
		json_close(f->j, ']');
		json_close(f->j, '}');
		return 0;
	}
	printf("%s", r->doc);
	if (r->section)
		printf("  \xc2\xa7 %s", r->section);
	if (r->page)
		printf("  p. %d", r->page);
	if (r->paragraph)
		printf("  \xc2\xb6 %d", r->paragraph);
	fputs("\n    ", stdout);
	{
		const char	*s = r->snippet;
		size_t		 chars = 0;
		int		 h = 0;

		for (; ; s++) {
			while (h < 2 * r->nhits && (size_t)r->hits[h] == chars) {
				fputs(h % 2 == 0 ? (f->tty ? "\033[1m" : "**") :
				    (f->tty ? "\033[0m" : "**"), stdout);
				h++;
			}
			if (*s == '\0')
				break;
			if (((unsigned char)*s & 0xc0) != 0x80)
				chars++;
			putchar(*s == '\n' ? ' ' : *s);
		}
	}
	putchar('\n');
	return 0;
}

static int
cmd_search(struct cli *c, int argc, char **argv, int limit, const char *docarg)
{
	struct found	f;
	struct json	j;
	char		err[512];
	int64_t		doc = 0;
	int		rc;

	if (argc != 1) {
		fprintf(stderr, "usage: %s search QUERY [--limit N] [--doc DOC] [--json]\n",
		    c->prog);
		return 2;
	}
	if (docarg != NULL && cli_find_doc(c, docarg, &doc) == -1)
		return 1;
	memset(&f, 0, sizeof f);
	f.tty = isatty(1) && getenv("NO_COLOR") == NULL;
	if (c->json) {
		json_init(&j, stdout);
		f.j = &j;
		json_open(&j, '[');
	}
	rc = store_search(c->st, argv[0], limit, doc, hit_print, &f, err, sizeof err);
	if (c->json)
		json_close(&j, ']');
	if (rc == -1) {
		fprintf(stderr, "%s: %s\n", c->prog, err);
		return 1;
	}
	if (!c->json && f.n == 0)
		fprintf(stderr, "%s: no matches for \"%s\"\n", c->prog, argv[0]);
	return 0;
}

/* ---- dispatch ---- */

static int
number_arg(struct cli *c, const char *opt, const char *v, int *out)
{
	char	*end;
	long	 n;

	if (v == NULL) {
		fprintf(stderr, "%s: %s needs a number\n", c->prog, opt);
		return -1;
	}
	n = strtol(v, &end, 10);
	if (*end != '\0' || n < 1 || n > 100000) {
		fprintf(stderr, "%s: %s: not a number from 1 up: %s\n", c->prog,
		    opt, v);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* Takes the value of an option that needs one. */
static const char *
opt_value(struct cli *c, int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "%s: %s needs a value\n", c->prog, argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

int
cli_run(struct cli *c, int argc, char **argv)
{
	struct cli_opts	 o;
	const char	*cmd = argv[0], *v;
	char		**pos;
	int		 npos = 0, i, rc = 0;

	memset(&o, 0, sizeof o);
	o.limit = 20;
	if ((pos = calloc((size_t)argc + 1, sizeof *pos)) == NULL)
		return 1;
	for (i = 1; i < argc && rc == 0; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--json") == 0)
			o.json = c->json = 1;
		else if (strcmp(a, "--unresolved") == 0)
			o.unresolved = 1;
		else if (strcmp(a, "--force") == 0 || strcmp(a, "-f") == 0)
			o.force = 1;
		else if (strcmp(a, "--width") == 0 || strcmp(a, "-w") == 0)
			rc = number_arg(c, "--width", opt_value(c, argc, argv, &i),
			    &o.width) == -1 ? 2 : 0;
		else if (strcmp(a, "--limit") == 0 || strcmp(a, "-n") == 0)
			rc = number_arg(c, "--limit", opt_value(c, argc, argv, &i),
			    &o.limit) == -1 ? 2 : 0;
		else if (strcmp(a, "--format") == 0)
			rc = (o.format = opt_value(c, argc, argv, &i)) ? 0 : 2;
		else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)
			rc = (o.out = opt_value(c, argc, argv, &i)) ? 0 : 2;
		else if (strcmp(a, "--doc") == 0)
			rc = (o.doc = opt_value(c, argc, argv, &i)) ? 0 : 2;
		else if (strcmp(a, "--note") == 0)
			rc = (o.note = opt_value(c, argc, argv, &i)) ? 0 : 2;
		else if (strcmp(a, "--tag") == 0) {
			if ((v = opt_value(c, argc, argv, &i)) == NULL)
				rc = 2;
			else if (o.ntags < CLI_MAX_TAGS)
				o.tags[o.ntags++] = v;
		} else if (strcmp(a, "--") == 0) {
			while (++i < argc)
				pos[npos++] = argv[i];
		} else if (a[0] == '-' && a[1] != '\0' && !isdigit((unsigned char)a[1])) {
			fprintf(stderr, "%s: %s: unknown option %s\n", c->prog, cmd, a);
			rc = 2;
		} else
			pos[npos++] = argv[i];
	}
	if (rc != 0)
		;
	else if (strcmp(cmd, "load") == 0)
		rc = cli_load(c, npos, pos);
	else if (strcmp(cmd, "docs") == 0)
		rc = npos ? 2 : cmd_docs(c);
	else if (strcmp(cmd, "toc") == 0)
		rc = cmd_toc(c, npos, pos);
	else if (strcmp(cmd, "show") == 0)
		rc = cmd_show(c, npos, pos, o.width);
	else if (strcmp(cmd, "search") == 0)
		rc = cmd_search(c, npos, pos, o.limit, o.doc);
	else if (strcmp(cmd, "bookmarks") == 0 || strcmp(cmd, "bookmark") == 0)
		rc = cli_bookmarks(c, npos, pos, &o);
	else if ((rc = cli_xref(c, cmd, npos, pos, &o)) == -1) {
		fprintf(stderr, "%s: unknown command: %s\n", c->prog, cmd);
		cli_usage(stderr);
		rc = 2;
	}
	free(pos);
	return rc;
}
