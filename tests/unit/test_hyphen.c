/* test_hyphen.c: rejoining words broken over two lines. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicase.h>
#include <uninorm.h>

#include "t.h"
#include "hyphen.h"

#define DATADIR		"assets/data"
#define SYSDICT		"/usr/share/dict/dutch"

/* A small word list, so that outcomes do not hang on the system's. */
static const char tiny_words[] =
	"Chinees\n"
	"Nederland\n"
	"Oekraïne\n"
	"aanpassingsvermogen\n"
	"architectuur\n"
	"beleid\n"
	"beleidsdialoog\n"
	"competitie\n"
	"crisis\n"
	"cyber\n"
	"draaien\n"
	"export\n"
	"gebalanceerde\n"
	"geschiedenis\n"
	"implementatie\n"
	"inde\n"
	"infrastructuur\n"
	"instellingen\n"
	"kamer\n"
	"lidstaten\n"
	"macht\n"
	"militaire\n"
	"minister\n"
	"onder\n"
	"onderschreven\n"
	"opsporingsteam\n"
	"port\n"
	"samen\n"
	"samenwerking\n"
	"schreven\n"
	"tweede\n"
	"veilig\n"
	"veiligheid\n"
	"veiligheidsraad\n"
	"vermogen\n"
	"weerbaarheid\n"
	"wereldwijd\n"
	"werking\n";

static char *
tmp_path(const char *what)
{
	static char	path[128];

	snprintf(path, sizeof path, "/tmp/leeskamer-test-hyphen-%ld-%s",
	    (long)getpid(), what);
	return path;
}

static int
write_file(const char *path, const char *text)
{
	FILE	*fp;
	int	 ok;

	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	ok = fputs(text, fp) >= 0;
	return fclose(fp) == 0 && ok ? 0 : -1;
}

/* The lexicon of tiny_words and the shipped data. */
static struct lexicon *
tiny(void)
{
	struct lexicon	*lx;
	char		*path = tmp_path("dict");

	if (write_file(path, tiny_words) == -1)
		return NULL;
	lx = lexicon_open(path, DATADIR);
	unlink(path);
	return lx;
}

/* How the two lines read after the decision. */
static const char *
rejoin(const struct lexicon *lx, const struct wordcount *wc,
    const char *head, const char *tail, int hyphen)
{
	static char	buf[512];

	switch (hyphen_decide(lx, wc, head, strlen(head), tail, strlen(tail),
	    hyphen)) {
	case HYPHEN_JOIN:
		snprintf(buf, sizeof buf, "%s%s", head, tail);
		break;
	case HYPHEN_KEEP:
		snprintf(buf, sizeof buf, "%s-%s", head, tail);
		break;
	case HYPHEN_SPACE:
		snprintf(buf, sizeof buf, "%s%s %s", head, hyphen ? "-" : "",
		    tail);
		break;
	default:
		snprintf(buf, sizeof buf, "?");
	}
	return buf;
}

static struct wordcount *
count_text(const char *text)
{
	return wordcount_build(text, strlen(text));
}

void
test_hyphen_machtscompetitie(void)
{
	struct lexicon	*lx = tiny();

	T_OK(lx != NULL);
	/* machts|competitie: macht, a linking s, competitie. */
	T_EQ_STR(rejoin(lx, NULL, "machtscom", "petitie", 1),
	    "machtscompetitie");
	T_EQ_STR(rejoin(lx, NULL, "machtscom", "petitie", 0),
	    "machtscompetitie");
	lexicon_close(lx);
}

void
test_hyphen_division(void)
{
	struct lexicon	*lx = tiny();

	T_EQ_STR(rejoin(lx, NULL, "veiligheidsar", "chitectuur?", 1),
	    "veiligheidsarchitectuur?");
	T_EQ_STR(rejoin(lx, NULL, "geschie", "denis.", 1), "geschiedenis.");
	T_EQ_STR(rejoin(lx, NULL, "aanpassings", "vermogen", 1),
	    "aanpassingsvermogen");
	T_EQ_STR(rejoin(lx, NULL, "Accounta", "bility", 1),
	    "Accountability");
	/* forensisch- en opspo- / ringsteam */
	T_EQ_STR(rejoin(lx, NULL, "opspo", "ringsteam", 1), "opsporingsteam");
	/* A hyphenated head: its last part meets the word list. */
	T_EQ_STR(rejoin(lx, NULL, "EU-lid", "staten", 1), "EU-lidstaten");
	/* Closed compounds of two words, as Dutch writes them. */
	T_EQ_STR(rejoin(lx, NULL, "export", "macht,", 1), "exportmacht,");
	T_EQ_STR(rejoin(lx, NULL, "Export", "macht", 1), "Exportmacht");
	lexicon_close(lx);
}

