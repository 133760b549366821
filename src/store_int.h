/* store_int.h: what the store's own files share; nothing outside the
 * store includes it. */
#ifndef LK_STORE_INT_H
#define LK_STORE_INT_H
#include <stdint.h>

#include <sqlite3.h>

#define STORE_CACHE	128

/* A document of a dossier, by the dossier's id (store_dossier.c). */
struct dossier_doc {
	char		*id, *key;
	int64_t		 rowid;
	int		 nonum;		/* no number: after those with one */
	long long	 num;
};

struct store {
	sqlite3	*db;
	int	 emptied;	/* an old index.db was dropped on opening */
	int	 user_ready;	/* user.db's tables are made (store_user.c) */
	char	 home[4096];	/* the folder of index.db and user.db */

	/* Statements kept prepared, found by their SQL's address: the
	 * loader runs the same few for every file. */
	struct {
		const char	*sql;
		sqlite3_stmt	*s;
	}	 cache[STORE_CACHE];
	int	 ncache;

	/* Every document's dossier id, by id (store_dossier.c), and the
	 * index they were read from (its data_version). */
	struct dossier_doc *dossier;
	int	 ndossier, dossier_read;
	int64_t	 dossier_dv;

	/* A load in progress: files are put in one transaction, each in a
	 * savepoint, and their full text added at its end (see
	 * store_put_commit). */
	int	 batch;			/* in one */
	long long last_para, last_note;	/* the highest ids before it */
	long long next_para, next_note;	/* the ids given out in it */
	size_t	 batch_bytes;
	int	 batch_files;		/* files put in it */
	long long batch_start;		/* its start, in seconds */
};

/* A prepared statement kept for the store's life, reset and unbound;
 * sql must be a string that lives as long (a literal). NULL on error. */
sqlite3_stmt *store_cached(struct store *st, const char *sql);

/* A prepared statement, or NULL (sqlite3_errmsg says why). */
static inline sqlite3_stmt *
store_prep(struct store *st, const char *sql)
{
	sqlite3_stmt	*s = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	return s;
}

/* The documents of a dossier's id ("dossier-36045") in v, n of them, as
 * store_xref.c orders a target's documents: valid until the next call.
 * -1 on error. */
int	store_dossier_docs(struct store *st, const char *id,
	    const struct dossier_doc **v, int *n);
/* Lets go of what store_dossier_docs keeps. */
void	store_dossier_free(struct store *st);

/* A text column, as the char * the rest of leeskamer uses. */
static inline const char *
store_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

#endif
