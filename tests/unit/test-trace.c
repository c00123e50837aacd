/* Verdicts, their evidence chains and sums, name resolution, and the JSON a script reads. */
#include "config.h"

#include "trace.h"

#include <setjmp.h> /* cmocka.h needs these four first: keep it in its own block */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "resolve.h"
#include "test-util.h"

#define SOURCES                                                                                    \
  "sources:\n  - {id: s, title: Src, publisher: P, date: 2020, url: 'https://example.org'}\n"

static OtTrace *
trace_of (OtDataset *ds, const char *date)
{
  g_autofree char *diags = ot_test_diagnostics (ds);
  if (ds->n_errors > 0)
    fail_msg ("%s", diags);
  g_autoptr (GError) error = NULL;
  OtTrace *t = ot_trace_new (ds, NULL, ot_date_parse (date), &error);
  assert_non_null (t);
  return t;
}

static OtDataset *
world (void)
{
  return ot_test_load ("rules/world.yaml");
}

/* The path of a reason as "a owns b; b owns c". */
static char *
path_text (const OtDataset *ds, const OtReason *r)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < r->path->len; i++)
    {
      const OtRelation *rel = OT_RELATION (ds, g_array_index (r->path, OtStep, i).relation);
      g_string_append_printf (s, "%s%s %s %s", i ? "; " : "", rel->from_id, ot_rel_name (rel->type),
                              rel->to_id);
    }
  return g_string_free (s, FALSE);
}

static void
test_majority_owned_subsidiary_is_restricted_with_its_chain (void **state)
{
  g_autoptr (OtDataset) ds = world ();
  g_autoptr (OtTrace) t = trace_of (ds, "2025-07-01");
  g_autoptr (OtVerdict) v = ot_trace_check (t, "hikvision-canada");
  assert_int_equal (v->level, OT_LEVEL_RESTRICTED);
  const OtReason *r = g_ptr_array_index (v->reasons, 0);
  assert_int_equal (r->status, OT_REASON_RESTRICTED);
  g_autofree char *p = path_text (ds, r);
  assert_string_equal (p, "hikvision owns hikvision-canada");
  const OtList *fcc = ot_dataset_list (ds, "fcc-covered");
  assert_string_equal (g_array_index (fcc->entries, OtEntry, r->entry).entity_id, "hikvision");
}

static void
test_white_label_product_chain_runs_through_maker_and_brand (void **state)
{
  g_autoptr (OtDataset) ds = world ();
  g_autoptr (OtTrace) t = trace_of (ds, "2025-07-01");
  g_autoptr (OtVerdict) v = ot_trace_check (t, "AC-X155");
  assert_int_equal (v->level, OT_LEVEL_RESTRICTED);
  assert_int_equal (v->resolution.kind, OT_MATCH_PATTERN);
  g_autofree char *p = path_text (ds, g_ptr_array_index (v->reasons, 0));
  assert_string_equal (p, "hikvision manufactures acme-cam; acme-x1 product_of acme-cam");
}

static void
test_aggregated_holdings_carry_the_sum (void **state)
{
  g_autoptr (OtDataset) ds = world ();
  g_autoptr (OtTrace) t = trace_of (ds, "2025-07-01");
  g_autoptr (OtVerdict) v = ot_trace_check (t, "jv-co");
  assert_int_equal (v->level, OT_LEVEL_RESTRICTED);
  const OtReason *r = g_ptr_array_index (v->reasons, 0);
  assert_int_equal (r->sums->len, 1);
  g_autofree char *text = ot_sum_format (g_ptr_array_index (r->sums, 0), ds);
  assert_string_equal (text, "30 % by hikvision + 25 % by dahua = 55 % ≥ 50 %");
  /* one chain per listed owner, both restricted by the FCC list */
  const OtReason *r2 = g_ptr_array_index (v->reasons, 1);
  assert_int_equal (r2->list, r->list);
  g_autofree char *p2 = path_text (ds, r2);
  assert_string_equal (p2, "dahua owns jv-co");
}

