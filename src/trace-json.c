/* Verdicts as JSON (DESIGN.md "Output", schemas/verdict.schema.json). A batch writes thousands
 * of verdicts a second, so they are written straight into a string rather than built as a
 * json-glib tree first (which cost four times the verdict itself); the JsonNode forms parse
 * that text, so that both read the same. Numbers are written with 15 significant digits, so
 * that 36.48 reads back as 36.48, not 36.479999999999997. */
#include "config.h"

#include "trace.h"

#include <string.h>

#include "trace-private.h"

static void write_string (GString *out, const char *s);

/* Starts a member of the object or an item of the array being written: a comma unless it is
 * the first. */
static void
member (GString *o, const char *name)
{
  char last = o->len ? o->str[o->len - 1] : '{';
  if (last != '{' && last != '[')
    g_string_append_c (o, ',');
  if (name != NULL)
    {
      write_string (o, name);
      g_string_append_c (o, ':');
    }
}

static void
write_number (GString *o, double v)
{
  if (ABS (v) < 1e15 && v == (double)(gint64)v)
    g_string_append_printf (o, "%" G_GINT64_FORMAT, (gint64)v);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (o, g_ascii_formatd (buf, sizeof buf, "%.15g", v));
    }
}

static void
write_nullable (GString *o, const char *s)
{
  if (s == NULL)
    g_string_append (o, "null");
  else
    write_string (o, s);
}

static void
string_member (GString *o, const char *name, const char *value)
{
  member (o, name);
  write_nullable (o, value);
}

static void
date_member (GString *o, const char *name, OtDate d)
{
  member (o, name);
  if (d == OT_DATE_NONE)
    g_string_append (o, "null");
  else
    {
      char buf[11];
      write_string (o, ot_date_format (d, buf));
    }
}

static void
number_member (GString *o, const char *name, double v)
{
  member (o, name);
  write_number (o, v);
}

static void
bool_member (GString *o, const char *name, gboolean v)
{
  member (o, name);
  g_string_append (o, v ? "true" : "false");
}

static void
write_share (GString *o, const OtShare *s)
{
  switch ((OtShareForm)s->form)
    {
    case OT_SHARE_NONE:
      g_string_append (o, "null");
      return;
    case OT_SHARE_EXACT:
      write_number (o, s->min);
      return;
    case OT_SHARE_RANGE:
      g_string_append_c (o, '{');
      number_member (o, "at_least", s->min);
      number_member (o, "at_most", s->max);
      g_string_append_c (o, '}');
      return;
    case OT_SHARE_BOUNDS:
      g_string_append_c (o, '{');
      if (s->has_min)
        number_member (o, s->min_strict ? "more_than" : "at_least", s->min);
      if (s->has_max)
        number_member (o, s->max_strict ? "less_than" : "at_most", s->max);
      g_string_append_c (o, '}');
      return;
    }
}

static void
write_sources (GString *o, const OtDataset *ds, const OtCitations *cites)
{
  member (o, "sources");
  g_string_append_c (o, '[');
  for (guint i = 0; i < cites->len; i++)
    {
      const OtCitation *c = &cites->items[i];
      const OtSource *s = ot_dataset_source (ds, c->source);
      member (o, NULL);
      g_string_append_c (o, '{');
      string_member (o, "id", c->source);
      string_member (o, "title", s ? s->title : NULL);
      string_member (o, "publisher", s ? s->publisher : NULL);
      string_member (o, "date", s ? s->date : NULL);
      string_member (o, "url", s ? s->url : NULL);
      string_member (o, "record", c->record);
      g_string_append_c (o, '}');
    }
  g_string_append_c (o, ']');
}

static void
write_entity (GString *o, const OtDataset *ds, guint32 e)
{
  const OtEntity *en = OT_ENTITY (ds, e);
  g_string_append_c (o, '{');
  string_member (o, "id", en->id);
  string_member (o, "name", en->name);
  string_member (o, "kind", ot_kind_name (en->kind));
  member (o, "aliases");
  g_string_append_c (o, '[');
  for (guint i = 0; en->aliases != NULL && i < en->aliases->len; i++)
    {
      member (o, NULL);
      write_string (o, g_ptr_array_index (en->aliases, i));
    }
  g_string_append_c (o, ']');
  string_member (o, "country", en->country);
  g_string_append_c (o, '}');
}

