/* ownertrace convert: a dataset from YAML to XML or back, written atomically. */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "error.h"
#include "load.h"

static const char *
format_of (const char *path)
{
  if (g_str_has_suffix (path, ".xml"))
    return "xml";
  if (g_str_has_suffix (path, ".yaml") || g_str_has_suffix (path, ".yml"))
    return "yaml";
  return NULL;
}

OtExit
ot_cmd_convert (int argc, char **argv, GError **error)
{
  g_autofree char *to = NULL;
  const GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to, "Write FORMAT (yaml or xml) whatever OUT's name",
      "FORMAT" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("IN... OUT");
  g_option_context_set_summary (context,
                                "Converts dataset files between YAML and XML: the formats by the "
                                "files' extensions,\nor OUT's format by --to. Several INs (files "
                                "or folders) are merged into OUT.\nReferences to records in other "
                                "files are kept as they are (check them with validate).\nOUT '-' writes to standard "
                                "output (give --to). OUT is written whole or not at all.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return OT_EXIT_USAGE;
  if (argc < 3)
    return ot_cli_usage (error, "expected IN and OUT; see --help");
  const char *out = argv[argc - 1];
  const char *format = to ? to : format_of (out);
  if (format == NULL)
    return ot_cli_usage (error, "cannot tell the format of '%s': expected .yaml, .yml or .xml, or "
                                "--to yaml|xml",
                         out);
  if (strcmp (format, "yaml") != 0 && strcmp (format, "xml") != 0)
    return ot_cli_usage (error, "unknown format '%s' for --to: expected yaml or xml", format);

  argv[argc - 1] = NULL;
  g_autoptr (OtDataset) ds = ot_dataset_read ((const char *const *)argv + 1, error);
  argv[argc - 1] = (char *)out;
  if (ds == NULL)
    return OT_EXIT_ERROR;
  if (ds->n_errors > 0)
    {
      ot_cli_print_diagnostics (ds);
      ot_error_set (error, OT_ERROR_DATA, "not converted: the input has %u error%s", ds->n_errors,
                    ds->n_errors == 1 ? "" : "s");
      return OT_EXIT_ERROR;
    }
  gboolean ok = strcmp (format, "xml") == 0 ? ot_save_xml (ds, out, error)
                                            : ot_save_yaml (ds, out, error);
  return ok ? OT_EXIT_CLEAR : OT_EXIT_ERROR;
}
