/* test_cite.c: recognising citations of parliamentary papers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "t.h"
#include "cite.h"

/* Runs cite_find_all on the string s into the list l. */
#define FIND(s, l) do { memset(&(l), 0, sizeof (l)); \
	T_EQ_INT(cite_find_all((s), strlen(s), &(l)), 0); } while (0)

/* The text a citation spans. */
static const char *
cite_span(const char *s, const struct cite *c)
{
	static char buf[1024];

	if (c->end < c->start || c->end - c->start >= sizeof buf)
		return "(bad span)";
	snprintf(buf, sizeof buf, "%.*s", (int)(c->end - c->start), s + c->start);
	return buf;
}

/* Checks that s holds exactly one citation, with this id and span. */
#define ONE(s, id_, span_) do { struct cite_list l_; FIND((s), l_); \
	T_EQ_INT(l_.n, 1); if (l_.n >= 1) { T_EQ_STR(l_.v[0].id, (id_)); \
	T_EQ_STR(cite_span((s), &l_.v[0]), (span_)); } \
	cite_list_free(&l_); } while (0)

/* Checks that s holds no citation at all. */
#define NONE(s) do { struct cite_list l_; FIND((s), l_); \
	T_EQ_INT(l_.n, 0); if (l_.n > 0) T_EQ_STR(l_.v[0].id, "(none)"); \
	cite_list_free(&l_); } while (0)

/* Checks that cite_parse_id turns s into id. */
#define PARSE(s, id_) do { char b_[64]; \
	T_EQ_INT(cite_parse_id((s), b_, sizeof b_), 0); \
	T_EQ_STR(b_, (id_)); } while (0)

void
test_cite_kind_name(void)
{
	T_EQ_STR(cite_kind_name(CITE_KST), "kst");
	T_EQ_STR(cite_kind_name(CITE_DOSSIER), "dossier");
	T_EQ_STR(cite_kind_name(CITE_H), "h");
	T_EQ_STR(cite_kind_name(CITE_AH), "ah");
	T_EQ_STR(cite_kind_name(CITE_TK), "tk");
}

void
test_cite_basic(void)
{
	const char *s = "uw Kamer op 26 februari jl. (Kamerstuk 36 045, nr. 3) "
	    "toegegaan.";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 1);
	if (l.n == 1) {
		T_EQ_INT(l.v[0].kind, CITE_KST);
		T_EQ_STR(l.v[0].id, "kst-36045-3");
		T_EQ_STR(l.v[0].display, "36 045, nr. 3");
		T_EQ_STR(l.v[0].dossier, "36 045");
		T_EQ_STR(l.v[0].number, "3");
		T_EQ_STR(l.v[0].vergaderjaar, "");
		T_EQ_INT(l.v[0].chamber, 0);
		T_EQ_INT(l.v[0].page, 0);
		T_EQ_INT(l.v[0].range_last, 0);
		T_EQ_INT(l.v[0].start, 29);
		T_EQ_INT(l.v[0].end, 52);
		T_EQ_STR(cite_span(s, &l.v[0]), "Kamerstuk 36 045, nr. 3");
		T_EQ_STR(l.v[0].label, "");
	}
	cite_list_free(&l);
	T_OK(l.v == NULL && l.n == 0 && l.cap == 0);
}

void
test_cite_label_word(void)
{
	ONE("Kamerstuk 36 045, nr. 3", "kst-36045-3", "Kamerstuk 36 045, nr. 3");
	ONE("Kamerstukken 36 045, nr. 3.", "kst-36045-3",
	    "Kamerstukken 36 045, nr. 3");
	ONE("kamerstuk 36 045, nr. 3", "kst-36045-3", "kamerstuk 36 045, nr. 3");
	/* no space after the label */
	ONE("(Kamerstuk36 045, nr. 4)", "kst-36045-4", "Kamerstuk36 045, nr. 4");
	/* a stray word */
	ONE("(Kamerstuk met 35 982, nr. 9).", "kst-35982-9",
	    "Kamerstuk met 35 982, nr. 9");
	ONE("uitvoering aan Motie 36 180, nr. 219 - Van Ark/Van Lanschot",
	    "kst-36180-219", "Motie 36 180, nr. 219");
	ONE("cf. de motie van het lid Sjoerdsma c.s. (Kamerstuk 36 045, nr. 4)"
	    "additionele", "kst-36045-4", "Kamerstuk 36 045, nr. 4");
	/* no label at all: nr. makes it a citation */
	ONE("Netwerk 2022), (30821 nr. 165) en", "kst-30821-165",
	    "30821 nr. 165");
	ONE("zie 36 045, nr. 3.", "kst-36045-3", "36 045, nr. 3");
}