void
test_hyphen_capital_or_digit(void)
{
	struct lexicon	*lx = tiny();
	size_t		 i;
	static const char *const keep[][3] = {
		{ "Chinees", "Russische", "Chinees-Russische" },
		{ "OVSE", "presentie", "OVSE-presentie" },
		{ "EU", "lidstaten", "EU-lidstaten" },
		{ "2%", "norm", "2%-norm" },
		{ "trans", "Atlantische", "trans-Atlantische" },
		{ "anti", "ISIS", "anti-ISIS" },
		{ "Midden", "Oosten,", "Midden-Oosten," },
		{ "COVID", "19", "COVID-19" },
		{ "2026", "2030", "2026-2030" },
	};

	for (i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		T_EQ_STR(rejoin(lx, NULL, keep[i][0], keep[i][1], 1),
		    keep[i][2]);
		/* Whatever the file says. */
		T_EQ_STR(rejoin(NULL, NULL, keep[i][0], keep[i][1], 1),
		    keep[i][2]);
	}
	lexicon_close(lx);
}

void
test_hyphen_file_evidence_join(void)
{
	struct lexicon		*lx = tiny();
	struct wordcount	*with, *without;

	with = count_text("Zie ook Nederlandwereldwijd voor reisadvies.\n"
	    "Het loket van Nederland-\nwereldwijd helpt.\n");
	without = count_text("Het loket van Nederland-\nwereldwijd helpt.\n");
	T_EQ_STR(rejoin(lx, with, "Nederland", "wereldwijd.", 1),
	    "Nederlandwereldwijd.");
	/* No evidence: a name and a word, so a real hyphen (rule 6). */
	T_EQ_STR(rejoin(lx, without, "Nederland", "wereldwijd.", 1),
	    "Nederland-wereldwijd.");
	/* Without any word list the file still decides. */
	T_EQ_STR(rejoin(NULL, with, "Nederland", "wereldwijd", 1),
	    "Nederlandwereldwijd");
	wordcount_free(with);
	wordcount_free(without);
	lexicon_close(lx);
}

void
test_hyphen_file_evidence_keep(void)
{
	struct lexicon		*bare;
	struct wordcount	*wc;

	/* No list, no shipped data: only the file says dual-use. */
	bare = lexicon_open("/nonexistent", NULL);
	wc = count_text("militaire en dual-use goederen; de dual-\n"
	    "use goederen\n");
	T_EQ_STR(rejoin(bare, wc, "dual", "use", 1), "dual-use");
	T_EQ_STR(rejoin(bare, NULL, "dual", "use", 1), "dualuse");
	wordcount_free(wc);
	lexicon_close(bare);
}

void
test_hyphen_file_evidence_frequency(void)
{
	struct wordcount	*wc;

	/* Both forms occur: the more frequent wins. */
	wc = count_text("energieinfrastructuur energie-infrastructuur "
	    "energieinfrastructuur\n");
	T_EQ_STR(rejoin(NULL, wc, "energie", "infrastructuur", 1),
	    "energieinfrastructuur");
	wordcount_free(wc);
	wc = count_text("energieinfrastructuur energie-infrastructuur "
	    "Energie-Infrastructuur\n");
	T_EQ_STR(rejoin(NULL, wc, "energie", "infrastructuur", 1),
	    "energie-infrastructuur");
	wordcount_free(wc);
	/* A tie decides nothing: the vowel rule keeps the hyphen. */
	wc = count_text("energieinfrastructuur energie-infrastructuur\n");
	T_EQ_STR(rejoin(NULL, wc, "energie", "infrastructuur", 1),
	    "energie-infrastructuur");
	wordcount_free(wc);
}

void
test_hyphen_rule_order(void)
{
	struct lexicon		*lx = tiny();
	struct wordcount	*wc;

	/* 1 before 2: a capital at the hyphen, whatever the file says. */
	wc = count_text("ovsepresentie ovsepresentie\n");
	T_EQ_STR(rejoin(lx, wc, "OVSE", "presentie", 1), "OVSE-presentie");
	wordcount_free(wc);
	/* 2 before 3: the file writes dualuse, the shipped data dual-use. */
	wc = count_text("dualuse\n");
	T_EQ_STR(rejoin(lx, wc, "dual", "use", 1), "dualuse");
	T_EQ_STR(rejoin(lx, NULL, "dual", "use", 1), "dual-use");
	wordcount_free(wc);
	/* 2 before 4: the file keeps a hyphen the list would drop. */
	wc = count_text("het geschie-denis-project: geschie-denis\n");
	T_EQ_STR(rejoin(lx, wc, "geschie", "denis", 1), "geschie-denis");
	T_EQ_STR(rejoin(lx, NULL, "geschie", "denis", 1), "geschiedenis");
	wordcount_free(wc);
	/* 3 before 4: a prefix keeps its hyphen before a listed word. */
	T_EQ_STR(rejoin(lx, NULL, "ex", "minister", 1), "ex-minister");
	/* 4 before 3's prefix: ex- port is export, a listed word. */
	T_EQ_STR(rejoin(lx, NULL, "ex", "port", 1), "export");
	/* 4 before 6: onderschreven is listed, onder and schreven too. */
	T_EQ_STR(rejoin(lx, NULL, "onder", "schreven", 0), "onderschreven");
	lexicon_close(lx);
}

