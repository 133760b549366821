/* test_xml.c: official-publication XML through load_parse: constructed
 * files in tests/data/xml/ and real motions from ../shared/papers/ (skipped
 * when that folder is absent). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unistr.h>

#include "t.h"
#include "hyphen.h"
#include "load.h"
#include "xml.h"

#define DATA	"tests/data/xml/"
#define MOTIONS	"../shared/papers/motions-xml/"
#define TEXTS	"../shared/papers/motions-txt/"

static char	xml_err[512];

static int
xparse(const char *path, const char *text, struct loaded *l)
{
	xml_err[0] = '\0';
	return load_parse(path, (const unsigned char *)text, strlen(text), NULL,
	    NULL, l, xml_err, sizeof xml_err);
}

/* Parses a file; -2 when it cannot be read (a shared file absent). */
static int
xparse_file(const char *path, struct loaded *l)
{
	unsigned char	*raw;
	size_t		 len;
	int		 rc;

	memset(l, 0, sizeof *l);
	xml_err[0] = '\0';
	if (load_read(path, &raw, &len, xml_err, sizeof xml_err) == -1)
		return -2;
	rc = load_parse(path, raw, len, NULL, NULL, l, xml_err, sizeof xml_err);
	free(raw);
	return rc;
}

static int
have(const char *path)
{
	FILE	*f = fopen(path, "rb");

	if (f == NULL) {
		fprintf(stderr, "SKIP test_xml: %s absent\n", path);
		return 0;
	}
	fclose(f);
	return 1;
}

/* The index of the paragraph containing s, or -1. */
static int
para_with(const struct loaded *l, const char *s)
{
	size_t	i;

	for (i = 0; i < l->paper.npara; i++)
		if (strstr(l->paper.paras[i].text, s) != NULL)
			return (int)i;
	return -1;
}

static const char *
para_text(const struct loaded *l, int i)
{
	return i >= 0 && (size_t)i < l->paper.npara ? l->paper.paras[i].text : "";
}

static int
section_titled(const struct loaded *l, const char *title)
{
	size_t	i;

	for (i = 0; i < l->paper.nsecs; i++)
		if (strcmp(l->paper.secs[i].title, title) == 0)
			return (int)i;
	return -1;
}

static const char *
parent_title(const struct loaded *l, const char *title)
{
	int	s = section_titled(l, title);

	if (s < 0 || l->paper.secs[s].parent < 0)
		return "";
	return l->paper.secs[l->paper.secs[s].parent].title;
}

/* Characters [start, end) of a UTF-8 text, in a static buffer. */
static const char *
chars(const char *text, size_t start, size_t end)
{
	static char	 out[512];
	const uint8_t	*s = (const uint8_t *)text, *b = NULL;
	size_t		 i = 0;
	ucs4_t		 uc;

	out[0] = '\0';
	for (; s != NULL && i <= end; i++) {
		if (i == start)
			b = s;
		if (i == end) {
			if (b != NULL && (size_t)(s - b) < sizeof out) {
				memcpy(out, b, (size_t)(s - b));
				out[s - b] = '\0';
			}
			break;
		}
		if (*s == '\0')
			break;
		s = u8_next(&uc, s);
	}
	return out;
}

static const struct pcite *
cite_id(const struct loaded *l, const char *id)
{
	size_t	i;

	for (i = 0; i < l->ncites; i++)
		if (strcmp(l->cites[i].c.id, id) == 0)
			return &l->cites[i];
	return NULL;
}

static int
count_cites(const struct loaded *l, const char *id)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < l->ncites; i++)
		n += strcmp(l->cites[i].c.id, id) == 0;
	return n;
}

void
test_xml_dispatch(void)
{
	char	stem[256];

	T_OK(xml_want("a/b.xml", (const unsigned char *)"x", 1));
	T_OK(xml_want("a/b.XML", (const unsigned char *)"x", 1));
	T_OK(xml_want("b.txt", (const unsigned char *)"<?xml version=\"1.0\"?><a/>", 25));
	T_OK(xml_want("b", (const unsigned char *)"\xef\xbb\xbf\n  <officiele-publicatie>", 28));
	T_OK(!xml_want("b.txt", (const unsigned char *)"Tweede Kamer <?xml", 18));
	T_OK(!xml_want("b.txt", (const unsigned char *)"", 0));
	/* an XML file is another file than the text of the same paper */
	load_stem("/x/kst-36045-139.xml", stem, sizeof stem);
	T_EQ_STR(stem, "kst-36045-139.xml");
	load_stem("/x/kst-36045-139.txt", stem, sizeof stem);
	T_EQ_STR(stem, "kst-36045-139");
}

