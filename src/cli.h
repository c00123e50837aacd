/* Shared by the subcommands: common options, exit codes, dataset loading, output helpers. */
#ifndef OT_CLI_H
#define OT_CLI_H

#include <glib.h>
#include <stdio.h>

#include "model.h"

G_BEGIN_DECLS

typedef enum
{
  OT_EXIT_CLEAR = 0,
  OT_EXIT_RESTRICTED = 1,
  OT_EXIT_EXPOSED = 2,
  OT_EXIT_UNRESOLVED = 3,
  OT_EXIT_USAGE = 64, /* *error set */
  OT_EXIT_ERROR = 65, /* *error set; main.c maps its code to the sysexits status */
} OtExit;

/* --data, --with, --policy, --as-of: filled by GOption, then by ot_cli_load. */
typedef struct
{
  char **data;     /* --data PATH (repeatable) */
  char **with;     /* --with PATH (repeatable) */
  char **policies; /* --policy ID (repeatable) */
  char *as_of_text; /* --as-of DATE */
  OtDate as_of;     /* parsed by ot_cli_load; today when absent */
} OtCliCommon;

void ot_cli_common_clear (OtCliCommon *common);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OtCliCommon, ot_cli_common_clear)

/* Adds --data, --with, --policy and --as-of to context. */
void ot_cli_common_add (GOptionContext *context, OtCliCommon *common);
/* Adds only --data and --with. */
void ot_cli_common_add_data (GOptionContext *context, OtCliCommon *common);

/* Loads the dataset the options name (bundled graphs/ unless --data; OWNERTRACE_DATA
 * overrides the bundled folder), prints its diagnostics to stderr and fails with
 * OT_ERROR_DATA when it has errors; checks --as-of and that each --policy exists
 * (OT_ERROR_USAGE naming the known ones). */
OtDataset *ot_cli_load (OtCliCommon *common, GError **error);

/* Prints the dataset's diagnostics to stderr ("file:line:column: error: message"). */
void ot_cli_print_diagnostics (const OtDataset *dataset);

/* Sets OT_ERROR_USAGE with the message and returns OT_EXIT_USAGE. */
OtExit ot_cli_usage (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* TRUE when colour may be used on stream (a terminal, and NO_COLOR unset). */
gboolean ot_cli_colour (FILE *stream);

/* The subcommands: each parses its own options, returns an OtExit. */
OtExit ot_cmd_check (int argc, char **argv, GError **error);
OtExit ot_cmd_path (int argc, char **argv, GError **error);
OtExit ot_cmd_owners (int argc, char **argv, GError **error);
OtExit ot_cmd_reach (int argc, char **argv, GError **error);
OtExit ot_cmd_validate (int argc, char **argv, GError **error);
OtExit ot_cmd_stats (int argc, char **argv, GError **error);
OtExit ot_cmd_lists (int argc, char **argv, GError **error);
OtExit ot_cmd_convert (int argc, char **argv, GError **error);

G_END_DECLS

#endif /* OT_CLI_H */
