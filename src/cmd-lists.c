/* ownertrace lists: each restriction list with its authority, scope per period and entry
 * count, then each policy with its lists. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "error.h"
#include "load.h"

static void
print_scope (const OtScope *s)
{
  char a[11], b[11];
  g_autoptr (GString) text = g_string_new (NULL);
  if (s->has_ownership)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (text, "owned %s %s %%%s", s->strict ? "more than" : "at least",
                              g_ascii_formatd (buf, sizeof buf, "%.15g", s->ownership),
                              s->aggregate ? " (aggregated)" : " (by one owner)");
    }
  if (s->control)
    g_string_append_printf (text, "%scontrolled", text->len ? ", " : "");
  if (s->produced_by)
    g_string_append_printf (text, "%sproduced by", text->len ? ", " : "");
  if (text->len == 0)
    g_string_append (text, "named entries only");
  if (s->since || s->until)
    printf ("    %s to %s: %s\n", s->since ? ot_date_format (s->since, a) : "…",
            s->until ? ot_date_format (s->until, b) : "…", text->str);
  else
    printf ("    %s\n", text->str);
}

OtExit
ot_cmd_lists (int argc, char **argv, GError **error)
{
  g_auto (OtCliCommon) common = { 0 };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Shows each restriction list (authority, scope per "
                                         "period, entries) and each policy with its lists.");
  ot_cli_common_add_data (context, &common);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return OT_EXIT_USAGE;
  if (argc != 1)
    return ot_cli_usage (error, "expected no arguments, found '%s'; see --help", argv[1]);
  g_autoptr (OtDataset) ds = ot_cli_load (&common, error);
  if (ds == NULL)
    return OT_EXIT_ERROR;
  for (guint i = 0; i < ds->lists->len; i++)
    {
      const OtList *l = &g_array_index (ds->lists, OtList, i);
      guint n = l->entries ? l->entries->len : 0;
      printf ("%s: %s\n", l->id, l->name ? l->name : "");
      if (l->authority || l->jurisdiction)
        printf ("  authority: %s%s%s%s\n", l->authority ? l->authority : "",
                l->jurisdiction ? " (" : "", l->jurisdiction ? l->jurisdiction : "",
                l->jurisdiction ? ")" : "");
      printf ("  entries: %u\n  scope:\n", n);
      if (l->scope == NULL || l->scope->len == 0)
        printf ("    named entries only\n");
      for (guint k = 0; l->scope != NULL && k < l->scope->len; k++)
        print_scope (&g_array_index (l->scope, OtScope, k));
      if (l->scope != NULL && l->scope->len > 0
          && (g_array_index (l->scope, OtScope, 0).since
              || g_array_index (l->scope, OtScope, 0).until))
        printf ("    (other dates: named entries only)\n");
      if (l->note)
        printf ("  note: %s\n", l->note);
      printf ("\n");
    }
  printf ("policies:\n");
  for (guint i = 0; i < ds->policies->len; i++)
    {
      const OtPolicy *p = &g_array_index (ds->policies, OtPolicy, i);
      g_autoptr (GString) ids = g_string_new (NULL);
      for (guint k = 0; p->lists != NULL && k < p->lists->len; k++)
        g_string_append_printf (ids, "%s%s", k ? ", " : "", (char *)g_ptr_array_index (p->lists, k));
      printf ("  %s: %s\n    lists: %s\n", p->id, p->name ? p->name : "", ids->str);
    }
  return OT_EXIT_CLEAR;
}
