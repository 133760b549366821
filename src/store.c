/* store.c: all SQL. index.db holds what the loader derived from the
 * papers; user.db the user's own data. Both in WAL mode, so a browser can
 * read while a loader writes.
 *
 * Full text: one FTS5 table over headings, paragraphs, notes and titles,
 * its text read from the rows themselves (an external-content table on
 * the view fts_source), so that a load writes the text once. Its rowid
 * is the row's own id, and says what a row is: para ids are 4k (a
 * heading or paragraph), note ids 4k+2, ftitle ids doc.id*4+3 (a title
 * as the full text holds it). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>
#include <unistr.h>

#include "cite.h"
#include "load.h"
#include "store.h"
#include "store_int.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS doc("
	" id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, kamerstuk TEXT,"
	" dossier TEXT, dossier_title TEXT, number TEXT, chamber TEXT,"
	" vergaderjaar TEXT, date TEXT, title TEXT NOT NULL, type TEXT,"
	" signatories TEXT, nparts INTEGER NOT NULL DEFAULT 0,"
	" nsections INTEGER NOT NULL DEFAULT 0, nparas INTEGER NOT NULL DEFAULT 0,"
	" nnotes INTEGER NOT NULL DEFAULT 0, ncites INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE IF NOT EXISTS file("
	" id INTEGER PRIMARY KEY, stem TEXT NOT NULL UNIQUE, path TEXT,"
	" hash TEXT NOT NULL, doc INTEGER NOT NULL, part INTEGER,"
	" first_page INTEGER, first_number TEXT, title TEXT, title_rank INTEGER,"
	" encoding TEXT, loaded TEXT, format TEXT NOT NULL DEFAULT 'txt',"
	" shadow INTEGER NOT NULL DEFAULT 0,"
	/* its rows, counted as they go in, and the offsets their ordinals
	 * carry as a part of the document */
	" npara INTEGER NOT NULL DEFAULT 0, nbody INTEGER NOT NULL DEFAULT 0,"
	" nsec INTEGER NOT NULL DEFAULT 0, nnote INTEGER NOT NULL DEFAULT 0,"
	" ncite INTEGER NOT NULL DEFAULT 0, poff INTEGER NOT NULL DEFAULT 0,"
	" soff INTEGER NOT NULL DEFAULT 0, stamp TEXT);"
	"CREATE INDEX IF NOT EXISTS file_doc ON file(doc);"
	"CREATE TABLE IF NOT EXISTS section("
	" id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, file INTEGER NOT NULL,"
	" sord INTEGER NOT NULL, ord INTEGER, sid TEXT, number TEXT NOT NULL,"
	" title TEXT NOT NULL, level INTEGER NOT NULL, parent INTEGER,"
	" page INTEGER, pfirst INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS section_doc ON section(doc, ord);"
	"CREATE INDEX IF NOT EXISTS section_file ON section(file);"
	"CREATE TABLE IF NOT EXISTS para("
	" id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, file INTEGER NOT NULL,"
	" pord INTEGER NOT NULL, ord INTEGER, section INTEGER, page INTEGER,"
	" line INTEGER, heading INTEGER NOT NULL, text TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS para_doc ON para(doc, ord);"
	"CREATE INDEX IF NOT EXISTS para_file ON para(file, pord);"
	"CREATE TABLE IF NOT EXISTS note("
	" id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, file INTEGER NOT NULL,"
	" number INTEGER NOT NULL, para INTEGER, pos INTEGER, page INTEGER,"
	" text TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS note_doc ON note(doc, para);"
	"CREATE INDEX IF NOT EXISTS note_file ON note(file);"
	"CREATE TABLE IF NOT EXISTS cite("
	" id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, file INTEGER NOT NULL,"
	" para INTEGER, note INTEGER, start INTEGER, end INTEGER,"
	" kind TEXT NOT NULL, target TEXT NOT NULL, display TEXT, label TEXT,"
	" page INTEGER, pin INTEGER, vergaderjaar TEXT);"
	"CREATE INDEX IF NOT EXISTS cite_doc ON cite(doc);"
	"CREATE INDEX IF NOT EXISTS cite_file ON cite(file);"
	"CREATE INDEX IF NOT EXISTS cite_target ON cite(target);"
	/* a title is kept as indexed, so that a changed one can be taken
	 * out of the full text by its old words */
	"CREATE TABLE IF NOT EXISTS ftitle(id INTEGER PRIMARY KEY,"
	" text TEXT NOT NULL);"
	"CREATE VIEW IF NOT EXISTS fts_source(id, head, body) AS"
	" SELECT id, iif(heading, text, NULL), iif(heading, NULL, text) FROM para"
	" UNION ALL SELECT id, NULL, text FROM note"
	" UNION ALL SELECT id, text, NULL FROM ftitle;"
	"CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(head, body,"
	" content = 'fts_source', content_rowid = 'id',"
	" tokenize = 'unicode61 remove_diacritics 2');"
	/* FTS5 writes the terms it holds as a segment every 1 MB, and
	 * merges the segments again and again as they pile up: held up to
	 * 8 MB, a load costs a quarter fewer instructions (callgrind, 50 MB) */
	"INSERT INTO fts(fts, rank) VALUES ('hashsize', 8388608);";

/* An index.db of another schema version: its tables are dropped, and
 * made again in the same transaction (one sync, not one a table). */
static const char index_drop[] =
	"BEGIN IMMEDIATE;"
	"DROP TABLE IF EXISTS main.fts; DROP VIEW IF EXISTS main.fts_source;"
	"DROP TABLE IF EXISTS main.ftitle; DROP TABLE IF EXISTS main.cite;"
	"DROP TABLE IF EXISTS main.note; DROP TABLE IF EXISTS main.para;"
	"DROP TABLE IF EXISTS main.section; DROP TABLE IF EXISTS main.file;"
	"DROP TABLE IF EXISTS main.doc;";

/* The reading positions, in user.db; the bookmarks' tables are made by
 * store_user.c. */
static const char user_schema[] =
	"CREATE TABLE IF NOT EXISTS user.position("
	" doc TEXT PRIMARY KEY, paragraph INTEGER, line INTEGER,"
	" seen TEXT NOT NULL);";

