/* store_int.h: what the store's own files share; nothing outside the
 * store includes it. */
#ifndef LK_STORE_INT_H
#define LK_STORE_INT_H
#include <sqlite3.h>

struct store {
	sqlite3	*db;
};

#endif
