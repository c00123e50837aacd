/* Loading YAML: typing by field, every problem with its place, the whole-dataset checks, and
 * writing back the same model. */
#include "config.h"

#include "load.h"

#include <setjmp.h> /* cmocka.h needs these four first: keep it in its own block */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "error.h"
#include "test-util.h"

#define SOURCES "sources:\n  - {id: s1, title: T, publisher: P, date: 2020, url: 'https://example.org'}\n"

static void
test_values_are_typed_by_field (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "t.yaml", SOURCES "entities:\n"
                "  - {id: '123', kind: company, name: true, country: NO, identifiers: {ticker: 002415.SZ}}\n"
                "  - {id: b, kind: company, name: B}\n"
                "relations:\n  - {from: b, type: owns, to: '123', share: 50, sources: [s1]}\n");
  g_autofree char *diags = ot_test_diagnostics (ds);
  assert_string_equal (diags, "");
  const OtEntity *e = OT_ENTITY (ds, 0);
  assert_string_equal (e->id, "123");
  assert_string_equal (e->name, "true");
  assert_string_equal (e->country, "NO");
  assert_string_equal (g_array_index (e->identifiers, OtIdentifier, 0).value, "002415.SZ");
}

static void
test_every_problem_is_reported_with_its_place (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "t.yaml", SOURCES "entities:\n"
                "  - {id: a, kind: compnay, name: A}\n"
                "  - {id: b, kind: company, name: B, colour: red}\n"
                "relations:\n"
                "  - {from: b, type: owns, to: b, share: 140, sources: [s1]}\n"
                "  - {from: b, type: owns, to: b, share: \"50\", sources: [s1]}\n"
                "  - {from: b, type: owns, to: b, share: [60, 40], sources: [s1]}\n"
                "  - {from: b, type: owns, to: b, since: 2024-13-01, sources: [s1]}\n");
  g_autofree char *diags = ot_test_diagnostics (ds);
  assert_non_null (strstr (diags, "t.yaml:4:19: error: expected a kind (state, company"));
  assert_non_null (strstr (diags, "t.yaml:5:37: error: unknown key 'colour' in entity"));
  assert_non_null (strstr (diags, "t.yaml:7:41: error: expected a share from 0 to 100 for 'share', found '140'"));
  assert_non_null (strstr (diags, "t.yaml:8:41: error: expected a number for 'share', found the string '50'"));
  assert_non_null (strstr (diags, "t.yaml:9:41: error: expected a share range with min <= max, found [60, 40]"));
  assert_non_null (strstr (diags, "t.yaml:10:41: error: expected a date YYYY-MM-DD for 'since', found '2024-13-01'"));
  assert_int_equal (ds->n_errors, 6);
}

static void
test_an_id_defined_twice_names_both_places (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "t.yaml", SOURCES "entities:\n  - {id: a, kind: company, name: A}\n"
                "  - {id: a, kind: brand, name: A2}\n");
  g_autofree char *diags = ot_test_diagnostics (ds);
  assert_non_null (strstr (diags, "t.yaml:5:5: error: entity 'a' is defined twice: first at t.yaml:4:5"));
}

static void
test_references_kinds_and_sources_are_checked (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "t.yaml", SOURCES "entities:\n"
                "  - {id: co, kind: company, name: Co}\n"
                "  - {id: br, kind: brand, name: Br}\n"
                "relations:\n"
                "  - {from: co, type: product_of, to: br, sources: [s1]}\n"
                "  - {from: co, type: owns, to: ghost, sources: [s1]}\n"
                "  - {from: br, type: brand_of, to: co, sources: [nope]}\n"
                "  - {from: br, type: brand_of, to: co}\n"
                "lists:\n  - {id: l, name: L, scope: {}, entries: [{entity: co, sources: [s1]}]}\n"
                "policies:\n  - {id: p, name: P, lists: [l, m]}\n");
  g_autofree char *diags = ot_test_diagnostics (ds);
  assert_non_null (strstr (diags, "'product_of' cannot start from 'co': expected a product, found a company"));
  assert_non_null (strstr (diags, "relation 'to' names unknown entity 'ghost'"));
  assert_non_null (strstr (diags, "relation cites unknown source 'nope'"));
  assert_non_null (strstr (diags, "t.yaml:10:5: error: relation has no sources"));
  assert_non_null (strstr (diags, "policy 'p' names unknown list 'm'"));
}

