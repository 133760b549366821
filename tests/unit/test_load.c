/* test_load.c: the parse pipeline, stage by stage, on constructed text and
 * on the bundled papers. */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "hyphen.h"
#include "load.h"
#include "meta.h"
#include "page.h"

static struct lexicon *lx;

static int
parse(const char *name, const char *text, struct loaded *l)
{
	char	err[256];

	if (lx == NULL)
		lx = lexicon_open(NULL, "assets/data");
	return load_parse(name, (const unsigned char *)text, strlen(text), NULL,
	    lx, l, err, sizeof err);
}

static int
parse_file(const char *path, struct loaded *l)
{
	unsigned char	*raw;
	size_t		 len;
	char		 err[256];
	int		 rc;

	if (lx == NULL)
		lx = lexicon_open(NULL, "assets/data");
	if (load_read(path, &raw, &len, err, sizeof err) == -1)
		return -1;
	rc = load_parse(path, raw, len, load_sidecar(path), lx, l, err, sizeof err);
	free(raw);
	return rc;
}

/* The body paragraph containing s, or NULL. */
static const struct para *
para_with(const struct loaded *l, const char *s)
{
	size_t	i;

	for (i = 0; i < l->paper.npara; i++)
		if (l->paper.paras[i].kind == PARA_BODY &&
		    strstr(l->paper.paras[i].text, s) != NULL)
			return &l->paper.paras[i];
	return NULL;
}

static int
count_kind(const struct loaded *l, int kind)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < l->paper.npara; i++)
		n += l->paper.paras[i].kind == kind;
	return n;
}

static const struct section *
section_titled(const struct loaded *l, const char *title)
{
	size_t	i;

	for (i = 0; i < l->paper.nsecs; i++)
		if (strcmp(l->paper.secs[i].title, title) == 0)
			return &l->paper.secs[i];
	return NULL;
}

static const char *
parent_title(const struct loaded *l, const char *title)
{
	const struct section *s = section_titled(l, title);

	if (s == NULL || s->parent < 0)
		return NULL;
	return l->paper.secs[s->parent].title;
}

void
test_footer_parse(void)
{
	struct footer	f;
	const char	*s;

	s = "Tweede Kamer, vergaderjaar 2021\xe2\x80\x93" "2022, 35 925 V, nr. 84 2";
	T_OK(footer_parse(s, strlen(s), &f));
	T_EQ_STR(f.dossier, "35 925 V");
	T_EQ_STR(f.number, "84");
	T_EQ_INT(f.page, 2);
	T_EQ_STR(f.vergaderjaar, "2021-2022");
	s = "Tweede Kamer, vergaderjaar 2022-2023, 21 501-20, nr. 1910";
	T_OK(footer_parse(s, strlen(s), &f));
	T_EQ_STR(f.dossier, "21 501-20");
	T_EQ_INT(f.page, 0);
	s = "Eerste Kamer, vergaderjaar 2019-2020, 35 300, A 3";
	T_OK(!footer_parse(s, strlen(s), &f));
	s = "Eerste Kamer, vergaderjaar 2019-2020, 35 300, nr. A 3";
	T_OK(footer_parse(s, strlen(s), &f));
	T_EQ_INT(f.chamber, 'E');
	s = "In de Tweede Kamer, vergaderjaar 2021-2022, werd gesproken";
	T_OK(!footer_parse(s, strlen(s), &f));
	s = "Tweede Kamer, vergaderjaar 2021-2022, 35 925 V, nr. 84 en meer";
	T_OK(!footer_parse(s, strlen(s), &f));
}

