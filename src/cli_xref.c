/* cli_xref.c: the citation network commands: cites, cited-by, refs, graph
 * and related. Each prints text for people, or with --json one JSON
 * document; the queries are in store_xref.c. */
#include <stdio.h>
#include <string.h>

#include "cite.h"
#include "cli.h"
#include "json.h"
#include "store.h"
#include "store_xref.h"

#define ARROW	"\xe2\x86\x92"	/* → */
#define PILCROW	"\xc2\xb6"	/* ¶ */

struct xref_out {
	struct cli	*c;
	struct json	*j;
	int		 n;
	char		 last[256];	/* cited-by: the document printed last */
};

static int
db_failed(struct cli *c, const char *cmd)
{
	fprintf(stderr, "%s: %s: cannot read the index\n", c->prog, cmd);
	return 1;
}

/* Where a citation stands: "¶ 12 n. 3  p. 4". */
static void
print_where(const struct xref_cite *r)
{
	if (r->paragraph)
		printf(PILCROW " %d", r->paragraph);
	if (r->paragraph && r->note)
		putchar(' ');
	if (r->note)
		printf("n. %d", r->note);
	if (r->page)
		printf("  p. %d", r->page);
}

/* What a citation names: "36 045, nr. 4, p. 3". */
static void
print_cited(const struct xref_cite *r)
{
	printf("%s", r->display ? r->display : r->id);
	if (r->pin)
		printf(", p. %d", r->pin);
}

/* ---- cites ---- */

static int
target_json(const struct xref_target *t, void *arg)
{
	json_str(arg, t->id);
	return 0;
}

/* The targets after the first, for the text: "kst-99001-2, kst-99001-3". */
static int
target_more(const struct xref_target *t, void *arg)
{
	int *n = arg;

	if ((*n)++ > 0)
		printf("%s%s", *n == 2 ? "" : ", ", t->id);
	return 0;
}

static int
cite_print(const struct xref_cite *r, void *arg)
{
	struct xref_out	*x = arg;
	struct json	*j = x->j;
	int		 n = 0, rc;

	x->n++;
	if (j == NULL) {
		print_where(r);
		fputs("  ", stdout);
		print_cited(r);
		printf("  %s", r->id);
		if (r->label)
			printf("  %s", r->label);
		if (r->target == NULL)
			puts("  " ARROW " (not in corpus)");
		else {
			printf("  " ARROW " %s", r->target_title);
			if (r->ntargets > 1) {
				printf(" (and ");
				if (store_xref_targets(x->c->st, r->id, target_more,
				    &n) == -1)
					return -1;
				putchar(')');
			}
			putchar('\n');
		}
		return 0;
	}
	json_open(j, '{');
	json_key(j, "kind");
	json_str(j, r->kind);
	json_key(j, "id");
	json_str(j, r->id);
	json_key(j, "display");
	json_str(j, r->display);
	json_key(j, "label");
	json_str(j, r->label);
	json_key(j, "paragraph");
	json_int_or_null(j, r->paragraph);
	json_key(j, "note");
	json_int_or_null(j, r->note);
	json_key(j, "page");
	json_int_or_null(j, r->page);
	json_key(j, "pin");
	json_int_or_null(j, r->pin);
	json_key(j, "start");
	json_int(j, r->start);
	json_key(j, "end");
	json_int(j, r->end);
	json_key(j, "target");
	json_str(j, r->target);
	json_key(j, "target_title");
	json_str(j, r->target_title);
	json_key(j, "target_page");
	json_int_or_null(j, r->target ? r->pin : 0);
	json_key(j, "targets");
	json_open(j, '[');
	rc = r->ntargets > 0 ?
	    store_xref_targets(x->c->st, r->id, target_json, j) : 0;
	json_close(j, ']');
	json_close(j, '}');
	return rc;
}

typedef int (*doc_walk)(struct store *, int64_t, struct xref_out *);

