/* test_xml_recall.c: the recogniser (cite_find_all) against the <extref>
 * markup of the 692 real motions in ../shared/papers/motions-xml/ (skipped
 * when that folder is absent).
 *
 * Each file is read with xml_parse; its citations with markup set are the
 * extrefs. The recogniser is then run by itself over the plain text of
 * every paragraph (of any kind) and every note:
 *
 * - recall: the share of extrefs of kind kst that it also finds (a hit with
 *   the same id and an overlapping span); it must be 1;
 * - precision: the share of its hits that are such an extref;
 * - its hits that are no extref ("unmarked finds") were read by hand and
 *   are listed in tests/data/xml-unmarked.tsv with a verdict ("real": a
 *   citation the markup lacks, "false": a false positive); the set found
 *   must be that list exactly, so a change in the recogniser shows. A
 *   difference is printed as the tsv lines to add or remove. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "t.h"
#include "cite.h"
#include "load.h"
#include "xml.h"

#define RC_MOTIONS	"../shared/papers/motions-xml/"
#define RC_TSV		"tests/data/xml-unmarked.tsv"
#define RC_WORDS	6	/* words of context either side */

/* One unmarked find, or one line of the tsv. */
struct rc_row {
	char	*file, *id, *context, *verdict;
	int	 seen;
};

struct rc_rows {
	struct rc_row	*v;
	size_t		 n, cap;
};

static int
rc_add(struct rc_rows *r, const char *file, const char *id,
    const char *context, const char *verdict)
{
	if (r->n == r->cap) {
		size_t		 cap = r->cap ? 2 * r->cap : 16;
		struct rc_row	*v = realloc(r->v, cap * sizeof *v);

		if (v == NULL)
			return -1;
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n].file = strdup(file);
	r->v[r->n].id = strdup(id);
	r->v[r->n].context = strdup(context);
	r->v[r->n].verdict = strdup(verdict);
	r->v[r->n].seen = 0;
	r->n++;
	return 0;
}

static void
rc_free(struct rc_rows *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].file);
		free(r->v[i].id);
		free(r->v[i].context);
		free(r->v[i].verdict);
	}
	free(r->v);
}

/* The words around text[s..e), the find itself between « and »: at most
 * RC_WORDS words either side, tabs and line breaks as spaces. */
static void
rc_context(const char *text, size_t s, size_t e, char *out, size_t outlen)
{
	size_t	a = s, b = e, len = strlen(text), i, n = 0;
	int	w;

	for (w = 0; a > 0; a--)
		if (text[a - 1] == ' ' || text[a - 1] == '\n')
			if (++w > RC_WORDS)
				break;
	for (w = 0; b < len; b++)
		if (text[b] == ' ' || text[b] == '\n')
			if (++w > RC_WORDS)
				break;
	for (i = a; i <= b && n + 4 < outlen; i++) {
		if (i == s) {
			memcpy(out + n, "\xc2\xab", 2);
			n += 2;
		}
		if (i == e) {
			memcpy(out + n, "\xc2\xbb", 2);
			n += 2;
		}
		if (i == b)
			break;
		out[n++] = text[i] == '\t' || text[i] == '\n' ? ' ' : text[i];
	}
	out[n] = '\0';
}

/* Reads the tsv: file, id, context, verdict; "#" lines are comments. */
static int
rc_read_tsv(struct rc_rows *r)
{
	FILE	*f = fopen(RC_TSV, "r");
	char	 line[2048], *field[4], *p;
	int	 i, lineno = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (i = 0, p = line; i < 4; i++) {
			field[i] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
			else if (i < 3)
				break;
			else
				p = field[i] + strlen(field[i]);
		}
		if (i < 4 || (strcmp(field[3], "real") != 0 &&
		    strcmp(field[3], "false") != 0)) {
			fprintf(stderr, "FAIL %s:%d: not file, id, context, "
			    "real|false\n", RC_TSV, lineno);
			t_failed++;
			continue;
		}
		if (rc_add(r, field[0], field[1], field[2], field[3]) == -1)
			break;
	}
	fclose(f);
	return 0;
}

static int
rc_xml_only(const struct dirent *d)
{
	size_t	n = strlen(d->d_name);

	return n > 4 && strcmp(d->d_name + n - 4, ".xml") == 0;
}

/* The counts of one run over the motions. */
struct rc_count {
	int	files, failed;
	int	marked, recalled;	/* extrefs of kind kst; found by the recogniser */
	int	marked_other;		/* extrefs of other kinds */
	int	hits, hits_marked;	/* recogniser hits; of which extrefs */
};

/* Runs the recogniser over one text (a paragraph, or note note) of l,
 * counting and collecting its hits. */
static int
rc_text(const char *file, const struct loaded *l, const char *text, int para,
    int note, struct rc_count *k, struct rc_rows *found, char *recalled)
{
	struct cite_list	cl = { 0 };
	char			ctx[1024], want[64];
	size_t			i, j, s, e;
	int			marked;

	if (cite_find_all(text, strlen(text), &cl) == -1)
		return -1;
	for (i = 0; i < cl.n; i++) {
		s = u8_mbsnlen((const uint8_t *)text, cl.v[i].start);
		e = s + u8_mbsnlen((const uint8_t *)text + cl.v[i].start,
		    cl.v[i].end - cl.v[i].start);
		marked = 0;
		for (j = 0; j < l->ncites; j++) {
			const struct pcite *c = &l->cites[j];

			if (!c->markup || c->note != note ||
			    (note < 0 && c->para != para) ||
			    c->end <= s || c->start >= e)
				continue;
			/* the extref's id as given, spelled canonically */
			if (cite_parse_id(c->c.id, want, sizeof want) == -1)
				snprintf(want, sizeof want, "%s", c->c.id);
			if (strcmp(want, cl.v[i].id) != 0)
				continue;
			marked = 1;
			recalled[j] = 1;
		}
		k->hits++;
		if (marked)
			k->hits_marked++;
		else {
			rc_context(text, cl.v[i].start, cl.v[i].end, ctx, sizeof ctx);
			if (rc_add(found, file, cl.v[i].id, ctx, "") == -1) {
				cite_list_free(&cl);
				return -1;
			}
		}
	}
	cite_list_free(&cl);
	return 0;
}