void
test_xml_metadata(void)
{
	struct loaded	l;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	T_OK(l.xml);
	T_EQ_STR(l.paper.meta.id, "kst-36045-900");
	T_EQ_STR(l.paper.meta.kamerstuk, "36 045, nr. 900");
	T_EQ_STR(l.paper.meta.dossier, "36 045");
	T_EQ_STR(l.paper.meta.dossier_title, "Situatie in de Oekra\xc3\xafne");
	T_EQ_STR(l.paper.meta.number, "900");
	T_EQ_STR(l.paper.meta.vergaderjaar, "2023-2024");
	T_EQ_INT(l.paper.meta.chamber, 'T');
	T_EQ_STR(l.paper.meta.date, "2024-03-08");
	T_EQ_STR(l.paper.meta.title, "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN");
	T_EQ_STR(l.paper.meta.type, "Brief regering");
	T_EQ_STR(l.paper.meta.signatories, "H.G.J. Bruins Slot");
	/* nothing of the header block is text */
	T_EQ_INT(para_with(&l, "Vergaderjaar"), -1);
	T_EQ_INT(para_with(&l, "Nr. 900"), -1);
	T_EQ_INT(para_with(&l, "Situatie in de"), -1);
	load_free(&l);

	/* only <meta>: the id from DC.identifier, the rest from the metadata */
	T_EQ_INT(xparse("m.xml", "<officiele-publicatie><metadata>"
	    "<meta name=\"DC.identifier\" content=\"kst-21501-20-2247\"/>"
	    "<meta name=\"OVERHEIDop.vergaderjaar\" content=\"2024-2025\"/>"
	    "<meta name=\"OVERHEIDop.dossiertitel\" content=\"Europese Raad\"/>"
	    "<meta name=\"DCTERMS.issued\" content=\"2025-06-03\"/>"
	    "<meta name=\"OVERHEIDop.documenttitel\" content=\"Gewijzigde motie\"/>"
	    "<meta name=\"OVERHEIDop.indiener\" content=\"D.G. Boswijk\"/>"
	    "<meta name=\"OVERHEIDop.indiener\" content=\"J.M. Paternotte\"/>"
	    "</metadata><al>Tekst.</al></officiele-publicatie>", &l), 0);
	T_EQ_STR(l.paper.meta.id, "kst-21501-20-2247");
	T_EQ_STR(l.paper.meta.kamerstuk, "21 501-20, nr. 2247");
	T_EQ_STR(l.paper.meta.vergaderjaar, "2024-2025");
	T_EQ_STR(l.paper.meta.dossier_title, "Europese Raad");
	T_EQ_STR(l.paper.meta.date, "2025-06-03");
	T_EQ_STR(l.paper.meta.title, "Gewijzigde motie");
	T_EQ_STR(l.paper.meta.signatories, "D.G. Boswijk\nJ.M. Paternotte");
	load_free(&l);

	/* the id from the externMetadataRecord address */
	T_EQ_INT(xparse("m.xml", "<officiele-publicatie><metadata><meta name="
	    "\"OVERHEIDop.externMetadataRecord\" content=\"https://zoek."
	    "officielebekendmakingen.nl/kst-36410-V-43/metadata.xml\"/>"
	    "</metadata><al>Tekst.</al></officiele-publicatie>", &l), 0);
	T_EQ_STR(l.paper.meta.id, "kst-36410-V-43");
	load_free(&l);

	/* neither: the stem without ".xml" */
	T_EQ_INT(xparse("/tmp/los-stuk.xml", "<a><al>Tekst.</al></a>", &l), 0);
	T_EQ_STR(l.paper.meta.id, "los-stuk");
	T_EQ_STR(l.paper.meta.title, "Tekst.");
	load_free(&l);

	if (have(MOTIONS "kst-21501-20-1978.xml")) {
		T_EQ_INT(xparse_file(MOTIONS "kst-21501-20-1978.xml", &l), 0);
		T_EQ_STR(l.paper.meta.id, "kst-21501-20-1978");
		T_EQ_STR(l.paper.meta.kamerstuk, "21 501-20, nr. 1978");
		T_EQ_STR(l.paper.meta.dossier, "21 501-20");
		T_EQ_STR(l.paper.meta.dossier_title, "Europese Raad");
		T_EQ_STR(l.paper.meta.number, "1978");
		T_EQ_STR(l.paper.meta.vergaderjaar, "2023-2024");
		T_EQ_STR(l.paper.meta.date, "2023-12-12");
		T_EQ_STR(l.paper.meta.title, "MOTIE VAN DE LEDEN TUINMAN EN VAN CAMPEN");
		T_EQ_STR(l.paper.meta.signatories, "Tuinman\nVan Campen");
		load_free(&l);
	}
	if (have(MOTIONS "kst-36410-V-43.xml")) {
		T_EQ_INT(xparse_file(MOTIONS "kst-36410-V-43.xml", &l), 0);
		T_EQ_STR(l.paper.meta.id, "kst-36410-V-43");
		T_EQ_STR(l.paper.meta.dossier, "36 410 V");
		T_EQ_STR(l.paper.meta.kamerstuk, "36 410 V, nr. 43");
		load_free(&l);
	}
	if (have(MOTIONS "kst-21501-20-2247.xml")) {
		T_EQ_INT(xparse_file(MOTIONS "kst-21501-20-2247.xml", &l), 0);
		T_EQ_STR(l.paper.meta.id, "kst-21501-20-2247");
		T_EQ_STR(l.paper.meta.type, "Motie");
		T_EQ_STR(l.paper.meta.date, "2025-06-03");
		/* the names under the motion, not the indieners' full names */
		T_EQ_STR(l.paper.meta.signatories, "Van der Werf\nPaternotte\nBoswijk");
		load_free(&l);
	}
}