static void
write_step (GString *o, const OtDataset *ds, const OtStep *step)
{
  const OtRelation *r = OT_RELATION (ds, step->relation);
  g_string_append_c (o, '{');
  string_member (o, "from", r->from_id);
  string_member (o, "type", ot_rel_name (r->type));
  string_member (o, "to", r->to_id);
  member (o, "share");
  write_share (o, &r->share);
  date_member (o, "since", r->since);
  date_member (o, "until", r->until);
  string_member (o, "confidence", ot_confidence_name (r->confidence));
  write_sources (o, ds, &r->sources);
  if (step->n_holding > 1)
    {
      /* several relations between the pair: the holding is the range spanning them */
      OtShare s = { .form = OT_SHARE_BOUNDS,
                    .has_min = 1,
                    .has_max = 1,
                    .min_strict = step->min_strict,
                    .max_strict = step->max_strict,
                    .min = step->min,
                    .max = step->max };
      member (o, "holding");
      g_string_append_c (o, '{');
      member (o, "share");
      write_share (o, &s);
      number_member (o, "relations", step->n_holding);
      g_string_append_c (o, '}');
    }
  g_string_append_c (o, '}');
}

static void
write_sum (GString *o, const OtDataset *ds, const OtSum *sum)
{
  g_string_append_c (o, '{');
  string_member (o, "entity", OT_ENTITY (ds, sum->entity)->id);
  member (o, "parts");
  g_string_append_c (o, '[');
  for (guint i = 0; i < sum->parts->len; i++)
    {
      const OtSumPart *p = &g_array_index (sum->parts, OtSumPart, i);
      member (o, NULL);
      g_string_append_c (o, '{');
      string_member (o, "owner", OT_ENTITY (ds, p->owner)->id);
      number_member (o, "value", p->value);
      bool_member (o, "strict", p->strict);
      g_string_append_c (o, '}');
    }
  g_string_append_c (o, ']');
  /* round away the binary noise of the addition (30.1 + 19.9) */
  double total = sum->total;
  number_member (o, "total", (double)(gint64)(total * 1e9 + (total < 0 ? -0.5 : 0.5)) / 1e9);
  number_member (o, "threshold", sum->threshold);
  bool_member (o, "strict", sum->strict);
  string_member (o, "bound", sum->upper ? "upper" : "lower");
  g_autofree char *text = ot_sum_format (sum, ds);
  string_member (o, "text", text);
  g_string_append_c (o, '}');
}

static void
write_entry (GString *o, const OtDataset *ds, const OtList *list, gint64 index)
{
  if (index < 0)
    {
      g_string_append (o, "null");
      return;
    }
  const OtEntry *en = &g_array_index (list->entries, OtEntry, index);
  g_string_append_c (o, '{');
  string_member (o, "entity", en->entity_id);
  date_member (o, "listed", en->listed);
  date_member (o, "removed", en->removed);
  member (o, "programs");
  g_string_append_c (o, '[');
  for (guint i = 0; en->programs != NULL && i < en->programs->len; i++)
    {
      member (o, NULL);
      write_string (o, g_ptr_array_index (en->programs, i));
    }
  g_string_append_c (o, ']');
  string_member (o, "remarks", en->remarks);
  write_sources (o, ds, &en->sources);
  g_string_append_c (o, '}');
}

static void
write_reason (GString *o, const OtTrace *t, const OtReason *r)
{
  const OtList *list = g_ptr_array_index (t->lists, r->list);
  g_string_append_c (o, '{');
  string_member (o, "list", list->id);
  string_member (o, "status", ot_reason_status_name (r->status));
  if (r->status == OT_REASON_EXPOSED)
    string_member (o, "tie", ot_tie_kind_name (r->tie));
  member (o, "entry");
  write_entry (o, t->dataset, list, r->entry);
  if (r->sums->len > 0)
    {
      member (o, "sum");
      g_string_append_c (o, '[');
      for (guint i = 0; i < r->sums->len; i++)
        {
          member (o, NULL);
          write_sum (o, t->dataset, g_ptr_array_index (r->sums, i));
        }
      g_string_append_c (o, ']');
    }
  member (o, "path");
  g_string_append_c (o, '[');
  for (guint i = 0; i < r->path->len; i++)
    {
      member (o, NULL);
      write_step (o, t->dataset, &g_array_index (r->path, OtStep, i));
    }
  g_string_append_c (o, ']');
  g_string_append_c (o, '}');
}

