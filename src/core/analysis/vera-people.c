/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-people"

#include "config.h"

#include <string.h>

#include "vera-people.h"
#include "vera-people-private.h"
#include "vera-tokens.h"

/* General English lexicons: honorifics, job titles and roles, words that mark organisations
 * and places, and the nouns and verbs of vague attribution. */

static const char * const honorifics[] = {
  "capt", "col", "dame", "doctor", "dr", "fr", "gen", "hon", "lady", "lord", "lt", "madam", "mr",
  "mrs", "ms", "mx", "prof", "professor", "rev", "sgt", "sir", NULL
};

static const char * const role_nouns[] = {
  "academic", "activist", "administrator", "adviser", "advisor", "ambassador", "analyst",
  "architect", "artist", "attorney", "author", "banker", "biologist", "bishop", "boss",
  "campaigner", "candidate", "capitalist", "captain", "cardinal", "ceo", "ceos", "cfo", "chair",
  "chairman", "chairperson", "chairs", "chairwoman", "chancellor", "chemist", "chief",
  "co-founder", "coach", "cofounder", "colonel", "columnist", "commander", "commissioner",
  "consultant", "coo", "coordinator", "correspondent", "cto", "curator", "dean", "demographer",
  "deputy", "designer", "developer", "diplomat", "director", "economist", "editor", "emir",
  "engineer", "entrepreneur", "epidemiologist", "executive", "expert", "fellow", "founder",
  "general", "governor", "graduate", "head", "historian", "inventor", "investor", "journalist",
  "judge", "king", "lawmaker", "lawyer", "leader", "lecturer", "manager", "mathematician",
  "mayor", "md", "mep", "minister", "mp", "nurse", "officer", "official", "organiser",
  "organizer", "owner", "partner", "phd", "physician", "physicist", "pioneer", "planner", "pope",
  "premier", "president", "prince", "princess", "principal", "professor", "programmer",
  "psychologist", "queen", "reporter", "representative", "researcher", "scholar", "scientist",
  "secretary", "senator", "senior", "sheikh", "sociologist", "spokesman", "spokesperson",
  "spokeswoman", "statistician", "strategist", "student", "sultan", "supervisor", "surgeon",
  "teacher", "trader", "trustee", "vice-president", "virologist", "vp", "writer", NULL
};

/* Words that make a capitalised phrase an organisation, a place or an event, not a person. */
static const char * const non_person_words[] = {
  "academy", "act", "africa", "agence", "agency", "ai", "airlines", "airport", "airways",
  "alliance", "amazon", "america", "analytics", "apple", "april", "army", "asia", "assembly",
  "associated", "association", "august", "award", "bancorp", "bank", "bay", "bloomberg", "brain",
  "bridge", "building", "capital", "center", "central", "centre", "china", "chronicle", "church",
  "city", "club", "co", "college", "commission", "committee", "communications", "company",
  "complex", "conference", "congress", "consulting", "corp", "corporation", "corridor", "council",
  "court", "cup", "daily", "day", "december", "department", "digital", "district", "eagle",
  "east", "eastern", "electric", "energy", "entertainment", "europe", "exchange", "february",
  "festival", "finance", "foods", "force", "foundation", "friday", "fund", "games", "gas",
  "gazette", "global", "google", "government", "group", "guardian", "hall", "herald", "holdings",
  "hospital", "inc", "index", "initiative", "institute", "insurance", "intelligence",
  "international", "island", "january", "journal", "july", "june", "kingdom", "lab", "laboratory",
  "labs", "lake", "law", "league", "library", "llc", "ltd", "magazine", "march", "markets", "may",
  "media", "microsoft", "mining", "ministry", "model", "monday", "motors", "mountain", "museum",
  "national", "nations", "navy", "network", "networks", "new", "news", "north", "northern",
  "november", "observer", "ocean", "october", "office", "oil", "old", "palace", "park",
  "parliament", "partners", "party", "pharma", "pictures", "plc", "police", "policy", "port",
  "post", "press", "prize", "program", "programme", "province", "records", "report", "republic",
  "research", "reuters", "review", "river", "road", "robotics", "saturday", "school", "sea",
  "securities", "senate", "september", "society", "software", "solutions", "south", "southern",
  "square", "states", "station", "steel", "street", "studio", "studios", "summit", "sunday",
  "systems", "team", "tech", "technologies", "technology", "telegraph", "temple", "tesla",
  "thursday", "times", "tower", "tribune", "trust", "tuesday", "tunnel", "union", "university",
  "valley", "ventures", "wednesday", "week", "weekly", "west", "western", "wire", "zone", NULL
};

