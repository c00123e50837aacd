/* The XML format: every field read, every problem reported at its line, nothing fetched or
 * expanded, libxml2 silent, the schema enforced, and the writer giving back the same bytes
 * and the same model as YAML. */
#include "config.h"

#include "load.h"

#include <setjmp.h> /* cmocka.h needs these four first: keep it in its own block */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "test-util.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<ownertrace xmlns=\"https://ownertrace.org/ns/dataset/1\">\n"

/* Diagnostics as the CLI prints them for XML: "file:line: error: message". */
static char *
diagnostics (const OtDataset *ds)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < ds->diagnostics->len; i++)
    {
      const OtDiagnostic *d = &g_array_index (ds->diagnostics, OtDiagnostic, i);
      g_string_append_printf (out, "%s:%u: %s: %s\n", d->loc.file, d->loc.line,
                              d->severity == OT_SEVERITY_ERROR ? "error" : "warning", d->message);
    }
  return g_string_free (out, FALSE);
}

static OtDataset *
load_text (const char *name, const char *text, gsize len)
{
  OtDataset *ds = ot_dataset_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok = ot_load_xml (ds, name, text, len, &error);
  assert_null (error);
  assert_true (ok);
  return ds;
}

static char *
read_fixture (const char *name, gsize *len)
{
  g_autofree char *path = ot_test_path (name);
  char *text = NULL;
  assert_true (g_file_get_contents (path, &text, len, NULL));
  return text;
}

static void
test_every_field_is_read (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load ("xml/full.xml");
  g_autofree char *diags = diagnostics (ds);
  assert_string_equal (diags, "");
  assert_int_equal (ds->sources->len, 3);
  assert_int_equal (ds->entities->len, 9);
  assert_int_equal (ds->relations->len, 9);
  assert_int_equal (ds->lists->len, 5);
  assert_int_equal (ds->policies->len, 2);

  const OtSource *fcc = ot_dataset_source (ds, "fcc-covered");
  assert_string_equal (fcc->date, "2021-03");
  assert_string_equal (fcc->note, "a note with \"quotes\", <angles> & a\nsecond line");

  const OtEntity *hik = OT_ENTITY (ds, ot_dataset_entity_index (ds, "hikvision"));
  assert_int_equal (hik->kind, OT_KIND_COMPANY);
  assert_string_equal (hik->country, "CN");
  assert_int_equal (hik->aliases->len, 2);
  assert_string_equal (g_ptr_array_index (hik->aliases, 1), "海康威视");
  assert_int_equal (hik->identifiers->len, 2);
  assert_string_equal (g_array_index (hik->identifiers, OtIdentifier, 0).scheme, "ticker");
  assert_string_equal (g_array_index (hik->identifiers, OtIdentifier, 0).value, "002415.SZ");
  assert_int_equal (hik->addresses->len, 1);
  assert_int_equal (hik->sources.len, 1);
  assert_int_equal (hik->loc.line, 16);
  assert_int_equal (hik->loc.column, 0);
  const OtEntity *x1 = OT_ENTITY (ds, ot_dataset_entity_index (ds, "acme-x1"));
  assert_string_equal (g_ptr_array_index (x1->patterns, 0), "^AC-X1[0-9]{2}$");
  assert_null (x1->aliases);
  assert_string_equal (OT_ENTITY (ds, ot_dataset_entity_index (ds, "someone"))->country, "NO");

  const OtRelation *r = OT_RELATION (ds, 1);
  assert_int_equal (r->share.form, OT_SHARE_EXACT);
  assert_true (r->share.min == 36.48 && r->share.max == 36.48);
  char buf[11];
  assert_string_equal (ot_date_format (r->since, buf), "2023-10-17");
  r = OT_RELATION (ds, 2);
  assert_int_equal (r->share.form, OT_SHARE_RANGE);
  assert_true (r->share.min == 25 && r->share.max == 50);
  assert_int_equal (r->confidence, OT_CONF_ALLEGED);
  assert_string_equal (r->sources.items[0].source, "ofac-sdn");
  assert_string_equal (r->sources.items[0].record, "26235");
  r = OT_RELATION (ds, 3);
  assert_int_equal (r->share.form, OT_SHARE_BOUNDS);
  assert_true (r->share.has_min && r->share.min_strict && r->share.min == 25);
  assert_true (r->share.has_max && !r->share.max_strict && r->share.max == 50);
  r = OT_RELATION (ds, 5);
  assert_true (!r->share.has_min && r->share.min == 0);
  assert_true (r->share.has_max && r->share.max_strict && r->share.max == 10);
  assert_int_equal (OT_RELATION (ds, 6)->share.form, OT_SHARE_NONE);
  assert_int_equal (OT_RELATION (ds, 6)->confidence, OT_CONF_REPORTED);

  const OtList *eu = ot_dataset_list (ds, "eu-fsf");
  assert_true (eu->scope_seq);
  assert_int_equal (eu->scope->len, 2);
  const OtScope *p = &g_array_index (eu->scope, OtScope, 0);
  assert_true (p->has_ownership && p->ownership == 50 && p->strict && p->aggregate);
  assert_false (p->control);
  const OtEntry *e = &g_array_index (eu->entries, OtEntry, 0);
  assert_int_equal (e->programs->len, 2);
  assert_int_equal (e->sources.len, 2);
  assert_string_equal (ot_date_format (e->removed, buf), "2022-01-01");
  const OtList *fcc_list = ot_dataset_list (ds, "fcc-covered");
  assert_false (fcc_list->scope_seq);
  assert_true (g_array_index (fcc_list->scope, OtScope, 0).produced_by);
  assert_int_equal (ot_dataset_list (ds, "no-scope")->scope->len, 0);

  const OtPolicy *us = ot_dataset_policy (ds, "us-federal");
  assert_int_equal (us->lists->len, 2);
  assert_int_equal (g_array_index (us->list_locs, OtLoc, 1).line, 102);
}

