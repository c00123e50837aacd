/* Verdicts and evidence chains. The reach of each list is computed once per trace; a verdict
 * then asks each reach for the entity's status and follows the reasons upward (ot_reach_why)
 * to the list entries, building chains from the listed entity down. Chains are memoised per
 * entity and status and capped, so a lattice of diamonds does not explode into every path. */
#include "config.h"

#include "trace-private.h"
#include "trace.h"

#include <string.h>

#include "error.h"

#define MAX_CHAINS 8

const char *
ot_level_name (OtLevel level)
{
  static const char *const names[] = {
    [OT_LEVEL_CLEAR] = "clear",
    [OT_LEVEL_UNRESOLVED] = "unresolved",
    [OT_LEVEL_EXPOSED] = "exposed",
    [OT_LEVEL_RESTRICTED] = "restricted",
  };
  return names[level];
}

const char *
ot_reason_status_name (OtReasonStatus status)
{
  static const char *const names[] = {
    [OT_REASON_RESTRICTED] = "restricted",
    [OT_REASON_POSSIBLY] = "possibly",
    [OT_REASON_EXPOSED] = "exposed",
  };
  return names[status];
}

OtLevel
ot_level_worst (OtLevel a, OtLevel b)
{
  return a > b ? a : b;
}

/* Sums */

OtSum *
ot_sum_ref (OtSum *sum)
{
  return g_atomic_rc_box_acquire (sum);
}

static void
sum_clear (gpointer data)
{
  OtSum *sum = data;
  g_clear_pointer (&sum->parts, g_array_unref);
}

void
ot_sum_unref (OtSum *sum)
{
  g_atomic_rc_box_release_full (sum, sum_clear);
}

static char *
number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  /* shares carry a few decimals: round away binary noise from sums */
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

char *
ot_sum_format (const OtSum *sum, const OtDataset *ds)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < sum->parts->len; i++)
    {
      const OtSumPart *p = &g_array_index (sum->parts, OtSumPart, i);
      g_autofree char *v = number (p->value);
      if (i > 0)
        g_string_append (s, " + ");
      if (sum->upper)
        g_string_append_printf (s, "%s%s %% by %s", p->strict ? "< " : "up to ", v,
                                OT_ENTITY (ds, p->owner)->id);
      else
        g_string_append_printf (s, "%s%s %% by %s", p->strict ? "> " : "", v,
                                OT_ENTITY (ds, p->owner)->id);
    }
  g_autofree char *total = number (sum->total);
  g_autofree char *threshold = number (sum->threshold);
  if (sum->upper)
    g_string_append_printf (s, " = %s%s %%, could be %s %s %%", sum->total_strict ? "< " : "up to ",
                            total, sum->strict ? ">" : "≥", threshold);
  else
    g_string_append_printf (s, " = %s%s %% %s %s %%", sum->total_strict ? "> " : "", total,
                            sum->strict ? ">" : "≥", threshold);
  return g_string_free (s, FALSE);
}

/* Chains: a root entry and the steps down from it */

typedef struct
{
  gint64 entry;
  GArray *steps;   /* of OtStep */
  GPtrArray *sums; /* of OtSum */
} Chain;

static void
chain_free (Chain *c)
{
  g_array_unref (c->steps);
  g_ptr_array_unref (c->sums);
  g_free (c);
}

static Chain *
chain_new (gint64 entry)
{
  Chain *c = g_new0 (Chain, 1);
  c->entry = entry;
  c->steps = g_array_new (FALSE, FALSE, sizeof (OtStep));
  c->sums = g_ptr_array_new_with_free_func ((GDestroyNotify)ot_sum_unref);
  return c;
}

static Chain *
chain_extend (const Chain *c, const OtStep *step, OtSum *sum)
{
  Chain *d = chain_new (c->entry);
  g_array_append_vals (d->steps, c->steps->data, c->steps->len);
  g_array_append_val (d->steps, *step);
  for (guint i = 0; i < c->sums->len; i++)
    g_ptr_array_add (d->sums, ot_sum_ref (g_ptr_array_index (c->sums, i)));
  if (sum != NULL)
    g_ptr_array_add (d->sums, ot_sum_ref (sum));
  return d;
}

