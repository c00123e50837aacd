/* The reach of one list on one date, computed as a fixpoint with a worklist: the listed
 * entities start restricted, and each entity whose status rises puts the entities it can pass
 * it on to back in the queue, where they are evaluated again from everything upstream of
 * them. Statuses only rise (none, possibly, restricted), so the loop ends, cycles included.
 *
 * Each status records the moment it was reached (a counter, not a date): the reason for a
 * status is then recomputed on demand from the upstream entities that had theirs earlier,
 * which gives well-founded chains even through ownership cycles, at the cost of two integers
 * per entity instead of a stored proof. */
#include "config.h"

#include "rules.h"

#include <string.h>

#define NEVER G_MAXUINT32 /* rank of a status never reached */
#define EPS 1e-9          /* shares are percentages written with a few decimals */

struct _OtReach
{
  const OtGraph *graph;
  const OtDataset *dataset;
  const OtList *list;
  OtDate date;
  const OtScope *scope;
  guint32 n;
  guint32 *rank_p;      /* when the entity became possibly reached or more; NEVER; 0: a seed */
  guint32 *rank_r;      /* when it became restricted */
  GHashTable *extra;    /* entity + 1 of the extra seeds, or NULL */
  GHashTable *entry_of; /* entity + 1 -> its first entry valid on the date + 1 */
  GHashTable *removed;  /* entity + 1 -> GArray of its entries removed by the date */
  guint n_restricted;
  guint n_possibly;
};

const OtScope *
ot_list_scope_on (const OtList *list, OtDate date)
{
  for (guint i = 0; list->scope != NULL && i < list->scope->len; i++)
    {
      const OtScope *s = &g_array_index (list->scope, OtScope, i);
      if ((s->since == OT_DATE_NONE || s->since <= date)
          && (s->until == OT_DATE_NONE || date <= s->until))
        return s;
    }
  return NULL;
}

gboolean
ot_entry_valid_on (const OtEntry *entry, OtDate date)
{
  return (entry->listed == OT_DATE_NONE || entry->listed <= date)
         && (entry->removed == OT_DATE_NONE || date < entry->removed);
}

static inline gboolean
valid_on (const OtRelation *r, OtDate date)
{
  return (r->since == OT_DATE_NONE || date >= r->since)
         && (r->until == OT_DATE_NONE || date <= r->until);
}

/* Whether relation r passes a status from one end to the other under scope, in the reading of
 * its type. Returns the upstream entity of e (e downstream of r) in *up, or FALSE. */
static inline gboolean
upstream_of (const OtRelation *r, guint32 e, const OtScope *scope, gboolean as_target, guint32 *up)
{
  if (r->from == r->to)
    return FALSE;
  switch ((OtRelType)r->type)
    {
    case OT_REL_CONTROLS:
      if (scope == NULL || !scope->control)
        return FALSE;
      break;
    case OT_REL_MANUFACTURES:
      if (scope == NULL || !scope->produced_by)
        return FALSE;
      break;
    case OT_REL_OWNS: /* holdings are evaluated apart */
    case OT_REL_LINKED:
    case OT_N_RELS:
      return FALSE;
    case OT_REL_BRAND_OF:
    case OT_REL_PRODUCT_OF:
    case OT_REL_SUCCESSOR_OF:
    case OT_REL_SAME_AS:
      break;
    }
  switch ((OtRelType)r->type)
    {
    case OT_REL_CONTROLS:
    case OT_REL_MANUFACTURES:
      if (!as_target)
        return FALSE;
      *up = r->from;
      return TRUE;
    case OT_REL_BRAND_OF:
    case OT_REL_PRODUCT_OF:
    case OT_REL_SUCCESSOR_OF:
      if (as_target)
        return FALSE;
      *up = r->to;
      return TRUE;
    case OT_REL_SAME_AS:
      *up = as_target ? r->from : r->to;
      return TRUE;
    default:
      return FALSE;
    }
}

