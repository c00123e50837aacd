/* The XML reader: a document into model records, every problem reported at its line (the
 * writer is save-xml.c; both follow schemas/ownertrace.xsd). The reader never fetches anything: no
 * network, no external DTD or entity, no entity expansion (a document that declares entities is
 * refused), and libxml2's own messages are collected as diagnostics instead of being printed. */
#include "config.h"

#include "load.h"

#include <string.h>

#include "autocleanups.h"
#include "error.h"
#include "load-private.h"

#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

typedef struct
{
  OtDataset *ds;
  const char *file; /* interned */
  const char *text;
  gsize len;
  GHashTable *lines; /* xmlNode * -> line, for elements past line 65534 */
  guint32 dtd_line;  /* where the document type declaration is, 0 when none */
  char *entity;      /* the first entity declared, which stopped the parser */
  guint32 entity_line;
  gboolean fatal; /* libxml2 reported a fatal error: what follows is its consequence */
} Reader;

/* Places and messages. */

/* libxml2 stores element lines in 16 bits; start_element keeps the larger ones aside */
static guint32
node_line (Reader *r, const xmlNode *node)
{
  if (node == NULL)
    return 0;
  if (node->type == XML_ELEMENT_NODE && node->line < 65535)
    return node->line;
  gpointer line = g_hash_table_lookup (r->lines, node);
  if (line != NULL)
    return GPOINTER_TO_UINT (line);
  long l = xmlGetLineNo (node);
  return l > 0 ? (guint32)l : 0;
}

static OtLoc
node_loc (Reader *r, const xmlNode *node)
{
  OtLoc loc = { r->file, node_line (r, node), 0 };
  return loc;
}

