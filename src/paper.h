/* paper.h: one input file as it passes through the parse stages.
 *
 * load.c decodes a file into lines; page.c marks footers and page breaks;
 * meta.c finds the header block, colophon and metadata; notes.c takes out
 * notes and note markers; para.c joins lines into paragraphs; heading.c
 * finds headings and builds the section tree. Each stage reads what the
 * earlier ones left and knows nothing of the later ones. */
#ifndef LK_PAPER_H
#define LK_PAPER_H
#include <stddef.h>

/* Inside line and paragraph text, a note marker is MARK, digits, MARK:
 * control bytes cannot occur in normalised text, so the marker survives
 * joining and is taken out (with its position kept) when paragraphs are done. */
#define MARK '\x1d'

/* The title of the section that holds the text before the first heading. */
#define FRONT_TITLE	"Begin"

enum {
	LINE_LEAD	= 1 << 0,	/* had leading space */
	LINE_TRAIL	= 1 << 1,	/* had trailing space */
	LINE_BLANK	= 1 << 2,	/* nothing on it */
	LINE_DROP	= 1 << 3,	/* footer, header, colophon: not text */
	LINE_NOTE	= 1 << 4,	/* part of a footnote at the page foot */
	LINE_PAGE	= 1 << 5,	/* first line of a new page */
	LINE_FF		= 1 << 6,	/* preceded by a form feed */
	LINE_OWN	= 1 << 7	/* s is malloc'd, not part of buf */
};

struct line {
	char	   *s;		/* normalised UTF-8, NUL-terminated */
	size_t	    len;
	int	    no;		/* line number in the file, from 1 */
	int	    page;	/* 0 when unknown */
	unsigned    flags;
};

struct marker {
	size_t	    pos;	/* character offset in the paragraph text */
	int	    number;
};

enum para_kind { PARA_BODY, PARA_HEADING, PARA_DROP };

struct para {
	char	   *text;	/* repaired text; '\n' only inside signature blocks */
	size_t	    len;
	int	    line;	/* first source line */
	int	    page;	/* page of the first line, 0 unknown */
	int	    kind;
	int	    level;	/* headings: depth in the tree, from 1 */
	char	    number[24];	/* headings: "1.1" or "" */
	int	    section;	/* index into paper.secs */
	int	    sig;	/* a signature block */
	struct marker *marks;
	size_t	    nmarks;
};

struct note {
	int	    number;
	char	   *text;
	int	    page;
	int	    para;	/* index of the paragraph with its marker, -1 none */
	size_t	    pos;	/* character offset of the marker there */
};

struct section {
	char	    number[24];	/* "1.1" or "" */
	char	   *title;
	int	    level;
	int	    parent;	/* index, -1 for a top section */
	int	    page;
	int	    first;	/* index of its first paragraph (its heading) */
};

struct meta {
	char	    id[256];	/* document id: kst-…, else sidecar id, else stem */
	char	    kamerstuk[128]; /* display form "35 925 V, nr. 84" or "" */
	char	    dossier[40];
	char	    dossier_title[160];
	char	    number[16];
	char	    kstid[128];	/* from a colophon line "kst-36045-139" */
	char	    vergaderjaar[12]; /* "2021-2022" */
	char	    chamber;	/* 'T', 'E', 0 */
	char	    date[12];	/* YYYY-MM-DD or "" */
	char	   *title;	/* never NULL after meta_finish */
	char	    type[32];
	char	   *signatories; /* names, one per line, or NULL */
	int	    title_line;	/* the first line was the title: its index+1 */
	int	    sidecar_title;
};

struct paper {
	const char *path;	/* for messages */
	char	    stem[256];
	char	   *buf;	/* the decoded file; lines point into it */
	size_t	    buflen;
	char	   *sidecar;	/* NAME.meta beside the file, or NULL */
	struct wordcount *wc;	/* word counts of the whole file */
	struct line *lines;
	size_t	    nlines;
	struct para *paras;
	size_t	    npara, parascap;
	struct note *notes;
	size_t	    nnotes, notescap;
	struct section *secs;
	size_t	    nsecs, secscap;
	struct meta meta;
	int	    footers;	/* page footers found */
	int	    docx;	/* extracted from DOCX: one paragraph a line */
};

/* Frees everything the paper owns (not the struct itself). */
void	paper_free(struct paper *p);
/* Frees what only parsing needs (the decoded file, its lines and word
 * counts), keeping paragraphs, notes, sections and metadata. */
void	paper_trim(struct paper *p);
/* Appends a paragraph copying text; returns its index or -1. */
int	paper_add_para(struct paper *p, const char *text, size_t len, int line, int page);
/* Inserts a paragraph copying text at index at; returns at or -1. Only
 * before notes are linked to paragraphs. */
int	paper_insert_para(struct paper *p, size_t at, const char *text, size_t len);
/* Appends a note taking ownership of text; returns its index or -1. */
int	paper_add_note(struct paper *p, int number, char *text, int page);
/* Appends a section whose heading is paragraph first; returns its index or -1. */
int	paper_add_section(struct paper *p, const char *number, const char *title,
	    int level, int first);

/* The stages, in order. Each returns 0, or -1 when out of memory. */
int	page_mark(struct paper *p);
int	meta_scan(struct paper *p);
int	notes_extract(struct paper *p);
struct lexicon;
struct wordcount;
int	para_build(struct paper *p, const struct lexicon *lx);
int	heading_build(struct paper *p);
/* The section tree from paragraphs already marked as headings with their
 * levels: a section per heading, and one for the text before the first. */
int	heading_sections(struct paper *p);
/* Grows an array *v of *cap elements of size bytes to hold n + 1. */
int	paper_grow(void **v, size_t *cap, size_t n, size_t size);
/* A title from the first sentence of text: malloc'd, about 100 bytes at
 * most, cut at a word with an ellipsis. */
char   *meta_derive_title(const char *text);
int	meta_finish(struct paper *p);

#endif
