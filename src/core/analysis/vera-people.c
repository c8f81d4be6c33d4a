/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-people"

#include "config.h"

#include <string.h>

#include "vera-people.h"
#include "vera-tokens.h"

/* General English lexicons: honorifics, job titles and roles, words that mark organisations
 * and places, and the nouns and verbs of vague attribution. */

static const char * const honorifics[] = {
  "dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame", "lord", "lady", "rev", "fr", "gen",
  "col", "capt", "lt", "sgt", "hon", "madam", "professor", "doctor", NULL
};

static const char * const role_nouns[] = {
  "ceo", "cfo", "cto", "coo", "chairman", "chairwoman", "chair", "chairperson", "president",
  "vice-president", "director", "head", "chief", "dean", "professor", "lecturer", "researcher",
  "scientist", "economist", "analyst", "strategist", "engineer", "founder", "co-founder",
  "cofounder", "partner", "investor", "capitalist", "entrepreneur", "executive", "manager",
  "spokesperson", "spokesman", "spokeswoman", "official", "minister", "secretary", "mayor",
  "governor", "senator", "representative", "lawmaker", "ambassador", "diplomat", "commissioner",
  "judge", "lawyer", "attorney", "physician", "surgeon", "nurse", "teacher", "student",
  "graduate", "phd", "fellow", "expert", "adviser", "advisor", "consultant", "author", "writer",
  "journalist", "editor", "reporter", "correspondent", "columnist", "historian", "architect",
  "designer", "developer", "programmer", "officer", "general", "colonel", "captain",
  "commander", "chancellor", "premier", "leader", "deputy", "owner", "coach", "artist",
  "activist", "campaigner", "organiser", "organizer", "banker", "trader", "planner", "academic",
  "scholar", "inventor", "pioneer", "boss", "principal", "administrator", "coordinator",
  "supervisor", "curator", "trustee", "vp", "md", "chairs", "prime", "king", "queen", "prince",
  "princess", "pope", "bishop", "cardinal", "sheikh", "emir", "sultan", "senior", "candidate",
  "ceos", "mp", "mep", "psychologist", "sociologist", "physicist", "chemist", "biologist",
  "mathematician", "statistician", "demographer", "epidemiologist", "virologist", NULL
};

/* Words that make a capitalised phrase an organisation, a place or an event, not a person. */
static const char * const non_person_words[] = {
  "university", "institute", "park", "group", "bank", "inc", "corp", "corporation", "company",
  "co", "ltd", "llc", "plc", "association", "ministry", "center", "centre", "zone", "district",
  "city", "province", "road", "street", "tower", "valley", "academy", "lab", "labs",
  "laboratory", "fund", "capital", "partners", "ventures", "holdings", "technologies",
  "technology", "systems", "agency", "council", "committee", "commission", "department",
  "office", "government", "times", "news", "post", "journal", "index", "summit", "conference",
  "program", "programme", "initiative", "exchange", "alliance", "complex", "corridor", "tunnel",
  "school", "college", "hospital", "foundation", "society", "union", "party", "club", "team",
  "league", "airport", "station", "port", "river", "lake", "mountain", "island", "bay", "sea",
  "ocean", "square", "bridge", "building", "museum", "library", "church", "temple", "palace",
  "hall", "court", "senate", "congress", "parliament", "assembly", "army", "navy", "force",
  "police", "republic", "kingdom", "states", "nations", "china", "america", "europe", "asia",
  "africa", "google", "microsoft", "apple", "amazon", "tesla", "brain", "ai", "tech", "model",
  "policy", "act", "law", "report", "award", "prize", "cup", "games", "week", "day", "festival",
  "airlines", "motors", "energy", "media", "press", "network", "studio", "studios", "labs",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
  "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december", "north", "south", "east", "west", "eastern", "western", "northern",
  "southern", "central", "national", "international", "global", "new", "old", NULL
};

static const char * const vague_nouns[] = {
  "experts", "analysts", "observers", "studies", "research", "reports", "sources", "critics",
  "officials", "insiders", "economists", "scientists", "researchers", "people", "commentators",
  "pundits", "surveys", "polls", "watchers", "skeptics", "sceptics", "supporters", "opponents",
  "authorities", "specialists", "academics", "scholars", "investors", "voices", "estimates",
  "data", "figures", "statistics", "evidence", "rumours", "rumors", "many", "some", "others",
  "most", "several", "few", "everyone", "everybody", "someone", "somebody", "they", NULL
};