void
test_cite_chamber_year(void)
{
	const char *s = "Kamerstukken II 2021/22, 36 045, nr. 4; Kamerstuk II "
	    "2021–2022, 36 045, nr. 5; Kamerstukken I 2019/20, 35 300, nr. 6; "
	    "Kamerstukken TK 2020/2021, 35 570, nr. 7; Kamerstukken EK "
	    "2020-2021, 35 570, nr. 8; Kamerstukken ll 2022/23, 36 200, nr. 9";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 6);
	if (l.n == 6) {
		T_EQ_STR(l.v[0].id, "kst-36045-4");
		T_EQ_STR(l.v[0].vergaderjaar, "2021-2022");
		T_EQ_INT(l.v[0].chamber, 'T');
		T_EQ_STR(cite_span(s, &l.v[0]),
		    "Kamerstukken II 2021/22, 36 045, nr. 4");
		T_EQ_STR(l.v[1].id, "kst-36045-5");
		T_EQ_STR(l.v[1].vergaderjaar, "2021-2022");
		T_EQ_INT(l.v[1].chamber, 'T');
		T_EQ_STR(cite_span(s, &l.v[1]),
		    "Kamerstuk II 2021–2022, 36 045, nr. 5");
		T_EQ_STR(l.v[2].id, "kst-35300-6");
		T_EQ_STR(l.v[2].vergaderjaar, "2019-2020");
		T_EQ_INT(l.v[2].chamber, 'E');
		T_EQ_STR(l.v[3].id, "kst-35570-7");
		T_EQ_STR(l.v[3].vergaderjaar, "2020-2021");
		T_EQ_INT(l.v[3].chamber, 'T');
		T_EQ_STR(l.v[4].vergaderjaar, "2020-2021");
		T_EQ_INT(l.v[4].chamber, 'E');
		/* ll, a misreading of II */
		T_EQ_STR(l.v[5].id, "kst-36200-9");
		T_EQ_STR(l.v[5].vergaderjaar, "2022-2023");
		T_EQ_INT(l.v[5].chamber, 'T');
		T_EQ_STR(cite_span(s, &l.v[5]),
		    "Kamerstukken ll 2022/23, 36 200, nr. 9");
	}
	cite_list_free(&l);

	/* TK or EK without a label */
	ONE("TK 2021/22, 36 045, nr. 6.", "kst-36045-6",
	    "TK 2021/22, 36 045, nr. 6");
	/* a vergaderjaar whose years do not follow each other is not one;
	 * the citation after it still is */
	ONE("Kamerstukken II 2021/23, 36 045, nr. 4", "kst-36045-4",
	    "36 045, nr. 4");
}

void
test_cite_page_header(void)
{
	/* the running header of a PDF page, page number 2 after it */
	const char *s = "Tweede Kamer, vergaderjaar 2021–2022, 35 925 V, nr. 84 2";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 1);
	if (l.n == 1) {
		T_EQ_STR(l.v[0].id, "kst-35925-V-84");
		T_EQ_STR(l.v[0].vergaderjaar, "2021-2022");
		T_EQ_INT(l.v[0].chamber, 'T');
		T_EQ_INT(l.v[0].page, 0);
		T_EQ_STR(cite_span(s, &l.v[0]),
		    "Tweede Kamer, vergaderjaar 2021–2022, 35 925 V, nr. 84");
	}
	cite_list_free(&l);
	/* the Tweede Kamer itself is no citation */
	ONE("op verzoek van de Tweede Kamer (Kamerstuk 36 045, nr. 97).",
	    "kst-36045-97", "Kamerstuk 36 045, nr. 97");
}

void
test_cite_dossier_forms(void)
{
	const char *s = "36045, nr. 1; 31.125, nr. 7; 30 821, nr. 2; "
	    "35 925 V, nr. 84; 36 200 X, nr. 26; 35 000 VIII, nr. 3; "
	    "36 410 IIB, nr. 2; 21 501-20, nr. 1795; 21501-20, nr. 1; "
	    "21 501-02, nr. 12; 36 600-VI, nr. 91; 36 045 (R2064), nr. 4.";
	static const struct {
		const char *id, *display, *dossier, *span;
	} want[] = {
		{ "kst-36045-1", "36 045, nr. 1", "36 045", "36045, nr. 1" },
		{ "kst-31125-7", "31 125, nr. 7", "31 125", "31.125, nr. 7" },
		{ "kst-30821-2", "30 821, nr. 2", "30 821", "30 821, nr. 2" },
		{ "kst-35925-V-84", "35 925 V, nr. 84", "35 925 V",
		    "35 925 V, nr. 84" },
		{ "kst-36200-X-26", "36 200 X, nr. 26", "36 200 X",
		    "36 200 X, nr. 26" },
		{ "kst-35000-VIII-3", "35 000 VIII, nr. 3", "35 000 VIII",
		    "35 000 VIII, nr. 3" },
		{ "kst-36410-IIB-2", "36 410 IIB, nr. 2", "36 410 IIB",
		    "36 410 IIB, nr. 2" },
		{ "kst-21501-20-1795", "21 501-20, nr. 1795", "21 501-20",
		    "21 501-20, nr. 1795" },
		{ "kst-21501-20-1", "21 501-20, nr. 1", "21 501-20",
		    "21501-20, nr. 1" },
		{ "kst-21501-02-12", "21 501-02, nr. 12", "21 501-02",
		    "21 501-02, nr. 12" },
		{ "kst-36600-VI-91", "36 600 VI, nr. 91", "36 600 VI",
		    "36 600-VI, nr. 91" },
		{ "kst-36045-4", "36 045 (R2064), nr. 4", "36 045",
		    "36 045 (R2064), nr. 4" },
	};
	struct cite_list l;
	size_t i;

	FIND(s, l);
	T_EQ_INT(l.n, sizeof want / sizeof want[0]);
	for (i = 0; i < l.n && i < sizeof want / sizeof want[0]; i++) {
		T_EQ_INT(l.v[i].kind, CITE_KST);
		T_EQ_STR(l.v[i].id, want[i].id);
		T_EQ_STR(l.v[i].display, want[i].display);
		T_EQ_STR(l.v[i].dossier, want[i].dossier);
		T_EQ_STR(cite_span(s, &l.v[i]), want[i].span);
	}
	cite_list_free(&l);

	/* a four-digit dossier is printed as it is */
	ONE("Kamerstuk 4567, nr. 2", "kst-4567-2", "Kamerstuk 4567, nr. 2");
	/* an en dash before the toevoeging */
	ONE("Kamerstuk 21 501–20, nr. 1795", "kst-21501-20-1795",
	    "Kamerstuk 21 501–20, nr. 1795");
}