void
test_page_numbers_count_from_footer(void)
{
	struct loaded	l;
	const struct para *p;

	/* page 1 ends at a break shown by a leading space; a footer names
	 * page 2; the page after it is 3, and one more break makes 4 */
	T_EQ_INT(parse("t.txt",
	    " Een eerste alinea op de eerste bladzijde die lang genoeg is om te\n"
	    "lopen over meer dan een regel van de tekst.\n"
	    "\n"
	    "Dan een tweede alinea die ook weer een tijdje doorloopt op deze\n"
	    " bladzijde en verder gaat op de tweede bladzijde van de brief.\n"
	    "\n"
	    "Tweede Kamer, vergaderjaar 2021-2022, 35 925 V, nr. 84 2\n"
	    "\n"
	    "Een derde alinea staat op bladzijde drie en is ook weer lang.\n"
	    "\n"
	    "Nog een alinea die eindigt.\n"
	    " Een vierde alinea op de vierde bladzijde.\n", &l), 0);
	p = para_with(&l, "eerste alinea");
	T_OK(p && p->page == 1);
	p = para_with(&l, "tweede alinea");
	T_OK(p && p->page == 1 && strstr(p->text, "deze bladzijde en verder"));
	p = para_with(&l, "derde alinea");
	T_OK(p && p->page == 3);
	p = para_with(&l, "vierde alinea");
	T_OK(p && p->page == 4 && strcmp(p->text,
	    "Een vierde alinea op de vierde bladzijde.") == 0);
	T_OK(para_with(&l, "Tweede Kamer, vergaderjaar") == NULL);
	T_EQ_STR(l.paper.meta.id, "kst-35925-V-84");
	T_EQ_STR(l.paper.meta.kamerstuk, "35 925 V, nr. 84");
	T_EQ_STR(l.paper.meta.vergaderjaar, "2021-2022");
	load_free(&l);
}

void
test_page_unknown_without_footer_or_break(void)
{
	struct loaded	l;

	T_EQ_INT(parse("t.txt", "Een alinea.\n\nNog een alinea.\n", &l), 0);
	T_EQ_INT(l.paper.paras[0].page, 0);
	T_EQ_STR(l.paper.meta.id, "t");
	load_free(&l);
	/* breaks but no footer: numbered from 1 */
	T_EQ_INT(parse("t.txt", " Een alinea die over een paar regels loopt en\n"
	    "daarna nog verder gaat op de volgende regel van de\nbladzijde.\n\n"
	    "Nog een alinea op dezelfde bladzijde die eindigt.\n"
	    " Een alinea op de tweede bladzijde.\n", &l), 0);
	T_EQ_INT(l.paper.paras[0].page, 1);
	T_EQ_INT(l.paper.paras[2].page, 2);
	load_free(&l);
	/* indentation everywhere is layout, not pages */
	T_EQ_INT(parse("t.txt", " Een.\n\n Twee.\n\n Drie.\n\n Vier.\n", &l), 0);
	T_EQ_INT(l.paper.paras[3].page, 0);
	load_free(&l);
}

void
test_para_trailing_space_layout(void)
{
	struct loaded	l;
	const struct para *p;

	/* a wrapped line ends in a space; one without ends the paragraph
	 * or breaks a word */
	T_EQ_INT(parse("t.txt",
	    "Uitgangspunt voor de Nederlandse inzet op het terrein van de \n"
	    "internationale veiligheid was ook in 2022 geordend langs drie \n"
	    "pijlers die hier verder niet worden uitgewerkt in deze tekst.\n"
	    "De levering van militaire goederen aan een land in oorlog was een \n"
	    "bijzonder aspect. Het kabinet heeft een gebalan\n"
	    "ceerde benadering toegepast.\n"
	    "Een nieuwe alinea over de implemen\n"
	    "tatie van de agenda, die hier wat langer doorloopt dan een \n"
	    "enkele regel en dan nog een regel verder gaat in de tekst van \n"
	    "het stuk.\n"
	    "Kopje zonder punt\n"
	    "Nog een alinea met militaire en dual-\n"
	    "use goederen die ook weer doorloopt op een volgende regel van \n"
	    "de tekst en daarna nog wat verder loopt tot aan het einde van \n"
	    "de alinea.\n", &l), 0);
	p = para_with(&l, "levering");
	T_OK(p && strstr(p->text, "een bijzonder aspect. Het kabinet heeft een "
	    "gebalanceerde benadering toegepast.") != NULL);
	p = para_with(&l, "implementatie van de agenda");
	T_OK(p != NULL);
	T_OK(para_with(&l, "dual-use goederen") != NULL);
	T_EQ_INT(count_kind(&l, PARA_HEADING), 1);
	load_free(&l);
}