static const char * const vague_verbs[] = {
  "say", "says", "said", "predict", "predicts", "predicted", "believe", "believes", "believed",
  "argue", "argues", "argued", "claim", "claims", "claimed", "suggest", "suggests", "suggested",
  "show", "shows", "showed", "shown", "indicate", "indicates", "indicated", "estimate",
  "estimates", "estimated", "expect", "expects", "expected", "warn", "warns", "warned", "note",
  "notes", "noted", "agree", "agrees", "agreed", "think", "thinks", "thought", "fear", "fears",
  "feared", "contend", "contends", "insist", "insists", "insisted", "maintain", "maintains",
  "reckon", "reckons", "feel", "feels", "felt", "consider", "considers", "forecast",
  "forecasts", "found", "find", "finds", "reveal", "reveals", "revealed", "point", "points",
  "told", "tell", "tells", "describe", "describes", "worry", "worries", "worried", "doubt",
  "doubts", "question", "questions", "project", "projects", NULL
};

static const char * const vague_fillers[] = {
  "have", "has", "had", "long", "often", "widely", "generally", "also", "now", "increasingly",
  "repeatedly", "consistently", "still", "even", "already", "frequently", "privately",
  "publicly", "openly", "broadly", "all", "would", "will", "may", "might", "could", "do", "did",
  "does", "been", NULL
};

static const char * const vague_modifiers[] = {
  "many", "some", "most", "several", "numerous", "various", "certain", "other", "leading",
  "top", "independent", "industry", "market", "financial", "western", "local", "foreign",
  "international", "unnamed", "anonymous", "recent", "multiple", "countless", "senior",
  "government", "security", "legal", "health", "medical", "tech", "technology", "political",
  "prominent", "influential", "respected", "outside", "informed", "knowledgeable", "these",
  "those", "the", "previous", "earlier", "new", "more", "few", "a", "and", "policy", NULL
};

static const char * const passive_verbs[] = {
  "believed", "said", "claimed", "reported", "thought", "estimated", "expected", "rumoured",
  "rumored", "understood", "alleged", "known", "feared", "argued", "suggested", "assumed",
  "widely", "generally", "commonly", "often", NULL
};

typedef struct
{
  const char *text;
  GArray     *tokens;
  guint       n;
} Ctx;

static const VeraToken *
tok (Ctx  *ctx,
     guint i)
{
  g_assert (i < ctx->n);
  return vera_tokens_get (ctx->tokens, i);
}

static gboolean
is_word (Ctx        *ctx,
         guint       i,
         const char *word)
{
  return i < ctx->n && vera_token_is (ctx->text, tok (ctx, i), word);
}

static gboolean
in_list (Ctx                *ctx,
         guint               i,
         const char * const *list)
{
  return i < ctx->n && vera_token_in (ctx->text, tok (ctx, i), list);
}

static gboolean
is_punct (Ctx      *ctx,
          guint     i,
          gunichar  c)
{
  return i < ctx->n && tok (ctx, i)->kind == VERA_TOKEN_PUNCT && tok (ctx, i)->ch == c;
}

/* A token that may be part of a personal name: a capitalised word, not an acronym, not a
 * function word or an organisation word. */
static gboolean
is_name_token (Ctx  *ctx,
               guint i)
{
  const VeraToken *t;

  if (i >= ctx->n)
    return FALSE;
  t = tok (ctx, i);
  if (t->kind != VERA_TOKEN_WORD || !(t->flags & VERA_TOKEN_CAPITAL) ||
      (t->flags & VERA_TOKEN_UPPER) || t->end - t->start < 2)
    return FALSE;
  for (gsize k = t->start; k < t->end; k++)
    if (g_ascii_isdigit (ctx->text[k]) || ctx->text[k] == '&')
      return FALSE;
  if (vera_token_has_suffix (ctx->text, t, "'s") ||
      vera_token_has_suffix (ctx->text, t, "\xe2\x80\x99s"))
    return FALSE;
  return !vera_token_is_function_word (ctx->text, t) &&
         !in_list (ctx, i, non_person_words) && !in_list (ctx, i, honorifics) &&
         !in_list (ctx, i, role_nouns) && !vera_token_is_speech_verb (ctx->text, t);
}

/* The run of name tokens from @i on, at most three. */
static guint
name_length (Ctx  *ctx,
             guint i)
{
  guint n = 0;

  while (n < 3 && is_name_token (ctx, i + n))
    n++;
  /* A run that goes on past three capitalised words is a title or an organisation. */
  if (n == 3 && i + 3 < ctx->n && (tok (ctx, i + 3)->flags & VERA_TOKEN_CAPITAL) &&
      tok (ctx, i + 3)->kind == VERA_TOKEN_WORD)
    return 0;
  return n;
}