static inline OtReachStatus
status_at (const OtReach *re, guint32 e, guint32 limit)
{
  if (re->rank_r[e] < limit)
    return OT_REACH_RESTRICTED;
  if (re->rank_p[e] < limit)
    return OT_REACH_POSSIBLY;
  return OT_REACH_NONE;
}

/* The bounds of one share: unknown is [0, 100]. */
static inline void
share_bounds (const OtShare *s, double *lo, gboolean *lo_strict, double *hi, gboolean *hi_strict)
{
  *lo_strict = *hi_strict = FALSE;
  *lo = 0;
  *hi = 100;
  switch ((OtShareForm)s->form)
    {
    case OT_SHARE_NONE:
      *lo = 0;
      *hi = 100;
      return;
    case OT_SHARE_EXACT:
      *lo = *hi = s->min;
      return;
    case OT_SHARE_RANGE:
      *lo = s->min;
      *hi = s->max;
      return;
    case OT_SHARE_BOUNDS:
      *lo = s->has_min ? s->min : 0;
      *lo_strict = s->has_min && s->min_strict;
      *hi = s->has_max ? s->max : 100;
      *hi_strict = s->has_max && s->max_strict;
      return;
    }
}

typedef struct
{
  double min, max;
  gboolean min_strict, max_strict;
  gboolean has_min; /* some non-alleged relation gave a lower bound */
  guint32 min_rel, max_rel;
  guint n;
} Hold;

/* Folds the valid `owns` relations of rels[k..] that come from the same owner into one
 * holding; returns the index after the group. h->n is 0 when the group holds none. */
static inline guint32
hold_group (const OtReach *re, const guint32 *rels, guint32 k, guint32 n, Hold *h)
{
  const OtRelation *all = (const OtRelation *)re->dataset->relations->data;
  guint32 owner = all[rels[k]].from;
  h->n = 0;
  h->has_min = FALSE;
  h->min = 0;
  h->max = 0;
  h->min_strict = h->max_strict = FALSE;
  for (; k < n && all[rels[k]].from == owner; k++)
    {
      const OtRelation *r = &all[rels[k]];
      if (r->type != OT_REL_OWNS || r->from == r->to || !valid_on (r, re->date))
        continue;
      double lo, hi;
      gboolean los, his;
      share_bounds (&r->share, &lo, &los, &hi, &his);
      if (r->confidence != OT_CONF_ALLEGED)
        {
          /* the lowest bound wins; at a tie, the weaker (not strict) one */
          if (!h->has_min || lo < h->min - EPS || (ABS (lo - h->min) <= EPS && !los))
            {
              h->min = lo;
              h->min_strict = los;
              h->min_rel = rels[k];
            }
          h->has_min = TRUE;
        }
      if (h->n == 0 || hi > h->max + EPS || (ABS (hi - h->max) <= EPS && !his))
        {
          h->max = hi;
          h->max_strict = his;
          h->max_rel = rels[k];
        }
      h->n++;
    }
  if (h->n > 0 && !h->has_min)
    {
      h->min = 0;
      h->min_strict = FALSE;
      h->min_rel = h->max_rel;
    }
  return k;
}

/* A lower bound (value, strict: "more than") that meets the threshold for certain. */
static inline gboolean
meets (const OtScope *s, double v, gboolean strict)
{
  if (s->strict)
    return v > s->ownership + EPS || (ABS (v - s->ownership) <= EPS && strict);
  return v >= s->ownership - EPS;
}

/* An upper bound (value, strict: "less than") under which the threshold can still be met. */
static inline gboolean
can_meet (const OtScope *s, double v, gboolean strict)
{
  if (s->strict)
    return v > s->ownership + EPS;
  return v > s->ownership + EPS || (ABS (v - s->ownership) <= EPS && !strict);
}

static inline gboolean
ownership_active (const OtScope *s)
{
  return s != NULL && s->has_ownership;
}