void
test_para_blocks_and_hyphens(void)
{
	struct loaded	l;
	const char	*txt =
	    " Aan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\n"
	    "Den Haag, 8 maart 2022 \n\n"
	    "De VS richten zich, in de machtscom-\n"
	    "petitie met China, meer op Azi\xc3\xab. In de recente Chinees-\n"
	    "Russische verklaring bedienden beide landen zich van een visie. \n\n"
	    "De Minister van Buitenlandse Zaken,\n"
	    "W.B. Hoekstra \n";

	T_EQ_INT(parse("t.txt", txt, &l), 0);
	T_OK(para_with(&l, "in de machtscompetitie met China") != NULL);
	T_OK(para_with(&l, "recente Chinees-Russische verklaring") != NULL);
	T_OK(para_with(&l, "De Minister van Buitenlandse Zaken,\nW.B. Hoekstra") != NULL);
	T_EQ_INT(count_kind(&l, PARA_HEADING), 0);
	T_EQ_STR(l.paper.meta.date, "2022-03-08");
	T_OK(l.paper.meta.signatories &&
	    strcmp(l.paper.meta.signatories, "W.B. Hoekstra") == 0);
	load_free(&l);
}

void
test_para_one_per_line(void)
{
	struct loaded	l;
	char		*txt = malloc(4000);
	size_t		 i;

	/* long lines, as from DOCX: each is a paragraph */
	strcpy(txt, "Titel van het stuk\n");
	for (i = 0; i < 3; i++) {
		strcat(txt, "Dit is een lange alinea die op een regel staat, zoals een "
		    "tekstverwerker ze schrijft, en die veel langer is dan een regel "
		    "op papier zou zijn, want er komt geen regeleinde in voor tot het "
		    "einde van de alinea; zo loopt ze door en door, met nog een zin "
		    "erachter om haar echt lang te maken.\n");
	}
	T_EQ_INT(parse("t.txt", txt, &l), 0);
	T_EQ_INT(count_kind(&l, PARA_BODY), 3);
	T_EQ_STR(l.paper.meta.title, "Titel van het stuk");
	load_free(&l);
	free(txt);
}

void
test_notes_docx(void)
{
	struct loaded	l;
	const struct para *p;

	T_EQ_INT(parse("t.txt",
	    "[bookmark: _Hlk1]Strategie voor iets\n"
	    "We steunen de aanpak.[endnoteRef:1] Daarom doen we meer.[endnoteRef:2]"
	    " [1:  Kamerstuk 36 045, nr. 4.] [2:  Zie [hier] de brief.] \n"
	    "\n\nEindnoten \n[1:  [2:  \n", &l), 0);
	p = para_with(&l, "We steunen");
	T_OK(p != NULL);
	T_OK(p && strcmp(p->text, "We steunen de aanpak. Daarom doen we meer.") == 0);
	T_EQ_INT(l.paper.nnotes, 2);
	T_EQ_STR(l.paper.notes[0].text, "Kamerstuk 36 045, nr. 4.");
	T_EQ_STR(l.paper.notes[1].text, "Zie [hier] de brief.");
	T_OK(p && l.paper.notes[0].para == (int)(p - l.paper.paras));
	T_EQ_INT(l.paper.notes[0].pos, 21);
	T_EQ_STR(l.paper.meta.title, "Strategie voor iets");
	T_OK(section_titled(&l, "Eindnoten") == NULL);
	/* the citation in the note is found and belongs to the marker's paragraph */
	T_EQ_INT(l.ncites, 1);
	T_OK(l.ncites == 1 && l.cites[0].note == 0 && l.cites[0].para == l.paper.notes[0].para);
	load_free(&l);
}

