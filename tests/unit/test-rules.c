/* List scopes: every worked example of research/rules.md with its published outcome, and the
 * cases the examples leave out (deep chains, diamonds, cycles, dates, alleged ties). Each test
 * builds a small dataset from compact relation lines ("x owns a share: 50"). */
#include "config.h"

#include "rules.h"

#include <setjmp.h> /* cmocka.h needs these four first: keep it in its own block */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "graph.h"
#include "test-util.h"

/* The scopes of the regimes, as rules.md states them. */
#define OFAC "{ownership: 50, aggregate: true}"
#define DIRECTIVE4 "{ownership: 33, aggregate: true}"
#define EU                                                                                         \
  "[{ownership: 50, strict: true, aggregate: true, control: true, until: 2024-07-02},"             \
  " {ownership: 50, aggregate: true, control: true, since: 2024-07-03}]"
#define UK "{ownership: 50, strict: true, aggregate: false, control: true}"
#define BIS                                                                                        \
  "[{ownership: 50, aggregate: true, since: 2025-09-29, until: 2025-11-09},"                       \
  " {ownership: 50, aggregate: true, since: 2026-11-10}]"
#define FCC "{ownership: 50, aggregate: true, control: true, produced_by: true}"
#define NAMED "{}"

/* A dataset under construction: entities are declared by first use (companies unless
 * declared with a kind first). */
typedef struct
{
  GString *entities;
  GString *relations;
  GString *lists;
  GHashTable *seen;
} Fx;

static Fx *
fx_new (void)
{
  Fx *fx = g_new0 (Fx, 1);
  fx->entities = g_string_new ("entities:\n");
  fx->relations = g_string_new ("relations:\n");
  fx->lists = g_string_new ("lists:\n");
  fx->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return fx;
}

static void
fx_entity (Fx *fx, const char *id, const char *kind)
{
  if (!g_hash_table_add (fx->seen, g_strdup (id)))
    return;
  g_string_append_printf (fx->entities, "  - {id: %s, kind: %s, name: '%s'}\n", id, kind, id);
}

/* "FROM TYPE TO[, more: yaml]" */
static void
fx_rel (Fx *fx, const char *spec)
{
  g_auto (GStrv) head = g_strsplit (spec, ",", 2);
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (head[0]), " ", -1);
  g_assert (g_strv_length (words) >= 3);
  fx_entity (fx, words[0], "company");
  fx_entity (fx, words[2], "company");
  g_autofree char *rest = g_strjoinv (" ", words + 3);
  g_string_append_printf (fx->relations, "  - {from: %s, type: %s, to: %s%s%s%s%s, sources: [s]}\n",
                          words[0], words[1], words[2], *rest ? ", " : "", rest,
                          head[1] ? ", " : "", head[1] ? head[1] : "");
}

/* entries: "x y@2020-01-01 z@2020-01-01..2023-01-01" (listed 2000-01-01 unless given) */
static void
fx_list (Fx *fx, const char *id, const char *scope, const char *entries)
{
  g_string_append_printf (fx->lists, "  - id: %s\n    name: List %s\n    scope: %s\n    entries:\n",
                          id, id, scope);
  g_auto (GStrv) items = g_strsplit (entries, " ", -1);
  for (guint i = 0; items[i]; i++)
    {
      g_auto (GStrv) parts = g_strsplit_set (items[i], "@", 2);
      const char *listed = "2000-01-01", *removed = NULL;
      g_auto (GStrv) dates = parts[1] ? g_strsplit (parts[1], "..", 2) : NULL;
      if (dates)
        {
          listed = dates[0];
          removed = dates[1];
        }
      fx_entity (fx, parts[0], "company");
      g_string_append_printf (fx->lists, "      - {entity: %s, listed: %s%s%s, sources: [s]}\n",
                              parts[0], listed, removed ? ", removed: " : "",
                              removed ? removed : "");
    }
}