void
test_cite_number_forms(void)
{
	ONE("Kamerstuk 36 045, nr. 3", "kst-36045-3", "Kamerstuk 36 045, nr. 3");
	ONE("Kamerstuk 36 045, nr 874", "kst-36045-874",
	    "Kamerstuk 36 045, nr 874");
	ONE("Kamerstuk 36 045, nr.3", "kst-36045-3", "Kamerstuk 36 045, nr.3");
	ONE("Kamerstuk 36 045, nummer 25", "kst-36045-25",
	    "Kamerstuk 36 045, nummer 25");
	ONE("Kamerstuk 36 045 Nr. 25", "kst-36045-25",
	    "Kamerstuk 36 045 Nr. 25");
	/* a date after the number is not a second number */
	ONE("Kamerstuk 36 045, nr. 4, 17 mei 2022", "kst-36045-4",
	    "Kamerstuk 36 045, nr. 4");
}

void
test_cite_lists(void)
{
	const char *s = "Kamerstuk 36 045, nrs. 520 en 548.";
	const char *r = "(Kamerstuk 36 045, nrs. 1–3)";
	const char *t = "Kamerstuk 36 045, nr. 1 en nr. 5 en Kamerstuk 36 045, "
	    "nrs. 7, 8 en 9 en Kamerstuk 36 045, nrs. 10 t/m 12";
	struct cite_list l;
	size_t i;

	FIND(s, l);
	T_EQ_INT(l.n, 2);
	if (l.n == 2) {
		T_EQ_STR(l.v[0].id, "kst-36045-520");
		T_EQ_STR(l.v[0].display, "36 045, nr. 520");
		T_EQ_STR(cite_span(s, &l.v[0]), "Kamerstuk 36 045, nrs. 520");
		T_EQ_STR(l.v[1].id, "kst-36045-548");
		T_EQ_STR(l.v[1].display, "36 045, nr. 548");
		T_EQ_STR(cite_span(s, &l.v[1]), "548");
	}
	cite_list_free(&l);

	/* a short range: one citation per number */
	FIND(r, l);
	T_EQ_INT(l.n, 3);
	if (l.n == 3) {
		T_EQ_STR(l.v[0].id, "kst-36045-1");
		T_EQ_STR(l.v[1].id, "kst-36045-2");
		T_EQ_STR(l.v[2].id, "kst-36045-3");
		for (i = 0; i < 3; i++) {
			T_EQ_INT(l.v[i].range_last, 0);
			T_EQ_STR(cite_span(r, &l.v[i]),
			    "Kamerstuk 36 045, nrs. 1–3");
		}
	}
	cite_list_free(&l);

	FIND(t, l);
	T_EQ_INT(l.n, 8);
	if (l.n == 8) {
		T_EQ_STR(l.v[0].id, "kst-36045-1");
		T_EQ_STR(l.v[1].id, "kst-36045-5");
		T_EQ_STR(cite_span(t, &l.v[1]), "nr. 5");
		T_EQ_STR(l.v[2].id, "kst-36045-7");
		T_EQ_STR(l.v[3].id, "kst-36045-8");
		T_EQ_STR(l.v[4].id, "kst-36045-9");
		T_EQ_STR(l.v[5].id, "kst-36045-10");
		T_EQ_STR(l.v[7].id, "kst-36045-12");
	}
	cite_list_free(&l);

	/* a list stops before another dossier */
	FIND("Kamerstuk 36 045, nrs. 3 en 36 046, nr. 4 en 36047, nr. 5", l);
	T_EQ_INT(l.n, 3);
	if (l.n == 3) {
		T_EQ_STR(l.v[0].id, "kst-36045-3");
		T_EQ_STR(l.v[1].id, "kst-36046-4");
		T_EQ_STR(l.v[2].id, "kst-36047-5");
	}
	cite_list_free(&l);
}

void
test_cite_long_range(void)
{
	const char *s = "Kamerstuk 36 045, nrs. 1–100 en Kamerstuk 36 046, "
	    "nrs. 1-50 en Kamerstuk 36 047, nrs. 1-51";
	struct cite_list l;

	FIND(s, l);
	/* 1 kept whole, 50 expanded, 1 kept whole */
	T_EQ_INT(l.n, 52);
	if (l.n == 52) {
		T_EQ_STR(l.v[0].id, "kst-36045-1");
		T_EQ_STR(l.v[0].number, "1");
		T_EQ_INT(l.v[0].range_last, 100);
		T_EQ_STR(l.v[0].display, "36 045, nrs. 1-100");
		T_EQ_STR(cite_span(s, &l.v[0]), "Kamerstuk 36 045, nrs. 1–100");
		T_EQ_STR(l.v[1].id, "kst-36046-1");
		T_EQ_INT(l.v[1].range_last, 0);
		T_EQ_STR(l.v[50].id, "kst-36046-50");
		T_EQ_INT(l.v[50].range_last, 0);
		T_EQ_STR(l.v[51].id, "kst-36047-1");
		T_EQ_INT(l.v[51].range_last, 51);
	}
	cite_list_free(&l);
}