static int
exec(struct store *st, const char *sql, char *err, size_t errlen)
{
	char	*msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s", msg ? msg : "database error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

sqlite3_stmt *
store_cached(struct store *st, const char *sql)
{
	sqlite3_stmt	*s;
	int		 i;

	for (i = 0; i < st->ncache; i++) {
		if (st->cache[i].sql == sql) {
			sqlite3_reset(st->cache[i].s);
			sqlite3_clear_bindings(st->cache[i].s);
			return st->cache[i].s;
		}
	}
	/* the loader's statements are a fixed set, well under the size */
	if (st->ncache == STORE_CACHE || (s = store_prep(st, sql)) == NULL)
		return NULL;
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache++].s = s;
	return s;
}

static int	batch_begin(struct store *, char *, size_t);

/* lk_dossier_id(dossier): "21 501-20" gives "dossier-21501-20", spelled by
 * the recogniser itself, so a document's dossier and a citation of it
 * always meet. */
static void
dossier_id(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char	*s;
	char			 id[80];

	(void)argc;
	if ((s = sqlite3_value_text(argv[0])) == NULL ||
	    cite_parse_id((const char *)s, id, sizeof id) == -1 ||
	    strncmp(id, "dossier-", 8) != 0) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, id, -1, SQLITE_TRANSIENT);
}

static int
mkdirs(const char *path)
{
	char	buf[4096], *s;

	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return -1;
	for (s = buf + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(buf, 0700) == -1 && errno != EEXIST)
			return -1;
		*s = '/';
	}
	if (mkdir(buf, 0700) == -1 && errno != EEXIST)
		return -1;
	return 0;
}

/* The version of index.db's schema: an index.db of another version is
 * dropped and made again, since it is derived (user.db is kept). Bump it
 * when the schema changes. */
#define INDEX_VERSION	6

static int
index_current(struct store *st)
{
	sqlite3_stmt	*s = store_prep(st, "PRAGMA main.user_version");
	int		 v = -1;

	if (s == NULL)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v == INDEX_VERSION;
}

/* user.db cannot be used: it is reported and never recreated over the
 * user's data. */
static int
user_failed(struct store *st, const char *home, char *err, size_t errlen)
{
	char	why[512];

	snprintf(why, sizeof why, "%s/user.db: %s (left as it is)", home, err);
	snprintf(err, errlen, "%s", why);
	store_close(st);
	return -1;
}

/* A load commits every BATCH_BYTES of text or BATCH_SECONDS, so that
 * FTS5 writes large segments and a reader sees the load go on. */
#define BATCH_BYTES	(16L * 1024 * 1024)
#ifndef BATCH_SECONDS
#define BATCH_SECONDS	3	/* -DBATCH_SECONDS=… for a profile under valgrind */
#endif
#define BATCH_CACHE_KB	8192
#define BUSY_MS		10000	/* how long a write waits for another */

int
store_open(const char *home, struct store **stp, char *err, size_t errlen)
{
	return store_open_flags(home, 0, stp, err, errlen);
}

int
store_open_flags(const char *home, int flags, struct store **stp, char *err,
    size_t errlen)
{
	struct store	*st;
	char		 path[4096], sql[4200];

	*stp = NULL;
	if (mkdirs(home) == -1) {
		snprintf(err, errlen, "%s: %s", home, strerror(errno));
		return -1;
	}
	if ((st = calloc(1, sizeof *st)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	snprintf(st->home, sizeof st->home, "%s", home);
	snprintf(path, sizeof path, "%s/index.db", home);
	/* a connection is used by one thread at a time (the loader has one
	 * per thread), and no one reads SQLite's memory statistics: no locks
	 * for either */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 8 * 1024 * 1024);
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(st->db));
		store_close(st);
		return -1;
	}
	sqlite3_busy_timeout(st->db, BUSY_MS);
	/* a reader of the index alone (a search, a process a query) leaves
	 * the WAL files where they are, not made and removed every time:
	 * 1.5 to 2 ms of a search. Loaders and the browser remove them. */
	if (flags & STORE_INDEX) {
		int persist = 1;

		sqlite3_file_control(st->db, "main", SQLITE_FCNTL_PERSIST_WAL,
		    &persist);
	}
	if (sqlite3_create_function(st->db, "lk_dossier_id", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, dossier_id, NULL,
	    NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
		store_close(st);
		return -1;
	}
	/* user.db is attached, so one connection sees both */
	snprintf(path, sizeof path, "%s/user.db", home);
	sqlite3_snprintf(sizeof sql, sql, "ATTACH %Q AS user;", path);
	/* 16 kB pages (for a new index.db: WAL fixes the size): a quarter
	 * of the system calls of 4 kB ones when loading, where each costs */
	if (exec(st, "PRAGMA main.page_size=16384;"
	    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
	    "PRAGMA foreign_keys=ON;", err, errlen) == -1) {
		store_close(st);
		return -1;
	}
	if (!(flags & STORE_INDEX) && (exec(st, sql, err, errlen) == -1 ||
	    exec(st, "PRAGMA user.journal_mode=WAL;", err, errlen) == -1))
		return user_failed(st, home, err, errlen);
	if (!index_current(st)) {
		sqlite3_stmt *t = store_prep(st, "SELECT 1 FROM main.doc LIMIT 1");

		/* say so only when there was something in it */
		st->emptied = t != NULL && sqlite3_step(t) == SQLITE_ROW;
		sqlite3_finalize(t);
	}
	if (!index_current(st) && (exec(st, index_drop, err, errlen) == -1 ||
	    exec(st, schema, err, errlen) == -1 ||
	    exec(st, "PRAGMA main.user_version = " STR(INDEX_VERSION) ";"
	    "COMMIT", err, errlen) == -1)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		store_close(st);
		return -1;
	}
	if (!(flags & STORE_INDEX) && exec(st, user_schema, err, errlen) == -1)
		return user_failed(st, home, err, errlen);
	*stp = st;
	return 0;
}

/* The browser's page cache, kB: what a screen and its neighbours read,
 * some 60 pages of 16 kB; the OS's file cache holds the rest. */
#define BROWSE_CACHE_KB	1024

void
store_browse(struct store *st)
{
	sqlite3_exec(st->db, "PRAGMA main.cache_size=-" STR(BROWSE_CACHE_KB) ";"
	    "PRAGMA user.cache_size=-256;", NULL, NULL, NULL);
}

int
store_emptied(struct store *st)
{
	return st->emptied;
}

const char *
store_home(struct store *st)
{
	return st->home;
}

void
store_close(struct store *st)
{
	char	err[256];
	int	i;

	if (st == NULL)
		return;
	store_put_commit(st, err, sizeof err);
	store_dossier_free(st);
	for (i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].s);
	sqlite3_close(st->db);
	free(st);
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