static void
test_writing_gives_back_the_same_bytes (void **state)
{
  gsize len = 0;
  g_autofree char *text = read_fixture ("xml/full.xml", &len);
  g_autoptr (OtDataset) ds = load_text ("full.xml", text, len);
  assert_int_equal (ds->n_errors, 0);
  g_autofree char *out = ot_dataset_to_xml (ds);
  assert_string_equal (out, text);
  /* 36.48 stays 36.48, not 36.479999999999997 */
  assert_non_null (strstr (out, "<share value=\"36.48\"/>"));
}

/* YAML -> XML -> YAML gives the same model: the YAML written before and after the XML trip
 * are the same bytes, and so are the XML texts. */
static void
test_yaml_and_xml_hold_the_same_model (void **state)
{
  gsize len = 0;
  g_autofree char *text = read_fixture ("xml/full.xml", &len);
  g_autoptr (OtDataset) a = load_text ("full.xml", text, len);
  g_autofree char *yaml = ot_dataset_to_yaml (a);
  g_autoptr (OtDataset) b = ot_dataset_new ();
  assert_true (ot_load_yaml (b, "b.yaml", yaml, strlen (yaml), NULL));
  assert_int_equal (b->n_errors, 0);
  g_autofree char *xml = ot_dataset_to_xml (b);
  g_autoptr (OtDataset) c = load_text ("c.xml", xml, strlen (xml));
  assert_int_equal (c->n_errors, 0);
  g_autofree char *yaml_again = ot_dataset_to_yaml (c);
  g_autofree char *xml_again = ot_dataset_to_xml (c);
  assert_string_equal (yaml_again, yaml);
  assert_string_equal (xml_again, xml);
}

