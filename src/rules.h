/* List scopes: how far one restriction list reaches on one date. The reach is OFAC-style
 * status propagation computed to a fixpoint over the whole graph (DESIGN.md "Scope"): each
 * entity is restricted, possibly reached or not reached by the list; the reason for a status
 * and the ties that leave an entity exposed are asked for afterwards, one entity at a time. */
#ifndef OT_RULES_H
#define OT_RULES_H

#include <glib.h>

#include "graph.h"
#include "model.h"

G_BEGIN_DECLS

typedef enum
{
  OT_REACH_NONE = 0,
  OT_REACH_POSSIBLY = 1,
  OT_REACH_RESTRICTED = 2,
} OtReachStatus;

typedef struct _OtReach OtReach;

/* The scope period of list in force on date: NULL when no period covers it (the list then
 * reaches its named entries only, and whatever reaches whatever the scope: brands, products,
 * successors, same_as). Borrowed from the list. */
const OtScope *ot_list_scope_on (const OtList *list, OtDate date);

/* TRUE when entry holds on date (listed <= date < removed; a missing date is open). */
gboolean ot_entry_valid_on (const OtEntry *entry, OtDate date);

/* Computes the reach of list on date over graph (whose dataset holds list). extra: entities
 * treated as listed as well (the reach command's "what would this entity reach"), may be
 * NULL. Free with ot_reach_free; graph and list must outlive the result. */
OtReach *ot_reach_new (const OtGraph *graph, const OtList *list, OtDate date, const guint32 *extra,
                       guint n_extra);
void ot_reach_free (OtReach *reach);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtReach, ot_reach_free)

const OtList *ot_reach_list (const OtReach *reach);
OtDate ot_reach_date (const OtReach *reach);
/* The period in force (NULL: named entries only, as ot_list_scope_on). */
const OtScope *ot_reach_scope (const OtReach *reach);
OtReachStatus ot_reach_status (const OtReach *reach, guint32 entity);
/* How many entities have exactly status. */
guint ot_reach_count (const OtReach *reach, OtReachStatus status);

/* Why an entity has a status: the rule that gave it, and what it came from. */
typedef enum
{
  OT_WHY_ENTRY,       /* listed: entry */
  OT_WHY_EXTRA,       /* one of the extra entities given to ot_reach_new */
  OT_WHY_OWNERSHIP,   /* holdings (aggregated or one alone) meet the threshold */
  OT_WHY_CONTROL,     /* relation: controls from a reached entity */
  OT_WHY_PRODUCED_BY, /* relation: manufactures from a reached maker */
  OT_WHY_BRAND,       /* relation: brand_of a reached owner */
  OT_WHY_PRODUCT,     /* relation: product_of a reached brand */
  OT_WHY_SUCCESSOR,   /* relation: successor_of a reached entity */
  OT_WHY_SAME_AS,     /* relation: same_as a reached entity */
} OtWhyRule;

/* What one owner holds in one entity on the date: the `owns` relations between the pair valid
 * then, as one range. Alleged relations only raise max; without another relation min is 0. */
typedef struct
{
  guint32 owner;
  guint32 relation;  /* the relation whose bound decided (lower for reach, upper for possibly) */
  GArray *relations; /* of guint32: every relation of the holding, in file order */
  double min;
  double max;
  gboolean min_strict;        /* more than min */
  gboolean max_strict;        /* less than max */
  OtReachStatus owner_status; /* the owner's status when it counted */
} OtHolding;

typedef struct
{
  OtWhyRule rule;
  OtReachStatus status;          /* the status explained */
  guint32 entry;                 /* ENTRY: index in the list's entries */
  guint32 relation;              /* single-relation rules */
  guint32 upstream;              /* single-relation rules: where the status came from */
  OtReachStatus upstream_status; /* its status when it counted */
  GArray *holdings;              /* OWNERSHIP: of OtHolding, the holdings counted (owner order) */
  double sum;                    /* OWNERSHIP: sum of their min (restricted) or max (possibly) */
  gboolean sum_strict; /* the sum is a "more than" (restricted) or "less than" (possibly) */
  double threshold;    /* OWNERSHIP: the scope's threshold */
  gboolean strict;     /* the scope's strict */
  gboolean aggregate;  /* the scope's aggregate */
} OtWhy;

void ot_why_clear (OtWhy *why);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OtWhy, ot_why_clear)

/* Fills why with the reason entity has status (restricted or possibly; its own status or, for
 * a restricted entity, the earlier possibly one). The reason only uses entities that had
 * their status before this one, so following reasons upward always ends at entries. FALSE
 * when entity never had status. Clear why with ot_why_clear. */
gboolean ot_reach_why (const OtReach *reach, guint32 entity, OtReachStatus status, OtWhy *why);

/* A tie that leaves an entity exposed to the list without reaching it. */
typedef enum
{
  OT_TIE_STAKE,   /* owns from a reached entity, below the threshold (or no ownership rule) */
  OT_TIE_CONTROL, /* controls from a reached entity, under a list without control */
  OT_TIE_MADE_BY, /* manufactures from a reached maker, under a list without produced_by */
  OT_TIE_ENDED,   /* a relation from a reached entity that ended before the date */
  OT_TIE_REMOVED, /* the entity's own listing, removed before the date */
} OtTieKind;

typedef struct
{
  OtTieKind kind;
  guint32 relation; /* not for REMOVED */
  guint32 upstream; /* not for REMOVED: the reached entity it runs from */
  guint32 entry;    /* REMOVED: index in the list's entries */
} OtTie;

/* The ties exposing entity to the list (array of OtTie, possibly empty; the caller frees).
 * Only meaningful for an entity the list does not reach; ties from entities that are only
 * exposed themselves do not count ("exposed does not pass on"). */
GArray *ot_reach_ties (const OtReach *reach, guint32 entity);

/* Names for output: "ownership", "stake", ... */
const char *ot_why_rule_name (OtWhyRule rule);
const char *ot_tie_kind_name (OtTieKind kind);
const char *ot_reach_status_name (OtReachStatus status);

G_END_DECLS

#endif /* OT_RULES_H */
