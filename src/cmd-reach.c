/* ownertrace reach NAME: everything downstream of NAME that a list of the policy reaches on
 * the as-of date, NAME counted as listed (whether it is or not), with the reason for each. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "trace.h"

/* The entities downstream of e, in the reading of each relation type, valid on date. */
static GArray *
downstream (const OtGraph *g, const OtDataset *ds, guint32 e, OtDate date)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint8 *seen = g_new0 (guint8, ds->entities->len);
  seen[e] = 1;
  g_array_append_val (order, e);
  for (guint head = 0; head < order->len; head++)
    {
      guint32 x = g_array_index (order, guint32, head), n;
      const guint32 *out = ot_graph_out (g, x, &n);
      for (guint32 k = 0; k < n; k++)
        {
          const OtRelation *r = OT_RELATION (ds, out[k]);
          if (seen[r->to] || !ot_relation_valid_on (r, date)
              || (r->type != OT_REL_OWNS && r->type != OT_REL_CONTROLS
                  && r->type != OT_REL_MANUFACTURES && r->type != OT_REL_SAME_AS))
            continue;
          seen[r->to] = 1;
          g_array_append_val (order, r->to);
        }
      const guint32 *in = ot_graph_in (g, x, &n);
      for (guint32 k = 0; k < n; k++)
        {
          const OtRelation *r = OT_RELATION (ds, in[k]);
          if (seen[r->from] || !ot_relation_valid_on (r, date)
              || (r->type != OT_REL_BRAND_OF && r->type != OT_REL_PRODUCT_OF
                  && r->type != OT_REL_SUCCESSOR_OF && r->type != OT_REL_SAME_AS))
            continue;
          seen[r->from] = 1;
          g_array_append_val (order, r->from);
        }
    }
  g_array_remove_index (order, 0);
  return order;
}

typedef struct
{
  const OtDataset *ds;
  const OtReach *reach;
} SortCtx;

static int
reached_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  const SortCtx *sc = data;
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  OtReachStatus sx = ot_reach_status (sc->reach, x), sy = ot_reach_status (sc->reach, y);
  if (sx != sy)
    return sx > sy ? -1 : 1;
  return strcmp (OT_ENTITY (sc->ds, x)->id, OT_ENTITY (sc->ds, y)->id);
}

