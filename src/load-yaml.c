/* The YAML reader: libyaml's event API, one record at a time, typing each value by its field
 * (YAML 1.2 meaning: `country: NO` is the string "NO"). Every problem becomes a diagnostic with
 * the line and column of libyaml's marks; a syntax error stops the file, anything else is
 * reported and reading goes on. Aliases are refused, so an alias bomb cannot expand. */
#include "config.h"

#include "load.h"

#include <string.h>
#include <yaml.h>

#include "error.h"
#include "load-private.h"

typedef struct
{
  OtDataset *ds;
  const char *file; /* interned */
  yaml_parser_t parser;
  yaml_event_t event; /* the current event, not yet consumed */
  gboolean failed;    /* a syntax error: nothing more is read */
} Reader;

static OtLoc
mark_loc (Reader *r, const yaml_mark_t *mark)
{
  OtLoc loc = { r->file, (guint32)mark->line + 1, (guint32)mark->column + 1 };
  return loc;
}

static OtLoc
here (Reader *r)
{
  return mark_loc (r, &r->event.start_mark);
}

static void
error_at (Reader *r, const OtLoc *loc, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
error_at (Reader *r, const OtLoc *loc, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  ot_dataset_diag (r->ds, loc, OT_SEVERITY_ERROR, "%s", message);
}

/* Reads the next event into r->event; on a syntax error or an alias, records it and marks the
 * reader failed (the current event is then a stream end). */
static void
advance (Reader *r)
{
  yaml_event_delete (&r->event);
  if (r->failed)
    goto end;
  if (!yaml_parser_parse (&r->parser, &r->event))
    {
      OtLoc loc = mark_loc (r, &r->parser.problem_mark);
      const char *problem = r->parser.problem ? r->parser.problem : "unreadable YAML";
      if (r->parser.error == YAML_READER_ERROR)
        error_at (r, &loc, "not valid UTF-8 text: %s", problem);
      else if (r->parser.context != NULL)
        error_at (r, &loc, "YAML syntax error: %s %s", problem, r->parser.context);
      else
        error_at (r, &loc, "YAML syntax error: %s", problem);
      r->failed = TRUE;
      goto end;
    }
  if (r->event.type == YAML_ALIAS_EVENT)
    {
      OtLoc loc = here (r);
      error_at (r, &loc, "YAML aliases are not supported: expected a value, found alias '*%s'",
                (const char *)r->event.data.alias.anchor);
      r->failed = TRUE;
      yaml_event_delete (&r->event);
      goto end;
    }
  return;
end:
  /* a stream end lets every loop above finish */
  memset (&r->event, 0, sizeof r->event);
  r->event.type = YAML_STREAM_END_EVENT;
}

static const char *
event_words (const yaml_event_t *e)
{
  switch (e->type)
    {
    case YAML_SCALAR_EVENT:
      return "a scalar";
    case YAML_SEQUENCE_START_EVENT:
      return "a sequence";
    case YAML_MAPPING_START_EVENT:
      return "a mapping";
    default:
      return "the end of the block";
    }
}

/* Skips the current node, however deep, without recursion. */
static void
skip_node (Reader *r)
{
  int depth = 0;
  do
    {
      switch (r->event.type)
        {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          depth++;
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          depth--;
          break;
        case YAML_STREAM_END_EVENT:
          return;
        default:
          break;
        }
      advance (r);
    }
  while (depth > 0);
}

static gboolean
is_null_scalar (const yaml_event_t *e)
{
  if (e->type != YAML_SCALAR_EVENT || e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  const char *v = (const char *)e->data.scalar.value;
  return *v == '\0' || strcmp (v, "~") == 0 || strcmp (v, "null") == 0 || strcmp (v, "Null") == 0
         || strcmp (v, "NULL") == 0;
}

static const char *
scalar (Reader *r)
{
  return (const char *)r->event.data.scalar.value;
}

/* Expects a scalar; returns it interned (NULL for a YAML null) and consumes it. */
static const char *
read_string (Reader *r, const char *key)
{
  if (r->event.type != YAML_SCALAR_EVENT)
    {
      OtLoc loc = here (r);
      error_at (r, &loc, "expected a string for '%s', found %s", key, event_words (&r->event));
      skip_node (r);
      return NULL;
    }
  const char *value = NULL;
  if (!is_null_scalar (&r->event))
    value = ot_dataset_intern (r->ds, scalar (r));
  advance (r);
  return value;
}

static const char *
read_id (Reader *r, const char *key)
{
  OtLoc loc = here (r);
  const char *id = read_string (r, key);
  if (id != NULL && !ot_id_valid (id))
    {
      g_autofree char *shown = g_strescape (id, "\xc2\xa0");
      error_at (r, &loc,
                "expected an id for '%s' (no spaces, control characters or '#'), found '%s'", key,
                shown);
      return NULL;
    }
  return id;
}

/* A number: a plain scalar (a quoted one is a string in YAML). */
static gboolean
read_number (Reader *r, const char *key, double *value)
{
  OtLoc loc = here (r);
  if (r->event.type != YAML_SCALAR_EVENT)
    {
      error_at (r, &loc, "expected a number for '%s', found %s", key, event_words (&r->event));
      skip_node (r);
      return FALSE;
    }
  gboolean ok = r->event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                && ot_number_parse (scalar (r), value);
  if (!ok)
    {
      g_autofree char *shown = g_strescape (scalar (r), "\xc2\xa0");
      if (r->event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        error_at (r, &loc, "expected a number for '%s', found the string '%s'", key, shown);
      else
        error_at (r, &loc, "expected a number for '%s', found '%s'", key, shown);
    }
  advance (r);
  return ok;
}

static gboolean
read_percent (Reader *r, const char *key, double *value)
{
  OtLoc loc = here (r);
  if (!read_number (r, key, value))
    return FALSE;
  if (*value < 0 || *value > 100)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      error_at (r, &loc, "expected a share from 0 to 100 for '%s', found '%s'", key,
                ot_number_format (*value, buf, sizeof buf));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_bool (Reader *r, const char *key, gboolean *value)
{
  OtLoc loc = here (r);
  if (r->event.type == YAML_SCALAR_EVENT && r->event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
    {
      const char *v = scalar (r);
      if (strcmp (v, "true") == 0 || strcmp (v, "True") == 0 || strcmp (v, "TRUE") == 0)
        *value = TRUE;
      else if (strcmp (v, "false") == 0 || strcmp (v, "False") == 0 || strcmp (v, "FALSE") == 0)
        *value = FALSE;
      else
        {
          g_autofree char *shown = g_strescape (v, "\xc2\xa0");
          error_at (r, &loc, "expected true or false for '%s', found '%s'", key, shown);
          advance (r);
          return FALSE;
        }
      advance (r);
      return TRUE;
    }
  if (r->event.type == YAML_SCALAR_EVENT)
    {
      g_autofree char *shown = g_strescape (scalar (r), "\xc2\xa0");
      error_at (r, &loc, "expected true or false for '%s', found the string '%s'", key, shown);
      advance (r);
    }
  else
    {
      error_at (r, &loc, "expected true or false for '%s', found %s", key,
                event_words (&r->event));
      skip_node (r);
    }
  return FALSE;
}

static OtDate
read_date (Reader *r, const char *key)
{
  OtLoc loc = here (r);
  const char *text = read_string (r, key);
  if (text == NULL)
    return OT_DATE_NONE;
  OtDate date = ot_date_parse (text);
  if (date == OT_DATE_NONE)
    {
      g_autofree char *shown = g_strescape (text, "\xc2\xa0");
      error_at (r, &loc, "expected a date YYYY-MM-DD for '%s', found '%s'", key, shown);
    }
  return date;
}

/* Expects a sequence start; on anything else reports it, skips it and returns FALSE. */
static gboolean
begin_sequence (Reader *r, const char *key)
{
  if (r->event.type == YAML_SEQUENCE_START_EVENT)
    {
      advance (r);
      return TRUE;
    }
  OtLoc loc = here (r);
  if (!is_null_scalar (&r->event))
    error_at (r, &loc, "expected a sequence for '%s', found %s", key, event_words (&r->event));
  skip_node (r);
  return FALSE;
}

static gboolean
begin_mapping (Reader *r, const char *what)
{
  if (r->event.type == YAML_MAPPING_START_EVENT)
    {
      advance (r);
      return TRUE;
    }
  OtLoc loc = here (r);
  error_at (r, &loc, "expected a mapping for %s, found %s", what, event_words (&r->event));
  skip_node (r);
  return FALSE;
}

/* A sequence of strings; NULL when empty or absent. */
static GPtrArray *
read_strings (Reader *r, const char *key)
{
  if (!begin_sequence (r, key))
    return NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  while (r->event.type != YAML_SEQUENCE_END_EVENT && r->event.type != YAML_STREAM_END_EVENT)
    {
      OtLoc loc = here (r);
      const char *item = read_string (r, key);
      if (item != NULL)
        g_ptr_array_add (items, (gpointer)item);
      else if (!r->failed)
        error_at (r, &loc, "expected a string in '%s', found null", key);
    }
  advance (r);
  return items->len > 0 ? g_steal_pointer (&items) : NULL;
}

static OtCitations
read_citations (Reader *r, const char *key)
{
  OtCitations none = { NULL, 0 };
  if (!begin_sequence (r, key))
    return none;
  g_autoptr (GArray) items = g_array_new (FALSE, TRUE, sizeof (OtCitation));
  while (r->event.type != YAML_SEQUENCE_END_EVENT && r->event.type != YAML_STREAM_END_EVENT)
    {
      OtLoc loc = here (r);
      const char *text = read_string (r, key);
      if (text == NULL)
        {
          if (!r->failed)
            error_at (r, &loc, "expected a source id in '%s', found null", key);
          continue;
        }
      OtCitation c = { 0 };
      const char *hash = strchr (text, '#');
      g_autofree char *id = hash ? g_strndup (text, (gsize)(hash - text)) : g_strdup (text);
      if (!ot_id_valid (id) || (hash != NULL && hash[1] == '\0'))
        {
          g_autofree char *shown = g_strescape (text, "\xc2\xa0");
          error_at (r, &loc, "expected a source id or 'id#record' in '%s', found '%s'", key,
                    shown);
          continue;
        }
      c.source = ot_dataset_intern (r->ds, id);
      c.record = hash ? ot_dataset_intern (r->ds, hash + 1) : NULL;
      g_array_append_val (items, c);
    }
  advance (r);
  return ot_dataset_citations (r->ds, (OtCitation *)items->data, items->len);
}

/* The keys of one record, for "unknown key" messages and to refuse a key given twice. */
typedef struct
{
  const char *what;         /* "entity" */
  const char *const *keys;  /* NULL-terminated */
  guint32 seen;             /* bit per key */
} Keys;

/* Reads the next key of a mapping; returns its index in keys, or -1 when the mapping ends
 * (consumed) or the key was bad (reported and its value skipped: the caller loops). */
static int
next_key (Reader *r, Keys *keys, gboolean *done, OtLoc *key_loc)
{
  *done = FALSE;
  if (r->event.type == YAML_MAPPING_END_EVENT || r->event.type == YAML_STREAM_END_EVENT)
    {
      *done = TRUE;
      advance (r);
      return -1;
    }
  *key_loc = here (r);
  if (r->event.type != YAML_SCALAR_EVENT)
    {
      error_at (r, key_loc, "expected a key in %s, found %s", keys->what, event_words (&r->event));
      skip_node (r);
      skip_node (r);
      return -1;
    }
  g_autofree char *key = g_strdup (scalar (r));
  advance (r);
  for (int i = 0; keys->keys[i] != NULL; i++)
    if (strcmp (keys->keys[i], key) == 0)
      {
        if (keys->seen & (1u << i))
          {
            error_at (r, key_loc, "key '%s' is given twice in %s", key, keys->what);
            skip_node (r);
            return -1;
          }
        keys->seen |= 1u << i;
        return i;
      }
  g_autofree char *shown = g_strescape (key, "\xc2\xa0");
  g_autofree char *known = g_strjoinv (", ", (char **)keys->keys);
  /* `name: Acme Co., Ltd.` in a flow mapping: the comma ends the value, "Ltd." becomes a key */
  gboolean split = r->event.type == YAML_SCALAR_EVENT && r->event.data.scalar.length == 0
                   && r->event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  error_at (r, key_loc, "unknown key '%s' in %s: expected one of %s%s", shown, keys->what, known,
            split ? " (a comma inside {...} ends a value: quote a value that has one)" : "");
  skip_node (r);
  return -1;
}

static void
missing (Reader *r, const OtLoc *loc, const char *what, const char *key)
{
  error_at (r, loc, "%s has no '%s': expected a value for it", what, key);
}

static void
read_source (Reader *r)
{
  static const char *const names[] = { "id", "title", "url", "publisher", "date", "note", NULL };
  Keys keys = { "source", names, 0 };
  OtSource s = { 0 };
  s.loc = here (r);
  if (!begin_mapping (r, "a source"))
    return;
  gboolean done = FALSE;
  while (!done)
    {
      OtLoc kl;
      switch (next_key (r, &keys, &done, &kl))
        {
        case 0: s.id = read_id (r, "id"); break;
        case 1: s.title = read_string (r, "title"); break;
        case 2: s.url = read_string (r, "url"); break;
        case 3: s.publisher = read_string (r, "publisher"); break;
        case 4:
          {
            OtLoc loc = here (r);
            s.date = read_string (r, "date");
            if (s.date != NULL && !ot_date_partial_valid (s.date))
              {
                g_autofree char *shown = g_strescape (s.date, "\xc2\xa0");
                error_at (r, &loc, "expected a date YYYY-MM-DD, YYYY-MM or YYYY for 'date', found '%s'",
                          shown);
                s.date = NULL;
              }
            break;
          }
        case 5: s.note = read_string (r, "note"); break;
        default: break;
        }
    }
  if (!(keys.seen & 1))
    missing (r, &s.loc, "source", "id");
  if (!(keys.seen & 2))
    missing (r, &s.loc, "source", "title");
  if (s.id != NULL)
    ot_dataset_add_source (r->ds, &s);
}

static GArray *
read_identifiers (Reader *r)
{
  if (!begin_mapping (r, "'identifiers' (scheme: value)"))
    return NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, TRUE, sizeof (OtIdentifier));
  while (r->event.type != YAML_MAPPING_END_EVENT && r->event.type != YAML_STREAM_END_EVENT)
    {
      OtLoc loc = here (r);
      const char *scheme = read_string (r, "identifiers");
      const char *value = read_string (r, "identifiers");
      if (scheme == NULL || value == NULL)
        {
          if (!r->failed)
            error_at (r, &loc, "expected 'scheme: value' in 'identifiers', found null");
          continue;
        }
      OtIdentifier id = { scheme, value };
      g_array_append_val (ids, id);
    }
  advance (r);
  return ids->len > 0 ? g_steal_pointer (&ids) : NULL;
}

static gboolean
country_valid (const char *text)
{
  return strlen (text) == 2 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]);
}

static void
read_entity (Reader *r)
{
  static const char *const names[] = {
    "id", "kind", "name", "aliases", "country", "identifiers", "addresses", "model_patterns",
    "sources", "note", NULL,
  };
  Keys keys = { "entity", names, 0 };
  OtEntity e = { 0 };
  gboolean kind_ok = FALSE;
  e.loc = here (r);
  if (!begin_mapping (r, "an entity"))
    return;
  gboolean done = FALSE;
  while (!done)
    {
      OtLoc kl;
      switch (next_key (r, &keys, &done, &kl))
        {
        case 0: e.id = read_id (r, "id"); break;
        case 1:
          {
            OtLoc loc = here (r);
            const char *kind = read_string (r, "kind");
            int k = ot_kind_parse (kind);
            if (k < 0 && kind != NULL)
              error_at (r, &loc,
                        "expected a kind (state, company, person, brand, product, vessel, "
                        "aircraft or other), found '%s'",
                        kind);
            kind_ok = k >= 0;
            e.kind = k >= 0 ? (OtKind)k : OT_KIND_OTHER;
            break;
          }
        case 2: e.name = read_string (r, "name"); break;
        case 3: e.aliases = read_strings (r, "aliases"); break;
        case 4:
          {
            OtLoc loc = here (r);
            e.country = read_string (r, "country");
            if (e.country != NULL && !country_valid (e.country))
              {
                error_at (r, &loc,
                          "expected an ISO 3166-1 alpha-2 country code such as 'CN' for "
                          "'country', found '%s'",
                          e.country);
                e.country = NULL;
              }
            break;
          }
        case 5: e.identifiers = read_identifiers (r); break;
        case 6: e.addresses = read_strings (r, "addresses"); break;
        case 7: e.patterns = read_strings (r, "model_patterns"); break;
        case 8: e.sources = read_citations (r, "sources"); break;
        case 9: e.note = read_string (r, "note"); break;
        default: break;
        }
    }
  if (!(keys.seen & 1))
    missing (r, &e.loc, "entity", "id");
  if (!(keys.seen & 2))
    missing (r, &e.loc, "entity", "kind");
  if (!(keys.seen & 4) || ((keys.seen & 4) && e.name == NULL))
    missing (r, &e.loc, "entity", "name");
  if (e.id != NULL && kind_ok && e.name != NULL)
    ot_dataset_add_entity (r->ds, &e);
  else
    {
      g_clear_pointer (&e.aliases, g_ptr_array_unref);
      g_clear_pointer (&e.addresses, g_ptr_array_unref);
      g_clear_pointer (&e.patterns, g_ptr_array_unref);
      g_clear_pointer (&e.identifiers, g_array_unref);
    }
}

/* A share: a number, [min, max], or a mapping of bounds. */
static gboolean
read_share (Reader *r, OtShare *share)
{
  OtLoc loc = here (r);
  memset (share, 0, sizeof *share);
  share->max = 100;
  if (r->event.type == YAML_SCALAR_EVENT)
    {
      if (!read_percent (r, "share", &share->min))
        return FALSE;
      share->max = share->min;
      share->form = OT_SHARE_EXACT;
      return TRUE;
    }
  if (r->event.type == YAML_SEQUENCE_START_EVENT)
    {
      advance (r);
      double v[2] = { 0, 0 };
      int n = 0;
      gboolean ok = TRUE;
      while (r->event.type != YAML_SEQUENCE_END_EVENT && r->event.type != YAML_STREAM_END_EVENT)
        {
          double x = 0;
          ok = read_percent (r, "share", &x) && ok;
          if (n < 2)
            v[n] = x;
          n++;
        }
      advance (r);
      if (n != 2)
        {
          error_at (r, &loc, "expected a share range [min, max] with two numbers, found %d", n);
          return FALSE;
        }
      if (!ok)
        return FALSE;
      if (v[0] > v[1])
        {
          char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
          error_at (r, &loc, "expected a share range with min <= max, found [%s, %s]",
                    ot_number_format (v[0], a, sizeof a), ot_number_format (v[1], b, sizeof b));
          return FALSE;
        }
      share->form = OT_SHARE_RANGE;
      share->min = v[0];
      share->max = v[1];
      return TRUE;
    }
  if (r->event.type != YAML_MAPPING_START_EVENT)
    {
      error_at (r, &loc, "expected a share (a number, [min, max] or a mapping of bounds), found %s",
                event_words (&r->event));
      skip_node (r);
      return FALSE;
    }
  advance (r);
  static const char *const names[] = { "at_least", "more_than", "at_most", "less_than", NULL };
  Keys keys = { "share", names, 0 };
  gboolean ok = TRUE, done = FALSE;
  share->form = OT_SHARE_BOUNDS;
  while (!done)
    {
      OtLoc kl;
      int k = next_key (r, &keys, &done, &kl);
      if (k < 0)
        {
          if (!done)
            ok = FALSE;
          continue;
        }
      double x = 0;
      if (!read_percent (r, names[k], &x))
        {
          ok = FALSE;
          continue;
        }
      if (k < 2)
        {
          share->has_min = TRUE;
          share->min_strict = k == 1;
          share->min = x;
        }
      else
        {
          share->has_max = TRUE;
          share->max_strict = k == 3;
          share->max = x;
        }
    }
  if ((keys.seen & 3) == 3 || (keys.seen & 12) == 12)
    {
      error_at (r, &loc, "expected at most one lower bound (at_least or more_than) and one upper "
                         "bound (at_most or less_than) in 'share'");
      return FALSE;
    }
  if (keys.seen == 0 && ok)
    {
      error_at (r, &loc, "expected a bound (at_least, more_than, at_most or less_than) in 'share', "
                         "found an empty mapping");
      return FALSE;
    }
  if (ok && share->min > share->max)
    {
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
      error_at (r, &loc, "expected a lower bound <= the upper bound in 'share', found %s and %s",
                ot_number_format (share->min, a, sizeof a),
                ot_number_format (share->max, b, sizeof b));
      return FALSE;
    }
  return ok;
}

static void
read_relation (Reader *r)
{
  static const char *const names[] = {
    "from", "type", "to", "share", "since", "until", "confidence", "sources", "note", NULL,
  };
  Keys keys = { "relation", names, 0 };
  OtRelation rel = { 0 };
  gboolean ok = TRUE;
  rel.loc = here (r);
  rel.confidence = OT_CONF_CONFIRMED;
  if (!begin_mapping (r, "a relation"))
    return;
  gboolean done = FALSE;
  while (!done)
    {
      OtLoc kl;
      switch (next_key (r, &keys, &done, &kl))
        {
        case 0: rel.from_id = read_id (r, "from"); break;
        case 1:
          {
            OtLoc loc = here (r);
            const char *type = read_string (r, "type");
            int t = ot_rel_parse (type);
            if (t < 0)
              {
                ok = FALSE;
                if (type != NULL)
                  error_at (r, &loc,
                            "expected a relation type (owns, controls, brand_of, manufactures, "
                            "product_of, successor_of, same_as or linked), found '%s'",
                            type);
              }
            rel.type = t >= 0 ? (guint8)t : 0;
            break;
          }
        case 2: rel.to_id = read_id (r, "to"); break;
        case 3: ok = read_share (r, &rel.share) && ok; break;
        case 4: rel.since = read_date (r, "since"); break;
        case 5: rel.until = read_date (r, "until"); break;
        case 6:
          {
            OtLoc loc = here (r);
            const char *c = read_string (r, "confidence");
            int v = ot_confidence_parse (c);
            if (v < 0 && c != NULL)
              error_at (r, &loc, "expected a confidence (confirmed, reported or alleged), found '%s'",
                        c);
            rel.confidence = v >= 0 ? (guint8)v : OT_CONF_CONFIRMED;
            break;
          }
        case 7: rel.sources = read_citations (r, "sources"); break;
        case 8: rel.note = read_string (r, "note"); break;
        default: break;
        }
    }
  if (!(keys.seen & 1) || rel.from_id == NULL)
    missing (r, &rel.loc, "relation", "from"), ok = FALSE;
  if (!(keys.seen & 2))
    missing (r, &rel.loc, "relation", "type"), ok = FALSE;
  if (!(keys.seen & 4) || rel.to_id == NULL)
    missing (r, &rel.loc, "relation", "to"), ok = FALSE;
  if ((keys.seen & 8) && rel.type != OT_REL_OWNS && ok)
    {
      error_at (r, &rel.loc, "'share' belongs to 'owns' relations: expected no share on '%s'",
                ot_rel_name (rel.type));
      ok = FALSE;
    }
  if (ok)
    ot_dataset_add_relation (r->ds, &rel);
}

static gboolean
read_scope_period (Reader *r, OtScope *s)
{
  static const char *const names[] = {
    "ownership", "strict", "aggregate", "control", "produced_by", "since", "until", NULL,
  };
  Keys keys = { "scope", names, 0 };
  memset (s, 0, sizeof *s);
  s->loc = here (r);
  if (!begin_mapping (r, "a scope"))
    return FALSE;
  gboolean done = FALSE;
  while (!done)
    {
      OtLoc kl;
      switch (next_key (r, &keys, &done, &kl))
        {
        case 0: s->has_ownership = read_percent (r, "ownership", &s->ownership); break;
        case 1: read_bool (r, "strict", &s->strict); break;
        case 2: read_bool (r, "aggregate", &s->aggregate); break;
        case 3: read_bool (r, "control", &s->control); break;
        case 4: read_bool (r, "produced_by", &s->produced_by); break;
        case 5: s->since = read_date (r, "since"); break;
        case 6: s->until = read_date (r, "until"); break;
        default: break;
        }
    }
  return TRUE;
}

static void
read_entry (Reader *r, GArray *entries)
{
  static const char *const names[] = {
    "entity", "listed", "removed", "programs", "remarks", "sources", NULL,
  };
  Keys keys = { "list entry", names, 0 };
  OtEntry e = { 0 };
  e.loc = here (r);
  if (!begin_mapping (r, "a list entry"))
    return;
  gboolean done = FALSE;
  while (!done)
    {
      OtLoc kl;
      switch (next_key (r, &keys, &done, &kl))
        {
        case 0: e.entity_id = read_id (r, "entity"); break;
        case 1: e.listed = read_date (r, "listed"); break;
        case 2: e.removed = read_date (r, "removed"); break;
        case 3: e.programs = read_strings (r, "programs"); break;
        case 4: e.remarks = read_string (r, "remarks"); break;
        case 5: e.sources = read_citations (r, "sources"); break;
        default: break;
        }
    }
  if (e.entity_id == NULL)
    {
      if (!(keys.seen & 1))
        missing (r, &e.loc, "list entry", "entity");
      g_clear_pointer (&e.programs, g_ptr_array_unref);
      return;
    }
  g_array_append_val (entries, e);
}

static void
read_list (Reader *r)
{
  static const char *const names[] = {
    "id", "name", "authority", "jurisdiction", "url", "scope", "entries", "note", NULL,
  };
  Keys keys = { "list", names, 0 };
  OtList l = { 0 };
  l.loc = here (r);
  if (!begin_mapping (r, "a list"))
    return;
  l.scope = g_array_new (FALSE, TRUE, sizeof (OtScope));
  l.entries = g_array_new (FALSE, TRUE, sizeof (OtEntry));
  gboolean done = FALSE;
  while (!done)
    {
      OtLoc kl;
      switch (next_key (r, &keys, &done, &kl))
        {
        case 0: l.id = read_id (r, "id"); break;
        case 1: l.name = read_string (r, "name"); break;
        case 2: l.authority = read_string (r, "authority"); break;
        case 3: l.jurisdiction = read_string (r, "jurisdiction"); break;
        case 4: l.url = read_string (r, "url"); break;
        case 5:
          if (r->event.type == YAML_SEQUENCE_START_EVENT)
            {
              l.scope_seq = TRUE;
              advance (r);
              while (r->event.type != YAML_SEQUENCE_END_EVENT
                     && r->event.type != YAML_STREAM_END_EVENT)
                {
                  OtScope s;
                  if (read_scope_period (r, &s))
                    g_array_append_val (l.scope, s);
                }
              advance (r);
            }
          else
            {
              OtScope s;
              if (read_scope_period (r, &s))
                g_array_append_val (l.scope, s);
            }
          break;
        case 6:
          if (begin_sequence (r, "entries"))
            {
              while (r->event.type != YAML_SEQUENCE_END_EVENT
                     && r->event.type != YAML_STREAM_END_EVENT)
                read_entry (r, l.entries);
              advance (r);
            }
          break;
        case 7: l.note = read_string (r, "note"); break;
        default: break;
        }
    }
  if (!(keys.seen & 1))
    missing (r, &l.loc, "list", "id");
  if (!(keys.seen & 2))
    missing (r, &l.loc, "list", "name");
  if (l.id != NULL)
    {
      /* entries own their programs from here on */
      ot_dataset_add_list (r->ds, &l);
      return;
    }
  for (guint i = 0; i < l.entries->len; i++)
    g_clear_pointer (&g_array_index (l.entries, OtEntry, i).programs, g_ptr_array_unref);
  g_array_unref (l.scope);
  g_array_unref (l.entries);
}

static void
read_policy (Reader *r)
{
  static const char *const names[] = { "id", "name", "lists", "note", NULL };
  Keys keys = { "policy", names, 0 };
  OtPolicy p = { 0 };
  p.loc = here (r);
  if (!begin_mapping (r, "a policy"))
    return;
  p.lists = g_ptr_array_new ();
  p.list_locs = g_array_new (FALSE, TRUE, sizeof (OtLoc));
  gboolean done = FALSE;
  while (!done)
    {
      OtLoc kl;
      switch (next_key (r, &keys, &done, &kl))
        {
        case 0: p.id = read_id (r, "id"); break;
        case 1: p.name = read_string (r, "name"); break;
        case 2:
          if (begin_sequence (r, "lists"))
            {
              while (r->event.type != YAML_SEQUENCE_END_EVENT
                     && r->event.type != YAML_STREAM_END_EVENT)
                {
                  OtLoc loc = here (r);
                  const char *id = read_id (r, "lists");
                  if (id == NULL)
                    continue;
                  g_ptr_array_add (p.lists, (gpointer)id);
                  g_array_append_val (p.list_locs, loc);
                }
              advance (r);
            }
          break;
        case 3: p.note = read_string (r, "note"); break;
        default: break;
        }
    }
  if (!(keys.seen & 1))
    missing (r, &p.loc, "policy", "id");
  if (!(keys.seen & 4))
    missing (r, &p.loc, "policy", "lists");
  if (p.id != NULL)
    {
      ot_dataset_add_policy (r->ds, &p);
      return;
    }
  g_ptr_array_unref (p.lists);
  g_array_unref (p.list_locs);
}

typedef void (*ReadRecord) (Reader *r);

static void
read_document (Reader *r)
{
  static const char *const names[] = { "sources", "entities", "relations", "lists", "policies", NULL };
  static const ReadRecord readers[] = { read_source, read_entity, read_relation, read_list,
                                        read_policy, };
  Keys keys = { "a dataset file", names, 0 };
  if (!begin_mapping (r, "the file (keys sources, entities, relations, lists, policies)"))
    return;
  gboolean done = FALSE;
  while (!done)
    {
      OtLoc kl;
      int k = next_key (r, &keys, &done, &kl);
      if (k < 0)
        continue;
      if (!begin_sequence (r, names[k]))
        continue;
      while (r->event.type != YAML_SEQUENCE_END_EVENT && r->event.type != YAML_STREAM_END_EVENT)
        readers[k](r);
      advance (r);
    }
}

gboolean
ot_load_yaml (OtDataset *ds, const char *path, const char *text, gsize len, GError **error)
{
  Reader r = { 0 };
  r.ds = ds;
  r.file = ot_dataset_intern (ds, path);
  if (!yaml_parser_initialize (&r.parser))
    return ot_error_set (error, OT_ERROR_INTERNAL, "%s: cannot start the YAML reader", path);
  yaml_parser_set_input_string (&r.parser, (const unsigned char *)text, len);
  yaml_parser_set_encoding (&r.parser, YAML_UTF8_ENCODING);
  r.event.type = YAML_NO_EVENT;
  advance (&r); /* stream start */
  advance (&r);
  guint documents = 0;
  while (r.event.type == YAML_DOCUMENT_START_EVENT)
    {
      OtLoc loc = here (&r);
      advance (&r);
      if (++documents > 1)
        {
          error_at (&r, &loc, "expected one YAML document, found a second one");
          break;
        }
      read_document (&r);
      if (r.event.type == YAML_DOCUMENT_END_EVENT)
        advance (&r);
    }
  if (documents == 0 && !r.failed)
    {
      OtLoc loc = { r.file, 1, 1 };
      error_at (&r, &loc, "the file is empty: expected a mapping with sources, entities, "
                          "relations, lists or policies");
    }
  yaml_event_delete (&r.event);
  yaml_parser_delete (&r.parser);
  return TRUE;
}
