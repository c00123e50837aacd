/* Shared by the dataset readers and writers. */
#ifndef OT_LOAD_PRIVATE_H
#define OT_LOAD_PRIVATE_H

#include "load.h"

G_BEGIN_DECLS

/* The namespace of the XML format (load-xml.c, save-xml.c, schemas/ownertrace.xsd). */
#define OT_XML_NS "https://ownertrace.org/ns/dataset/1"

/* The shortest text of value that reads back as the same double ("36.48", "50"). */
char *ot_number_format (double value, char *buf, gsize size);

/* Parses a share, scope threshold or other number: a finite decimal ("40.5", "1e2"); no hex,
 * no NaN or infinity, nothing after it. */
gboolean ot_number_parse (const char *text, double *value);

/* TRUE when text can be an id: not empty, no white space, control characters or '#'. */
gboolean ot_id_valid (const char *text);

/* Writes text to path atomically, or to stdout when path is "-" (OT_ERROR_IO on failure). */
gboolean ot_write_text (const char *path, const char *text, gsize len, GError **error);

G_END_DECLS

#endif /* OT_LOAD_PRIVATE_H */