/* Words that open a clause, not a role, after a name and a comma. */
static const char * const apposition_stops[] = {
  "he", "her", "him", "his", "it", "its", "she", "that", "them", "they", "when", "where",
  "which", "who", "whom", "whose", NULL
};

static const char * const vague_nouns[] = {
  "academics", "analyst", "analysts", "authorities", "commentators", "critics", "data",
  "economists", "estimates", "everybody", "everyone", "evidence", "expert", "experts", "few",
  "figures", "insider", "insiders", "investors", "many", "most", "observers", "official",
  "officials", "opponents", "others", "people", "person", "polls", "pundits", "reports",
  "research", "researchers", "rumors", "rumours", "sceptics", "scholars", "scientists", "several",
  "skeptics", "some", "somebody", "someone", "source", "sources", "specialists", "statistics",
  "studies", "supporters", "surveys", "voices", "watchers", NULL
};

static const char * const vague_verbs[] = {
  "agree", "agreed", "agrees", "argue", "argued", "argues", "believe", "believed", "believes",
  "claim", "claimed", "claims", "consider", "considers", "contend", "contends", "describe",
  "describes", "doubt", "doubts", "estimate", "estimated", "estimates", "expect", "expected",
  "expects", "fear", "feared", "fears", "feel", "feels", "felt", "find", "finds", "forecast",
  "forecasts", "found", "indicate", "indicated", "indicates", "insist", "insisted", "insists",
  "maintain", "maintains", "note", "noted", "notes", "point", "points", "predict", "predicted",
  "predicts", "project", "projects", "question", "questions", "reckon", "reckons", "reveal",
  "revealed", "reveals", "said", "say", "says", "show", "showed", "shown", "shows", "suggest",
  "suggested", "suggests", "tell", "tells", "think", "thinks", "thought", "told", "warn",
  "warned", "warns", "worried", "worries", "worry", NULL
};

static const char * const vague_fillers[] = {
  "all", "already", "also", "been", "broadly", "consistently", "could", "did", "do", "does",
  "even", "frequently", "generally", "had", "has", "have", "increasingly", "long", "may", "might",
  "now", "often", "openly", "privately", "publicly", "repeatedly", "still", "widely", "will",
  "would", NULL
};

static const char * const vague_modifiers[] = {
  "a", "and", "anonymous", "certain", "countless", "earlier", "few", "financial", "foreign",
  "government", "health", "independent", "industry", "influential", "informed", "international",
  "knowledgeable", "leading", "legal", "local", "many", "market", "medical", "more", "most",
  "multiple", "new", "numerous", "other", "outside", "policy", "political", "previous",
  "prominent", "recent", "respected", "security", "senior", "several", "some", "tech",
  "technology", "the", "these", "those", "top", "unnamed", "various", "western", NULL
};

static const char * const passive_verbs[] = {
  "alleged", "argued", "assumed", "believed", "claimed", "commonly", "estimated", "expected",
  "feared", "generally", "known", "often", "reported", "rumored", "rumoured", "said", "suggested",
  "thought", "understood", "widely", NULL
};

typedef struct
{
  const char *text;
  GArray     *tokens;
  guint       n;
} Ctx;

static GPtrArray *extract_en    (const char *sentence,
                                 gsize       len,
                                 GArray     *tokens);
static GArray    *find_vague_en (const char *sentence,
                                 gsize       len,
                                 GArray     *tokens);

static void
ctx_init (Ctx        *ctx,
          const char *text,
          gsize       len,
          GArray     *tokens)
{
  ctx->text = text;
  ctx->tokens = tokens != NULL ? g_array_ref (tokens) : vera_tokens_split (text, len);
  ctx->n = ctx->tokens->len;
}

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
in_sorted (Ctx                *ctx,
           guint               i,
           const char * const *list,
           gsize               n)
{
  return i < ctx->n && vera_token_in_sorted (ctx->text, tok (ctx, i), list, n);
}

/* Every lexicon of this file is sorted, so that a look-up is a binary search. */
#define in_list(ctx, i, list) in_sorted ((ctx), (i), (list), VERA_LEXICON_SIZE (list))

