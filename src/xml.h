/* xml.h: official-publication XML (<officiele-publicatie>) into a paper.
 *
 * Every Kamerstuk is published as XML besides its PDF. xml_parse reads one
 * such file with libxml2's streaming reader and fills the same struct
 * paper and struct loaded that load_parse fills for text, so the store
 * keeps it unchanged:
 *
 * - metadata from the markup: vergaderjaar and chamber (<kamerstukkop>),
 *   dossier number with its toevoeging and dossier title (<dossier>), the
 *   number (<stuknr>/<ondernummer>), the title (<stuk>/<titel>), the date
 *   (<datum isodatum>), the type and the indieners (<meta>), signatories
 *   (<ondertekening>, and the names after "en gaat over tot de orde van de
 *   dag." of a motion); the id is kst-DOSSIER-NR spelled by cite_parse_id,
 *   else DC.identifier or the externMetadataRecord URL, else the stem;
 * - headings from <kop> (numbered from its <nr>) and <tussenkop>, nested
 *   by how their containers nest; paragraphs from <al>; list items as
 *   paragraphs with their marker ("– ", "1. ") before them, nested lists
 *   indented by two spaces a level; a table as one paragraph, cells
 *   separated by " | ", rows by '\n'; <noot> as notes linked to the
 *   paragraph and character position of their marker;
 * - citations: every <extref doc="kst-…"> as given, its kind from the id's
 *   prefix and its span in the paragraph; the recogniser runs over the
 *   text as well, and its hits overlapping an extref are dropped;
 * - unknown elements keep their text: inside a paragraph inline, between
 *   paragraphs as paragraphs of their own.
 *
 * A NAME.meta sidecar is hashed with the file but not applied: the markup
 * carries the metadata.
 *
 * Safety: no DTD is loaded, no entity is substituted (XML_PARSE_NOENT and
 * XML_PARSE_DTDLOAD stay off), no network (XML_PARSE_NONET), and every
 * external entity load is refused by the loader xml_parse installs;
 * XML_PARSE_HUGE stays off, so libxml2's limits on entity amplification
 * and depth hold. An internal entity whose text holds no markup is kept as
 * its text. A file that is not well-formed is refused with the line of the
 * error. */
#ifndef LK_XML_H
#define LK_XML_H
#include <stddef.h>

struct loaded;

/* Whether a file is to be read as XML: its name ends in ".xml", or its
 * bytes start (after a BOM and blanks) with "<?xml" or
 * "<officiele-publicatie". */
int	xml_want(const char *path, const unsigned char *raw, size_t len);

/* Parses raw (the len bytes of path) into l, which load_parse has cleared
 * and given its path, stem, sidecar and hash. Sets l->xml. Returns 0, or
 * -1 with a reason in err ("malformed XML at line 12: …", "no text in
 * it", "out of memory"); l is to be freed with load_free either way. */
int	xml_parse(const char *path, const unsigned char *raw, size_t len,
	    struct loaded *l, char *err, size_t errlen);

#endif
