/* Verdicts as text for people: the verdict line, the entity, then per list the reasons with
 * their entries, sums and steps in aligned columns. */
#include "config.h"

#include "trace.h"

#include <string.h>

#include "trace-private.h"

static const char *
paint (gboolean colour, const char *code)
{
  return colour ? code : "";
}

const char *
ot_level_colour (OtLevel level)
{
  static const char *const codes[] = {
    [OT_LEVEL_CLEAR] = "\033[1;32m",
    [OT_LEVEL_UNRESOLVED] = "\033[1;35m",
    [OT_LEVEL_EXPOSED] = "\033[1;33m",
    [OT_LEVEL_RESTRICTED] = "\033[1;31m",
  };
  return codes[level];
}

static char *
citations_text (const OtDataset *ds, const OtCitations *cites)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < cites->len; i++)
    {
      const OtCitation *c = &cites->items[i];
      const OtSource *src = ot_dataset_source (ds, c->source);
      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, src != NULL && src->title != NULL ? src->title : c->source);
      if (c->record != NULL)
        g_string_append_printf (s, " #%s", c->record);
    }
  return g_string_free (s, FALSE);
}

static char *
dates_text (OtDate since, OtDate until)
{
  char a[11], b[11];
  if (since && until)
    return g_strdup_printf ("%s..%s", ot_date_format (since, a), ot_date_format (until, b));
  if (since)
    return g_strdup_printf ("since %s", ot_date_format (since, a));
  if (until)
    return g_strdup_printf ("until %s", ot_date_format (until, b));
  return g_strdup ("");
}

static char *
relation_text (const OtRelation *r, const OtStep *step)
{
  if (r->type != OT_REL_OWNS)
    return g_strdup (ot_rel_name (r->type));
  g_autofree char *share = ot_share_format (&r->share);
  if (step != NULL && step->n_holding > 1)
    {
      OtShare h = { .form = OT_SHARE_RANGE, .min = step->min, .max = step->max };
      g_autofree char *range = ot_share_format (&h);
      return g_strdup_printf ("owns %s (holding %s, %u records)", share, range, step->n_holding);
    }
  return g_strdup_printf ("owns %s", share);
}