static OtDataset *
fx_load (Fx *fx)
{
  g_autofree char *text = g_strdup_printf (
      "sources:\n  - {id: s, title: S, publisher: P, date: 2020, url: 'https://example.org'}\n"
      "%s%s%s",
      fx->entities->str, fx->relations->len > 11 ? fx->relations->str : "",
      fx->lists->len > 7 ? fx->lists->str : "");
  OtDataset *ds = ot_test_load_text ("rules.yaml", text);
  g_autofree char *diags = ot_test_diagnostics (ds);
  if (ds->n_errors > 0)
    fail_msg ("%s\n%s", diags, text);
  g_string_free (fx->entities, TRUE);
  g_string_free (fx->relations, TRUE);
  g_string_free (fx->lists, TRUE);
  g_hash_table_unref (fx->seen);
  g_free (fx);
  return ds;
}

/* "R", "P" or "-": the status of entity under list on date. */
static const char *
st (OtDataset *ds, const char *list, const char *date, const char *entity)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OtGraph) graph = ot_graph_new (ds, &error);
  assert_non_null (graph);
  const OtList *l = ot_dataset_list (ds, list);
  assert_non_null (l);
  g_autoptr (OtReach) reach = ot_reach_new (graph, l, ot_date_parse (date), NULL, 0);
  gint64 e = ot_dataset_entity_index (ds, entity);
  assert_true (e >= 0);
  static const char *const letters[] = { "-", "P", "R" };
  return letters[ot_reach_status (reach, e)];
}

/* The tie kinds exposing entity, joined: "stake,ended". */
static char *
ties (OtDataset *ds, const char *list, const char *date, const char *entity)
{
  g_autoptr (OtGraph) graph = ot_graph_new (ds, NULL);
  g_autoptr (OtReach) reach
      = ot_reach_new (graph, ot_dataset_list (ds, list), ot_date_parse (date), NULL, 0);
  g_autoptr (GArray) t = ot_reach_ties (reach, ot_dataset_entity_index (ds, entity));
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < t->len; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "",
                            ot_tie_kind_name (g_array_index (t, OtTie, i).kind));
  return g_string_free (s, FALSE);
}

#define D "2025-01-01"

/* OFAC FAQ 401, example 1: X* -50-> A -50-> B: both blocked. */
static void
test_ofac_401_example_1_indirect_ownership_through_a_blocked_entity (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 50");
  fx_rel (fx, "a owns b share: 50");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "R");
  assert_string_equal (st (ds, "ofac", D, "b"), "R");
}

/* Example 2: 25 % + 25 % held by blocked A and B. */
static void
test_ofac_401_example_2_blocked_holdings_add_up (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 50");
  fx_rel (fx, "x owns b share: 50");
  fx_rel (fx, "a owns c share: 25");
  fx_rel (fx, "b owns c share: 25");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "R");
  assert_string_equal (st (ds, "ofac", D, "b"), "R");
  assert_string_equal (st (ds, "ofac", D, "c"), "R");
}

/* Example 3: 10 % direct + 40 % via blocked A. */
static void
test_ofac_401_example_3_direct_and_indirect_holdings_add_up (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 50");
  fx_rel (fx, "x owns b share: 10");
  fx_rel (fx, "a owns b share: 40");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "R");
  assert_string_equal (st (ds, "ofac", D, "b"), "R");
}

/* Example 4: A and B are under 50 %: nothing of C is owned through them. */
static void
test_ofac_401_example_4_minority_intermediaries_pass_nothing (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 25");
  fx_rel (fx, "x owns b share: 25");
  fx_rel (fx, "a owns c share: 50");
  fx_rel (fx, "b owns c share: 50");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "-");
  assert_string_equal (st (ds, "ofac", D, "b"), "-");
  assert_string_equal (st (ds, "ofac", D, "c"), "-");
  g_autofree char *ta = ties (ds, "ofac", D, "a");
  g_autofree char *tc = ties (ds, "ofac", D, "c");
  assert_string_equal (ta, "stake"); /* exposed */
  assert_string_equal (tc, "");      /* exposed does not pass on: clear */
}

