/* Ownership cycles for validate: strongly connected components of the `owns` graph (igraph),
 * and one cycle through each, found by a breadth-first search inside the component. */
#include "config.h"

#include "graph-check.h"

#include <igraph.h>

static void
print_cycle (OtDataset *ds, const igraph_t *g, const igraph_vector_int_t *membership,
             igraph_integer_t start)
{
  igraph_integer_t n = igraph_vcount (g);
  igraph_integer_t comp = VECTOR (*membership)[start];
  g_autofree igraph_integer_t *parent = g_new (igraph_integer_t, n);
  for (igraph_integer_t i = 0; i < n; i++)
    parent[i] = -1;
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (igraph_integer_t));
  g_array_append_val (queue, start);
  igraph_integer_t last = -1;
  igraph_vector_int_t out;
  igraph_vector_int_init (&out, 0);
  for (guint head = 0; head < queue->len && last < 0; head++)
    {
      igraph_integer_t v = g_array_index (queue, igraph_integer_t, head);
      igraph_neighbors (g, &out, v, IGRAPH_OUT);
      for (igraph_integer_t k = 0; k < igraph_vector_int_size (&out); k++)
        {
          igraph_integer_t w = VECTOR (out)[k];
          if (VECTOR (*membership)[w] != comp)
            continue;
          if (w == start)
            {
              last = v;
              break;
            }
          if (parent[w] == -1)
            {
              parent[w] = v;
              g_array_append_val (queue, w);
            }
        }
    }
  igraph_vector_int_destroy (&out);
  if (last < 0)
    return;
  /* walk back from last to start, then print forwards */
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (igraph_integer_t v = last; v != start; v = parent[v])
    g_ptr_array_add (names, (gpointer)OT_ENTITY (ds, v)->id);
  g_autoptr (GString) text = g_string_new (OT_ENTITY (ds, start)->id);
  for (guint i = names->len; i > 0; i--)
    g_string_append_printf (text, " -> %s", (const char *)g_ptr_array_index (names, i - 1));
  g_string_append_printf (text, " -> %s", OT_ENTITY (ds, start)->id);
  ot_dataset_diag (ds, &OT_ENTITY (ds, start)->loc, OT_SEVERITY_WARNING, "ownership cycle: %s",
                   text->str);
}

void
ot_graph_check_cycles (OtDataset *ds)
{
  igraph_vector_int_t edges;
  igraph_vector_int_init (&edges, 0);
  for (guint i = 0; i < ds->relations->len; i++)
    {
      const OtRelation *r = OT_RELATION (ds, i);
      if (r->type != OT_REL_OWNS)
        continue;
      igraph_vector_int_push_back (&edges, r->from);
      igraph_vector_int_push_back (&edges, r->to);
    }
  igraph_t g;
  if (igraph_create (&g, &edges, ds->entities->len, IGRAPH_DIRECTED) != IGRAPH_SUCCESS)
    {
      igraph_vector_int_destroy (&edges);
      return;
    }
  igraph_vector_int_destroy (&edges);
  igraph_vector_int_t membership, sizes;
  igraph_vector_int_init (&membership, 0);
  igraph_vector_int_init (&sizes, 0);
  igraph_integer_t n_comp = 0;
  if (igraph_connected_components (&g, &membership, &sizes, &n_comp, IGRAPH_STRONG)
      == IGRAPH_SUCCESS)
    {
      g_autofree guint8 *done = g_new0 (guint8, n_comp ? n_comp : 1);
      for (igraph_integer_t v = 0; v < igraph_vcount (&g); v++)
        {
          igraph_integer_t c = VECTOR (membership)[v];
          if (done[c])
            continue;
          igraph_bool_t loop = FALSE;
          if (VECTOR (sizes)[c] == 1)
            {
              igraph_integer_t eid;
              igraph_get_eid (&g, &eid, v, v, IGRAPH_DIRECTED, FALSE);
              loop = eid >= 0;
            }
          if (VECTOR (sizes)[c] > 1 || loop)
            {
              done[c] = 1;
              print_cycle (ds, &g, &membership, v);
            }
        }
    }
  igraph_vector_int_destroy (&membership);
  igraph_vector_int_destroy (&sizes);
  igraph_destroy (&g);
}