void
test_xml_headings(void)
{
	struct loaded	l;
	int		k;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	T_EQ_INT(l.paper.nsecs, 5);
	/* the text before the first heading */
	T_EQ_STR(l.paper.secs[0].title, "Begin");
	T_EQ_INT(l.paper.secs[0].first, 0);
	T_OK((k = section_titled(&l, "Inleiding")) >= 0);
	if (k >= 0) {
		T_EQ_STR(l.paper.secs[k].number, "1");
		T_EQ_INT(l.paper.secs[k].level, 1);
		T_EQ_INT(l.paper.paras[l.paper.secs[k].first].kind, PARA_HEADING);
		T_EQ_STR(l.paper.paras[l.paper.secs[k].first].text, "Inleiding");
	}
	T_OK((k = section_titled(&l, "Achtergrond")) >= 0);
	if (k >= 0) {
		T_EQ_STR(l.paper.secs[k].number, "1.1");
		T_EQ_INT(l.paper.secs[k].level, 2);
	}
	T_EQ_STR(parent_title(&l, "Achtergrond"), "Inleiding");
	/* a <kop> of a label and a number alone */
	T_OK((k = section_titled(&l, "Hoofdstuk 2")) >= 0);
	if (k >= 0) {
		T_EQ_STR(l.paper.secs[k].number, "2");
		T_EQ_INT(l.paper.secs[k].level, 1);
		T_EQ_INT(l.paper.secs[k].parent, -1);
	}
	/* a <tussenkop> under it */
	T_OK((k = section_titled(&l, "Cijfers")) >= 0);
	if (k >= 0) {
		T_EQ_STR(l.paper.secs[k].number, "");
		T_EQ_INT(l.paper.secs[k].level, 2);
	}
	T_EQ_STR(parent_title(&l, "Cijfers"), "Hoofdstuk 2");
	/* every paragraph is in a section */
	for (k = 0; k < (int)l.paper.npara; k++)
		T_OK(l.paper.paras[k].section >= 0);
	load_free(&l);
}

