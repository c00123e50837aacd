/* The OT_ERROR domain. */
#include "config.h"

#include "error.h"

G_DEFINE_QUARK (ot-error-quark, ot_error)

gboolean
ot_error_set (GError **error, OtErrorCode code, const char *format, ...)
{
  if (error == NULL)
    return FALSE;
  va_list args;
  va_start (args, format);
  *error = g_error_new_valist (OT_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}
