/* Reading dataset files: YAML and XML files and folders into one merged, checked dataset. */
#ifndef OT_LOAD_H
#define OT_LOAD_H

#include "model.h"

G_BEGIN_DECLS

/* Reads each path (a .yaml/.yml/.xml file, or a folder whose such files are read in name
 * order) into a new dataset, then finishes it (ot_dataset_finish). Problems in the files'
 * content are diagnostics of the returned dataset (dataset->n_errors); the function fails
 * (NULL, OT_ERROR_NOT_FOUND / OT_ERROR_IO / OT_ERROR_DATA) only when a path cannot be read at
 * all or names no dataset file. */
OtDataset *ot_dataset_load (const char *const *paths, GError **error);

/* Reads each path like ot_dataset_load but does not finish the dataset: only the problems
 * within each file are diagnostics (references between records are not resolved). For
 * converting a file that is one part of a larger dataset. */
OtDataset *ot_dataset_read (const char *const *paths, GError **error);

/* Reads one file into dataset without finishing it. Content problems become diagnostics;
 * FALSE with error only when the file cannot be read (not found: OT_ERROR_NOT_FOUND). */
gboolean ot_load_file (OtDataset *dataset, const char *path, GError **error);
gboolean ot_load_yaml (OtDataset *dataset, const char *path, const char *text, gsize len,
                       GError **error);
gboolean ot_load_xml (OtDataset *dataset, const char *path, const char *text, gsize len,
                      GError **error);

/* Writes the dataset as YAML or XML to path atomically (temporary file, then rename);
 * path "-" writes to stdout. OT_ERROR_IO on failure. */
gboolean ot_save_yaml (const OtDataset *dataset, const char *path, GError **error);
gboolean ot_save_xml (const OtDataset *dataset, const char *path, GError **error);

/* The text of the dataset in each format (newly allocated). */
char *ot_dataset_to_yaml (const OtDataset *dataset);
char *ot_dataset_to_xml (const OtDataset *dataset);

G_END_DECLS

#endif /* OT_LOAD_H */