static void
test_warnings_cycles_sums_and_orphans (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "t.yaml", SOURCES "entities:\n"
                "  - {id: a, kind: company, name: A}\n"
                "  - {id: b, kind: company, name: B}\n"
                "  - {id: c, kind: company, name: C}\n"
                "  - {id: lonely, kind: company, name: L}\n"
                "relations:\n"
                "  - {from: a, type: owns, to: b, share: 60, sources: [s1]}\n"
                "  - {from: b, type: owns, to: a, share: 10, sources: [s1]}\n"
                "  - {from: c, type: owns, to: b, share: 50, since: 2020-01-01, sources: [s1]}\n");
  g_autofree char *diags = ot_test_diagnostics (ds);
  assert_int_equal (ds->n_errors, 0);
  assert_non_null (strstr (diags, "warning: ownership cycle: a -> b -> a"));
  assert_non_null (strstr (diags, "warning: the shares held in 'b' add up to 110 % on 2020-01-01"));
  assert_non_null (strstr (diags, "warning: entity 'lonely' is not referred to"));
}

static void
test_aliases_are_refused_so_bombs_cannot_expand (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "t.yaml", "sources:\n  - &a {id: s1, title: T}\n  - *a\n");
  g_autofree char *diags = ot_test_diagnostics (ds);
  assert_non_null (strstr (diags, "t.yaml:3:5: error: YAML aliases are not supported"));
}

static void
test_deep_nesting_is_skipped_without_recursion (void **state)
{
  GString *text = g_string_new ("entities: ");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '\n');
  g_autoptr (OtDataset) ds = ot_test_load_text ("deep.yaml", text->str);
  g_string_free (text, TRUE);
  assert_int_equal (ds->n_errors, 1);
}

static void
test_yaml_written_reads_back_the_same (void **state)
{
  const char *text = SOURCES
      "entities:\n"
      "  - {id: a, kind: company, name: 'A Co., Ltd.', aliases: [海康威视, 'yes'], country: NO}\n"
      "  - {id: b, kind: company, name: B}\n"
      "  - {id: p, kind: product, name: P, model_patterns: ['^DS-[0-9]+$'], sources: [s1#7]}\n"
      "  - {id: br, kind: brand, name: Br}\n"
      "relations:\n"
      "  - {from: a, type: owns, to: b, share: {more_than: 25, at_most: 50}, sources: [s1]}\n"
      "  - {from: a, type: owns, to: b, share: [48, 51], since: 2020-01-01, until: 2021-12-31, sources: [s1]}\n"
      "  - {from: a, type: manufactures, to: br, confidence: alleged, sources: [s1], note: per teardown}\n"
      "  - {from: p, type: product_of, to: br, sources: [s1]}\n"
      "lists:\n"
      "  - id: l\n    name: L\n    scope:\n      - {ownership: 50, strict: true, aggregate: true, until: 2024-07-02}\n"
      "      - {ownership: 50, aggregate: true, control: true, since: 2024-07-03}\n"
      "    entries:\n      - {entity: a, listed: 2021-03-12, removed: 2022-01-01, programs: [X], remarks: r, sources: [s1]}\n"
      "policies:\n  - {id: all, name: All, lists: [l]}\n";
  g_autoptr (OtDataset) ds = ot_test_load_text ("t.yaml", text);
  assert_int_equal (ds->n_errors, 0);
  g_autofree char *once = ot_dataset_to_yaml (ds);
  g_autoptr (OtDataset) again = ot_test_load_text ("again.yaml", once);
  assert_int_equal (again->n_errors, 0);
  g_autofree char *twice = ot_dataset_to_yaml (again);
  assert_string_equal (once, twice);
  assert_non_null (strstr (once, "country: \"NO\""));
  assert_non_null (strstr (once, "share: {more_than: 25, at_most: 50}"));
  assert_non_null (strstr (once, "sources: [s1#7]"));
  const OtList *l = ot_dataset_list (again, "l");
  assert_int_equal (l->scope->len, 2);
  assert_true (g_array_index (l->scope, OtScope, 0).strict);
}

static void
test_missing_files_and_folders_are_not_found (void **state)
{
  const char *paths[] = { "/nonexistent/file.yaml", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (OtDataset) ds = ot_dataset_load (paths, &error);
  assert_null (ds);
  assert_true (g_error_matches (error, OT_ERROR, OT_ERROR_NOT_FOUND));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_values_are_typed_by_field),
    cmocka_unit_test (test_every_problem_is_reported_with_its_place),
    cmocka_unit_test (test_an_id_defined_twice_names_both_places),
    cmocka_unit_test (test_references_kinds_and_sources_are_checked),
    cmocka_unit_test (test_warnings_cycles_sums_and_orphans),
    cmocka_unit_test (test_aliases_are_refused_so_bombs_cannot_expand),
    cmocka_unit_test (test_deep_nesting_is_skipped_without_recursion),
    cmocka_unit_test (test_yaml_written_reads_back_the_same),
    cmocka_unit_test (test_missing_files_and_folders_are_not_found),
  };
  return cmocka_run_group_tests_name ("load", tests, NULL, NULL);
}