void
test_hyphen_shipped_data(void)
{
	struct lexicon	*lx = lexicon_open("/nonexistent", DATADIR);
	size_t		 i;
	static const char *const words[][2] = {
		{ "dual", "use" }, { "follow", "up" }, { "start", "up" },
		{ "e", "mail" }, { "check", "up" }, { "spill", "over" },
		{ "spin", "off" }, { "trade", "off" },
	};
	char		 buf[64];

	T_OK(lx != NULL);
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		snprintf(buf, sizeof buf, "%s-%s", words[i][0], words[i][1]);
		T_EQ_STR(rejoin(lx, NULL, words[i][0], words[i][1], 1), buf);
		T_OK(lexicon_has(lx, buf, strlen(buf)));
	}
	/* A listed word keeps its hyphen only at the hyphen. */
	T_EQ_STR(rejoin(lx, NULL, "du", "al-use", 1), "dual-use");
	T_OK(!lexicon_has(lx, "dual", 4));
	lexicon_close(lx);
}

void
test_hyphen_data_format(void)
{
	struct lexicon		*lx;
	struct wordcount	*wc;
	char			*dir = tmp_path("data"), path[160];

	snprintf(path, sizeof path, "%s/hyphen.txt", dir);
	T_OK(mkdir(dir, 0700) == 0 || errno == EEXIST);
	T_OK(write_file(path, "# a comment\r\n"
	    "\n"
	    "prefix: Zwier\t# a prefix of our own\r\n"
	    "word:   Foo-Bar   \n"
	    "bogus: line\n"
	    "word: last-line-no-newline") == 0);
	lx = lexicon_open("/nonexistent", dir);
	T_OK(lx != NULL);
	T_OK(lexicon_has(lx, "foo-bar", 7));
	T_OK(lexicon_has(lx, "LAST-LINE-NO-NEWLINE", 20));
	T_OK(!lexicon_has(lx, "line", 4));
	T_OK(!lexicon_has(lx, "# a comment", 11));
	T_EQ_STR(rejoin(lx, NULL, "foo", "bar", 1), "foo-bar");
	T_EQ_STR(rejoin(lx, NULL, "Foo", "bar", 1), "Foo-bar");
	/* Without a word list a prefix needs tail twice in the file. */
	wc = count_text("bar bar");
	T_EQ_STR(rejoin(lx, wc, "zwier", "bar", 1), "zwier-bar");
	T_EQ_STR(rejoin(lx, NULL, "zwier", "bar", 1), "zwierbar");
	wordcount_free(wc);
	lexicon_close(lx);
	unlink(path);
	rmdir(dir);
	/* A data directory without hyphen.txt is no error. */
	lx = lexicon_open("/nonexistent", "/nonexistent");
	T_OK(lx != NULL);
	T_EQ_STR(rejoin(lx, NULL, "dual", "use", 1), "dualuse");
	lexicon_close(lx);
}

void
test_hyphen_prefixes(void)
{
	struct lexicon		*lx = tiny(), *bare;
	struct wordcount	*wc;

	T_EQ_STR(rejoin(lx, NULL, "niet", "militaire", 1), "niet-militaire");
	T_EQ_STR(rejoin(lx, NULL, "oud", "minister", 1), "oud-minister");
	T_EQ_STR(rejoin(lx, NULL, "non", "proliferatie", 1),
	    "non-proliferatie");
	T_EQ_STR(rejoin(lx, NULL, "btw", "verhoging", 1), "btw-verhoging");
	/* Prefixes Dutch writes closed are no prefix here. */
	T_EQ_STR(rejoin(lx, NULL, "anti", "terreur", 1), "antiterreur");
	T_EQ_STR(rejoin(lx, NULL, "semi", "permanent", 1), "semipermanent");
	/* Without a list the file must show the word on its own. */
	bare = lexicon_open("/nonexistent", DATADIR);
	wc = count_text("militaire steun en niet-\nmilitaire steun\n");
	T_EQ_STR(rejoin(bare, wc, "niet", "militaire", 1), "niet-militaire");
	wordcount_free(wc);
	wc = count_text("de ex-\nport van goederen\n");
	T_EQ_STR(rejoin(bare, wc, "ex", "port", 1), "export");
	wordcount_free(wc);
	lexicon_close(bare);
	lexicon_close(lx);
}

