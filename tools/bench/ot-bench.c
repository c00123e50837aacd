/* The C side of the benchmark (tools/bench/run): loads a dataset, computes the reach of every
 * list of a policy, checks every name of a file (verdicts as JSON Lines, as `check --json`
 * writes them) and prints, as one JSON object, the time of each phase and digests of the
 * answers that tools/bench/peer.py prints too, so that the two can be compared.
 * Usage: ot-bench DATA NAMES [POLICY [AS_OF [VERDICTS.jsonl]]] */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "graph.h"
#include "load.h"
#include "trace.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: ot-bench DATA NAMES [POLICY [AS_OF [VERDICTS.jsonl]]]\n");
      return 64;
    }
  ot_graph_library_init ();
  const char *policy[] = { argc > 3 ? argv[3] : "bench", NULL };
  OtDate as_of = ot_date_parse (argc > 4 ? argv[4] : "2025-01-01");
  FILE *verdicts = fopen (argc > 5 ? argv[5] : "/dev/null", "w");
  g_autoptr (GError) error = NULL;
  g_autofree char *names_text = NULL;
  if (verdicts == NULL || !g_file_get_contents (argv[2], &names_text, NULL, &error))
    {
      fprintf (stderr, "ot-bench: %s\n", error ? error->message : "cannot write the verdicts");
      return 66;
    }
  g_auto (GStrv) names = g_strsplit (names_text, "\n", -1);

  gint64 t0 = g_get_monotonic_time ();
  const char *paths[] = { argv[1], NULL };
  g_autoptr (OtDataset) ds = ot_dataset_load (paths, &error);
  if (ds == NULL)
    {
      fprintf (stderr, "ot-bench: %s\n", error->message);
      return 65;
    }
  double t_load = seconds_since (t0);

  gint64 t1 = g_get_monotonic_time ();
  g_autoptr (OtTrace) trace = ot_trace_new (ds, policy, as_of, &error);
  if (trace == NULL)
    {
      fprintf (stderr, "ot-bench: %s\n", error->message);
      return 70;
    }
  double t_reach = seconds_since (t1);

  gint64 t2 = g_get_monotonic_time ();
  /* the name index is built on the first name: time it apart (it counts in check_s too) */
  {
    g_auto (OtResolution) warm = { 0 };
    ot_resolve (ot_trace_resolver (trace), "\x01", &warm);
  }
  double t_index = seconds_since (t2);
  guint counts[4] = { 0 };
  g_autoptr (GChecksum) vsum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n_names = 0;
  g_autoptr (GString) json = g_string_new (NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (names[i][0] == '\0')
        continue;
      n_names++;
      g_autoptr (OtVerdict) v = ot_trace_check (trace, names[i]);
      counts[v->level]++;
      g_string_truncate (json, 0);
      ot_verdict_write_json (json, trace, v);
      g_string_append_c (json, '\n');
      fputs (json->str, verdicts);
      g_autofree char *line = g_strdup_printf (
          "%s\t%s\t%s\n", names[i], ot_level_name (v->level),
          v->resolution.entity >= 0 ? OT_ENTITY (ds, v->resolution.entity)->id : "");
      g_checksum_update (vsum, (const guchar *)line, -1);
    }
  fclose (verdicts);
  double t_check = seconds_since (t2);

  /* digests of every reached entity per list, in file order */
  printf ("{\"side\": \"c\", \"entities\": %u, \"relations\": %u, \"load_s\": %.3f, "
          "\"reach_s\": %.3f, \"check_s\": %.3f, \"index_s\": %.3f, \"names\": %u, \"verdicts\": "
          "{\"restricted\": "
          "%u, \"exposed\": %u, \"unresolved\": %u, \"clear\": %u}, \"verdict_digest\": \"%s\", "
          "\"lists\": {",
          ds->entities->len, ds->relations->len, t_load, t_reach, t_check, t_index, n_names,
          counts[OT_LEVEL_RESTRICTED], counts[OT_LEVEL_EXPOSED], counts[OT_LEVEL_UNRESOLVED],
          counts[OT_LEVEL_CLEAR], g_checksum_get_string (vsum));
  for (guint l = 0; l < ot_trace_n_lists (trace); l++)
    {
      const OtReach *re = ot_trace_reach (trace, l);
      g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      for (guint32 e = 0; e < ds->entities->len; e++)
        {
          OtReachStatus s = ot_reach_status (re, e);
          if (s == OT_REACH_NONE)
            continue;
          g_autofree char *line
              = g_strdup_printf ("%s\t%s\n", OT_ENTITY (ds, e)->id, ot_reach_status_name (s));
          g_checksum_update (sum, (const guchar *)line, -1);
        }
      printf ("%s\"%s\": {\"restricted\": %u, \"possibly\": %u, \"digest\": \"%s\"}", l ? ", " : "",
              ot_reach_list (re)->id, ot_reach_count (re, OT_REACH_RESTRICTED),
              ot_reach_count (re, OT_REACH_POSSIBLY), g_checksum_get_string (sum));
    }
  printf ("}}\n");
  return 0;
}