/* FAQ 398: control with a minority stake is not blocking; our verdict: exposed. */
static void
test_ofac_398_control_without_ownership_is_exposed (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 10");
  fx_rel (fx, "x controls a");
  fx_list (fx, "ofac", OFAC, "x");
  fx_list (fx, "eu", EU, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "-");
  g_autofree char *t = ties (ds, "ofac", D, "a");
  assert_string_equal (t, "stake,control");
  assert_string_equal (st (ds, "eu", D, "a"), "R"); /* the EU has a control test */
}

/* FAQ 399 and 400: different blocked persons' shares add up, across programs. */
static void
test_ofac_399_400_different_blocked_owners_aggregate_across_programs (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 25");
  fx_rel (fx, "y owns a share: 25");
  fx_list (fx, "ofac", OFAC, "x y");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "R");
}

/* FAQ 402: judged at the time; after divesting below 50 % the entity is no longer blocked. */
static void
test_ofac_402_divestment_ends_the_block_from_that_date (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 60, until: 2023-05-31");
  fx_rel (fx, "x owns a share: 40, since: 2023-06-01");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", "2023-05-31", "a"), "R"); /* until is inclusive */
  assert_string_equal (st (ds, "ofac", "2023-06-01", "a"), "-");
  g_autofree char *t = ties (ds, "ofac", "2023-06-01", "a");
  assert_string_equal (t, "ended,stake");
}

static void
test_ofac_fifty_percent_exactly_is_blocked_and_49_99_is_not (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 50.00");
  fx_rel (fx, "x owns b share: 49.99");
  fx_rel (fx, "x owns c share: 30.1");
  fx_rel (fx, "y owns c share: 19.9"); /* 30.1 + 19.9 is 50 despite binary fractions */
  fx_list (fx, "ofac", OFAC, "x y");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "R");
  assert_string_equal (st (ds, "ofac", D, "b"), "-");
  assert_string_equal (st (ds, "ofac", D, "c"), "R");
}

/* FAQ 538: Directive 4 under EO 13662 applies at 33 % aggregated. */
static void
test_directive_4_threshold_is_33_percent_aggregated (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 20");
  fx_rel (fx, "y owns a share: 13");
  fx_rel (fx, "x owns b share: 32.9");
  fx_list (fx, "d4", DIRECTIVE4, "x y");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "d4", D, "a"), "R");
  assert_string_equal (st (ds, "d4", D, "b"), "-");
}

/* EU: more than 50 % until 2 July 2024, 50 % or more from 3 July 2024; aggregated. */
static void
test_eu_threshold_changes_on_2024_07_03 (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "l1 owns a share: 50");
  fx_rel (fx, "l1 owns e share: 30");
  fx_rel (fx, "l2 owns e share: 25");
  fx_list (fx, "eu", EU, "l1 l2");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "eu", "2024-07-02", "a"), "-");
  assert_string_equal (st (ds, "eu", "2024-07-03", "a"), "R");
  assert_string_equal (st (ds, "eu", "2024-07-02", "e"), "R"); /* 55 % > 50 % */
  assert_string_equal (st (ds, "eu", "2024-07-03", "e"), "R");
}

/* UK: more than 50 %, no aggregation across designated persons. */
static void
test_uk_is_strict_and_does_not_aggregate (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "d1 owns e share: 30");
  fx_rel (fx, "d2 owns e share: 25");
  fx_rel (fx, "d1 owns f share: 50");
  fx_rel (fx, "d1 owns g share: 50.01");
  fx_rel (fx, "d1 controls h");
  fx_list (fx, "uk", UK, "d1 d2");
  fx_list (fx, "ofac", OFAC, "d1 d2");
  fx_list (fx, "eu", EU, "d1 d2");
  g_autoptr (OtDataset) ds = fx_load (fx);
  /* the same facts, three answers */
  assert_string_equal (st (ds, "ofac", D, "e"), "R");
  assert_string_equal (st (ds, "eu", D, "e"), "R");
  assert_string_equal (st (ds, "uk", D, "e"), "-");
  assert_string_equal (st (ds, "uk", D, "f"), "-"); /* exactly 50 % is not owned */
  assert_string_equal (st (ds, "uk", D, "g"), "R");
  assert_string_equal (st (ds, "uk", D, "h"), "R"); /* controlled */
}

