/* Finding the entity a NAME means: an id, an identifier value, an exact name, an exact alias
 * (case-insensitive after Unicode NFKC and case folding), a product's model pattern. The first
 * rank with matches decides; matches tied to each other go to the most upstream of them. A
 * later matcher (fuzzy names) replaces ot_resolve behind the same interface. */
#ifndef OT_RESOLVE_H
#define OT_RESOLVE_H

#include <glib.h>

#include "graph.h"
#include "model.h"

G_BEGIN_DECLS

typedef enum
{
  OT_MATCH_NONE,
  OT_MATCH_ID,
  OT_MATCH_IDENTIFIER,
  OT_MATCH_NAME,
  OT_MATCH_ALIAS,
  OT_MATCH_PATTERN,
} OtMatchKind;

typedef struct
{
  OtMatchKind kind;   /* the rank that decided; NONE when nothing matched */
  gint64 entity;      /* the entity, or -1 when unresolved */
  double score;       /* in [0, 1]; 1 for the exact ranks */
  GArray *others;     /* of guint32: the other matches, related to entity (may be NULL) */
  GArray *candidates; /* of guint32: the unrelated matches when unresolved (may be NULL) */
} OtResolution;

void ot_resolution_clear (OtResolution *resolution);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OtResolution, ot_resolution_clear)

typedef struct _OtResolver OtResolver;

/* A resolver over graph's dataset (both must outlive it); its indexes are built on first use.
 * Free with ot_resolver_free. */
OtResolver *ot_resolver_new (const OtGraph *graph);
void ot_resolver_free (OtResolver *resolver);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtResolver, ot_resolver_free)

/* Resolves name into *out (cleared first; clear it with ot_resolution_clear). Returns TRUE when
 * it names one entity (out->entity), FALSE when unresolved (out->candidates, possibly empty). */
gboolean ot_resolve (OtResolver *resolver, const char *name, OtResolution *out);

/* For people: "QUERY: unresolved (matches nothing)" or the unrelated candidates, one a line
 * ("  candidate  ID  NAME (KIND)"); appended to out. Only for an unresolved resolution. */
void ot_resolution_format (GString *out, const OtDataset *dataset, const char *query,
                           const OtResolution *resolution, const char *colour_on,
                           const char *colour_off);

/* "id", "identifier", "name", "alias", "pattern", or "none". */
const char *ot_match_kind_name (OtMatchKind kind);

/* The key names are compared by: NFKC, case folded, surrounding space trimmed. Free it. */
char *ot_resolve_key (const char *text);

G_END_DECLS

#endif /* OT_RESOLVE_H */