void
test_hyphen_vowel_clash(void)
{
	struct lexicon	*lx = tiny();

	/* data- en energie- / infrastructuur */
	T_EQ_STR(rejoin(lx, NULL, "energie", "infrastructuur", 1),
	    "energie-infrastructuur");
	T_EQ_STR(rejoin(NULL, NULL, "energie", "infrastructuur", 1),
	    "energie-infrastructuur");
	T_EQ_STR(rejoin(NULL, NULL, "sanctie", "instrumentarium", 1),
	    "sanctie-instrumentarium");
	T_EQ_STR(rejoin(NULL, NULL, "macro", "economisch", 1),
	    "macro-economisch");
	T_EQ_STR(rejoin(NULL, NULL, "zee", "egel", 1), "zee-egel");
	/* No clash: a diphthong's i before e, or vowels read apart. */
	T_EQ_STR(rejoin(NULL, NULL, "mooi", "e", 1), "mooie");
	T_EQ_STR(rejoin(NULL, NULL, "radio", "actief", 1), "radioactief");
	/* No hyphen at the break: nothing to keep. */
	T_EQ_STR(rejoin(NULL, NULL, "energie", "infrastructuur", 0),
	    "energieinfrastructuur");
	lexicon_close(lx);
}

void
test_hyphen_omission(void)
{
	struct lexicon	*lx = tiny();

	/* buitenland- / en veiligheidsbeleid */
	T_EQ_STR(rejoin(lx, NULL, "buitenland", "en", 1), "buitenland- en");
	T_EQ_STR(rejoin(NULL, NULL, "data", "en", 1), "data- en");
	T_EQ_STR(rejoin(lx, NULL, "veiligheids", "of", 1),
	    "veiligheids- of");
	T_EQ_STR(rejoin(lx, NULL, "lucht", "en/of", 1), "lucht- en/of");
	/* A word: draai- / en is draaien, which the list knows. */
	T_EQ_STR(rejoin(lx, NULL, "draai", "en", 1), "draaien");
	/* No hyphen: two words. */
	T_EQ_STR(rejoin(lx, NULL, "veiligheid", "en", 0), "veiligheid en");
	lexicon_close(lx);
}

void
test_hyphen_names(void)
{
	struct lexicon	*lx = tiny();

	/* Oekraïne is listed with a capital only: a name. */
	T_EQ_STR(rejoin(lx, NULL, "Oekraïne", "crisis.", 1),
	    "Oekraïne-crisis.");
	/* An unlisted name before a listed word of five letters or more. */
	T_EQ_STR(rejoin(lx, NULL, "Shahed", "competitie", 1),
	    "Shahed-competitie");
	/* A capital at the start of a sentence is no name. */
	T_EQ_STR(rejoin(lx, NULL, "Samen", "werking", 1), "Samenwerking");
	T_EQ_STR(rejoin(lx, NULL, "Ontwikke", "lingen", 1), "Ontwikkelingen");
	lexicon_close(lx);
}

void
test_hyphen_no_hyphen(void)
{
	struct lexicon	*lx = tiny();
	size_t		 i;
	static const char *const cases[][3] = {
		{ "gebalan", "ceerde", "gebalanceerde" },
		{ "implemen", "tatie", "implementatie" },
		{ "onder", "schreven", "onderschreven" },
		{ "instel", "lingen", "instellingen" },
		{ "beleids", "dialoog", "beleidsdialoog" },
		{ "cyberweer", "baarheid", "cyberweerbaarheid" },
		{ "Veilig", "heidsraad", "Veiligheidsraad" },
		{ "Samen", "werking", "Samenwerking" },
		{ "Tweede", "kamer", "Tweede kamer" },
		{ "artikel", "5", "artikel 5" },
		{ "Kamer,", "die", "Kamer, die" },
	};

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		T_EQ_STR(rejoin(lx, NULL, cases[i][0], cases[i][1], 0),
		    cases[i][2]);
	lexicon_close(lx);
}

void
test_hyphen_no_hyphen_chance(void)
{
	struct lexicon		*lx = tiny();
	struct wordcount	*wc;
	char			 text[4096];
	size_t			 n = 0;
	int			 i;

	/* in and de so often that "in de" is two words, though inde is. */
	for (i = 0; i < 40; i++)
		n += snprintf(text + n, sizeof text - n,
		    "de kamer stemt in de zaal %d. ", i);
	wc = wordcount_build(text, n);
	T_EQ_STR(rejoin(lx, NULL, "in", "de", 0), "inde");
	T_EQ_STR(rejoin(lx, wc, "in", "de", 0), "in de");
	T_EQ_STR(rejoin(lx, wc, "kamer", "stemt", 0), "kamer stemt");
	wordcount_free(wc);
	/* The joined form in the file, the parts rare: one word. */
	wc = count_text("Samenwerking is goed. De Samen\nwerking ook.\n");
	T_EQ_STR(rejoin(lx, wc, "Samen", "werking", 0), "Samenwerking");
	wordcount_free(wc);
	lexicon_close(lx);
}