static char *
reason_cell (const OtDataset *ds, const OtReason *r)
{
  if (r->path->len == 0)
    return g_strdup ("listed");
  const OtStep *last = &g_array_index (r->path, OtStep, r->path->len - 1);
  const OtRelation *rel = OT_RELATION (ds, last->relation);
  g_autoptr (GString) s = g_string_new (NULL);
  g_string_append_printf (s, "%s %s", rel->from_id, ot_rel_name (rel->type));
  if (rel->type == OT_REL_OWNS)
    {
      g_autofree char *share = ot_share_format (&rel->share);
      g_string_append_printf (s, " %s", share);
    }
  g_string_append_printf (s, " %s", rel->to_id);
  if (r->sums->len > 0)
    {
      g_autofree char *sum = ot_sum_format (g_ptr_array_index (r->sums, r->sums->len - 1), ds);
      g_string_append_printf (s, " (%s)", sum);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static OtExit
print_reach (OtTrace *trace, const char *name, gboolean json, GError **error)
{
  const OtDataset *ds = ot_trace_dataset (trace);
  const OtGraph *g = ot_trace_graph (trace);
  g_auto (OtResolution) res = { 0 };
  if (!ot_resolve (ot_trace_resolver (trace), name, &res))
    {
      g_autoptr (GString) out = g_string_new (NULL);
      ot_resolution_format (out, ds, name, &res, NULL, NULL);
      fputs (out->str, stdout);
      return OT_EXIT_UNRESOLVED;
    }
  guint32 e = res.entity;
  OtDate as_of = ot_trace_as_of (trace);
  g_autoptr (GArray) below = downstream (g, ds, e, as_of);
  char d[11];
  ot_date_format (as_of, d);
  g_autoptr (GString) out = g_string_new (NULL);
  if (!json)
    g_string_append_printf (out, "reach of %s (%s) as of %s, counted as listed: %u downstream\n",
                            OT_ENTITY (ds, e)->id, OT_ENTITY (ds, e)->name, d, below->len);
  for (guint l = 0; l < ot_trace_n_lists (trace); l++)
    {
      const OtList *list = ot_reach_list (ot_trace_reach (trace, l));
      g_autoptr (OtReach) reach = ot_reach_new (g, list, as_of, &e, 1);
      g_autoptr (GArray) hit = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint i = 0; i < below->len; i++)
        if (ot_reach_status (reach, g_array_index (below, guint32, i)) != OT_REACH_NONE)
          g_array_append_val (hit, g_array_index (below, guint32, i));
      SortCtx sc = { ds, reach };
      g_array_sort_with_data (hit, reached_cmp, &sc);
      if (!json)
        {
          guint nr = 0;
          for (guint i = 0; i < hit->len; i++)
            nr += ot_reach_status (reach, g_array_index (hit, guint32, i)) == OT_REACH_RESTRICTED;
          g_string_append_printf (out, "\n%s (%s): %u restricted, %u possibly\n", list->id,
                                  list->name ? list->name : list->id, nr, hit->len - nr);
        }
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      gsize w[3] = { 0 };
      for (guint i = 0; i < hit->len; i++)
        {
          guint32 x = g_array_index (hit, guint32, i);
          g_autoptr (GPtrArray) reasons = ot_trace_reasons (trace, reach, l, x, 1);
          if (reasons->len == 0)
            continue;
          const OtReason *r = g_ptr_array_index (reasons, 0);
          if (json)
            {
              g_autoptr (JsonNode) node = ot_reason_to_json (trace, r);
              JsonObject *o = json_node_get_object (node);
              json_object_set_member (o, "entity", ot_entity_to_json (ds, x));
              json_object_set_string_member (o, "as_of", d);
              g_autofree char *text = ot_json_to_string (node);
              g_string_append_printf (out, "%s\n", text);
              continue;
            }
          char *cells[4] = { g_strdup (OT_ENTITY (ds, x)->id),
                             g_strdup (ot_kind_name (OT_ENTITY (ds, x)->kind)),
                             g_strdup (ot_reason_status_name (r->status)), reason_cell (ds, r) };
          for (int k = 0; k < 4; k++)
            {
              if (k < 3)
                w[k] = MAX (w[k], (gsize)g_utf8_strlen (cells[k], -1));
              g_ptr_array_add (rows, cells[k]);
            }
        }
      for (guint i = 0; i < rows->len; i += 4)
        {
          g_string_append (out, "  ");
          for (int k = 0; k < 3; k++)
            {
              const char *c = g_ptr_array_index (rows, i + k);
              g_string_append (out, c);
              for (gsize p = g_utf8_strlen (c, -1); p < w[k] + 2; p++)
                g_string_append_c (out, ' ');
            }
          g_string_append_printf (out, "%s\n", (const char *)g_ptr_array_index (rows, i + 3));
        }
    }
  fputs (out->str, stdout);
  return OT_EXIT_CLEAR;
}

OtExit
ot_cmd_reach (int argc, char **argv, GError **error)
{
  g_auto (OtCliCommon) common = { 0 };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object per reached entity and list",
      NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("NAME");
  g_option_context_set_summary (context, "Show everything downstream of NAME that each list of "
                                         "the policy would reach, NAME counted as listed.");
  g_option_context_add_main_entries (context, entries, NULL);
  ot_cli_common_add (context, &common);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return OT_EXIT_USAGE;
  if (argc != 2)
    return ot_cli_usage (error, "expected one NAME; see --help");
  g_autoptr (OtDataset) dataset = ot_cli_load (&common, error);
  if (dataset == NULL)
    return OT_EXIT_ERROR;
  g_autoptr (OtTrace) trace
      = ot_trace_new (dataset, (const char *const *)common.policies, common.as_of, error);
  if (trace == NULL)
    return OT_EXIT_ERROR;
  return print_reach (trace, argv[1], json, error);
}