static void
test_exposed_and_clear (void **state)
{
  g_autoptr (OtDataset) ds = world ();
  g_autoptr (OtTrace) t = trace_of (ds, "2025-07-01");
  g_autoptr (OtVerdict) sold = ot_trace_check (t, "sold-co");
  assert_int_equal (sold->level, OT_LEVEL_EXPOSED);
  assert_int_equal (((OtReason *)g_ptr_array_index (sold->reasons, 0))->tie, OT_TIE_ENDED);
  g_autoptr (OtVerdict) gleif = ot_trace_check (t, "gleif-co");
  assert_int_equal (gleif->level, OT_LEVEL_EXPOSED); /* unknown share: never clear */
  assert_int_equal (((OtReason *)g_ptr_array_index (gleif->reasons, 0))->status,
                    OT_REASON_POSSIBLY);
  g_autoptr (OtVerdict) clean = ot_trace_check (t, "clean-co");
  assert_int_equal (clean->level, OT_LEVEL_CLEAR); /* linked never reaches */
  assert_int_equal (clean->reasons->len, 0);
}

static void
test_as_of_date_filters_listings (void **state)
{
  g_autoptr (OtDataset) ds = world ();
  const char *policy[] = { "canada", NULL };
  g_autoptr (OtTrace) before = ot_trace_new (ds, policy, ot_date_parse ("2025-06-26"), NULL);
  g_autoptr (OtTrace) after = ot_trace_new (ds, policy, ot_date_parse ("2025-06-27"), NULL);
  g_autoptr (OtVerdict) v1 = ot_trace_check (before, "hikvision-canada");
  g_autoptr (OtVerdict) v2 = ot_trace_check (after, "hikvision-canada");
  assert_int_equal (v1->level, OT_LEVEL_CLEAR);
  assert_int_equal (v2->level, OT_LEVEL_RESTRICTED);
  assert_int_equal (ot_trace_n_lists (after), 1);
}

static void
test_unknown_policy_names_the_known_ones (void **state)
{
  g_autoptr (OtDataset) ds = world ();
  const char *policy[] = { "nope", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (OtTrace) t = ot_trace_new (ds, policy, ot_date_parse ("2025-01-01"), &error);
  assert_null (t);
  assert_non_null (
      strstr (error->message, "unknown policy 'nope'; known: us-federal, ofac, canada"));
}

static void
test_several_lists_reach_one_entity_by_different_routes (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "routes.yaml", SOURCES "entities:\n"
                             "  - {id: x, kind: company, name: X}\n"
                             "  - {id: y, kind: company, name: Y}\n"
                             "  - {id: a, kind: company, name: A}\n"
                             "  - {id: br, kind: brand, name: Br}\n"
                             "relations:\n"
                             "  - {from: x, type: owns, to: a, share: 60, sources: [s]}\n"
                             "  - {from: y, type: controls, to: a, sources: [s]}\n"
                             "  - {from: br, type: brand_of, to: a, sources: [s]}\n"
                             "lists:\n"
                             "  - {id: own, name: Own, scope: {ownership: 50, aggregate: true}, "
                             "entries: [{entity: x, listed: 2020-01-01, sources: [s]}]}\n"
                             "  - {id: ctl, name: Ctl, scope: {control: true}, entries: [{entity: "
                             "y, listed: 2020-01-01, sources: [s]}]}\n");
  g_autoptr (OtTrace) t = trace_of (ds, "2025-01-01");
  g_autoptr (OtVerdict) v = ot_trace_check (t, "br");
  assert_int_equal (v->level, OT_LEVEL_RESTRICTED);
  assert_int_equal (v->reasons->len, 2);
  g_autofree char *p1 = path_text (ds, g_ptr_array_index (v->reasons, 0));
  g_autofree char *p2 = path_text (ds, g_ptr_array_index (v->reasons, 1));
  assert_string_equal (p1, "x owns a; br brand_of a");
  assert_string_equal (p2, "y controls a; br brand_of a");
}