void
test_cite_eerste_kamer_letter(void)
{
	const char *s = "Kamerstukken I 2019/20, 35 300, A en Kamerstuk 35 300, B.";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 2);
	if (l.n == 2) {
		T_EQ_STR(l.v[0].id, "kst-35300-A");
		T_EQ_STR(l.v[0].number, "A");
		T_EQ_STR(l.v[0].display, "35 300, A");
		T_EQ_INT(l.v[0].chamber, 'E');
		T_EQ_STR(cite_span(s, &l.v[0]),
		    "Kamerstukken I 2019/20, 35 300, A");
		T_EQ_STR(l.v[1].id, "kst-35300-B");
	}
	cite_list_free(&l);
	/* a capital after a comma is no letter without a label */
	NONE("In 35 300, A en B zijn");
	/* nor when a word follows it */
	ONE("Kamerstuk 35 300, A is", "dossier-35300", "Kamerstuk 35 300");
}

void
test_cite_compact(void)
{
	ONE("zie 21501-20-1795.", "kst-21501-20-1795", "21501-20-1795");
	ONE("zie kst-36045-4.", "kst-36045-4", "kst-36045-4");
	ONE("zie kst-35925-V-84.", "kst-35925-V-84", "kst-35925-V-84");
	ONE("zie kst-21501-20-1795.", "kst-21501-20-1795",
	    "kst-21501-20-1795");
	ONE("(35925-V-84)", "kst-35925-V-84", "35925-V-84");
	ONE("zie kst-35300-A.", "kst-35300-A", "kst-35300-A");
	NONE("zie kst-35925-VLF en kst-35925-v-84");
	/* part of a longer id is none */
	NONE("zie kst-35925-5925-V-84 en 21501-20-1795-3 en "
	    "h-tk-20122013-71-15-2");
	/* numbers lose their leading zeros, toevoegingen keep them */
	ONE("kst-35925-V-05", "kst-35925-V-5", "kst-35925-V-05");
	ONE("35925-V-007", "kst-35925-V-7", "35925-V-007");
	ONE("21 501-02, nr. 012", "kst-21501-02-12", "21 501-02, nr. 012");
	ONE("ah-tk-20222023-0635", "ah-tk-20222023-635", "ah-tk-20222023-0635");
	ONE("h-tk-20122013-071-15", "h-tk-20122013-71-15",
	    "h-tk-20122013-071-15");
	/* a date has the same shape but a four-digit first part */
	NONE("op 2025-12-12 en 12-12-2025");
}

void
test_cite_compact_fields(void)
{
	struct cite_list l;

	FIND("kst-21501-20-1795", l);
	T_EQ_INT(l.n, 1);
	if (l.n == 1) {
		T_EQ_STR(l.v[0].display, "21 501-20, nr. 1795");
		T_EQ_STR(l.v[0].dossier, "21 501-20");
		T_EQ_STR(l.v[0].number, "1795");
	}
	cite_list_free(&l);
}

void
test_cite_bracketed_dossier(void)
{
	const char *s = "de motie op stuk nr. 214 (26 150) werd aangenomen. "
	    "Zij krijgt nr. 210 (34104).";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 2);
	if (l.n == 2) {
		T_EQ_STR(l.v[0].id, "kst-26150-214");
		T_EQ_STR(l.v[0].display, "26 150, nr. 214");
		T_EQ_STR(cite_span(s, &l.v[0]), "nr. 214 (26 150)");
		T_EQ_STR(l.v[1].id, "kst-34104-210");
		T_EQ_STR(cite_span(s, &l.v[1]), "nr. 210 (34104)");
	}
	cite_list_free(&l);
	/* a number alone is not a citation */
	NONE("Zij krijgt nr. 210. Het is nr. 1 (van de lijst).");
}

void
test_cite_page(void)
{
	const char *s = "Kamerstuk 36 045, nr. 4, p. 5 en Kamerstuk 36 045, "
	    "nr. 6 blz. 12 en Kamerstuk 36 045, nrs. 7 en 8, p. 3";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 4);
	if (l.n == 4) {
		T_EQ_STR(l.v[0].id, "kst-36045-4");
		T_EQ_INT(l.v[0].page, 5);
		T_EQ_STR(cite_span(s, &l.v[0]), "Kamerstuk 36 045, nr. 4, p. 5");
		T_EQ_STR(l.v[1].id, "kst-36045-6");
		T_EQ_INT(l.v[1].page, 12);
		T_EQ_STR(cite_span(s, &l.v[1]),
		    "Kamerstuk 36 045, nr. 6 blz. 12");
		/* the page goes with the number it follows */
		T_EQ_INT(l.v[2].page, 0);
		T_EQ_INT(l.v[3].page, 3);
		T_EQ_STR(cite_span(s, &l.v[3]), "8, p. 3");
	}
	cite_list_free(&l);
}