void
test_hyphen_no_word_list(void)
{
	struct lexicon		*lx = lexicon_open("/nonexistent", NULL);
	struct lexicon		*data = lexicon_open("/nonexistent", DATADIR);
	struct wordcount	*wc;

	T_OK(lx != NULL && data != NULL);
	T_OK(!lexicon_has(lx, "macht", 5));
	/* Rules 1, 2, 3, 5 and the default. */
	T_EQ_STR(rejoin(lx, NULL, "machtscom", "petitie", 1),
	    "machtscompetitie");
	T_EQ_STR(rejoin(lx, NULL, "geschie", "denis.", 1), "geschiedenis.");
	T_EQ_STR(rejoin(lx, NULL, "Chinees", "Russische", 1),
	    "Chinees-Russische");
	T_EQ_STR(rejoin(lx, NULL, "energie", "infrastructuur", 1),
	    "energie-infrastructuur");
	T_EQ_STR(rejoin(lx, NULL, "buitenland", "en", 1), "buitenland- en");
	T_EQ_STR(rejoin(lx, NULL, "implemen", "tatie", 0), "implementatie");
	T_EQ_STR(rejoin(lx, NULL, "Tweede", "kamer", 0), "Tweedekamer");
	T_EQ_STR(rejoin(lx, NULL, "dual", "use", 1), "dualuse");
	T_EQ_STR(rejoin(data, NULL, "dual", "use", 1), "dual-use");
	wc = count_text("Oekraïne-crisis en de Oekraïne-\ncrisis\n");
	T_EQ_STR(rejoin(lx, wc, "Oekraïne", "crisis", 1), "Oekraïne-crisis");
	wordcount_free(wc);
	/* No lexicon at all is fine too. */
	T_EQ_STR(rejoin(NULL, NULL, "implemen", "tatie", 0), "implementatie");
	T_OK(!lexicon_has(NULL, "macht", 5));
	lexicon_close(data);
	lexicon_close(lx);
}

void
test_hyphen_odd_input(void)
{
	struct lexicon	*lx = tiny();

	T_EQ_INT(hyphen_decide(lx, NULL, "", 0, "tail", 4, 1), HYPHEN_SPACE);
	T_EQ_INT(hyphen_decide(lx, NULL, "head", 4, "", 0, 0), HYPHEN_SPACE);
	T_EQ_INT(hyphen_decide(lx, NULL, "(", 1, ")", 1, 1), HYPHEN_SPACE);
	/* A quote or parenthesis opening the next line: not a word. */
	T_EQ_STR(rejoin(lx, NULL, "data", "(en", 1), "data- (en");
	T_EQ_STR(rejoin(lx, NULL, "zie", "‘partners’", 0), "zie ‘partners’");
	/* Leading punctuation of head is not looked at. */
	T_EQ_STR(rejoin(lx, NULL, "(machtscom", "petitie)", 1),
	    "(machtscompetitie)");
	/* Tail punctuation is stripped for lookups. */
	T_EQ_STR(rejoin(lx, NULL, "Oekraïne", "crisis»", 1),
	    "Oekraïne-crisis»");
	/* Not UTF-8, too long: decided without lookups. */
	T_EQ_STR(rejoin(lx, NULL, "a\xff" "b", "cd", 1), "a\xff" "bcd");
	{
		char	long_word[600];

		memset(long_word, 'a', sizeof long_word - 1);
		long_word[sizeof long_word - 1] = '\0';
		T_EQ_INT(hyphen_decide(lx, NULL, long_word,
		    strlen(long_word), "bc", 2, 1), HYPHEN_JOIN);
	}
	lexicon_close(lx);
}

void
test_hyphen_lexicon_case(void)
{
	struct lexicon	*lx = tiny();

	T_OK(lexicon_has(lx, "Oekraïne", strlen("Oekraïne")));
	T_OK(lexicon_has(lx, "OEKRAÏNE", strlen("OEKRAÏNE")));
	T_OK(lexicon_has(lx, "oekraïne", strlen("oekraïne")));
	/* Decomposed ï (i and U+0308) is the same word. */
	T_OK(lexicon_has(lx, "Oekrai\xcc\x88ne", 10));
	T_OK(lexicon_has(lx, "NEDERLAND", 9));
	T_OK(lexicon_has(lx, "macht", 5));
	T_OK(lexicon_has(lx, "machtig", 5));	/* only its first 5 bytes */
	T_OK(!lexicon_has(lx, "machtig", 7));
	T_OK(!lexicon_has(lx, "Oekraine", 8));
	T_OK(!lexicon_has(lx, "", 0));
	lexicon_close(lx);
}