/* BIS Affiliates Rule: in force 2025-09-29, suspended 2025-11-10 .. 2026-11-09. */
static void
test_bis_affiliates_rule_and_its_suspension (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 60");
  fx_entity (fx, "xb", "brand");
  fx_rel (fx, "xb brand_of x");
  fx_list (fx, "bis", BIS, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "bis", "2025-09-28", "a"), "-");
  assert_string_equal (st (ds, "bis", "2025-09-29", "a"), "R");
  assert_string_equal (st (ds, "bis", "2025-11-09", "a"), "R");
  assert_string_equal (st (ds, "bis", "2025-11-10", "a"), "-");
  assert_string_equal (st (ds, "bis", "2026-11-09", "a"), "-");
  assert_string_equal (st (ds, "bis", "2026-11-10", "a"), "R");
  /* the named entry, and what reaches whatever the scope, hold throughout */
  assert_string_equal (st (ds, "bis", "2026-01-01", "x"), "R");
  assert_string_equal (st (ds, "bis", "2026-01-01", "xb"), "R");
  g_autofree char *t = ties (ds, "bis", "2026-01-01", "a");
  assert_string_equal (t, "stake");
}

/* NDAA 889 / FCC: equipment produced by a covered entity, whatever the label. */
static void
test_equipment_lists_reach_what_a_covered_maker_produced (void **state)
{
  Fx *fx = fx_new ();
  fx_entity (fx, "acme-cam", "brand");
  fx_entity (fx, "acme-x1", "product");
  fx_rel (fx, "hik owns hik-sub share: 100");
  fx_rel (fx, "hik-sub manufactures acme-cam, confidence: reported");
  fx_rel (fx, "acme-x1 product_of acme-cam");
  fx_list (fx, "fcc", FCC, "hik");
  fx_list (fx, "named", NAMED, "hik");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "fcc", D, "hik-sub"), "R");
  assert_string_equal (st (ds, "fcc", D, "acme-cam"), "R");
  assert_string_equal (st (ds, "fcc", D, "acme-x1"), "R");
  /* a list that names only: the subsidiary is exposed, its OEM brand is not reached */
  assert_string_equal (st (ds, "named", D, "hik-sub"), "-");
  assert_string_equal (st (ds, "named", D, "acme-cam"), "-");
  g_autofree char *t = ties (ds, "named", D, "hik-sub");
  assert_string_equal (t, "stake");
}

static void
test_made_by_a_restricted_maker_without_produced_by_is_exposed (void **state)
{
  Fx *fx = fx_new ();
  fx_entity (fx, "cam", "brand");
  fx_entity (fx, "cam-1", "product");
  fx_rel (fx, "maker manufactures cam");
  fx_rel (fx, "cam-1 product_of cam");
  fx_list (fx, "ofac", OFAC, "maker");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "cam"), "-");
  g_autofree char *t = ties (ds, "ofac", D, "cam");
  assert_string_equal (t, "made_by");
  g_autofree char *t1 = ties (ds, "ofac", D, "cam-1");
  assert_string_equal (t1, ""); /* exposed does not pass on */
}

