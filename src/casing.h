/* casing.h: titles printed in capitals, shown in sentence case. */
#ifndef LK_CASING_H
#define LK_CASING_H

/* Returns a malloc'd copy of title in sentence case when it is written in
 * capitals ("MOTIE VAN HET LID VAN DER LEE C.S." → "Motie van het lid Van
 * der Lee c.s."), else a plain copy; NULL when out of memory. Names after
 * "lid"/"leden" keep capitals on their words, particles lower case. */
char	*casing_sentence(const char *title);

#endif