void
test_notes_pdf_foot(void)
{
	struct loaded	l;
	const struct para *p;

	T_EQ_INT(parse("t.txt",
	    " Zo ziet Nederland, in lijn met de motie van het lid Valstar1, een \n"
	    "grotere rol voor de NAVO. Via de (NIS2) richtlijn en de G77 ook. \n"
	    "\n"
	    "1 Kamerstuk 36 200 X, nr. 26 en een tweede regel \n"
	    "die doorloopt.\n"
	    " Het kabinet gaat door op de volgende bladzijde. \n", &l), 0);
	p = para_with(&l, "Valstar");
	T_OK(p && strstr(p->text, "Valstar,") && !strstr(p->text, "Valstar1"));
	T_OK(p && strstr(p->text, "(NIS2)") && strstr(p->text, "G77"));
	T_EQ_INT(l.paper.nnotes, 1);
	T_EQ_STR(l.paper.notes[0].text, "Kamerstuk 36 200 X, nr. 26 en een tweede regel die doorloopt.");
	T_OK(p && l.paper.notes[0].para == (int)(p - l.paper.paras));
	T_EQ_INT(l.paper.notes[0].page, 1);
	T_OK(para_with(&l, "1 Kamerstuk") == NULL);
	p = para_with(&l, "Het kabinet gaat door");
	T_OK(p && p->page == 2);
	load_free(&l);
	/* no note at the foot: a glued digit stays text */
	T_EQ_INT(parse("t.txt", "Het lid Valstar1 sprak.\n\nEn verder.\n", &l), 0);
	T_OK(para_with(&l, "Valstar1 sprak") != NULL);
	T_EQ_INT(l.paper.nnotes, 0);
	load_free(&l);
}

void
test_headings_numbered_and_chapters(void)
{
	struct loaded	l;

	T_EQ_INT(parse("t.txt",
	    "Inleiding \n\nEerste kop \n\nTekst van de eerste alinea hier. \n\n"
	    "Tweede kop \n\nMeer tekst in de tweede alinea. \n\n"
	    "Nieuw hoofdstuk \n\nDaaronder \n\nNog meer tekst. \n\n"
	    "1. \n\nGenummerd hoofdstuk \n\nTekst. \n\n"
	    "1.1 Een paragraaf \n\nTekst. \n\n"
	    "Ongenummerd eronder \n\nTekst. \n\n"
	    "2. Tweede hoofdstuk \n\nTekst. \n", &l), 0);
	T_OK(section_titled(&l, "Inleiding") && section_titled(&l, "Inleiding")->level == 1);
	T_EQ_STR(parent_title(&l, "Eerste kop"), "Inleiding");
	T_EQ_STR(parent_title(&l, "Tweede kop"), "Inleiding");
	T_EQ_STR(parent_title(&l, "Daaronder"), "Nieuw hoofdstuk");
	T_OK(section_titled(&l, "Genummerd hoofdstuk") != NULL);
	T_OK(section_titled(&l, "Genummerd hoofdstuk") &&
	    strcmp(section_titled(&l, "Genummerd hoofdstuk")->number, "1") == 0);
	T_EQ_STR(parent_title(&l, "Een paragraaf"), "Genummerd hoofdstuk");
	T_EQ_STR(parent_title(&l, "Ongenummerd eronder"), "Een paragraaf");
	T_OK(section_titled(&l, "Tweede hoofdstuk") &&
	    section_titled(&l, "Tweede hoofdstuk")->parent == -1);
	load_free(&l);
}

