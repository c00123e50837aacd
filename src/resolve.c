/* Name resolution by exact ranks. A batch of thousands of names against a million entities
 * must not pay a string hash table per name and alias: the index is one array of (64-bit
 * hash of the normalised key, entity, rank), 16 bytes a name, bucketed by the hash's top bits;
 * a hit is confirmed by normalising the entity's own strings again. Model patterns are
 * bucketed by their literal prefix (what an anchored pattern's matches all start with) and
 * compiled on first use, so that a name is tried against the few patterns that can match it
 * and a million products do not cost a million compilations. */
#include "config.h"

#include "resolve.h"

#include <string.h>

typedef struct
{
  guint64 hash;
  guint32 entity;
  guint32 rank; /* OtMatchKind */
} Key;

typedef struct
{
  guint32 entity;
  const char *text; /* as written (interned in the dataset) */
  char *loose_text; /* separators removed */
  GRegex *loose;    /* compiled on first use: matched against the name without separators */
  GRegex *exact;    /* as written, caseless */
  gboolean compiled;
} Pattern;

struct _OtResolver
{
  const OtGraph *graph;
  const OtDataset *dataset;
  GArray *keys;   /* of Key, by bucket; NULL until built */
  guint32 *start; /* 2^bits + 1 offsets of the buckets in keys */
  guint bits;
  GArray *patterns;    /* of Pattern; NULL until built */
  GHashTable *buckets; /* literal prefix (2 to 8 characters) -> GArray of pattern indices */
  GArray *generic;     /* pattern indices without a usable prefix */
};

void
ot_resolution_clear (OtResolution *res)
{
  g_clear_pointer (&res->others, g_array_unref);
  g_clear_pointer (&res->candidates, g_array_unref);
  res->kind = OT_MATCH_NONE;
  res->entity = -1;
  res->score = 0;
}

const char *
ot_match_kind_name (OtMatchKind kind)
{
  static const char *const names[] = {
    [OT_MATCH_NONE] = "none", [OT_MATCH_ID] = "id",       [OT_MATCH_IDENTIFIER] = "identifier",
    [OT_MATCH_NAME] = "name", [OT_MATCH_ALIAS] = "alias", [OT_MATCH_PATTERN] = "pattern",
  };
  return names[kind];
}

char *
ot_resolve_key (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean ascii = TRUE;
  for (const char *p = trimmed; *p; p++)
    if ((guchar)*p >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii) /* NFKC and case folding of ASCII are its lower case */
    return g_ascii_strdown (trimmed, -1);
  g_autofree char *nfkc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL) /* not UTF-8: compare bytes */
    return g_steal_pointer (&trimmed);
  g_autofree char *folded = g_utf8_casefold (nfkc, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}

#define FNV_OFFSET 14695981039346656037ull
#define FNV_PRIME 1099511628211ull

static guint64
hash64 (const char *s)
{
  guint64 h = FNV_OFFSET; /* FNV-1a */
  for (; *s; s++)
    {
      h ^= (guchar)*s;
      h *= FNV_PRIME;
    }
  return h;
}

/* hash64 (ot_resolve_key (text)) without allocating for ASCII text, which most names are;
 * *normal is set when text is its own key. */
static guint64
key_hash (const char *text, gboolean *normal)
{
  const char *start = text, *end = text + strlen (text);
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  gboolean same = start == text && *end == '\0';
  guint64 h = FNV_OFFSET;
  for (const char *p = start; p < end; p++)
    {
      guchar c = *p;
      if (c >= 0x80)
        {
          g_autofree char *k = ot_resolve_key (text);
          *normal = strcmp (k, text) == 0;
          return hash64 (k);
        }
      if (c >= 'A' && c <= 'Z')
        {
          c += 'a' - 'A';
          same = FALSE;
        }
      h ^= c;
      h *= FNV_PRIME;
    }
  *normal = same;
  return h;
}

static void
add_key (GArray *keys, const char *text, guint32 entity, OtMatchKind rank)
{
  if (text == NULL || *text == '\0')
    return;
  gboolean normal;
  Key key = { key_hash (text, &normal), entity, rank };
  /* an id that is its own key is found by the dataset's id index: no need to repeat it */
  if (rank == OT_MATCH_ID && normal)
    return;
  g_array_append_val (keys, key);
}