static gboolean
is_honorific_at (Ctx   *ctx,
                 guint  i,
                 guint *after)
{
  if (!in_list (ctx, i, honorifics) || !(tok (ctx, i)->flags & VERA_TOKEN_CAPITAL))
    return FALSE;
  *after = i + 1;
  if (is_punct (ctx, i + 1, '.'))
    *after = i + 2;
  return TRUE;
}

static char *
span_text (Ctx   *ctx,
           guint  first,
           guint  last)
{
  return g_strndup (ctx->text + tok (ctx, first)->start,
                    tok (ctx, last)->end - tok (ctx, first)->start);
}

/* The role that precedes a name: from the role noun at @role_last back over the words of its
 * noun phrase ("Tsinghua University urban studies professor"), stopping at punctuation, speech
 * verbs and function words. */
static guint
role_start (Ctx   *ctx,
            guint  role_last)
{
  guint first = role_last;

  while (first > 0 && role_last - first < 7)
    {
      const VeraToken *p = tok (ctx, first - 1);

      if (p->kind != VERA_TOKEN_WORD || vera_token_is_speech_verb (ctx->text, p) ||
          vera_token_is_function_word (ctx->text, p) || is_word (ctx, first - 1, "is") ||
          is_word (ctx, first - 1, "was") || is_word (ctx, first - 1, "are"))
        break;
      first--;
    }
  return first;
}

/* The apposition after a name: ", Dean of …", ", a professor at …", ", CEO of X". */
static char *
apposition (Ctx    *ctx,
            guint   after,
            guint  *end_out)
{
  guint first, last, k;
  gboolean role_seen = FALSE;

  if (!is_punct (ctx, after, ','))
    return NULL;
  first = after + 1;
  k = first;
  if (is_word (ctx, k, "a") || is_word (ctx, k, "an") || is_word (ctx, k, "the"))
    k++;
  for (guint j = k; j < ctx->n && j < k + 4; j++)
    if (in_list (ctx, j, role_nouns))
      {
        role_seen = TRUE;
        break;
      }
    else if (tok (ctx, j)->kind != VERA_TOKEN_WORD)
      break;
  if (!role_seen)
    return NULL;
  last = first;
  for (k = first; k < ctx->n && k < first + 14; k++)
    {
      const VeraToken *t = tok (ctx, k);

      if (t->kind == VERA_TOKEN_PUNCT && t->ch != '&' && t->ch != '-' && t->ch != '\'')
        break;
      if (k > first && (vera_token_is_speech_verb (ctx->text, t) || is_word (ctx, k, "who")))
        break;
      last = k;
    }
  *end_out = last;
  return span_text (ctx, first, last);
}

static void
add_person (GPtrArray  *people,
            Ctx        *ctx,
            guint       name_first,
            guint       name_len,
            const char *honorific,
            const char *pre_role,
            const char *post_role)
{
  g_autofree char *name = span_text (ctx, name_first, name_first + name_len - 1);
  GString *role = g_string_new (NULL);
  VeraPerson *person;

  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (((VeraPerson *) people->pdata[i])->name, name))
      {
        g_string_free (role, TRUE);
        return;
      }
  if (honorific != NULL)
    g_string_append (role, honorific);
  if (pre_role != NULL)
    g_string_append_printf (role, "%s%s", role->len > 0 ? ", " : "", pre_role);
  if (post_role != NULL)
    g_string_append_printf (role, "%s%s", role->len > 0 ? ", " : "", post_role);
  person = vera_person_new (name, role->len > 0 ? role->str : NULL);
  person->start = tok (ctx, name_first)->cp_start;
  person->end = tok (ctx, name_first + name_len - 1)->cp_end;
  g_ptr_array_add (people, person);
  g_string_free (role, TRUE);
}

/* Marks as quoted the person nearest to a speech verb or to a colon that opens a quote, when
 * the sentence holds quoted words. */
