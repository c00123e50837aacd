/* ownertrace check NAME...: the verdict on each name, with the chains of evidence behind it;
 * text for people or JSON Lines (--json). The most severe verdict decides the exit status. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "trace.h"

static OtExit
level_exit (OtLevel level)
{
  switch (level)
    {
    case OT_LEVEL_RESTRICTED:
      return OT_EXIT_RESTRICTED;
    case OT_LEVEL_EXPOSED:
      return OT_EXIT_EXPOSED;
    case OT_LEVEL_UNRESOLVED:
      return OT_EXIT_UNRESOLVED;
    case OT_LEVEL_CLEAR:
      break;
    }
  return OT_EXIT_CLEAR;
}

static OtExit
check_names (OtTrace *trace, char **names, int n, gboolean json)
{
  OtLevel worst = OT_LEVEL_CLEAR;
  gboolean colour = !json && ot_cli_colour (stdout);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (OtVerdict) v = ot_trace_check (trace, names[i]);
      worst = ot_level_worst (worst, v->level);
      if (json)
        {
          g_autoptr (GString) text = g_string_new (NULL);
          ot_verdict_write_json (text, trace, v);
          g_string_append_c (text, '\n');
          fputs (text->str, stdout);
        }
      else
        {
          g_autoptr (GString) out = g_string_new (NULL);
          ot_verdict_format (out, trace, v, colour);
          g_string_append_c (out, '\n');
          fputs (out->str, stdout);
        }
    }
  if (!json)
    {
      g_autofree char *checked = ot_trace_checked_text (trace);
      printf ("%s\n", checked);
    }
  return level_exit (worst);
}

OtExit
ot_cmd_check (int argc, char **argv, GError **error)
{
  g_auto (OtCliCommon) common = { 0 };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object per name (JSON Lines)", NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("NAME...");
  g_option_context_set_summary (context,
                                "Say whether each NAME (an id, identifier, name, alias or model "
                                "number) traces to a restricted entity, and show the chain.");
  g_option_context_add_main_entries (context, entries, NULL);
  ot_cli_common_add (context, &common);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return OT_EXIT_USAGE;
  if (argc < 2)
    return ot_cli_usage (error, "expected at least one NAME; see --help");
  g_autoptr (OtDataset) dataset = ot_cli_load (&common, error);
  if (dataset == NULL)
    return OT_EXIT_ERROR;
  g_autoptr (OtTrace) trace
      = ot_trace_new (dataset, (const char *const *)common.policies, common.as_of, error);
  if (trace == NULL)
    return OT_EXIT_ERROR;
  return check_names (trace, argv + 1, argc - 1, json);
}