void
test_hyphen_lexicon_file(void)
{
	struct lexicon	*lx;
	char		*path = tmp_path("crlf");

	/* CRLF lines, no final newline, a duplicate in another case. */
	T_OK(write_file(path, "Risico's\r\nrisico's\r\nAlfa\r\nomega") == 0);
	lx = lexicon_open(path, NULL);
	T_OK(lexicon_has(lx, "risico's", 8));
	T_OK(lexicon_has(lx, "risico’s", strlen("risico’s")));
	T_OK(lexicon_has(lx, "ALFA", 4));
	T_OK(lexicon_has(lx, "omega", 5));
	T_OK(!lexicon_has(lx, "risico", 6));
	lexicon_close(lx);
	/* An empty list is no list. */
	T_OK(write_file(path, "") == 0);
	lx = lexicon_open(path, NULL);
	T_OK(lx != NULL && !lexicon_has(lx, "omega", 5));
	T_EQ_STR(rejoin(lx, NULL, "Tweede", "kamer", 0), "Tweedekamer");
	lexicon_close(lx);
	unlink(path);
}

void
test_hyphen_lexicon_env(void)
{
	struct lexicon	*lx;
	char		*path = tmp_path("env"), *old;

	old = getenv("LEESKAMER_DICT");
	old = old != NULL ? strdup(old) : NULL;
	T_OK(write_file(path, "zwiebelfisch\n") == 0);
	setenv("LEESKAMER_DICT", path, 1);
	lx = lexicon_open(NULL, NULL);
	T_OK(lexicon_has(lx, "Zwiebelfisch", 12));
	lexicon_close(lx);
	/* A named list wins over the environment. */
	lx = lexicon_open("/nonexistent", NULL);
	T_OK(!lexicon_has(lx, "zwiebelfisch", 12));
	lexicon_close(lx);
	/* A list that is not there: the system's, if any. */
	setenv("LEESKAMER_DICT", "/nonexistent", 1);
	lx = lexicon_open(NULL, NULL);
	T_OK(lx != NULL);
	T_EQ_INT(lexicon_has(lx, "competitie", 10),
	    access(SYSDICT, R_OK) == 0);
	lexicon_close(lx);
	if (old != NULL)
		setenv("LEESKAMER_DICT", old, 1);
	else
		unsetenv("LEESKAMER_DICT");
	free(old);
	unlink(path);
}

void
test_hyphen_wordcount(void)
{
	struct wordcount	*wc;
	static const char	 text[] =
	    "De dual-use goederen; de DE de. Dual-\nuse risico’s, "
	    "risico's 2022-2030 e-mail -los- ‘quote’ 'x' a--b\n";

	wc = count_text(text);
	T_OK(wc != NULL);
	T_EQ_INT(wordcount_get(wc, "de", 2), 4);
	T_EQ_INT(wordcount_get(wc, "DE", 2), 4);
	T_EQ_INT(wordcount_get(wc, "dual-use", 8), 1);
	T_EQ_INT(wordcount_get(wc, "dual", 4), 1);	/* the broken one */
	T_EQ_INT(wordcount_get(wc, "use", 3), 1);
	T_EQ_INT(wordcount_get(wc, "risico's", 8), 2);
	T_EQ_INT(wordcount_get(wc, "risico’s", strlen("risico’s")), 2);
	T_EQ_INT(wordcount_get(wc, "2022-2030", 9), 1);
	T_EQ_INT(wordcount_get(wc, "e-mail", 6), 1);
	T_EQ_INT(wordcount_get(wc, "los", 3), 1);
	T_EQ_INT(wordcount_get(wc, "quote", 5), 1);
	T_EQ_INT(wordcount_get(wc, "x", 1), 1);
	T_EQ_INT(wordcount_get(wc, "a", 1), 1);
	T_EQ_INT(wordcount_get(wc, "b", 1), 1);
	T_EQ_INT(wordcount_get(wc, "goederen", 8), 1);
	T_EQ_INT(wordcount_get(wc, "missing", 7), 0);
	T_EQ_INT(wordcount_get(wc, "", 0), 0);
	T_EQ_INT(wordcount_get(NULL, "de", 2), 0);
	wordcount_free(wc);
	wc = wordcount_build("", 0);
	T_OK(wc != NULL);
	T_EQ_INT(wordcount_get(wc, "de", 2), 0);
	wordcount_free(wc);
	wordcount_free(NULL);
	lexicon_close(NULL);
}