/* The status e gets from the statuses reached before limit. */
static OtReachStatus
evaluate (const OtReach *re, guint32 e, guint32 limit)
{
  const OtRelation *all = (const OtRelation *)re->dataset->relations->data;
  OtReachStatus best = OT_REACH_NONE;
  guint32 n_in, n_out, up;
  const guint32 *in = ot_graph_in (re->graph, e, &n_in);
  const guint32 *out = ot_graph_out (re->graph, e, &n_out);
  for (int side = 0; side < 2; side++)
    {
      const guint32 *rels = side == 0 ? in : out;
      guint32 n = side == 0 ? n_in : n_out;
      for (guint32 k = 0; k < n; k++)
        {
          const OtRelation *r = &all[rels[k]];
          if (!upstream_of (r, e, re->scope, side == 0, &up) || !valid_on (r, re->date))
            continue;
          OtReachStatus s = status_at (re, up, limit);
          if (s == OT_REACH_RESTRICTED && r->confidence != OT_CONF_ALLEGED)
            return OT_REACH_RESTRICTED;
          if (s != OT_REACH_NONE)
            best = OT_REACH_POSSIBLY;
        }
    }
  if (!ownership_active (re->scope))
    return best;
  const OtScope *sc = re->scope;
  double sum_lo = 0, sum_hi = 0;
  gboolean lo_strict = FALSE, hi_strict = FALSE;
  for (guint32 k = 0; k < n_in;)
    {
      Hold h;
      guint32 owner = all[in[k]].from;
      OtReachStatus s = status_at (re, owner, limit);
      if (s == OT_REACH_NONE)
        {
          /* skip the owner's group without folding it */
          while (k < n_in && all[in[k]].from == owner)
            k++;
          continue;
        }
      k = hold_group (re, in, k, n_in, &h);
      if (h.n == 0)
        continue;
      if (sc->aggregate)
        {
          if (s == OT_REACH_RESTRICTED)
            {
              sum_lo += h.min;
              lo_strict |= h.min_strict;
            }
          sum_hi += h.max;
          hi_strict |= h.max_strict;
        }
      else
        {
          if (s == OT_REACH_RESTRICTED && meets (sc, h.min, h.min_strict))
            return OT_REACH_RESTRICTED;
          if (can_meet (sc, h.max, h.max_strict))
            best = OT_REACH_POSSIBLY;
        }
    }
  if (sc->aggregate)
    {
      if (meets (sc, sum_lo, lo_strict))
        return OT_REACH_RESTRICTED;
      if (can_meet (sc, sum_hi, hi_strict))
        best = OT_REACH_POSSIBLY;
    }
  return best;
}

/* A queue of entities, each in it at most once. */
typedef struct
{
  guint32 *items;
  guint8 *queued; /* bit per entity */
  guint32 size, head, count;
} Queue;

static inline void
queue_push (Queue *q, guint32 e)
{
  if (q->queued[e >> 3] & (1u << (e & 7)))
    return;
  q->queued[e >> 3] |= 1u << (e & 7);
  q->items[(q->head + q->count) % q->size] = e;
  q->count++;
}

static inline guint32
queue_pop (Queue *q)
{
  guint32 e = q->items[q->head];
  q->head = (q->head + 1) % q->size;
  q->count--;
  q->queued[e >> 3] &= ~(1u << (e & 7));
  return e;
}

/* Queues the entities x can pass its status on to. */
static void
push_downstream (const OtReach *re, Queue *q, guint32 x)
{
  const OtRelation *all = (const OtRelation *)re->dataset->relations->data;
  guint32 n;
  const guint32 *out = ot_graph_out (re->graph, x, &n);
  gboolean own = ownership_active (re->scope);
  for (guint32 k = 0; k < n; k++)
    {
      const OtRelation *r = &all[out[k]];
      guint32 up;
      if (r->to == x || re->rank_r[r->to] != NEVER || !valid_on (r, re->date))
        continue;
      if ((r->type == OT_REL_OWNS && own) || upstream_of (r, r->to, re->scope, TRUE, &up))
        queue_push (q, r->to);
    }
  const guint32 *in = ot_graph_in (re->graph, x, &n);
  for (guint32 k = 0; k < n; k++)
    {
      const OtRelation *r = &all[in[k]];
      guint32 up;
      if (r->from == x || re->rank_r[r->from] != NEVER || !valid_on (r, re->date))
        continue;
      if (upstream_of (r, r->from, re->scope, FALSE, &up))
        queue_push (q, r->from);
    }
}