/* A command that lists rows of one document: text, or with --json one
 * array; none is what to say when there are no rows. */
static int
doc_command(struct cli *c, int argc, char **argv, const char *name,
    doc_walk walk, const char *none)
{
	struct xref_out	x;
	struct json	j;
	int64_t		doc;
	int		rc;

	if (argc != 1) {
		fprintf(stderr, "usage: %s %s DOC [--json]\n", c->prog, name);
		return 2;
	}
	if (cli_find_doc(c, argv[0], &doc) == -1)
		return 1;
	memset(&x, 0, sizeof x);
	x.c = c;
	if (c->json) {
		json_init(&j, stdout);
		x.j = &j;
		json_open(&j, '[');
	}
	rc = walk(c->st, doc, &x);
	if (c->json)
		json_close(&j, ']');
	if (rc == -1)
		return db_failed(c, name);
	if (!c->json && x.n == 0)
		fprintf(stderr, "%s: %s: %s\n", c->prog, argv[0], none);
	return 0;
}

static int
walk_cites(struct store *st, int64_t doc, struct xref_out *x)
{
	return store_xref_cites(st, doc, cite_print, x);
}

/* ---- cited-by ---- */

static int
doc_key(const struct doc_row *r, void *arg)
{
	struct xref_out *x = arg;

	snprintf(x->last, sizeof x->last, "%s", r->id);
	return 1;
}

/* The canonical id a user means: a loose citation form, else a document
 * of the index by any of the forms DOC takes. */
static int
cited_id(struct cli *c, const char *arg, char *id, size_t len)
{
	struct xref_out	x;
	int64_t		doc;
	char		err[2048];

	if (cite_parse_id(arg, id, len) == 0)
		return 0;
	if (store_doc_find(c->st, arg, &doc, err, sizeof err) == 0) {
		memset(&x, 0, sizeof x);
		if (store_doc_get(c->st, doc, doc_key, &x) == -1 ||
		    x.last[0] == '\0') {
			db_failed(c, "cited-by");
			return -1;
		}
		snprintf(id, len, "%s", x.last);
		return 0;
	}
	if (strncmp(err, "no such", 7) == 0)
		fprintf(stderr, "%s: cited-by: %s: not a citation id (such as"
		    " \"36 045, nr. 4\", kst-36045-4 or dossier-36045) nor a"
		    " document in the index\n", c->prog, arg);
	else
		fprintf(stderr, "%s: cited-by: %s: %s\n", c->prog, arg, err);
	return -1;
}

static int
citing_print(const struct xref_cite *r, void *arg)
{
	struct xref_out	*x = arg;
	struct json	*j = x->j;

	x->n++;
	if (j == NULL) {
		if (strcmp(x->last, r->doc) != 0) {
			printf("%s%s  %s\n", x->n > 1 ? "\n" : "", r->doc,
			    r->doc_title);
			snprintf(x->last, sizeof x->last, "%s", r->doc);
		}
		fputs("  ", stdout);
		print_where(r);
		fputs("  ", stdout);
		print_cited(r);
		if (r->label)
			printf("  %s", r->label);
		printf("\n      %s\n", r->snippet);
		return 0;
	}
	json_open(j, '{');
	json_key(j, "doc");
	json_str(j, r->doc);
	json_key(j, "title");
	json_str(j, r->doc_title);
	json_key(j, "paragraph");
	json_int_or_null(j, r->paragraph);
	json_key(j, "note");
	json_int_or_null(j, r->note);
	json_key(j, "page");
	json_int_or_null(j, r->page);
	json_key(j, "label");
	json_str(j, r->label);
	json_key(j, "kind");
	json_str(j, r->kind);
	json_key(j, "id");
	json_str(j, r->id);
	json_key(j, "display");
	json_str(j, r->display);
	json_key(j, "pin");
	json_int_or_null(j, r->pin);
	json_key(j, "start");
	json_int(j, r->start);
	json_key(j, "end");
	json_int(j, r->end);
	json_key(j, "snippet");
	json_str(j, r->snippet);
	json_close(j, '}');
	return 0;
}