void
test_cite_dossier_alone(void)
{
	const char *s = "(Kamerstuk 35335)) en (Kamerstukken 35646) voort en "
	    "Kamerstuk 36 045.";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 3);
	if (l.n == 3) {
		T_EQ_INT(l.v[0].kind, CITE_DOSSIER);
		T_EQ_STR(l.v[0].id, "dossier-35335");
		T_EQ_STR(l.v[0].display, "35 335");
		T_EQ_STR(l.v[0].number, "");
		T_EQ_STR(cite_span(s, &l.v[0]), "Kamerstuk 35335");
		T_EQ_STR(l.v[1].id, "dossier-35646");
		T_EQ_STR(cite_span(s, &l.v[1]), "Kamerstukken 35646");
		T_EQ_INT(l.v[2].kind, CITE_DOSSIER);
		T_EQ_STR(l.v[2].id, "dossier-36045");
		T_EQ_STR(l.v[2].dossier, "36 045");
		T_EQ_STR(cite_span(s, &l.v[2]), "Kamerstuk 36 045");
	}
	cite_list_free(&l);
	ONE("Kamerstuk 35 925 V over", "dossier-35925-V", "Kamerstuk 35 925 V");
	/* without the Kamerstuk label a dossier alone is no citation */
	NONE("de wet (35338) en 36 045 en Motie 36 045 over");
}

void
test_cite_handelingen(void)
{
	const char *s = "Handelingen II 2012/13, nr. 71, item 15 en (Aanhangsel "
	    "Handelingen II 2022/23, nrs. 635 en 636).";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 3);
	if (l.n == 3) {
		T_EQ_INT(l.v[0].kind, CITE_H);
		T_EQ_STR(l.v[0].id, "h-tk-20122013-71-15");
		T_EQ_STR(l.v[0].number, "71");
		T_EQ_STR(l.v[0].vergaderjaar, "2012-2013");
		T_EQ_INT(l.v[0].chamber, 'T');
		T_EQ_STR(l.v[0].dossier, "");
		T_EQ_STR(l.v[0].display, "Handelingen II 2012/13, nr. 71, item 15");
		T_EQ_STR(cite_span(s, &l.v[0]),
		    "Handelingen II 2012/13, nr. 71, item 15");
		T_EQ_INT(l.v[1].kind, CITE_AH);
		T_EQ_STR(l.v[1].id, "ah-tk-20222023-635");
		T_EQ_STR(l.v[1].display,
		    "Aanhangsel Handelingen II 2022/23, nr. 635");
		T_EQ_STR(cite_span(s, &l.v[1]),
		    "Aanhangsel Handelingen II 2022/23, nrs. 635");
		T_EQ_INT(l.v[2].kind, CITE_AH);
		T_EQ_STR(l.v[2].id, "ah-tk-20222023-636");
		T_EQ_STR(cite_span(s, &l.v[2]), "636");
	}
	cite_list_free(&l);

	/* a word broken over a line, its hyphen kept */
	ONE("(Aanhangsel Hande- lingen II 2022/23, nr. 635)",
	    "ah-tk-20222023-635", "Aanhangsel Hande- lingen II 2022/23, nr. 635");
	ONE("(Aanhangsel Hande-lingen II 2022/23, nr. 635)",
	    "ah-tk-20222023-635", "Aanhangsel Hande-lingen II 2022/23, nr. 635");
	ONE("Handelingen I 2019/20, nr. 12", "h-ek-20192020-12",
	    "Handelingen I 2019/20, nr. 12");
	ONE("Aanhangsel van de Handelingen II 2023/24, nr. 2271",
	    "ah-tk-20232024-2271",
	    "Aanhangsel van de Handelingen II 2023/24, nr. 2271");
	/* compact ids */
	ONE("zie ah-tk-20232024-2271.", "ah-tk-20232024-2271",
	    "ah-tk-20232024-2271");
	ONE("zie h-tk-20122013-71-15.", "h-tk-20122013-71-15",
	    "h-tk-20122013-71-15");
	/* the word alone, or in another word, is no citation */
	NONE("de onderhandelingen II 2012/13, nr. 71 en de Handelingen van "
	    "toen, nr. 5");
}

void
test_cite_tk_number(void)
{
	const char *s = "Trendanalyse 2024 (2024D26746), Kamerstuk 30 821, "
	    "nr. 231 en 2024Z01234.";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 3);
	if (l.n == 3) {
		T_EQ_INT(l.v[0].kind, CITE_TK);
		T_EQ_STR(l.v[0].id, "2024D26746");
		T_EQ_STR(cite_span(s, &l.v[0]), "2024D26746");
		T_EQ_STR(l.v[1].id, "kst-30821-231");
		T_EQ_INT(l.v[2].kind, CITE_TK);
		T_EQ_STR(l.v[2].id, "2024Z01234");
	}
	cite_list_free(&l);
	NONE("2024D2674 en 2024D267460 en X2024D26746 en 2024X26746");
}

