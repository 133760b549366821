/* page.h: page footers and page breaks of extracted text. */
#ifndef LK_PAGE_H
#define LK_PAGE_H
#include <stddef.h>

/* What a Kamer page footer says:
 * "Tweede Kamer, vergaderjaar 2021–2022, 35 925 V, nr. 84 2". */
struct footer {
	char	chamber;	/* 'T' or 'E' */
	char	vergaderjaar[12]; /* "2021-2022" */
	char	dossier[40];	/* "35 925 V" */
	char	number[16];	/* "84" */
	int	page;		/* 2, or 0 when the footer has none */
};

/* Parses s as a footer. Returns 1 when it is one, else 0. */
int	footer_parse(const char *s, size_t len, struct footer *f);

#endif
