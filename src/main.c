/* main.c: finds the data folder, opens the store and runs a command. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "cli.h"
#include "load.h"
#include "store.h"
#include "browse.h"

static int
home_dir(struct cli *c, const char *opt)
{
	const char	*v;

	if (opt != NULL)
		v = opt;
	else if ((v = getenv("LEESKAMER_HOME")) != NULL && *v != '\0')
		;
	else if ((v = getenv("XDG_DATA_HOME")) != NULL && *v != '\0') {
		snprintf(c->home, sizeof c->home, "%s/leeskamer", v);
		return 0;
	} else if ((v = getenv("HOME")) != NULL && *v != '\0') {
		snprintf(c->home, sizeof c->home, "%s/.local/share/leeskamer", v);
		return 0;
	} else {
		fprintf(stderr, "%s: no data folder: set LEESKAMER_HOME or HOME\n",
		    c->prog);
		return -1;
	}
	snprintf(c->home, sizeof c->home, "%s", v);
	return 0;
}

/* Opens the browser: on the document named, or on a file loaded first;
 * with an empty index, the bundled corpus is loaded first. */
static int
browse(struct cli *c, const char *arg, int nargs)
{
	struct stat	 sb;
	char		 dir[4096], stem[256], *paths[1];
	const char	*open = arg;

	if (nargs > 1) {
		fprintf(stderr, "%s: unknown command: %s\n", c->prog, arg);
		cli_usage(stderr);
		return 2;
	}
	if (arg != NULL && stat(arg, &sb) == 0 && S_ISREG(sb.st_mode)) {
		paths[0] = (char *)arg;
		if (cli_load(c, 1, paths) != 0)
			return 1;
		load_stem(arg, stem, sizeof stem);
		open = stem;
	} else if (arg != NULL && store_doc_count(c->st) > 0) {
		char	err[2048];
		int64_t	doc;

		if (store_doc_find(c->st, arg, &doc, err, sizeof err) == -1) {
			fprintf(stderr, "%s: %s: not a command, a file or a document"
			    " in the index (%s)\n", c->prog, arg, err);
			return 2;
		}
	} else if (store_doc_count(c->st) == 0) {
		cli_datadir(dir, sizeof dir, "corpus");
		fprintf(stderr, "%s: the index is empty: loading the bundled corpus"
		    " from %s\n", c->prog, dir);
		paths[0] = dir;
		cli_load(c, 1, paths);
	}
	return ui_run(c->st, open);
}

int
main(int argc, char **argv)
{
	struct cli	 c;
	const char	*home = NULL;
	char		 err[1024];
	int		 i = 1, rc, search;

	memset(&c, 0, sizeof c);
	c.prog = "leeskamer";
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--home") == 0 && i + 1 < argc)
			home = argv[++i];
		else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			cli_usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0) {
			puts("leeskamer " LK_VERSION);
			return 0;
		} else {
			fprintf(stderr, "%s: unknown option %s\n", c.prog, argv[i]);
			cli_usage(stderr);
			return 2;
		}
	}
	search = i < argc && strcmp(argv[i], "search") == 0;
	/* the character set only: numbers in JSON keep their points. A
	 * search prints its bytes as stored and needs none: reading the
	 * locale's files is 16 system calls of its start */
	if (!search)
		setlocale(LC_CTYPE, "");
	if (home_dir(&c, home) == -1)
		return 1;
	/* a search reads the index alone */
	if (store_open_flags(c.home, search ? STORE_INDEX : 0, &c.st, err,
	    sizeof err) == -1) {
		fprintf(stderr, "%s: %s\n", c.prog, err);
		return 1;
	}
	if (store_emptied(c.st))
		fprintf(stderr, "%s: the index was made by an older leeskamer and"
		    " has been emptied: load your papers again (bookmarks are"
		    " kept)\n", c.prog);
	if (i == argc || !cli_is_command(argv[i]))
		rc = browse(&c, i < argc ? argv[i] : NULL, argc - i);
	else
		rc = cli_run(&c, argc - i, argv + i);
	store_close(c.st);
	return rc;
}
