/* ui.h: the browser. One app context holds all of its state; the panes
 * read the store through src/store.h only. */
#ifndef LK_UI_H
#define LK_UI_H
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "browse.h"
#include "layout.h"

struct store;
struct search_run;
struct tdoc;
struct section_row;
struct tsecs;

/* The documents the tree keeps open by itself as the reader follows
 * citations: a few, so that a long session does not grow the tree. */
#define TREE_AUTO	4
#define TREE_AUTO_ROWS	4000	/* and their sections at most */
#define UDOC_KEPT	2	/* documents left kept for going back, */
#define UDOC_KEPT_ROWS	4000	/* holding at most this many rows */
struct wrap_line;
struct match;

/* ---- a document as the reader holds it: bounded by the document ---- */

struct usec {			/* a section */
	int64_t	 rowid;
	char	*id, *number, *title;	/* one block: id */
	int	 level, first, last, page;
	int	 parent;		/* index, -1 top */
	char	*label;			/* its row in the tree */
};

struct ucite {			/* a citation */
	char	*kind, *id, *display, *label;	/* one block: kind */
	char	*target;		/* its own, or in kind's block */
	int	 own_target;
	int	 para, note, page, pin, start, end;
	int	 resolved;	/* target is known: see udoc_target */
};

struct unote {
	int	 number, para, pos, page;
	char	*text;
};

struct xref_rel;
struct view_secs;
struct xref_docc;

struct ulink {			/* a paper citing this one, or a related one */
	char	*doc, *title, *text;	/* text: the citing words, or the reason */
	int	 para;			/* the citing paragraph, 0 none */
	int	 cased;			/* title in sentence case: see below */
};

struct urange {			/* a bookmarked passage */
	int	first, last;
};

/* A bookmark in the list. */
struct umark {
	int64_t	 id;
	char	*doc, *title, *where, *quote, *note, *tags, *created;
	int	 para, orphaned;
};

struct udoc {
	int64_t		 rowid;
	char		 key[256];
	char		*title, *kamerstuk, *dossier;
	int		 npara;
	struct usec	*secs;
	int		 nsecs;		/* 0 until all are read: */
	int		 nsecs_read;	/* those read so far */
	struct ucite	*cites;
	int		 ncites, ncites_read;
	struct unote	*notes;
	int		 nnotes;
	struct ulink	*citedby, *related;
	int		 ncitedby, nrelated;
	int		 related_want;	/* the panel has room for related: */
	int		 related_read;	/* read between keys (search_idle) */
	struct xref_rel	*related_run;	/* being read, a slice a step */
	int		 rest;		/* sections, citations, cited-by: the
					 * next of them to read (udoc_rest),
					 * 0 when all are read */
	struct view_secs *secs_run;	/* the sections being read, */
	struct xref_docc *cites_run;	/* the citations: a piece a step */
	struct urange	*marked;	/* bookmarked passages */
	int		 nmarked;
};

/* A paragraph laid out for the reader at one width. */
struct span {
	int	start, end;	/* bytes of the display text */
	int	cite;		/* index into udoc.cites, or -1 */
	int	note;		/* a note marker's number, or 0 */
};

struct rpara {
	int		  id;		/* 0: empty slot */
	int		  page, heading;
	char		 *text;		/* display text: markers shown as [n] */
	size_t		  len;
	struct span	 *spans;
	int		  nspans;
	struct wrap_line *lines;
	int		  nlines;
	unsigned	  used;		/* for eviction */
	struct match	 *m;		/* its search matches, */
	int		  nm;
	unsigned	  mgen;		/* for app.mgen */
};

#define RCACHE	256

struct place {
	int64_t	doc;
	int	para, line;
	int	results;	/* the search results list, at entry para */
};

/* A hit of a corpus search, its text fetched when first shown. */
struct result {
	char	*doc, *section, *title, *snippet;
	int	 para, page;
	int	*hits;		/* pairs of byte offsets in snippet */
	int	 nhits;
	int64_t	 id;		/* the store's, to follow it as ranks change */
	int	 loaded;
};

#define RESULTS_MAX	200
#define HIST_MAX	32

/* A match of the search in a paragraph's display text. */
struct match {
	int	start, end;	/* bytes */
};

#define HISTORY	100

struct app {
	struct store	*st;
	SCREEN		*scr;
	int		 alt_left, alt_right;	/* their key codes, <= 0 none */
	int		 rows, cols, color, utf8;
	int		 show[PANE_COUNT], user_set[PANE_COUNT];
	int		 zoom, focus;
	struct layout	 lay;
	WINDOW		*win[PANE_COUNT];

	struct udoc	 doc;		/* the open document (rowid 0: none) */
	struct udoc	 kept[UDOC_KEPT]; /* the last ones left, oldest first */
	int		 nkept;
	int64_t		 kept_stamp;	/* the index they were read from */
	struct place	 top;		/* first line shown in the reader */
	int		 sel;		/* selected citation, -1 none */
	struct rpara	 cache[RCACHE];
	int		 cache_width;
	unsigned	 tick;

