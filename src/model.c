/* The dataset model: records, interned strings, lookups, and the checks that need the whole
 * dataset (references, kinds, dates, cycles, sums) once every file is read. */
#include "config.h"

#include "model.h"

#include <math.h>
#include <string.h>

#include "graph-check.h"

static const char *const kind_names[] = {
  "state", "company", "person", "brand", "product", "vessel", "aircraft", "other",
};
static const char *const rel_names[] = {
  "owns", "controls", "brand_of", "manufactures", "product_of", "successor_of", "same_as", "linked",
};
static const char *const confidence_names[] = {
  "confirmed",
  "reported",
  "alleged",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == OT_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (rel_names) == OT_N_RELS);
G_STATIC_ASSERT (G_N_ELEMENTS (confidence_names) == OT_N_CONFS);

static int
name_parse (const char *const *names, int n, const char *text)
{
  for (int i = 0; text != NULL && i < n; i++)
    if (strcmp (names[i], text) == 0)
      return i;
  return -1;
}

const char *
ot_kind_name (OtKind kind)
{
  g_return_val_if_fail (kind < OT_N_KINDS, "?");
  return kind_names[kind];
}

int
ot_kind_parse (const char *text)
{
  return name_parse (kind_names, OT_N_KINDS, text);
}

const char *
ot_rel_name (OtRelType type)
{
  g_return_val_if_fail (type < OT_N_RELS, "?");
  return rel_names[type];
}

int
ot_rel_parse (const char *text)
{
  return name_parse (rel_names, OT_N_RELS, text);
}

const char *
ot_confidence_name (OtConfidence confidence)
{
  g_return_val_if_fail (confidence < OT_N_CONFS, "?");
  return confidence_names[confidence];
}

int
ot_confidence_parse (const char *text)
{
  return name_parse (confidence_names, OT_N_CONFS, text);
}

/* Reads exactly n digits; -1 when they are not there. */
static int
digits (const char *text, int n)
{
  int value = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

OtDate
ot_date_parse (const char *text)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return OT_DATE_NONE;
  int y = digits (text, 4), m = digits (text + 5, 2), d = digits (text + 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return OT_DATE_NONE;
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return (OtDate)g_date_get_julian (&date);
}

gboolean
ot_date_partial_valid (const char *text)
{
  if (text == NULL)
    return FALSE;
  size_t len = strlen (text);
  if (len == 10)
    return ot_date_parse (text) != OT_DATE_NONE;
  if (len == 4)
    return digits (text, 4) >= 1;
  if (len == 7 && text[4] == '-')
    {
      int m = digits (text + 5, 2);
      return digits (text, 4) >= 1 && m >= 1 && m <= 12;
    }
  return FALSE;
}

char *
ot_date_format (OtDate date, char *buf)
{
  if (date == OT_DATE_NONE)
    {
      buf[0] = '\0';
      return buf;
    }
  GDate d;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, (guint32)date);
  g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
  return buf;
}

OtDate
ot_date_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GDate d;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return (OtDate)g_date_get_julian (&d);
}

gboolean
ot_relation_valid_on (const OtRelation *relation, OtDate date)
{
  if (date == OT_DATE_NONE)
    return TRUE;
  if (relation->since != OT_DATE_NONE && date < relation->since)
    return FALSE;
  if (relation->until != OT_DATE_NONE && date > relation->until)
    return FALSE;
  return TRUE;
}

static char *
number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

char *
ot_share_format (const OtShare *share)
{
  g_autofree char *lo = number (share->min);
  g_autofree char *hi = number (share->max);
  switch ((OtShareForm)share->form)
    {
    case OT_SHARE_NONE:
      return g_strdup ("share unknown");
    case OT_SHARE_EXACT:
      return g_strdup_printf ("%s %%", lo);
    case OT_SHARE_RANGE:
      return g_strdup_printf ("%s–%s %%", lo, hi);
    case OT_SHARE_BOUNDS:
      if (share->has_min && share->has_max)
        return g_strdup_printf ("%s %s %%, %s %s %%", share->min_strict ? ">" : "≥", lo,
                                share->max_strict ? "<" : "≤", hi);
      if (share->has_min)
        return g_strdup_printf ("%s %s %%", share->min_strict ? ">" : "≥", lo);
      return g_strdup_printf ("%s %s %%", share->max_strict ? "<" : "≤", hi);
    }
  g_assert_not_reached ();
}

