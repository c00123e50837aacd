/* g_autoptr support for the C libraries' types: the one header where libxml2 (and libyaml)
 * types may appear. Include it only from the .c files that use these libraries. */
#ifndef OT_AUTOCLEANUPS_H
#define OT_AUTOCLEANUPS_H

#include <glib.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

/* xmlFree is a variable holding libxml2's deallocator, so wrap it */
static inline void
ot_xml_free (xmlChar *text)
{
  xmlFree (text);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlChar, ot_xml_free)

#endif /* OT_AUTOCLEANUPS_H */