	/* the tree: documents and, for open ones, their sections */
	struct tdoc	*tdocs;		/* the documents, read once */
	int		 ntdocs;
	int64_t		 tstamp;	/* the index they were read from */
	int		 tread_ok;	/* tdocs were read (even if none) */
	struct tdoc	*tnew;		/* the documents being read again, */
	int		 ntnew, tnewcap;	/* a piece between keys */
	int64_t		 tnext;		/* the last rowid read */
	int64_t		 tnewstamp;
	int		 treading;
	struct tsecs	*tsecs;		/* sections of documents shown open */
	int		 ntsecs;
	struct trow	*trows;
	int		 ntrows, tsel, ttop, trowcap;
	int64_t		*topen;		/* documents shown open */
	int64_t		 tfollowed;	/* the document the tree last followed */
	int64_t		 tauto[TREE_AUTO]; /* documents it opened by itself,
					 * oldest first */
	int		 ntauto;
	char		**gopen;	/* dossiers shown open */
	int		 ngopen;
	int		 ntopen;
	int64_t		*tclosed;	/* sections collapsed */
	int		 ntclosed;

	/* the panel */
	int		 xsel, xtop;

	struct place	 back[HISTORY], fwd[HISTORY];
	int		 nback, nfwd;

	/* searching: in the document (/ ?) and in the corpus (s) */
	char		 find[256];	/* the pattern, "" none */
	char		*ffold;		/* the pattern folded */
	size_t		 ffoldlen;
	int		 fkeep;		/* smartcase: match case */
	int		 fpara, fstart, fend;	/* the current match */
	int		 fdir;		/* 1 for /, -1 for ? */
	struct place	 forigin;	/* where an incremental search began */
	char		 last_search;	/* 'd' or 'c': what n and N repeat */
	char		**terms;	/* a corpus query's words, folded */
	int		 nterms;
	struct result	 res[RESULTS_MAX];
	int		 nres, rsel, rtop, in_results;
	char		 rquery[256];
	struct search_run *run;		/* the results' ranking, maybe going on */
	int		 rrows;		/* matches its next slice ranks */
	int		 rfollow;	/* the selection follows its hit */
	int		 rstopped;	/* the ranking failed on the way */
	double		 rshown;	/* when the list took the ranking, ms */
	char		*hist[HIST_MAX];
	int		 nhist;
	char		 mkey[1024];	/* what the matches are of, */
	unsigned	 mgen;		/* and a number for it */

	/* bookmarks: a selection being made, and the list */
	int		 vsel;		/* the selection's first paragraph, 0 none */
	struct umark	*marks;
	int		 nmarks, msel, mtop, in_marks, morder;
	char		 mfilter[256];
	int64_t		 mundo[HISTORY];	/* deleted here, for u */
	int		 nmundo;

	char		 msg[512];
	int		 count;		/* a count typed before a motion */
	int		 quit;
};

struct trow {
	int64_t	 doc, sec;	/* sec 0: the document itself; doc 0: a dossier */
	int	 level, open, kids, first;
	const char *label;	/* borrowed: the document's or the section's */
	char	*own;		/* or its own (a dossier, bookmark counts) */
	char	*dossier;	/* a dossier's row: its number */
};

/* app.c */

/* The browser in three steps, for ui_run and the bench's driver: the
 * terminal on in and out and the first document (-1 when the terminal
 * cannot be used), one key at a time (app_draw shows the result), and
 * the end. */
int	ui_start(struct app *a, struct store *st, const char *start, FILE *in,
	    FILE *out);
void	ui_key(struct app *a, int ch);
void	ui_stop(struct app *a);
/* Whether work waits for the time between keys (the tree's documents,
 * search_pending's), and a slice of it: the key loop calls ui_idle while
 * no key waits. */
int	ui_pending(struct app *a);
void	ui_idle(struct app *a);