/* Records and their owned members. */

static void
entity_clear (gpointer data)
{
  OtEntity *e = data;
  g_clear_pointer (&e->aliases, g_ptr_array_unref);
  g_clear_pointer (&e->addresses, g_ptr_array_unref);
  g_clear_pointer (&e->patterns, g_ptr_array_unref);
  g_clear_pointer (&e->identifiers, g_array_unref);
}

static void
list_clear (gpointer data)
{
  OtList *l = data;
  g_clear_pointer (&l->scope, g_array_unref);
  g_clear_pointer (&l->entries, g_array_unref);
}

static void
entry_clear (gpointer data)
{
  OtEntry *e = data;
  g_clear_pointer (&e->programs, g_ptr_array_unref);
}

static void
policy_clear (gpointer data)
{
  OtPolicy *p = data;
  g_clear_pointer (&p->lists, g_ptr_array_unref);
  g_clear_pointer (&p->list_locs, g_array_unref);
}

static void
diagnostic_clear (gpointer data)
{
  OtDiagnostic *d = data;
  g_free (d->message);
}

OtDataset *
ot_dataset_new (void)
{
  OtDataset *ds = g_new0 (OtDataset, 1);
  ds->strings = g_string_chunk_new (64 * 1024);
  ds->entities = g_array_new (FALSE, TRUE, sizeof (OtEntity));
  g_array_set_clear_func (ds->entities, entity_clear);
  ds->relations = g_array_new (FALSE, TRUE, sizeof (OtRelation));
  ds->sources = g_array_new (FALSE, TRUE, sizeof (OtSource));
  ds->lists = g_array_new (FALSE, TRUE, sizeof (OtList));
  g_array_set_clear_func (ds->lists, list_clear);
  ds->policies = g_array_new (FALSE, TRUE, sizeof (OtPolicy));
  g_array_set_clear_func (ds->policies, policy_clear);
  /* keys are interned strings: hashing by content still, as lookups come from argv */
  ds->entity_index = g_hash_table_new (g_str_hash, g_str_equal);
  ds->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  ds->list_index = g_hash_table_new (g_str_hash, g_str_equal);
  ds->policy_index = g_hash_table_new (g_str_hash, g_str_equal);
  ds->files = g_ptr_array_new_with_free_func (g_free);
  ds->diagnostics = g_array_new (FALSE, TRUE, sizeof (OtDiagnostic));
  g_array_set_clear_func (ds->diagnostics, diagnostic_clear);
  return ds;
}

void
ot_dataset_free (OtDataset *ds)
{
  if (ds == NULL)
    return;
  g_array_unref (ds->entities);
  g_array_unref (ds->relations);
  g_array_unref (ds->sources);
  g_array_unref (ds->lists);
  g_array_unref (ds->policies);
  g_hash_table_unref (ds->entity_index);
  g_hash_table_unref (ds->source_index);
  g_hash_table_unref (ds->list_index);
  g_hash_table_unref (ds->policy_index);
  g_ptr_array_unref (ds->files);
  g_array_unref (ds->diagnostics);
  g_string_chunk_free (ds->strings);
  g_free (ds->hash);
  g_clear_pointer (&ds->checksum, g_checksum_free);
  g_free (ds);
}

const char *
ot_dataset_intern (OtDataset *ds, const char *text)
{
  return text == NULL ? NULL : g_string_chunk_insert_const (ds->strings, text);
}

static void
diag_valist (OtDataset *ds, const OtLoc *loc, OtSeverity severity, const char *format,
             va_list args)
{
  OtDiagnostic d = { 0 };
  if (loc != NULL)
    d.loc = *loc;
  d.severity = severity;
  d.message = g_strdup_vprintf (format, args);
  g_array_append_val (ds->diagnostics, d);
  if (severity == OT_SEVERITY_ERROR)
    ds->n_errors++;
  else
    ds->n_warnings++;
}

void
ot_dataset_diag (OtDataset *ds, const OtLoc *loc, OtSeverity severity, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  diag_valist (ds, loc, severity, format, args);
  va_end (args);
}