typedef struct
{
  const OtReach *reach;
  const OtDataset *ds;
  guint max;
  GHashTable *memo; /* (entity << 2 | status) -> GPtrArray of Chain */
} ChainCtx;

static GPtrArray *chains_of (ChainCtx *cx, guint32 e, OtReachStatus status);

static OtStep
plain_step (guint32 relation)
{
  OtStep s = { .relation = relation };
  return s;
}

static GPtrArray *
compute_chains (ChainCtx *cx, guint32 e, OtReachStatus status)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)chain_free);
  g_auto (OtWhy) why = { 0 };
  if (!ot_reach_why (cx->reach, e, status, &why))
    return out;
  switch (why.rule)
    {
    case OT_WHY_ENTRY:
      g_ptr_array_add (out, chain_new (why.entry));
      return out;
    case OT_WHY_EXTRA:
      g_ptr_array_add (out, chain_new (-1));
      return out;
    case OT_WHY_OWNERSHIP:
      {
        OtSum *sum = NULL;
        if (why.holdings->len > 1)
          {
            sum = g_atomic_rc_box_new0 (OtSum);
            sum->entity = e;
            sum->parts = g_array_new (FALSE, FALSE, sizeof (OtSumPart));
            sum->total = why.sum;
            sum->total_strict = why.sum_strict;
            sum->threshold = why.threshold;
            sum->strict = why.strict;
            sum->upper = status == OT_REACH_POSSIBLY;
            for (guint i = 0; i < why.holdings->len; i++)
              {
                const OtHolding *h = &g_array_index (why.holdings, OtHolding, i);
                OtSumPart part = {
                  .owner = h->owner,
                  .relation = h->relation,
                  .value = sum->upper ? h->max : h->min,
                  .strict = sum->upper ? h->max_strict : h->min_strict,
                };
                g_array_append_val (sum->parts, part);
              }
          }
        for (guint i = 0; i < why.holdings->len && out->len < cx->max; i++)
          {
            const OtHolding *h = &g_array_index (why.holdings, OtHolding, i);
            OtStep step = {
              .relation = h->relation,
              .n_holding = h->relations->len,
              .min = h->min,
              .max = h->max,
              .min_strict = h->min_strict,
              .max_strict = h->max_strict,
            };
            GPtrArray *up = chains_of (cx, h->owner, h->owner_status);
            for (guint k = 0; k < up->len && out->len < cx->max; k++)
              g_ptr_array_add (out, chain_extend (g_ptr_array_index (up, k), &step, sum));
          }
        if (sum != NULL)
          ot_sum_unref (sum);
        return out;
      }
    default:
      {
        OtStep step = plain_step (why.relation);
        GPtrArray *up = chains_of (cx, why.upstream, why.upstream_status);
        for (guint k = 0; k < up->len && out->len < cx->max; k++)
          g_ptr_array_add (out, chain_extend (g_ptr_array_index (up, k), &step, NULL));
        return out;
      }
    }
}

static GPtrArray *
chains_of (ChainCtx *cx, guint32 e, OtReachStatus status)
{
  gpointer key = GSIZE_TO_POINTER (((gsize)e << 2) | status);
  GPtrArray *found = g_hash_table_lookup (cx->memo, key);
  if (found != NULL)
    return found;
  GPtrArray *chains = compute_chains (cx, e, status);
  g_hash_table_insert (cx->memo, key, chains);
  return chains;
}

void
ot_reason_free (OtReason *r)
{
  if (r == NULL)
    return;
  g_clear_pointer (&r->path, g_array_unref);
  g_clear_pointer (&r->sums, g_ptr_array_unref);
  g_free (r);
}

static OtReason *
reason_from_chain (guint list, OtReasonStatus status, const Chain *c)
{
  OtReason *r = g_new0 (OtReason, 1);
  r->list = list;
  r->status = status;
  r->entry = c->entry;
  r->path = g_array_ref (c->steps);
  r->sums = g_ptr_array_ref (c->sums);
  return r;
}