/* UK PSC bands. */
static void
test_psc_bands_with_open_bounds (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: {more_than: 25, at_most: 50}");
  fx_rel (fx, "x owns b share: {more_than: 50, at_most: 75}");
  fx_rel (fx, "x owns c share: [50, 75]");
  fx_rel (fx, "x owns d share: {at_least: 25, less_than: 50}");
  fx_list (fx, "ofac", OFAC, "x");
  fx_list (fx, "eu", EU, "x");
  fx_list (fx, "uk", UK, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "P");
  assert_string_equal (st (ds, "eu", D, "a"), "P");
  assert_string_equal (st (ds, "uk", D, "a"), "-");
  assert_string_equal (st (ds, "ofac", D, "b"), "R");
  assert_string_equal (st (ds, "eu", D, "b"), "R");
  assert_string_equal (st (ds, "uk", D, "b"), "R");
  assert_string_equal (st (ds, "ofac", D, "c"), "R");
  assert_string_equal (st (ds, "uk", D, "c"), "P");   /* only possibly by a strict list */
  assert_string_equal (st (ds, "ofac", D, "d"), "-"); /* less than 50 can never be 50 */
}

/* Sources disagree (48, 50, 51): one holding [48, 51], possibly, never 149 %. */
static void
test_disagreeing_sources_make_one_holding_spanning_them (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 48");
  fx_rel (fx, "x owns a share: 50");
  fx_rel (fx, "x owns a share: 51");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "P");
  g_autoptr (OtGraph) graph = ot_graph_new (ds, NULL);
  g_autoptr (OtReach) reach
      = ot_reach_new (graph, ot_dataset_list (ds, "ofac"), ot_date_parse (D), NULL, 0);
  g_auto (OtWhy) why = { 0 };
  assert_true (ot_reach_why (reach, ot_dataset_entity_index (ds, "a"), OT_REACH_POSSIBLY, &why));
  assert_int_equal (why.rule, OT_WHY_OWNERSHIP);
  const OtHolding *h = &g_array_index (why.holdings, OtHolding, 0);
  assert_int_equal (h->relations->len, 3);
  assert_true (h->min == 48 && h->max == 51);
}

/* GLEIF consolidation: a parent with no stated share is never reached by ownership alone. */
static void
test_unknown_share_is_possibly_so_exposed_never_clear (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a");
  fx_rel (fx, "a owns b share: 100");
  fx_list (fx, "bis", BIS, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "bis", "2025-10-01", "a"), "P");
  assert_string_equal (st (ds, "bis", "2025-10-01", "b"), "P"); /* possibly passes on */
}

static void
test_alleged_relations_only_ever_give_possibly (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 100, confidence: alleged");
  fx_rel (fx, "x controls b, confidence: alleged");
  fx_rel (fx, "x owns c share: 60, confidence: alleged");
  fx_rel (fx, "x owns c share: 55"); /* a confirmed holding stands */
  fx_list (fx, "eu", EU, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "eu", D, "a"), "P");
  assert_string_equal (st (ds, "eu", D, "b"), "P");
  assert_string_equal (st (ds, "eu", D, "c"), "R");
}

/* Whatever the scope: brands of a reached owner, products of a reached brand, successors, and
 * same_as records; `linked` never reaches. */
static void
test_brands_products_successors_and_same_as_always_share_status (void **state)
{
  Fx *fx = fx_new ();
  fx_entity (fx, "br", "brand");
  fx_entity (fx, "pr", "product");
  fx_rel (fx, "br brand_of x");
  fx_rel (fx, "pr product_of br");
  fx_rel (fx, "x-new successor_of x, since: 2022-01-01");
  fx_rel (fx, "x same_as x-dup");
  fx_rel (fx, "x linked friend");
  fx_rel (fx, "x owns sub share: 100");
  fx_list (fx, "cmic", NAMED, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "cmic", D, "br"), "R");
  assert_string_equal (st (ds, "cmic", D, "pr"), "R");
  assert_string_equal (st (ds, "cmic", D, "x-new"), "R");
  assert_string_equal (st (ds, "cmic", "2021-12-31", "x-new"), "-");
  assert_string_equal (st (ds, "cmic", D, "x-dup"), "R");
  assert_string_equal (st (ds, "cmic", D, "friend"), "-");
  assert_string_equal (st (ds, "cmic", D, "sub"), "-"); /* FAQ 857: only if itself listed */
  g_autofree char *t = ties (ds, "cmic", D, "friend");
  assert_string_equal (t, "");
}