OtReach *
ot_reach_new (const OtGraph *graph, const OtList *list, OtDate date, const guint32 *extra,
              guint n_extra)
{
  g_return_val_if_fail (graph != NULL && list != NULL, NULL);
  OtReach *re = g_new0 (OtReach, 1);
  re->graph = graph;
  re->dataset = ot_graph_dataset (graph);
  re->list = list;
  re->date = date;
  re->scope = ot_list_scope_on (list, date);
  re->n = re->dataset->entities->len;
  re->rank_p = g_new (guint32, re->n ? re->n : 1);
  re->rank_r = g_new (guint32, re->n ? re->n : 1);
  memset (re->rank_p, 0xff, sizeof (guint32) * re->n);
  memset (re->rank_r, 0xff, sizeof (guint32) * re->n);

  g_autoptr (GArray) seeds = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* the entries by entity: a batch asks about thousands of names, each against every list */
  re->entry_of = g_hash_table_new (NULL, NULL);
  re->removed = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
  for (guint i = 0; list->entries != NULL && i < list->entries->len; i++)
    {
      const OtEntry *en = &g_array_index (list->entries, OtEntry, i);
      if (en->entity >= re->n)
        continue;
      gpointer key = GUINT_TO_POINTER (en->entity + 1);
      if (en->removed != OT_DATE_NONE && en->removed <= date)
        {
          GArray *gone = g_hash_table_lookup (re->removed, key);
          if (gone == NULL)
            {
              gone = g_array_new (FALSE, FALSE, sizeof (guint32));
              g_hash_table_insert (re->removed, key, gone);
            }
          g_array_append_val (gone, i);
        }
      if (ot_entry_valid_on (en, date) && re->rank_r[en->entity] == NEVER)
        {
          re->rank_r[en->entity] = re->rank_p[en->entity] = 0;
          g_hash_table_insert (re->entry_of, key, GUINT_TO_POINTER (i + 1));
          g_array_append_val (seeds, en->entity);
        }
    }
  for (guint i = 0; i < n_extra; i++)
    {
      if (extra[i] >= re->n)
        continue;
      if (re->extra == NULL)
        re->extra = g_hash_table_new (NULL, NULL);
      g_hash_table_add (re->extra, GUINT_TO_POINTER (extra[i] + 1));
      if (re->rank_r[extra[i]] != NEVER)
        continue;
      re->rank_r[extra[i]] = re->rank_p[extra[i]] = 0;
      g_array_append_val (seeds, extra[i]);
    }

  Queue q = { 0 };
  q.size = re->n ? re->n : 1;
  q.items = g_new (guint32, q.size);
  q.queued = g_new0 (guint8, q.size / 8 + 1);
  for (guint i = 0; i < seeds->len; i++)
    push_downstream (re, &q, g_array_index (seeds, guint32, i));
  guint32 time = 1;
  while (q.count > 0)
    {
      guint32 e = queue_pop (&q);
      if (re->rank_r[e] != NEVER)
        continue;
      OtReachStatus s = evaluate (re, e, NEVER);
      if (s == OT_REACH_RESTRICTED)
        {
          re->rank_r[e] = time;
          if (re->rank_p[e] == NEVER)
            re->rank_p[e] = time;
          time++;
          push_downstream (re, &q, e);
        }
      else if (s == OT_REACH_POSSIBLY && re->rank_p[e] == NEVER)
        {
          re->rank_p[e] = time++;
          push_downstream (re, &q, e);
        }
    }
  g_free (q.items);
  g_free (q.queued);

  for (guint32 e = 0; e < re->n; e++)
    {
      if (re->rank_r[e] != NEVER)
        re->n_restricted++;
      else if (re->rank_p[e] != NEVER)
        re->n_possibly++;
    }
  return re;
}