void	app_message(struct app *a, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	app_open(struct app *a, int64_t doc, int para, int line, int remember);
/* Shows the search results list at entry sel, as a place in the history. */
void	app_results(struct app *a, int sel);
void	app_draw(struct app *a);
void	app_follow(struct app *a, const struct ucite *c);

/* doc.c */
/* A document's head, notes and length: what its first screen needs. Its
 * sections, citations and the passages citing it are read after it
 * (udoc_rest), between keys or before the next key. */
int	udoc_load(struct store *st, int64_t rowid, struct udoc *d);
/* Reads the next part of what udoc_load left (d->rest): 1 while more
 * is left. udoc_rest_all reads all of it, and has the reader lay out
 * its paragraphs and the tree its sections again: 1 when it read any. */
int	udoc_rest(struct store *st, struct udoc *d);
int	udoc_rest_all(struct app *a);
void	udoc_free(struct udoc *d);
/* The open document is left, kept (the oldest kept is let go); the
 * reader going back to it takes it again without reading it: 1 when doc
 * was kept and is now a->doc. Kept documents are let go when the index
 * changes, and by udoc_kept_free. */
void	udoc_keep(struct app *a);
int	udoc_take(struct app *a, int64_t doc);
void	udoc_kept_free(struct app *a);
/* A kept document's sections, or NULL. */
const struct udoc *udoc_kept(const struct app *a, int64_t doc);
int	udoc_section_of(const struct udoc *d, int para);
/* A cited-by or related paper's title, put in sentence case when first
 * asked for. */
const char *udoc_link_title(struct ulink *l);
/* Citation i's target, found in the corpus when first asked for. */
const char *udoc_target(struct store *st, struct udoc *d, int i);
/* Reads the related papers a slice at a time, as they take the whole
 * corpus: one slice, and 1 while there is more (related_read is set when
 * they are there). udoc_related_all reads them to the end at once. */
int	udoc_related(struct store *st, struct udoc *d);
void	udoc_related_all(struct store *st, struct udoc *d);

/* reader.c */
struct rpara *reader_para(struct app *a, int id, int width);
void	reader_cache_clear(struct app *a);
void	reader_draw(struct app *a, WINDOW *w);
void	reader_scroll(struct app *a, int lines);
int	reader_bottom(struct app *a, int *line);
void	reader_goto(struct app *a, int para, int context);
void	reader_end(struct app *a);
void	reader_cite_step(struct app *a, int dir);
int	reader_width(struct app *a);

/* tree.c */
void	tree_build(struct app *a);
/* tree_build, the documents read again at once: the index changed. */
void	tree_reload(struct app *a);
/* The documents are read between keys, a piece at a time (the first
 * screen shows the open document alone), and again when another
 * connection changed the index: whether a piece waits, and one piece. */
int	tree_pending(struct app *a);
void	tree_idle(struct app *a);
/* Takes the sections of a document the reader lets go of (d keeps
 * none), when the tree shows it open: 1 when taken. */
int	tree_adopt(struct app *a, struct udoc *d);
/* tree_build, keeping the row selected. */
void	tree_refresh(struct app *a);
void	tree_free(struct app *a);
void	tree_draw(struct app *a, WINDOW *w);
void	tree_key(struct app *a, int key);
void	tree_follow(struct app *a);

/* xref.c */
void	xref_draw(struct app *a, WINDOW *w);
void	xref_key(struct app *a, int key);

/* draw.c: text out, safe for any locale and any bytes */
void	draw_text(struct app *a, WINDOW *w, const char *s, size_t len, int maxcols);
int	draw_width(struct app *a, const char *s, size_t len);
void	draw_fill(WINDOW *w, int cols);
/* Copies of strings from the store: NULL becomes "" (ui_dup) or stays
 * NULL (ui_dupnull); NULL again when out of memory. */
char   *ui_dup(const char *s);
char   *ui_dupnull(const char *s);
/* Copies of the n strings src into one block, each *dst[i] pointing
 * into it (NULL becomes "", as ui_dup); returns the block to free, the
 * first of them, or NULL when out of memory. A long paper's thousands of
 * rows are a block each, not one allocation a field. */
char   *ui_pack(char **dst[], const char *src[], int n);
/* A section as the store gives it, its strings in one block; -1 when out
 * of memory. usec_free lets go of what it holds. */
int	usec_fill(struct usec *s, const struct section_row *r);
void	usec_free(struct usec *s);
/* Moves *sel in a list of n rows for j k, Space b (page rows), g G and
 * their keys; 1 when key was one of them. */
int	ui_list_key(int key, int *sel, int n, int page);

/* prompt.c */
/* Reads a line on the message line; changed (may be NULL) is called as
 * the line changes, for incremental search; Up and Down recall history.
 * Returns a malloc'd line, or NULL when Esc cancels. */
char   *prompt_read(struct app *a, const char *label, const char *initial,
	    void (*changed)(struct app *, const char *), int history);

/* search.c */
void	search_doc_prompt(struct app *a, int dir);
void	search_repeat(struct app *a, int dir);
void	search_corpus_prompt(struct app *a);
#define SEARCH_MATCHES	256	/* the most kept for a paragraph */
int	search_matches(struct app *a, struct rpara *r, struct match *m,
	    int max);
void	results_draw(struct app *a, WINDOW *w);
void	results_key(struct app *a, int key);
void	results_free(struct app *a);
void	search_free(struct app *a);
/* Whether work waits for the time between keys: a corpus search still
 * ranking a list on screen (else the ranking waits, letting go of the
 * index), or the related papers the panel has room for; and a slice of
 * that work: the key loop calls search_idle while no key waits. */
int	search_pending(struct app *a);
void	search_idle(struct app *a);

/* marks.c */
void	marks_add(struct app *a);
void	marks_select(struct app *a);
void	marks_open(struct app *a);
void	marks_draw(struct app *a, WINDOW *w);
void	marks_key(struct app *a, int key);
void	marks_free(struct app *a);
int	marks_doc_load(struct app *a);
int	marks_in(const struct app *a, int para);

/* help.c */
void	help_show(struct app *a);

#endif