/* Lines of aligned columns: from, relation, to, dates, confidence, sources. */
void
ot_steps_format (GString *out, const OtDataset *ds, const OtStep *steps, guint n,
                 const char *indent)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gsize width[4] = { 0 };
  for (guint i = 0; i < n; i++)
    {
      const OtRelation *r = OT_RELATION (ds, steps[i].relation);
      char *c[4] = { g_strdup (r->from_id), relation_text (r, &steps[i]), g_strdup (r->to_id),
                     dates_text (r->since, r->until) };
      for (int k = 0; k < 4; k++)
        {
          width[k] = MAX (width[k], (gsize)g_utf8_strlen (c[k], -1));
          g_ptr_array_add (cells, c[k]);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      const OtRelation *r = OT_RELATION (ds, steps[i].relation);
      g_string_append (out, indent);
      for (int k = 0; k < 4; k++)
        {
          const char *c = g_ptr_array_index (cells, i * 4 + k);
          g_string_append (out, c);
          if (width[k] > 0)
            for (gsize pad = g_utf8_strlen (c, -1); pad < width[k] + 2; pad++)
              g_string_append_c (out, ' ');
        }
      g_autofree char *cites = citations_text (ds, &r->sources);
      g_string_append_printf (out, "%-9s  %s", ot_confidence_name (r->confidence), cites);
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

static void
reason_header (GString *out, const OtTrace *t, const OtReason *r, gboolean colour)
{
  const OtList *list = g_ptr_array_index (t->lists, r->list);
  static const char *const codes[] = {
    [OT_REASON_RESTRICTED] = "\033[31m",
    [OT_REASON_POSSIBLY] = "\033[33m",
    [OT_REASON_EXPOSED] = "\033[33m",
  };
  g_string_append_printf (out, "  %s (%s): %s%s%s", list->id, list->name ? list->name : list->id,
                          paint (colour, codes[r->status]), ot_reason_status_name (r->status),
                          paint (colour, "\033[0m"));
  if (r->status == OT_REASON_EXPOSED)
    {
      const OtScope *scope = ot_reach_scope (g_ptr_array_index (t->reaches, r->list));
      gboolean counts_stakes = scope != NULL && scope->has_ownership;
      static const char *const why[] = {
        [OT_TIE_STAKE] = "a stake below the threshold",
        [OT_TIE_CONTROL] = "control, which this list does not count",
        [OT_TIE_MADE_BY] = "made by a restricted maker, which this list does not count",
        [OT_TIE_ENDED] = "a tie that ended before the date",
        [OT_TIE_REMOVED] = "its listing was removed before the date",
      };
      g_string_append_printf (out, " (%s)",
                              r->tie == OT_TIE_STAKE && !counts_stakes
                                  ? "a stake, which this list does not count"
                                  : why[r->tie]);
    }
  g_string_append_c (out, '\n');
}

/* One chain: its sums, its entry and its steps; number is 0 when it is the only one. */
static void
reason_body (GString *out, const OtTrace *t, const OtReason *r, const OtReason *prev, guint number)
{
  const OtDataset *ds = t->dataset;
  const OtList *list = g_ptr_array_index (t->lists, r->list);
  g_autofree char *lead = number ? g_strdup_printf ("    %u. ", number) : g_strdup ("    ");
  g_autofree char *indent = g_strnfill (strlen (lead), ' ');
  const char *first = lead;
  for (guint i = 0; i < r->sums->len; i++)
    {
      OtSum *sum = g_ptr_array_index (r->sums, i);
      if (prev != NULL && g_ptr_array_find (prev->sums, sum, NULL))
        continue; /* shown with the chain before, which shares it */
      g_autofree char *text = ot_sum_format (sum, ds);
      g_string_append_printf (out, "%ssum    %s\n", first, text);
      first = indent;
    }
  if (r->entry >= 0)
    {
      const OtEntry *en = &g_array_index (list->entries, OtEntry, r->entry);
      g_autofree char *dates = NULL;
      char a[11], b[11];
      if (en->removed)
        dates = g_strdup_printf ("listed %s, removed %s",
                                 en->listed ? ot_date_format (en->listed, a) : "(no date)",
                                 ot_date_format (en->removed, b));
      else
        dates = g_strdup_printf ("listed %s",
                                 en->listed ? ot_date_format (en->listed, a) : "(no date)");
      g_autofree char *cites = citations_text (ds, &en->sources);
      g_string_append_printf (out, "%sentry  %s, %s  %s\n", first, en->entity_id, dates, cites);
    }
  else
    g_string_append_printf (out, "%sentry  (counted as listed)\n", first);
  ot_steps_format (out, ds, (const OtStep *)r->path->data, r->path->len, indent);
}

static gboolean
same_group (const OtReason *a, const OtReason *b)
{
  return a->list == b->list && a->status == b->status
         && (a->status != OT_REASON_EXPOSED || a->tie == b->tie);
}

void
ot_reason_format (GString *out, const OtTrace *t, const OtReason *r, gboolean colour)
{
  reason_header (out, t, r, colour);
  reason_body (out, t, r, NULL, 0);
}

void
ot_verdict_format (GString *out, const OtTrace *t, const OtVerdict *v, gboolean colour)
{
  const OtDataset *ds = t->dataset;
  const OtResolution *res = &v->resolution;
  if (res->entity < 0)
    {
      ot_resolution_format (out, ds, v->query, res, paint (colour, ot_level_colour (v->level)),
                            paint (colour, "\033[0m"));
      return;
    }
  g_string_append_printf (out, "%s: %s%s%s", v->query, paint (colour, ot_level_colour (v->level)),
                          ot_level_name (v->level), paint (colour, "\033[0m"));
  const OtEntity *e = OT_ENTITY (ds, res->entity);
  g_string_append_printf (out, "\n  %s (%s %s, matched by %s)\n", e->name, ot_kind_name (e->kind),
                          e->id, ot_match_kind_name (res->kind));
  for (guint i = 0; res->others != NULL && i < res->others->len; i++)
    {
      const OtEntity *o = OT_ENTITY (ds, g_array_index (res->others, guint32, i));
      g_string_append_printf (out, "  also matched  %s  %s (%s)\n", o->id, o->name,
                              ot_kind_name (o->kind));
    }
  /* reasons of one list and status under one heading, their chains numbered */
  for (guint i = 0; i < v->reasons->len;)
    {
      const OtReason *r = g_ptr_array_index (v->reasons, i);
      guint j = i + 1;
      while (j < v->reasons->len && same_group (r, g_ptr_array_index (v->reasons, j)))
        j++;
      reason_header (out, t, r, colour);
      for (guint k = i; k < j; k++)
        reason_body (out, t, g_ptr_array_index (v->reasons, k),
                     k > i ? g_ptr_array_index (v->reasons, k - 1) : NULL,
                     j - i > 1 ? k - i + 1 : 0);
      i = j;
    }
}

char *
ot_trace_checked_text (const OtTrace *t)
{
  g_autofree char *policy = ot_trace_policy_text (t);
  char d[11];
  guint files = t->dataset->files ? t->dataset->files->len : 0;
  return g_strdup_printf ("checked against %s (%u list%s), as of %s, dataset of %u file%s, "
                          "sha256 %s",
                          policy, t->lists->len, t->lists->len == 1 ? "" : "s",
                          ot_date_format (t->as_of, d), files, files == 1 ? "" : "s",
                          t->dataset->hash ? t->dataset->hash : "(none)");
}