void
ot_reach_free (OtReach *reach)
{
  if (reach == NULL)
    return;
  g_free (reach->rank_p);
  g_free (reach->rank_r);
  g_clear_pointer (&reach->extra, g_hash_table_unref);
  g_clear_pointer (&reach->entry_of, g_hash_table_unref);
  g_clear_pointer (&reach->removed, g_hash_table_unref);
  g_free (reach);
}

const OtList *
ot_reach_list (const OtReach *reach)
{
  return reach->list;
}

OtDate
ot_reach_date (const OtReach *reach)
{
  return reach->date;
}

const OtScope *
ot_reach_scope (const OtReach *reach)
{
  return reach->scope;
}

OtReachStatus
ot_reach_status (const OtReach *reach, guint32 entity)
{
  g_return_val_if_fail (entity < reach->n, OT_REACH_NONE);
  return status_at (reach, entity, NEVER);
}

guint
ot_reach_count (const OtReach *reach, OtReachStatus status)
{
  switch (status)
    {
    case OT_REACH_RESTRICTED:
      return reach->n_restricted;
    case OT_REACH_POSSIBLY:
      return reach->n_possibly;
    case OT_REACH_NONE:
      return reach->n - reach->n_restricted - reach->n_possibly;
    }
  return 0;
}

void
ot_why_clear (OtWhy *why)
{
  if (why->holdings != NULL)
    {
      for (guint i = 0; i < why->holdings->len; i++)
        g_clear_pointer (&g_array_index (why->holdings, OtHolding, i).relations, g_array_unref);
      g_clear_pointer (&why->holdings, g_array_unref);
    }
  memset (why, 0, sizeof *why);
}

static OtWhyRule
rule_of (OtRelType type)
{
  switch (type)
    {
    case OT_REL_CONTROLS:
      return OT_WHY_CONTROL;
    case OT_REL_MANUFACTURES:
      return OT_WHY_PRODUCED_BY;
    case OT_REL_BRAND_OF:
      return OT_WHY_BRAND;
    case OT_REL_PRODUCT_OF:
      return OT_WHY_PRODUCT;
    case OT_REL_SUCCESSOR_OF:
      return OT_WHY_SUCCESSOR;
    default:
      return OT_WHY_SAME_AS;
    }
}

/* The holdings that made e's status at limit (restricted: from restricted owners, counting
 * their lower bounds; possibly: from any reached owner, their upper bounds). */
