/* cli_xref.c: the citation network commands. */
#include <stdio.h>

#include "cli.h"

int
cli_xref(struct cli *c, const char *cmd, int argc, char **argv,
    const struct cli_opts *o)
{
	(void)c;
	(void)cmd;
	(void)argc;
	(void)argv;
	(void)o;
	return -1;
}
