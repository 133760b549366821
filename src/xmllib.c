/* xmllib.c: libxml2 loaded by name when an XML file is read; see
 * xmllib.h. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "xmllib.h"

/* Looks name up into *fn; a function pointer is stored through a void *
 * the way POSIX describes for dlsym. */
static int
sym(struct xmllib *lib, const char *name, void *fn)
{
	void	*p;

	if ((p = dlsym(lib->handle, name)) == NULL)
		return -1;
	memcpy(fn, &p, sizeof p);
	return 0;
}

int
xmllib_open(struct xmllib *lib, char *err, size_t errlen)
{
	memset(lib, 0, sizeof *lib);
	/* RTLD_NODELETE: closed after each file, loaded once a process */
	if ((lib->handle = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL |
	    RTLD_NODELETE)) == NULL) {
		snprintf(err, errlen, "cannot read XML: %s", dlerror());
		return -1;
	}
	if (sym(lib, "xmlReaderForMemory", &lib->reader_for_memory) == -1 ||
	    sym(lib, "xmlFreeTextReader", &lib->free_reader) == -1 ||
	    sym(lib, "xmlTextReaderSetStructuredErrorHandler",
	    &lib->set_error_handler) == -1 ||
	    sym(lib, "xmlSetExternalEntityLoader", &lib->set_entity_loader) == -1 ||
	    sym(lib, "xmlTextReaderRead", &lib->read) == -1 ||
	    sym(lib, "xmlTextReaderNodeType", &lib->node_type) == -1 ||
	    sym(lib, "xmlTextReaderIsEmptyElement", &lib->is_empty) == -1 ||
	    sym(lib, "xmlTextReaderConstLocalName", &lib->local_name) == -1 ||
	    sym(lib, "xmlTextReaderConstValue", &lib->value) == -1 ||
	    sym(lib, "xmlTextReaderConstEncoding", &lib->encoding) == -1 ||
	    sym(lib, "xmlTextReaderGetAttribute", &lib->attribute) == -1 ||
	    sym(lib, "xmlTextReaderCurrentNode", &lib->current_node) == -1 ||
	    sym(lib, "xmlTextReaderGetParserLineNumber", &lib->parser_line) == -1 ||
	    sym(lib, "xmlGetLineNo", &lib->node_line) == -1 ||
	    (lib->free = dlsym(lib->handle, "xmlFree")) == NULL) {
		snprintf(err, errlen, "cannot read XML: libxml2 lacks %s",
		    dlerror());
		xmllib_close(lib);
		return -1;
	}
	return 0;
}

void
xmllib_close(struct xmllib *lib)
{
	if (lib->handle != NULL)
		dlclose(lib->handle);
	memset(lib, 0, sizeof *lib);
}