void
test_cite_not_citations(void)
{
	NONE("€ 36 045 en 28 288 mensen");
	NONE("in de periode 2026-2030 en 2021–2025");
	NONE("kabinetsinzet (105982863) en BZ2627455");
	NONE("op 12 december 2025, 12-12-2025 of 2025-12-12");
	NONE("bel 070-3484848, +31 70 348 4848 of 06-12345678");
	NONE("artikel 2.1, paragraaf 2.4 en § 3.2.1");
	NONE("VN Veiligheidsraad resolutie 1325 en Nationaal Actieplan 1325");
	NONE("12345678901234567890");
	NONE("een bedrag van 1 228 288 en 36 045,50 en 31.125.000 euro");
	NONE("Kamerstuk en nr. 5 en Motie 36 045");
	NONE("de T72 tanks en 2%-norm in 2024");
	/* a grouped number in a larger one, though followed by nr. */
	NONE("1 28 288, nr. 5");
}

void
test_cite_spaces(void)
{
	/* joined over a line break: spaces doubled */
	ONE("(Kamerstuk 28 676,  nr. 424)", "kst-28676-424",
	    "Kamerstuk 28 676,  nr. 424");
	ONE("(Kamerstuk  28 676 ,\nnr.  424)", "kst-28676-424",
	    "Kamerstuk  28 676 ,\nnr.  424");
	/* no-break spaces, plain and narrow */
	ONE("Kamerstuk 36\xc2\xa0" "045, nr.\xc2\xa0" "4.", "kst-36045-4",
	    "Kamerstuk 36\xc2\xa0" "045, nr.\xc2\xa0" "4");
	ONE("Kamerstuk 36\xe2\x80\xaf" "045, nr. 4.", "kst-36045-4",
	    "Kamerstuk 36\xe2\x80\xaf" "045, nr. 4");
}

void
test_cite_byte_offsets(void)
{
	/* characters of two and three bytes before the citation */
	const char *s = "Oekraïne «Ukraine» – (Kamerstuk 36 045, nr. 92)";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 1);
	if (l.n == 1) {
		T_EQ_INT(l.v[0].start, strstr(s, "Kamerstuk") - s);
		T_EQ_INT(l.v[0].end, strstr(s, ")") - s);
	}
	cite_list_free(&l);
	/* a letter with a diacritic before nr. makes it part of a word */
	NONE("ënr. 5 (26 150)");
}

void
test_cite_labels(void)
{
	static const struct {
		const char *text, *label;
	} want[] = {
		{ "cf. de motie van het lid Sjoerdsma c.s. (Kamerstuk 36 045, "
		    "nr. 4)", "motie van het lid Sjoerdsma c.s." },
		{ "Conform de motie Sjoerdsma (Kamerstuk 21 501-20, nr. 1841) is",
		    "motie Sjoerdsma" },
		{ "is uw Kamer per brief van 29 september 2021 (Kamerstuk "
		    "33 997, nr. 168)", "brief van 29 september 2021" },
		{ "Het kabinet zal het coalitieakkoord (Kamerstuk 35 788, nr. 77)",
		    "coalitieakkoord" },
		{ "(motie van de leden Thijssen en Van der Lee, Kamerstuk 36 045, "
		    "nr. 100)", "motie van de leden Thijssen en Van der Lee" },
		{ "(Kamerbrief Ophoging financiële middelen, Kamerstuk 36 045, "
		    "nr. 123)", "Kamerbrief Ophoging financiële middelen" },
		{ "Bijlage bij Kamerstuk 35 788, nr. 77", "Bijlage" },
		{ "Coalitieakkoord Omzien naar elkaar, vooruitkijken naar de "
		    "toekomst (2021–2025 p. 41) Bijlage bij Kamerstuk 35 788, "
		    "nr. 77.", "Bijlage" },
		{ "het rapport van de Commissie (TCU) (Kamerstuk 35387, nr. 3)",
		    "rapport van de Commissie (TCU)" },
		{ "uitvoering aan Motie 36 180, nr. 219", "Motie" },
		/* not in brackets: none */
		{ "Zie tevens Kamerstuk 31 125, nr. 134.", "" },
		{ "de motie Kamerstuk 31 125, nr. 134.", "" },
		/* no word naming a paper */
		{ "op verzoek van de Tweede Kamer (Kamerstuk 36 045, nr. 97)", "" },
		/* the phrase does not reach back over a sentence */
		{ "Dit is de motie. Zie ook (Kamerstuk 36 045, nr. 5)", "" },
		/* nor further than ten words */
		{ "de brief van de minister van Buitenlandse Zaken over de stand "
		    "van zaken (Kamerstuk 36 045, nr. 5)", "" },
	};
	struct cite_list l;
	size_t i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		FIND(want[i].text, l);
		T_EQ_INT(l.n, 1);
		if (l.n == 1)
			T_EQ_STR(l.v[0].label, want[i].label);
		cite_list_free(&l);
	}
}

void
test_cite_label_long(void)
{
	/* a label longer than the field is cut on a character boundary */
	const char *s = "(motie ééééééééééééééééééééé ééééééééééééééééééééééé "
	    "éééééééééééééééééééééééé ééééééééééééééééé, Kamerstuk 36 045, nr. 1)";
	struct cite_list l;

	FIND(s, l);
	T_EQ_INT(l.n, 1);
	if (l.n == 1) {
		T_OK(strlen(l.v[0].label) > 80);
		T_OK(strlen(l.v[0].label) < sizeof l.v[0].label);
		T_OK(u8_check((const uint8_t *)l.v[0].label,
		    strlen(l.v[0].label)) == NULL);
		T_OK(strncmp(l.v[0].label, "motie éé", 10) == 0);
	}
	cite_list_free(&l);
}