/* A lattice of diamonds has 2^40 paths: chains are capped and memoised. */
static void
test_diamond_lattice_does_not_explode (void **state)
{
  g_autoptr (GString) y
      = g_string_new (SOURCES "entities:\n  - {id: n0, kind: company, name: N0}\n");
  g_autoptr (GString) rels = g_string_new ("relations:\n");
  for (int i = 0; i < 40; i++)
    {
      g_string_append_printf (y, "  - {id: l%d, kind: company, name: L%d}\n", i, i);
      g_string_append_printf (y, "  - {id: r%d, kind: company, name: R%d}\n", i, i);
      g_string_append_printf (y, "  - {id: n%d, kind: company, name: N%d}\n", i + 1, i + 1);
      g_string_append_printf (
          rels, "  - {from: n%d, type: owns, to: l%d, share: 100, sources: [s]}\n", i, i);
      g_string_append_printf (
          rels, "  - {from: n%d, type: owns, to: r%d, share: 100, sources: [s]}\n", i, i);
      g_string_append_printf (
          rels, "  - {from: l%d, type: owns, to: n%d, share: 30, sources: [s]}\n", i, i + 1);
      g_string_append_printf (
          rels, "  - {from: r%d, type: owns, to: n%d, share: 30, sources: [s]}\n", i, i + 1);
    }
  g_string_append (y, rels->str);
  g_string_append (y, "lists:\n  - {id: ofac, name: O, scope: {ownership: 50, aggregate: true}, "
                      "entries: [{entity: n0, listed: 2020-01-01, sources: [s]}]}\n");
  g_autoptr (OtDataset) ds = ot_test_load_text ("lattice.yaml", y->str);
  g_autoptr (OtTrace) t = trace_of (ds, "2025-01-01");
  g_autoptr (OtVerdict) v = ot_trace_check (t, "n40");
  assert_int_equal (v->level, OT_LEVEL_RESTRICTED);
  assert_true (v->reasons->len >= 2 && v->reasons->len <= 8);
  assert_int_equal (((OtReason *)g_ptr_array_index (v->reasons, 0))->path->len, 80);
}

static void
test_exposed_does_not_pass_on_but_possibly_does (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "pass.yaml", SOURCES "entities:\n"
                           "  - {id: x, kind: company, name: X}\n"
                           "  - {id: a, kind: company, name: A}\n"
                           "  - {id: b, kind: company, name: B}\n"
                           "  - {id: c, kind: company, name: C}\n"
                           "  - {id: d, kind: company, name: D}\n"
                           "relations:\n"
                           "  - {from: x, type: owns, to: a, share: 10, sources: [s]}\n"
                           "  - {from: a, type: owns, to: b, share: 100, sources: [s]}\n"
                           "  - {from: x, type: owns, to: c, sources: [s]}\n"
                           "  - {from: c, type: owns, to: d, share: 100, sources: [s]}\n"
                           "lists:\n"
                           "  - {id: ofac, name: O, scope: {ownership: 50, aggregate: true}, "
                           "entries: [{entity: x, listed: 2020-01-01, sources: [s]}]}\n");
  g_autoptr (OtTrace) t = trace_of (ds, "2025-01-01");
  g_autoptr (OtVerdict) a = ot_trace_check (t, "a");
  g_autoptr (OtVerdict) b = ot_trace_check (t, "b");
  g_autoptr (OtVerdict) d = ot_trace_check (t, "d");
  assert_int_equal (a->level, OT_LEVEL_EXPOSED);
  assert_int_equal (b->level, OT_LEVEL_CLEAR);
  assert_int_equal (d->level, OT_LEVEL_EXPOSED);
  g_autofree char *p = path_text (ds, g_ptr_array_index (d->reasons, 0));
  assert_string_equal (p, "x owns c; c owns d");
}

static void
test_most_severe_level_wins (void **state)
{
  assert_int_equal (ot_level_worst (OT_LEVEL_CLEAR, OT_LEVEL_UNRESOLVED), OT_LEVEL_UNRESOLVED);
  assert_int_equal (ot_level_worst (OT_LEVEL_EXPOSED, OT_LEVEL_UNRESOLVED), OT_LEVEL_EXPOSED);
  assert_int_equal (ot_level_worst (OT_LEVEL_EXPOSED, OT_LEVEL_RESTRICTED), OT_LEVEL_RESTRICTED);
}

/* Resolution */

