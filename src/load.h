/* load.h: one file through the parse stages into one paper. */
#ifndef LK_LOAD_H
#define LK_LOAD_H
#include <stddef.h>
#include <stdint.h>

#include "cite.h"
#include "paper.h"

/* A citation found in a paper, placed in a paragraph or a note. */
struct pcite {
	int		para;	/* paragraph index; for a note: its marker's, or -1 */
	int		note;	/* note index, or -1 */
	size_t		start, end;	/* character offsets in that text */
	struct cite	c;
	int		markup;	/* 1: an <extref> of XML markup, 0: found by the
				 * recogniser (set by xml_parse; load.c's text
				 * path does not set it) */
};

#define LOAD_STAMP	128

struct loaded {
	struct paper	 paper;
	struct pcite	*cites;
	size_t		 ncites;
	uint64_t	 hash;	/* of the file, its sidecar and the parser */
	char		 stamp[LOAD_STAMP];	/* see load_stamp; "" unknown */
	const char	*encoding;
	int		 converted;
	int		 xml;	/* read from XML by xml_parse (xml.h) */
};

/* Reads the whole file at path into *raw (malloc'd). Returns 0, or -1 with
 * a reason in err. Refuses what is not a regular file. */
int	load_read(const char *path, unsigned char **raw, size_t *len,
	    char *err, size_t errlen);
/* The content hash of a file as the loader sees it: its bytes, its sidecar
 * and the parser version, so that a new parser re-reads every file. */
uint64_t load_hash(const unsigned char *raw, size_t len, const char *sidecar);
/* The stamp of a file: the parser version, and the size and modification
 * time of the file and of its sidecar, so that an unchanged file is known
 * without reading it (as make and rsync know one). Returns 0; 1 when the
 * file changed too lately to tell a later change by its time (the stamp is
 * then ""); -1 when path cannot be looked at. */
int	load_stamp(const char *path, char *stamp, size_t len);
/* Reads path's NAME.meta sidecar, or NULL when there is none. */
char   *load_sidecar(const char *path);
/* The file name without folders and extension; an XML file keeps its
 * ".xml", so that it is another file than the text of the same paper. */
void	load_stem(const char *path, char *stem, size_t len);
/* Parses raw (the bytes of path) into l. lx may be NULL. Returns 0, or -1
 * with a reason in err; l is to be freed with load_free either way. */
int	load_parse(const char *path, const unsigned char *raw, size_t len,
	    char *sidecar, const struct lexicon *lx, struct loaded *l,
	    char *err, size_t errlen);
/* load_parse, for a caller that has the file's load_hash already and
 * gives raw (malloc'd) away: it is freed once decoded, so that a large
 * paper is not held twice while it is parsed. */
int	load_parse_hashed(const char *path, unsigned char *raw,
	    size_t len, uint64_t hash, char *sidecar, const struct lexicon *lx,
	    struct loaded *l, char *err, size_t errlen);
void	load_free(struct loaded *l);

#endif
