/* test_casing.c: titles in capitals shown in sentence case. */
#include <stdlib.h>

#include "t.h"
#include "casing.h"

static void
check(const char *in, const char *want)
{
	char	*got = casing_sentence(in);

	T_EQ_STR(got, want);
	free(got);
}

void
test_casing_motions(void)
{
	check("MOTIE VAN HET LID PIRI C.S.", "Motie van het lid Piri c.s.");
	check("MOTIE VAN HET LID VAN DER LEE C.S.", "Motie van het lid Van der Lee c.s.");
	check("MOTIE VAN DE LEDEN JASPER VAN DIJK EN HAMMELBURG",
	    "Motie van de leden Jasper van Dijk en Hammelburg");
	check("MOTIE VAN DE LEDEN G\xc3\x9cNDO\xc4\x9e" "AN EN JASPER VAN DIJK",
	    "Motie van de leden G\xc3\xbcndo\xc4\x9f" "an en Jasper van Dijk");
	check("MOTIE VAN HET LID VAN HAGA", "Motie van het lid Van Haga");
	check("BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN",
	    "Brief van de minister van buitenlandse zaken");
}

void
test_casing_leaves_mixed_case(void)
{
	check("Motie van de leden Tuinman en Van Campen",
	    "Motie van de leden Tuinman en Van Campen");
	check("Coalitieakkoord 2021\xe2\x80\x93" "2025", "Coalitieakkoord 2021\xe2\x80\x93" "2025");
	check("NAVO", "Navo");
	check("", "");
}