char *
ot_trace_checked_json_text (const OtTrace *t)
{
  GString *o = g_string_new ("{");
  member (o, "policy");
  if (t->policies == NULL || t->policies[0] == NULL)
    g_string_append (o, "null");
  else
    {
      g_string_append_c (o, '[');
      for (guint i = 0; t->policies[i] != NULL; i++)
        {
          member (o, NULL);
          write_string (o, t->policies[i]);
        }
      g_string_append_c (o, ']');
    }
  member (o, "lists");
  g_string_append_c (o, '[');
  for (guint i = 0; i < t->lists->len; i++)
    {
      member (o, NULL);
      write_string (o, ((const OtList *)g_ptr_array_index (t->lists, i))->id);
    }
  g_string_append_c (o, ']');
  date_member (o, "as_of", t->as_of);
  member (o, "dataset");
  g_string_append_c (o, '{');
  member (o, "files");
  g_string_append_c (o, '[');
  for (guint i = 0; t->dataset->files != NULL && i < t->dataset->files->len; i++)
    {
      member (o, NULL);
      write_string (o, g_ptr_array_index (t->dataset->files, i));
    }
  g_string_append_c (o, ']');
  string_member (o, "hash", t->dataset->hash);
  g_string_append (o, "}}");
  return g_string_free (o, FALSE);
}

static void
write_refs (GString *o, const OtDataset *ds, const GArray *ids, double score)
{
  g_string_append_c (o, '[');
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const OtEntity *en = OT_ENTITY (ds, g_array_index (ids, guint32, i));
      member (o, NULL);
      g_string_append_c (o, '{');
      string_member (o, "id", en->id);
      string_member (o, "name", en->name);
      number_member (o, "score", score);
      g_string_append_c (o, '}');
    }
  g_string_append_c (o, ']');
}

void
ot_verdict_write_json (GString *o, const OtTrace *t, const OtVerdict *v)
{
  const OtResolution *res = &v->resolution;
  g_string_append_c (o, '{');
  string_member (o, "query", v->query);
  string_member (o, "verdict", ot_level_name (v->level));
  member (o, "entity");
  if (res->entity >= 0)
    write_entity (o, t->dataset, (guint32)res->entity);
  else
    g_string_append (o, "null");
  member (o, "score");
  if (res->entity >= 0)
    write_number (o, res->score);
  else
    g_string_append (o, "null");
  string_member (o, "match", res->kind == OT_MATCH_NONE ? NULL : ot_match_kind_name (res->kind));
  member (o, "reasons");
  g_string_append_c (o, '[');
  for (guint i = 0; i < v->reasons->len; i++)
    {
      member (o, NULL);
      write_reason (o, t, g_ptr_array_index (v->reasons, i));
    }
  g_string_append_c (o, ']');
  member (o, "candidates");
  write_refs (o, t->dataset, res->entity >= 0 ? NULL : res->candidates, res->score);
  if (res->entity >= 0 && res->others != NULL && res->others->len > 0)
    {
      member (o, "also_matched");
      write_refs (o, t->dataset, res->others, res->score);
    }
  member (o, "checked");
  g_string_append (o, t->checked_json);
  g_string_append_c (o, '}');
}

/* The JsonNode forms: the text above, parsed. */
static JsonNode *
parse (GString *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (text->str, &error);
  g_assert_no_error (error); /* we wrote it */
  g_string_free (text, TRUE);
  return node;
}

JsonNode *
ot_verdict_to_json (const OtTrace *t, const OtVerdict *v)
{
  GString *o = g_string_new (NULL);
  ot_verdict_write_json (o, t, v);
  return parse (o);
}

JsonNode *
ot_trace_checked_json (const OtTrace *t)
{
  return parse (g_string_new (t->checked_json));
}

JsonNode *
ot_entity_to_json (const OtDataset *ds, guint32 e)
{
  GString *o = g_string_new (NULL);
  write_entity (o, ds, e);
  return parse (o);
}

JsonNode *
ot_step_to_json (const OtDataset *ds, const OtStep *step)
{
  GString *o = g_string_new (NULL);
  write_step (o, ds, step);
  return parse (o);
}

JsonNode *
ot_reason_to_json (const OtTrace *t, const OtReason *r)
{
  GString *o = g_string_new (NULL);
  write_reason (o, t, r);
  return parse (o);
}

JsonNode *
ot_share_to_json (const OtShare *share)
{
  GString *o = g_string_new (NULL);
  write_share (o, share);
  return parse (o);
}

static void
write_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *)s; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_node (GString *out, JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (a); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            write_node (out, json_array_get_element (a, i));
          }
        g_string_append_c (out, ']');
        return;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;
        gboolean first = TRUE;
        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, o);
        while (json_object_iter_next_ordered (&iter, &member, &value))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            write_string (out, member);
            g_string_append_c (out, ':');
            write_node (out, value);
          }
        g_string_append_c (out, '}');
        return;
      }
    case JSON_NODE_VALUE:
      break;
    }
  GType type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    write_string (out, json_node_get_string (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    {
      /* 15 significant digits: what a share written with a few decimals was */
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double v = json_node_get_double (node);
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.15g", v));
    }
}

char *
ot_json_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);
  write_node (out, node);
  return g_string_free (out, FALSE);
}
