/* The dataset model: entities, relations, sources, restriction lists and policies, as the data
 * files state them. Strings are interned in the dataset (compare pointers only for ids looked
 * up through the dataset); entities and relations live in arrays and are referred to by index,
 * so that a dataset of millions of relations stays compact. */
#ifndef OT_MODEL_H
#define OT_MODEL_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OT_KIND_STATE,
  OT_KIND_COMPANY,
  OT_KIND_PERSON,
  OT_KIND_BRAND,
  OT_KIND_PRODUCT,
  OT_KIND_VESSEL,
  OT_KIND_AIRCRAFT,
  OT_KIND_OTHER,
  OT_N_KINDS,
} OtKind;

typedef enum
{
  OT_REL_OWNS,
  OT_REL_CONTROLS,
  OT_REL_BRAND_OF,
  OT_REL_MANUFACTURES,
  OT_REL_PRODUCT_OF,
  OT_REL_SUCCESSOR_OF,
  OT_REL_SAME_AS,
  OT_REL_LINKED,
  OT_N_RELS,
} OtRelType;

typedef enum
{
  OT_CONF_CONFIRMED,
  OT_CONF_REPORTED,
  OT_CONF_ALLEGED,
  OT_N_CONFS,
} OtConfidence;

/* A calendar date as a Julian day number (GDate's: 1 is 0001-01-01); 0 means none. */
typedef gint32 OtDate;
#define OT_DATE_NONE 0

/* Parses "YYYY-MM-DD" (a real calendar date); returns OT_DATE_NONE when it is not one. */
OtDate ot_date_parse (const char *text);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes) and returns buf. */
char *ot_date_format (OtDate date, char *buf);
/* Today's date in UTC. */
OtDate ot_date_today (void);
/* TRUE when text is "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real date or month. */
gboolean ot_date_partial_valid (const char *text);

/* Where a record was read: for error messages. file is interned in the dataset. */
typedef struct
{
  const char *file;
  guint32 line;   /* from 1; 0 when unknown */
  guint32 column; /* from 1; 0 when unknown (XML) */
} OtLoc;

/* A share in percent. form says how it was written, so that it is written back the same:
 * EXACT (min == max), RANGE ([min, max]) or BOUNDS (a mapping with at_least / more_than and
 * at_most / less_than, either of which may be absent: has_min / has_max). NONE: unknown. */
typedef enum
{
  OT_SHARE_NONE,
  OT_SHARE_EXACT,
  OT_SHARE_RANGE,
  OT_SHARE_BOUNDS,
} OtShareForm;

typedef struct
{
  guint8 form;       /* OtShareForm */
  guint8 has_min;    /* BOUNDS: a lower bound was given */
  guint8 has_max;    /* BOUNDS: an upper bound was given */
  guint8 min_strict; /* BOUNDS: more_than rather than at_least */
  guint8 max_strict; /* BOUNDS: less_than rather than at_most */
  double min;        /* 0 when no lower bound */
  double max;        /* 100 when no upper bound */
} OtShare;

/* A citation: a source id, and optionally a record inside it ("id#record"). */
typedef struct
{
  const char *source; /* interned */
  const char *record; /* interned, or NULL */
} OtCitation;

typedef struct
{
  OtCitation *items;
  guint32 len;
} OtCitations;

typedef struct
{
  const char *scheme; /* interned */
  const char *value;  /* interned */
} OtIdentifier;

typedef struct
{
  const char *id; /* interned; all strings below are interned too */
  const char *name;
  const char *country;   /* NULL when absent */
  const char *note;      /* NULL when absent */
  GPtrArray *aliases;    /* of const char *; NULL when none */
  GPtrArray *addresses;  /* of const char *; NULL when none */
  GPtrArray *patterns;   /* model_patterns, of const char *; NULL when none */
  GArray *identifiers;   /* of OtIdentifier, in file order; NULL when none */
  OtCitations sources;   /* optional for entities */
  OtKind kind;
  OtLoc loc;
} OtEntity;

typedef struct
{
  const char *from_id; /* interned, as written */
  const char *to_id;
  guint32 from;        /* entity index, valid once the dataset is finished */
  guint32 to;
  guint8 type;         /* OtRelType */
  guint8 confidence;   /* OtConfidence */
  OtShare share;
  OtDate since;
  OtDate until;
  const char *note;
  OtCitations sources;
  OtLoc loc;
} OtRelation;

typedef struct
{
  const char *id;
  const char *title;
  const char *url;
  const char *publisher;
  const char *date; /* "YYYY[-MM[-DD]]" or NULL */
  const char *note;
  OtLoc loc;
} OtSource;

/* One period of a list's scope. has_ownership FALSE: ownership never reaches. */
typedef struct
{
  double ownership;
  gboolean has_ownership;
  gboolean strict;
  gboolean aggregate;
  gboolean control;
  gboolean produced_by;
  OtDate since;
  OtDate until;
  OtLoc loc;
} OtScope;

