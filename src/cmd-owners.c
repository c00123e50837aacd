/* ownertrace owners NAME: the ownership tree upward from NAME on the as-of date. Each owner
 * shows its direct share, its look-through share (the product of the shares along the way,
 * which OFAC's propagation does not use but people ask for) and, for each list of the policy,
 * whether it is reached. Shares held in one entity that add up to more than 100 % are flagged. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "trace.h"

#define MAX_ROWS 1000

typedef struct
{
  guint32 entity;
  guint depth;
  gint64 parent;     /* -1 for the root */
  guint32 relation;  /* the first relation to the parent */
  guint n_relations; /* of the holding */
  double min, max;   /* the holding (owns) */
  gboolean owns;
  gboolean has_look; /* a look-through share is defined (owns, brand and product steps) */
  double look_min, look_max;
  gboolean cycle; /* the entity is already on the way up */
} Row;

typedef struct
{
  OtTrace *trace;
  const OtDataset *ds;
  OtDate as_of;
  GArray *rows;     /* of Row */
  GPtrArray *flags; /* of char * */
  GHashTable *flagged;
  guint truncated;
} Ctx;

typedef struct
{
  guint32 up;
  guint32 relation;
  guint n;
  double min, max;
  guint8 type;
} Edge;

static int
edge_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  const Edge *x = a, *y = b;
  const OtDataset *ds = data;
  if (x->type != y->type)
    return x->type < y->type ? -1 : 1;
  if (x->min != y->min)
    return x->min > y->min ? -1 : 1;
  return strcmp (OT_ENTITY (ds, x->up)->id, OT_ENTITY (ds, y->up)->id);
}

/* The ties upward from e: owns holdings (grouped by owner), controls, manufactures, brand_of
 * (to the owner of a brand) and product_of (to the brand of a product). */
static GArray *
edges_up (Ctx *cx, guint32 e)
{
  const OtGraph *g = ot_trace_graph (cx->trace);
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  guint32 n;
  const guint32 *in = ot_graph_in (g, e, &n);
  double total = 0;
  for (guint32 k = 0; k < n; k++)
    {
      const OtRelation *r = OT_RELATION (cx->ds, in[k]);
      if (r->from == r->to || !ot_relation_valid_on (r, cx->as_of)
          || (r->type != OT_REL_OWNS && r->type != OT_REL_CONTROLS
              && r->type != OT_REL_MANUFACTURES))
        continue;
      double lo = r->share.form == OT_SHARE_NONE ? 0 : r->share.min;
      double hi = r->share.form == OT_SHARE_NONE ? 100 : r->share.max;
      /* one holding per owner: the range spanning its relations (in(e) is by owner) */
      Edge *same = NULL;
      for (guint j = edges->len; r->type == OT_REL_OWNS && j > 0; j--)
        {
          Edge *prev = &g_array_index (edges, Edge, j - 1);
          if (prev->up != r->from)
            break;
          if (prev->type == OT_REL_OWNS)
            same = prev;
        }
      if (same != NULL)
        {
          total -= same->min;
          same->min = MIN (same->min, lo);
          same->max = MAX (same->max, hi);
          same->n++;
          total += same->min;
          continue;
        }
      Edge edge = { r->from, in[k], 1, lo, hi, r->type };
      g_array_append_val (edges, edge);
      if (r->type == OT_REL_OWNS)
        total += lo;
    }
  if (total > 100 + 1e-9 && g_hash_table_add (cx->flagged, GUINT_TO_POINTER (e + 1)))
    g_ptr_array_add (cx->flags,
                     g_strdup_printf ("the shares held in %s add up to at least %.10g %%, more "
                                      "than 100 %%",
                                      OT_ENTITY (cx->ds, e)->id, total));
  const guint32 *out = ot_graph_out (g, e, &n);
  for (guint32 k = 0; k < n; k++)
    {
      const OtRelation *r = OT_RELATION (cx->ds, out[k]);
      if (r->from == r->to || !ot_relation_valid_on (r, cx->as_of)
          || (r->type != OT_REL_BRAND_OF && r->type != OT_REL_PRODUCT_OF))
        continue;
      Edge edge = { r->to, out[k], 1, 100, 100, r->type };
      g_array_append_val (edges, edge);
    }
  g_array_sort_with_data (edges, edge_cmp, (gpointer)cx->ds);
  return edges;
}

static gboolean
on_way_up (Ctx *cx, guint row, guint32 e)
{
  for (gint64 i = row; i >= 0; i = g_array_index (cx->rows, Row, i).parent)
    if (g_array_index (cx->rows, Row, i).entity == e)
      return TRUE;
  return FALSE;
}

