/* cite.h: recognising citations of parliamentary papers in text. */
#ifndef LK_CITE_H
#define LK_CITE_H
#include <stddef.h>

enum cite_kind {
	CITE_KST,	/* Kamerstuk: kst-36045-4 */
	CITE_DOSSIER,	/* a dossier alone: dossier-36045 */
	CITE_H,		/* Handelingen: h-tk-20122013-71-15 */
	CITE_AH,	/* Aanhangsel Handelingen: ah-tk-20222023-635 */
	CITE_TK,	/* Tweede Kamer document number: 2024D26746 */
	/* only from XML markup (<extref doc="…">), by the id's prefix */
	CITE_BLG,	/* Bijlage: blg-1234567 */
	CITE_STCRT,	/* Staatscourant: stcrt-2024-1234 */
	CITE_STB,	/* Staatsblad: stb-2024-56 */
	CITE_TRB,	/* Tractatenblad: trb-2024-7 */
	CITE_KV,	/* Kamervragen: kv-tk-2024Z01234 */
	CITE_OTHER	/* another official publication */
};

struct cite {
	size_t	start, end;	/* byte span in the text searched */
	enum cite_kind kind;
	char	id[64];		/* canonical id: kst-35925-V-84 */
	char	display[96];	/* "35 925 V, nr. 84" */
	char	dossier[32];	/* "35 925 V", "21 501-20" ("" when none) */
	char	number[16];	/* "84", "A" ("" when none) */
	char	vergaderjaar[10]; /* "2021-2022" or "" */
	char	chamber;	/* 'T', 'E' or 0 */
	int	page;		/* pinpoint page, 0 when none */
	int	range_last;	/* a long range kept whole: its last number, else 0 */
	char	label[96];	/* words before it naming what is cited, or "" */
};

struct cite_list {
	struct cite *v;
	size_t	n, cap;
};

/* Appends to out every citation in text[0..len), in order of position.
 * Linear in len. Returns 0, or -1 when out of memory. */
int	cite_find_all(const char *text, size_t len, struct cite_list *out);
void	cite_list_free(struct cite_list *l);

/* Parses a loose form a user types ("35925 V 84", "36 045, nr. 4",
 * "kst-36045-4", "35925-V-84") into its canonical id. Returns 0 or -1. */
int	cite_parse_id(const char *s, char *id, size_t idlen);

/* The kind name stored and printed: "kst", "dossier", "h", "ah", "tk",
 * "blg", "stcrt", "stb", "trb", "kv", "other". */
const char *cite_kind_name(enum cite_kind k);

#endif