void
test_headings_not_headings(void)
{
	struct loaded	l;

	T_EQ_INT(parse("t.txt",
	    " Aan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\n"
	    "Den Haag, 8 maart 2022 \n\n"
	    "Een alinea met tekst die eindigt. \n\n"
	    "Een kop over twee regels die toch een kop is over de \n"
	    "sancties \n\n"
	    "Tekst eronder. \n\n"
	    "De Minister van Defensie,\nK.H. Ollongren \n", &l), 0);
	T_EQ_INT(count_kind(&l, PARA_HEADING), 1);
	T_OK(section_titled(&l,
	    "Een kop over twee regels die toch een kop is over de sancties") != NULL);
	/* text before the first heading is a section of its own */
	T_OK(l.paper.nsecs == 2 && l.paper.secs[0].level == 1);
	load_free(&l);
}

void
test_toc_is_not_headings(void)
{
	struct loaded	l;

	T_EQ_INT(parse("t.txt",
	    "Inhoudsopgave\n\n1. Eerste deel\n\nAanvang\n\nMidden\n\n2. Tweede deel\n\n"
	    "Einde\n\n"
	    "1. Eerste deel\n\nAanvang Hier begint de tekst die aan de kop vastzit.\n\n"
	    "Midden\n\nTekst.\n\n2. Tweede deel\n\nEinde\n\nLaatste tekst.\n", &l), 0);
	T_OK(section_titled(&l, "Aanvang") && section_titled(&l, "Aanvang")->parent >= 0);
	T_OK(para_with(&l, "Hier begint de tekst") != NULL);
	T_OK(para_with(&l, "Inhoudsopgave") != NULL || section_titled(&l, "Inhoudsopgave"));
	T_EQ_INT(count_kind(&l, PARA_HEADING), 5);
	load_free(&l);
}

void
test_meta_dates(void)
{
	char	d[12];

	T_EQ_INT(date_parse("8 maart 2022", 12, d), 12);
	T_EQ_STR(d, "2022-03-08");
	T_OK(date_line("Den Haag, 21 februari 2023", 26, d));
	T_EQ_STR(d, "2023-02-21");
	T_OK(!date_line("Op 8 maart 2022 gebeurde het", 28, d));
	T_EQ_INT(date_parse("32 maart 2022", 13, d), 0);
	T_EQ_INT(date_parse("8 maartje 2022", 14, d), 0);
}

void
test_meta_motion_header(void)
{
	struct loaded	l;
	const struct para *p;

	T_EQ_INT(parse("kst-36045-139.txt",
	    "Tweede Kamer der Staten-Generaal\n\n2\n\nVergaderjaar 2022\xe2\x80\x93" "2023\n\n"
	    "36 045\n\nSituatie in de Oekra\xc3\xafne\n\nNr. 139\n\n"
	    "MOTIE VAN HET LID PIRI C.S.\nVoorgesteld 21 februari 2023\n"
	    "De Kamer,\ngehoord de beraadslaging,\n"
	    "overwegende dat er vermeende Russische pogingen zijn om Moldavi\xc3\xab\n"
	    "ernstig te destabiliseren;\n"
	    "verzoekt het kabinet om in Europees verband in te zetten op steun,\n"
	    "en gaat over tot de orde van de dag.\n"
	    "Piri\nVan der Lee\n\n"
	    "kst-36045-139\nISSN 0921 - 7371\n\xe2\x80\x99s-Gravenhage 2023\n\n"
	    "Tweede Kamer, vergaderjaar 2022\xe2\x80\x93" "2023, 36 045, nr. 139\n", &l), 0);
	T_EQ_STR(l.paper.meta.id, "kst-36045-139");
	T_EQ_STR(l.paper.meta.title, "MOTIE VAN HET LID PIRI C.S.");
	T_EQ_STR(l.paper.meta.date, "2023-02-21");
	T_EQ_STR(l.paper.meta.dossier_title, "Situatie in de Oekra\xc3\xafne");
	T_EQ_STR(l.paper.meta.signatories, "Piri\nVan der Lee");
	T_EQ_STR(l.paper.paras[0].text, "De Kamer,");
	p = para_with(&l, "overwegende");
	T_OK(p && strcmp(p->text, "overwegende dat er vermeende Russische pogingen "
	    "zijn om Moldavi\xc3\xab ernstig te destabiliseren;") == 0);
	T_OK(para_with(&l, "ISSN") == NULL && para_with(&l, "Gravenhage") == NULL &&
	    para_with(&l, "kst-") == NULL && para_with(&l, "Voorgesteld") == NULL);
	T_EQ_INT(count_kind(&l, PARA_HEADING), 0);
	load_free(&l);
}