static OtDataset *
names (void)
{
  return ot_test_load_text (
      "names.yaml", SOURCES
      "entities:\n"
      "  - {id: acme-holdings, kind: company, name: Acme Holdings, aliases: [Acme], identifiers: "
      "{lei: 5493001KJTIIGC8Y1R12}}\n"
      "  - {id: acme-sub, kind: company, name: Acme Europe, aliases: [Acme]}\n"
      "  - {id: acme-brand, kind: brand, name: Acme}\n"
      "  - {id: acme-cam, kind: product, name: Acme Cam, model_patterns: ['^AC-X1[0-9]{2}$', "
      "'^ZZ\\.9$']}\n"
      "  - {id: orion-a, kind: company, name: Orion}\n"
      "  - {id: orion-b, kind: company, name: Orion}\n"
      "  - {id: koln, kind: company, name: Kölner Werke GmbH, aliases: [ＫＯＥＬＮ ＷＥＲＫＥ]}\n"
      "relations:\n"
      "  - {from: acme-holdings, type: owns, to: acme-sub, share: 100, sources: [s]}\n"
      "  - {from: acme-brand, type: brand_of, to: acme-sub, sources: [s]}\n"
      "  - {from: acme-cam, type: product_of, to: acme-brand, sources: [s]}\n"
      "  - {from: orion-a, type: linked, to: orion-b, sources: [s]}\n"
      "  - {from: koln, type: linked, to: orion-b, sources: [s]}\n");
}

static gint64
resolve (OtDataset *ds, const char *name, OtMatchKind *kind, guint *n_candidates)
{
  g_autoptr (OtGraph) g = ot_graph_new (ds, NULL);
  g_autoptr (OtResolver) rv = ot_resolver_new (g);
  g_auto (OtResolution) res = { 0 };
  ot_resolve (rv, name, &res);
  if (kind)
    *kind = res.kind;
  if (n_candidates)
    *n_candidates = res.candidates ? res.candidates->len : 0;
  return res.entity;
}

static void
test_resolution_ranks (void **state)
{
  g_autoptr (OtDataset) ds = names ();
  OtMatchKind kind;
  assert_int_equal (resolve (ds, "acme-sub", &kind, NULL),
                    ot_dataset_entity_index (ds, "acme-sub"));
  assert_int_equal (kind, OT_MATCH_ID);
  assert_int_equal (resolve (ds, "5493001kjtiigc8y1r12", &kind, NULL),
                    ot_dataset_entity_index (ds, "acme-holdings"));
  assert_int_equal (kind, OT_MATCH_IDENTIFIER);
  assert_int_equal (resolve (ds, "  acme europe ", &kind, NULL),
                    ot_dataset_entity_index (ds, "acme-sub"));
  assert_int_equal (kind, OT_MATCH_NAME);
  assert_int_equal (resolve (ds, "KÖLNER WERKE GMBH", &kind, NULL),
                    ot_dataset_entity_index (ds, "koln"));
  assert_int_equal (resolve (ds, "koeln werke", &kind, NULL), ot_dataset_entity_index (ds, "koln"));
  assert_int_equal (kind, OT_MATCH_ALIAS); /* NFKC turns the full-width letters into ASCII */
}

static void
test_model_patterns_ignore_case_and_separators (void **state)
{
  g_autoptr (OtDataset) ds = names ();
  gint64 cam = ot_dataset_entity_index (ds, "acme-cam");
  OtMatchKind kind;
  assert_int_equal (resolve (ds, "AC-X155", &kind, NULL), cam);
  assert_int_equal (kind, OT_MATCH_PATTERN);
  assert_int_equal (resolve (ds, "ac x155", NULL, NULL), cam);
  assert_int_equal (resolve (ds, "ACX155", NULL, NULL), cam);
  assert_int_equal (resolve (ds, "zz.9", NULL, NULL), cam);
  assert_int_equal (resolve (ds, "AC-X1555", NULL, NULL), -1);
}

static void
test_related_ties_go_to_the_most_upstream_unrelated_are_unresolved (void **state)
{
  g_autoptr (OtDataset) ds = names ();
  OtMatchKind kind;
  guint n = 0;
  /* "Acme": brand (a name) ranks before the aliases of the two companies */
  assert_int_equal (resolve (ds, "acme", &kind, NULL), ot_dataset_entity_index (ds, "acme-brand"));
  assert_int_equal (kind, OT_MATCH_NAME);
  assert_int_equal (resolve (ds, "Orion", &kind, &n), -1);
  assert_int_equal (n, 2);
  assert_int_equal (resolve (ds, "nothing like it", &kind, &n), -1);
  assert_int_equal (n, 0);
}