GPtrArray *
ot_trace_reasons (const OtTrace *trace, const OtReach *reach, guint list_index, guint32 e,
                  guint max_chains)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)ot_reason_free);
  ChainCtx cx = {
    .reach = reach,
    .ds = trace->dataset,
    .max = max_chains ? max_chains : MAX_CHAINS,
    .memo = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref),
  };
  OtReachStatus st = ot_reach_status (reach, e);
  if (st != OT_REACH_NONE)
    {
      GPtrArray *chains = chains_of (&cx, e, st);
      for (guint k = 0; k < chains->len; k++)
        g_ptr_array_add (out, reason_from_chain (list_index,
                                                 st == OT_REACH_RESTRICTED ? OT_REASON_RESTRICTED
                                                                           : OT_REASON_POSSIBLY,
                                                 g_ptr_array_index (chains, k)));
    }
  else
    {
      g_autoptr (GArray) ties = ot_reach_ties (reach, e);
      for (guint i = 0; i < ties->len && out->len < cx.max; i++)
        {
          const OtTie *tie = &g_array_index (ties, OtTie, i);
          if (tie->kind == OT_TIE_REMOVED)
            {
              OtReason *r = g_new0 (OtReason, 1);
              r->list = list_index;
              r->status = OT_REASON_EXPOSED;
              r->entry = tie->entry;
              r->tie = tie->kind;
              r->path = g_array_new (FALSE, FALSE, sizeof (OtStep));
              r->sums = g_ptr_array_new_with_free_func ((GDestroyNotify)ot_sum_unref);
              g_ptr_array_add (out, r);
              continue;
            }
          OtStep step = plain_step (tie->relation);
          GPtrArray *up = chains_of (&cx, tie->upstream, ot_reach_status (reach, tie->upstream));
          for (guint k = 0; k < up->len && out->len < cx.max; k++)
            {
              g_autoptr (GPtrArray) one
                  = g_ptr_array_new_with_free_func ((GDestroyNotify)chain_free);
              g_ptr_array_add (one, chain_extend (g_ptr_array_index (up, k), &step, NULL));
              OtReason *r
                  = reason_from_chain (list_index, OT_REASON_EXPOSED, g_ptr_array_index (one, 0));
              r->tie = tie->kind;
              g_ptr_array_add (out, r);
            }
        }
    }
  g_hash_table_unref (cx.memo);
  return out;
}

/* Traces */

OtTrace *
ot_trace_new (const OtDataset *dataset, const char *const *policies, OtDate as_of, GError **error)
{
  g_autoptr (GPtrArray) lists = g_ptr_array_new ();
  if (policies != NULL && policies[0] != NULL)
    {
      for (guint i = 0; policies[i] != NULL; i++)
        {
          const OtPolicy *p = ot_dataset_policy (dataset, policies[i]);
          if (p == NULL)
            {
              g_autoptr (GString) known = g_string_new (NULL);
              for (guint k = 0; k < dataset->policies->len; k++)
                g_string_append_printf (known, "%s%s", k ? ", " : "",
                                        g_array_index (dataset->policies, OtPolicy, k).id);
              ot_error_set (error, OT_ERROR_USAGE, "unknown policy '%s'; known: %s", policies[i],
                            known->len ? known->str : "none");
              return NULL;
            }
          for (guint k = 0; p->lists != NULL && k < p->lists->len; k++)
            {
              const OtList *l = ot_dataset_list (dataset, g_ptr_array_index (p->lists, k));
              if (l != NULL && !g_ptr_array_find (lists, l, NULL))
                g_ptr_array_add (lists, (gpointer)l);
            }
        }
    }
  else
    for (guint k = 0; k < dataset->lists->len; k++)
      g_ptr_array_add (lists, &g_array_index (dataset->lists, OtList, k));

  OtGraph *graph = ot_graph_new (dataset, error);
  if (graph == NULL)
    return NULL;
  OtTrace *t = g_new0 (OtTrace, 1);
  t->dataset = dataset;
  t->graph = graph;
  t->as_of = as_of;
  t->policies = g_strdupv ((char **)policies);
  t->lists = g_steal_pointer (&lists);
  t->reaches = g_ptr_array_new_with_free_func ((GDestroyNotify)ot_reach_free);
  for (guint i = 0; i < t->lists->len; i++)
    g_ptr_array_add (t->reaches,
                     ot_reach_new (graph, g_ptr_array_index (t->lists, i), as_of, NULL, 0));
  t->checked_json = ot_trace_checked_json_text (t);
  return t;
}