static int
cmd_cited_by(struct cli *c, int argc, char **argv)
{
	struct xref_out	x;
	struct json	j;
	char		id[256];
	int		rc;

	if (argc != 1) {
		fprintf(stderr, "usage: %s cited-by ID [--json]\n", c->prog);
		return 2;
	}
	if (cited_id(c, argv[0], id, sizeof id) == -1)
		return 1;
	memset(&x, 0, sizeof x);
	x.c = c;
	if (c->json) {
		json_init(&j, stdout);
		x.j = &j;
		json_open(&j, '[');
	}
	rc = store_xref_cited_by(c->st, id, citing_print, &x);
	if (c->json)
		json_close(&j, ']');
	if (rc == -1)
		return db_failed(c, "cited-by");
	if (!c->json && x.n == 0)
		fprintf(stderr, "%s: nothing in the index cites %s\n", c->prog, id);
	return 0;
}

/* ---- refs ---- */

static int
ref_print(const struct xref_ref *r, void *arg)
{
	struct xref_out	*x = arg;
	struct json	*j = x->j;

	if (j == NULL) {
		if (x->n++ == 0)
			printf("%5s %6s  %-9s  %-24s %s\n", "CITED", "PAPERS",
			    "IN CORPUS", "ID", "CITED AS");
		printf("%5d %6d  %-9s  %-24s %s\n", r->count, r->papers,
		    r->in_corpus ? "yes" : "no", r->id,
		    r->display ? r->display : "");
		return 0;
	}
	x->n++;
	json_open(j, '{');
	json_key(j, "id");
	json_str(j, r->id);
	json_key(j, "kind");
	json_str(j, r->kind);
	json_key(j, "display");
	json_str(j, r->display);
	json_key(j, "count");
	json_int(j, r->count);
	json_key(j, "papers");
	json_int(j, r->papers);
	json_key(j, "in_corpus");
	json_bool(j, r->in_corpus);
	json_close(j, '}');
	return 0;
}

static int
cmd_refs(struct cli *c, int argc, const struct cli_opts *o)
{
	struct xref_out	x;
	struct json	j;
	int		rc;

	if (argc != 0) {
		fprintf(stderr, "usage: %s refs [--unresolved] [--json]\n",
		    c->prog);
		return 2;
	}
	memset(&x, 0, sizeof x);
	x.c = c;
	if (c->json) {
		json_init(&j, stdout);
		x.j = &j;
		json_open(&j, '[');
	}
	rc = store_xref_refs(c->st, o->unresolved, ref_print, &x);
	if (c->json)
		json_close(&j, ']');
	if (rc == -1)
		return db_failed(c, "refs");
	if (!c->json && x.n == 0)
		fprintf(stderr, "%s: no %scitations in the index\n", c->prog,
		    o->unresolved ? "unresolved " : "");
	return 0;
}

/* ---- graph ---- */

/* Text inside a DOT string: quotes and backslashes escaped, line ends
 * as \n. */
static void
dot_escape(const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s != '\r')
			putchar(*s);
	}
}

static void
dot_str(const char *s)
{
	putchar('"');
	dot_escape(s);
	putchar('"');
}

static int
node_print(const struct xref_node *r, void *arg)
{
	struct xref_out	*x = arg;
	struct json	*j = x->j;

	if (j == NULL) {
		putchar('\t');
		dot_str(r->id);
		/* the label: the id, and the title on a line of its own */
		fputs(" [label=\"", stdout);
		dot_escape(r->id);
		if (r->title != NULL && strcmp(r->title, r->id) != 0) {
			fputs("\\n", stdout);
			dot_escape(r->title);
		}
		putchar('"');
		if (!r->in_corpus)
			fputs(", style=dashed", stdout);
		puts("];");
		return 0;
	}
	json_open(j, '{');
	json_key(j, "id");
	json_str(j, r->id);
	json_key(j, "title");
	json_str(j, r->title);
	json_key(j, "in_corpus");
	json_bool(j, r->in_corpus);
	json_close(j, '}');
	return 0;
}

