/* hyphen.h: deciding how a word broken over two lines is joined again. */
#ifndef LK_HYPHEN_H
#define LK_HYPHEN_H
#include <stddef.h>

struct lexicon;		/* known words: a system word list plus shipped data */
struct wordcount;	/* word frequencies of one file */

/* Opens the lexicon from the word list at dict (NULL: the first of
 * $LEESKAMER_DICT, /usr/share/dict/dutch that exists; none is fine) and the
 * shipped data in datadir (NULL: none). Never fails for a missing list. */
struct lexicon *lexicon_open(const char *dict, const char *datadir);

/* The same, with the word list as loaded kept in the file cache (made
 * when missing or when the list changed), which opens at no cost. */
struct lexicon *lexicon_open_cached(const char *dict, const char *datadir,
	    const char *cache);
void	lexicon_close(struct lexicon *lx);
/* True when word (UTF-8, any case) is listed. */
int	lexicon_has(const struct lexicon *lx, const char *w, size_t len);

/* Counts the words of text (case-folded); hyphenated forms count too. */
struct wordcount *wordcount_build(const char *text, size_t len);
void	wordcount_free(struct wordcount *wc);
unsigned wordcount_get(const struct wordcount *wc, const char *w, size_t len);

enum hyphen_join {
	HYPHEN_JOIN,	/* one word, no hyphen: machtscom- petitie */
	HYPHEN_KEEP,	/* one word, keep the hyphen: Chinees- Russische */
	HYPHEN_SPACE	/* two words: the line break was a space */
};

/* Decides the join of head (the end of a line, without its '-') and tail
 * (the first word of the next line). hyphen: the line ended in '-'. */
enum hyphen_join hyphen_decide(const struct lexicon *lx,
	    const struct wordcount *wc, const char *head, size_t hlen,
	    const char *tail, size_t tlen, int hyphen);

#endif
