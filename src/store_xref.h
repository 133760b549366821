/* store_xref.h: the citation network in the index: what a paper cites,
 * who cites an id, the table of cited ids, the graph and related papers.
 *
 * A citation resolves at query time: to the document whose id is its
 * target, or for a dossier alone ("dossier-36045") to the documents of that
 * dossier. So a paper loaded later resolves old citations at once. Queries
 * hand rows to a callback one at a time, as in store.h; a callback returns
 * nonzero to stop. Each returns 0, or -1 on a database error. */
#ifndef LK_STORE_XREF_H
#define LK_STORE_XREF_H
#include <stddef.h>
#include <stdint.h>

struct store;

struct xref_cite {
	const char	*doc, *doc_title;	/* the citing document */
	const char	*kind, *id, *display, *label;	/* what is cited */
	int		 paragraph, note, page, pin;	/* 0 when none */
	int		 start, end;	/* character offsets in paragraph or note */
	const char	*snippet;	/* the citing paragraph's first words */
	const char	*target, *target_title;	/* the first document it resolves to */
	int		 ntargets;	/* how many it resolves to */
};
typedef int (*xref_cite_fn)(const struct xref_cite *, void *);
/* The citations of a document in reading order (a note's at its marker). */
int	store_xref_cites(struct store *st, int64_t doc, xref_cite_fn fn,
	    void *arg);
/* The citations of id in the corpus, by citing document, each in reading
 * order; a dossier's id also finds the citations of its papers. */
int	store_xref_cited_by(struct store *st, const char *id, xref_cite_fn fn,
	    void *arg);

struct xref_target {
	int64_t		 rowid;
	const char	*id, *title;
};
typedef int (*xref_target_fn)(const struct xref_target *, void *);
/* The documents a cited id resolves to, by dossier number, then id. */
int	store_xref_targets(struct store *st, const char *id,
	    xref_target_fn fn, void *arg);

struct xref_ref {
	const char	*id, *kind, *display;
	int		 count, papers, in_corpus;
};
typedef int (*xref_ref_fn)(const struct xref_ref *, void *);
/* Every cited id, most cited first, ties by id; with unresolved only the
 * ids not in the corpus. */
int	store_xref_refs(struct store *st, int unresolved, xref_ref_fn fn,
	    void *arg);

struct xref_node {
	const char	*id, *title;	/* a cited id's title is its display form */
	int		 in_corpus;
};
typedef int (*xref_node_fn)(const struct xref_node *, void *);
/* The graph's nodes by id: every document and every cited id. */
int	store_xref_nodes(struct store *st, xref_node_fn fn, void *arg);

struct xref_edge {
	const char	*from, *to;	/* citing document, cited id */
	int		 weight;	/* citations */
};
typedef int (*xref_edge_fn)(const struct xref_edge *, void *);
/* The graph's edges, by from and to. */
int	store_xref_edges(struct store *st, xref_edge_fn fn, void *arg);

struct xref_related {
	const char	*id, *title;
	const char	*reason;	/* "dossier" or "co-citation" */
	int		 shared;	/* cited ids both cite */
};
typedef int (*xref_related_fn)(const struct xref_related *, void *);
/* The papers of the same dossier, then those citing an id this one cites;
 * each group by shared citations, most first. */
int	store_xref_related(struct store *st, int64_t doc, xref_related_fn fn,
	    void *arg);

/* The same a slice at a time (store_related.c), for the browser: begin,
 * then steps of about rows rows each (1 while there is more, 0 done, -1
 * error), then the first limit (0: all) through fn, and end. No read of
 * the index is held between steps. NULL when out of memory. */
struct xref_rel;
struct xref_rel *store_xref_related_begin(struct store *st, int64_t doc);
int	store_xref_related_step(struct xref_rel *r, int rows);
int	store_xref_related_rows(struct xref_rel *r, int limit,
	    xref_related_fn fn, void *arg);
void	store_xref_related_end(struct xref_rel *r);

/* For the browser: a document's citations as store_xref_cites, without
 * resolving them through the corpus: target is the document whose id is
 * cited, else NULL with ntargets -1 (store_xref_first may still find a
 * dossier's paper); doc, doc_title and snippet are "", target_title
 * NULL. */
int	store_xref_doc_cites(struct store *st, int64_t doc, xref_cite_fn fn,
	    void *arg);
/* The same a piece at a time (store_doccites.c), for the time between
 * keys: begin, then steps of about n citations each (1 while there is
 * more, 0 when all are passed through fn or fn stopped them, -1 on
 * error), then end. The rows come through fn only once all are read, in
 * reading order, at most n a step. No read is held between steps. NULL
 * when out of memory. */
struct xref_docc;
struct xref_docc *store_xref_doc_cites_begin(struct store *st, int64_t doc);
int	store_xref_doc_cites_step(struct xref_docc *d, int n, xref_cite_fn fn,
	    void *arg);
void	store_xref_doc_cites_end(struct xref_docc *d);
/* The first document an id resolves to, as store_xref_cites's target:
 * 0 with its id in key, 1 none, -1 error. */
int	store_xref_first(struct store *st, const char *id, char *key,
	    size_t len);
/* The first limit passages citing document doc, as store_xref_cited_by
 * for its id, without the document itself; target fields NULL. */
int	store_xref_cited_by_doc(struct store *st, int64_t doc, int limit,
	    xref_cite_fn fn, void *arg);

#endif