void
test_cite_order(void)
{
	const char *s = "Eerst (Kamerstuk 36 045, nr. 3), dan 2024D26746, dan "
	    "Handelingen II 2012/13, nr. 71 en tot slot nr. 5 (26 150).";
	struct cite_list l;
	size_t i;

	FIND(s, l);
	T_EQ_INT(l.n, 4);
	for (i = 1; i < l.n; i++)
		T_OK(l.v[i - 1].end <= l.v[i].start);
	if (l.n == 4) {
		T_EQ_INT(l.v[0].kind, CITE_KST);
		T_EQ_INT(l.v[1].kind, CITE_TK);
		T_EQ_INT(l.v[2].kind, CITE_H);
		T_EQ_STR(l.v[2].id, "h-tk-20122013-71");
		T_EQ_STR(l.v[3].id, "kst-26150-5");
	}
	cite_list_free(&l);
}

void
test_cite_appends(void)
{
	struct cite_list l;
	const char *a = "Kamerstuk 36 045, nr. 3", *b = "Kamerstuk 36 045, nr. 4";

	FIND(a, l);
	T_EQ_INT(cite_find_all(b, strlen(b), &l), 0);
	T_EQ_INT(l.n, 2);
	if (l.n == 2) {
		T_EQ_STR(l.v[0].id, "kst-36045-3");
		T_EQ_STR(l.v[1].id, "kst-36045-4");
	}
	cite_list_free(&l);
	/* the length given is respected: "Kamerstuk 36 045, nr" is read */
	memset(&l, 0, sizeof l);
	T_EQ_INT(cite_find_all(a, 20, &l), 0);
	T_EQ_INT(l.n, 1);
	if (l.n == 1) {
		T_EQ_STR(l.v[0].id, "dossier-36045");
		T_EQ_INT(l.v[0].end, 16);
	}
	cite_list_free(&l);
	memset(&l, 0, sizeof l);
	T_EQ_INT(cite_find_all("", 0, &l), 0);
	T_EQ_INT(l.n, 0);
	cite_list_free(&l);
}

void
test_cite_many(void)
{
	size_t n = 10000, i, len = 0, cap = n * 40;
	char *s = malloc(cap), want[32];
	struct cite_list l;
	int bad = 0;

	T_OK(s != NULL);
	if (s == NULL)
		return;
	for (i = 0; i < n; i++)
		len += snprintf(s + len, cap - len, "%sKamerstuk 36 045, nr. %zu",
		    i ? "; " : "", i + 1);
	memset(&l, 0, sizeof l);
	T_EQ_INT(cite_find_all(s, len, &l), 0);
	T_EQ_INT(l.n, n);
	for (i = 0; i < l.n && i < n; i++) {
		snprintf(want, sizeof want, "kst-36045-%zu", i + 1);
		if (strcmp(l.v[i].id, want) != 0 ||
		    strncmp(s + l.v[i].start, "Kamerstuk", 9) != 0)
			bad++;
	}
	T_EQ_INT(bad, 0);
	cite_list_free(&l);
	free(s);
}

void
test_cite_long_list(void)
{
	/* one list of 20 000 numbers is read once */
	size_t n = 20000, i, len, cap = n * 8 + 64;
	char *s = malloc(cap), want[32];
	struct cite_list l;
	int bad = 0;

	T_OK(s != NULL);
	if (s == NULL)
		return;
	len = snprintf(s, cap, "Kamerstuk 36 045, nrs. 1");
	for (i = 2; i <= n; i++)
		len += snprintf(s + len, cap - len, "%s%zu",
		    i == n ? " en " : ", ", i);
	memset(&l, 0, sizeof l);
	T_EQ_INT(cite_find_all(s, len, &l), 0);
	T_EQ_INT(l.n, n);
	for (i = 0; i < l.n && i < n; i++) {
		snprintf(want, sizeof want, "kst-36045-%zu", i + 1);
		if (strcmp(l.v[i].id, want) != 0)
			bad++;
	}
	T_EQ_INT(bad, 0);
	cite_list_free(&l);
	free(s);
}

void
test_cite_pathological(void)
{
	size_t n = 1 << 20, i, len;
	char *s = malloc(n + 1);
	unsigned x = 12345;
	struct cite_list l;

	T_OK(s != NULL);
	if (s == NULL)
		return;
	/* a megabyte of digits and spaces */
	for (i = 0; i < n; i++) {
		x = x * 1103515245 + 12345;
		s[i] = (x >> 16) % 4 == 0 ? ' ' : '0' + (x >> 8) % 10;
	}
	memset(&l, 0, sizeof l);
	T_EQ_INT(cite_find_all(s, n, &l), 0);
	T_EQ_INT(l.n, 0);
	cite_list_free(&l);

	/* a megabyte of one digit */
	memset(s, '7', n);
	T_EQ_INT(cite_find_all(s, n, &l), 0);
	T_EQ_INT(l.n, 0);

	/* a megabyte of dossier numbers without nr. */
	for (len = 0; len + 8 < n; len += 8)
		memcpy(s + len, "36 045, ", 8);
	T_EQ_INT(cite_find_all(s, len, &l), 0);
	T_EQ_INT(l.n, 0);

	/* a chain of numbers waiting for a bracketed dossier never found */
	for (len = 0; len + 10 < n; len += 10)
		memcpy(s + len, "nr. 12 en ", 10);
	T_EQ_INT(cite_find_all(s, len, &l), 0);
	T_EQ_INT(l.n, 0);

	/* labels without anything after them */
	for (len = 0; len + 10 < n; len += 10)
		memcpy(s + len, "Kamerstuk ", 10);
	T_EQ_INT(cite_find_all(s, len, &l), 0);
	T_EQ_INT(l.n, 0);

	/* a megabyte of spaces after a label */
	memcpy(s, "Kamerstuk", 9);
	memset(s + 9, ' ', n - 20);
	memcpy(s + n - 11, "36 045, nr.", 11);
	T_EQ_INT(cite_find_all(s, n, &l), 0);
	T_EQ_INT(l.n, 0);
	cite_list_free(&l);
	free(s);
}