static gboolean
is_punct (Ctx      *ctx,
          guint     i,
          gunichar  c)
{
  return i < ctx->n && tok (ctx, i)->kind == VERA_TOKEN_PUNCT && tok (ctx, i)->ch == c;
}

/* A job or title, also inside a hyphenated word: "Secretary-General", "vice-chairman". */
static gboolean
is_role_token (Ctx  *ctx,
               guint i)
{
  const VeraToken *t;
  const char *w, *end, *part;

  if (i >= ctx->n)
    return FALSE;
  t = tok (ctx, i);
  if (t->kind != VERA_TOKEN_WORD)
    return FALSE;
  if (vera_token_in_sorted (ctx->text, t, role_nouns, VERA_LEXICON_SIZE (role_nouns)))
    return TRUE;
  w = ctx->text + t->start;
  end = ctx->text + t->end;
  for (part = w; part < end; )
    {
      const char *dash = memchr (part, '-', end - part);
      const char *stop = dash != NULL ? dash : end;

      if (stop > part && vera_people_is_role_word (part, stop - part) &&
          !(part == w && stop == end))
        return TRUE;
      part = stop + 1;
    }
  return FALSE;
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
         !is_role_token (ctx, i) && !vera_token_is_speech_verb (ctx->text, t);
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
      /* "voted to impeach President Yoon": a verb after "to" is not part of the role. */
      if (!(p->flags & VERA_TOKEN_CAPITAL) && first >= 2 &&
          (is_word (ctx, first - 2, "to") || in_list (ctx, first - 2, apposition_stops)))
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
  /* "John Smith, 45, a teacher": skip the age. */
  if (first + 1 < ctx->n && tok (ctx, first)->kind == VERA_TOKEN_NUMBER && is_punct (ctx, first + 1, ','))
    first += 2;
  k = first;
  if (is_word (ctx, k, "a") || is_word (ctx, k, "an") || is_word (ctx, k, "the"))
    k++;
  /* The role noun comes first or after a few modifiers, none of them a verb or a pronoun:
   * ", chief economist at …" but not ", who advises …" or ", called him the author". */
  for (guint j = k; j < ctx->n && j < k + 4; j++)
    if (is_role_token (ctx, j))
      {
        role_seen = TRUE;
        break;
      }
    else if (tok (ctx, j)->kind != VERA_TOKEN_WORD || in_list (ctx, j, apposition_stops) ||
             vera_token_has_suffix (ctx->text, tok (ctx, j), "ed") ||
             vera_token_is_speech_verb (ctx->text, tok (ctx, j)))
      break;
  if (!role_seen)
    return NULL;
  last = first;
  for (k = first; k < ctx->n && k < first + 14; k++)
    {
      const VeraToken *t = tok (ctx, k);

      if (t->kind == VERA_TOKEN_PUNCT && t->ch != '&' && t->ch != '-' && t->ch != '\'')
        break;
      if (k > first && (vera_token_is_speech_verb (ctx->text, t) || in_list (ctx, k, apposition_stops)))
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
  return vera_people_extract_tokens (sentence, len, NULL, VERA_LANGUAGE_EN);
}

GPtrArray *
vera_people_extract_tokens (const char   *sentence,
                            gsize         len,
                            GArray       *tokens,
                            VeraLanguage  language)
{
  g_return_val_if_fail (sentence != NULL || len == 0,
                        g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free));

  switch (language)
    {
    case VERA_LANGUAGE_DE:
      return vera_people_extract_de (sentence, len, tokens);
    case VERA_LANGUAGE_ZH:
      return vera_people_extract_zh (sentence, len);
    case VERA_LANGUAGE_UND:
    case VERA_LANGUAGE_EN:
    case VERA_LANGUAGE_OTHER:
    default:
      return extract_en (sentence, len, tokens);
    }
}