/* Reports the second definition of an id, naming the first; TRUE when the id is new. */
static gboolean
claim_id (OtDataset *ds, GHashTable *index, GArray *array, gsize size, gsize loc_offset,
          const char *what, const char *id, const OtLoc *loc)
{
  gpointer found;
  if (id == NULL)
    return FALSE;
  if (g_hash_table_lookup_extended (index, id, NULL, &found))
    {
      guint i = GPOINTER_TO_UINT (found) - 1;
      const OtLoc *first = (const OtLoc *)(array->data + i * size + loc_offset);
      if (first->column)
        ot_dataset_diag (ds, loc, OT_SEVERITY_ERROR, "%s '%s' is defined twice: first at %s:%u:%u",
                         what, id, first->file, first->line, first->column);
      else
        ot_dataset_diag (ds, loc, OT_SEVERITY_ERROR, "%s '%s' is defined twice: first at %s:%u",
                         what, id, first->file, first->line);
      return FALSE;
    }
  g_hash_table_insert (index, (gpointer)id, GUINT_TO_POINTER (array->len + 1));
  return TRUE;
}

void
ot_dataset_add_entity (OtDataset *ds, const OtEntity *entity)
{
  if (!claim_id (ds, ds->entity_index, ds->entities, sizeof (OtEntity), G_STRUCT_OFFSET (OtEntity, loc),
                 "entity", entity->id, &entity->loc))
    {
      OtEntity copy = *entity;
      entity_clear (&copy);
      return;
    }
  g_array_append_vals (ds->entities, entity, 1);
}

void
ot_dataset_add_relation (OtDataset *ds, const OtRelation *relation)
{
  g_array_append_vals (ds->relations, relation, 1);
}

void
ot_dataset_add_source (OtDataset *ds, const OtSource *source)
{
  if (claim_id (ds, ds->source_index, ds->sources, sizeof (OtSource), G_STRUCT_OFFSET (OtSource, loc),
                "source", source->id, &source->loc))
    g_array_append_vals (ds->sources, source, 1);
}

void
ot_dataset_add_list (OtDataset *ds, const OtList *list)
{
  if (!claim_id (ds, ds->list_index, ds->lists, sizeof (OtList), G_STRUCT_OFFSET (OtList, loc),
                 "list", list->id, &list->loc))
    {
      OtList copy = *list;
      list_clear (&copy);
      return;
    }
  if (list->entries != NULL)
    g_array_set_clear_func (list->entries, entry_clear);
  g_array_append_vals (ds->lists, list, 1);
}

void
ot_dataset_add_policy (OtDataset *ds, const OtPolicy *policy)
{
  if (!claim_id (ds, ds->policy_index, ds->policies, sizeof (OtPolicy),
                 G_STRUCT_OFFSET (OtPolicy, loc), "policy", policy->id, &policy->loc))
    {
      OtPolicy copy = *policy;
      policy_clear (&copy);
      return;
    }
  g_array_append_vals (ds->policies, policy, 1);
}

OtCitations
ot_dataset_citations (OtDataset *ds, const OtCitation *items, guint n)
{
  OtCitations c = { NULL, n };
  if (n > 0)
    {
      /* citations live as long as the dataset: keep them in the string chunk's memory */
      c.items = (OtCitation *)g_string_chunk_insert_len (ds->strings, (const char *)items,
                                                          (gssize)(n * sizeof (OtCitation)));
    }
  return c;
}

static guint
index_of (GHashTable *index, const char *id)
{
  gpointer found = g_hash_table_lookup (index, id);
  return GPOINTER_TO_UINT (found); /* index + 1, or 0 */
}

gint64
ot_dataset_entity_index (const OtDataset *ds, const char *id)
{
  guint i = id ? index_of (ds->entity_index, id) : 0;
  return i == 0 ? -1 : (gint64)i - 1;
}

const OtEntity *
ot_dataset_entity (const OtDataset *ds, guint32 index)
{
  g_return_val_if_fail (index < ds->entities->len, NULL);
  return OT_ENTITY (ds, index);
}

const OtSource *
ot_dataset_source (const OtDataset *ds, const char *id)
{
  guint i = id ? index_of (ds->source_index, id) : 0;
  return i == 0 ? NULL : &g_array_index (ds->sources, OtSource, i - 1);
}