void
test_meta_sidecar_overrides(void)
{
	struct loaded	l;
	char		err[128], *side = strdup("id: mijn-stuk\ntitle: Mijn titel\n"
	    "date: 2020-01-02\ntype: brief\n");

	T_EQ_INT(load_parse("t.txt", (const unsigned char *)"Tekst.\n", 7, side,
	    NULL, &l, err, sizeof err), 0);
	T_EQ_STR(l.paper.meta.id, "mijn-stuk");
	T_EQ_STR(l.paper.meta.title, "Mijn titel");
	T_EQ_STR(l.paper.meta.date, "2020-01-02");
	load_free(&l);
	side = strdup("kamerstuk: 35 788, nr. 77\n");
	T_EQ_INT(load_parse("t.txt", (const unsigned char *)"Tekst.\n", 7, side,
	    NULL, &l, err, sizeof err), 0);
	T_EQ_STR(l.paper.meta.id, "kst-35788-77");
	T_EQ_STR(l.paper.meta.title, "Tekst.");
	load_free(&l);
}

void
test_seed_beleidsbrief(void)
{
	struct loaded	l;
	const struct para *p;

	if (parse_file("assets/corpus/002_117d03dec8eb1697.txt", &l) != 0) {
		T_OK(0);
		return;
	}
	T_EQ_STR(l.paper.meta.id, "kst-35925-V-84");
	T_EQ_STR(l.paper.meta.date, "2022-03-08");
	p = para_with(&l, "Er is, met de veranderende mondiale machtsverhoudingen, "
	    "de oorlog in Oekra\xc3\xafne");
	T_OK(p != NULL && p->page == 2);
	p = para_with(&l, "het doelwit van represailles.");
	T_OK(p && p->page == 3);
	p = para_with(&l, "De uitdagingen zijn geen reden");
	T_OK(p && p->page == 4 && strncmp(p->text, "De uitdagingen", 14) == 0);
	T_OK(para_with(&l, "machtscompetitie") && para_with(&l, "Chinees-Russische") &&
	    para_with(&l, "trans-Atlantische"));
	T_OK(para_with(&l, "Tweede Kamer, vergaderjaar") == NULL);
	T_EQ_STR(parent_title(&l, "Partners en uitdagers"), "Inleiding");
	T_EQ_STR(parent_title(&l, "Een geopolitieke aardverschuiving"), "Inleiding");
	T_EQ_STR(parent_title(&l, "Postennet"), "Dienstverlening");
	T_EQ_STR(parent_title(&l, "Consulaire dienstverlening"), "Dienstverlening");
	T_EQ_STR(parent_title(&l, "Een slagvaardig extern Europees optreden"),
	    "Veiligheid: vrede, veiligheid en defensie");
	T_OK(section_titled(&l, "Grotere besluitvaardigheid van de Unie en "
	    "versterking van het sanctie-instrument") != NULL);
	T_OK(section_titled(&l, "Den Haag, 8 maart 2022") == NULL);
	T_EQ_INT(l.paper.paras[l.paper.npara - 1].page, 18);
	load_free(&l);
}

