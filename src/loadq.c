/* loadq.c: a second thread reads and parses the files of a load while
 * the first stores the ones before: parsing and SQLite's indexing take
 * about as long each, and each gets a core. Order is kept: items go
 * through one list, first in, first out. */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hyphen.h"
#include "loadq.h"

/* How much of the files may be parsed and not yet stored: a few papers,
 * not a corpus. A larger paper is parsed while the store has at most
 * this much in hand (not when it has none: it would wait for the whole
 * of the parse), and two large papers are never in memory at once. */
#define LOADQ_BYTES	(8L * 1024 * 1024)

struct loadq {
	char			**paths;
	size_t			  n;
	const char		 *datadir;
	const char		 *lexcache;
	loadq_same_fn		  same;
	void			 *arg;
	volatile sig_atomic_t	 *stop;

	pthread_t		  thread;
	pthread_mutex_t		  lock;
	pthread_cond_t		  changed;
	struct loadq_item	 *head, *tail;
	size_t			  queued;	/* bytes parsed, not released */
	int			  done;		/* the thread has no more */
	int			  quit;		/* loadq_end: stop now */
};

static void
item_parse(struct loadq *q, struct loadq_item *it, struct lexicon **lx,
    int *lx_open)
{
	unsigned char	*raw;
	size_t		 len;
	char		*sidecar;
	uint64_t	 hash;

	load_stem(it->path, it->stem, sizeof it->stem);
	if (load_stamp(it->path, it->stamp, sizeof it->stamp) != 0)
		it->stamp[0] = '\0';
	/* the same size and time: not read at all */
	if (q->same != NULL && it->stamp[0] != '\0' &&
	    q->same(q->arg, it->stem, it->stamp, NULL)) {
		it->state = LOADQ_SAME;
		return;
	}
	if (load_read(it->path, &raw, &len, it->err, sizeof it->err) == -1) {
		it->state = LOADQ_FAILED;
		return;
	}
	it->bytes = len;
	sidecar = load_sidecar(it->path);
	hash = load_hash(raw, len, sidecar);
	if (q->same != NULL && q->same(q->arg, it->stem, NULL, &hash)) {
		it->state = LOADQ_SAME;
		it->restamp = it->stamp[0] != '\0';
		free(raw);
		free(sidecar);
		return;
	}
	if (!*lx_open) {
		*lx = lexicon_open_cached(NULL, q->datadir, q->lexcache);
		*lx_open = 1;
	}
	/* load_parse owns sidecar and raw from here */
	it->state = load_parse_hashed(it->path, raw, len, hash, sidecar, *lx,
	    &it->l, it->err, sizeof it->err) == -1 ? LOADQ_FAILED : LOADQ_PARSED;
	memcpy(it->l.stamp, it->stamp, sizeof it->l.stamp);
	if (it->state == LOADQ_FAILED)
		load_free(&it->l);
}

static void *
parse_all(void *arg)
{
	struct loadq		*q = arg;
	struct loadq_item	*it;
	struct lexicon		*lx = NULL;
	size_t			 i;
	int			 lx_open = 0, quit = 0;

	for (i = 0; i < q->n && !quit && !*q->stop; i++) {
		struct stat	sb;
		size_t		size;

		if ((it = calloc(1, sizeof *it)) == NULL)
			break;
		it->path = q->paths[i];
		size = stat(it->path, &sb) == 0 ? (size_t)sb.st_size : 0;
		pthread_mutex_lock(&q->lock);
		while (q->queued > 0 && q->queued + (size > LOADQ_BYTES ? 0 :
		    size) > LOADQ_BYTES && !q->quit)
			pthread_cond_wait(&q->changed, &q->lock);
		quit = q->quit;
		pthread_mutex_unlock(&q->lock);
		if (quit || *q->stop) {
			free(it);
			break;
		}
		item_parse(q, it, &lx, &lx_open);
		pthread_mutex_lock(&q->lock);
		if (q->tail != NULL)
			q->tail->next = it;
		else
			q->head = it;
		q->tail = it;
		q->queued += it->bytes;
		quit = q->quit;
		pthread_cond_broadcast(&q->changed);
		pthread_mutex_unlock(&q->lock);
	}
	if (lx != NULL)
		lexicon_close(lx);
	pthread_mutex_lock(&q->lock);
	q->done = 1;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

struct loadq *
loadq_start(char **paths, size_t n, const char *datadir, const char *lexcache,
    loadq_same_fn same, void *arg, volatile sig_atomic_t *stop)
{
	struct loadq	*q;

	if ((q = calloc(1, sizeof *q)) == NULL)
		return NULL;
	q->paths = paths;
	q->n = n;
	q->datadir = datadir;
	q->lexcache = lexcache;
	q->same = same;
	q->arg = arg;
	q->stop = stop;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->changed, NULL);
	if (pthread_create(&q->thread, NULL, parse_all, q) != 0) {
		pthread_mutex_destroy(&q->lock);
		pthread_cond_destroy(&q->changed);
		free(q);
		return NULL;
	}
	return q;
}

struct loadq_item *
loadq_next(struct loadq *q)
{
	struct loadq_item	*it;

	pthread_mutex_lock(&q->lock);
	while (q->head == NULL && !q->done)
		pthread_cond_wait(&q->changed, &q->lock);
	if ((it = q->head) != NULL) {
		if ((q->head = it->next) == NULL)
			q->tail = NULL;
		it->next = NULL;
	}
	pthread_mutex_unlock(&q->lock);
	return it;
}

void
loadq_release(struct loadq *q, struct loadq_item *it)
{
	if (it == NULL)
		return;
	if (it->state == LOADQ_PARSED)
		load_free(&it->l);
	pthread_mutex_lock(&q->lock);
	q->queued -= it->bytes;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	free(it);
}

void
loadq_end(struct loadq *q)
{
	struct loadq_item	*it;

	if (q == NULL)
		return;
	pthread_mutex_lock(&q->lock);
	q->quit = 1;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	/* the thread ends after the file in hand; what it left is freed */
	while ((it = loadq_next(q)) != NULL)
		loadq_release(q, it);
	pthread_join(q->thread, NULL);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->changed);
	free(q);
}