const OtList *
ot_dataset_list (const OtDataset *ds, const char *id)
{
  guint i = id ? index_of (ds->list_index, id) : 0;
  return i == 0 ? NULL : &g_array_index (ds->lists, OtList, i - 1);
}

const OtPolicy *
ot_dataset_policy (const OtDataset *ds, const char *id)
{
  guint i = id ? index_of (ds->policy_index, id) : 0;
  return i == 0 ? NULL : &g_array_index (ds->policies, OtPolicy, i - 1);
}

/* Checks that need every file. */

static void
check_citations (OtDataset *ds, const OtCitations *c, const OtLoc *loc, gboolean required,
                 const char *what)
{
  if (c->len == 0 && required)
    ot_dataset_diag (ds, loc, OT_SEVERITY_ERROR, "%s has no sources: expected at least one source id",
                     what);
  for (guint i = 0; i < c->len; i++)
    if (ot_dataset_source (ds, c->items[i].source) == NULL)
      ot_dataset_diag (ds, loc, OT_SEVERITY_ERROR, "%s cites unknown source '%s'", what,
                       c->items[i].source);
}

static gboolean
kind_in (OtKind kind, guint mask)
{
  return (mask & (1u << kind)) != 0;
}

#define K(x) (1u << OT_KIND_##x)
#define PARTIES (K (STATE) | K (COMPANY) | K (PERSON) | K (OTHER))
#define HOLDABLE (K (STATE) | K (COMPANY) | K (OTHER) | K (VESSEL) | K (AIRCRAFT))
#define MAKERS (K (STATE) | K (COMPANY) | K (OTHER))
#define ANY 0xffu

/* Which kinds each relation type may join, from and to. */
static const struct
{
  guint from, to;
  const char *from_words, *to_words;
} joins[] = {
  [OT_REL_OWNS] = { PARTIES, HOLDABLE, "a state, company, person or other",
                    "a state, company, other, vessel or aircraft" },
  [OT_REL_CONTROLS] = { PARTIES, HOLDABLE, "a state, company, person or other",
                        "a state, company, other, vessel or aircraft" },
  [OT_REL_BRAND_OF] = { K (BRAND), PARTIES, "a brand", "a state, company, person or other" },
  [OT_REL_MANUFACTURES] = { MAKERS, K (BRAND) | K (PRODUCT), "a state, company or other",
                            "a brand or product" },
  [OT_REL_PRODUCT_OF] = { K (PRODUCT), K (BRAND), "a product", "a brand" },
  [OT_REL_SUCCESSOR_OF] = { ANY, ANY, NULL, NULL },
  [OT_REL_SAME_AS] = { ANY, ANY, NULL, NULL },
  [OT_REL_LINKED] = { ANY, ANY, NULL, NULL },
};

static gboolean
resolve_entity (OtDataset *ds, const char *id, guint32 *index, const OtLoc *loc, const char *what)
{
  gint64 i = ot_dataset_entity_index (ds, id);
  if (i < 0)
    {
      ot_dataset_diag (ds, loc, OT_SEVERITY_ERROR, "%s names unknown entity '%s'", what, id);
      return FALSE;
    }
  *index = (guint32)i;
  return TRUE;
}

static void
check_relation (OtDataset *ds, OtRelation *r, guint8 *referenced)
{
  gboolean ok_from = resolve_entity (ds, r->from_id, &r->from, &r->loc, "relation 'from'");
  gboolean ok_to = resolve_entity (ds, r->to_id, &r->to, &r->loc, "relation 'to'");
  if (ok_from)
    referenced[r->from] = 1;
  if (ok_to)
    referenced[r->to] = 1;
  if (ok_from && ok_to)
    {
      const OtEntity *from = OT_ENTITY (ds, r->from), *to = OT_ENTITY (ds, r->to);
      if (!kind_in (from->kind, joins[r->type].from))
        ot_dataset_diag (ds, &r->loc, OT_SEVERITY_ERROR,
                         "'%s' cannot start from '%s': expected %s, found a %s",
                         ot_rel_name (r->type), from->id, joins[r->type].from_words,
                         ot_kind_name (from->kind));
      if (!kind_in (to->kind, joins[r->type].to))
        ot_dataset_diag (ds, &r->loc, OT_SEVERITY_ERROR,
                         "'%s' cannot lead to '%s': expected %s, found a %s",
                         ot_rel_name (r->type), to->id, joins[r->type].to_words,
                         ot_kind_name (to->kind));
    }
  if (r->since && r->until && r->since > r->until)
    {
      char a[11], b[11];
      ot_dataset_diag (ds, &r->loc, OT_SEVERITY_ERROR, "'since' %s is after 'until' %s",
                       ot_date_format (r->since, a), ot_date_format (r->until, b));
    }
  check_citations (ds, &r->sources, &r->loc, TRUE, "relation");
}