static gboolean
why_ownership (const OtReach *re, guint32 e, OtReachStatus status, guint32 limit, OtWhy *why)
{
  const OtScope *sc = re->scope;
  if (!ownership_active (sc))
    return FALSE;
  const OtRelation *all = (const OtRelation *)re->dataset->relations->data;
  guint32 n_in;
  const guint32 *in = ot_graph_in (re->graph, e, &n_in);
  g_autoptr (GArray) holdings = g_array_new (FALSE, TRUE, sizeof (OtHolding));
  double sum = 0;
  gboolean sum_strict = FALSE;
  for (guint32 k = 0; k < n_in;)
    {
      Hold h;
      guint32 start = k;
      guint32 owner = all[in[k]].from;
      OtReachStatus s = status_at (re, owner, limit);
      k = hold_group (re, in, k, n_in, &h);
      if (h.n == 0 || s == OT_REACH_NONE)
        continue;
      if (status == OT_REACH_RESTRICTED && s != OT_REACH_RESTRICTED)
        continue;
      double v = status == OT_REACH_RESTRICTED ? h.min : h.max;
      gboolean vs = status == OT_REACH_RESTRICTED ? h.min_strict : h.max_strict;
      if (!sc->aggregate)
        {
          gboolean ok = status == OT_REACH_RESTRICTED ? meets (sc, v, vs) : can_meet (sc, v, vs);
          if (!ok)
            continue;
        }
      else if (v <= EPS && !vs)
        continue; /* adds nothing to the sum */
      OtHolding hold = {
        .owner = owner,
        .relation = status == OT_REACH_RESTRICTED ? h.min_rel : h.max_rel,
        .relations = g_array_new (FALSE, FALSE, sizeof (guint32)),
        .min = h.min,
        .max = h.max,
        .min_strict = h.min_strict,
        .max_strict = h.max_strict,
        .owner_status = s,
      };
      for (guint32 j = start; j < k; j++)
        {
          const OtRelation *r = &all[in[j]];
          if (r->type == OT_REL_OWNS && valid_on (r, re->date))
            g_array_append_val (hold.relations, in[j]);
        }
      g_array_append_val (holdings, hold);
      sum += v;
      sum_strict |= vs;
      if (!sc->aggregate)
        break;
    }
  gboolean ok = holdings->len > 0
                && (status == OT_REACH_RESTRICTED ? meets (sc, sum, sum_strict)
                                                  : can_meet (sc, sum, sum_strict));
  if (!ok)
    {
      for (guint i = 0; i < holdings->len; i++)
        g_array_unref (g_array_index (holdings, OtHolding, i).relations);
      return FALSE;
    }
  why->rule = OT_WHY_OWNERSHIP;
  why->holdings = g_steal_pointer (&holdings);
  why->sum = sum;
  why->sum_strict = sum_strict;
  why->threshold = sc->ownership;
  why->strict = sc->strict;
  why->aggregate = sc->aggregate;
  return TRUE;
}

gboolean
ot_reach_why (const OtReach *re, guint32 e, OtReachStatus status, OtWhy *why)
{
  g_return_val_if_fail (e < re->n && why != NULL, FALSE);
  memset (why, 0, sizeof *why);
  why->status = status;
  guint32 limit = status == OT_REACH_RESTRICTED ? re->rank_r[e] : re->rank_p[e];
  if (status == OT_REACH_NONE || limit == NEVER)
    return FALSE;
  if (limit == 0)
    {
      guint entry = GPOINTER_TO_UINT (g_hash_table_lookup (re->entry_of, GUINT_TO_POINTER (e + 1)));
      if (entry > 0)
        {
          why->rule = OT_WHY_ENTRY;
          why->entry = entry - 1;
          return TRUE;
        }
      why->rule = OT_WHY_EXTRA;
      return TRUE;
    }
  if (why_ownership (re, e, status, limit, why))
    return TRUE;

  /* one relation from an entity reached earlier: the earliest such, for the shortest chain */
  const OtRelation *all = (const OtRelation *)re->dataset->relations->data;
  guint32 best_rank = NEVER, best_rel = 0, best_up = 0;
  OtReachStatus best_status = OT_REACH_NONE;
  for (int side = 0; side < 2; side++)
    {
      guint32 n, up;
      const guint32 *rels
          = side == 0 ? ot_graph_in (re->graph, e, &n) : ot_graph_out (re->graph, e, &n);
      for (guint32 k = 0; k < n; k++)
        {
          const OtRelation *r = &all[rels[k]];
          if (!upstream_of (r, e, re->scope, side == 0, &up) || !valid_on (r, re->date))
            continue;
          OtReachStatus s = status_at (re, up, limit);
          if (s == OT_REACH_NONE)
            continue;
          if (status == OT_REACH_RESTRICTED
              && (s != OT_REACH_RESTRICTED || r->confidence == OT_CONF_ALLEGED))
            continue;
          guint32 rank = s == OT_REACH_RESTRICTED ? re->rank_r[up] : re->rank_p[up];
          if (rank < best_rank || best_rank == NEVER)
            {
              best_rank = rank;
              best_rel = rels[k];
              best_up = up;
              best_status = s;
            }
        }
    }
  if (best_status == OT_REACH_NONE)
    return FALSE; /* cannot happen: the status was reached from something */
  why->rule = rule_of (all[best_rel].type);
  why->relation = best_rel;
  why->upstream = best_up;
  why->upstream_status = best_status;
  return TRUE;
}