static void
walk (Ctx *cx, guint row_index)
{
  Row parent = g_array_index (cx->rows, Row, row_index);
  g_autoptr (GArray) edges = edges_up (cx, parent.entity);
  for (guint i = 0; i < edges->len; i++)
    {
      const Edge *ed = &g_array_index (edges, Edge, i);
      if (cx->rows->len >= MAX_ROWS)
        {
          cx->truncated++;
          continue;
        }
      Row row = {
        .entity = ed->up,
        .depth = parent.depth + 1,
        .parent = row_index,
        .relation = ed->relation,
        .n_relations = ed->n,
        .min = ed->min,
        .max = ed->max,
        .owns = ed->type == OT_REL_OWNS,
      };
      gboolean passes
          = ed->type == OT_REL_OWNS || ed->type == OT_REL_BRAND_OF || ed->type == OT_REL_PRODUCT_OF;
      if (parent.has_look && passes)
        {
          row.has_look = TRUE;
          row.look_min = parent.look_min * ed->min / 100;
          row.look_max = parent.look_max * ed->max / 100;
        }
      row.cycle = on_way_up (cx, row_index, ed->up);
      g_array_append_val (cx->rows, row);
      if (!row.cycle)
        walk (cx, cx->rows->len - 1);
    }
}

static char *
percent (double lo, double hi)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  /* look-through products carry long fractions: four significant digits are plenty */
  g_ascii_formatd (a, sizeof a, "%.4g", lo);
  g_ascii_formatd (b, sizeof b, "%.4g", hi);
  if (ABS (hi - lo) < 1e-9)
    return g_strdup_printf ("%s %%", a);
  return g_strdup_printf ("%s–%s %%", a, b);
}

static char *
relation_cell (const Ctx *cx, const Row *row)
{
  const OtRelation *r = OT_RELATION (cx->ds, row->relation);
  if (!row->owns)
    return g_strdup (ot_rel_name (r->type));
  if (row->n_relations > 1)
    {
      g_autofree char *range = percent (row->min, row->max);
      return g_strdup_printf ("owns %s (%u records)", range, row->n_relations);
    }
  g_autofree char *share = ot_share_format (&r->share);
  return g_strdup_printf ("owns %s", share);
}

static const char *
status_word (OtReachStatus s)
{
  return s == OT_REACH_RESTRICTED ? "restricted" : s == OT_REACH_POSSIBLY ? "possibly" : "-";
}

static void
pad (GString *out, const char *cell, gsize width)
{
  g_string_append (out, cell);
  for (gsize n = g_utf8_strlen (cell, -1); n < width + 2; n++)
    g_string_append_c (out, ' ');
}

static void
print_text (Ctx *cx)
{
  guint n_lists = ot_trace_n_lists (cx->trace);
  guint n = cx->rows->len;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint n_cols = 3 + n_lists;
  g_autofree gsize *width = g_new0 (gsize, n_cols);
  /* header */
  g_ptr_array_add (cells, g_strdup ("owner"));
  g_ptr_array_add (cells, g_strdup ("direct"));
  g_ptr_array_add (cells, g_strdup ("look-through"));
  for (guint l = 0; l < n_lists; l++)
    g_ptr_array_add (cells, g_strdup (ot_reach_list (ot_trace_reach (cx->trace, l))->id));
  for (guint i = 0; i < n; i++)
    {
      const Row *row = &g_array_index (cx->rows, Row, i);
      const OtEntity *e = OT_ENTITY (cx->ds, row->entity);
      g_autoptr (GString) label = g_string_new (NULL);
      for (guint d = 1; d < row->depth; d++)
        g_string_append (label, "  ");
      if (row->depth > 0)
        g_string_append (label, "└ ");
      g_string_append (label, e->id);
      if (row->cycle)
        g_string_append (label, " (cycle)");
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&label), FALSE));
      g_ptr_array_add (cells, row->depth == 0 ? g_strdup ("") : relation_cell (cx, row));
      g_ptr_array_add (cells, row->depth == 0 ? g_strdup ("")
                              : row->has_look ? percent (row->look_min, row->look_max)
                                              : g_strdup ("-"));
      for (guint l = 0; l < n_lists; l++)
        g_ptr_array_add (cells, g_strdup (status_word (
                                    ot_reach_status (ot_trace_reach (cx->trace, l), row->entity))));
    }
  for (guint i = 0; i <= n; i++)
    for (guint c = 0; c < n_cols; c++)
      width[c]
          = MAX (width[c], (gsize)g_utf8_strlen (g_ptr_array_index (cells, i * n_cols + c), -1));
  g_autoptr (GString) out = g_string_new (NULL);
  const OtEntity *root = OT_ENTITY (cx->ds, g_array_index (cx->rows, Row, 0).entity);
  char d[11];
  g_string_append_printf (out, "owners of %s (%s) as of %s\n", root->id, root->name,
                          ot_date_format (cx->as_of, d));
  for (guint i = 0; i <= n; i++)
    {
      for (guint c = 0; c < n_cols; c++)
        pad (out, g_ptr_array_index (cells, i * n_cols + c), width[c]);
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
  if (cx->truncated > 0)
    g_string_append_printf (out, "… %u more not shown\n", cx->truncated);
  for (guint i = 0; i < cx->flags->len; i++)
    g_string_append_printf (out, "warning: %s\n", (const char *)g_ptr_array_index (cx->flags, i));
  fputs (out->str, stdout);
}

