/* ownertrace: the command table, the one place that prints an error, and the exit status. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli.h"
#include "error.h"
#include "graph.h"

typedef OtExit (*OtCommandFunc) (int argc, char **argv, GError **error);

static const struct
{
  const char *name;
  OtCommandFunc func;
  const char *summary;
} commands[] = {
  { "check", ot_cmd_check, "verdicts with the chain of evidence behind them" },
  { "path", ot_cmd_path, "evidence paths between two entities" },
  { "owners", ot_cmd_owners, "who owns NAME, directly or not" },
  { "reach", ot_cmd_reach, "everything downstream that traces to NAME" },
  { "validate", ot_cmd_validate, "check dataset files, every problem with its place" },
  { "stats", ot_cmd_stats, "counts by kind, type, confidence, list and publisher" },
  { "lists", ot_cmd_lists, "the lists and policies, with scopes and entry counts" },
  { "convert", ot_cmd_convert, "convert a dataset between YAML and XML" },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "Usage: ownertrace COMMAND [OPTION...] [ARG...]\n\n"
                   "Does a brand, product or company trace to a restricted entity?\n\n"
                   "Commands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (stream, "\nRun 'ownertrace COMMAND --help' for a command's options; 'man ownertrace' "
                   "for the whole manual.\n");
}

/* sysexits status of each OT_ERROR code */
static int
error_status (const GError *error)
{
  if (error->domain == G_OPTION_ERROR)
    return EX_USAGE;
  if (error->domain != OT_ERROR)
    return EX_SOFTWARE;
  switch ((OtErrorCode)error->code)
    {
    case OT_ERROR_USAGE: return EX_USAGE;
    case OT_ERROR_DATA: return EX_DATAERR;
    case OT_ERROR_NOT_FOUND: return EX_NOINPUT;
    case OT_ERROR_IO: return EX_IOERR;
    case OT_ERROR_INTERNAL:
    case OT_ERROR_GRAPH: return EX_SOFTWARE;
    }
  return EX_SOFTWARE;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_set_prgname ("ownertrace");
  ot_graph_library_init ();
  if (argc < 2)
    {
      print_help (stderr);
      return EX_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) != 0)
        continue;
      g_autofree char *prgname = g_strconcat ("ownertrace ", commands[i].name, NULL);
      g_set_prgname (prgname);
      g_autoptr (GError) error = NULL;
      OtExit status = commands[i].func (argc - 1, argv + 1, &error);
      int code = (int)status;
      if (error != NULL)
        {
          fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
          code = error_status (error);
        }
      if (fflush (stdout) != 0 || ferror (stdout))
        {
          fprintf (stderr, "%s: cannot write the output: %s\n", g_get_prgname (),
                   g_strerror (errno));
          return EX_IOERR;
        }
      return code;
    }
  fprintf (stderr, "ownertrace: unknown command '%s'; see 'ownertrace --help'\n", argv[1]);
  return EX_USAGE;
}