static void
test_same_as_works_both_ways (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x-dup same_as x");
  fx_rel (fx, "x-dup owns a share: 50");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "x-dup"), "R");
  assert_string_equal (st (ds, "ofac", D, "a"), "R");
}

static void
test_listing_dates_listed_inclusive_removed_exclusive (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 100");
  fx_list (fx, "ofac", OFAC, "x@2020-01-01..2023-01-01");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", "2019-12-31", "x"), "-");
  assert_string_equal (st (ds, "ofac", "2020-01-01", "a"), "R");
  assert_string_equal (st (ds, "ofac", "2022-12-31", "x"), "R");
  assert_string_equal (st (ds, "ofac", "2023-01-01", "x"), "-");
  g_autofree char *t = ties (ds, "ofac", "2023-01-01", "x");
  assert_string_equal (t, "removed");
  g_autofree char *ta = ties (ds, "ofac", "2023-01-01", "a");
  assert_string_equal (ta, ""); /* the removed listing exposes x only */
}

static void
test_a_tie_that_ended_before_the_date_exposes (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 100, until: 2022-12-31");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", "2022-12-31", "a"), "R");
  assert_string_equal (st (ds, "ofac", "2023-01-01", "a"), "-");
  g_autofree char *t = ties (ds, "ofac", "2023-01-01", "a");
  assert_string_equal (t, "ended");
}

static void
test_deep_chain_reaches_the_bottom (void **state)
{
  Fx *fx = fx_new ();
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *spec = g_strdup_printf ("c%d owns c%d share: 100", i, i + 1);
      fx_rel (fx, spec);
    }
  fx_list (fx, "ofac", OFAC, "c0");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "c200"), "R");
}

static void
test_diamond_adds_the_two_branches (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 60");
  fx_rel (fx, "x owns b share: 60");
  fx_rel (fx, "a owns c share: 30");
  fx_rel (fx, "b owns c share: 30");
  fx_rel (fx, "c owns d share: 50");
  fx_list (fx, "ofac", OFAC, "x");
  fx_list (fx, "uk", UK, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "d"), "R");
  assert_string_equal (st (ds, "uk", D, "c"), "-");
  assert_string_equal (st (ds, "uk", D, "d"), "-");
}

static void
test_cycles_terminate (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 30");
  fx_rel (fx, "a owns b share: 60");
  fx_rel (fx, "b owns a share: 30"); /* a: 30 % by x, 30 % by b; b depends on a */
  fx_rel (fx, "p owns q share: 60");
  fx_rel (fx, "q owns p share: 60"); /* an unlisted cycle */
  fx_rel (fx, "x owns s share: 100");
  fx_rel (fx, "s owns s share: 10"); /* self-ownership */
  fx_rel (fx, "x owns u");
  fx_rel (fx, "u owns v share: 60");
  fx_rel (fx, "v owns u share: 60"); /* possibly around a cycle */
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  assert_string_equal (st (ds, "ofac", D, "a"), "-"); /* the least fixpoint: no self-support */
  assert_string_equal (st (ds, "ofac", D, "b"), "-");
  assert_string_equal (st (ds, "ofac", D, "p"), "-");
  assert_string_equal (st (ds, "ofac", D, "s"), "R");
  assert_string_equal (st (ds, "ofac", D, "u"), "P");
  assert_string_equal (st (ds, "ofac", D, "v"), "P");
}