static GPtrArray *
extract_en (const char *sentence,
            gsize       len,
            GArray     *tokens)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
  Ctx ctx = { 0, };

  ctx_init (&ctx, sentence, len, tokens);

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
      if (i > 0 && is_role_token (&ctx, i - 1))
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
      /* "Zhang Wei said": a speech verb alone is a weak cue; organisations often have three
       * words or more ("Hong Kong Disneyland said"). */
      if (!cue && name_len == 2 && name_first + name_len < ctx.n &&
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

/* "data from Coresight Research", "a study by the Lancet": the source is named after all. */
static gboolean
names_source_after (Ctx   *ctx,
                    guint  i)
{
  if (!(is_word (ctx, i, "from") || is_word (ctx, i, "by") || is_word (ctx, i, "of") ||
        is_word (ctx, i, "at")))
    return FALSE;
  if (is_word (ctx, i + 1, "the"))
    i++;
  return i + 1 < ctx->n && tok (ctx, i + 1)->kind == VERA_TOKEN_WORD &&
         (tok (ctx, i + 1)->flags & VERA_TOKEN_CAPITAL);
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
  return vera_vague_sources_find_tokens (sentence, len, NULL, VERA_LANGUAGE_EN);
}

GArray *
vera_vague_sources_find_tokens (const char   *sentence,
                                gsize         len,
                                GArray       *tokens,
                                VeraLanguage  language)
{
  g_return_val_if_fail (sentence != NULL || len == 0,
                        g_array_new (FALSE, TRUE, sizeof (VeraVagueSpan)));

  switch (language)
    {
    case VERA_LANGUAGE_DE:
      return vera_vague_sources_find_de (sentence, len, tokens);
    case VERA_LANGUAGE_ZH:
      return vera_vague_sources_find_zh (sentence, len);
    case VERA_LANGUAGE_UND:
    case VERA_LANGUAGE_EN:
    case VERA_LANGUAGE_OTHER:
    default:
      return find_vague_en (sentence, len, tokens);
    }
}

static GArray *
find_vague_en (const char *sentence,
               gsize       len,
               GArray     *tokens)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (VeraVagueSpan));
  Ctx ctx = { 0, };

  ctx_init (&ctx, sentence, len, tokens);

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
          if (in_list (&ctx, k, vague_nouns) && !in_list (&ctx, k, vague_modifiers) &&
              !names_source_after (&ctx, k + 1))
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
          /* "people familiar with the matter", "a person familiar with the plans" */
          if (is_word (&ctx, k, "familiar") && is_word (&ctx, k + 1, "with"))
            {
              guint last = k + 1;

              if (is_word (&ctx, last + 1, "the") && last + 2 < ctx.n &&
                  tok (&ctx, last + 2)->kind == VERA_TOKEN_WORD)
                last += 2;
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

  return vera_lexicon_find (word, len, role_nouns, VERA_LEXICON_SIZE (role_nouns));
}

gboolean
vera_people_lexicons_sorted (void)
{
  return vera_lexicon_is_sorted (honorifics) &&
         vera_lexicon_is_sorted (apposition_stops) &&
         vera_lexicon_is_sorted (role_nouns) &&
         vera_lexicon_is_sorted (non_person_words) &&
         vera_lexicon_is_sorted (vague_nouns) &&
         vera_lexicon_is_sorted (vague_verbs) &&
         vera_lexicon_is_sorted (vague_fillers) &&
         vera_lexicon_is_sorted (vague_modifiers) &&
         vera_lexicon_is_sorted (passive_verbs);
}

VeraPerson *
vera_people_add (GPtrArray  *people,
                 const char *name,
                 const char *role,
                 guint       start,
                 guint       end)
{
  VeraPerson *person;

  g_return_val_if_fail (people != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (((VeraPerson *) people->pdata[i])->name, name))
      return NULL;
  person = vera_person_new (name, role != NULL && *role != '\0' ? role : NULL);
  person->start = start;
  person->end = end;
  g_ptr_array_add (people, person);
  return person;
}

void
vera_people_mark_nearest (GPtrArray *people,
                          guint      cue)
{
  VeraPerson *best = NULL;
  guint best_dist = G_MAXUINT;

  g_return_if_fail (people != NULL);

  for (guint p = 0; p < people->len; p++)
    {
      VeraPerson *person = people->pdata[p];
      guint dist = person->start > cue ? person->start - cue :
                   cue >= person->end ? cue - person->end : 0;

      if (dist < best_dist)
        {
          best_dist = dist;
          best = person;
        }
    }
  if (best != NULL)
    best->quoted = TRUE;
}

void
vera_vague_spans_add (GArray *spans,
                      gsize   start,
                      gsize   end)
{
  VeraVagueSpan span = { start, end, 0 };

  g_return_if_fail (spans != NULL);

  if (spans->len > 0 && g_array_index (spans, VeraVagueSpan, spans->len - 1).end > start)
    return;
  g_array_append_val (spans, span);
}
