/* store.h: the only door to the SQLite databases.
 *
 * index.db is derived from the papers and may be deleted and rebuilt at
 * any time; user.db holds the user's own data and loading never deletes
 * from it. Queries hand rows to a callback one at a time, so nothing a
 * caller holds grows with the corpus. */
#ifndef LK_STORE_H
#define LK_STORE_H
#include <stddef.h>
#include <stdint.h>

struct store;
struct loaded;

/* Opens (creating when needed) HOME/index.db and HOME/user.db. */
int	store_open(const char *home, struct store **st, char *err, size_t errlen);
/* The same; with STORE_INDEX in flags, index.db alone, for a command that
 * needs nothing of user.db (positions, bookmarks): one database and its
 * WAL files fewer to open and close, and index.db's WAL files left in
 * place when it closes, for the next such command. */
#define STORE_INDEX	0x1
int	store_open_flags(const char *home, int flags, struct store **st,
	    char *err, size_t errlen);
void	store_close(struct store *st);
/* Whether store_open found an index.db of an older leeskamer and emptied
 * it: the papers must be loaded again (user.db is untouched). */
int	store_emptied(struct store *st);
/* Sets st up for the browser: a page cache of 1 MB, not SQLite's 2 MB,
 * which a large corpus fills and a small one does not. */
void	store_browse(struct store *st);
/* The folder the store was opened in. */
const char *store_home(struct store *st);

enum store_state { STORE_NEW, STORE_CHANGED, STORE_SAME };
/* What the index holds for the file with this stem: absent, another hash,
 * or the same hash. */
enum store_state store_file_state(struct store *st, const char *stem,
	    uint64_t hash);

/* 1 when the index holds the file with this stem with this stamp
 * (load_stamp), so that it need not be read. */
int	store_file_stamped(struct store *st, const char *stem, const char *stamp);
/* Records a new stamp for a file found unchanged by its content. */
int	store_file_restamp(struct store *st, const char *stem, const char *stamp,
	    char *err, size_t errlen);

struct put_result {
	int	added;		/* the file was new */
	char	id[256];	/* its document's id */
	int	sections, paragraphs, citations;
};
/* Stores a parsed file, replacing the file's old rows: all of it or, on
 * an error, nothing. Files are committed together every few MB (a kill
 * loses at most those, and leaves the index whole): call
 * store_put_commit after the last one (store_close does too). */
int	store_put(struct store *st, const char *path, const struct loaded *l,
	    struct put_result *r, char *err, size_t errlen);
/* Commits the files put so far and adds their full text. */
int	store_put_commit(struct store *st, char *err, size_t errlen);

struct doc_row {
	int64_t		 rowid;
	const char	*id, *kamerstuk, *title, *date, *type, *vergaderjaar;
	const char	*dossier, *dossier_title, *signatories;
	int		 parts, sections, paragraphs, notes, citations;
	/* store_view_docs only, for store_docs's order: the number is
	 * NULL (nonum), else num is CAST(number AS INTEGER) */
	int		 nonum;
	long long	 num;
};
typedef int (*doc_fn)(const struct doc_row *, void *);
/* Every document, by dossier, number and id. */
int	store_docs(struct store *st, doc_fn fn, void *arg);
/* Finds the document a user means: an id, a loose Kamerstuk form, a file
 * stem or the start of a title. 0 with *rowid; -1 with a reason (listing
 * the candidates when several match). */
int	store_doc_find(struct store *st, const char *arg, int64_t *rowid,
	    char *err, size_t errlen);
int	store_doc_get(struct store *st, int64_t rowid, doc_fn fn, void *arg);
/* At most limit documents after rowid after, by rowid, with what orders
 * them as store_docs does (nonum, num); the browser reads the documents
 * in such pieces between keys. The rows' counts (parts ...) are 0. */
int	store_view_docs(struct store *st, int64_t after, int limit, doc_fn fn,
	    void *arg);

struct section_row {
	int64_t		 rowid;
	const char	*id, *number, *title, *parent;
	int		 level, page, first, last; /* paragraph ids it spans */
};
typedef int (*section_fn)(const struct section_row *, void *);
/* The sections of a document in reading order. */
int	store_sections(struct store *st, int64_t doc, section_fn fn, void *arg);
/* Finds a section by id, number or the start of its title. */
int	store_section_find(struct store *st, int64_t doc, const char *arg,
	    int64_t *rowid, char *err, size_t errlen);

struct para_row {
	int		 id;		/* ordinal in the document, from 1 */
	const char	*section;	/* section id */
	int64_t		 section_rowid;
	int		 page;		/* 0 unknown */
	const char	*text;
	int		 heading;	/* the first paragraph of a section */
};
typedef int (*para_fn)(const struct para_row *, void *);
/* Paragraphs first..last (inclusive, 0 for the end) in reading order. */
int	store_paras(struct store *st, int64_t doc, int first, int last,
	    para_fn fn, void *arg);

