/* ownertrace path FROM TO: the evidence paths between two entities over the relations valid on
 * the as-of date, each relation walked in either direction, shortest first. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "graph.h"
#include "resolve.h"
#include "trace.h"

static OtExit
print_paths (const OtDataset *ds, OtGraph *graph, const char *from_name, const char *to_name,
             OtDate as_of, guint max_paths, gboolean json, GError **error)
{
  g_autoptr (OtResolver) resolver = ot_resolver_new (graph);
  g_auto (OtResolution) from = { 0 };
  g_auto (OtResolution) to = { 0 };
  gboolean from_ok = ot_resolve (resolver, from_name, &from);
  gboolean to_ok = ot_resolve (resolver, to_name, &to);
  if (!from_ok || !to_ok)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      if (!from_ok)
        ot_resolution_format (out, ds, from_name, &from, NULL, NULL);
      if (!to_ok)
        ot_resolution_format (out, ds, to_name, &to, NULL, NULL);
      fputs (out->str, stdout);
      return OT_EXIT_UNRESOLVED;
    }
  g_autoptr (GPtrArray) paths
      = ot_graph_paths (graph, from.entity, to.entity, as_of, max_paths, error);
  if (paths == NULL)
    return OT_EXIT_ERROR;
  const OtEntity *a = OT_ENTITY (ds, from.entity), *b = OT_ENTITY (ds, to.entity);
  char d[11];
  ot_date_format (as_of, d);
  if (json)
    {
      for (guint i = 0; i < paths->len; i++)
        {
          GArray *p = g_ptr_array_index (paths, i);
          g_autoptr (JsonBuilder) jb = json_builder_new ();
          json_builder_begin_object (jb);
          json_builder_set_member_name (jb, "from");
          json_builder_add_string_value (jb, a->id);
          json_builder_set_member_name (jb, "to");
          json_builder_add_string_value (jb, b->id);
          json_builder_set_member_name (jb, "as_of");
          json_builder_add_string_value (jb, d);
          json_builder_set_member_name (jb, "path");
          json_builder_begin_array (jb);
          for (guint k = 0; k < p->len; k++)
            {
              OtStep step = { .relation = g_array_index (p, guint32, k) };
              json_builder_add_value (jb, ot_step_to_json (ds, &step));
            }
          json_builder_end_array (jb);
          json_builder_end_object (jb);
          g_autoptr (JsonNode) node = json_builder_get_root (jb);
          g_autofree char *text = ot_json_to_string (node);
          printf ("%s\n", text);
        }
      return OT_EXIT_CLEAR;
    }
  if (paths->len == 0)
    {
      printf ("no path between %s and %s as of %s\n", a->id, b->id, d);
      return OT_EXIT_CLEAR;
    }
  printf ("%u path%s between %s (%s) and %s (%s) as of %s, shortest first\n", paths->len,
          paths->len == 1 ? "" : "s", a->id, a->name, b->id, b->name, d);
  for (guint i = 0; i < paths->len; i++)
    {
      GArray *p = g_ptr_array_index (paths, i);
      g_autoptr (GArray) steps = g_array_new (FALSE, TRUE, sizeof (OtStep));
      for (guint k = 0; k < p->len; k++)
        {
          OtStep step = { .relation = g_array_index (p, guint32, k) };
          g_array_append_val (steps, step);
        }
      g_autoptr (GString) out = g_string_new (NULL);
      g_string_append_printf (out, "\n%u. %u step%s\n", i + 1, p->len, p->len == 1 ? "" : "s");
      ot_steps_format (out, ds, (const OtStep *)steps->data, steps->len, "   ");
      fputs (out->str, stdout);
    }
  return OT_EXIT_CLEAR;
}

OtExit
ot_cmd_path (int argc, char **argv, GError **error)
{
  g_auto (OtCliCommon) common = { 0 };
  gboolean json = FALSE;
  int max_paths = 5;
  const GOptionEntry entries[] = {
    { "max-paths", 0, 0, G_OPTION_ARG_INT, &max_paths, "Show at most N paths (default 5)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object per path", NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FROM TO");
  g_option_context_set_summary (context, "Show the evidence paths between two entities, each "
                                         "relation in its own direction, shortest first.");
  g_option_context_add_main_entries (context, entries, NULL);
  ot_cli_common_add (context, &common);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return OT_EXIT_USAGE;
  if (argc != 3)
    return ot_cli_usage (error, "expected FROM and TO; see --help");
  if (max_paths < 1)
    return ot_cli_usage (error, "expected --max-paths of 1 or more, found %d", max_paths);
  g_autoptr (OtDataset) dataset = ot_cli_load (&common, error);
  if (dataset == NULL)
    return OT_EXIT_ERROR;
  g_autoptr (OtGraph) graph = ot_graph_new (dataset, error);
  if (graph == NULL)
    return OT_EXIT_ERROR;
  return print_paths (dataset, graph, argv[1], argv[2], common.as_of, max_paths, json, error);
}
