/* The YAML writer: libyaml's emitter, one flow mapping per record as people write them. A
 * string that a YAML 1.2 reader would take for a number, boolean or null is quoted, so the file
 * keeps its meaning for any reader and for editors checking it against the JSON Schema. */
#include "config.h"

#include "load.h"

#include <string.h>
#include <yaml.h>

#include "error.h"
#include "load-private.h"

typedef struct
{
  yaml_emitter_t emitter;
  GString *out;
} Writer;

static int
write_handler (void *data, unsigned char *buffer, size_t size)
{
  Writer *w = data;
  g_string_append_len (w->out, (const char *)buffer, (gssize)size);
  return 1;
}

static void
emit (Writer *w, yaml_event_t *event)
{
  /* the emitter only fails on events out of order or on memory: a bug here */
  if (!yaml_emitter_emit (&w->emitter, event))
    g_error ("YAML emitter: %s", w->emitter.problem ? w->emitter.problem : "failed");
}

/* TRUE when a plain scalar with this text would not read back as a string under YAML 1.2's
 * core schema (or would look like something else to a YAML 1.1 reader: yes/no/on/off). */
static gboolean
needs_quotes (const char *text)
{
  static const char *const words[] = {
    "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes",
    "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (text, words[i]) == 0)
      return TRUE;
  if (g_regex_match_simple ("^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$"
                            "|^0x[0-9a-fA-F_]+$|^0o[0-7]+$|^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$"
                            "|^[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?$",
                            text, 0, 0))
    return TRUE;
  return FALSE;
}

static void
scalar_styled (Writer *w, const char *text, yaml_scalar_style_t style)
{
  yaml_event_t e;
  yaml_scalar_event_initialize (&e, NULL, NULL, (yaml_char_t *)text, (int)strlen (text), 1, 1,
                                style);
  emit (w, &e);
}

static void
string (Writer *w, const char *text)
{
  scalar_styled (w, text, needs_quotes (text) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

/* Dates and numbers: plain, as typed in the field. */
static void
plain (Writer *w, const char *text)
{
  scalar_styled (w, text, YAML_PLAIN_SCALAR_STYLE);
}

static void
key_string (Writer *w, const char *key, const char *value)
{
  if (value == NULL)
    return;
  plain (w, key);
  string (w, value);
}

static void
key_date (Writer *w, const char *key, OtDate date)
{
  char buf[11];
  if (date == OT_DATE_NONE)
    return;
  plain (w, key);
  plain (w, ot_date_format (date, buf));
}

static void
key_number (Writer *w, const char *key, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  plain (w, key);
  plain (w, ot_number_format (value, buf, sizeof buf));
}

static void
key_bool (Writer *w, const char *key, gboolean value)
{
  plain (w, key);
  plain (w, value ? "true" : "false");
}

static void
mapping_start (Writer *w, gboolean flow)
{
  yaml_event_t e;
  yaml_mapping_start_event_initialize (&e, NULL, NULL, 1,
                                       flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
  emit (w, &e);
}

static void
mapping_end (Writer *w)
{
  yaml_event_t e;
  yaml_mapping_end_event_initialize (&e);
  emit (w, &e);
}

static void
sequence_start (Writer *w, gboolean flow)
{
  yaml_event_t e;
  yaml_sequence_start_event_initialize (&e, NULL, NULL, 1,
                                        flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
  emit (w, &e);
}

static void
sequence_end (Writer *w)
{
  yaml_event_t e;
  yaml_sequence_end_event_initialize (&e);
  emit (w, &e);
}

static void
key_strings (Writer *w, const char *key, const GPtrArray *items)
{
  if (items == NULL || items->len == 0)
    return;
  plain (w, key);
  sequence_start (w, TRUE);
  for (guint i = 0; i < items->len; i++)
    string (w, g_ptr_array_index (items, i));
  sequence_end (w);
}

static void
key_citations (Writer *w, const char *key, const OtCitations *c)
{
  if (c->len == 0)
    return;
  plain (w, key);
  sequence_start (w, TRUE);
  for (guint i = 0; i < c->len; i++)
    {
      if (c->items[i].record == NULL)
        string (w, c->items[i].source);
      else
        {
          g_autofree char *text = g_strconcat (c->items[i].source, "#", c->items[i].record, NULL);
          string (w, text);
        }
    }
  sequence_end (w);
}

static void
write_share (Writer *w, const OtShare *s)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  switch ((OtShareForm)s->form)
    {
    case OT_SHARE_NONE:
      return;
    case OT_SHARE_EXACT:
      key_number (w, "share", s->min);
      return;
    case OT_SHARE_RANGE:
      plain (w, "share");
      sequence_start (w, TRUE);
      plain (w, ot_number_format (s->min, a, sizeof a));
      plain (w, ot_number_format (s->max, b, sizeof b));
      sequence_end (w);
      return;
    case OT_SHARE_BOUNDS:
      plain (w, "share");
      mapping_start (w, TRUE);
      if (s->has_min)
        key_number (w, s->min_strict ? "more_than" : "at_least", s->min);
      if (s->has_max)
        key_number (w, s->max_strict ? "less_than" : "at_most", s->max);
      mapping_end (w);
      return;
    }
}

static void
write_scope (Writer *w, const OtScope *s)
{
  mapping_start (w, TRUE);
  if (s->has_ownership)
    key_number (w, "ownership", s->ownership);
  if (s->strict)
    key_bool (w, "strict", TRUE);
  if (s->aggregate)
    key_bool (w, "aggregate", TRUE);
  if (s->control)
    key_bool (w, "control", TRUE);
  if (s->produced_by)
    key_bool (w, "produced_by", TRUE);
  key_date (w, "since", s->since);
  key_date (w, "until", s->until);
  mapping_end (w);
}

static void
write_section (Writer *w, const char *key)
{
  plain (w, key);
  sequence_start (w, FALSE);
}

char *
ot_dataset_to_yaml (const OtDataset *ds)
{
  Writer w = { 0 };
  w.out = g_string_new (NULL);
  yaml_emitter_initialize (&w.emitter);
  yaml_emitter_set_output (&w.emitter, write_handler, &w);
  yaml_emitter_set_unicode (&w.emitter, 1);
  yaml_emitter_set_width (&w.emitter, -1);
  yaml_emitter_set_indent (&w.emitter, 2);
  yaml_event_t e;
  yaml_stream_start_event_initialize (&e, YAML_UTF8_ENCODING);
  emit (&w, &e);
  yaml_document_start_event_initialize (&e, NULL, NULL, NULL, 1);
  emit (&w, &e);
  mapping_start (&w, FALSE);

  if (ds->sources->len > 0)
    {
      write_section (&w, "sources");
      for (guint i = 0; i < ds->sources->len; i++)
        {
          const OtSource *s = &g_array_index (ds->sources, OtSource, i);
          mapping_start (&w, TRUE);
          key_string (&w, "id", s->id);
          key_string (&w, "title", s->title);
          key_string (&w, "publisher", s->publisher);
          if (s->date != NULL)
            {
              plain (&w, "date");
              plain (&w, s->date);
            }
          key_string (&w, "url", s->url);
          key_string (&w, "note", s->note);
          mapping_end (&w);
        }
      sequence_end (&w);
    }

  if (ds->entities->len > 0)
    {
      write_section (&w, "entities");
      for (guint i = 0; i < ds->entities->len; i++)
        {
          const OtEntity *x = OT_ENTITY (ds, i);
          mapping_start (&w, TRUE);
          key_string (&w, "id", x->id);
          key_string (&w, "kind", ot_kind_name (x->kind));
          key_string (&w, "name", x->name);
          key_strings (&w, "aliases", x->aliases);
          key_string (&w, "country", x->country);
          if (x->identifiers != NULL)
            {
              plain (&w, "identifiers");
              mapping_start (&w, TRUE);
              for (guint k = 0; k < x->identifiers->len; k++)
                {
                  const OtIdentifier *id = &g_array_index (x->identifiers, OtIdentifier, k);
                  string (&w, id->scheme);
                  string (&w, id->value);
                }
              mapping_end (&w);
            }
          key_strings (&w, "addresses", x->addresses);
          key_strings (&w, "model_patterns", x->patterns);
          key_citations (&w, "sources", &x->sources);
          key_string (&w, "note", x->note);
          mapping_end (&w);
        }
      sequence_end (&w);
    }

  if (ds->relations->len > 0)
    {
      write_section (&w, "relations");
      for (guint i = 0; i < ds->relations->len; i++)
        {
          const OtRelation *r = OT_RELATION (ds, i);
          mapping_start (&w, TRUE);
          key_string (&w, "from", r->from_id);
          key_string (&w, "type", ot_rel_name (r->type));
          key_string (&w, "to", r->to_id);
          write_share (&w, &r->share);
          key_date (&w, "since", r->since);
          key_date (&w, "until", r->until);
          if (r->confidence != OT_CONF_CONFIRMED)
            key_string (&w, "confidence", ot_confidence_name (r->confidence));
          key_citations (&w, "sources", &r->sources);
          key_string (&w, "note", r->note);
          mapping_end (&w);
        }
      sequence_end (&w);
    }

  if (ds->lists->len > 0)
    {
      write_section (&w, "lists");
      for (guint i = 0; i < ds->lists->len; i++)
        {
          const OtList *l = &g_array_index (ds->lists, OtList, i);
          mapping_start (&w, FALSE);
          key_string (&w, "id", l->id);
          key_string (&w, "name", l->name);
          key_string (&w, "authority", l->authority);
          key_string (&w, "jurisdiction", l->jurisdiction);
          key_string (&w, "url", l->url);
          key_string (&w, "note", l->note);
          guint n_scope = l->scope ? l->scope->len : 0;
          plain (&w, "scope");
          if (n_scope == 0)
            {
              mapping_start (&w, TRUE);
              mapping_end (&w);
            }
          else if (n_scope == 1 && !l->scope_seq)
            write_scope (&w, &g_array_index (l->scope, OtScope, 0));
          else
            {
              sequence_start (&w, FALSE);
              for (guint k = 0; k < n_scope; k++)
                write_scope (&w, &g_array_index (l->scope, OtScope, k));
              sequence_end (&w);
            }
          if (l->entries != NULL && l->entries->len > 0)
            {
              plain (&w, "entries");
              sequence_start (&w, FALSE);
              for (guint k = 0; k < l->entries->len; k++)
                {
                  const OtEntry *e = &g_array_index (l->entries, OtEntry, k);
                  mapping_start (&w, TRUE);
                  key_string (&w, "entity", e->entity_id);
                  key_date (&w, "listed", e->listed);
                  key_date (&w, "removed", e->removed);
                  key_strings (&w, "programs", e->programs);
                  key_string (&w, "remarks", e->remarks);
                  key_citations (&w, "sources", &e->sources);
                  mapping_end (&w);
                }
              sequence_end (&w);
            }
          mapping_end (&w);
        }
      sequence_end (&w);
    }

  if (ds->policies->len > 0)
    {
      write_section (&w, "policies");
      for (guint i = 0; i < ds->policies->len; i++)
        {
          const OtPolicy *p = &g_array_index (ds->policies, OtPolicy, i);
          mapping_start (&w, TRUE);
          key_string (&w, "id", p->id);
          key_string (&w, "name", p->name);
          plain (&w, "lists");
          sequence_start (&w, TRUE);
          for (guint k = 0; p->lists != NULL && k < p->lists->len; k++)
            string (&w, g_ptr_array_index (p->lists, k));
          sequence_end (&w);
          key_string (&w, "note", p->note);
          mapping_end (&w);
        }
      sequence_end (&w);
    }

  mapping_end (&w);
  yaml_document_end_event_initialize (&e, 1);
  emit (&w, &e);
  yaml_stream_end_event_initialize (&e);
  emit (&w, &e);
  yaml_emitter_flush (&w.emitter);
  yaml_emitter_delete (&w.emitter);
  return g_string_free (w.out, FALSE);
}

gboolean
ot_save_yaml (const OtDataset *ds, const char *path, GError **error)
{
  g_autofree char *text = ot_dataset_to_yaml (ds);
  return ot_write_text (path, text, strlen (text), error);
}
