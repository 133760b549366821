/* store_int.h: what the store's own files share; nothing outside the
 * store includes it. */
#ifndef LK_STORE_INT_H
#define LK_STORE_INT_H
#include <sqlite3.h>

struct store {
	sqlite3	*db;
	int	 emptied;	/* an old index.db was dropped on opening */
};

/* A prepared statement, or NULL (sqlite3_errmsg says why). */
static inline sqlite3_stmt *
store_prep(struct store *st, const char *sql)
{
	sqlite3_stmt	*s = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	return s;
}

/* A text column, as the char * the rest of leeskamer uses. */
static inline const char *
store_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

#endif
