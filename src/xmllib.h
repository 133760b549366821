/* xmllib.h: the few libxml2 functions xml.c reads with, from libxml2
 * loaded when the first XML file is read. libxml2 brings ICU and the C++
 * runtime with it, which cost every other command some milliseconds to
 * start. */
#ifndef LK_XMLLIB_H
#define LK_XMLLIB_H
#include <stddef.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

struct xmllib {
	void			*handle;
	xmlTextReaderPtr	(*reader_for_memory)(const char *, int,
				    const char *, const char *, int);
	void			(*free_reader)(xmlTextReaderPtr);
	void			(*set_error_handler)(xmlTextReaderPtr,
				    xmlStructuredErrorFunc, void *);
	void			(*set_entity_loader)(xmlExternalEntityLoader);
	int			(*read)(xmlTextReaderPtr);
	int			(*node_type)(xmlTextReaderPtr);
	int			(*is_empty)(xmlTextReaderPtr);
	const xmlChar		*(*local_name)(xmlTextReaderPtr);
	const xmlChar		*(*value)(xmlTextReaderPtr);
	const xmlChar		*(*encoding)(xmlTextReaderPtr);
	xmlChar			*(*attribute)(xmlTextReaderPtr, const xmlChar *);
	xmlNodePtr		(*current_node)(xmlTextReaderPtr);
	int			(*parser_line)(xmlTextReaderPtr);
	long			(*node_line)(const xmlNode *);
	xmlFreeFunc		*free;		/* libxml2's free, a variable */
};

/* Loads libxml2 (it stays loaded) and fills lib. Returns 0, or -1 with a
 * reason in err. */
int	xmllib_open(struct xmllib *lib, char *err, size_t errlen);
/* Lets go of this use of it. */
void	xmllib_close(struct xmllib *lib);

#endif
