/* What the parts of the trace concept (trace.c, trace-json.c, trace-text.c) share. */
#ifndef OT_TRACE_PRIVATE_H
#define OT_TRACE_PRIVATE_H

#include "trace.h"

G_BEGIN_DECLS

struct _OtTrace
{
  const OtDataset *dataset;
  OtGraph *graph;
  OtResolver *resolver;
  OtDate as_of;
  GStrv policies;
  GPtrArray *lists;   /* of const OtList * */
  GPtrArray *reaches; /* of OtReach */
  char *checked_json; /* the `checked` object as JSON text */
};

/* The `checked` object of t as JSON text (trace-json.c). Free it. */
char *ot_trace_checked_json_text (const OtTrace *t);

G_END_DECLS

#endif /* OT_TRACE_PRIVATE_H */