static const struct
{
  const char *file;
  const char *diagnostic;
} bad[] = {
  { "bad-xml-syntax.xml", "8: error: malformed XML: opening and ending tag mismatch: entity line 7 "
                          "and entities" },
  { "bad-xml-unknown-element.xml", "8: error: unknown element <nickname> in <entity>: expected one "
                                   "of alias, identifier, address, model-pattern, cite" },
  { "bad-xml-unknown-attribute.xml", "7: error: unknown attribute 'colour' on <entity>: expected "
                                     "one of id, kind, name, country, note" },
  { "bad-xml-share-type.xml", "12: error: expected a share from 0 to 100, found 'half'" },
  { "bad-xml-share-range.xml", "12: error: expected a share from 0 to 100, found '140'" },
  { "bad-xml-share-nan.xml", "12: error: expected a share from 0 to 100, found 'NaN'" },
  { "bad-xml-share-hex.xml", "12: error: expected a share from 0 to 100, found '0x10'" },
  { "bad-xml-share-min-max.xml", "12: error: expected a share range with min <= max, found [60, "
                                 "50]" },
  { "bad-xml-two-shares.xml", "13: error: expected one <share> in <relation>, found a second one" },
  { "bad-xml-xxe.xml", "3: error: expected no entity declarations (entities are neither expanded "
                       "nor fetched), found the entity 'xxe'" },
  { "bad-xml-parameter-entity.xml", "3: error: expected no entity declarations (entities are "
                                    "neither expanded nor fetched), found the entity 'remote'" },
  { "bad-xml-billion-laughs.xml", "3: error: expected no entity declarations (entities are "
                                  "neither expanded nor fetched), found the entity 'lol'" },
  { "bad-xml-external-dtd.xml", "2: error: expected no DTD (external DTDs are not loaded), found "
                                "'http://example.org/ownertrace.dtd'" },
  { "bad-xml-not-utf8.xml", "7: error: expected UTF-8 text, found the byte 0xE9" },
  { "bad-xml-latin1.xml", "1: error: expected the encoding UTF-8, found 'ISO-8859-1'" },
  { "bad-xml-empty.xml", "1: error: the file is empty: expected an <ownertrace> document with "
                         "sources, entities, relations, lists or policies" },
  { "bad-xml-missing-attribute.xml", "11: error: relation has no 'to': expected a value for it" },
  { "bad-xml-date.xml", "11: error: expected a date YYYY-MM-DD for 'since', found '2024-13-01'" },
  { "bad-xml-source-date.xml", "4: error: expected a date YYYY-MM-DD, YYYY-MM or YYYY for 'date', "
                               "found '2023-02-30'" },
  { "bad-xml-kind.xml", "4: error: expected a kind (state, company, person, brand, product, "
                        "vessel, aircraft or other), found 'corporation'" },
  { "bad-xml-boolean.xml", "6: error: expected true or false for 'aggregate', found 'yes'" },
  { "bad-xml-text-in-section.xml", "5: error: expected elements in <entities>, found the text "
                                   "'stray words'" },
  { "bad-xml-wrong-root.xml", "2: error: expected the root element <ownertrace> in the namespace "
                              "'https://ownertrace.org/ns/dataset/1', found <dataset>" },
  { "bad-xml-no-namespace.xml", "2: error: expected the root element <ownertrace> in the "
                                "namespace 'https://ownertrace.org/ns/dataset/1', found "
                                "<ownertrace> without a namespace" },
};

/* Each bad file has one fault, reported once, at its line, in the whole loader. */
static void
test_each_bad_file_reports_its_fault_at_its_line (void **state)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_build_filename ("bad", bad[i].file, NULL);
      g_autoptr (OtDataset) ds = ot_test_load (name);
      g_autofree char *diags = diagnostics (ds);
      g_autofree char *path = ot_test_path (name);
      g_autofree char *expected = g_strdup_printf ("%s:%s\n", path, bad[i].diagnostic);
      if (strstr (diags, expected) == NULL || ds->n_errors != 1)
        print_error ("%s: expected exactly\n%sfound\n%s", bad[i].file, expected, diags);
      assert_non_null (strstr (diags, expected));
      assert_int_equal (ds->n_errors, 1);
    }
}

