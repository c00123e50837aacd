/* OtGraph: the graph view of a finished dataset. Vertices are entities and edges relations,
 * by the same indices; igraph (only in graph*.c) answers the path questions, and compact
 * adjacency arrays serve the reach fixpoint, which visits every edge of millions. */
#ifndef OT_GRAPH_H
#define OT_GRAPH_H

#include <glib.h>

#include "model.h"

G_BEGIN_DECLS

typedef struct _OtGraph OtGraph;

/* Installs igraph's error and warning handlers (errors become GError, warnings g_debug).
 * Every main() calls it once, before any other ot_graph_* function. */
void ot_graph_library_init (void);

/* Builds the graph of dataset, which must be finished with every relation resolved and must
 * outlive the graph. Returns NULL with OT_ERROR_GRAPH when igraph refuses; free with
 * ot_graph_free. */
OtGraph *ot_graph_new (const OtDataset *dataset, GError **error);
void ot_graph_free (OtGraph *graph);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtGraph, ot_graph_free)

const OtDataset *ot_graph_dataset (const OtGraph *graph);

/* The relations leaving (out) or entering (in) entity, as relation indices, borrowed; *n is
 * set to their number. Leaving relations are in file order; entering relations are ordered
 * by their `from` entity, then file order, so that the relations of one pair are adjacent. */
const guint32 *ot_graph_out (const OtGraph *graph, guint32 entity, guint32 *n);
const guint32 *ot_graph_in (const OtGraph *graph, guint32 entity, guint32 *n);

/* Up to max_paths shortest paths between from and to over the relations valid on date
 * (OT_DATE_NONE: all), each relation walked in either direction; shortest first. Returns a
 * GPtrArray of GArray of guint32 relation indices, each path's steps in order from `from`
 * (empty when there is none; the caller frees). NULL with OT_ERROR_GRAPH when igraph fails. */
GPtrArray *ot_graph_paths (const OtGraph *graph, guint32 from, guint32 to, OtDate date,
                           guint max_paths, GError **error);

G_END_DECLS

#endif /* OT_GRAPH_H */