GArray *
ot_reach_ties (const OtReach *re, guint32 e)
{
  g_return_val_if_fail (e < re->n, NULL);
  GArray *ties = g_array_new (FALSE, FALSE, sizeof (OtTie));
  GArray *gone = g_hash_table_lookup (re->removed, GUINT_TO_POINTER (e + 1));
  for (guint i = 0; gone != NULL && i < gone->len; i++)
    {
      OtTie tie = { .kind = OT_TIE_REMOVED, .entry = g_array_index (gone, guint32, i) };
      g_array_append_val (ties, tie);
    }
  const OtRelation *all = (const OtRelation *)re->dataset->relations->data;
  /* every type read as if its rule applied: a full scope */
  static const OtScope full = { .has_ownership = TRUE, .control = TRUE, .produced_by = TRUE };
  for (int side = 0; side < 2; side++)
    {
      guint32 n, up;
      const guint32 *rels
          = side == 0 ? ot_graph_in (re->graph, e, &n) : ot_graph_out (re->graph, e, &n);
      for (guint32 k = 0; k < n; k++)
        {
          const OtRelation *r = &all[rels[k]];
          if (r->type == OT_REL_OWNS)
            {
              if (side != 0 || r->from == r->to)
                continue;
              up = r->from;
            }
          else if (!upstream_of (r, e, &full, side == 0, &up))
            continue;
          if (status_at (re, up, NEVER) == OT_REACH_NONE)
            continue;
          OtTie tie = { .relation = rels[k], .upstream = up };
          if (!valid_on (r, re->date))
            {
              if (r->until == OT_DATE_NONE || r->until >= re->date)
                continue; /* not begun yet */
              tie.kind = OT_TIE_ENDED;
            }
          else if (r->type == OT_REL_OWNS)
            tie.kind = OT_TIE_STAKE;
          else if (r->type == OT_REL_CONTROLS)
            tie.kind = OT_TIE_CONTROL;
          else if (r->type == OT_REL_MANUFACTURES)
            tie.kind = OT_TIE_MADE_BY;
          else
            continue; /* the other types always reach: the entity would be reached */
          g_array_append_val (ties, tie);
        }
    }
  return ties;
}

const char *
ot_why_rule_name (OtWhyRule rule)
{
  static const char *const names[] = {
    [OT_WHY_ENTRY] = "listed",
    [OT_WHY_EXTRA] = "given",
    [OT_WHY_OWNERSHIP] = "ownership",
    [OT_WHY_CONTROL] = "control",
    [OT_WHY_PRODUCED_BY] = "produced_by",
    [OT_WHY_BRAND] = "brand",
    [OT_WHY_PRODUCT] = "product",
    [OT_WHY_SUCCESSOR] = "successor",
    [OT_WHY_SAME_AS] = "same_as",
  };
  return names[rule];
}

const char *
ot_tie_kind_name (OtTieKind kind)
{
  static const char *const names[] = {
    [OT_TIE_STAKE] = "stake", [OT_TIE_CONTROL] = "control", [OT_TIE_MADE_BY] = "made_by",
    [OT_TIE_ENDED] = "ended", [OT_TIE_REMOVED] = "removed",
  };
  return names[kind];
}

const char *
ot_reach_status_name (OtReachStatus status)
{
  static const char *const names[] = {
    [OT_REACH_NONE] = "none",
    [OT_REACH_POSSIBLY] = "possibly",
    [OT_REACH_RESTRICTED] = "restricted",
  };
  return names[status];
}