static void
mark_quoted (Ctx       *ctx,
             GPtrArray *people)
{
  guint n_quotes = 0, open = G_MAXUINT;
  gboolean speech = FALSE;
  guint cue = G_MAXUINT;
  VeraPerson *best = NULL;
  guint best_dist = G_MAXUINT;

  if (people->len == 0)
    return;
  for (guint i = 0; i < ctx->n; i++)
    {
      if (vera_token_is_quote (tok (ctx, i)))
        {
          if (open == G_MAXUINT)
            {
              open = i;
              if (i > 0 && is_punct (ctx, i - 1, ':') && cue == G_MAXUINT)
                cue = i - 1;
            }
          else
            {
              /* Scare quotes around a name ("Golden Visa" scheme) are not speech. */
              if (i - open > 4)
                speech = TRUE;
              open = G_MAXUINT;
            }
          n_quotes++;
        }
      else if (cue == G_MAXUINT && vera_token_is_speech_verb (ctx->text, tok (ctx, i)))
        cue = i;
    }
  if (open != G_MAXUINT && ctx->n - open > 4)
    speech = TRUE;
  if (!speech || cue == G_MAXUINT || people->len == 0)
    return;
  for (guint p = 0; p < people->len; p++)
    {
      VeraPerson *person = people->pdata[p];
      guint cue_cp = tok (ctx, cue)->cp_start;
      guint dist = person->start > cue_cp ? person->start - cue_cp : cue_cp - person->end;

      if (dist < best_dist)
        {
          best_dist = dist;
          best = person;
        }
    }
  best->quoted = TRUE;
}

GPtrArray *
vera_people_extract (const char *sentence,
                     gsize       len)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
  Ctx ctx = { 0, };

  g_return_val_if_fail (sentence != NULL || len == 0, people);

  ctx.text = sentence;
  ctx.tokens = vera_tokens_split (sentence, len);
  ctx.n = ctx.tokens->len;

  for (guint i = 0; i < ctx.n; i++)
    {
      guint after = i, name_len, end = 0;
      g_autofree char *honorific = NULL;
      g_autofree char *pre_role = NULL;
      g_autofree char *post_role = NULL;
      gboolean cue = FALSE;
      guint name_first;

      if (!is_name_token (&ctx, i) && !is_honorific_at (&ctx, i, &after))
        continue;

      if (after != i)
        {
          /* "Dr. Chen Lin" */
          honorific = span_text (&ctx, i, after - 1);
          name_first = after;
          name_len = name_length (&ctx, name_first);
          if (name_len == 0)
            continue;
          cue = TRUE;
        }
      else
        {
          name_first = i;
          name_len = name_length (&ctx, i);
          if (name_len == 0)
            continue;
        }

      /* A role just before: "partner Michael Yu", "Mayor Gong Zheng", "head Dr. Liang". */
      if (i > 0 && in_list (&ctx, i - 1, role_nouns))
        {
          guint first = role_start (&ctx, i - 1);

          pre_role = span_text (&ctx, first, i - 1);
          cue = TRUE;
        }
      /* A role after: "Chen Lin, Dean of …". */
      post_role = apposition (&ctx, name_first + name_len, &end);
      if (post_role != NULL)
        cue = TRUE;
      /* A speech verb beside: "said Zhang Wei", "Zhang Wei said", "according to Li Ming". */
      if (!cue && i > 0 &&
          (vera_token_is_speech_verb (ctx.text, tok (&ctx, i - 1)) ||
           (is_word (&ctx, i - 1, "to") && i > 1 && is_word (&ctx, i - 2, "according"))))
        cue = TRUE;
      if (!cue && name_first + name_len < ctx.n &&
          vera_token_is_speech_verb (ctx.text, tok (&ctx, name_first + name_len)) &&
          !is_word (&ctx, name_first + name_len, "according"))
        cue = TRUE;
      /* Names need two words unless an honorific stands before them: "Dr. Smith" is a person,
       * "leader SenseTime" or "Smith said" may not be. */
      if (!cue || (name_len < 2 && honorific == NULL))
        {
          i = name_first + (name_len > 0 ? name_len - 1 : 0);
          continue;
        }
      add_person (people, &ctx, name_first, name_len, honorific, pre_role, post_role);
      i = post_role != NULL ? end : name_first + name_len - 1;
    }

  mark_quoted (&ctx, people);
  g_array_unref (ctx.tokens);
  return people;
}

static void
add_span (GArray *spans,
          Ctx    *ctx,
          guint   first,
          guint   last)
{
  VeraVagueSpan span = { tok (ctx, first)->start, tok (ctx, last)->end, 0 };

  if (spans->len > 0 && g_array_index (spans, VeraVagueSpan, spans->len - 1).end > span.start)
    return;
  g_array_append_val (spans, span);
}

