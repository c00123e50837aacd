/* The OT_ERROR domain: what can go wrong in the library, and how a command reports it. */
#ifndef OT_ERROR_H
#define OT_ERROR_H

#include <glib.h>

G_BEGIN_DECLS

#define OT_ERROR (ot_error_quark ())

typedef enum
{
  OT_ERROR_USAGE,    /* a bad option or argument: exit 64 */
  OT_ERROR_DATA,     /* a dataset file with problems: exit 65 */
  OT_ERROR_NOT_FOUND, /* an input that does not exist: exit 66 */
  OT_ERROR_INTERNAL, /* a bug: exit 70 */
  OT_ERROR_IO,       /* a read or write that failed: exit 74 */
  OT_ERROR_GRAPH,    /* igraph refused: exit 70 */
} OtErrorCode;

GQuark ot_error_quark (void);

/* Sets *error (if error is not NULL) to OT_ERROR/code with a printf-style message; returns
 * FALSE so that callers can write `return ot_error_set (...)`. */
gboolean ot_error_set (GError **error, OtErrorCode code, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

G_END_DECLS

#endif /* OT_ERROR_H */
