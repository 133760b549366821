/* store_user.h: bookmarks, the user's own data, kept in user.db.
 *
 * A bookmark is anchored by its document's id (doc.key), the folded text
 * fingerprint of its first and last paragraphs, their ordinals and the
 * quoted text, never by index.db row ids, so deleting index.db and loading
 * the papers again brings every bookmark back. When a document is loaded
 * again after an edit, its bookmarks re-anchor (store_bookmarks_anchor):
 * the same fingerprint at any ordinal; else the quote in a paragraph
 * (folded); else the paragraph sharing the most words with the old text
 * (a Dice coefficient of 0.7 or more); the nearest to the old ordinal of
 * equal candidates; else the bookmark is orphaned: kept and listed, never
 * deleted, and found again when its text comes back.
 *
 * Paragraph ids are the ordinals of store.h (para_row.id). Character
 * offsets count Unicode code points from 0; end is exclusive. Every write
 * is one transaction: a failed one leaves user.db as it was. Rows are
 * handed to a callback one at a time; their strings live until it returns;
 * a callback returning nonzero stops the walk. */
#ifndef LK_STORE_USER_H
#define LK_STORE_USER_H
#include <stddef.h>
#include <stdint.h>

struct store;

struct bookmark_row {
	int64_t		  id;
	const char	 *doc;		/* document id */
	const char	 *title;	/* document title, as last seen */
	const char	 *kamerstuk;	/* "35 925 V, nr. 84", or NULL */
	int		  paragraph;	/* first paragraph id; 0 when orphaned */
	int		  last_paragraph; /* last paragraph id; 0 when orphaned */
	int		  start, end;	/* character range, -1 when whole */
	int		  page, last_page; /* 0 when unknown */
	const char	 *section;	/* section id (section_row.id), or NULL */
	const char	 *section_number, *section_title; /* or NULL */
	const char	 *quote;	/* the text marked, as it was marked */
	const char	 *note;		/* or NULL */
	const char	**tags;
	int		  ntags;
	const char	 *created;	/* ISO 8601, UTC */
	int		  orphaned;	/* the passage is no longer found */
	int		  deleted;	/* removed; store_bookmark_restore undoes it */
};
typedef int (*bookmark_fn)(const struct bookmark_row *, void *);

/* What store_bookmark_add needs: paragraphs first..last of doc (last 0
 * for first alone); start and end a character range, -1 for none: start
 * in the first paragraph, end in the last. */
struct bookmark_new {
	const char		 *doc;	/* an exact document id */
	int			  first, last;
	int			  start, end;
	const char		 *note;	/* or NULL */
	const char *const	 *tags;
	int			  ntags;
};

/* Creates the bookmark tables in user.db when missing; the functions
 * below call it themselves. */
int	store_user_init(struct store *st);

/* Adds a bookmark; 0 with its id in *id, or -1 with a reason in err (no
 * such document or paragraph, a range outside the text, a bad tag). */
int	store_bookmark_add(struct store *st, const struct bookmark_new *b,
	    int64_t *id, char *err, size_t errlen);

/* Re-anchors the bookmarks of doc (NULL: of every document) whose
 * document changed in the index since they were last anchored. Cheap when
 * nothing changed: one query a document. A document missing from the
 * index is left as it was. */
int	store_bookmarks_anchor(struct store *st, const char *doc, char *err,
	    size_t errlen);

/* The bookmarks, re-anchored first, by document, paragraph and id: all
 * (doc NULL) or those of one document id, with every one of tags (none:
 * any). Deleted ones are left out. */
int	store_bookmarks(struct store *st, const char *doc,
	    const char *const *tags, int ntags, bookmark_fn fn, void *arg);
/* One bookmark, deleted or not; -1 when there is no such id. */
int	store_bookmark_get(struct store *st, int64_t id, bookmark_fn fn,
	    void *arg);

/* Removes a bookmark by marking it deleted (-1 with a reason when there is
 * no such bookmark); store_bookmark_restore brings it back. */
int	store_bookmark_delete(struct store *st, int64_t id, char *err,
	    size_t errlen);
int	store_bookmark_restore(struct store *st, int64_t id, char *err,
	    size_t errlen);
/* Replaces a bookmark's note; NULL or "" removes it. */
int	store_bookmark_note(struct store *st, int64_t id, const char *note,
	    char *err, size_t errlen);

typedef int (*bookmark_count_fn)(const char *section, int n, void *);
/* The number of (not orphaned) bookmarks in each section of a document,
 * by the section id of their first paragraph, re-anchored first. */
int	store_bookmark_counts(struct store *st, const char *doc,
	    bookmark_count_fn fn, void *arg);

#endif
