/* Verdicts and the evidence behind them: a trace holds the reach of every list of a policy on
 * one date; a verdict says whether one entity (or NAME) is restricted, exposed, clear or
 * unresolved, with, for each list, the chains of stored relations from the listed entity down
 * to it, the aggregated sums, and the list entry. JSON rendering follows DESIGN.md "Output". */
#ifndef OT_TRACE_H
#define OT_TRACE_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "graph.h"
#include "model.h"
#include "resolve.h"
#include "rules.h"

G_BEGIN_DECLS

/* In rising severity for the exit status: restricted > exposed > unresolved > clear. */
typedef enum
{
  OT_LEVEL_CLEAR,
  OT_LEVEL_UNRESOLVED,
  OT_LEVEL_EXPOSED,
  OT_LEVEL_RESTRICTED,
} OtLevel;

const char *ot_level_name (OtLevel level);

typedef enum
{
  OT_REASON_RESTRICTED,
  OT_REASON_POSSIBLY,
  OT_REASON_EXPOSED,
} OtReasonStatus;

const char *ot_reason_status_name (OtReasonStatus status);

/* One step of a chain: a stored relation, and when it stands for a holding of several
 * relations between one pair, that holding's range. */
typedef struct
{
  guint32 relation;
  guint n_holding; /* relations in the holding (owns), 0 for other types */
  double min, max;
  gboolean min_strict, max_strict;
} OtStep;

/* One aggregation of holdings into one entity. Reference-counted (chains share it). */
typedef struct
{
  guint32 owner;
  guint32 relation;
  double value; /* the bound counted: min (restricted) or max (possibly) */
  gboolean strict;
} OtSumPart;

typedef struct
{
  guint32 entity;
  GArray *parts; /* of OtSumPart */
  double total;
  gboolean total_strict;
  double threshold;
  gboolean strict; /* the scope's: "more than" */
  gboolean upper;  /* a possibly sum of upper bounds */
} OtSum;

OtSum *ot_sum_ref (OtSum *sum);
void ot_sum_unref (OtSum *sum);
/* "30 % by X + 20 % by Y = 50 % ≥ 50 %" (owner ids). Free it. */
char *ot_sum_format (const OtSum *sum, const OtDataset *dataset);

typedef struct
{
  guint list; /* index among the trace's lists */
  OtReasonStatus status;
  gint64 entry;    /* index in the list's entries at the chain's root; -1: none */
  GArray *path;    /* of OtStep, from the listed entity down */
  GPtrArray *sums; /* of OtSum, where the chain aggregates (may be empty) */
  OtTieKind tie;   /* EXPOSED: the kind of the last tie */
} OtReason;

typedef struct
{
  char *query;
  OtLevel level;
  OtResolution resolution;
  GPtrArray *reasons; /* of OtReason, by list then status */
} OtVerdict;

void ot_verdict_free (OtVerdict *verdict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtVerdict, ot_verdict_free)

typedef struct _OtTrace OtTrace;

/* Computes the reach of each list of the policies (NULL or empty: every list) on as_of over
 * dataset (finished, with every relation resolved; it must outlive the trace). Fails with
 * OT_ERROR_USAGE for an unknown policy (naming the known ones), OT_ERROR_GRAPH when the graph
 * cannot be built. Free with ot_trace_free. */
OtTrace *ot_trace_new (const OtDataset *dataset, const char *const *policies, OtDate as_of,
                       GError **error);
void ot_trace_free (OtTrace *trace);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtTrace, ot_trace_free)

const OtDataset *ot_trace_dataset (const OtTrace *trace);
const OtGraph *ot_trace_graph (const OtTrace *trace);
OtResolver *ot_trace_resolver (OtTrace *trace);
OtDate ot_trace_as_of (const OtTrace *trace);
guint ot_trace_n_lists (const OtTrace *trace);
const OtReach *ot_trace_reach (const OtTrace *trace, guint i);

/* The verdict on name (resolved first) or on one entity. Free with ot_verdict_free. */
OtVerdict *ot_trace_check (OtTrace *trace, const char *name);
OtVerdict *ot_trace_check_entity (OtTrace *trace, guint32 entity);

/* The reasons reach gives entity its status (restricted or possibly; for NONE, the ties that
 * expose it), as OtReason with list set to list_index; at most max_chains. */
GPtrArray *ot_trace_reasons (const OtTrace *trace, const OtReach *reach, guint list_index,
                             guint32 entity, guint max_chains);
void ot_reason_free (OtReason *reason);

/* The most severe of two levels (for exit statuses). */
OtLevel ot_level_worst (OtLevel a, OtLevel b);

/* JSON: one verdict (DESIGN.md "Output", schemas/verdict.schema.json); the `checked` object
 * (policy, lists, as_of, dataset); an entity; a step; a reason. New floating-free nodes. */
JsonNode *ot_verdict_to_json (const OtTrace *trace, const OtVerdict *verdict);
/* The same verdict as one line of JSON text (no newline), appended to out: the fast path for
 * JSON Lines. */
void ot_verdict_write_json (GString *out, const OtTrace *trace, const OtVerdict *verdict);
JsonNode *ot_trace_checked_json (const OtTrace *trace);
JsonNode *ot_entity_to_json (const OtDataset *dataset, guint32 entity);
JsonNode *ot_reason_to_json (const OtTrace *trace, const OtReason *reason);
JsonNode *ot_share_to_json (const OtShare *share);
JsonNode *ot_step_to_json (const OtDataset *dataset, const OtStep *step);

/* Text for people (no trailing colour codes unless colour). Appended to out. A verdict: the
 * verdict line, the entity, then each reason with its entry, sums and aligned steps. */
void ot_verdict_format (GString *out, const OtTrace *trace, const OtVerdict *verdict,
                        gboolean colour);
void ot_reason_format (GString *out, const OtTrace *trace, const OtReason *reason, gboolean colour);
/* Steps as aligned lines, each starting with indent. */
void ot_steps_format (GString *out, const OtDataset *dataset, const OtStep *steps, guint n,
                      const char *indent);
/* The escape sequence colouring a level's word. */
const char *ot_level_colour (OtLevel level);
/* "checked against POLICY (N lists), as of DATE, dataset of N files, sha256 HASH". Free it. */
char *ot_trace_checked_text (const OtTrace *trace);

/* node as compact JSON text (one line), numbers with at most 15 significant digits. Free it. */
char *ot_json_to_string (JsonNode *node);

/* The policies as given, joined by ", " ("every list" when none). Free it. */
char *ot_trace_policy_text (const OtTrace *trace);

G_END_DECLS

#endif /* OT_TRACE_H */