static void
test_related_alias_ties_resolve_upstream (void **state)
{
  g_autoptr (OtDataset) ds = ot_test_load_text (
      "tie.yaml", SOURCES "entities:\n"
                          "  - {id: parent, kind: company, name: Parent Co, aliases: [Nova]}\n"
                          "  - {id: mid, kind: company, name: Mid Co}\n"
                          "  - {id: nova-brand, kind: brand, name: Brand Co, aliases: [nova]}\n"
                          "relations:\n"
                          "  - {from: parent, type: owns, to: mid, share: 100, sources: [s]}\n"
                          "  - {from: nova-brand, type: brand_of, to: mid, sources: [s]}\n");
  g_autoptr (OtGraph) g = ot_graph_new (ds, NULL);
  g_autoptr (OtResolver) rv = ot_resolver_new (g);
  g_auto (OtResolution) res = { 0 };
  assert_true (ot_resolve (rv, "NOVA", &res));
  assert_int_equal (res.entity, ot_dataset_entity_index (ds, "parent"));
  assert_int_equal (res.others->len, 1);
}

/* JSON */

static void
test_json_has_the_fields_of_the_design (void **state)
{
  g_autoptr (OtDataset) ds = world ();
  g_autoptr (OtTrace) t = trace_of (ds, "2025-07-01");
  g_autoptr (OtVerdict) v = ot_trace_check (t, "jv-co");
  g_autoptr (JsonNode) node = ot_verdict_to_json (t, v);
  JsonObject *o = json_node_get_object (node);
  const char *fields[]
      = { "query", "verdict", "entity", "score", "reasons", "candidates", "checked" };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    assert_true (json_object_has_member (o, fields[i]));
  assert_string_equal (json_object_get_string_member (o, "verdict"), "restricted");
  JsonObject *checked = json_object_get_object_member (o, "checked");
  assert_string_equal (json_object_get_string_member (checked, "as_of"), "2025-07-01");
  JsonObject *dataset = json_object_get_object_member (checked, "dataset");
  assert_int_equal (strlen (json_object_get_string_member (dataset, "hash")), 64);
  JsonObject *reason
      = json_array_get_object_element (json_object_get_array_member (o, "reasons"), 0);
  JsonObject *step
      = json_array_get_object_element (json_object_get_array_member (reason, "path"), 0);
  const char *keys[] = { "from", "type", "to", "share", "since", "until", "confidence", "sources" };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    assert_true (json_object_has_member (step, keys[i]));
  g_autofree char *text = ot_json_to_string (node);
  assert_non_null (strstr (text, "\"text\":\"30 % by hikvision + 25 % by dahua = 55 % ≥ 50 %\""));
  assert_null (strchr (text, '\n'));
}

static void
test_json_numbers_read_as_written (void **state)
{
  OtShare s = { .form = OT_SHARE_EXACT, .min = 36.48, .max = 36.48 };
  g_autoptr (JsonNode) n = ot_share_to_json (&s);
  g_autofree char *text = ot_json_to_string (n);
  assert_string_equal (text, "36.48");
  OtShare band = {
    .form = OT_SHARE_BOUNDS, .has_min = 1, .min_strict = 1, .min = 25, .has_max = 1, .max = 50
  };
  g_autoptr (JsonNode) b = ot_share_to_json (&band);
  g_autofree char *btext = ot_json_to_string (b);
  assert_string_equal (btext, "{\"more_than\":25,\"at_most\":50}");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_majority_owned_subsidiary_is_restricted_with_its_chain),
    cmocka_unit_test (test_white_label_product_chain_runs_through_maker_and_brand),
    cmocka_unit_test (test_aggregated_holdings_carry_the_sum),
    cmocka_unit_test (test_exposed_and_clear),
    cmocka_unit_test (test_as_of_date_filters_listings),
    cmocka_unit_test (test_unknown_policy_names_the_known_ones),
    cmocka_unit_test (test_several_lists_reach_one_entity_by_different_routes),
    cmocka_unit_test (test_diamond_lattice_does_not_explode),
    cmocka_unit_test (test_exposed_does_not_pass_on_but_possibly_does),
    cmocka_unit_test (test_most_severe_level_wins),
    cmocka_unit_test (test_resolution_ranks),
    cmocka_unit_test (test_model_patterns_ignore_case_and_separators),
    cmocka_unit_test (test_related_ties_go_to_the_most_upstream_unrelated_are_unresolved),
    cmocka_unit_test (test_related_alias_ties_resolve_upstream),
    cmocka_unit_test (test_json_has_the_fields_of_the_design),
    cmocka_unit_test (test_json_numbers_read_as_written),
  };
  ot_graph_library_init ();
  return cmocka_run_group_tests_name ("trace", tests, NULL, NULL);
}
