/* Helpers shared by the unit tests. */
#ifndef OT_TEST_UTIL_H
#define OT_TEST_UTIL_H

#include "model.h"

G_BEGIN_DECLS

/* The path of NAME under the test data folder ($TESTDATA, else tests/data). Free it. */
char *ot_test_path (const char *name);

/* Loads tests/data/NAME (a file or folder) and returns the finished dataset; aborts the test
 * program when it cannot be read at all. */
OtDataset *ot_test_load (const char *name);

/* Loads YAML text given inline (as if from a file called NAME) and finishes the dataset. */
OtDataset *ot_test_load_text (const char *name, const char *yaml);

/* The dataset's diagnostics as "file:line:column: error: message" lines, one per line. */
char *ot_test_diagnostics (const OtDataset *dataset);

G_END_DECLS

#endif /* OT_TEST_UTIL_H */