struct note_row {
	int		 number, paragraph, pos, page;	/* paragraph 0 when none */
	const char	*text;
};
typedef int (*note_fn)(const struct note_row *, void *);
/* Notes of paragraphs first..last (0: all) of a document. */
int	store_notes(struct store *st, int64_t doc, int first, int last,
	    note_fn fn, void *arg);

struct hit_row {
	const char	*doc, *section, *title, *snippet;
	int		 paragraph, page;
	const int	*hits;		/* pairs of character offsets in snippet */
	int		 nhits;
	double		 rank;
	int64_t		 id;		/* the passage's own, for telling hits
					 * apart; 0 for a Kamerstuk query's */
};
typedef int (*hit_fn)(const struct hit_row *, void *);
/* Full-text search, best first; doc limits it to one document (0: all).
 * -1 with a readable reason for a bad query. */
int	store_search(struct store *st, const char *query, int limit,
	    int64_t doc, hit_fn fn, void *arg, char *err, size_t errlen);

/* The same search ranked in slices, for a first screen at once however
 * common the words: begin, step until it returns 0, and meanwhile top
 * for the best so far. With preview, the first step ranks its slice (or
 * what of it 8 ms allow) by a cheaper score, without waiting for bm25's
 * counting of every match; the next steps count the rows of the query's
 * phrases, then rank every match exactly, each ending after 4 ms.
 * Once step has returned 0, top hands the hits store_search hands, in
 * the same order. A query with fewer matches than the first step's rows
 * is ranked exactly by it when that is cheap (few matches, or found in a
 * few milliseconds). */
struct search_run;
int	store_search_begin(struct store *st, const char *query, int limit,
	    int64_t doc, int preview, struct search_run **r, char *err,
	    size_t errlen);
/* Scores up to rows more matches (counts up to 4 × rows while the
 * phrases are counted), less when 4 ms have gone: 1 while some are left,
 * 0 when the ranking is final, -1 with a readable reason. */
int	store_search_step(struct search_run *r, int rows, char *err,
	    size_t errlen);
/* The number of hits so far (at most limit), and hits from..from+count-1
 * of them, best first; snippets are made for these only. */
int	store_search_count(struct search_run *r);
int	store_search_top(struct search_run *r, int from, int count,
	    hit_fn fn, void *arg);
/* Where the hit with this id is among the best so far, or -1. */
int	store_search_rank_of(struct search_run *r, int64_t id);
/* How far the exact ranking is, 0 to 100 (100: final). */
int	store_search_progress(struct search_run *r);
/* The matches the exact ranking has scored so far. */
long long store_search_scanned(struct search_run *r);
/* Lets go of the index until the next step, which goes on where this one
 * stopped (or starts again when the index changed meanwhile). */
void	store_search_pause(struct search_run *r);
void	store_search_end(struct search_run *r);

/* The first paragraph on or after page, or 0. */
int	store_para_at_page(struct store *st, int64_t doc, int page);
/* The number of paragraphs (headings included) of a document. */
int	store_para_count(struct store *st, int64_t doc);
/* The id (key) of a document row, copied into out. */
int	store_doc_key(struct store *st, int64_t rowid, char *out, size_t len);
/* The number of documents in the index. */
int	store_doc_count(struct store *st);

/* The browser's reads (store_view.c): what a screen shows, by index and
 * with statements kept prepared. Paragraphs first..last, both given; the
 * highest paragraph ordinal; store_sections, cheaper for a long
 * document; and a number that changes when another connection changes
 * the index. */
int	store_view_paras(struct store *st, int64_t doc, int first, int last,
	    para_fn fn, void *arg);
int	store_view_npara(struct store *st, int64_t doc);
int	store_view_sections(struct store *st, int64_t doc, section_fn fn,
	    void *arg);
/* The same a piece at a time, for the time between keys: begin, then
 * steps of at most n sections each through fn (1 while more are left, 0
 * when all are passed or fn stopped them, -1 on error), then end. No
 * read is held between steps. NULL when out of memory. */
struct view_secs;
struct view_secs *store_view_sections_begin(struct store *st, int64_t doc);
int	store_view_sections_step(struct view_secs *v, int n, section_fn fn,
	    void *arg);
void	store_view_sections_end(struct view_secs *v);
int64_t	store_view_stamp(struct store *st);

/* Reading positions in user.db, by document id. */
int	store_position_get(struct store *st, const char *doc, int *para, int *line);
int	store_position_set(struct store *st, const char *doc, int para, int line);
/* The document read last, copied into out; -1 when none. */
int	store_position_last(struct store *st, char *out, size_t len);

#endif
