/* Helpers shared by the unit tests: finding and loading fixtures. */
#include "config.h"

#include "test-util.h"

#include <string.h>

#include "load.h"

char *
ot_test_path (const char *name)
{
  const char *dir = g_getenv ("TESTDATA");
  return g_build_filename (dir && *dir ? dir : "tests/data", name, NULL);
}

OtDataset *
ot_test_load (const char *name)
{
  g_autofree char *path = ot_test_path (name);
  const char *paths[] = { path, NULL };
  g_autoptr (GError) error = NULL;
  OtDataset *ds = ot_dataset_load (paths, &error);
  if (ds == NULL)
    g_error ("cannot load %s: %s", path, error->message);
  return ds;
}

OtDataset *
ot_test_load_text (const char *name, const char *yaml)
{
  OtDataset *ds = ot_dataset_new ();
  g_autoptr (GError) error = NULL;
  if (!ot_load_yaml (ds, name, yaml, strlen (yaml), &error))
    g_error ("cannot load %s: %s", name, error->message);
  ot_dataset_finish (ds);
  return ds;
}

char *
ot_test_diagnostics (const OtDataset *ds)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < ds->diagnostics->len; i++)
    {
      const OtDiagnostic *d = &g_array_index (ds->diagnostics, OtDiagnostic, i);
      g_string_append_printf (out, "%s:%u:%u: %s: %s\n", d->loc.file, d->loc.line, d->loc.column,
                              d->severity == OT_SEVERITY_ERROR ? "error" : "warning", d->message);
    }
  return g_string_free (out, FALSE);
}
