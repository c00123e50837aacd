/* ownertrace stats: counts by entity kind, relation type, confidence, list, policy and source
 * publisher, as text or JSON. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "error.h"
#include "load.h"

/* A count per name, printed in name order. */
static void
count (GHashTable *table, const char *name, guint n)
{
  gpointer old = g_hash_table_lookup (table, name);
  g_hash_table_insert (table, (gpointer)name, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + n));
}

static GList *
sorted_keys (GHashTable *table)
{
  return g_list_sort (g_hash_table_get_keys (table), (GCompareFunc)strcmp);
}

static void
add_object (JsonBuilder *b, const char *member, GHashTable *table)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  g_autoptr (GList) keys = sorted_keys (table);
  for (GList *k = keys; k != NULL; k = k->next)
    {
      json_builder_set_member_name (b, k->data);
      json_builder_add_int_value (b, GPOINTER_TO_UINT (g_hash_table_lookup (table, k->data)));
    }
  json_builder_end_object (b);
}

static void
print_table (const char *title, GHashTable *table)
{
  printf ("%s\n", title);
  g_autoptr (GList) keys = sorted_keys (table);
  int width = 0;
  for (GList *k = keys; k != NULL; k = k->next)
    width = MAX (width, (int)g_utf8_strlen (k->data, -1));
  for (GList *k = keys; k != NULL; k = k->next)
    {
      int pad = width - (int)g_utf8_strlen (k->data, -1) + (int)strlen (k->data);
      printf ("  %-*s %8u\n", pad, (const char *)k->data,
              GPOINTER_TO_UINT (g_hash_table_lookup (table, k->data)));
    }
}

OtExit
ot_cmd_stats (int argc, char **argv, GError **error)
{
  g_auto (OtCliCommon) common = { 0 };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Counts the dataset's entities by kind, relations by "
                                         "type and confidence, entries per list, policies and "
                                         "sources by publisher.");
  g_option_context_add_main_entries (context, entries, NULL);
  ot_cli_common_add_data (context, &common);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return OT_EXIT_USAGE;
  if (argc != 1)
    return ot_cli_usage (error, "expected no arguments, found '%s'; see --help", argv[1]);
  g_autoptr (OtDataset) ds = ot_cli_load (&common, error);
  if (ds == NULL)
    return OT_EXIT_ERROR;

  g_autoptr (GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) confidence = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) lists = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) publishers = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ds->entities->len; i++)
    count (kinds, ot_kind_name (OT_ENTITY (ds, i)->kind), 1);
  for (guint i = 0; i < ds->relations->len; i++)
    {
      const OtRelation *r = OT_RELATION (ds, i);
      count (types, ot_rel_name (r->type), 1);
      count (confidence, ot_confidence_name (r->confidence), 1);
    }
  for (guint i = 0; i < ds->lists->len; i++)
    {
      const OtList *l = &g_array_index (ds->lists, OtList, i);
      count (lists, l->id, l->entries ? l->entries->len : 0);
    }
  for (guint i = 0; i < ds->sources->len; i++)
    {
      const OtSource *s = &g_array_index (ds->sources, OtSource, i);
      count (publishers, s->publisher ? s->publisher : "(no publisher)", 1);
    }

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      add_object (b, "entities", kinds);
      add_object (b, "relations", types);
      add_object (b, "confidence", confidence);
      add_object (b, "lists", lists);
      json_builder_set_member_name (b, "policies");
      json_builder_add_int_value (b, ds->policies->len);
      add_object (b, "sources", publishers);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      json_generator_set_root (gen, root);
      g_autofree char *text = json_generator_to_data (gen, NULL);
      printf ("%s\n", text);
      return OT_EXIT_CLEAR;
    }
  printf ("%u entities, %u relations, %u lists, %u policies, %u sources\n\n", ds->entities->len,
          ds->relations->len, ds->lists->len, ds->policies->len, ds->sources->len);
  print_table ("entities by kind", kinds);
  print_table ("\nrelations by type", types);
  print_table ("\nrelations by confidence", confidence);
  print_table ("\nentries per list", lists);
  print_table ("\nsources by publisher", publishers);
  return OT_EXIT_CLEAR;
}