static void
rc_file(const char *name, struct rc_count *k, struct rc_rows *found)
{
	char		 path[1024], err[512];
	unsigned char	*raw = NULL;
	size_t		 len, i;
	struct loaded	 l;
	char		*recalled = NULL;

	memset(&l, 0, sizeof l);
	snprintf(path, sizeof path, "%s%s", RC_MOTIONS, name);
	k->files++;
	if (load_read(path, &raw, &len, err, sizeof err) == -1 ||
	    load_parse(path, raw, len, NULL, NULL, &l, err, sizeof err) == -1 ||
	    !l.xml) {
		fprintf(stderr, "FAIL test_xml_recall: %s: %s\n", name, err);
		k->failed++;
		goto done;
	}
	if ((recalled = calloc(l.ncites + 1, 1)) == NULL)
		goto done;
	for (i = 0; i < l.paper.npara; i++)
		if (rc_text(name, &l, l.paper.paras[i].text, (int)i, -1, k, found,
		    recalled) == -1)
			goto done;
	for (i = 0; i < l.paper.nnotes; i++)
		if (rc_text(name, &l, l.paper.notes[i].text ?
		    l.paper.notes[i].text : "", l.paper.notes[i].para, (int)i, k,
		    found, recalled) == -1)
			goto done;
	for (i = 0; i < l.ncites; i++) {
		if (!l.cites[i].markup)
			continue;
		if (l.cites[i].c.kind != CITE_KST) {
			k->marked_other++;
			continue;
		}
		k->marked++;
		if (recalled[i])
			k->recalled++;
		else
			fprintf(stderr, "FAIL test_xml_recall: %s: the extref %s "
			    "(paragraph %d, characters %zu-%zu) not recognised\n",
			    name, l.cites[i].c.id, l.cites[i].para,
			    l.cites[i].start, l.cites[i].end);
	}
done:
	free(recalled);
	free(raw);
	load_free(&l);
}

void
test_xml_recall(void)
{
	struct dirent	**names = NULL;
	struct rc_count	  k = { 0 };
	struct rc_rows	  found = { 0 }, want = { 0 };
	int		  n, i, real = 0, fals = 0, extra = 0, missing = 0;
	size_t		  a, b;

	n = scandir(RC_MOTIONS, &names, rc_xml_only, alphasort);
	if (n < 0) {
		fprintf(stderr, "SKIP test_xml_recall: no folder %s (the shared "
		    "papers are not checked out beside the repository)\n",
		    RC_MOTIONS);
		return;
	}
	for (i = 0; i < n; i++) {
		rc_file(names[i]->d_name, &k, &found);
		free(names[i]);
	}
	free(names);
	T_EQ_INT(k.files, 692);
	T_EQ_INT(k.failed, 0);
	/* recall is not vacuous: there are extrefs to find */
	T_OK(k.marked > 0);
	T_OK(rc_read_tsv(&want) == 0);
	for (a = 0; a < want.n; a++) {
		if (strcmp(want.v[a].verdict, "false") == 0)
			fals++;
		else
			real++;
	}
	printf("xml recall: %d motions, kst extrefs recalled %d/%d (other kinds "
	    "%d), recogniser hits %d\n", k.files, k.recalled, k.marked,
	    k.marked_other, k.hits);
	printf("recall %.3f (%d/%d), precision %.3f (%d/%d); unmarked finds %zu "
	    "(listed: %d real, %d false)\n",
	    k.marked ? (double)k.recalled / k.marked : 1.0, k.recalled, k.marked,
	    k.hits ? (double)k.hits_marked / k.hits : 1.0, k.hits_marked, k.hits,
	    found.n, real, fals);
	/* the recogniser finds every marked-up Kamerstuk */
	T_EQ_INT(k.recalled, k.marked);
	/* its unmarked finds are the reviewed list, exactly */
	for (a = 0; a < found.n; a++) {
		for (b = 0; b < want.n; b++)
			if (!want.v[b].seen &&
			    strcmp(found.v[a].file, want.v[b].file) == 0 &&
			    strcmp(found.v[a].id, want.v[b].id) == 0 &&
			    strcmp(found.v[a].context, want.v[b].context) == 0) {
				want.v[b].seen = found.v[a].seen = 1;
				break;
			}
		if (!found.v[a].seen) {
			if (extra++ == 0)
				fprintf(stderr, "FAIL test_xml_recall: unmarked "
				    "finds not in %s (review, then add with a "
				    "verdict):\n", RC_TSV);
			fprintf(stderr, "+\t%s\t%s\t%s\t?\n", found.v[a].file,
			    found.v[a].id, found.v[a].context);
		}
	}
	for (b = 0; b < want.n; b++)
		if (!want.v[b].seen) {
			if (missing++ == 0)
				fprintf(stderr, "FAIL test_xml_recall: listed in %s "
				    "but no longer found:\n", RC_TSV);
			fprintf(stderr, "-\t%s\t%s\t%s\t%s\n", want.v[b].file,
			    want.v[b].id, want.v[b].context, want.v[b].verdict);
		}
	T_EQ_INT(extra, 0);
	T_EQ_INT(missing, 0);
	rc_free(&found);
	rc_free(&want);
}