/* The keys are put in 2^bits buckets by the top bits of their hash (a counting sort: linear,
 * where sorting millions of keys by comparison took most of the index's time). */
static void
build_keys (OtResolver *rv)
{
  const OtDataset *ds = rv->dataset;
  g_autoptr (GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (Key), ds->entities->len * 2);
  for (guint32 i = 0; i < ds->entities->len; i++)
    {
      const OtEntity *e = OT_ENTITY (ds, i);
      add_key (keys, e->id, i, OT_MATCH_ID);
      for (guint j = 0; e->identifiers != NULL && j < e->identifiers->len; j++)
        add_key (keys, g_array_index (e->identifiers, OtIdentifier, j).value, i,
                 OT_MATCH_IDENTIFIER);
      add_key (keys, e->name, i, OT_MATCH_NAME);
      for (guint j = 0; e->aliases != NULL && j < e->aliases->len; j++)
        add_key (keys, g_ptr_array_index (e->aliases, j), i, OT_MATCH_ALIAS);
    }
  rv->bits = 1;
  while (rv->bits < 30 && (8u << rv->bits) < keys->len) /* about 8 keys a bucket */
    rv->bits++;
  guint32 n_buckets = 1u << rv->bits;
  rv->start = g_new0 (guint32, n_buckets + 1);
  for (guint i = 0; i < keys->len; i++)
    rv->start[(g_array_index (keys, Key, i).hash >> (64 - rv->bits)) + 1]++;
  for (guint32 b = 0; b < n_buckets; b++)
    rv->start[b + 1] += rv->start[b];
  g_autofree guint32 *pos = g_memdup2 (rv->start, sizeof (guint32) * n_buckets);
  rv->keys = g_array_sized_new (FALSE, FALSE, sizeof (Key), keys->len);
  g_array_set_size (rv->keys, keys->len);
  for (guint i = 0; i < keys->len; i++)
    {
      const Key *k = &g_array_index (keys, Key, i);
      g_array_index (rv->keys, Key, pos[k->hash >> (64 - rv->bits)]++) = *k;
    }
}