void
test_hyphen_wordcount_large(void)
{
	struct wordcount	*wc;
	char			*text, word[32];
	size_t			 n = 0, cap = 4 << 20;
	int			 i;

	/* 4 MB of text, 200000 distinct words: the table grows. */
	if ((text = malloc(cap)) == NULL)
		return;
	for (i = 0; n + 64 < cap; i++)
		n += snprintf(text + n, cap - n, "woord%d de ", i % 200000);
	wc = wordcount_build(text, n);
	T_OK(wc != NULL);
	T_EQ_INT(wordcount_get(wc, "woord0", 6), (i + 199999) / 200000);
	T_EQ_INT(wordcount_get(wc, "de", 2), i);
	snprintf(word, sizeof word, "WOORD%d", 199999);
	T_EQ_INT(wordcount_get(wc, word, strlen(word)), i / 200000);
	wordcount_free(wc);
	free(text);
}

/* The system word list, or NULL (and the tests skip) when there is none. */
static struct lexicon *
sysdict(void)
{
	if (access(SYSDICT, R_OK) != 0) {
		fprintf(stderr, "test_hyphen: no %s, skipped\n", SYSDICT);
		return NULL;
	}
	return lexicon_open(SYSDICT, DATADIR);
}

void
test_hyphen_sysdict_examples(void)
{
	struct lexicon	*lx;
	size_t		 i;
	static const char *const cases[][4] = {
		{ "machtscom", "petitie", "1", "machtscompetitie" },
		{ "veiligheidsar", "chitectuur?", "1",
		    "veiligheidsarchitectuur?" },
		{ "geschie", "denis.", "1", "geschiedenis." },
		{ "aanpassings", "vermogen", "1", "aanpassingsvermogen" },
		{ "Accounta", "bility", "1", "Accountability" },
		{ "Chinees", "Russische", "1", "Chinees-Russische" },
		{ "dual", "use", "1", "dual-use" },
		{ "OVSE", "presentie", "1", "OVSE-presentie" },
		{ "energie", "infrastructuur", "1", "energie-infrastructuur" },
		{ "opspo", "ringsteam", "1", "opsporingsteam" },
		{ "trans", "Atlantische", "1", "trans-Atlantische" },
		{ "Oekraïne", "crisis.", "1", "Oekraïne-crisis." },
		{ "EU", "lidstaten,", "1", "EU-lidstaten," },
		{ "niet", "militaire", "1", "niet-militaire" },
		{ "non", "proliferatie", "1", "non-proliferatie" },
		{ "anti", "ISIS", "1", "anti-ISIS" },
		{ "2%", "norm", "1", "2%-norm" },
		{ "sanctie", "instrumentarium", "1",
		    "sanctie-instrumentarium" },
		{ "macro", "economisch", "1", "macro-economisch" },
		{ "buitenland", "en", "1", "buitenland- en" },
		{ "ex", "minister", "1", "ex-minister" },
		{ "ex", "port", "1", "export" },
		{ "export", "macht,", "1", "exportmacht," },
		{ "veiligheids", "beleid.", "1", "veiligheidsbeleid." },
		{ "gebalan", "ceerde", "0", "gebalanceerde" },
		{ "implemen", "tatie", "0", "implementatie" },
		{ "onder", "schreven", "0", "onderschreven" },
		{ "instel", "lingen", "0", "instellingen" },
		{ "beleids", "dialoog", "0", "beleidsdialoog" },
		{ "cyberweer", "baarheid", "0", "cyberweerbaarheid" },
		{ "Veilig", "heidsraad", "0", "Veiligheidsraad" },
		{ "Samen", "werking", "0", "Samenwerking" },
		{ "Tweede", "kamer", "0", "Tweede kamer" },
		{ "internationale", "rechtsorde", "0",
		    "internationale rechtsorde" },
	};

	if ((lx = sysdict()) == NULL)
		return;
	T_OK(lexicon_has(lx, "competitie", 10));
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		T_EQ_STR(rejoin(lx, NULL, cases[i][0], cases[i][1],
		    cases[i][2][0] == '1'), cases[i][3]);
	lexicon_close(lx);
}

void
test_hyphen_sysdict_evidence(void)
{
	struct lexicon		*lx;
	struct wordcount	*wc;

	if ((lx = sysdict()) == NULL)
		return;
	wc = count_text("Nederlandwereldwijd.nl en het loket Nederland-\n"
	    "wereldwijd.\n");
	T_EQ_STR(rejoin(lx, wc, "Nederland", "wereldwijd.", 1),
	    "Nederlandwereldwijd.");
	T_EQ_STR(rejoin(lx, NULL, "Nederland", "wereldwijd.", 1),
	    "Nederland-wereldwijd.");
	wordcount_free(wc);
	lexicon_close(lx);
}