static void
add_range (JsonBuilder *b, gboolean has, double lo, double hi)
{
  if (!has)
    {
      json_builder_add_null_value (b);
      return;
    }
  if (ABS (hi - lo) < 1e-12)
    {
      json_builder_add_double_value (b, lo);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "at_least");
  json_builder_add_double_value (b, lo);
  json_builder_set_member_name (b, "at_most");
  json_builder_add_double_value (b, hi);
  json_builder_end_object (b);
}

static void
print_json (Ctx *cx)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint n_lists = ot_trace_n_lists (cx->trace);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "entity");
  json_builder_add_value (b, ot_entity_to_json (cx->ds, g_array_index (cx->rows, Row, 0).entity));
  json_builder_set_member_name (b, "owners");
  json_builder_begin_array (b);
  for (guint i = 1; i < cx->rows->len; i++)
    {
      const Row *row = &g_array_index (cx->rows, Row, i);
      const Row *parent = &g_array_index (cx->rows, Row, row->parent);
      OtStep step = {
        .relation = row->relation, .n_holding = row->n_relations, .min = row->min, .max = row->max
      };
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, OT_ENTITY (cx->ds, row->entity)->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, OT_ENTITY (cx->ds, row->entity)->name);
      json_builder_set_member_name (b, "of");
      json_builder_add_string_value (b, OT_ENTITY (cx->ds, parent->entity)->id);
      json_builder_set_member_name (b, "depth");
      json_builder_add_int_value (b, row->depth);
      json_builder_set_member_name (b, "relation");
      json_builder_add_value (b, ot_step_to_json (cx->ds, &step));
      json_builder_set_member_name (b, "look_through");
      add_range (b, row->has_look, row->look_min, row->look_max);
      json_builder_set_member_name (b, "cycle");
      json_builder_add_boolean_value (b, row->cycle);
      json_builder_set_member_name (b, "status");
      json_builder_begin_object (b);
      for (guint l = 0; l < n_lists; l++)
        {
          const OtReach *re = ot_trace_reach (cx->trace, l);
          json_builder_set_member_name (b, ot_reach_list (re)->id);
          json_builder_add_string_value (b,
                                         ot_reach_status_name (ot_reach_status (re, row->entity)));
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < cx->flags->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (cx->flags, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "checked");
  json_builder_add_value (b, ot_trace_checked_json (cx->trace));
  json_builder_end_object (b);
  g_autoptr (JsonNode) node = json_builder_get_root (b);
  g_autofree char *text = ot_json_to_string (node);
  printf ("%s\n", text);
}

static OtExit
print_owners (OtTrace *trace, const char *name, gboolean json)
{
  const OtDataset *ds = ot_trace_dataset (trace);
  g_auto (OtResolution) res = { 0 };
  if (!ot_resolve (ot_trace_resolver (trace), name, &res))
    {
      g_autoptr (GString) out = g_string_new (NULL);
      ot_resolution_format (out, ds, name, &res, NULL, NULL);
      fputs (out->str, stdout);
      return OT_EXIT_UNRESOLVED;
    }
  Ctx cx = {
    .trace = trace,
    .ds = ds,
    .as_of = ot_trace_as_of (trace),
    .rows = g_array_new (FALSE, TRUE, sizeof (Row)),
    .flags = g_ptr_array_new_with_free_func (g_free),
    .flagged = g_hash_table_new (NULL, NULL),
  };
  Row root
      = { .entity = res.entity, .parent = -1, .has_look = TRUE, .look_min = 100, .look_max = 100 };
  g_array_append_val (cx.rows, root);
  walk (&cx, 0);
  if (json)
    print_json (&cx);
  else
    print_text (&cx);
  g_array_unref (cx.rows);
  g_ptr_array_unref (cx.flags);
  g_hash_table_unref (cx.flagged);
  return OT_EXIT_CLEAR;
}

OtExit
ot_cmd_owners (int argc, char **argv, GError **error)
{
  g_auto (OtCliCommon) common = { 0 };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("NAME");
  g_option_context_set_summary (context, "Show who owns NAME, directly or not: direct and "
                                         "look-through shares, and which owners each list "
                                         "reaches.");
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
  return print_owners (trace, argv[1], json);
}