/* TRUE when entity really has key at rank (the hash could collide). */
static gboolean
confirm (const OtEntity *e, const char *key, OtMatchKind rank)
{
  switch (rank)
    {
    case OT_MATCH_ID:
      {
        g_autofree char *k = ot_resolve_key (e->id);
        return strcmp (k, key) == 0;
      }
    case OT_MATCH_IDENTIFIER:
      for (guint j = 0; e->identifiers != NULL && j < e->identifiers->len; j++)
        {
          g_autofree char *k
              = ot_resolve_key (g_array_index (e->identifiers, OtIdentifier, j).value);
          if (strcmp (k, key) == 0)
            return TRUE;
        }
      return FALSE;
    case OT_MATCH_NAME:
      {
        g_autofree char *k = ot_resolve_key (e->name);
        return strcmp (k, key) == 0;
      }
    case OT_MATCH_ALIAS:
      for (guint j = 0; e->aliases != NULL && j < e->aliases->len; j++)
        {
          g_autofree char *k = ot_resolve_key (g_ptr_array_index (e->aliases, j));
          if (strcmp (k, key) == 0)
            return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
is_separator (gunichar c)
{
  return c == '-' || c == '_' || c == '.' || c == '/' || g_unichar_isspace (c);
}

/* text without separators, upper case (for model numbers). */
static char *
strip_separators (const char *text)
{
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;
      if (!is_separator (c))
        g_string_append_unichar (out, g_unichar_toupper (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_quantifier (char c)
{
  return c == '?' || c == '*' || c == '+' || c == '{';
}

#define MAX_PREFIX 8

/* The pattern with its literal separators (outside character classes) taken out, with any
 * quantifier on them; the literal prefix of an anchored pattern into prefix (upper case,
 * separators left out, at most MAX_PREFIX characters; "" when shorter than 2). */
static char *
loosen (const char *pattern, char prefix[MAX_PREFIX + 1])
{
  GString *out = g_string_new (NULL);
  gboolean in_class = FALSE, prefix_open = pattern[0] == '^';
  int n_prefix = 0;
  prefix[0] = '\0';
  if (strchr (pattern, '|') != NULL)
    prefix_open = FALSE; /* an alternation: no prefix is shared by every match */
  for (const char *p = pattern; *p; p++)
    {
      char c = *p;
      if (in_class)
        {
          g_string_append_c (out, c);
          if (c == '\\' && p[1])
            g_string_append_c (out, *++p);
          else if (c == ']')
            in_class = FALSE;
          continue;
        }
      gboolean sep = FALSE, literal = FALSE;
      char lit = 0;
      if (c == '\\' && p[1] && strchr ("-. /_", p[1]))
        {
          sep = TRUE;
          p++;
        }
      else if (c == '-' || c == ' ' || c == '_' || c == '/')
        sep = TRUE;
      else if (g_ascii_isalnum (c))
        {
          literal = TRUE;
          lit = g_ascii_toupper (c);
        }
      if (sep)
        {
          if (is_quantifier (p[1]))
            {
              p++;
              if (*p == '{')
                while (p[1] && *p != '}')
                  p++;
              if (p[1] == '?' || p[1] == '+')
                p++;
            }
          continue;
        }
      if (prefix_open)
        {
          if (literal && !is_quantifier (p[1]) && n_prefix < MAX_PREFIX)
            {
              prefix[n_prefix++] = lit;
              prefix[n_prefix] = '\0';
            }
          else if (!(c == '^' && p == pattern))
            prefix_open = FALSE;
        }
      if (c == '[')
        in_class = TRUE;
      g_string_append_c (out, c);
      if (c == '\\' && p[1])
        g_string_append_c (out, *++p);
    }
  if (n_prefix < 2)
    prefix[0] = '\0';
  return g_string_free (out, FALSE);
}

static void
build_patterns (OtResolver *rv)
{
  const OtDataset *ds = rv->dataset;
  rv->patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  rv->buckets
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  rv->generic = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 i = 0; i < ds->entities->len; i++)
    {
      const OtEntity *e = OT_ENTITY (ds, i);
      for (guint j = 0; e->patterns != NULL && j < e->patterns->len; j++)
        {
          char prefix[MAX_PREFIX + 1];
          Pattern pat = { .entity = i, .text = g_ptr_array_index (e->patterns, j) };
          pat.loose_text = loosen (pat.text, prefix);
          guint32 index = rv->patterns->len;
          g_array_append_val (rv->patterns, pat);
          if (prefix[0] == '\0')
            {
              g_array_append_val (rv->generic, index);
              continue;
            }
          GArray *bucket = g_hash_table_lookup (rv->buckets, prefix);
          if (bucket == NULL)
            {
              bucket = g_array_new (FALSE, FALSE, sizeof (guint32));
              g_hash_table_insert (rv->buckets, g_strdup (prefix), bucket);
            }
          g_array_append_val (bucket, index);
        }
    }
}

static gboolean
pattern_matches (Pattern *pat, const char *name, const char *stripped)
{
  if (!pat->compiled)
    {
      /* a pattern that does not compile matches nothing; validate reports it */
      pat->exact = g_regex_new (pat->text, G_REGEX_CASELESS, 0, NULL);
      pat->loose = g_regex_new (pat->loose_text, G_REGEX_CASELESS, 0, NULL);
      pat->compiled = TRUE;
    }
  return (pat->loose != NULL && g_regex_match (pat->loose, stripped, 0, NULL))
         || (pat->exact != NULL && g_regex_match (pat->exact, name, 0, NULL));
}

static void
match_patterns (OtResolver *rv, const char *name, GArray *matches)
{
  if (rv->patterns == NULL)
    build_patterns (rv);
  if (rv->patterns->len == 0)
    return;
  g_autofree char *stripped = strip_separators (name);
  for (guint k = 0; k < rv->generic->len; k++)
    {
      Pattern *pat
          = &g_array_index (rv->patterns, Pattern, g_array_index (rv->generic, guint32, k));
      if (pattern_matches (pat, name, stripped))
        g_array_append_val (matches, pat->entity);
    }
  /* the buckets of every prefix of the name, 2 to MAX_PREFIX characters long */
  char prefix[MAX_PREFIX + 1];
  for (int len = 2; len <= MAX_PREFIX && stripped[len - 1] != '\0'; len++)
    {
      memcpy (prefix, stripped, len);
      prefix[len] = '\0';
      GArray *bucket = g_hash_table_lookup (rv->buckets, prefix);
      for (guint k = 0; bucket != NULL && k < bucket->len; k++)
        {
          Pattern *pat = &g_array_index (rv->patterns, Pattern, g_array_index (bucket, guint32, k));
          if (pattern_matches (pat, name, stripped))
            g_array_append_val (matches, pat->entity);
        }
    }
}

/* The entities upstream of e (what its status can come from), a few steps up. */
static GHashTable *
upstream_set (const OtResolver *rv, guint32 e)
{
  const OtDataset *ds = rv->dataset;
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) frontier = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (frontier, e);
  for (int depth = 0; depth < 6 && frontier->len > 0 && g_hash_table_size (seen) < 5000; depth++)
    {
      g_autoptr (GArray) next = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint i = 0; i < frontier->len; i++)
        {
          guint32 x = g_array_index (frontier, guint32, i);
          guint32 n;
          const guint32 *in = ot_graph_in (rv->graph, x, &n);
          for (guint32 k = 0; k < n; k++)
            {
              const OtRelation *r = OT_RELATION (ds, in[k]);
              if (r->type == OT_REL_LINKED || r->type == OT_REL_BRAND_OF
                  || r->type == OT_REL_PRODUCT_OF || r->type == OT_REL_SUCCESSOR_OF)
                continue;
              if (g_hash_table_add (seen, GUINT_TO_POINTER (r->from + 1)))
                g_array_append_val (next, r->from);
            }
          const guint32 *out = ot_graph_out (rv->graph, x, &n);
          for (guint32 k = 0; k < n; k++)
            {
              const OtRelation *r = OT_RELATION (ds, out[k]);
              if (r->type != OT_REL_BRAND_OF && r->type != OT_REL_PRODUCT_OF
                  && r->type != OT_REL_SUCCESSOR_OF && r->type != OT_REL_SAME_AS)
                continue;
              if (g_hash_table_add (seen, GUINT_TO_POINTER (r->to + 1)))
                g_array_append_val (next, r->to);
            }
        }
      g_array_unref (frontier);
      frontier = g_steal_pointer (&next);
    }
  return seen;
}

static int
index_cmp (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  return x < y ? -1 : x > y;
}

static int
id_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  const OtDataset *ds = data;
  return strcmp (OT_ENTITY (ds, *(const guint32 *)a)->id, OT_ENTITY (ds, *(const guint32 *)b)->id);
}

/* Decides between several matches of one rank: the one upstream of all the others (or tied
 * with them by same_as or a cycle) wins; the first by id among such equals. */
static gboolean
pick (OtResolver *rv, GArray *matches, OtResolution *out)
{
  const OtDataset *ds = rv->dataset;
  g_array_sort_with_data (matches, id_cmp, (gpointer)ds);
  guint n = matches->len;
  if (n == 1)
    {
      out->entity = g_array_index (matches, guint32, 0);
      return TRUE;
    }
  g_autoptr (GPtrArray) ups = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ups, upstream_set (rv, g_array_index (matches, guint32, i)));
  for (guint i = 0; i < n; i++)
    {
      guint32 a = g_array_index (matches, guint32, i);
      gboolean all = TRUE;
      for (guint j = 0; j < n && all; j++)
        {
          if (i != j
              && !g_hash_table_contains (g_ptr_array_index (ups, j), GUINT_TO_POINTER (a + 1)))
            all = FALSE;
        }
      if (all)
        {
          out->entity = a;
          out->others = g_array_new (FALSE, FALSE, sizeof (guint32));
          for (guint j = 0; j < n; j++)
            if (j != i)
              g_array_append_val (out->others, g_array_index (matches, guint32, j));
          return TRUE;
        }
    }
  out->candidates = g_array_ref (matches);
  return FALSE;
}

OtResolver *
ot_resolver_new (const OtGraph *graph)
{
  OtResolver *rv = g_new0 (OtResolver, 1);
  rv->graph = graph;
  rv->dataset = ot_graph_dataset (graph);
  return rv;
}

void
ot_resolver_free (OtResolver *rv)
{
  if (rv == NULL)
    return;
  g_clear_pointer (&rv->keys, g_array_unref);
  g_free (rv->start);
  for (guint i = 0; rv->patterns != NULL && i < rv->patterns->len; i++)
    {
      Pattern *p = &g_array_index (rv->patterns, Pattern, i);
      g_clear_pointer (&p->loose, g_regex_unref);
      g_free (p->loose_text);
      g_clear_pointer (&p->exact, g_regex_unref);
    }
  g_clear_pointer (&rv->patterns, g_array_unref);
  g_clear_pointer (&rv->buckets, g_hash_table_unref);
  g_clear_pointer (&rv->generic, g_array_unref);
  g_free (rv);
}

gboolean
ot_resolve (OtResolver *rv, const char *name, OtResolution *out)
{
  g_return_val_if_fail (rv != NULL && name != NULL && out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  out->entity = -1;
  const OtDataset *ds = rv->dataset;
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint32));

  gint64 exact = ot_dataset_entity_index (ds, name);
  if (exact >= 0)
    {
      out->kind = OT_MATCH_ID;
      out->score = 1;
      out->entity = exact;
      return TRUE;
    }
  if (rv->keys == NULL)
    build_keys (rv);
  g_autofree char *key = ot_resolve_key (name);
  if (*key != '\0')
    {
      /* an id that is its own key is not in the index: the dataset finds it */
      gint64 id = ot_dataset_entity_index (ds, key);
      if (id >= 0)
        {
          guint32 entity = id;
          out->kind = OT_MATCH_ID;
          g_array_append_val (matches, entity);
        }
      guint64 h = hash64 (key);
      guint32 b = h >> (64 - rv->bits);
      /* the lowest confirmed rank decides */
      for (guint32 i = rv->start[b]; i < rv->start[b + 1]; i++)
        {
          const Key *k = &g_array_index (rv->keys, Key, i);
          if (k->hash != h || (out->kind != OT_MATCH_NONE && k->rank > out->kind))
            continue;
          if (!confirm (OT_ENTITY (ds, k->entity), key, k->rank))
            continue;
          if (out->kind == OT_MATCH_NONE || k->rank < out->kind)
            {
              g_array_set_size (matches, 0);
              out->kind = k->rank;
            }
          guint32 entity = k->entity;
          g_array_append_val (matches, entity);
        }
    }
  if (matches->len == 0)
    {
      match_patterns (rv, name, matches);
      if (matches->len > 0)
        out->kind = OT_MATCH_PATTERN;
    }
  if (matches->len == 0)
    {
      out->candidates = g_array_new (FALSE, FALSE, sizeof (guint32));
      return FALSE;
    }
  /* one entity may match twice at a rank (two identifiers, or two patterns) */
  g_array_sort (matches, index_cmp);
  guint w = 0;
  for (guint i = 0; i < matches->len; i++)
    if (w == 0 || g_array_index (matches, guint32, w - 1) != g_array_index (matches, guint32, i))
      g_array_index (matches, guint32, w++) = g_array_index (matches, guint32, i);
  g_array_set_size (matches, w);
  out->score = 1;
  return pick (rv, matches, out);
}

void
ot_resolution_format (GString *out, const OtDataset *ds, const char *query, const OtResolution *res,
                      const char *on, const char *off)
{
  guint n = res->candidates ? res->candidates->len : 0;
  g_string_append_printf (out, "%s: %sunresolved%s", query, on ? on : "", off ? off : "");
  if (n == 0)
    {
      g_string_append (out, " (matches nothing)\n");
      return;
    }
  g_string_append_printf (out, " (%u unrelated entities match by %s)\n", n,
                          ot_match_kind_name (res->kind));
  for (guint i = 0; i < n; i++)
    {
      const OtEntity *e = OT_ENTITY (ds, g_array_index (res->candidates, guint32, i));
      g_string_append_printf (out, "  candidate  %s  %s (%s)\n", e->id, e->name,
                              ot_kind_name (e->kind));
    }
}
