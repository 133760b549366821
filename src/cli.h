/* cli.h: the command-line commands. */
#ifndef LK_CLI_H
#define LK_CLI_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct store;

/* Options every command shares. */
struct cli {
	const char	*prog;
	char		 home[4096];
	struct store	*st;
	int		 json;
};

/* The options of a command line, wherever they stand among the words. */
#define CLI_MAX_TAGS 32
struct cli_opts {
	int		 json, width, limit, unresolved, force;
	const char	*format, *out, *doc, *note;
	const char	*tags[CLI_MAX_TAGS];
	int		 ntags;
};

/* The citation network commands (cli_xref.c): cites, cited-by, refs,
 * graph, related. Returns the exit status, or -1 when cmd is not one of them. */
int	cli_xref(struct cli *c, const char *cmd, int argc, char **argv,
	    const struct cli_opts *o);

/* The bookmarks command (cli_bookmarks.c): list, add, rm, restore, note,
 * export. Returns the exit status. */
int	cli_bookmarks(struct cli *c, int argc, char **argv,
	    const struct cli_opts *o);

/* Runs the command in argv[0] with its arguments. Returns the exit status:
 * 0 done, 1 failed, 2 usage error. */
int	cli_run(struct cli *c, int argc, char **argv);
/* Loads the files and folders in paths; prints one line a file. */
int	cli_load(struct cli *c, int n, char **paths);
/* The folder of the bundled data ("corpus", "data"): next to the binary
 * when run from its source tree, else the installed one. */
void	cli_datadir(char *out, size_t len, const char *what);
/* Finds the document a user means (store_doc_find); prints why not and
 * returns -1 when there is none or several. */
int	cli_find_doc(struct cli *c, const char *arg, int64_t *doc);
/* Whether word names a command (else it names a document to browse). */
int	cli_is_command(const char *word);
/* Prints the usage to f. */
void	cli_usage(FILE *f);

#endif