void
test_seed_kabinetsreactie_notes(void)
{
	struct loaded	l;
	const struct para *p;

	if (parse_file("assets/corpus/003_158c06805875022c.txt", &l) != 0) {
		T_OK(0);
		return;
	}
	T_EQ_INT(l.paper.nnotes, 3);
	T_EQ_STR(l.paper.notes[0].text, "Kamerstuk 36 200 X, nr. 26.");
	p = para_with(&l, "motie van het lid Valstar,");
	T_OK(p && l.paper.notes[0].para == (int)(p - l.paper.paras));
	T_OK(l.paper.nnotes == 3 && strstr(l.paper.notes[1].text,
	    "verslagen/2022/03/08/kijk-op-europa-eindrapport."));
	T_OK(para_with(&l, "(NIS2)") && para_with(&l, "G77"));
	T_OK(para_with(&l, "(Kamerstuk 28 676, nr. 424)") != NULL);
	T_EQ_STR(l.paper.meta.id, "kabinetsreactie-aiv-geopolitieke-tijdschok");
	load_free(&l);
}

void
test_seed_strategie_endnotes(void)
{
	struct loaded	l;
	size_t		i;
	int		bad = 0;

	if (parse_file("assets/corpus/004_0abb7044e9a12cfc.txt", &l) != 0) {
		T_OK(0);
		return;
	}
	T_EQ_INT(l.paper.nnotes, 26);
	for (i = 0; i < l.paper.npara; i++)
		bad += strstr(l.paper.paras[i].text, "[bookmark") != NULL ||
		    strstr(l.paper.paras[i].text, "[endnoteRef") != NULL ||
		    strstr(l.paper.paras[i].text, "[7:") != NULL;
	T_EQ_INT(bad, 0);
	for (i = 0; i < l.paper.nnotes; i++)
		bad += l.paper.notes[i].para < 0;
	T_EQ_INT(bad, 0);
	T_EQ_STR(parent_title(&l, "Verschuivende wereldorde en strategische competitie"),
	    "Dreigingsanalyse");
	T_OK(section_titled(&l, "Actielijnen: Versterken, beschermen, steunen") &&
	    strcmp(section_titled(&l, "Actielijnen: Versterken, beschermen, steunen")->number,
	    "3") == 0);
	T_EQ_INT(l.paper.paras[0].page, 0);
	load_free(&l);
}

void
test_seed_jaarverslag_parts(void)
{
	struct loaded	a, b;

	if (parse_file("assets/corpus/000_7e2e364aaab469e1.txt", &a) != 0 ||
	    parse_file("assets/corpus/001_13ffe909e0d1cc07.txt", &b) != 0) {
		T_OK(0);
		return;
	}
	T_EQ_STR(a.paper.meta.id, "kst-36360-V-1");
	T_EQ_STR(b.paper.meta.id, "kst-36360-V-1");
	T_EQ_INT(a.paper.paras[0].page, 19);
	T_EQ_INT(b.paper.paras[0].page, 0);
	T_OK(para_with(&b, "gebalanceerde benadering") && para_with(&b, "onderschreven") &&
	    para_with(&b, "instellingen") && para_with(&b, "beleidsdialoog"));
	T_OK(para_with(&a, "verdere implementatie van de Vrouwen") != NULL);
	T_OK(para_with(&a, "VN Veiligheidsraad") != NULL);
	T_OK(para_with(&a, "OVSE-presentie") != NULL);
	T_OK(section_titled(&b, "Voorkomen van onveiligheid waar mogelijk") != NULL);
	load_free(&a);
	load_free(&b);
}

void
test_load_refuses_bad_input(void)
{
	struct loaded	l;
	char		err[128];

	T_EQ_INT(load_parse("e.txt", (const unsigned char *)"", 0, NULL, NULL, &l,
	    err, sizeof err), -1);
	T_EQ_STR(err, "empty file");
	load_free(&l);
	T_EQ_INT(load_parse("b.txt", (const unsigned char *)"ab\0cd", 5, NULL, NULL,
	    &l, err, sizeof err), -1);
	T_OK(strstr(err, "NUL") != NULL);
	load_free(&l);
	/* the lexicon is closed once, at the end */
	if (lx != NULL) {
		lexicon_close(lx);
		lx = NULL;
	}
}
