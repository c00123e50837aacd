/* The XML writer: the dataset as an indented UTF-8 document in the namespace of
 * schemas/ownertrace.xsd, records in dataset order and attributes in a fixed order, so that
 * reading a file and writing it again gives the same bytes, and defaults (confirmed, false)
 * left out as a person would. */
#include "config.h"

#include "load.h"

#include <string.h>

#include "autocleanups.h"
#include "error.h"
#include "load-private.h"

static void
attr (xmlTextWriter *w, const char *name, const char *value)
{
  if (value != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

static void
attr_date (xmlTextWriter *w, const char *name, OtDate date)
{
  char buf[16];
  if (date != OT_DATE_NONE)
    attr (w, name, ot_date_format (date, buf));
}

static void
attr_number (xmlTextWriter *w, const char *name, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  attr (w, name, ot_number_format (value, buf, sizeof buf));
}

static void
attr_true (xmlTextWriter *w, const char *name, gboolean value)
{
  if (value)
    attr (w, name, "true");
}

static void
text_element (xmlTextWriter *w, const char *name, const char *text)
{
  xmlTextWriterWriteElement (w, BAD_CAST name, BAD_CAST text);
}

static void
text_elements (xmlTextWriter *w, const char *name, const GPtrArray *texts)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    text_element (w, name, g_ptr_array_index (texts, i));
}

static void
write_cites (xmlTextWriter *w, const OtCitations *c)
{
  for (guint i = 0; i < c->len; i++)
    {
      xmlTextWriterStartElement (w, BAD_CAST "cite");
      attr (w, "source", c->items[i].source);
      attr (w, "record", c->items[i].record);
      xmlTextWriterEndElement (w);
    }
}

static void
write_share (xmlTextWriter *w, const OtShare *s)
{
  if (s->form == OT_SHARE_NONE)
    return;
  xmlTextWriterStartElement (w, BAD_CAST "share");
  switch ((OtShareForm)s->form)
    {
    case OT_SHARE_EXACT:
      attr_number (w, "value", s->min);
      break;
    case OT_SHARE_RANGE:
      attr_number (w, "min", s->min);
      attr_number (w, "max", s->max);
      break;
    case OT_SHARE_BOUNDS:
      if (s->has_min)
        attr_number (w, s->min_strict ? "more-than" : "at-least", s->min);
      if (s->has_max)
        attr_number (w, s->max_strict ? "less-than" : "at-most", s->max);
      break;
    case OT_SHARE_NONE:
      break;
    }
  xmlTextWriterEndElement (w);
}

static void
write_entity (xmlTextWriter *w, const OtEntity *e)
{
  xmlTextWriterStartElement (w, BAD_CAST "entity");
  attr (w, "id", e->id);
  attr (w, "kind", ot_kind_name (e->kind));
  attr (w, "name", e->name);
  attr (w, "country", e->country);
  attr (w, "note", e->note);
  text_elements (w, "alias", e->aliases);
  for (guint i = 0; e->identifiers != NULL && i < e->identifiers->len; i++)
    {
      const OtIdentifier *id = &g_array_index (e->identifiers, OtIdentifier, i);
      xmlTextWriterStartElement (w, BAD_CAST "identifier");
      attr (w, "scheme", id->scheme);
      xmlTextWriterWriteString (w, BAD_CAST id->value);
      xmlTextWriterEndElement (w);
    }
  text_elements (w, "address", e->addresses);
  text_elements (w, "model-pattern", e->patterns);
  write_cites (w, &e->sources);
  xmlTextWriterEndElement (w);
}

static void
write_relation (xmlTextWriter *w, const OtRelation *rel)
{
  xmlTextWriterStartElement (w, BAD_CAST "relation");
  attr (w, "from", rel->from_id);
  attr (w, "type", ot_rel_name (rel->type));
  attr (w, "to", rel->to_id);
  attr_date (w, "since", rel->since);
  attr_date (w, "until", rel->until);
  if (rel->confidence != OT_CONF_CONFIRMED)
    attr (w, "confidence", ot_confidence_name (rel->confidence));
  attr (w, "note", rel->note);
  write_share (w, &rel->share);
  write_cites (w, &rel->sources);
  xmlTextWriterEndElement (w);
}

static void
write_list (xmlTextWriter *w, const OtList *l)
{
  xmlTextWriterStartElement (w, BAD_CAST "list");
  attr (w, "id", l->id);
  attr (w, "name", l->name);
  attr (w, "authority", l->authority);
  attr (w, "jurisdiction", l->jurisdiction);
  attr (w, "url", l->url);
  attr (w, "note", l->note);
  if (l->scope != NULL && (l->scope->len > 0 || l->scope_seq))
    {
      xmlTextWriterStartElement (w, BAD_CAST "scope");
      attr_true (w, "sequence", l->scope_seq);
      for (guint i = 0; i < l->scope->len; i++)
        {
          const OtScope *s = &g_array_index (l->scope, OtScope, i);
          xmlTextWriterStartElement (w, BAD_CAST "period");
          if (s->has_ownership)
            attr_number (w, "ownership", s->ownership);
          attr_true (w, "strict", s->strict);
          attr_true (w, "aggregate", s->aggregate);
          attr_true (w, "control", s->control);
          attr_true (w, "produced-by", s->produced_by);
          attr_date (w, "since", s->since);
          attr_date (w, "until", s->until);
          xmlTextWriterEndElement (w);
        }
      xmlTextWriterEndElement (w);
    }
  for (guint i = 0; l->entries != NULL && i < l->entries->len; i++)
    {
      const OtEntry *e = &g_array_index (l->entries, OtEntry, i);
      xmlTextWriterStartElement (w, BAD_CAST "entry");
      attr (w, "entity", e->entity_id);
      attr_date (w, "listed", e->listed);
      attr_date (w, "removed", e->removed);
      attr (w, "remarks", e->remarks);
      text_elements (w, "program", e->programs);
      write_cites (w, &e->sources);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
}

static void
write_policy (xmlTextWriter *w, const OtPolicy *p)
{
  xmlTextWriterStartElement (w, BAD_CAST "policy");
  attr (w, "id", p->id);
  attr (w, "name", p->name);
  attr (w, "note", p->note);
  for (guint i = 0; p->lists != NULL && i < p->lists->len; i++)
    {
      xmlTextWriterStartElement (w, BAD_CAST "list");
      attr (w, "ref", g_ptr_array_index (p->lists, i));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
}

char *
ot_dataset_to_xml (const OtDataset *ds)
{
  g_return_val_if_fail (ds != NULL, NULL);
  g_autoptr (xmlBuffer) buffer = xmlBufferCreate ();
  g_autoptr (xmlTextWriter) w = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "  ");
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (w, BAD_CAST "ownertrace");
  attr (w, "xmlns", OT_XML_NS);
  if (ds->sources->len > 0)
    {
      xmlTextWriterStartElement (w, BAD_CAST "sources");
      for (guint i = 0; i < ds->sources->len; i++)
        {
          const OtSource *s = &g_array_index (ds->sources, OtSource, i);
          xmlTextWriterStartElement (w, BAD_CAST "source");
          attr (w, "id", s->id);
          attr (w, "title", s->title);
          attr (w, "publisher", s->publisher);
          attr (w, "url", s->url);
          attr (w, "date", s->date);
          attr (w, "note", s->note);
          xmlTextWriterEndElement (w);
        }
      xmlTextWriterEndElement (w);
    }
  if (ds->entities->len > 0)
    {
      xmlTextWriterStartElement (w, BAD_CAST "entities");
      for (guint i = 0; i < ds->entities->len; i++)
        write_entity (w, OT_ENTITY (ds, i));
      xmlTextWriterEndElement (w);
    }
  if (ds->relations->len > 0)
    {
      xmlTextWriterStartElement (w, BAD_CAST "relations");
      for (guint i = 0; i < ds->relations->len; i++)
        write_relation (w, OT_RELATION (ds, i));
      xmlTextWriterEndElement (w);
    }
  if (ds->lists->len > 0)
    {
      xmlTextWriterStartElement (w, BAD_CAST "lists");
      for (guint i = 0; i < ds->lists->len; i++)
        write_list (w, &g_array_index (ds->lists, OtList, i));
      xmlTextWriterEndElement (w);
    }
  if (ds->policies->len > 0)
    {
      xmlTextWriterStartElement (w, BAD_CAST "policies");
      for (guint i = 0; i < ds->policies->len; i++)
        write_policy (w, &g_array_index (ds->policies, OtPolicy, i));
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndDocument (w);
  xmlTextWriterFlush (w);
  return g_strndup ((const char *)xmlBufferContent (buffer), (gsize)xmlBufferLength (buffer));
}

gboolean
ot_save_xml (const OtDataset *ds, const char *path, GError **error)
{
  g_autofree char *text = ot_dataset_to_xml (ds);
  return ot_write_text (path, text, strlen (text), error);
}