static int
edge_print(const struct xref_edge *r, void *arg)
{
	struct xref_out	*x = arg;
	struct json	*j = x->j;

	if (j == NULL) {
		putchar('\t');
		dot_str(r->from);
		fputs(" -> ", stdout);
		dot_str(r->to);
		printf(" [weight=%d", r->weight);
		if (r->weight > 1)
			printf(", label=\"%d\"", r->weight);
		puts("];");
		return 0;
	}
	json_open(j, '{');
	json_key(j, "from");
	json_str(j, r->from);
	json_key(j, "to");
	json_str(j, r->to);
	json_key(j, "weight");
	json_int(j, r->weight);
	json_close(j, '}');
	return 0;
}

static int
cmd_graph(struct cli *c, int argc, const struct cli_opts *o)
{
	struct xref_out	 x;
	struct json	 j;
	const char	*format = o->json ? "json" : o->format ? o->format : "dot";
	int		 rc;

	if (argc != 0) {
		fprintf(stderr, "usage: %s graph [--format dot|json]\n", c->prog);
		return 2;
	}
	if (strcmp(format, "dot") != 0 && strcmp(format, "json") != 0) {
		fprintf(stderr, "%s: graph: unknown format %s (dot or json)\n",
		    c->prog, format);
		return 2;
	}
	memset(&x, 0, sizeof x);
	x.c = c;
	if (strcmp(format, "json") == 0) {
		json_init(&j, stdout);
		x.j = &j;
		json_open(&j, '{');
		json_key(&j, "nodes");
		json_open(&j, '[');
	} else
		puts("digraph citations {\n\tnode [shape=box];");
	rc = store_xref_nodes(c->st, node_print, &x);
	if (x.j != NULL) {
		json_close(&j, ']');
		json_key(&j, "edges");
		json_open(&j, '[');
	}
	if (rc == 0)
		rc = store_xref_edges(c->st, edge_print, &x);
	if (x.j != NULL) {
		json_close(&j, ']');
		json_close(&j, '}');
	} else
		puts("}");
	return rc == -1 ? db_failed(c, "graph") : 0;
}

/* ---- related ---- */

static int
related_print(const struct xref_related *r, void *arg)
{
	struct xref_out	*x = arg;
	struct json	*j = x->j;

	x->n++;
	if (j == NULL) {
		printf("%s  %s  (%s, %d shared citation%s)\n", r->id, r->title,
		    r->reason, r->shared, r->shared == 1 ? "" : "s");
		return 0;
	}
	json_open(j, '{');
	json_key(j, "id");
	json_str(j, r->id);
	json_key(j, "title");
	json_str(j, r->title);
	json_key(j, "reason");
	json_str(j, r->reason);
	json_key(j, "shared");
	json_int(j, r->shared);
	json_close(j, '}');
	return 0;
}

static int
walk_related(struct store *st, int64_t doc, struct xref_out *x)
{
	return store_xref_related(st, doc, related_print, x);
}

int
cli_xref(struct cli *c, const char *cmd, int argc, char **argv,
    const struct cli_opts *o)
{
	if (strcmp(cmd, "cites") == 0)
		return doc_command(c, argc, argv, "cites", walk_cites,
		    "cites nothing the index recognises");
	if (strcmp(cmd, "cited-by") == 0)
		return cmd_cited_by(c, argc, argv);
	if (strcmp(cmd, "refs") == 0)
		return cmd_refs(c, argc, o);
	if (strcmp(cmd, "graph") == 0)
		return cmd_graph(c, argc, o);
	if (strcmp(cmd, "related") == 0)
		return doc_command(c, argc, argv, "related", walk_related,
		    "no related papers in the index");
	return -1;
}
