/* Loading a dataset: paths (files and folders) in, one merged and checked dataset out. Picks
 * the reader by extension, keeps the list of files and a hash of their contents so that a
 * verdict can say what it was checked against. */
#include "config.h"

#include "load.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "load-private.h"

char *
ot_number_format (double value, char *buf, gsize size)
{
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (strcmp (buf, "-0") == 0)
    g_strlcpy (buf, "0", size);
  return buf;
}

gboolean
ot_number_parse (const char *text, double *value)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!(g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == '+' || *p == 'e' || *p == 'E'))
      return FALSE; /* rules out hex, inf, nan, spaces */
  char *end = NULL;
  errno = 0;
  double v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || errno == ERANGE || !isfinite (v))
    return FALSE;
  *value = v == 0 ? 0 : v; /* -0 is 0 */
  return TRUE;
}

gboolean
ot_id_valid (const char *text)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == '#')
        return FALSE;
    }
  return TRUE;
}

gboolean
ot_write_text (const char *path, const char *text, gsize len, GError **error)
{
  if (strcmp (path, "-") == 0)
    {
      if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
        return ot_error_set (error, OT_ERROR_IO, "cannot write to standard output: %s",
                             g_strerror (errno));
      return TRUE;
    }
  g_autofree char *dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return ot_error_set (error, OT_ERROR_IO, "cannot write '%s': no such folder '%s'", path, dir);
  if (access (dir, W_OK) != 0)
    return ot_error_set (error, OT_ERROR_IO, "cannot write '%s': %s", path, g_strerror (errno));
  /* a temporary file in the same folder, flushed, then renamed over path */
  g_autoptr (GError) local = NULL;
  if (!g_file_set_contents_full (path, text, (gssize)len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0666,
                                 &local))
    return ot_error_set (error, OT_ERROR_IO, "cannot write '%s': %s", path, local->message);
  return TRUE;
}

static gboolean
is_dataset_name (const char *name)
{
  return g_str_has_suffix (name, ".yaml") || g_str_has_suffix (name, ".yml")
         || g_str_has_suffix (name, ".xml");
}

gboolean
ot_load_file (OtDataset *ds, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &text, &len, &local))
    {
      OtErrorCode code = g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                             ? OT_ERROR_NOT_FOUND
                             : OT_ERROR_IO;
      return ot_error_set (error, code, "%s", local->message);
    }
  g_ptr_array_add (ds->files, g_strdup (path));
  /* the hash covers each file's name and contents, so a saved verdict can be audited */
  if (ds->checksum == NULL)
    ds->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *base = g_path_get_basename (path);
  g_checksum_update (ds->checksum, (const guchar *)base, (gssize)strlen (base) + 1);
  g_checksum_update (ds->checksum, (const guchar *)text, (gssize)len);
  if (g_str_has_suffix (path, ".xml"))
    return ot_load_xml (ds, path, text, len, error);
  return ot_load_yaml (ds, path, text, len, error);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static gboolean
load_path (OtDataset *ds, const char *path, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return ot_error_set (error, OT_ERROR_NOT_FOUND, "cannot open '%s': no such file or folder",
                         path);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!is_dataset_name (path))
        return ot_error_set (error, OT_ERROR_USAGE,
                             "cannot read '%s': expected a .yaml, .yml or .xml file or a folder",
                             path);
      return ot_load_file (ds, path, error);
    }
  g_autoptr (GError) local = NULL;
  g_autoptr (GDir) dir = g_dir_open (path, 0, &local);
  if (dir == NULL)
    return ot_error_set (error, OT_ERROR_IO, "%s", local->message);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_dataset_name (name) && name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  if (names->len == 0)
    return ot_error_set (error, OT_ERROR_NOT_FOUND,
                         "folder '%s' has no dataset files: expected .yaml, .yml or .xml files",
                         path);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (!ot_load_file (ds, g_ptr_array_index (names, i), error))
      return FALSE;
  return TRUE;
}

OtDataset *
ot_dataset_read (const char *const *paths, GError **error)
{
  g_autoptr (OtDataset) ds = ot_dataset_new ();
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (!load_path (ds, paths[i], error))
      return NULL;
  return g_steal_pointer (&ds);
}

OtDataset *
ot_dataset_load (const char *const *paths, GError **error)
{
  g_autoptr (OtDataset) ds = ot_dataset_read (paths, error);
  if (ds == NULL)
    return NULL;
  ot_dataset_finish (ds);
  if (ds->checksum == NULL)
    ds->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  ds->hash = g_strdup (g_checksum_get_string (ds->checksum));
  g_clear_pointer (&ds->checksum, g_checksum_free);
  return g_steal_pointer (&ds);
}