/* Words with Latin-1 letters count as u8_casefold folds them, upper case
 * or lower, composed or with a combining mark: each letter of U+00C0 to
 * U+00FF, ß and ÿ (whose capital is outside Latin-1) among them, × and
 * ÷ not. */
void
test_hyphen_wordcount_latin1(void)
{
	struct wordcount	*wc;
	char			 text[8192], word[16], *p = text;
	uint8_t			 folded[32], *r;
	size_t			 n;
	unsigned		 cp, lo;

	/* x<hex><letter>t once as it is and once in the other case */
	for (cp = 0xc0; cp <= 0xff; cp++) {
		lo = cp <= 0xde && cp != 0xd7 ? cp + 0x20 : cp;
		p += sprintf(p, "x%02x%c%ct X%02X%c%cT ", cp, 0xc3,
		    0x80 | (cp & 0x3f), cp, 0xc3, 0x80 | (lo & 0x3f));
	}
	p += sprintf(p, "strasse STRA\xc3\x9f" "E \xc5\xb8s co\xc3\xb6rdinatie "
	    "coo\xcc\x88rdinatie");
	wc = count_text(text);
	T_OK(wc != NULL);
	for (cp = 0xc0; cp <= 0xff; cp++) {
		if (cp == 0xd7 || cp == 0xf7)
			continue;	/* × and ÷ end a word */
		snprintf(word, sizeof word, "x%02x%c%ct", cp, 0xc3, 0x80 | (cp & 0x3f));
		n = sizeof folded;
		r = u8_casefold((const uint8_t *)word, strlen(word), NULL,
		    UNINORM_NFC, folded, &n);
		T_OK(r == folded);
		T_EQ_INT(wordcount_get(wc, (const char *)folded, n), 2);
	}
	T_EQ_INT(wordcount_get(wc, "strasse", 7), 2);
	T_EQ_INT(wordcount_get(wc, "ÿs", strlen("ÿs")), 1);
	T_EQ_INT(wordcount_get(wc, "COÖRDINATIE", strlen("COÖRDINATIE")), 2);
	wordcount_free(wc);
}

static ino_t
inode_of(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 ? sb.st_ino : 0;
}

/* The word list kept as loaded: made on the first open, mapped on the
 * next, made again when the list changes or the file is damaged. */
void
test_hyphen_lexicon_cache(void)
{
	struct lexicon	*lx;
	char		 dict[128], cache[128];
	ino_t		 ino;
	FILE		*fp;
	long		 size;

	snprintf(dict, sizeof dict, "%s", tmp_path("cache-dict"));
	snprintf(cache, sizeof cache, "%s", tmp_path("cache"));
	unlink(cache);
	T_OK(write_file(dict, "Alfa\nbèta\nGAMMA\n") == 0);
	lx = lexicon_open_cached(dict, NULL, cache);
	T_OK(lexicon_has(lx, "alfa", 4) && lexicon_has(lx, "BÈTA", strlen("BÈTA")));
	lexicon_close(lx);
	T_OK((ino = inode_of(cache)) != 0);
	/* mapped, not made again */
	lx = lexicon_open_cached(dict, NULL, cache);
	T_OK(lexicon_has(lx, "Gamma", 5) && lexicon_has(lx, "bèta", strlen("bèta")));
	T_OK(!lexicon_has(lx, "delta", 5));
	lexicon_close(lx);
	T_EQ_INT(inode_of(cache) == ino, 1);
	/* another list: made again, with its words */
	T_OK(write_file(dict, "Alfa\nbèta\nGAMMA\ndelta\n") == 0);
	lx = lexicon_open_cached(dict, NULL, cache);
	T_OK(lexicon_has(lx, "delta", 5) && lexicon_has(lx, "alfa", 4));
	lexicon_close(lx);
	T_OK(inode_of(cache) != ino);
	/* damaged: slots pointing past the words, then a file cut short */
	ino = inode_of(cache);
	T_OK((fp = fopen(cache, "r+b")) != NULL);
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	fseek(fp, size - 12, SEEK_SET);
	fwrite("\xff\xff\xff\x7f", 1, 4, fp);
	fclose(fp);
	lx = lexicon_open_cached(dict, NULL, cache);
	T_OK(lexicon_has(lx, "delta", 5) && !lexicon_has(lx, "epsilon", 7));
	lexicon_close(lx);
	T_OK(inode_of(cache) != ino);
	T_OK(truncate(cache, size / 2) == 0);
	lx = lexicon_open_cached(dict, NULL, cache);
	T_OK(lexicon_has(lx, "gamma", 5));
	lexicon_close(lx);
	/* a cache that cannot be written: the list alone */
	lx = lexicon_open_cached(dict, NULL, "/nonexistent/dir/cache");
	T_OK(lexicon_has(lx, "gamma", 5));
	lexicon_close(lx);
	unlink(cache);
	unlink(dict);
}