static void
check_entity (OtDataset *ds, const OtEntity *e)
{
  check_citations (ds, &e->sources, &e->loc, FALSE, "entity");
  for (guint i = 0; e->patterns != NULL && i < e->patterns->len; i++)
    {
      const char *pattern = g_ptr_array_index (e->patterns, i);
      g_autoptr (GError) local = NULL;
      g_autoptr (GRegex) re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &local);
      if (re == NULL)
        ot_dataset_diag (ds, &e->loc, OT_SEVERITY_ERROR,
                         "model pattern '%s' is not a valid regular expression: %s", pattern,
                         local->message);
    }
  if (e->patterns != NULL && e->kind != OT_KIND_PRODUCT)
    ot_dataset_diag (ds, &e->loc, OT_SEVERITY_ERROR,
                     "'model_patterns' belongs to products: expected kind 'product', found '%s'",
                     ot_kind_name (e->kind));
}

static void
check_list (OtDataset *ds, OtList *l, guint8 *referenced)
{
  for (guint i = 0; l->scope != NULL && i < l->scope->len; i++)
    {
      OtScope *s = &g_array_index (l->scope, OtScope, i);
      if (s->since && s->until && s->since > s->until)
        {
          char a[11], b[11];
          ot_dataset_diag (ds, &s->loc, OT_SEVERITY_ERROR, "'since' %s is after 'until' %s",
                           ot_date_format (s->since, a), ot_date_format (s->until, b));
        }
    }
  for (guint i = 0; l->entries != NULL && i < l->entries->len; i++)
    {
      OtEntry *e = &g_array_index (l->entries, OtEntry, i);
      if (resolve_entity (ds, e->entity_id, &e->entity, &e->loc, "list entry"))
        referenced[e->entity] = 1;
      if (e->listed && e->removed && e->listed > e->removed)
        {
          char a[11], b[11];
          ot_dataset_diag (ds, &e->loc, OT_SEVERITY_ERROR, "'listed' %s is after 'removed' %s",
                           ot_date_format (e->listed, a), ot_date_format (e->removed, b));
        }
      check_citations (ds, &e->sources, &e->loc, TRUE, "list entry");
    }
}

static void
check_policy (OtDataset *ds, const OtPolicy *p)
{
  for (guint i = 0; p->lists != NULL && i < p->lists->len; i++)
    {
      const char *id = g_ptr_array_index (p->lists, i);
      if (ot_dataset_list (ds, id) == NULL)
        {
          const OtLoc *loc = p->list_locs ? &g_array_index (p->list_locs, OtLoc, i) : &p->loc;
          ot_dataset_diag (ds, loc, OT_SEVERITY_ERROR, "policy '%s' names unknown list '%s'", p->id,
                           id);
        }
    }
}

/* Warns where the lower bounds of the holdings into one entity add up to more than 100 % on
 * some date: the dates to try are the starts of the relations (and the open past). */