void
test_xml_paragraphs(void)
{
	struct loaded	l;
	int		k;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	T_EQ_INT(l.paper.npara, 20);
	T_EQ_STR(l.paper.paras[0].text,
	    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal");
	T_EQ_STR(l.paper.paras[1].text, "Den Haag, 8 maart 2024");
	/* markup inside a paragraph adds no spaces; markers leave no trace */
	T_OK((k = para_with(&l, "Zoals gemeld")) >= 0);
	T_EQ_STR(para_text(&l, k), "Zoals gemeld in 36 045, nr. 4 en in Kamerstuk "
	    "35 925 V, nr. 84 blijft de steun.");
	T_OK(para_with(&l, "De CO2-uitstoot en") >= 0);
	/* a signature block: one paragraph, a name a line */
	T_OK((k = para_with(&l, "Bruins Slot")) >= 0);
	T_EQ_STR(para_text(&l, k), "De Minister van Buitenlandse Zaken,\nH.G.J. Bruins Slot");
	T_OK(k >= 0 && l.paper.paras[k].sig);
	T_OK(para_with(&l, "Hoogachtend,") >= 0);
	load_free(&l);

	/* a motion: the names after its closing formula are one block; lines
	 * of an <al-groep> broken mid-sentence are one paragraph again */
	T_EQ_INT(xparse("m.xml", "<officiele-publicatie><tekst>"
	    "<al>De Kamer,</al>\n<al-groep><al>verzoekt de regering om Israël op te"
	    "</al>\n<al>roepen om te stoppen,</al></al-groep>"
	    "<al-groep><al>overwegende a;</al><al>overwegende b;</al></al-groep>"
	    "<al>en gaat over tot de orde van de dag.</al>"
	    "<al-groep><al>Van Baarle</al><al>Dassen</al></al-groep>"
	    "</tekst></officiele-publicatie>", &l), 0);
	T_EQ_INT(l.paper.npara, 6);
	T_EQ_STR(para_text(&l, 1), "verzoekt de regering om Israël op te roepen om te stoppen,");
	T_EQ_STR(para_text(&l, 2), "overwegende a;");
	T_EQ_STR(para_text(&l, 3), "overwegende b;");
	T_EQ_STR(para_text(&l, 5), "Van Baarle\nDassen");
	T_OK(l.paper.npara == 6 && l.paper.paras[5].sig);
	T_EQ_STR(l.paper.meta.signatories, "Van Baarle\nDassen");
	load_free(&l);

	/* whitespace: runs collapse, NBSP and tabs are spaces, CDATA is text */
	T_EQ_INT(xparse("m.xml", "<a><al>  een\n\t  twee&#160;drie"
	    "<![CDATA[ <vier> ]]></al></a>", &l), 0);
	T_EQ_STR(para_text(&l, 0), "een twee drie <vier>");
	load_free(&l);

	if (have(MOTIONS "kst-21501-20-2012.xml")) {
		T_EQ_INT(xparse_file(MOTIONS "kst-21501-20-2012.xml", &l), 0);
		T_OK(para_with(&l, "om Israël op te roepen om de door") >= 0);
		T_EQ_STR(para_text(&l, (int)l.paper.npara - 1), "Van Baarle\nDassen");
		load_free(&l);
	}
}

void
test_xml_lists(void)
{
	struct loaded	l;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	/* "a" in a list closed by "." */
	T_OK(para_with(&l, "a. het eerste punt;") >= 0);
	T_OK(para_with(&l, "b. het tweede punt, met") >= 0);
	/* a nested list without markers: indented */
	T_EQ_STR(para_text(&l, para_with(&l, "een genest punt")), "  een genest punt;");
	/* no <li.nr>: a dash */
	T_EQ_STR(para_text(&l, para_with(&l, "een punt zonder nummer")),
	    "\xe2\x80\x93 een punt zonder nummer.");
	load_free(&l);

	if (have(MOTIONS "kst-21501-20-2180.xml")) {
		T_EQ_INT(xparse_file(MOTIONS "kst-21501-20-2180.xml", &l), 0);
		T_EQ_STR(para_text(&l, para_with(&l, "landen moeten vooraf")),
		    "\xe2\x80\xa2 landen moeten vooraf concrete plannen indienen"
		    " voor de besteding van de middelen;");
		load_free(&l);
	}
}

void
test_xml_tables(void)
{
	struct loaded	l;
	int		k;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	/* the title its own paragraph, then the rows: cells by " | " */
	T_OK((k = para_with(&l, "Tabel 1 Steun")) >= 0);
	T_EQ_STR(para_text(&l, k), "Tabel 1 Steun");
	T_EQ_STR(para_text(&l, k + 1), "Jaar | Bedrag |\n2023 | \xe2\x82\xac 2,5 mld"
	    " | zie noot\n2024 | \xe2\x82\xac 3 mld |");
	load_free(&l);

	/* HTML-like rows and cells too, one paragraph a table */
	T_EQ_INT(xparse("t.xml", "<a><al>Voor.</al><table><tr><td>a</td><td>b"
	    "</td></tr><tr><td>c</td><td><al>d</al><al>e</al></td></tr></table>"
	    "<al>Na.</al></a>", &l), 0);
	T_EQ_INT(l.paper.npara, 3);
	T_EQ_STR(para_text(&l, 1), "a | b\nc | d e");
	load_free(&l);
}

void
test_xml_notes(void)
{
	struct loaded	l;
	int		k;
	size_t		i;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	T_EQ_INT(l.paper.nnotes, 3);
	if (l.paper.nnotes == 3) {
		/* note 1: its marker after "nr. 84" */
		k = para_with(&l, "Zoals gemeld");
		T_EQ_INT(l.paper.notes[1].number, 1);
		T_EQ_INT(l.paper.notes[1].para, k);
		T_EQ_STR(chars(para_text(&l, k), 0, l.paper.notes[1].pos),
		    "Zoals gemeld in 36 045, nr. 4 en in Kamerstuk 35 925 V, nr. 84");
		T_EQ_STR(l.paper.notes[1].text,
		    "Zie ook Handelingen II 2023/24, nr. 12, item 3.");
		/* note 2: in a table cell, after "zie noot" */
		k = para_with(&l, "Jaar | Bedrag");
		T_EQ_INT(l.paper.notes[2].number, 2);
		T_EQ_INT(l.paper.notes[2].para, k);
		T_EQ_STR(chars(para_text(&l, k), l.paper.notes[2].pos - 8,
		    l.paper.notes[2].pos), "zie noot");
		T_EQ_STR(l.paper.notes[2].text, "Voorlopig.");
		/* the title's note "*": numbered after the others, no paragraph */
		T_EQ_INT(l.paper.notes[0].number, 3);
		T_EQ_INT(l.paper.notes[0].para, -1);
		T_EQ_STR(l.paper.notes[0].text, "Een noot bij de titel.");
	}
	/* the markers in the paragraphs, a <noot.ref> a second one of note 1 */
	k = para_with(&l, "Zoals gemeld");
	T_OK(k >= 0 && l.paper.paras[k].nmarks == 1 &&
	    l.paper.paras[k].marks[0].number == 1 &&
	    l.paper.paras[k].marks[0].pos == 62);
	k = para_with(&l, "Zie de bijlage");
	T_OK(k >= 0 && l.paper.paras[k].nmarks == 1 &&
	    l.paper.paras[k].marks[0].number == 1 &&
	    l.paper.paras[k].marks[0].pos == strlen(para_text(&l, k)));
	for (i = 0; i < l.paper.npara; i++)
		T_OK(strchr(l.paper.paras[i].text, MARK) == NULL);
	load_free(&l);

	/* a note in a heading, a note in a paragraph with no text of its own */
	T_EQ_INT(xparse("n.xml", "<a><divisie><kop><titel>Kop<noot><noot.nr>1"
	    "</noot.nr><al>Eerste.</al></noot></titel></kop><al>Tekst.</al>"
	    "<al><noot><noot.nr>2</noot.nr><al>Tweede.</al><al>Meer.</al></noot>"
	    "</al></divisie></a>", &l), 0);
	T_EQ_INT(l.paper.nnotes, 2);
	if (l.paper.nnotes == 2) {
		T_EQ_INT(l.paper.notes[0].para, 0);
		T_EQ_INT(l.paper.notes[0].pos, 3);
		T_EQ_INT(l.paper.paras[0].kind, PARA_HEADING);
		T_EQ_STR(l.paper.paras[0].text, "Kop");
		/* at the end of the paragraph before */
		T_EQ_INT(l.paper.notes[1].para, 1);
		T_EQ_INT(l.paper.notes[1].pos, 6);
		T_EQ_STR(l.paper.notes[1].text, "Tweede. Meer.");
	}
	load_free(&l);
}

void
test_xml_extref_citations(void)
{
	struct loaded		 l;
	const struct pcite	*c;
	int			 k;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	k = para_with(&l, "Zoals gemeld");
	T_OK((c = cite_id(&l, "kst-36045-4")) != NULL);
	if (c != NULL) {
		T_EQ_INT(c->c.kind, CITE_KST);
		T_EQ_INT(c->para, k);
		T_EQ_INT(c->note, -1);
		T_EQ_INT(c->start, 16);
		T_EQ_INT(c->end, 29);
		T_EQ_STR(chars(para_text(&l, k), c->start, c->end), "36 045, nr. 4");
		T_EQ_STR(c->c.display, "36 045, nr. 4");
	}
	/* in a note: the note's marker's paragraph */
	T_OK((c = cite_id(&l, "h-tk-20232024-12-3")) != NULL);
	if (c != NULL) {
		T_EQ_INT(c->c.kind, CITE_H);
		T_EQ_INT(c->para, k);
		T_EQ_INT(c->note, 1);
		T_EQ_STR(chars(l.paper.notes[1].text, c->start, c->end),
		    "Handelingen II 2023/24, nr. 12, item 3");
	}
	/* kinds the recogniser does not know, by the id's prefix */
	k = para_with(&l, "Zie de bijlage");
	T_OK((c = cite_id(&l, "blg-1234567")) != NULL);
	if (c != NULL) {
		T_EQ_INT(c->c.kind, CITE_BLG);
		T_EQ_STR(cite_kind_name(c->c.kind), "blg");
		T_EQ_STR(chars(para_text(&l, k), c->start, c->end), "bijlage");
		T_EQ_STR(c->c.display, "bijlage");
	}
	T_OK((c = cite_id(&l, "stcrt-2024-1234")) != NULL);
	if (c != NULL) {
		T_EQ_STR(cite_kind_name(c->c.kind), "stcrt");
		T_EQ_STR(chars(para_text(&l, k), c->start, c->end), "Staatscourant");
	}
	/* a web address is not a citation */
	T_EQ_INT(l.ncites, 5);
	load_free(&l);

	/* ids as given; an address of officielebekendmakingen.nl gives its id */
	T_EQ_INT(xparse("e.xml", "<a><al><extref doc=\"kst-36600-VI-91\">motie</extref>"
	    " en <extref doc=\"https://zoek.officielebekendmakingen.nl/ah-tk-20232024-635.html\">"
	    "vragen</extref> en <extref doc=\"trb-2024-7\"></extref>.</al></a>", &l), 0);
	T_EQ_INT(l.ncites, 3);
	if (l.ncites == 3) {
		T_EQ_STR(l.cites[0].c.id, "kst-36600-VI-91");
		T_EQ_STR(l.cites[0].c.display, "36 600 VI, nr. 91");
		T_EQ_INT(l.cites[0].start, 0);
		T_EQ_INT(l.cites[0].end, 5);
		T_EQ_STR(l.cites[1].c.id, "ah-tk-20232024-635");
		T_EQ_INT(l.cites[1].c.kind, CITE_AH);
		T_EQ_STR(chars(para_text(&l, 0), l.cites[1].start, l.cites[1].end), "vragen");
		T_EQ_STR(cite_kind_name(l.cites[2].c.kind), "trb");
		T_EQ_INT(l.cites[2].start, l.cites[2].end);
	}
	load_free(&l);

	if (have(MOTIONS "kst-21501-20-1978.xml")) {
		T_EQ_INT(xparse_file(MOTIONS "kst-21501-20-1978.xml", &l), 0);
		T_EQ_INT(l.ncites, 1);
		if (l.ncites == 1) {
			T_EQ_STR(l.cites[0].c.id, "kst-21501-02-2790");
			T_EQ_STR(chars(para_text(&l, l.cites[0].para),
			    l.cites[0].start, l.cites[0].end), "21 501-02, nr. 2790");
			/* the label the recogniser found for it */
			T_EQ_STR(l.cites[0].c.label,
			    "verslag van het schriftelijk overleg Raad Buitenlandse Zaken");
		}
		load_free(&l);
	}
}

void
test_xml_recogniser_no_double_count(void)
{
	struct loaded	l;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	/* marked up once, found by the recogniser too: one citation */
	T_EQ_INT(count_cites(&l, "kst-36045-4"), 1);
	T_EQ_INT(count_cites(&l, "h-tk-20232024-12-3"), 1);
	/* not marked up: the recogniser's, once */
	T_EQ_INT(count_cites(&l, "kst-35925-V-84"), 1);
	/* in order of position */
	T_OK(l.ncites >= 2 && strcmp(l.cites[0].c.id, "kst-36045-4") == 0 &&
	    strcmp(l.cites[1].c.id, "kst-35925-V-84") == 0);
	load_free(&l);

	/* an extref whose span covers only part of the recogniser's hit */
	T_EQ_INT(xparse("d.xml", "<a><al>Zie Kamerstuk <extref doc=\"kst-36045-4\">"
	    "36 045</extref>, nr. 4 en Kamerstuk 36 045, nr. 5.</al></a>", &l), 0);
	T_EQ_INT(l.ncites, 2);
	T_EQ_INT(count_cites(&l, "kst-36045-4"), 1);
	T_EQ_INT(count_cites(&l, "kst-36045-5"), 1);
	load_free(&l);

	if (have(MOTIONS "kst-26150-227.xml")) {
		T_EQ_INT(xparse_file(MOTIONS "kst-26150-227.xml", &l), 0);
		T_EQ_INT(count_cites(&l, "kst-26150-214"), 1);
		T_EQ_INT(l.ncites, 1);
		load_free(&l);
	}
}

void
test_xml_unknown_elements(void)
{
	struct loaded	l;

	T_EQ_INT(xparse_file(DATA "brief.xml", &l), 0);
	/* inside a paragraph: inline */
	T_OK(para_with(&l, "De CO2-uitstoot en een onbekend element in de tekst.") >= 0);
	/* between paragraphs: a paragraph */
	T_EQ_STR(para_text(&l, para_with(&l, "Losse tekst")),
	    "Losse tekst in een onbekend blok.");
	load_free(&l);

	/* unknown in unknown: inline after text of the outer one's own */
	T_EQ_INT(xparse("u.xml", "<wortel><blok>Een.</blok><blok>Twee <x>drie"
	    " <y>en</y></x>.</blok>Vier.<al>Vijf.</al><leeg/>Zes.</wortel>", &l), 0);
	T_EQ_INT(l.paper.npara, 5);
	T_EQ_STR(para_text(&l, 0), "Een.");
	T_EQ_STR(para_text(&l, 1), "Twee drie en.");
	T_EQ_STR(para_text(&l, 2), "Vier.");
	T_EQ_STR(para_text(&l, 3), "Vijf.");
	T_EQ_STR(para_text(&l, 4), "Zes.");
	load_free(&l);

	/* stray text before a division does not take its headings away */
	T_EQ_INT(xparse("u.xml", "<a><tekst>Los.<divisie><kop><titel>Kop</titel>"
	    "</kop><al>Tekst.</al></divisie></tekst></a>", &l), 0);
	T_EQ_INT(l.paper.npara, 3);
	T_EQ_INT(l.paper.npara == 3 ? l.paper.paras[1].kind : -1, PARA_HEADING);
	T_EQ_STR(para_text(&l, 1), "Kop");
	load_free(&l);
}

void
test_xml_malformed(void)
{
	struct loaded	l;

	T_EQ_INT(xparse_file(DATA "malformed.xml", &l), -1);
	T_OK(strstr(xml_err, "malformed XML at line 5") != NULL);
	T_OK(strstr(xml_err, "mismatch") != NULL);
	load_free(&l);

	/* cut off */
	T_EQ_INT(xparse("c.xml", "<?xml version=\"1.0\"?>\n<a>\n<al>x</al>\n", &l), -1);
	T_OK(strstr(xml_err, "malformed XML at line") != NULL);
	load_free(&l);
	/* not UTF-8 where it says so */
	T_EQ_INT(xparse("c.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<a>\n<al>x \xff\xfe y</al>\n</a>\n", &l), -1);
	T_OK(strstr(xml_err, "line 3") != NULL);
	load_free(&l);
	/* an entity that is not declared */
	T_EQ_INT(xparse("c.xml", "<a>\n<al>x &nbsp; y</al></a>", &l), -1);
	T_OK(strstr(xml_err, "line 2") != NULL);
	load_free(&l);
	/* sniffed from the content of a .txt */
	T_EQ_INT(xparse("c.txt", "<?xml version=\"1.0\"?>\n<a><b></a>", &l), -1);
	T_OK(strstr(xml_err, "malformed XML at line 2") != NULL);
	load_free(&l);
	/* empty, and well-formed without text */
	T_EQ_INT(xparse("c.xml", "", &l), -1);
	T_OK(xml_err[0] != '\0');
	load_free(&l);
	T_EQ_INT(xparse("c.xml", "<officiele-publicatie>  </officiele-publicatie>", &l), -1);
	T_EQ_STR(xml_err, "no text in it");
	load_free(&l);
	/* an encoding libxml2 converts */
	T_EQ_INT(xparse("c.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
	    "<a><al>Oekra\xefne</al></a>", &l), 0);
	T_EQ_STR(para_text(&l, 0), "Oekra\xc3\xafne");
	T_OK(l.converted);
	load_free(&l);
}

void
test_xml_external_entities(void)
{
	struct loaded	l;
	size_t		i;

	/* an external general entity and an external parameter entity, both
	 * naming /etc/passwd: not read; internal entities keep their text */
	T_EQ_INT(xparse_file(DATA "xxe.xml", &l), 0);
	T_EQ_STR(para_text(&l, 0), "Voorna.");
	T_EQ_STR(para_text(&l, 1), "Een brief van de Minister van Buitenlandse Zaken, nu.");
	for (i = 0; i < l.paper.npara; i++)
		T_OK(strstr(l.paper.paras[i].text, "root:") == NULL);
	load_free(&l);

	/* an external DTD naming it */
	T_EQ_INT(xparse_file(DATA "xxe-dtd.xml", &l), 0);
	T_EQ_INT(l.paper.npara, 1);
	T_EQ_STR(para_text(&l, 0), "Alleen deze tekst.");
	load_free(&l);

	/* nor from the network */
	T_EQ_INT(xparse("n.xml", "<!DOCTYPE a [<!ENTITY e SYSTEM "
	    "\"http://127.0.0.1:9/x\">]><a><al>a&e;b</al></a>", &l), 0);
	T_EQ_STR(para_text(&l, 0), "ab");
	load_free(&l);
}

void
test_xml_entity_expansion(void)
{
	struct loaded	 l;
	struct timespec	 t0, t1;
	char		*s;
	size_t		 i, n, total = 0;
	double		 secs;

	/* billion laughs: refused, quickly */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	T_EQ_INT(xparse_file(DATA "lol.xml", &l), -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	T_OK(secs < 2.0);
	T_OK(strstr(xml_err, "malformed XML at line") != NULL);
	load_free(&l);

	/* quadratic blow-up: a 1000-byte entity 100 000 times; what is kept
	 * of entity text is bounded */
	if ((s = malloc(100000 * 3 + 1000 + 200)) == NULL)
		return;
	n = (size_t)sprintf(s, "<!DOCTYPE a [<!ENTITY e \"");
	memset(s + n, 'x', 1000);
	n += 1000;
	n += (size_t)sprintf(s + n, "\">]><a><al>");
	for (i = 0; i < 100000; i++, n += 3)
		memcpy(s + n, "&e;", 3);
	strcpy(s + n, "</al></a>");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	T_EQ_INT(xparse("q.xml", s, &l), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	T_OK(secs < 5.0);
	for (i = 0; i < l.paper.npara; i++)
		total += l.paper.paras[i].len;
	T_OK(total <= 1024 * 1024 + 100);
	load_free(&l);
	free(s);
}

void
test_xml_same_paper_as_text(void)
{
	struct loaded	 t, x;
	struct lexicon	*lx;
	unsigned char	*raw;
	size_t		 len, i, k;

	if (!have(TEXTS "kst-36045-139.txt") ||
	    load_read(TEXTS "kst-36045-139.txt", &raw, &len, xml_err,
	    sizeof xml_err) == -1)
		return;
	/* the text as leeskamer load reads it: with the lexicon */
	lx = lexicon_open(NULL, "assets/data");
	T_EQ_INT(load_parse(TEXTS "kst-36045-139.txt", raw, len, NULL, lx, &t,
	    xml_err, sizeof xml_err), 0);
	free(raw);
	if (lx != NULL)
		lexicon_close(lx);
	T_EQ_INT(xparse_file(DATA "kst-36045-139.xml", &x), 0);
	T_OK(!t.xml && x.xml);
	/* one document: the same id, metadata and paragraphs */
	T_EQ_STR(x.paper.meta.id, t.paper.meta.id);
	T_EQ_STR(x.paper.meta.id, "kst-36045-139");
	T_EQ_STR(x.paper.meta.kamerstuk, t.paper.meta.kamerstuk);
	T_EQ_STR(x.paper.meta.title, t.paper.meta.title);
	T_EQ_STR(x.paper.meta.date, t.paper.meta.date);
	T_EQ_STR(x.paper.meta.vergaderjaar, t.paper.meta.vergaderjaar);
	T_EQ_STR(x.paper.meta.dossier, t.paper.meta.dossier);
	T_EQ_STR(x.paper.meta.dossier_title, t.paper.meta.dossier_title);
	T_EQ_STR(x.paper.meta.signatories, t.paper.meta.signatories);
	T_EQ_INT(x.paper.meta.chamber, t.paper.meta.chamber);
	/* the paragraphs stored: the text's less those it dropped */
	for (i = k = 0; i < t.paper.npara; i++) {
		if (t.paper.paras[i].kind == PARA_DROP)
			continue;
		T_OK(k < x.paper.npara);
		if (k >= x.paper.npara)
			break;
		T_EQ_STR(x.paper.paras[k].text, t.paper.paras[i].text);
		T_EQ_INT(x.paper.paras[k].kind, t.paper.paras[i].kind);
		T_EQ_INT(x.paper.paras[k].sig, t.paper.paras[i].sig);
		k++;
	}
	T_EQ_INT(k, x.paper.npara);
	T_EQ_INT(x.paper.nsecs, t.paper.nsecs);
	load_free(&t);
	load_free(&x);
}

void
test_xml_real_motions(void)
{
	struct loaded	 l;
	DIR		*d;
	struct dirent	*e;
	char		 path[512], id[256];
	int		 files = 0, ok = 0, ids = 0, dated = 0, signed_ = 0, kst = 0;
	size_t		 i;

	if ((d = opendir(MOTIONS)) == NULL) {
		fprintf(stderr, "SKIP test_xml: %s absent\n", MOTIONS);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		files++;
		snprintf(path, sizeof path, "%s%s", MOTIONS, e->d_name);
		snprintf(id, sizeof id, "%.*s", (int)n - 4, e->d_name);
		if (xparse_file(path, &l) == 0 && l.paper.npara >= 3 &&
		    l.paper.meta.title[0] != '\0' && l.paper.meta.dossier[0] != '\0')
			ok++;
		ids += strcmp(l.paper.meta.id, id) == 0;
		dated += strlen(l.paper.meta.date) == 10;
		signed_ += l.paper.meta.signatories != NULL;
		for (i = 0; i < l.ncites; i++)
			kst += l.cites[i].c.kind == CITE_KST;
		load_free(&l);
	}
	closedir(d);
	T_EQ_INT(files, 692);
	T_EQ_INT(ok, files);
	T_EQ_INT(ids, files);
	T_EQ_INT(dated, files);
	T_EQ_INT(signed_, files);
	/* the nine extrefs of the corpus */
	T_EQ_INT(kst, 9);
}