static void
test_cycle_through_a_reached_entity_keeps_a_well_founded_reason (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "x owns a share: 60");
  fx_rel (fx, "a owns b share: 100");
  fx_rel (fx, "b owns a share: 40");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  g_autoptr (OtGraph) graph = ot_graph_new (ds, NULL);
  g_autoptr (OtReach) reach
      = ot_reach_new (graph, ot_dataset_list (ds, "ofac"), ot_date_parse (D), NULL, 0);
  g_auto (OtWhy) why = { 0 };
  assert_true (ot_reach_why (reach, ot_dataset_entity_index (ds, "a"), OT_REACH_RESTRICTED, &why));
  assert_int_equal (why.holdings->len, 1); /* x alone: b came later */
  assert_string_equal (OT_ENTITY (ds, g_array_index (why.holdings, OtHolding, 0).owner)->id, "x");
}

static void
test_extra_seeds_reach_as_if_listed (void **state)
{
  Fx *fx = fx_new ();
  fx_rel (fx, "y owns a share: 60");
  fx_rel (fx, "x owns b share: 60");
  fx_list (fx, "ofac", OFAC, "x");
  g_autoptr (OtDataset) ds = fx_load (fx);
  g_autoptr (OtGraph) graph = ot_graph_new (ds, NULL);
  guint32 y = ot_dataset_entity_index (ds, "y");
  g_autoptr (OtReach) reach
      = ot_reach_new (graph, ot_dataset_list (ds, "ofac"), ot_date_parse (D), &y, 1);
  assert_int_equal (ot_reach_status (reach, ot_dataset_entity_index (ds, "a")),
                    OT_REACH_RESTRICTED);
  assert_int_equal (ot_reach_status (reach, ot_dataset_entity_index (ds, "b")),
                    OT_REACH_RESTRICTED);
  assert_int_equal (ot_reach_count (reach, OT_REACH_RESTRICTED), 4);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_ofac_401_example_1_indirect_ownership_through_a_blocked_entity),
    cmocka_unit_test (test_ofac_401_example_2_blocked_holdings_add_up),
    cmocka_unit_test (test_ofac_401_example_3_direct_and_indirect_holdings_add_up),
    cmocka_unit_test (test_ofac_401_example_4_minority_intermediaries_pass_nothing),
    cmocka_unit_test (test_ofac_398_control_without_ownership_is_exposed),
    cmocka_unit_test (test_ofac_399_400_different_blocked_owners_aggregate_across_programs),
    cmocka_unit_test (test_ofac_402_divestment_ends_the_block_from_that_date),
    cmocka_unit_test (test_ofac_fifty_percent_exactly_is_blocked_and_49_99_is_not),
    cmocka_unit_test (test_directive_4_threshold_is_33_percent_aggregated),
    cmocka_unit_test (test_eu_threshold_changes_on_2024_07_03),
    cmocka_unit_test (test_uk_is_strict_and_does_not_aggregate),
    cmocka_unit_test (test_bis_affiliates_rule_and_its_suspension),
    cmocka_unit_test (test_equipment_lists_reach_what_a_covered_maker_produced),
    cmocka_unit_test (test_made_by_a_restricted_maker_without_produced_by_is_exposed),
    cmocka_unit_test (test_psc_bands_with_open_bounds),
    cmocka_unit_test (test_disagreeing_sources_make_one_holding_spanning_them),
    cmocka_unit_test (test_unknown_share_is_possibly_so_exposed_never_clear),
    cmocka_unit_test (test_alleged_relations_only_ever_give_possibly),
    cmocka_unit_test (test_brands_products_successors_and_same_as_always_share_status),
    cmocka_unit_test (test_same_as_works_both_ways),
    cmocka_unit_test (test_listing_dates_listed_inclusive_removed_exclusive),
    cmocka_unit_test (test_a_tie_that_ended_before_the_date_exposes),
    cmocka_unit_test (test_deep_chain_reaches_the_bottom),
    cmocka_unit_test (test_diamond_adds_the_two_branches),
    cmocka_unit_test (test_cycles_terminate),
    cmocka_unit_test (test_cycle_through_a_reached_entity_keeps_a_well_founded_reason),
    cmocka_unit_test (test_extra_seeds_reach_as_if_listed),
  };
  ot_graph_library_init ();
  return cmocka_run_group_tests_name ("rules", tests, NULL, NULL);
}