static void report (Reader *r, const xmlNode *node, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
report (Reader *r, const xmlNode *node, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  OtLoc loc = node_loc (r, node);
  ot_dataset_diag (r->ds, &loc, OT_SEVERITY_ERROR, "%s", message);
}

/* Text quoted in a message: escaped, and cut after 40 characters. */
static char *
shown (const char *text)
{
  g_autofree char *cut = g_utf8_strlen (text, -1) > 40 ? g_utf8_substring (text, 0, 40) : NULL;
  g_autofree char *escaped = g_strescape (cut ? cut : text, "\xc2\xa0");
  return cut ? g_strconcat (escaped, "…", NULL) : g_steal_pointer (&escaped);
}

/* A libxml2 message as ours: no newline, no full stop, lower case first, our namespace
 * left out of element names. */
static char *
tidy_message (const char *message)
{
  g_autofree char *m = g_strdup (message ? message : "unknown problem");
  g_strstrip (m);
  gsize n = strlen (m);
  if (n > 0 && m[n - 1] == '.')
    m[n - 1] = '\0';
  if (g_ascii_isupper (m[0]) && !g_ascii_isupper (m[1]))
    m[0] = g_ascii_tolower (m[0]);
  g_autoptr (GString) s = g_string_new (m);
  g_string_replace (s, "{" OT_XML_NS "}", "", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
collect_error (Reader *r, const xmlError *err, const char *what)
{
  if (r->fatal || r->entity != NULL)
    return;
  r->fatal = err->level == XML_ERR_FATAL;
  guint32 line = err->line > 0 ? (guint32)err->line : 0;
  if (err->node != NULL && ((xmlNode *)err->node)->type == XML_ELEMENT_NODE)
    line = node_line (r, err->node);
  if (line == 0)
    line = 1;
  OtLoc loc = { r->file, line, 0 };
  g_autofree char *message = tidy_message (err->message);
  OtSeverity severity = err->level == XML_ERR_WARNING ? OT_SEVERITY_WARNING : OT_SEVERITY_ERROR;
  ot_dataset_diag (r->ds, &loc, severity, "%s: %s", what, message);
}

/* Parser errors: data is the parser context, whose _private is the reader. */
static void
on_parse_error (void *data, xmlError *err)
{
  xmlParserCtxt *ctxt = data;
  collect_error (ctxt->_private, err, "malformed XML");
}

/* Anything else libxml2 reports while we hold its handlers. */
static void
on_other_error (void *data, xmlError *err)
{
  collect_error (data, err, "XML");
}

static void
on_schema_error (void *data, xmlError *err)
{
  collect_error (data, err, "not valid against ownertrace.xsd");
}

/* A broken installed schema is our fault, not the file's: keep the first message for the
 * error. */
static void
on_schema_parse_error (void *data, xmlError *err)
{
  char **problem = data;
  if (*problem == NULL)
    *problem = tidy_message (err->message);
}

static void
on_generic_error (void *data, const char *format, ...)
{
  /* only reached by libxml2 code without a structured report; never printed */
}

static xmlParserInput *
no_external_entities (const char *url, const char *id, xmlParserCtxt *ctxt)
{
  return NULL;
}

/* Records the true line of elements that libxml2's 16-bit field cannot hold. */
static void
start_element (void *data, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
               int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
               const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = data;
  xmlSAX2StartElementNs (data, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                         nb_defaulted, attributes);
  Reader *r = ctxt->_private;
  if (ctxt->node != NULL && ctxt->input != NULL && ctxt->input->line >= 65535)
    g_hash_table_insert (r->lines, ctxt->node, GUINT_TO_POINTER ((guint)ctxt->input->line));
}

static void
internal_subset (void *data, const xmlChar *name, const xmlChar *external_id,
                 const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = data;
  Reader *r = ctxt->_private;
  r->dtd_line = ctxt->input ? (guint32)ctxt->input->line : 1;
  xmlSAX2InternalSubset (data, name, external_id, system_id);
}

/* Stops at the first entity declaration: nothing declared is ever expanded or fetched, and an
 * entity-expansion bomb costs nothing. */
static void
entity_decl (void *data, const xmlChar *name, int type, const xmlChar *public_id,
             const xmlChar *system_id, xmlChar *content)
{
  xmlParserCtxt *ctxt = data;
  Reader *r = ctxt->_private;
  if (r->entity == NULL)
    {
      r->entity = g_strdup ((const char *)name);
      r->entity_line = ctxt->input ? (guint32)ctxt->input->line : r->dtd_line;
    }
  xmlStopParser (ctxt);
}

/* Elements and attributes. */

static gboolean
is_ours (const xmlNode *node)
{
  return node->ns != NULL && strcmp ((const char *)node->ns->href, OT_XML_NS) == 0;
}

static gboolean
is_element (const xmlNode *node, const char *name)
{
  return is_ours (node) && strcmp ((const char *)node->name, name) == 0;
}

static char *
element_name (const xmlNode *node)
{
  if (node->ns == NULL || is_ours (node))
    return g_strdup ((const char *)node->name);
  if (node->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", node->ns->prefix, node->name);
  return g_strdup_printf ("{%s}%s", node->ns->href, node->name);
}

static gboolean
blank (const xmlChar *text)
{
  for (const xmlChar *p = text; p != NULL && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static void
report_entity_ref (Reader *r, const xmlNode *node)
{
  report (r, node->parent,
          "expected text, found the entity reference '&%s;' (entities are not expanded)",
          node->name);
}

/* The first element from node on, reporting text and entity references passed over. */
static xmlNode *
element_from (Reader *r, const xmlNode *parent, xmlNode *node)
{
  for (; node != NULL; node = node->next)
    switch (node->type)
      {
      case XML_ELEMENT_NODE:
        return node;
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (!blank (node->content))
          {
            g_autofree char *text = g_strstrip (g_strdup ((const char *)node->content));
            g_autofree char *s = shown (text);
            report (r, node, "expected elements in <%s>, found the text '%s'", parent->name, s);
          }
        break;
      case XML_ENTITY_REF_NODE:
        report_entity_ref (r, node);
        break;
      default: /* comments, processing instructions */
        break;
      }
  return NULL;
}

#define FOR_ELEMENTS(r, parent, child)                                                             \
  for (xmlNode *child = element_from (r, parent, (parent)->children); child != NULL;               \
       child = element_from (r, parent, child->next))

static void
unknown_element (Reader *r, const xmlNode *parent, const xmlNode *node, const char *const *expected)
{
  g_autofree char *name = element_name (node);
  g_autofree char *known = g_strjoinv (", ", (char **)expected);
  if (expected[0] == NULL)
    report (r, node, "unknown element <%s> in <%s>: expected no elements in it", name,
            parent->name);
  else
    report (r, node, "unknown element <%s> in <%s>: expected one of %s", name, parent->name, known);
}

/* Reports the element children of an element that takes none. */
static void
no_elements (Reader *r, const xmlNode *node)
{
  static const char *const none[] = { NULL };
  FOR_ELEMENTS (r, node, child) { unknown_element (r, node, child, none); }
}

/* Reports attributes not in allowed (the root may also carry xsi: attributes). */
static void
check_attributes (Reader *r, const xmlNode *node, const char *const *allowed)
{
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      if (a->ns == NULL && g_strv_contains (allowed, (const char *)a->name))
        continue;
      if (a->ns != NULL && node->parent != NULL && node->parent->type == XML_DOCUMENT_NODE
          && strcmp ((const char *)a->ns->href, XSI_NS) == 0)
        continue;
      g_autofree char *name = a->ns && a->ns->prefix
                                  ? g_strdup_printf ("%s:%s", a->ns->prefix, a->name)
                                  : g_strdup ((const char *)a->name);
      g_autofree char *known = g_strjoinv (", ", (char **)allowed);
      if (allowed[0] == NULL)
        report (r, node, "unknown attribute '%s' on <%s>: expected no attributes on it", name,
                node->name);
      else
        report (r, node, "unknown attribute '%s' on <%s>: expected one of %s", name, node->name,
                known);
    }
}

/* An attribute's value, interned; NULL when absent. */
static const char *
get (Reader *r, const xmlNode *node, const char *name)
{
  g_autoptr (xmlChar) value = xmlGetNoNsProp (node, BAD_CAST name);
  if (value == NULL)
    return NULL;
  if (!g_utf8_validate ((const char *)value, -1, NULL))
    {
      report (r, node, "expected UTF-8 text for '%s', found bytes that are not", name);
      return NULL;
    }
  return ot_dataset_intern (r->ds, (const char *)value);
}

static void
missing (Reader *r, const xmlNode *node, const char *name)
{
  report (r, node, "%s has no '%s': expected a value for it", node->name, name);
}

static const char *
get_required (Reader *r, const xmlNode *node, const char *name)
{
  const char *value = get (r, node, name);
  if (value == NULL)
    missing (r, node, name);
  else if (*value == '\0')
    {
      report (r, node, "expected a value for '%s', found an empty one", name);
      return NULL;
    }
  return value;
}

static const char *
get_id (Reader *r, const xmlNode *node, const char *name, gboolean required)
{
  const char *id = required ? get_required (r, node, name) : get (r, node, name);
  if (id != NULL && !ot_id_valid (id))
    {
      g_autofree char *s = shown (id);
      report (r, node, "expected an id for '%s' (no spaces, control characters or '#'), found '%s'",
              name, s);
      return NULL;
    }
  return id;
}

static OtDate
get_date (Reader *r, const xmlNode *node, const char *name)
{
  const char *text = get (r, node, name);
  if (text == NULL)
    return OT_DATE_NONE;
  OtDate date = ot_date_parse (text);
  if (date == OT_DATE_NONE)
    {
      g_autofree char *s = shown (text);
      report (r, node, "expected a date YYYY-MM-DD for '%s', found '%s'", name, s);
    }
  return date;
}

/* FALSE when absent or bad (reported). */
static gboolean
get_bool (Reader *r, const xmlNode *node, const char *name, gboolean *value)
{
  const char *text = get (r, node, name);
  if (text == NULL)
    return FALSE;
  if (strcmp (text, "true") == 0 || strcmp (text, "false") == 0)
    {
      *value = text[0] == 't';
      return TRUE;
    }
  g_autofree char *s = shown (text);
  report (r, node, "expected true or false for '%s', found '%s'", name, s);
  return FALSE;
}

/* A percent from 0 to 100; FALSE when absent or bad (reported, *ok cleared). */
static gboolean
get_percent (Reader *r, const xmlNode *node, const char *name, double *value, gboolean *ok)
{
  const char *text = get (r, node, name);
  if (text == NULL)
    return FALSE;
  double v = 0;
  if (ot_number_parse (text, &v) && v >= 0 && v <= 100)
    {
      *value = v;
      return TRUE;
    }
  g_autofree char *s = shown (text);
  if (strcmp (name, "value") == 0)
    report (r, node, "expected a share from 0 to 100, found '%s'", s);
  else
    report (r, node, "expected a share from 0 to 100 for '%s', found '%s'", name, s);
  *ok = FALSE;
  return FALSE;
}

/* The text of an element that holds only text; NULL (reported) when it holds anything else or
 * nothing. */
static const char *
leaf_text (Reader *r, const xmlNode *node)
{
  static const char *const none[] = { NULL };
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean ok = TRUE;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    switch (c->type)
      {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        g_string_append (text, (const char *)c->content);
        break;
      case XML_ELEMENT_NODE:
        unknown_element (r, node, c, none);
        ok = FALSE;
        break;
      case XML_ENTITY_REF_NODE:
        report_entity_ref (r, c);
        ok = FALSE;
        break;
      default:
        break;
      }
  if (!ok)
    return NULL;
  if (text->len == 0)
    {
      report (r, node, "expected text in <%s>, found none", node->name);
      return NULL;
    }
  if (!g_utf8_validate (text->str, (gssize)text->len, NULL))
    {
      report (r, node, "expected UTF-8 text in <%s>, found bytes that are not", node->name);
      return NULL;
    }
  return ot_dataset_intern (r->ds, text->str);
}

/* A <cite source="id" record="r"/>, appended to cites when good. */
static void
read_cite (Reader *r, const xmlNode *node, GArray *cites)
{
  static const char *const names[] = { "source", "record", NULL };
  check_attributes (r, node, names);
  no_elements (r, node);
  OtCitation c = { 0 };
  c.source = get_id (r, node, "source", TRUE);
  c.record = get (r, node, "record");
  if (c.record != NULL && *c.record == '\0')
    {
      report (r, node, "expected a value for 'record', found an empty one");
      return;
    }
  if (c.source != NULL)
    g_array_append_val (cites, c);
}

static OtCitations
citations (Reader *r, GArray *cites)
{
  return ot_dataset_citations (r->ds, (const OtCitation *)cites->data, cites->len);
}

static void
add_string (GPtrArray **array, const char *text)
{
  if (text == NULL)
    return;
  if (*array == NULL)
    *array = g_ptr_array_new ();
  g_ptr_array_add (*array, (gpointer)text);
}

/* Records. */

static void
read_source (Reader *r, const xmlNode *node)
{
  static const char *const names[] = { "id", "title", "publisher", "url", "date", "note", NULL };
  check_attributes (r, node, names);
  no_elements (r, node);
  OtSource s = { 0 };
  s.loc = node_loc (r, node);
  s.id = get_id (r, node, "id", TRUE);
  s.title = get (r, node, "title");
  if (s.title == NULL)
    missing (r, node, "title");
  s.publisher = get (r, node, "publisher");
  s.url = get (r, node, "url");
  s.date = get (r, node, "date");
  if (s.date != NULL && !ot_date_partial_valid (s.date))
    {
      g_autofree char *shown_date = shown (s.date);
      report (r, node, "expected a date YYYY-MM-DD, YYYY-MM or YYYY for 'date', found '%s'",
              shown_date);
      s.date = NULL;
    }
  s.note = get (r, node, "note");
  if (s.id != NULL)
    ot_dataset_add_source (r->ds, &s);
}

static gboolean
country_valid (const char *text)
{
  return strlen (text) == 2 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]);
}

static void
read_identifier (Reader *r, const xmlNode *node, GArray **identifiers)
{
  static const char *const names[] = { "scheme", NULL };
  check_attributes (r, node, names);
  OtIdentifier id = { 0 };
  id.scheme = get_required (r, node, "scheme");
  id.value = leaf_text (r, node);
  if (id.scheme == NULL || id.value == NULL)
    return;
  if (*identifiers == NULL)
    *identifiers = g_array_new (FALSE, TRUE, sizeof (OtIdentifier));
  g_array_append_val (*identifiers, id);
}

static void
read_entity (Reader *r, const xmlNode *node)
{
  static const char *const names[] = { "id", "kind", "name", "country", "note", NULL };
  static const char *const children[] = {
    "alias", "identifier", "address", "model-pattern", "cite", NULL,
  };
  static const char *const none[] = { NULL };
  check_attributes (r, node, names);
  OtEntity e = { 0 };
  e.loc = node_loc (r, node);
  e.id = get_id (r, node, "id", TRUE);
  const char *kind = get_required (r, node, "kind");
  int k = kind ? ot_kind_parse (kind) : -1;
  if (kind != NULL && k < 0)
    {
      g_autofree char *s = shown (kind);
      report (r, node,
              "expected a kind (state, company, person, brand, product, vessel, aircraft or "
              "other), found '%s'",
              s);
    }
  e.kind = k >= 0 ? (OtKind)k : OT_KIND_OTHER;
  e.name = get_required (r, node, "name");
  e.country = get (r, node, "country");
  if (e.country != NULL && !country_valid (e.country))
    {
      g_autofree char *s = shown (e.country);
      report (r, node,
              "expected an ISO 3166-1 alpha-2 country code such as 'CN' for 'country', found '%s'",
              s);
      e.country = NULL;
    }
  e.note = get (r, node, "note");
  g_autoptr (GArray) cites = g_array_new (FALSE, TRUE, sizeof (OtCitation));
  FOR_ELEMENTS (r, node, child)
  {
    if (is_element (child, "identifier"))
      {
        read_identifier (r, child, &e.identifiers);
        continue;
      }
    if (is_element (child, "cite"))
      {
        read_cite (r, child, cites);
        continue;
      }
    GPtrArray **strings = is_element (child, "alias")           ? &e.aliases
                          : is_element (child, "address")       ? &e.addresses
                          : is_element (child, "model-pattern") ? &e.patterns
                                                                : NULL;
    if (strings == NULL)
      {
        unknown_element (r, node, child, children);
        continue;
      }
    check_attributes (r, child, none);
    add_string (strings, leaf_text (r, child));
  }
  e.sources = citations (r, cites);
  if (e.id != NULL && k >= 0 && e.name != NULL)
    {
      ot_dataset_add_entity (r->ds, &e);
      return;
    }
  g_clear_pointer (&e.aliases, g_ptr_array_unref);
  g_clear_pointer (&e.addresses, g_ptr_array_unref);
  g_clear_pointer (&e.patterns, g_ptr_array_unref);
  g_clear_pointer (&e.identifiers, g_array_unref);
}

/* <share value="36.48"/>, <share min="25" max="50"/>, or bounds: at-least or more-than and/or
 * at-most or less-than. */
static gboolean
read_share (Reader *r, const xmlNode *node, OtShare *share)
{
  static const char *const names[] = {
    "value", "min", "max", "at-least", "more-than", "at-most", "less-than", NULL,
  };
  check_attributes (r, node, names);
  no_elements (r, node);
  gboolean ok = TRUE, has[7] = { FALSE };
  double v[7] = { 0 };
  for (int i = 0; i < 7; i++)
    has[i] = get_percent (r, node, names[i], &v[i], &ok);
  if (!ok)
    return FALSE;
  gboolean exact = has[0], range = has[1] || has[2];
  gboolean bounds = has[3] || has[4] || has[5] || has[6];
  memset (share, 0, sizeof *share);
  share->max = 100;
  if (exact + range + bounds > 1)
    {
      report (r, node, "expected one form of share (value, min and max, or bounds), found %s",
              exact && range ? "'value' with 'min' or 'max'"
              : exact        ? "'value' with bounds"
                             : "'min' or 'max' with bounds");
      return FALSE;
    }
  if (exact)
    {
      share->form = OT_SHARE_EXACT;
      share->min = share->max = v[0];
      return TRUE;
    }
  if (range)
    {
      if (!has[1] || !has[2])
        {
          report (r, node, "expected a share range with both 'min' and 'max', found only '%s'",
                  has[1] ? "min" : "max");
          return FALSE;
        }
      if (v[1] > v[2])
        {
          const char *lo = get (r, node, "min"), *hi = get (r, node, "max");
          report (r, node, "expected a share range with min <= max, found [%s, %s]", lo, hi);
          return FALSE;
        }
      share->form = OT_SHARE_RANGE;
      share->min = v[1];
      share->max = v[2];
      return TRUE;
    }
  if (!bounds)
    {
      report (r, node,
              "expected a share (value, min and max, or at-least, more-than, at-most or "
              "less-than), found none");
      return FALSE;
    }
  if ((has[3] && has[4]) || (has[5] && has[6]))
    {
      report (r, node,
              "expected at most one lower bound (at-least or more-than) and one upper "
              "bound (at-most or less-than) on <share>");
      return FALSE;
    }
  share->form = OT_SHARE_BOUNDS;
  if (has[3] || has[4])
    {
      share->has_min = TRUE;
      share->min_strict = has[4];
      share->min = has[4] ? v[4] : v[3];
    }
  if (has[5] || has[6])
    {
      share->has_max = TRUE;
      share->max_strict = has[6];
      share->max = has[6] ? v[6] : v[5];
    }
  if (share->min > share->max)
    {
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
      report (r, node, "expected a lower bound <= the upper bound in <share>, found %s and %s",
              ot_number_format (share->min, a, sizeof a),
              ot_number_format (share->max, b, sizeof b));
      return FALSE;
    }
  return TRUE;
}

static void
read_relation (Reader *r, const xmlNode *node)
{
  static const char *const names[] = {
    "from", "type", "to", "since", "until", "confidence", "note", NULL,
  };
  static const char *const children[] = { "share", "cite", NULL };
  check_attributes (r, node, names);
  OtRelation rel = { 0 };
  gboolean ok = TRUE;
  rel.loc = node_loc (r, node);
  rel.from_id = get_id (r, node, "from", TRUE);
  const char *type = get_required (r, node, "type");
  int t = type ? ot_rel_parse (type) : -1;
  if (type != NULL && t < 0)
    {
      g_autofree char *s = shown (type);
      report (r, node,
              "expected a relation type (owns, controls, brand_of, manufactures, product_of, "
              "successor_of, same_as or linked), found '%s'",
              s);
    }
  rel.type = t >= 0 ? (guint8)t : 0;
  rel.to_id = get_id (r, node, "to", TRUE);
  rel.since = get_date (r, node, "since");
  rel.until = get_date (r, node, "until");
  const char *confidence = get (r, node, "confidence");
  int c = confidence ? ot_confidence_parse (confidence) : OT_CONF_CONFIRMED;
  if (c < 0)
    {
      g_autofree char *s = shown (confidence);
      report (r, node, "expected a confidence (confirmed, reported or alleged), found '%s'", s);
    }
  rel.confidence = c >= 0 ? (guint8)c : OT_CONF_CONFIRMED;
  rel.note = get (r, node, "note");
  g_autoptr (GArray) cites = g_array_new (FALSE, TRUE, sizeof (OtCitation));
  const xmlNode *share = NULL;
  FOR_ELEMENTS (r, node, child)
  {
    if (is_element (child, "cite"))
      read_cite (r, child, cites);
    else if (is_element (child, "share") && share != NULL)
      {
        report (r, child, "expected one <share> in <relation>, found a second one");
        ok = FALSE;
      }
    else if (is_element (child, "share"))
      {
        share = child;
        ok = read_share (r, child, &rel.share) && ok;
      }
    else
      unknown_element (r, node, child, children);
  }
  rel.sources = citations (r, cites);
  if (rel.from_id == NULL || rel.to_id == NULL || t < 0)
    ok = FALSE;
  if (share != NULL && ok && rel.type != OT_REL_OWNS)
    {
      report (r, share, "'share' belongs to 'owns' relations: expected no share on '%s'",
              ot_rel_name (rel.type));
      ok = FALSE;
    }
  if (ok)
    ot_dataset_add_relation (r->ds, &rel);
}

static void
read_period (Reader *r, const xmlNode *node, GArray *scope)
{
  static const char *const names[] = {
    "ownership", "strict", "aggregate", "control", "produced-by", "since", "until", NULL,
  };
  check_attributes (r, node, names);
  no_elements (r, node);
  OtScope s = { 0 };
  gboolean ok = TRUE;
  s.loc = node_loc (r, node);
  s.has_ownership = get_percent (r, node, "ownership", &s.ownership, &ok);
  get_bool (r, node, "strict", &s.strict);
  get_bool (r, node, "aggregate", &s.aggregate);
  get_bool (r, node, "control", &s.control);
  get_bool (r, node, "produced-by", &s.produced_by);
  s.since = get_date (r, node, "since");
  s.until = get_date (r, node, "until");
  g_array_append_val (scope, s);
}

static void
read_scope (Reader *r, const xmlNode *node, OtList *l)
{
  static const char *const names[] = { "sequence", NULL };
  static const char *const children[] = { "period", NULL };
  check_attributes (r, node, names);
  get_bool (r, node, "sequence", &l->scope_seq);
  FOR_ELEMENTS (r, node, child)
  {
    if (!is_element (child, "period"))
      unknown_element (r, node, child, children);
    else if (!l->scope_seq && l->scope->len == 1)
      report (r, child,
              "expected one <period> in a <scope> that is not a sequence, found a "
              "second one (add sequence=\"true\")");
    else
      read_period (r, child, l->scope);
  }
}

static void
read_entry (Reader *r, const xmlNode *node, GArray *entries)
{
  static const char *const names[] = { "entity", "listed", "removed", "remarks", NULL };
  static const char *const children[] = { "program", "cite", NULL };
  static const char *const none[] = { NULL };
  check_attributes (r, node, names);
  OtEntry e = { 0 };
  e.loc = node_loc (r, node);
  e.entity_id = get_id (r, node, "entity", TRUE);
  e.listed = get_date (r, node, "listed");
  e.removed = get_date (r, node, "removed");
  e.remarks = get (r, node, "remarks");
  g_autoptr (GArray) cites = g_array_new (FALSE, TRUE, sizeof (OtCitation));
  FOR_ELEMENTS (r, node, child)
  {
    if (is_element (child, "cite"))
      read_cite (r, child, cites);
    else if (is_element (child, "program"))
      {
        check_attributes (r, child, none);
        add_string (&e.programs, leaf_text (r, child));
      }
    else
      unknown_element (r, node, child, children);
  }
  e.sources = citations (r, cites);
  if (e.entity_id == NULL)
    {
      g_clear_pointer (&e.programs, g_ptr_array_unref);
      return;
    }
  g_array_append_val (entries, e);
}

static void
clear_entry (gpointer data)
{
  OtEntry *e = data;
  g_clear_pointer (&e->programs, g_ptr_array_unref);
}

static void
read_list (Reader *r, const xmlNode *node)
{
  static const char *const names[] = {
    "id", "name", "authority", "jurisdiction", "url", "note", NULL,
  };
  static const char *const children[] = { "scope", "entry", NULL };
  check_attributes (r, node, names);
  OtList l = { 0 };
  l.loc = node_loc (r, node);
  l.id = get_id (r, node, "id", TRUE);
  l.name = get (r, node, "name");
  if (l.name == NULL)
    missing (r, node, "name");
  l.authority = get (r, node, "authority");
  l.jurisdiction = get (r, node, "jurisdiction");
  l.url = get (r, node, "url");
  l.note = get (r, node, "note");
  l.scope = g_array_new (FALSE, TRUE, sizeof (OtScope));
  l.entries = g_array_new (FALSE, TRUE, sizeof (OtEntry));
  g_array_set_clear_func (l.entries, clear_entry);
  const xmlNode *scope = NULL;
  FOR_ELEMENTS (r, node, child)
  {
    if (is_element (child, "entry"))
      read_entry (r, child, l.entries);
    else if (is_element (child, "scope") && scope != NULL)
      report (r, child, "expected one <scope> in <list>, found a second one");
    else if (is_element (child, "scope"))
      {
        scope = child;
        read_scope (r, child, &l);
      }
    else
      unknown_element (r, node, child, children);
  }
  if (l.id != NULL)
    {
      ot_dataset_add_list (r->ds, &l);
      return;
    }
  g_array_unref (l.scope);
  g_array_unref (l.entries);
}

static void
read_policy (Reader *r, const xmlNode *node)
{
  static const char *const names[] = { "id", "name", "note", NULL };
  static const char *const children[] = { "list", NULL };
  static const char *const refs[] = { "ref", NULL };
  check_attributes (r, node, names);
  OtPolicy p = { 0 };
  p.loc = node_loc (r, node);
  p.id = get_id (r, node, "id", TRUE);
  p.name = get (r, node, "name");
  p.note = get (r, node, "note");
  p.lists = g_ptr_array_new ();
  p.list_locs = g_array_new (FALSE, TRUE, sizeof (OtLoc));
  FOR_ELEMENTS (r, node, child)
  {
    if (!is_element (child, "list"))
      {
        unknown_element (r, node, child, children);
        continue;
      }
    check_attributes (r, child, refs);
    no_elements (r, child);
    const char *ref = get_id (r, child, "ref", TRUE);
    if (ref == NULL)
      continue;
    OtLoc loc = node_loc (r, child);
    g_ptr_array_add (p.lists, (gpointer)ref);
    g_array_append_val (p.list_locs, loc);
  }
  if (p.id != NULL)
    {
      ot_dataset_add_policy (r->ds, &p);
      return;
    }
  g_ptr_array_unref (p.lists);
  g_array_unref (p.list_locs);
}

typedef void (*ReadRecord) (Reader *r, const xmlNode *node);

static void
read_root (Reader *r, const xmlNode *root)
{
  static const char *const sections[] = {
    "sources", "entities", "relations", "lists", "policies", NULL,
  };
  static const char *const records[] = { "source", "entity", "relation", "list", "policy" };
  static const ReadRecord readers[] = {
    read_source, read_entity, read_relation, read_list, read_policy,
  };
  static const char *const none[] = { NULL };
  if (!is_element (root, "ownertrace"))
    {
      g_autofree char *name = element_name (root);
      report (r, root, "expected the root element <ownertrace> in the namespace '%s', found <%s>%s",
              OT_XML_NS, name, root->ns == NULL ? " without a namespace" : "");
      return;
    }
  check_attributes (r, root, none);
  FOR_ELEMENTS (r, root, section)
  {
    int k = 0;
    while (sections[k] != NULL && !is_element (section, sections[k]))
      k++;
    if (sections[k] == NULL)
      {
        unknown_element (r, root, section, sections);
        continue;
      }
    check_attributes (r, section, none);
    const char *const only[] = { records[k], NULL };
    FOR_ELEMENTS (r, section, record)
    {
      if (is_element (record, records[k]))
        readers[k](r, record);
      else
        unknown_element (r, section, record, only);
    }
  }
}

/* Refuses document type declarations: an external DTD is never loaded, and entities (which
 * stopped the parser) would be expanded or fetched. */
static void
report_dtd (Reader *r, xmlDoc *doc)
{
  OtLoc loc = { r->file, r->dtd_line ? r->dtd_line : 1, 0 };
  xmlDtd *dtd = doc ? doc->intSubset : NULL;
  if (dtd != NULL && dtd->SystemID != NULL)
    ot_dataset_diag (r->ds, &loc, OT_SEVERITY_ERROR,
                     "expected no DTD (external DTDs are not loaded), found '%s'",
                     (const char *)dtd->SystemID);
  else if (dtd != NULL)
    ot_dataset_diag (r->ds, &loc, OT_SEVERITY_ERROR,
                     "expected no document type declaration, found one for <%s>",
                     (const char *)dtd->name);
}

/* Finds the schema: OWNERTRACE_SCHEMAS, then the installed one; NULL when there is none. */
static char *
schema_path (void)
{
  const char *dir = g_getenv ("OWNERTRACE_SCHEMAS");
  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, "ownertrace.xsd", NULL);
#ifdef OT_SCHEMADIR
  return g_build_filename (OT_SCHEMADIR, "ownertrace.xsd", NULL);
#else
  return NULL;
#endif
}

/* Validates against the schema when it is installed: a backstop behind the checks above, so
 * that a document the schema refuses is never taken. */
static gboolean
validate (Reader *r, xmlDoc *doc, GError **error)
{
  g_autofree char *path = schema_path ();
  g_autofree char *text = NULL;
  gsize len = 0;
  if (path == NULL || !g_file_get_contents (path, &text, &len, NULL))
    return TRUE;
  g_autoptr (xmlSchemaParserCtxt) pctxt = xmlSchemaNewMemParserCtxt (text, (int)len);
  g_autofree char *problem = NULL;
  xmlSchemaSetParserStructuredErrors (pctxt, on_schema_parse_error, &problem);
  g_autoptr (xmlSchema) schema = xmlSchemaParse (pctxt);
  if (schema == NULL || problem != NULL)
    return ot_error_set (error, OT_ERROR_INTERNAL, "%s: the XML schema does not load: %s", path,
                         problem ? problem : "unknown problem");
  g_autoptr (xmlSchemaValidCtxt) vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, on_schema_error, r);
  xmlSchemaValidateDoc (vctxt, doc);
  return TRUE;
}

static gboolean
read_text (Reader *r, GError **error)
{
  OtLoc first = { r->file, 1, 0 };
  const char *end = NULL;
  if (!g_utf8_validate_len (r->text, r->len, &end))
    {
      OtLoc loc = { r->file, 1, 0 };
      for (const char *q = r->text; q < end; q++)
        loc.line += *q == '\n';
      ot_dataset_diag (r->ds, &loc, OT_SEVERITY_ERROR, "expected UTF-8 text, found the byte 0x%02X",
                       (guint) * (const guchar *)end);
      return TRUE;
    }
  if (blank ((const xmlChar *)r->text) && strlen (r->text) == r->len)
    {
      ot_dataset_diag (r->ds, &first, OT_SEVERITY_ERROR,
                       "the file is empty: expected an <ownertrace> document with sources, "
                       "entities, relations, lists or policies");
      return TRUE;
    }
  if (r->len > G_MAXINT)
    return ot_error_set (error, OT_ERROR_IO, "%s: the file is too large for the XML reader",
                         r->file);
  g_autoptr (xmlParserCtxt) ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    return ot_error_set (error, OT_ERROR_INTERNAL, "%s: cannot start the XML reader", r->file);
  ctxt->_private = r;
  ctxt->sax->startElementNs = start_element;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->internalSubset = internal_subset;
  ctxt->sax->entityDecl = entity_decl;
  guint before = r->ds->n_errors;
  g_autoptr (xmlDoc) doc
      = xmlCtxtReadMemory (ctxt, r->text, (int)r->len, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
  if (r->entity != NULL)
    {
      OtLoc loc = { r->file, r->entity_line, 0 };
      ot_dataset_diag (r->ds, &loc, OT_SEVERITY_ERROR,
                       "expected no entity declarations (entities are neither expanded nor "
                       "fetched), found the entity '%s'",
                       r->entity);
      return TRUE;
    }
  if (doc == NULL || !ctxt->wellFormed)
    {
      if (r->ds->n_errors == before)
        ot_dataset_diag (r->ds, &first, OT_SEVERITY_ERROR, "malformed XML");
      return TRUE;
    }
  if (doc->encoding != NULL && g_ascii_strcasecmp ((const char *)doc->encoding, "UTF-8") != 0)
    {
      ot_dataset_diag (r->ds, &first, OT_SEVERITY_ERROR, "expected the encoding UTF-8, found '%s'",
                       (const char *)doc->encoding);
      return TRUE;
    }
  report_dtd (r, doc);
  read_root (r, xmlDocGetRootElement (doc));
  if (r->ds->n_errors != before)
    return TRUE;
  return validate (r, doc, error);
}

gboolean
ot_load_xml (OtDataset *ds, const char *path, const char *text, gsize len, GError **error)
{
  g_return_val_if_fail (ds != NULL && path != NULL && (text != NULL || len == 0), FALSE);
  Reader r = { 0 };
  r.ds = ds;
  r.file = ot_dataset_intern (ds, path);
  r.text = text ? text : "";
  r.len = len;
  r.lines = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* libxml2's handlers are global: take them for the read, and give them back */
  xmlInitParser ();
  xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader ();
  xmlStructuredErrorFunc old_serror = xmlStructuredError;
  void *old_serror_data = xmlStructuredErrorContext;
  xmlGenericErrorFunc old_error = xmlGenericError;
  void *old_error_data = xmlGenericErrorContext;
  xmlSetExternalEntityLoader (no_external_entities);
  xmlSetStructuredErrorFunc (&r, on_other_error);
  xmlSetGenericErrorFunc (NULL, on_generic_error);

  gboolean ok = read_text (&r, error);

  xmlSetGenericErrorFunc (old_error_data, old_error);
  xmlSetStructuredErrorFunc (old_serror_data, old_serror);
  xmlSetExternalEntityLoader (old_loader);
  g_hash_table_unref (r.lines);
  g_free (r.entity);
  return ok;
}