static void
test_every_problem_in_a_file_is_reported (void **state)
{
  static const char text[] = HEAD ROOT "  <entities>\n"
                                       "    <entity id=\"a\" kind=\"compnay\" name=\"A\"/>\n"
                                       "    <entity id=\"b\" kind=\"company\" name=\"B\" "
                                       "country=\"China\"/>\n"
                                       "    <entity id=\"c d\" kind=\"company\" name=\"C\"/>\n"
                                       "  </entities>\n"
                                       "  <relations>\n"
                                       "    <relation from=\"b\" type=\"controls\" to=\"b\">\n"
                                       "      <share value=\"10\"/>\n"
                                       "    </relation>\n"
                                       "    <relation from=\"b\" type=\"owns\" to=\"b\">\n"
                                       "      <share at-least=\"10\" more-than=\"5\"/>\n"
                                       "      <share/>\n"
                                       "    </relation>\n"
                                       "  </relations>\n"
                                       "</ownertrace>\n";
  g_autoptr (OtDataset) ds = load_text ("t.xml", text, sizeof text - 1);
  g_autofree char *diags = diagnostics (ds);
  assert_string_equal (
      diags,
      "t.xml:4: error: expected a kind (state, company, person, brand, product, vessel, aircraft "
      "or other), found 'compnay'\n"
      "t.xml:5: error: expected an ISO 3166-1 alpha-2 country code such as 'CN' for 'country', "
      "found 'China'\n"
      "t.xml:6: error: expected an id for 'id' (no spaces, control characters or '#'), found 'c "
      "d'\n"
      "t.xml:10: error: 'share' belongs to 'owns' relations: expected no share on 'controls'\n"
      "t.xml:13: error: expected at most one lower bound (at-least or more-than) and one upper "
      "bound (at-most or less-than) on <share>\n"
      "t.xml:14: error: expected one <share> in <relation>, found a second one\n");
}

/* A document that refers to a file through an external entity never reads it: the marker in
 * the file appears nowhere in the dataset. */
