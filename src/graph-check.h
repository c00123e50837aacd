/* Whole-graph checks for validate that need graph algorithms (igraph stays behind graph*.c). */
#ifndef OT_GRAPH_CHECK_H
#define OT_GRAPH_CHECK_H

#include "model.h"

G_BEGIN_DECLS

/* Warns (a dataset diagnostic) for each ownership cycle among `owns` relations, printing one
 * cycle per strongly connected component ("a -> b -> a"). Relations must be resolved. */
void ot_graph_check_cycles (OtDataset *dataset);

G_END_DECLS

#endif /* OT_GRAPH_CHECK_H */
