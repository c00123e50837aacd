/* The model: dates, names of kinds and types, shares, ids, interning. */
#include "config.h"

#include "model.h"

#include <setjmp.h> /* cmocka.h needs these four first: keep it in its own block */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "load-private.h"

static void
test_dates_parse_only_real_calendar_days (void **state)
{
  char buf[11];
  assert_string_equal (ot_date_format (ot_date_parse ("2024-07-03"), buf), "2024-07-03");
  assert_string_equal (ot_date_format (ot_date_parse ("2024-02-29"), buf), "2024-02-29");
  assert_int_equal (ot_date_parse ("2023-02-29"), OT_DATE_NONE);
  assert_int_equal (ot_date_parse ("2024-13-01"), OT_DATE_NONE);
  assert_int_equal (ot_date_parse ("0000-00-00"), OT_DATE_NONE);
  assert_int_equal (ot_date_parse ("2024-7-3"), OT_DATE_NONE);
  assert_int_equal (ot_date_parse ("2024-07-03T00:00"), OT_DATE_NONE);
  assert_true (ot_date_parse ("2024-07-02") < ot_date_parse ("2024-07-03"));
  assert_true (ot_date_partial_valid ("2021"));
  assert_true (ot_date_partial_valid ("2021-06"));
  assert_false (ot_date_partial_valid ("2021-13"));
  assert_false (ot_date_partial_valid ("June 2021"));
}

static void
test_relation_dates_are_inclusive (void **state)
{
  OtRelation r = { 0 };
  r.since = ot_date_parse ("2018-02-06");
  r.until = ot_date_parse ("2023-05-31");
  assert_false (ot_relation_valid_on (&r, ot_date_parse ("2018-02-05")));
  assert_true (ot_relation_valid_on (&r, ot_date_parse ("2018-02-06")));
  assert_true (ot_relation_valid_on (&r, ot_date_parse ("2023-05-31")));
  assert_false (ot_relation_valid_on (&r, ot_date_parse ("2023-06-01")));
}

static void
test_names_round_trip (void **state)
{
  for (int k = 0; k < OT_N_KINDS; k++)
    assert_int_equal (ot_kind_parse (ot_kind_name (k)), k);
  for (int t = 0; t < OT_N_RELS; t++)
    assert_int_equal (ot_rel_parse (ot_rel_name (t)), t);
  for (int c = 0; c < OT_N_CONFS; c++)
    assert_int_equal (ot_confidence_parse (ot_confidence_name (c)), c);
  assert_int_equal (ot_kind_parse ("Company"), -1);
  assert_int_equal (ot_rel_parse ("owned_by"), -1);
}

static void
test_numbers_refuse_what_is_not_a_decimal (void **state)
{
  double v = -1;
  assert_true (ot_number_parse ("36.48", &v));
  assert_true (v == 36.48);
  assert_true (ot_number_parse ("-0", &v));
  assert_true (v == 0);
  assert_true (ot_number_parse ("1e2", &v));
  assert_false (ot_number_parse ("1e999", &v));
  assert_false (ot_number_parse ("NaN", &v));
  assert_false (ot_number_parse ("0x10", &v));
  assert_false (ot_number_parse ("inf", &v));
  assert_false (ot_number_parse ("50%", &v));
  assert_false (ot_number_parse ("", &v));
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  assert_string_equal (ot_number_format (36.48, buf, sizeof buf), "36.48");
  assert_string_equal (ot_number_format (50, buf, sizeof buf), "50");
  assert_string_equal (ot_number_format (0.1 + 0.2, buf, sizeof buf), "0.30000000000000004");
}

static void
test_shares_format_for_people (void **state)
{
  OtShare exact = { OT_SHARE_EXACT, 0, 0, 0, 0, 36.48, 36.48 };
  OtShare range = { OT_SHARE_RANGE, 0, 0, 0, 0, 25, 50 };
  OtShare band = { OT_SHARE_BOUNDS, 1, 1, 1, 0, 25, 50 };
  OtShare none = { OT_SHARE_NONE, 0, 0, 0, 0, 0, 100 };
  g_autofree char *a = ot_share_format (&exact);
  g_autofree char *b = ot_share_format (&range);
  g_autofree char *c = ot_share_format (&band);
  g_autofree char *d = ot_share_format (&none);
  assert_string_equal (a, "36.48 %");
  assert_string_equal (b, "25–50 %");
  assert_string_equal (c, "> 25 %, ≤ 50 %");
  assert_string_equal (d, "share unknown");
}

static void
test_ids_have_no_spaces_controls_or_hash (void **state)
{
  assert_true (ot_id_valid ("hikvision-canada"));
  assert_true (ot_id_valid ("海康威视"));
  assert_false (ot_id_valid (""));
  assert_false (ot_id_valid ("hik vision"));
  assert_false (ot_id_valid ("hik\001"));
  assert_false (ot_id_valid ("src#1"));
}

static void
test_interned_strings_are_shared (void **state)
{
  g_autoptr (OtDataset) ds = ot_dataset_new ();
  g_autofree char *a = g_strdup ("hikvision");
  assert_ptr_equal (ot_dataset_intern (ds, a), ot_dataset_intern (ds, "hikvision"));
  assert_null (ot_dataset_intern (ds, NULL));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_dates_parse_only_real_calendar_days),
    cmocka_unit_test (test_relation_dates_are_inclusive),
    cmocka_unit_test (test_names_round_trip),
    cmocka_unit_test (test_numbers_refuse_what_is_not_a_decimal),
    cmocka_unit_test (test_shares_format_for_people),
    cmocka_unit_test (test_ids_have_no_spaces_controls_or_hash),
    cmocka_unit_test (test_interned_strings_are_shared),
  };
  return cmocka_run_group_tests_name ("model", tests, NULL, NULL);
}