typedef struct
{
  const char *entity_id; /* interned */
  guint32 entity;        /* index, valid once finished */
  OtDate listed;
  OtDate removed;
  GPtrArray *programs; /* of const char *; NULL when none */
  const char *remarks;
  OtCitations sources;
  OtLoc loc;
} OtEntry;

typedef struct
{
  const char *id;
  const char *name;
  const char *authority;
  const char *jurisdiction;
  const char *url;
  const char *note;
  GArray *scope;       /* of OtScope; one period without dates is a plain mapping */
  gboolean scope_seq;  /* the scope was written as a sequence */
  GArray *entries;     /* of OtEntry */
  OtLoc loc;
} OtList;

typedef struct
{
  const char *id;
  const char *name;
  const char *note;
  GPtrArray *lists; /* of const char * (list ids) */
  GArray *list_locs; /* of OtLoc, one per list id */
  OtLoc loc;
} OtPolicy;

typedef enum
{
  OT_SEVERITY_ERROR,
  OT_SEVERITY_WARNING,
} OtSeverity;

typedef struct
{
  OtLoc loc;
  OtSeverity severity;
  char *message;
} OtDiagnostic;

typedef struct _OtDataset OtDataset;

struct _OtDataset
{
  GStringChunk *strings;
  GArray *entities;  /* of OtEntity */
  GArray *relations; /* of OtRelation */
  GArray *sources;   /* of OtSource */
  GArray *lists;     /* of OtList */
  GArray *policies;  /* of OtPolicy */
  GHashTable *entity_index; /* id -> index + 1 (GUINT_TO_POINTER) */
  GHashTable *source_index;
  GHashTable *list_index;
  GHashTable *policy_index;
  GPtrArray *files;  /* of char *: the files read, in order */
  GArray *diagnostics; /* of OtDiagnostic */
  guint n_errors;
  guint n_warnings;
  char *hash;        /* SHA-256 of the files' names and contents, in order; set by the loader */
  GChecksum *checksum; /* the loader's running hash; NULL once hash is set */
};

OtDataset *ot_dataset_new (void);
void ot_dataset_free (OtDataset *dataset);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OtDataset, ot_dataset_free)

/* Interns text in the dataset (NULL stays NULL). */
const char *ot_dataset_intern (OtDataset *dataset, const char *text);

/* Records a problem at loc (message printf-style). */
void ot_dataset_diag (OtDataset *dataset, const OtLoc *loc, OtSeverity severity,
                      const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Adders copy the struct (its pointers must be interned or owned by the dataset from then on:
 * GPtrArray / GArray members are taken). An id defined twice is reported as an error naming
 * both places, and the second record is dropped. */
void ot_dataset_add_entity (OtDataset *dataset, const OtEntity *entity);
void ot_dataset_add_relation (OtDataset *dataset, const OtRelation *relation);
void ot_dataset_add_source (OtDataset *dataset, const OtSource *source);
void ot_dataset_add_list (OtDataset *dataset, const OtList *list);
void ot_dataset_add_policy (OtDataset *dataset, const OtPolicy *policy);

/* Copies n citations into a block owned by the dataset. */
OtCitations ot_dataset_citations (OtDataset *dataset, const OtCitation *items, guint n);

/* Resolves references, runs the semantic checks and sorts the diagnostics. Call once, after
 * every file is read. */
void ot_dataset_finish (OtDataset *dataset);

/* Lookups by id; NULL or -1 when absent. */
gint64 ot_dataset_entity_index (const OtDataset *dataset, const char *id);
const OtEntity *ot_dataset_entity (const OtDataset *dataset, guint32 index);
const OtSource *ot_dataset_source (const OtDataset *dataset, const char *id);
const OtList *ot_dataset_list (const OtDataset *dataset, const char *id);
const OtPolicy *ot_dataset_policy (const OtDataset *dataset, const char *id);

#define OT_ENTITY(ds, i) (&g_array_index ((ds)->entities, OtEntity, (i)))
#define OT_RELATION(ds, i) (&g_array_index ((ds)->relations, OtRelation, (i)))

/* Names as written in the data files, and back; -1 when unknown. */
const char *ot_kind_name (OtKind kind);
int ot_kind_parse (const char *text);
const char *ot_rel_name (OtRelType type);
int ot_rel_parse (const char *text);
const char *ot_confidence_name (OtConfidence confidence);
int ot_confidence_parse (const char *text);

/* TRUE when the relation holds on date (since <= date <= until; OT_DATE_NONE: always). */
gboolean ot_relation_valid_on (const OtRelation *relation, OtDate date);

/* Formats a share for people: "36.48 %", "25–50 %", "> 25 %, ≤ 50 %", "unknown". */
char *ot_share_format (const OtShare *share);

G_END_DECLS

#endif /* OT_MODEL_H */
