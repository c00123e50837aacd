/* ownertrace validate: read dataset files and report every problem with its place. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "error.h"
#include "load.h"

OtExit
ot_cmd_validate (int argc, char **argv, GError **error)
{
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print only the problems, not the summary",
      NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("[PATH...]");
  g_option_context_set_summary (context,
                                "Checks dataset files (YAML or XML; folders are read for their "
                                "*.yaml, *.yml and *.xml files)\nand reports every problem as "
                                "FILE:LINE:COLUMN: error|warning: MESSAGE.\nWithout PATH, checks "
                                "the bundled dataset. Exits 65 on errors; warnings alone exit 0.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return OT_EXIT_USAGE;

  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (paths, argv[i]);
  if (paths->len == 0)
    {
      const char *env = g_getenv ("OWNERTRACE_DATA");
      g_ptr_array_add (paths, (gpointer)(env && *env ? env : OT_DATADIR "/graphs"));
    }
  g_ptr_array_add (paths, NULL);
  g_autoptr (OtDataset) ds = ot_dataset_load ((const char *const *)paths->pdata, error);
  if (ds == NULL)
    return OT_EXIT_ERROR;
  ot_cli_print_diagnostics (ds);
  if (!quiet)
    fprintf (stderr, "%u file%s, %u entities, %u relations, %u lists: %u error%s, %u warning%s\n",
             ds->files->len, ds->files->len == 1 ? "" : "s", ds->entities->len,
             ds->relations->len, ds->lists->len, ds->n_errors, ds->n_errors == 1 ? "" : "s",
             ds->n_warnings, ds->n_warnings == 1 ? "" : "s");
  if (ds->n_errors > 0)
    {
      ot_error_set (error, OT_ERROR_DATA, "%u error%s found", ds->n_errors,
                    ds->n_errors == 1 ? "" : "s");
      return OT_EXIT_ERROR;
    }
  return OT_EXIT_CLEAR;
}