static void
test_external_entities_are_never_read (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("ot-xxe-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  assert_true (g_file_set_contents (secret, "TOP-SECRET-MARKER", -1, NULL));
  const char *templates[] = {
    HEAD "<!DOCTYPE ownertrace [<!ENTITY xxe SYSTEM \"file://%s\">]>\n" ROOT
         "<entities><entity id=\"a\" kind=\"company\" name=\"A\"><alias>&xxe;</alias></entity>"
         "</entities></ownertrace>\n",
    HEAD "<!DOCTYPE ownertrace [<!ENTITY %% p SYSTEM \"file://%s\"> %%p;]>\n" ROOT
         "</ownertrace>\n",
    HEAD "<!DOCTYPE ownertrace SYSTEM \"file://%s\">\n" ROOT "</ownertrace>\n",
    HEAD ROOT "<entities><entity id=\"a\" kind=\"company\" name=\"A\">"
              "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://%s\" "
              "parse=\"text\"/></entity></entities></ownertrace>\n",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *text = g_strdup_printf (templates[i], secret);
      g_autoptr (OtDataset) ds = load_text ("xxe.xml", text, strlen (text));
      g_autofree char *diags = diagnostics (ds);
      g_autofree char *out = ot_dataset_to_xml (ds);
      assert_true (ds->n_errors >= 1);
      assert_null (strstr (diags, "TOP-SECRET-MARKER"));
      assert_null (strstr (out, "TOP-SECRET-MARKER"));
    }
  g_unlink (secret);
  g_rmdir (dir);
}

static void
test_an_entity_expansion_bomb_is_refused_at_once (void **state)
{
  g_autoptr (GString) text = g_string_new (HEAD "<!DOCTYPE ownertrace [\n <!ENTITY l0 \"lol\">\n");
  for (int i = 1; i < 20; i++)
    {
      g_string_append_printf (text, " <!ENTITY l%d \"", i);
      for (int k = 0; k < 10; k++)
        g_string_append_printf (text, "&l%d;", i - 1);
      g_string_append (text, "\">\n");
    }
  g_string_append (text, "]>\n" ROOT "<entities><entity id=\"a\" kind=\"company\" name=\"&l19;\"/>"
                         "</entities></ownertrace>\n");
  gint64 start = g_get_monotonic_time ();
  g_autoptr (OtDataset) ds = load_text ("bomb.xml", text->str, text->len);
  assert_true (g_get_monotonic_time () - start < G_USEC_PER_SEC);
  assert_int_equal (ds->n_errors, 1);
  assert_int_equal (ds->entities->len, 0);
}

/* Lines past 65535 are the true ones (libxml2 keeps 16 bits per element). */
static void
test_lines_past_65535_are_exact (void **state)
{
  g_autoptr (GString) text = g_string_new (HEAD ROOT "  <sources>\n");
  for (int i = 0; i < 70000; i++)
    g_string_append_printf (text, "    <source id=\"s%d\" title=\"T\"/>\n", i);
  g_string_append (text, "  </sources>\n  <entities>\n"
                         "    <entity id=\"a\" kind=\"corp\" name=\"A\"/>\n"
                         "    <entity id=\"b\" kind=\"company\" name=\"B\">\n"
                         "      <alias>B</alias>\n"
                         "      <nickname/>\n"
                         "    </entity>\n"
                         "  </entities>\n"
                         "  <oops>\n"
                         "</ownertrace>\n");
  g_autoptr (OtDataset) ds = load_text ("big.xml", text->str, text->len);
  g_autofree char *diags = diagnostics (ds);
  assert_non_null (strstr (diags, "big.xml:70013: error: malformed XML: opening and ending tag "
                                  "mismatch: oops line 70012 and ownertrace\n"));

  /* without the syntax error, the record lines */
  g_string_replace (text, "  <oops>\n", "", 1);
  g_autoptr (OtDataset) ds2 = load_text ("big.xml", text->str, text->len);
  g_autofree char *diags2 = diagnostics (ds2);
  assert_string_equal (diags2, "big.xml:70006: error: expected a kind (state, company, person, "
                               "brand, product, vessel, aircraft or other), found 'corp'\n"
                               "big.xml:70009: error: unknown element <nickname> in <entity>: "
                               "expected one of alias, identifier, address, model-pattern, cite\n");
  assert_int_equal (OT_ENTITY (ds2, ot_dataset_entity_index (ds2, "b"))->loc.line, 70007);
}

/* libxml2 reports through us: nothing reaches stderr. */
static void
test_libxml2_prints_nothing (void **state)
{
  fflush (stderr);
  int saved = dup (2);
  FILE *capture = tmpfile ();
  assert_non_null (capture);
  dup2 (fileno (capture), 2);
  static const char *const texts[] = {
    HEAD ROOT "<entities><entity>\n</ownertrace>\n",
    HEAD "<!DOCTYPE x SYSTEM \"http://example.org/x.dtd\">\n" ROOT "</ownertrace>\n",
    HEAD ROOT "&undefined;</ownertrace>\n",
    HEAD "<ownertrace xmlns=\"not a uri\" xmlns:a=\"\"/>\n",
    "\xef\xbb\xbf" HEAD ROOT "<a:b/></ownertrace>\n",
  };
  guint errors = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (OtDataset) ds = load_text ("t.xml", texts[i], strlen (texts[i]));
      errors += ds->n_errors > 0;
    }
  fflush (stderr);
  dup2 (saved, 2);
  close (saved);
  fseek (capture, 0, SEEK_END);
  long size = ftell (capture);
  fclose (capture);
  assert_int_equal (size, 0);
  assert_int_equal (errors, G_N_ELEMENTS (texts));
}