GArray *
vera_vague_sources_find (const char *sentence,
                         gsize       len)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (VeraVagueSpan));
  Ctx ctx = { 0, };

  g_return_val_if_fail (sentence != NULL || len == 0, spans);

  ctx.text = sentence;
  ctx.tokens = vera_tokens_split (sentence, len);
  ctx.n = ctx.tokens->len;

  for (guint i = 0; i < ctx.n; i++)
    {
      /* "it is believed that", "it has been reported" */
      if (is_word (&ctx, i, "it") && (is_word (&ctx, i + 1, "is") || is_word (&ctx, i + 1, "was") ||
                                      is_word (&ctx, i + 1, "has")))
        {
          guint k = i + 2;

          if (is_word (&ctx, k, "been"))
            k++;
          if (in_list (&ctx, k, passive_verbs))
            {
              if (!vera_token_has_suffix (ctx.text, tok (&ctx, k), "ed") &&
                  !is_word (&ctx, k, "said") && !is_word (&ctx, k, "thought") &&
                  !is_word (&ctx, k, "known") && !is_word (&ctx, k, "understood"))
                k++;  /* "widely believed" */
              if (in_list (&ctx, k, passive_verbs) && !is_word (&ctx, k, "known"))
                {
                  add_span (spans, &ctx, i, k);
                  i = k;
                  continue;
                }
            }
        }

      /* "according to experts", "according to industry sources" */
      if (is_word (&ctx, i, "according") && is_word (&ctx, i + 1, "to"))
        {
          guint k = i + 2;

          while (in_list (&ctx, k, vague_modifiers) && k < i + 5)
            k++;
          if (in_list (&ctx, k, vague_nouns) && !in_list (&ctx, k, vague_modifiers))
            {
              add_span (spans, &ctx, i, k);
              i = k;
              continue;
            }
        }

      if (is_word (&ctx, i, "reportedly") || is_word (&ctx, i, "allegedly"))
        {
          add_span (spans, &ctx, i, i);
          continue;
        }

      /* "industry experts predict", "studies show", "some believe", "many people say" */
      if (in_list (&ctx, i, vague_nouns))
        {
          guint first = i, k = i + 1;
          const VeraToken *t = tok (&ctx, i);

          /* "Goldman Sachs analysts say" names its source. */
          if (i > 0 && (tok (&ctx, i - 1)->flags & VERA_TOKEN_CAPITAL) &&
              !vera_token_is_function_word (ctx.text, tok (&ctx, i - 1)) &&
              !in_list (&ctx, i - 1, vague_modifiers))
            continue;
          /* "the data" or "some of the" are not sources by themselves. */
          if (is_word (&ctx, k, "of"))
            continue;
          while (first > 0 && in_list (&ctx, first - 1, vague_modifiers) &&
                 !is_word (&ctx, first - 1, "the") && !is_word (&ctx, first - 1, "a") &&
                 !is_word (&ctx, first - 1, "and") && i - first < 3)
            first--;
          if (is_word (&ctx, i, "they") || is_word (&ctx, i, "data") ||
              is_word (&ctx, i, "figures") || is_word (&ctx, i, "evidence") ||
              is_word (&ctx, i, "research"))
            {
              /* Only with a vague modifier or on their own at the start: "some research
               * suggests", "Research shows". */
              if (first == i && i != 0)
                continue;
            }
          if ((t->flags & VERA_TOKEN_CAPITAL) && i > 0 && first == i &&
              !vera_token_is_function_word (ctx.text, tok (&ctx, i)))
            continue;
          while (in_list (&ctx, k, vague_fillers) && k < i + 4)
            k++;
          if (in_list (&ctx, k, vague_verbs) &&
              !(is_word (&ctx, k, "point") || is_word (&ctx, k, "points")) ? TRUE :
              ((is_word (&ctx, k, "point") || is_word (&ctx, k, "points")) &&
               is_word (&ctx, k + 1, "out")))
            {
              guint last = k;

              if (is_word (&ctx, k + 1, "out"))
                last++;
              add_span (spans, &ctx, first, last);
              i = last;
              continue;
            }
          if (is_word (&ctx, i, "sources") && is_word (&ctx, i + 1, "close") &&
              is_word (&ctx, i + 2, "to"))
            {
              add_span (spans, &ctx, first, i + 2);
              i += 2;
            }
        }
    }

  g_array_unref (ctx.tokens);
  return spans;
}

gboolean
vera_people_is_role_word (const char *word,
                          gsize       len)
{
  g_return_val_if_fail (word != NULL, FALSE);

  for (guint i = 0; role_nouns[i] != NULL; i++)
    if (vera_word_equal (word, len, role_nouns[i]))
      return TRUE;
  return FALSE;
}