static void
check_sums (OtDataset *ds, const GArray *into, guint32 owned)
{
  guint n = into->len;
  for (guint k = 0; k <= n; k++)
    {
      OtDate day = OT_DATE_NONE;
      if (k < n)
        {
          day = OT_RELATION (ds, g_array_index (into, guint32, k))->since;
          if (day == OT_DATE_NONE)
            continue;
        }
      else
        {
          /* the open past: only relations without since count */
          day = 1;
        }
      /* one holding per owner: the lowest lower bound of the valid relations */
      g_autoptr (GHashTable) low = g_hash_table_new (NULL, NULL);
      double total = 0;
      for (guint j = 0; j < n; j++)
        {
          const OtRelation *r = OT_RELATION (ds, g_array_index (into, guint32, j));
          if (!ot_relation_valid_on (r, day) || r->share.form == OT_SHARE_NONE)
            continue;
          gpointer key = GUINT_TO_POINTER (r->from + 1);
          double *prev = g_hash_table_lookup (low, key);
          if (prev == NULL)
            {
              g_hash_table_insert (low, key, (gpointer) & r->share.min);
              total += r->share.min;
            }
          else if (r->share.min < *prev)
            {
              total -= *prev - r->share.min;
              g_hash_table_insert (low, key, (gpointer) & r->share.min);
            }
        }
      if (total > 100.0 + 1e-9)
        {
          const OtEntity *e = OT_ENTITY (ds, owned);
          char buf[11];
          if (k < n)
            ot_dataset_diag (ds, &e->loc, OT_SEVERITY_WARNING,
                             "the shares held in '%s' add up to %.15g %% on %s, more than 100 %%",
                             e->id, total, ot_date_format (day, buf));
          else
            ot_dataset_diag (ds, &e->loc, OT_SEVERITY_WARNING,
                             "the shares held in '%s' add up to %.15g %%, more than 100 %%", e->id,
                             total);
          return;
        }
    }
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);
  return x < y ? -1 : x > y;
}

static int
compare_diagnostics (gconstpointer a, gconstpointer b)
{
  const OtDiagnostic *x = a, *y = b;
  int c = g_strcmp0 (x->loc.file, y->loc.file);
  if (c != 0)
    return c;
  if (x->loc.line != y->loc.line)
    return x->loc.line < y->loc.line ? -1 : 1;
  if (x->loc.column != y->loc.column)
    return x->loc.column < y->loc.column ? -1 : 1;
  return strcmp (x->message, y->message);
}

void
ot_dataset_finish (OtDataset *ds)
{
  guint n = ds->entities->len;
  g_autofree guint8 *referenced = g_new0 (guint8, n ? n : 1);
  for (guint i = 0; i < n; i++)
    check_entity (ds, OT_ENTITY (ds, i));
  gboolean all_resolved = TRUE;
  for (guint i = 0; i < ds->relations->len; i++)
    {
      OtRelation *r = OT_RELATION (ds, i);
      guint before = ds->n_errors;
      check_relation (ds, r, referenced);
      if (ds->n_errors != before
          && (ot_dataset_entity_index (ds, r->from_id) < 0
              || ot_dataset_entity_index (ds, r->to_id) < 0))
        all_resolved = FALSE;
    }
  for (guint i = 0; i < ds->lists->len; i++)
    check_list (ds, &g_array_index (ds->lists, OtList, i), referenced);
  for (guint i = 0; i < ds->policies->len; i++)
    check_policy (ds, &g_array_index (ds->policies, OtPolicy, i));

  if (all_resolved)
    {
      /* holdings into each entity, for the sums */
      g_autoptr (GHashTable) into = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
      for (guint i = 0; i < ds->relations->len; i++)
        {
          const OtRelation *r = OT_RELATION (ds, i);
          if (r->type != OT_REL_OWNS)
            continue;
          GArray *a = g_hash_table_lookup (into, GUINT_TO_POINTER (r->to + 1));
          if (a == NULL)
            {
              a = g_array_new (FALSE, FALSE, sizeof (guint32));
              g_hash_table_insert (into, GUINT_TO_POINTER (r->to + 1), a);
            }
          guint32 idx = i;
          g_array_append_val (a, idx);
        }
      g_autoptr (GList) keys = g_hash_table_get_keys (into);
      keys = g_list_sort (keys, compare_keys);
      for (GList *k = keys; k != NULL; k = k->next)
        check_sums (ds, g_hash_table_lookup (into, k->data), GPOINTER_TO_UINT (k->data) - 1);
      ot_graph_check_cycles (ds);
    }

  /* with errors, an unreferenced entity is most often the knock-on of a dropped record */
  for (guint i = 0; i < n && ds->n_errors == 0; i++)
    if (!referenced[i])
      {
        const OtEntity *e = OT_ENTITY (ds, i);
        ot_dataset_diag (ds, &e->loc, OT_SEVERITY_WARNING,
                         "entity '%s' is not referred to by any relation or list entry", e->id);
      }
  g_array_sort (ds->diagnostics, compare_diagnostics);
}