void
ot_trace_free (OtTrace *t)
{
  if (t == NULL)
    return;
  g_clear_pointer (&t->reaches, g_ptr_array_unref);
  g_clear_pointer (&t->lists, g_ptr_array_unref);
  g_clear_pointer (&t->resolver, ot_resolver_free);
  g_clear_pointer (&t->graph, ot_graph_free);
  g_strfreev (t->policies);
  g_free (t->checked_json);
  g_free (t);
}

const OtDataset *
ot_trace_dataset (const OtTrace *t)
{
  return t->dataset;
}

const OtGraph *
ot_trace_graph (const OtTrace *t)
{
  return t->graph;
}

OtResolver *
ot_trace_resolver (OtTrace *t)
{
  if (t->resolver == NULL)
    t->resolver = ot_resolver_new (t->graph);
  return t->resolver;
}

OtDate
ot_trace_as_of (const OtTrace *t)
{
  return t->as_of;
}

guint
ot_trace_n_lists (const OtTrace *t)
{
  return t->reaches->len;
}

const OtReach *
ot_trace_reach (const OtTrace *t, guint i)
{
  g_return_val_if_fail (i < t->reaches->len, NULL);
  return g_ptr_array_index (t->reaches, i);
}

char *
ot_trace_policy_text (const OtTrace *t)
{
  if (t->policies == NULL || t->policies[0] == NULL)
    return g_strdup ("every list");
  return g_strjoinv (", ", t->policies);
}

void
ot_verdict_free (OtVerdict *v)
{
  if (v == NULL)
    return;
  g_free (v->query);
  ot_resolution_clear (&v->resolution);
  g_clear_pointer (&v->reasons, g_ptr_array_unref);
  g_free (v);
}

static void
judge (OtTrace *t, OtVerdict *v, guint32 e)
{
  v->level = OT_LEVEL_CLEAR;
  for (guint i = 0; i < t->reaches->len; i++)
    {
      g_autoptr (GPtrArray) reasons
          = ot_trace_reasons (t, g_ptr_array_index (t->reaches, i), i, e, MAX_CHAINS);
      for (guint k = 0; k < reasons->len; k++)
        {
          OtReason *r = g_ptr_array_index (reasons, k);
          v->level = ot_level_worst (
              v->level, r->status == OT_REASON_RESTRICTED ? OT_LEVEL_RESTRICTED : OT_LEVEL_EXPOSED);
          g_ptr_array_add (v->reasons, g_ptr_array_steal_index (reasons, k));
          k--;
        }
    }
}

OtVerdict *
ot_trace_check (OtTrace *t, const char *name)
{
  OtVerdict *v = g_new0 (OtVerdict, 1);
  v->query = g_strdup (name);
  v->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify)ot_reason_free);
  if (!ot_resolve (ot_trace_resolver (t), name, &v->resolution))
    {
      v->level = OT_LEVEL_UNRESOLVED;
      return v;
    }
  judge (t, v, (guint32)v->resolution.entity);
  return v;
}

OtVerdict *
ot_trace_check_entity (OtTrace *t, guint32 e)
{
  OtVerdict *v = g_new0 (OtVerdict, 1);
  v->query = g_strdup (OT_ENTITY (t->dataset, e)->id);
  v->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify)ot_reason_free);
  v->resolution.kind = OT_MATCH_ID;
  v->resolution.entity = e;
  v->resolution.score = 1;
  judge (t, v, e);
  return v;
}
