/* loadq.h: files read and parsed in a second thread, ahead of the one
 * that stores them, handed over in their order. What is parsed and not
 * yet released is bounded (LOADQ_BYTES of files), so a load's memory does
 * not grow with it. */
#ifndef LK_LOADQ_H
#define LK_LOADQ_H
#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "load.h"

enum loadq_state { LOADQ_PARSED, LOADQ_SAME, LOADQ_FAILED };

struct loadq_item {
	const char		*path;
	enum loadq_state	 state;
	struct loaded		 l;		/* LOADQ_PARSED */
	char			 stem[256];
	char			 err[512];	/* LOADQ_FAILED */
	size_t			 bytes;		/* of the file */
	char			 stamp[LOAD_STAMP];	/* see load_stamp */
	int			 restamp;	/* LOADQ_SAME by content, not stamp */
	struct loadq_item	*next;
};

/* same(arg, stem, stamp, hash): 1 when the index holds this file as it is
 * (by its stamp when hash is NULL, else by its content), so that it is not
 * read or not parsed. Called in the parsing thread. */
typedef int (*loadq_same_fn)(void *arg, const char *stem, const char *stamp,
		    const uint64_t *hash);

struct loadq;

/* Starts parsing paths (kept by the caller until loadq_end) in a second
 * thread; the hyphenation lexicon is read from datadir when a file needs
 * it, its word list through the cache file lexcache (NULL: none). Parsing
 * stops early when *stop becomes non-zero. NULL: no memory or no thread. */
struct loadq	*loadq_start(char **paths, size_t n, const char *datadir,
		    const char *lexcache, loadq_same_fn same, void *arg,
		    volatile sig_atomic_t *stop);
/* The next file, waiting for it; NULL when there are no more. */
struct loadq_item *loadq_next(struct loadq *q);
/* Frees a file the caller is done with, making room for the next. */
void		 loadq_release(struct loadq *q, struct loadq_item *it);
/* Stops the thread (after the file in hand) and frees what is left. */
void		 loadq_end(struct loadq *q);

#endif
