/* Shared by the subcommands: the common options, finding and loading the dataset, and how
 * diagnostics are printed. */
#include "config.h"

#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "load.h"

void
ot_cli_common_clear (OtCliCommon *common)
{
  g_clear_pointer (&common->data, g_strfreev);
  g_clear_pointer (&common->with, g_strfreev);
  g_clear_pointer (&common->policies, g_strfreev);
  g_clear_pointer (&common->as_of_text, g_free);
}

void
ot_cli_common_add_data (GOptionContext *context, OtCliCommon *common)
{
  const GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, &common->data,
      "Read the dataset from PATH (file or folder) instead of the bundled one; repeatable",
      "PATH" },
    { "with", 'w', 0, G_OPTION_ARG_FILENAME_ARRAY, &common->with,
      "Add PATH (file or folder) to the dataset; repeatable", "PATH" },
    G_OPTION_ENTRY_NULL,
  };
  GOptionGroup *group = g_option_group_new ("data", "Dataset options:", "Show dataset options",
                                            NULL, NULL);
  g_option_group_add_entries (group, entries);
  g_option_context_add_group (context, group);
}

void
ot_cli_common_add (GOptionContext *context, OtCliCommon *common)
{
  const GOptionEntry entries[] = {
    { "policy", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &common->policies,
      "Check against the lists of policy ID (repeatable; default: every list)", "ID" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &common->as_of_text,
      "Judge as on DATE (YYYY-MM-DD; default: today)", "DATE" },
    G_OPTION_ENTRY_NULL,
  };
  g_option_context_add_main_entries (context, entries, NULL);
  ot_cli_common_add_data (context, common);
}

/* The bundled dataset: OWNERTRACE_DATA, else the installed graphs/ folder. */
static const char *
bundled_data (void)
{
  const char *env = g_getenv ("OWNERTRACE_DATA");
  if (env != NULL && *env != '\0')
    return env;
  return OT_DATADIR "/graphs";
}

void
ot_cli_print_diagnostics (const OtDataset *ds)
{
  gboolean colour = ot_cli_colour (stderr);
  for (guint i = 0; i < ds->diagnostics->len; i++)
    {
      const OtDiagnostic *d = &g_array_index (ds->diagnostics, OtDiagnostic, i);
      const char *word = d->severity == OT_SEVERITY_ERROR ? "error" : "warning";
      const char *on = "", *off = "";
      if (colour)
        {
          on = d->severity == OT_SEVERITY_ERROR ? "\033[1;31m" : "\033[1;35m";
          off = "\033[0m";
        }
      if (d->loc.file == NULL)
        fprintf (stderr, "%s%s:%s %s\n", on, word, off, d->message);
      else if (d->loc.column > 0)
        fprintf (stderr, "%s:%u:%u: %s%s:%s %s\n", d->loc.file, d->loc.line, d->loc.column, on,
                 word, off, d->message);
      else if (d->loc.line > 0)
        fprintf (stderr, "%s:%u: %s%s:%s %s\n", d->loc.file, d->loc.line, on, word, off,
                 d->message);
      else
        fprintf (stderr, "%s: %s%s:%s %s\n", d->loc.file, on, word, off, d->message);
    }
}

OtDataset *
ot_cli_load (OtCliCommon *common, GError **error)
{
  if (common->as_of_text != NULL)
    {
      common->as_of = ot_date_parse (common->as_of_text);
      if (common->as_of == OT_DATE_NONE)
        {
          ot_error_set (error, OT_ERROR_USAGE, "expected a date YYYY-MM-DD for --as-of, found '%s'",
                        common->as_of_text);
          return NULL;
        }
    }
  else
    common->as_of = ot_date_today ();

  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  if (common->data != NULL)
    for (char **p = common->data; *p != NULL; p++)
      g_ptr_array_add (paths, *p);
  else
    g_ptr_array_add (paths, (gpointer)bundled_data ());
  if (common->with != NULL)
    for (char **p = common->with; *p != NULL; p++)
      g_ptr_array_add (paths, *p);
  g_ptr_array_add (paths, NULL);

  g_autoptr (OtDataset) ds = ot_dataset_load ((const char *const *)paths->pdata, error);
  if (ds == NULL)
    return NULL;
  if (ds->n_errors > 0)
    {
      ot_cli_print_diagnostics (ds);
      ot_error_set (error, OT_ERROR_DATA,
                    "the dataset has %u error%s; run 'ownertrace validate' on it", ds->n_errors,
                    ds->n_errors == 1 ? "" : "s");
      return NULL;
    }
  if (common->policies != NULL)
    for (char **p = common->policies; *p != NULL; p++)
      if (ot_dataset_policy (ds, *p) == NULL)
        {
          g_autoptr (GString) known = g_string_new (NULL);
          for (guint i = 0; i < ds->policies->len; i++)
            g_string_append_printf (known, "%s%s", i ? ", " : "",
                                    g_array_index (ds->policies, OtPolicy, i).id);
          ot_error_set (error, OT_ERROR_USAGE, "unknown policy '%s': expected one of %s", *p,
                        known->len ? known->str : "(the dataset has no policies)");
          return NULL;
        }
  return g_steal_pointer (&ds);
}

OtExit
ot_cli_usage (GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  ot_error_set (error, OT_ERROR_USAGE, "%s", message);
  return OT_EXIT_USAGE;
}

gboolean
ot_cli_colour (FILE *stream)
{
  const char *no_colour = g_getenv ("NO_COLOR");
  if (no_colour != NULL && *no_colour != '\0')
    return FALSE;
  return isatty (fileno (stream));
}