void
test_cite_parse_id(void)
{
	PARSE("35925 V 84", "kst-35925-V-84");
	PARSE("35 925 V, nr. 84", "kst-35925-V-84");
	PARSE("35925-V-84", "kst-35925-V-84");
	PARSE("35925 v 84", "kst-35925-V-84");
	PARSE("36 045 nr 4", "kst-36045-4");
	PARSE("36045 4", "kst-36045-4");
	PARSE("kst-36045-4", "kst-36045-4");
	PARSE("Kamerstuk 36 045, nr. 4", "kst-36045-4");
	PARSE("Kamerstukken II 2021/22, 36 045, nr. 4.", "kst-36045-4");
	PARSE("21501-20-1795", "kst-21501-20-1795");
	PARSE("21 501-20 nr 1795", "kst-21501-20-1795");
	PARSE("  31.125, nr. 7  ", "kst-31125-7");
	PARSE("Kamerstukken I 2019/20, 35 300, A", "kst-35300-A");
	PARSE("36 045", "dossier-36045");
	PARSE("dossier-36045", "dossier-36045");
	PARSE("Handelingen II 2012/13, nr. 71, item 15", "h-tk-20122013-71-15");
	PARSE("h-tk-20122013-71-15", "h-tk-20122013-71-15");
	PARSE("ah-tk-20232024-2271", "ah-tk-20232024-2271");
	PARSE("2024D26746", "2024D26746");
}

void
test_cite_parse_id_garbage(void)
{
	static const char *bad[] = {
		"", "   ", "hello", "123", "36 045 nr", "36 045, nr. 4 extra",
		"kst-", "kst-36045", "2026-2030", "12345678901234567890", "nr. 4",
		"Kamerstuk", "h-tk-20122014-71", "36 045 nr 123456",
	};
	char id[64];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		strcpy(id, "untouched");
		if (cite_parse_id(bad[i], id, sizeof id) != -1) {
			T_EQ_STR(bad[i], "(should not parse)");
			continue;
		}
		t_passed++;
	}
	/* too small a buffer */
	T_EQ_INT(cite_parse_id("kst-36045-4", id, 5), -1);
}

void
test_cite_parse_display(void)
{
	/* every display form parses back to its id */
	const char *s = "Kamerstuk 36 045, nr. 4; 35 925 V, nr. 84; 21 501-20, "
	    "nr. 1795; 36 200 X, nr. 26; 31.125, nr. 7; 36 045 (R2064), nr. 4; "
	    "Kamerstukken I 2019/20, 35 300, A; Kamerstuk 36 045; "
	    "Handelingen II 2012/13, nr. 71, item 15; 2024D26746";
	struct cite_list l;
	char id[64];
	size_t i;

	FIND(s, l);
	T_EQ_INT(l.n, 10);
	for (i = 0; i < l.n; i++) {
		T_EQ_INT(cite_parse_id(l.v[i].display, id, sizeof id), 0);
		T_EQ_STR(id, l.v[i].id);
		T_EQ_INT(cite_parse_id(l.v[i].id, id, sizeof id), 0);
		T_EQ_STR(id, l.v[i].id);
	}
	cite_list_free(&l);
}

void
test_cite_pinpoint_before(void)
{
	struct cite_list l = { NULL, 0, 0 };
	const char *t = "Coalitieakkoord Omzien naar elkaar (2021\xe2\x80\x93" "2025 p. 41)"
	    " Bijlage bij Kamerstuk 35 788, nr. 77.";

	T_EQ_INT(cite_find_all(t, strlen(t), &l), 0);
	T_EQ_INT(l.n, 1);
	T_OK(l.n == 1 && l.v[0].page == 41);
	cite_list_free(&l);
	/* not across a sentence end, nor from another citation's pinpoint */
	t = "Zie p. 5. Het kabinet (Kamerstuk 36 045, nr. 4).";
	T_EQ_INT(cite_find_all(t, strlen(t), &l), 0);
	T_OK(l.n == 1 && l.v[0].page == 0);
	cite_list_free(&l);
	t = "Kamerstuk 36 045, nr. 4, p. 7 en Kamerstuk 36 045, nr. 5.";
	T_EQ_INT(cite_find_all(t, strlen(t), &l), 0);
	T_OK(l.n == 2 && l.v[0].page == 7 && l.v[1].page == 0);
	cite_list_free(&l);
}
