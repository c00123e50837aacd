/* The graph view of a dataset. The reach fixpoint walks every relation of millions of
 * entities, so the graph keeps its adjacency as two compressed arrays (relation indices by
 * their `from` and by their `to` entity) built with a counting sort: no allocation per vertex.
 * Path questions go to igraph, on a graph of the relations valid on the date asked, built when
 * asked: most commands never need it, and it would double the memory of a large dataset. */
#include "config.h"

#include "graph.h"

#include <igraph.h>

#include "error.h"

static void
vector_int_clear (igraph_vector_int_t *v)
{
  if (v->stor_begin != NULL)
    igraph_vector_int_destroy (v);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (igraph_vector_int_t, vector_int_clear)

static void
vector_int_list_clear (igraph_vector_int_list_t *v)
{
  if (v->stor_begin != NULL)
    igraph_vector_int_list_destroy (v);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (igraph_vector_int_list_t, vector_int_list_clear)

static void
graph_clear (igraph_t *g)
{
  if (g->from.stor_begin != NULL)
    igraph_destroy (g);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (igraph_t, graph_clear)

static char igraph_reason[256]; /* innermost reason of the current failure; main thread only */

static void
on_igraph_error (const char *reason, const char *file, int line, igraph_error_t code)
{
  if (igraph_reason[0] == '\0' && reason != NULL) /* outer frames pass "" */
    g_strlcpy (igraph_reason, reason, sizeof igraph_reason);
  IGRAPH_FINALLY_FREE (); /* required by igraph; may invalidate reason */
}

static void
on_igraph_warning (const char *reason, const char *file, int line)
{
  g_debug ("igraph: %s (%s:%d)", reason, file, line);
}

static gboolean
igraph_ok (igraph_error_t code, const char *what, GError **error)
{
  if (code != IGRAPH_SUCCESS)
    ot_error_set (error, OT_ERROR_GRAPH, "%s: %s", what,
                  igraph_reason[0] ? igraph_reason : igraph_strerror (code));
  igraph_reason[0] = '\0';
  return code == IGRAPH_SUCCESS;
}

void
ot_graph_library_init (void)
{
  igraph_set_error_handler (on_igraph_error);
  igraph_set_warning_handler (on_igraph_warning);
}

struct _OtGraph
{
  const OtDataset *dataset;
  guint32 n_entities;
  guint32 *out_start; /* n_entities + 1 offsets into out_rel */
  guint32 *out_rel;
  guint32 *in_start;
  guint32 *in_rel;
};

/* Counting sort of relation indices by one endpoint (primary); within an endpoint, by the
 * other (secondary, when given), then by index, so that the relations of one pair are
 * adjacent. Two passes of the counting sort: first by the secondary key, then stably by the
 * primary. The
 * endpoints come in compact arrays: reading them from the relation records each pass cost
 * more than the sort. */
static void
bucket (const guint32 *primary, const guint32 *secondary, guint32 n, guint32 m, guint32 **start_out,
        guint32 **rel_out)
{
  guint32 *start = g_new0 (guint32, n + 1);
  guint32 *rel = g_new (guint32, m ? m : 1);
  g_autofree guint32 *tmp = g_new (guint32, m ? m : 1);
  g_autofree guint32 *pos = g_new (guint32, n + 1);

  if (secondary != NULL)
    {
      for (guint32 i = 0; i < m; i++)
        start[secondary[i] + 1]++;
      for (guint32 v = 0; v < n; v++)
        start[v + 1] += start[v];
      memcpy (pos, start, sizeof (guint32) * (n + 1));
      for (guint32 i = 0; i < m; i++)
        tmp[pos[secondary[i]]++] = i;
    }
  else
    for (guint32 i = 0; i < m; i++)
      tmp[i] = i;

  memset (start, 0, sizeof (guint32) * (n + 1));
  for (guint32 i = 0; i < m; i++)
    start[primary[i] + 1]++;
  for (guint32 v = 0; v < n; v++)
    start[v + 1] += start[v];
  memcpy (pos, start, sizeof (guint32) * (n + 1));
  for (guint32 k = 0; k < m; k++)
    rel[pos[primary[tmp[k]]]++] = tmp[k];
  *start_out = start;
  *rel_out = rel;
}

OtGraph *
ot_graph_new (const OtDataset *dataset, GError **error)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  guint32 n = dataset->entities->len;
  guint32 m = dataset->relations->len;
  g_autofree guint32 *from = g_new (guint32, m ? m : 1);
  g_autofree guint32 *to = g_new (guint32, m ? m : 1);
  for (guint32 i = 0; i < m; i++)
    {
      const OtRelation *r = OT_RELATION (dataset, i);
      if (r->from >= n || r->to >= n)
        {
          ot_error_set (error, OT_ERROR_GRAPH, "relation %s %s %s is not resolved", r->from_id,
                        ot_rel_name (r->type), r->to_id);
          return NULL;
        }
      from[i] = r->from;
      to[i] = r->to;
    }
  OtGraph *graph = g_new0 (OtGraph, 1);
  graph->dataset = dataset;
  graph->n_entities = n;
  bucket (from, NULL, n, m, &graph->out_start, &graph->out_rel); /* by index is enough */
  bucket (to, from, n, m, &graph->in_start, &graph->in_rel);
  return graph;
}

void
ot_graph_free (OtGraph *graph)
{
  if (graph == NULL)
    return;
  g_free (graph->out_start);
  g_free (graph->out_rel);
  g_free (graph->in_start);
  g_free (graph->in_rel);
  g_free (graph);
}

const OtDataset *
ot_graph_dataset (const OtGraph *graph)
{
  return graph->dataset;
}

const guint32 *
ot_graph_out (const OtGraph *graph, guint32 entity, guint32 *n)
{
  g_return_val_if_fail (entity < graph->n_entities, NULL);
  *n = graph->out_start[entity + 1] - graph->out_start[entity];
  return graph->out_rel + graph->out_start[entity];
}

const guint32 *
ot_graph_in (const OtGraph *graph, guint32 entity, guint32 *n)
{
  g_return_val_if_fail (entity < graph->n_entities, NULL);
  *n = graph->in_start[entity + 1] - graph->in_start[entity];
  return graph->in_rel + graph->in_start[entity];
}

GPtrArray *
ot_graph_paths (const OtGraph *graph, guint32 from, guint32 to, OtDate date, guint max_paths,
                GError **error)
{
  g_return_val_if_fail (from < graph->n_entities && to < graph->n_entities, NULL);
  const OtDataset *ds = graph->dataset;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  if (from == to || max_paths == 0)
    return g_steal_pointer (&paths);

  /* the relations valid on date; edge k of the igraph graph is relation rel_of[k] */
  g_autoptr (GArray) rel_of = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_auto (igraph_vector_int_t) edges = { 0 };
  if (!igraph_ok (igraph_vector_int_init (&edges, 0), "cannot build the graph", error))
    return NULL;
  for (guint32 i = 0; i < ds->relations->len; i++)
    {
      const OtRelation *r = OT_RELATION (ds, i);
      if (!ot_relation_valid_on (r, date) || r->from == r->to)
        continue;
      if (!igraph_ok (igraph_vector_int_push_back (&edges, r->from), "cannot build the graph",
                      error)
          || !igraph_ok (igraph_vector_int_push_back (&edges, r->to), "cannot build the graph",
                         error))
        return NULL;
      g_array_append_val (rel_of, i);
    }
  g_auto (igraph_t) g = { 0 };
  if (!igraph_ok (igraph_create (&g, &edges, graph->n_entities, IGRAPH_DIRECTED),
                  "cannot build the graph", error))
    return NULL;
  g_auto (igraph_vector_int_list_t) edge_paths = { 0 };
  if (!igraph_ok (igraph_vector_int_list_init (&edge_paths, 0), "cannot find paths", error))
    return NULL;
  if (!igraph_ok (igraph_get_k_shortest_paths (&g, NULL, NULL, &edge_paths, max_paths, from, to,
                                               IGRAPH_ALL),
                  "cannot find paths", error))
    return NULL;
  for (igraph_integer_t p = 0; p < igraph_vector_int_list_size (&edge_paths); p++)
    {
      const igraph_vector_int_t *ep = igraph_vector_int_list_get_ptr (&edge_paths, p);
      GArray *path
          = g_array_sized_new (FALSE, FALSE, sizeof (guint32), igraph_vector_int_size (ep));
      for (igraph_integer_t k = 0; k < igraph_vector_int_size (ep); k++)
        {
          guint32 rel = g_array_index (rel_of, guint32, VECTOR (*ep)[k]);
          g_array_append_val (path, rel);
        }
      g_ptr_array_add (paths, path);
    }
  return g_steal_pointer (&paths);
}