static void
bind_int(sqlite3_stmt *s, int i, long long v)
{
	if (v <= 0)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, v);
}

enum store_state
store_file_state(struct store *st, const char *stem, uint64_t hash)
{
	sqlite3_stmt		*s;
	enum store_state	 state = STORE_NEW;
	char			 h[32];

	snprintf(h, sizeof h, "%016llx", (unsigned long long)hash);
	if ((s = store_cached(st, "SELECT hash FROM file WHERE stem = ?")) == NULL)
		return STORE_NEW;
	sqlite3_bind_text(s, 1, stem, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		state = strcmp(store_text(s, 0), h) == 0 ? STORE_SAME : STORE_CHANGED;
	sqlite3_reset(s);
	return state;
}

int
store_file_stamped(struct store *st, const char *stem, const char *stamp)
{
	sqlite3_stmt	*s;
	int		 same = 0;

	if ((s = store_cached(st, "SELECT 1 FROM file WHERE stem = ?1 AND"
	    " stamp = ?2 AND hash <> ''")) == NULL)
		return 0;
	sqlite3_bind_text(s, 1, stem, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, stamp, -1, SQLITE_STATIC);
	same = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return same;
}

int
store_file_restamp(struct store *st, const char *stem, const char *stamp,
    char *err, size_t errlen)
{
	sqlite3_stmt	*s;

	if (batch_begin(st, err, errlen) == -1)
		return -1;
	if ((s = store_cached(st, "UPDATE file SET stamp = ?2 WHERE stem = ?1"))
	    == NULL) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
		return -1;
	}
	sqlite3_bind_text(s, 1, stem, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, stamp, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

/* Runs a statement with integer parameters; returns SQLITE_DONE on success. */
static int
run_ints(struct store *st, const char *sql, long long a, long long b,
    long long c)
{
	sqlite3_stmt	*s;
	int		 rc, n;

	if ((s = store_cached(st, sql)) == NULL)
		return SQLITE_ERROR;
	n = sqlite3_bind_parameter_count(s);
	if (n >= 1)
		sqlite3_bind_int64(s, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(s, 2, b);
	if (n >= 3)
		sqlite3_bind_int64(s, 3, c);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? SQLITE_DONE : rc;
}

/* Removes a file's rows (not the file row itself). */
static int
file_clear(struct store *st, long long file)
{
	static const char *sql[] = {
		/* the full text has the rows of batches before this one */
		"DELETE FROM fts WHERE rowid IN (SELECT id FROM para"
		" WHERE file = ?1 AND id <= ?2)",
		"DELETE FROM fts WHERE rowid IN (SELECT id FROM note"
		" WHERE file = ?1 AND id <= ?3)",
		"DELETE FROM para WHERE file = ?",
		"DELETE FROM section WHERE file = ?",
		"DELETE FROM note WHERE file = ?",
		"DELETE FROM cite WHERE file = ?",
		("UPDATE file SET npara = 0, nbody = 0, nsec = 0, nnote = 0,"
		" ncite = 0, poff = 0, soff = 0 WHERE id = ?"),
	};
	size_t	i;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++)
		if (run_ints(st, sql[i], file, st->last_para,
		    st->last_note) != SQLITE_DONE)
			return -1;
	return 0;
}

struct part {
	long long	 id;
	char		 stem[256];
	int		 page;
	char		 number[24];
	int		 npara, nsec;
	long long	 poff, soff;	/* the offsets its rows carry */
};

/* Parts in order: by page where both are known, else by their section
 * numbering, else by name. */
static int
part_cmp(const void *va, const void *vb)
{
	const struct part *a = va, *b = vb;

	if (a->page > 0 && b->page > 0 && a->page != b->page)
		return a->page < b->page ? -1 : 1;
	if (a->number[0] && b->number[0]) {
		const char *x = a->number, *y = b->number;

		while (*x && *y) {
			long p = strtol(x, (char **)&x, 10), q = strtol(y, (char **)&y, 10);

			if (p != q)
				return p < q ? -1 : 1;
			x += *x == '.';
			y += *y == '.';
		}
	}
	return strcmp(a->stem, b->stem);
}

/* Numbers the paragraphs and sections of a document across its parts and
 * picks its title; drops the document when no file is left. */
static int
doc_renumber(struct store *st, long long doc)
{
	sqlite3_stmt	*s;
	struct part	*parts = NULL, *np;
	size_t		 n = 0, i;
	long long	 poff = 0, soff = 0;
	int		 rc = 0, xml, shadowed;
	/* The XML version of a paper wins: when a document has an XML file,
	 * its text files lose their rows and stop being parts, but keep their
	 * file row (hash and all, flagged shadow) so that loading them again
	 * finds them unchanged. When no XML file is left, a shadowed file is
	 * read again on the next load. */
#define TXT_FILES "SELECT id FROM file WHERE doc = ?1 AND format <> 'xml'" \
	" AND shadow = 0 AND EXISTS (SELECT 1 FROM file x WHERE x.doc = ?1" \
	" AND x.format = 'xml')"
	static const char *xml_wins[] = {
		"DELETE FROM fts WHERE rowid IN (SELECT id FROM para"
		" WHERE file IN (" TXT_FILES ") AND id <= ?2)",
		"DELETE FROM fts WHERE rowid IN (SELECT id FROM note"
		" WHERE file IN (" TXT_FILES ") AND id <= ?3)",
		"DELETE FROM para WHERE file IN (" TXT_FILES ")",
		"DELETE FROM section WHERE file IN (" TXT_FILES ")",
		"DELETE FROM note WHERE file IN (" TXT_FILES ")",
		"DELETE FROM cite WHERE file IN (" TXT_FILES ")",
		("UPDATE file SET shadow = 1, part = NULL, npara = 0, nbody = 0,"
		" nsec = 0, nnote = 0, ncite = 0, poff = 0, soff = 0"
		" WHERE id IN (" TXT_FILES ")"),
		("UPDATE file SET hash = '', stamp = NULL WHERE doc = ?1 AND"
		" shadow = 1 AND NOT"
		" EXISTS (SELECT 1 FROM file x WHERE x.doc = ?1 AND x.format = 'xml')"),
	};
#undef TXT_FILES

	/* most documents have no XML file and no shadowed one: one look */
	if ((s = store_cached(st, "SELECT EXISTS (SELECT 1 FROM file WHERE"
	    " doc = ?1 AND format = 'xml'), EXISTS (SELECT 1 FROM file WHERE"
	    " doc = ?1 AND shadow = 1)")) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc);
	xml = shadowed = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		xml = sqlite3_column_int(s, 0);
		shadowed = sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	for (i = 0; i < sizeof xml_wins / sizeof xml_wins[0]; i++)
		if ((xml || shadowed) &&
		    run_ints(st, xml_wins[i], doc, st->last_para,
		    st->last_note) != SQLITE_DONE)
			return -1;
	s = store_cached(st, "SELECT id, stem, coalesce(first_page, 0),"
	    " coalesce(first_number, ''),"
	    " npara, nsec, poff, soff FROM file WHERE doc = ? AND shadow = 0");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if ((np = realloc(parts, (n + 1) * sizeof *parts)) == NULL) {
			rc = -1;
			break;
		}
		parts = np;
		memset(&parts[n], 0, sizeof parts[n]);
		parts[n].id = sqlite3_column_int64(s, 0);
		snprintf(parts[n].stem, sizeof parts[n].stem, "%s", store_text(s, 1));
		parts[n].page = sqlite3_column_int(s, 2);
		snprintf(parts[n].number, sizeof parts[n].number, "%s", store_text(s, 3));
		parts[n].npara = sqlite3_column_int(s, 4);
		parts[n].nsec = sqlite3_column_int(s, 5);
		parts[n].poff = sqlite3_column_int64(s, 6);
		parts[n].soff = sqlite3_column_int64(s, 7);
		n++;
	}
	sqlite3_reset(s);
	if (rc == -1) {
		free(parts);
		return -1;
	}
	if (n == 0) {
		free(parts);
		if (run_ints(st, "DELETE FROM fts WHERE rowid IN"
		    " (SELECT id FROM ftitle WHERE id = ?1*4+3)", doc, 0, 0) != SQLITE_DONE ||
		    run_ints(st, "DELETE FROM ftitle WHERE id = ?1*4+3", doc, 0, 0) != SQLITE_DONE ||
		    run_ints(st, "DELETE FROM doc WHERE id = ?", doc, 0, 0) != SQLITE_DONE)
			return -1;
		return 0;
	}
	qsort(parts, n, sizeof *parts, part_cmp);
	for (i = 0; i < n && rc == 0; i++) {
		/* rows come in numbered as a first part: only a part whose
		 * place changed is written again */
		if ((parts[i].poff != poff && run_ints(st, "UPDATE para SET"
		    " ord = pord + ?2 WHERE file = ?1", parts[i].id, poff,
		    0) != SQLITE_DONE) ||
		    (parts[i].soff != soff && run_ints(st, "UPDATE section SET"
		    " ord = sord + ?2, sid = CASE WHEN number <> '' THEN number"
		    " ELSE 's' || (sord + ?2) END WHERE file = ?1",
		    parts[i].id, soff, 0) != SQLITE_DONE) ||
		    run_ints(st, "UPDATE file SET part = ?2, poff = ?3 WHERE id = ?1",
		    parts[i].id, (long long)i + 1, poff) != SQLITE_DONE ||
		    run_ints(st, "UPDATE file SET soff = ?2 WHERE id = ?1",
		    parts[i].id, soff, 0) != SQLITE_DONE)
			rc = -1;
		poff += parts[i].npara;
		soff += parts[i].nsec;
	}
	free(parts);
	/* a section number used twice in a document: the later ones by ordinal */
	if (rc == 0 && run_ints(st, "UPDATE section SET sid = 's' || ord"
	    " WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER"
	    " (PARTITION BY number ORDER BY ord) AS k FROM section"
	    " WHERE doc = ?1 AND number <> '') WHERE k > 1)",
	    doc, 0, 0) != SQLITE_DONE)
		rc = -1;
	/* the title: a sidecar's, else a found one, else the first part's */
	if (rc == 0 && run_ints(st, "UPDATE doc SET title = (SELECT title FROM file"
	    " WHERE doc = ?1 AND shadow = 0 ORDER BY title_rank DESC, part LIMIT 1)"
	    " WHERE id = ?1",
	    doc, 0, 0) != SQLITE_DONE)
		rc = -1;
	if (rc == 0 && run_ints(st, "INSERT OR IGNORE INTO temp.fts_docs VALUES (?)",
	    doc, 0, 0) != SQLITE_DONE)
		rc = -1;
	/* the counts a listing of documents shows, kept so that listing the
	 * corpus does not read every paragraph in it */
	if (rc == 0 && run_ints(st, "UPDATE doc SET"
	    " (nparts, nsections, nparas, nnotes, ncites) = (SELECT"
	    " count(*), sum(nsec), sum(nbody), sum(nnote), sum(ncite)"
	    " FROM file WHERE doc = ?1 AND shadow = 0) WHERE id = ?1",
	    doc, 0, 0) != SQLITE_DONE)
		rc = -1;
	return rc;
}


static long long
now_seconds(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec;
}

static long long
max_id(struct store *st, const char *sql)
{
	sqlite3_stmt	*s = store_cached(st, sql);
	long long	 id = -1;

	if (s == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	/* reset: a statement left open holds a read of the WAL, which
	 * could then never start over */
	sqlite3_reset(s);
	return id;
}

/* Starts a load's transaction. Rows get ids above every id before it, so
 * that its end finds its new text by id. */
static int
batch_begin(struct store *st, char *err, size_t errlen)
{
	if (st->batch)
		return 0;
	/* a write that changes nothing takes index.db's lock at once;
	 * BEGIN IMMEDIATE would take user.db's too, holding the user's
	 * bookmarks up for the whole batch */
	/* a batch's pages stay in memory till it is committed; journals of
	 * savepoints and statements stay in files (in memory, FTS5's merges
	 * at the batch's end made them grow with the index) */
	if (exec(st, "PRAGMA cache_size=-" STR(BATCH_CACHE_KB) ";"
	    "CREATE TEMP TABLE IF NOT EXISTS fts_docs("
	    "doc INTEGER PRIMARY KEY); BEGIN; UPDATE main.doc SET id = id"
	    " WHERE 0", err, errlen) == -1) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	/* para ids go 4, 8, …, note ids 6, 10, … (see the top) */
	st->last_para = max_id(st, "SELECT coalesce(max(id), 0) FROM para");
	st->last_note = max_id(st, "SELECT coalesce(max(id), 2) FROM note");
	if (st->last_para < 0 || st->last_note < 0) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	st->next_para = st->last_para;
	st->next_note = st->last_note;
	st->batch_bytes = 0;
	st->batch_files = 0;
	st->batch_start = now_seconds();
	st->batch = 1;
	return 0;
}

static long long
doc_upsert(struct store *st, const struct paper *p)
{
	const struct meta	*m = &p->meta;
	sqlite3_stmt		*s;
	char			 ch[2] = { m->chamber, '\0' };
	long long		 id = -1;

	s = store_cached(st, "INSERT INTO doc(key, kamerstuk, dossier, dossier_title,"
	    " number, chamber, vergaderjaar, date, title, type, signatories)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	    " ON CONFLICT(key) DO UPDATE SET"
	    " kamerstuk = coalesce(?2, kamerstuk), dossier = coalesce(?3, dossier),"
	    " dossier_title = coalesce(?4, dossier_title),"
	    " number = coalesce(?5, number), chamber = coalesce(?6, chamber),"
	    " vergaderjaar = coalesce(?7, vergaderjaar), date = coalesce(?8, date),"
	    " type = coalesce(?10, type), signatories = coalesce(?11, signatories)"
	    " RETURNING id");
	if (s == NULL)
		return -1;
	bind_text(s, 1, m->id);
	bind_text(s, 2, m->kamerstuk);
	bind_text(s, 3, m->dossier);
	bind_text(s, 4, m->dossier_title);
	bind_text(s, 5, m->number);
	bind_text(s, 6, ch);
	bind_text(s, 7, m->vergaderjaar);
	bind_text(s, 8, m->date);
	bind_text(s, 9, m->title);
	bind_text(s, 10, m->type);
	bind_text(s, 11, m->signatories);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return id;
}

static int
put_rows(struct store *st, long long doc, long long file, const struct loaded *l,
    struct put_result *r)
{
	const struct paper	*p = &l->paper;
	sqlite3_stmt		*ss, *ps, *ns, *cs, *fs;
	long long		*secid = NULL, *paraid = NULL, *noteid = NULL;
	size_t			 i, pord = 0;
	int			 rc = -1;

	secid = calloc(p->nsecs + 1, sizeof *secid);
	paraid = calloc(p->npara + 1, sizeof *paraid);
	noteid = calloc(p->nnotes + 1, sizeof *noteid);
	ss = store_cached(st, "INSERT INTO section(doc, file, sord, ord, sid, number,"
	    " title, level, parent, page, pfirst) VALUES (?1, ?2, ?3, ?3,"
	    " CASE WHEN ?4 <> '' THEN ?4 ELSE 's' || ?3 END, ?4, ?5, ?6, ?7, ?8, ?9)");
	ps = store_cached(st, "INSERT INTO para(doc, file, pord, ord, section, page,"
	    " line, heading, text, id) VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	ns = store_cached(st, "INSERT INTO note(doc, file, number, para, pos, page,"
	    " text, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	cs = store_cached(st, "INSERT INTO cite(doc, file, para, note, start, end, kind,"
	    " target, display, label, page, pin, vergaderjaar)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (!secid || !paraid || !noteid || !ss || !ps || !ns || !cs)
		goto done;

	/* the ordinal each paragraph will get, for the sections' first */
	for (i = 0; i < p->npara; i++)
		paraid[i] = p->paras[i].kind == PARA_DROP ? 0 : (long long)++pord;
	pord = 0;
	for (i = 0; i < p->nsecs; i++) {
		const struct section *sec = &p->secs[i];

		sqlite3_reset(ss);
		sqlite3_bind_int64(ss, 1, doc);
		sqlite3_bind_int64(ss, 2, file);
		sqlite3_bind_int64(ss, 3, (long long)i + 1);
		sqlite3_bind_text(ss, 4, sec->number, -1, SQLITE_STATIC);
		sqlite3_bind_text(ss, 5, sec->title, -1, SQLITE_STATIC);
		sqlite3_bind_int(ss, 6, sec->level);
		if (sec->parent >= 0)
			sqlite3_bind_int64(ss, 7, secid[sec->parent]);
		else
			sqlite3_bind_null(ss, 7);
		bind_int(ss, 8, sec->page);
		sqlite3_bind_int64(ss, 9, sec->first >= 0 &&
		    (size_t)sec->first < p->npara ? paraid[sec->first] : 0);
		if (sqlite3_step(ss) != SQLITE_DONE)
			goto done;
		secid[i] = sqlite3_last_insert_rowid(st->db);
	}
	for (i = 0; i < p->npara; i++) {
		const struct para *pa = &p->paras[i];

		if (pa->kind == PARA_DROP)
			continue;
		pord++;
		sqlite3_reset(ps);
		sqlite3_bind_int64(ps, 1, doc);
		sqlite3_bind_int64(ps, 2, file);
		sqlite3_bind_int64(ps, 3, (long long)pord);
		if (pa->section >= 0)
			sqlite3_bind_int64(ps, 4, secid[pa->section]);
		else
			sqlite3_bind_null(ps, 4);
		bind_int(ps, 5, pa->page);
		sqlite3_bind_int(ps, 6, pa->line);
		sqlite3_bind_int(ps, 7, pa->kind == PARA_HEADING);
		sqlite3_bind_text(ps, 8, pa->text, (int)pa->len, SQLITE_STATIC);
		sqlite3_bind_int64(ps, 9, st->next_para += 4);
		if (sqlite3_step(ps) != SQLITE_DONE)
			goto done;
		paraid[i] = st->next_para;
		st->batch_bytes += pa->len;
		r->paragraphs += pa->kind == PARA_BODY;
	}
	for (i = 0; i < p->nnotes; i++) {
		const struct note *n = &p->notes[i];

		sqlite3_reset(ns);
		sqlite3_bind_int64(ns, 1, doc);
		sqlite3_bind_int64(ns, 2, file);
		sqlite3_bind_int(ns, 3, n->number);
		if (n->para >= 0 && paraid[n->para] > 0) {
			sqlite3_bind_int64(ns, 4, paraid[n->para]);
			sqlite3_bind_int64(ns, 5, (long long)n->pos);
		} else {
			sqlite3_bind_null(ns, 4);
			sqlite3_bind_null(ns, 5);
		}
		bind_int(ns, 6, n->page);
		sqlite3_bind_text(ns, 7, n->text, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ns, 8, st->next_note += 4);
		if (sqlite3_step(ns) != SQLITE_DONE)
			goto done;
		noteid[i] = st->next_note;
		st->batch_bytes += strlen(n->text);
	}
	for (i = 0; i < l->ncites; i++) {
		const struct pcite *c = &l->cites[i];
		int page = c->note >= 0 ? p->notes[c->note].page :
		    c->para >= 0 ? p->paras[c->para].page : 0;

		sqlite3_reset(cs);
		sqlite3_bind_int64(cs, 1, doc);
		sqlite3_bind_int64(cs, 2, file);
		if (c->para >= 0 && paraid[c->para] > 0)
			sqlite3_bind_int64(cs, 3, paraid[c->para]);
		else
			sqlite3_bind_null(cs, 3);
		if (c->note >= 0)
			sqlite3_bind_int64(cs, 4, noteid[c->note]);
		else
			sqlite3_bind_null(cs, 4);
		sqlite3_bind_int64(cs, 5, (long long)c->start);
		sqlite3_bind_int64(cs, 6, (long long)c->end);
		sqlite3_bind_text(cs, 7, cite_kind_name(c->c.kind), -1, SQLITE_STATIC);
		sqlite3_bind_text(cs, 8, c->c.id, -1, SQLITE_STATIC);
		bind_text(cs, 9, c->c.display);
		bind_text(cs, 10, c->c.label);
		bind_int(cs, 11, page);
		bind_int(cs, 12, c->c.page);
		bind_text(cs, 13, c->c.vergaderjaar);
		if (sqlite3_step(cs) != SQLITE_DONE)
			goto done;
		r->citations++;
	}
	r->sections = (int)p->nsecs;
	if ((fs = store_cached(st, "UPDATE file SET npara = ?2, nbody = ?3,"
	    " nsec = ?4, nnote = ?5, ncite = ?6, poff = 0, soff = 0"
	    " WHERE id = ?1")) == NULL)
		goto done;
	sqlite3_bind_int64(fs, 1, file);
	sqlite3_bind_int64(fs, 2, (long long)pord);
	sqlite3_bind_int(fs, 3, r->paragraphs);
	sqlite3_bind_int64(fs, 4, (long long)p->nsecs);
	sqlite3_bind_int64(fs, 5, (long long)p->nnotes);
	sqlite3_bind_int(fs, 6, r->citations);
	if (sqlite3_step(fs) != SQLITE_DONE)
		goto done;
	rc = 0;
done:
	free(secid);
	free(paraid);
	free(noteid);
	return rc;
}

int
store_put(struct store *st, const char *path, const struct loaded *l,
    struct put_result *r, char *err, size_t errlen)
{
	const struct paper	*p = &l->paper;
	sqlite3_stmt		*s;
	long long		 file = -1, olddoc = -1, doc, xmldoc = -1;
	char			 hash[32], now[32], firstnum[24] = "";
	int			 firstpage = 0, rank, shadow;
	size_t			 i;
	time_t			 t = time(NULL);

	memset(r, 0, sizeof *r);
	snprintf(hash, sizeof hash, "%016llx", (unsigned long long)l->hash);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	for (i = 0; i < p->npara && firstpage == 0; i++)
		if (p->paras[i].kind != PARA_DROP)
			firstpage = p->paras[i].page;
	for (i = 0; i < p->nsecs && firstnum[0] == '\0'; i++)
		snprintf(firstnum, sizeof firstnum, "%s", p->secs[i].number);
	rank = p->meta.sidecar_title ? 3 : 1;

	if (batch_begin(st, err, errlen) == -1 ||
	    exec(st, "SAVEPOINT put", err, errlen) == -1)
		return -1;
	if ((s = store_cached(st, "SELECT id, doc FROM file WHERE stem = ?")) == NULL)
		goto fail;
	sqlite3_bind_text(s, 1, p->stem, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		file = sqlite3_column_int64(s, 0);
		olddoc = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	r->added = file == -1;
	if (file != -1 && file_clear(st, file) == -1)
		goto fail;
	/* a text file of a document with an XML file: only its row (see
	 * doc_renumber), and the document's metadata stays the XML's */
	if (!l->xml && (s = store_cached(st, "SELECT f.doc FROM file f JOIN doc d"
	    " ON d.id = f.doc WHERE d.key = ?1 AND f.format = 'xml' AND"
	    " f.stem <> ?2 LIMIT 1")) != NULL) {
		sqlite3_bind_text(s, 1, p->meta.id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, p->stem, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			xmldoc = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	shadow = xmldoc != -1;
	if ((doc = shadow ? xmldoc : doc_upsert(st, p)) == -1)
		goto fail;
	s = store_cached(st, "INSERT INTO file(stem, path, hash, doc, first_page,"
	    " first_number, title, title_rank, encoding, loaded, format, shadow,"
	    " stamp) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
	    " ON CONFLICT(stem) DO UPDATE SET path = ?2, hash = ?3, doc = ?4,"
	    " first_page = ?5, first_number = ?6, title = ?7, title_rank = ?8,"
	    " encoding = ?9, loaded = ?10, format = ?11, shadow = ?12, stamp = ?13"
	    " RETURNING id");
	if (s == NULL)
		goto fail;
	sqlite3_bind_text(s, 1, p->stem, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, doc);
	bind_int(s, 5, firstpage);
	bind_text(s, 6, firstnum);
	sqlite3_bind_text(s, 7, p->meta.title, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 8, rank);
	sqlite3_bind_text(s, 9, l->encoding, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, l->xml ? "xml" : "txt", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 12, shadow);
	bind_text(s, 13, l->stamp);
	file = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_reset(s);
	if (file == -1 || (!shadow && put_rows(st, doc, file, l, r) == -1) ||
	    doc_renumber(st, doc) == -1 ||
	    (olddoc != -1 && olddoc != doc && doc_renumber(st, olddoc) == -1))
		goto fail;
	if (exec(st, "RELEASE put", err, errlen) == -1)
		goto fail;
	st->batch_files++;
	snprintf(r->id, sizeof r->id, "%s", p->meta.id);
	if (st->batch_bytes >= BATCH_BYTES || now_seconds() - st->batch_start >=
	    BATCH_SECONDS)
		return store_put_commit(st, err, errlen);
	return 0;
fail:
	snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
	sqlite3_exec(st->db, "ROLLBACK TO put; RELEASE put", NULL, NULL, NULL);
	/* a full disk or an I/O error ends the whole transaction */
	if (sqlite3_get_autocommit(st->db)) {
		if (st->batch_files > 0) {
			size_t used = strlen(err);

			snprintf(err + used, errlen - used, " (and the %d files"
			    " before it since the last commit are not in the"
			    " index: load them again)", st->batch_files);
		}
		st->batch = 0;
	}
	return -1;
}

/* Adds the batch's new rows to the full text, one row a statement:
 * a statement of many rows runs in a statement transaction, which makes
 * FTS5 write out the terms it holds (small segments, merged again and
 * again) and SQLite copy every page it changes to a statement journal
 * first (twice the writes of the index itself). Rows of one statement
 * each do neither. */
static int
fts_add_new(struct store *st)
{
	static const char new_rows[] =
	    "SELECT id, iif(heading, text, NULL), iif(heading, NULL, text)"
	    "  FROM para WHERE id > ?1"
	    " UNION ALL SELECT id, NULL, text FROM note WHERE id > ?2"
	    " UNION ALL SELECT id, text, NULL FROM ftitle"
	    "  WHERE id IN (SELECT doc*4+3 FROM temp.fts_docs)";
	sqlite3_stmt	*q, *ins;
	int		 rc, i;

	if ((q = store_cached(st, new_rows)) == NULL || (ins = store_cached(st,
	    "INSERT INTO fts(rowid, head, body) VALUES (?, ?, ?)")) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, st->last_para);
	sqlite3_bind_int64(q, 2, st->last_note);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		for (i = 0; i < 3; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(q, i));
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
		if (rc != SQLITE_DONE)
			break;
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_put_commit(struct store *st, char *err, size_t errlen)
{
	if (!st->batch)
		return 0;
	st->batch = 0;
	/* the dossiers' papers are read again after this connection's load */
	store_dossier_free(st);
	/* a changed title goes out of the full text by its old words */
	if (run_ints(st, "DELETE FROM fts WHERE rowid IN (SELECT id FROM ftitle"
	    " WHERE id IN (SELECT doc*4+3 FROM temp.fts_docs))", 0, 0, 0) != SQLITE_DONE ||
	    run_ints(st, "REPLACE INTO ftitle(id, text) SELECT id*4+3, title"
	    " FROM doc WHERE id IN (SELECT doc FROM temp.fts_docs)", 0, 0, 0) != SQLITE_DONE ||
	    fts_add_new(st) == -1 ||
	    run_ints(st, "DELETE FROM temp.fts_docs", 0, 0, 0) != SQLITE_DONE ||
	    exec(st, "COMMIT", err, errlen) == -1) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	/* the WAL starts over, so that it does not grow with the load;
	 * readers (the loader's other thread, a browser) are waited for a
	 * moment, and the next batch tries again if one is still reading */
	sqlite3_busy_timeout(st->db, 200);
	sqlite3_wal_checkpoint_v2(st->db, "main", SQLITE_CHECKPOINT_RESTART,
	    NULL, NULL);
	sqlite3_busy_timeout(st->db, BUSY_MS);
	return 0;
}

#define DOC_COLS "d.id, d.key, d.kamerstuk, d.title, d.date, d.type," \
	" d.vergaderjaar, d.dossier, d.dossier_title, d.signatories," \
	" d.nparts, d.nsections, d.nparas, d.nnotes, d.ncites"

static int
doc_rows(sqlite3_stmt *s, doc_fn fn, void *arg)
{
	struct doc_row	r;
	int		rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.rowid = sqlite3_column_int64(s, 0);
		r.id = store_text(s, 1);
		r.kamerstuk = store_text(s, 2);
		r.title = store_text(s, 3);
		r.date = store_text(s, 4);
		r.type = store_text(s, 5);
		r.vergaderjaar = store_text(s, 6);
		r.dossier = store_text(s, 7);
		r.dossier_title = store_text(s, 8);
		r.signatories = store_text(s, 9);
		r.parts = sqlite3_column_int(s, 10);
		r.sections = sqlite3_column_int(s, 11);
		r.paragraphs = sqlite3_column_int(s, 12);
		r.notes = sqlite3_column_int(s, 13);
		r.citations = sqlite3_column_int(s, 14);
		r.nonum = 0;
		r.num = 0;
		if (fn(&r, arg) != 0)
			break;
	}
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

int
store_docs(struct store *st, doc_fn fn, void *arg)
{
	sqlite3_stmt	*s = store_prep(st, "SELECT " DOC_COLS " FROM doc d"
	    " ORDER BY d.dossier IS NULL, d.dossier,"
	    " CAST(d.number AS INTEGER), d.key");
	int		 rc;

	if (s == NULL)
		return -1;
	rc = doc_rows(s, fn, arg);
	sqlite3_finalize(s);
	return rc;
}

int
store_doc_get(struct store *st, int64_t rowid, doc_fn fn, void *arg)
{
	/* the statements of a paper opened are kept prepared: the browser
	 * opens one at many keys */
	sqlite3_stmt	*s = store_cached(st, "SELECT " DOC_COLS " FROM doc d"
	    " WHERE d.id = ?");
	int		 rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, rowid);
	rc = doc_rows(s, fn, arg);
	sqlite3_reset(s);
	return rc;
}

/* Collects the matches of one lookup; more than one is listed in err. */
static int
find_with(struct store *st, const char *sql, const char *a, int64_t *rowid,
    int *n, char *err, size_t errlen)
{
	sqlite3_stmt	*s;
	size_t		 used;

	/* sql is one of store_doc_find's, kept prepared */
	if ((s = store_cached(st, sql)) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	*n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if ((*n)++ == 0) {
			*rowid = sqlite3_column_int64(s, 0);
			snprintf(err, errlen, "matches several documents:");
		}
		used = strlen(err);
		if (used + 2 < errlen)
			snprintf(err + used, errlen - used, "\n  %s  %s",
			    store_text(s, 1), store_text(s, 2));
	}
	sqlite3_reset(s);
	return 0;
}

int
store_doc_find(struct store *st, const char *arg, int64_t *rowid, char *err,
    size_t errlen)
{
	static const char *byid = "SELECT id, key, title FROM doc WHERE key = ?1";
	static const char *bystem = "SELECT d.id, d.key, d.title FROM doc d"
	    " JOIN file f ON f.doc = d.id WHERE f.stem = ?1";
	static const char *bydossier = "SELECT id, key, title FROM doc WHERE"
	    " lk_dossier_id(dossier) = ?1 ORDER BY CAST(number AS INTEGER)";
	static const char *bytitle = "SELECT id, key, title FROM doc"
	    " WHERE title LIKE ?1 || '%' OR key LIKE ?1 || '%' ORDER BY key";
	char	 id[80];
	int	 n;

	err[0] = '\0';
	if (find_with(st, byid, arg, rowid, &n, err, errlen) == -1)
		return -1;
	if (n == 0 && cite_parse_id(arg, id, sizeof id) == 0 &&
	    find_with(st, strncmp(id, "dossier-", 8) == 0 ? bydossier : byid,
	    id, rowid, &n, err, errlen) == -1)
		return -1;
	if (n == 0 && find_with(st, bystem, arg, rowid, &n, err, errlen) == -1)
		return -1;
	if (n == 0 && strlen(arg) >= 3 &&
	    find_with(st, bytitle, arg, rowid, &n, err, errlen) == -1)
		return -1;
	if (n == 1) {
		err[0] = '\0';
		return 0;
	}
	if (n == 0)
		snprintf(err, errlen, "no such document in the index");
	return -1;
}

int
store_sections(struct store *st, int64_t doc, section_fn fn, void *arg)
{
	return store_view_sections(st, doc, fn, arg);
}

int
store_section_find(struct store *st, int64_t doc, const char *arg,
    int64_t *rowid, char *err, size_t errlen)
{
	sqlite3_stmt	*s;
	int		 n = 0, pass;
	static const char *sql[] = {
		"SELECT id, sid, title FROM section WHERE doc = ?1 AND"
		" (sid = ?2 OR number = ?2) ORDER BY ord",
		"SELECT id, sid, title FROM section WHERE doc = ?1 AND"
		" title LIKE ?2 || '%' ORDER BY ord",
	};

	err[0] = '\0';
	for (pass = 0; pass < 2 && n == 0; pass++) {
		if ((s = store_prep(st, sql[pass])) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, doc);
		sqlite3_bind_text(s, 2, arg, -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW) {
			size_t used;

			if (n++ == 0) {
				*rowid = sqlite3_column_int64(s, 0);
				snprintf(err, errlen, "matches several sections:");
			}
			used = strlen(err);
			snprintf(err + used, errlen - used, "\n  %s  %s",
			    store_text(s, 1), store_text(s, 2));
		}
		sqlite3_finalize(s);
	}
	if (n == 1) {
		err[0] = '\0';
		return 0;
	}
	if (n == 0)
		snprintf(err, errlen, "no such section");
	return -1;
}

int
store_paras(struct store *st, int64_t doc, int first, int last, para_fn fn,
    void *arg)
{
	return store_view_paras(st, doc, first, last > 0 ? last : INT_MAX, fn,
	    arg);
}

int
store_notes(struct store *st, int64_t doc, int first, int last, note_fn fn,
    void *arg)
{
	struct note_row	 r;
	sqlite3_stmt	*s;
	int		 rc;

	s = store_cached(st, "SELECT n.number, coalesce(p.ord, 0), coalesce(n.pos, 0),"
	    " coalesce(n.page, 0), n.text FROM note n LEFT JOIN para p"
	    " ON p.id = n.para JOIN file f ON f.id = n.file WHERE n.doc = ?1"
	    " AND (?2 = 0 OR p.ord BETWEEN ?2 AND ?3) ORDER BY f.part, n.number");
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, doc);
	sqlite3_bind_int(s, 2, first);
	sqlite3_bind_int(s, 3, last);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.number = sqlite3_column_int(s, 0);
		r.paragraph = sqlite3_column_int(s, 1);
		r.pos = sqlite3_column_int(s, 2);
		r.page = sqlite3_column_int(s, 3);
		r.text = store_text(s, 4);
		if (fn(&r, arg) != 0)
			break;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static int
int_query(struct store *st, const char *sql, int64_t a, int b)
{
	sqlite3_stmt	*s;
	int		 v = 0;

	/* sql is a literal: kept prepared */
	if ((s = store_cached(st, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, a);
	if (sqlite3_bind_parameter_count(s) > 1)
		sqlite3_bind_int(s, 2, b);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return v;
}

int
store_para_at_page(struct store *st, int64_t doc, int page)
{
	return int_query(st, "SELECT coalesce(min(ord), 0) FROM para"
	    " WHERE doc = ?1 AND page >= ?2", doc, page);
}

int
store_para_count(struct store *st, int64_t doc)
{
	return int_query(st, "SELECT count(*) FROM para WHERE doc = ?", doc, 0);
}

int
store_doc_count(struct store *st)
{
	return int_query(st, "SELECT count(*) FROM doc WHERE ?1 = ?1", 0, 0);
}

int
store_doc_key(struct store *st, int64_t rowid, char *out, size_t len)
{
	sqlite3_stmt	*s;
	int		 rc = -1;

	if ((s = store_cached(st, "SELECT key FROM doc WHERE id = ?")) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, rowid);
	if (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(out, len, "%s", store_text(s, 0));
		rc = 0;
	}
	sqlite3_reset(s);
	return rc;
}

int
store_position_get(struct store *st, const char *doc, int *para, int *line)
{
	sqlite3_stmt	*s;
	int		 rc = -1;

	if ((s = store_cached(st, "SELECT paragraph, line FROM user.position"
	    " WHERE doc = ?")) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*para = sqlite3_column_int(s, 0);
		*line = sqlite3_column_int(s, 1);
		rc = 0;
	}
	sqlite3_reset(s);
	return rc;
}

int
store_position_set(struct store *st, const char *doc, int para, int line)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_cached(st, "INSERT OR REPLACE INTO user.position(doc, paragraph,"
	    " line, seen) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ'))")) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, doc, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, para);
	sqlite3_bind_int(s, 3, line);
	/* a reading position, written at every paper the browser leaves, is
	 * not worth a sync of user.db (one a paper opened, some ms each):
	 * the next bookmark's commit syncs it with its own */
	sqlite3_exec(st->db, "PRAGMA user.synchronous = NORMAL", NULL, NULL,
	    NULL);
	rc = sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(s);
	sqlite3_exec(st->db, "PRAGMA user.synchronous = FULL", NULL, NULL, NULL);
	return rc;
}

int
store_position_last(struct store *st, char *out, size_t len)
{
	sqlite3_stmt	*s;
	int		 rc = -1;

	if ((s = store_prep(st, "SELECT doc FROM user.position ORDER BY seen DESC"
	    " LIMIT 1")) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(out, len, "%s", store_text(s, 0));
		rc = 0;
	}
	sqlite3_finalize(s);
	return rc;
}