/* The schema is enforced when found: a schema that refuses companies refuses the fixture. */
static void
test_the_schema_is_enforced (void **state)
{
  g_autofree char *schemas = g_strdup (g_getenv ("OWNERTRACE_SCHEMAS"));
  g_autofree char *xsd_path = g_build_filename (schemas, "ownertrace.xsd", NULL);
  g_autofree char *xsd = NULL;
  assert_true (g_file_get_contents (xsd_path, &xsd, NULL, NULL));
  g_autoptr (GString) strict = g_string_new (xsd);
  assert_true (g_string_replace (strict, "<xs:enumeration value=\"vessel\"/>", "", 1) == 1);
  g_autofree char *dir = g_dir_make_tmp ("ot-xsd-XXXXXX", NULL);
  g_autofree char *strict_path = g_build_filename (dir, "ownertrace.xsd", NULL);
  assert_true (g_file_set_contents (strict_path, strict->str, -1, NULL));

  gsize len = 0;
  g_autofree char *text = read_fixture ("xml/full.xml", &len);
  g_setenv ("OWNERTRACE_SCHEMAS", dir, TRUE);
  g_autoptr (OtDataset) ds = load_text ("full.xml", text, len);
  g_autofree char *diags = diagnostics (ds);
  assert_string_equal (diags, "full.xml:31: error: not valid against ownertrace.xsd: element "
                              "'entity', attribute 'kind': [facet 'enumeration'] The value "
                              "'vessel' is not an element of the set {'state', 'company', "
                              "'person', 'brand', 'product', 'aircraft', 'other'}\n");

  /* a broken schema is an internal error, not the file's fault */
  assert_true (g_file_set_contents (strict_path, "<not-a-schema/>", -1, NULL));
  g_autoptr (OtDataset) ds2 = ot_dataset_new ();
  g_autoptr (GError) error = NULL;
  assert_false (ot_load_xml (ds2, "full.xml", text, len, &error));
  assert_true (g_error_matches (error, OT_ERROR, OT_ERROR_INTERNAL));

  g_setenv ("OWNERTRACE_SCHEMAS", schemas, TRUE);
  g_unlink (strict_path);
  g_rmdir (dir);
}

static void
test_save_writes_the_file_or_fails_with_io (void **state)
{
  gsize len = 0;
  g_autofree char *text = read_fixture ("xml/full.xml", &len);
  g_autoptr (OtDataset) ds = load_text ("full.xml", text, len);
  g_autofree char *dir = g_dir_make_tmp ("ot-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.xml", NULL);
  g_autoptr (GError) error = NULL;
  assert_true (ot_save_xml (ds, path, &error));
  g_autofree char *written = NULL;
  assert_true (g_file_get_contents (path, &written, NULL, NULL));
  assert_string_equal (written, text);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "out.xml", NULL);
  assert_false (ot_save_xml (ds, nowhere, &error));
  assert_true (g_error_matches (error, OT_ERROR, OT_ERROR_IO));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_every_field_is_read),
    cmocka_unit_test (test_writing_gives_back_the_same_bytes),
    cmocka_unit_test (test_yaml_and_xml_hold_the_same_model),
    cmocka_unit_test (test_each_bad_file_reports_its_fault_at_its_line),
    cmocka_unit_test (test_every_problem_in_a_file_is_reported),
    cmocka_unit_test (test_external_entities_are_never_read),
    cmocka_unit_test (test_an_entity_expansion_bomb_is_refused_at_once),
    cmocka_unit_test (test_lines_past_65535_are_exact),
    cmocka_unit_test (test_libxml2_prints_nothing),
    cmocka_unit_test (test_the_schema_is_enforced),
    cmocka_unit_test (test_save_writes_the_file_or_fails_with_io),
  };
  /* the schema in the source tree, unless make check names one */
  if (g_getenv ("OWNERTRACE_SCHEMAS") == NULL)
    g_setenv ("OWNERTRACE_SCHEMAS", "schemas", TRUE);
  return cmocka_run_group_tests_name ("xml", tests, NULL, NULL);
}
