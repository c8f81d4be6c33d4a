/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vera-claim-kinds.h"
#include "vera-test-util.h"
#include "vera-vocabulary.h"

#define K(x) VERA_CLAIM_KIND_ ## x

/* Reports a failing row and goes on with the next (g_test_fail_printf keeps one message). */
#define fail_row(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

static char *
describe (VeraClaimKind kinds)
{
  g_auto(GStrv) names = vera_claim_kinds_to_strv (kinds);

  return g_strjoinv (",", names);
}

/* Every kind, found and not found, with the exact set of kinds each sentence has. Chinese has no
 * spaces: the cues are substrings, and the words that hold one without meaning it (我国, 将军,
 * 小说, 第一季度) must not count. */
static void
test_kinds (void)
{
  static const struct { const char *sentence; VeraClaimKind kinds; } cases[] = {
    /* comparison */
    { "该码头是北欧最大的渔港。", K(COMPARISON) },
    { "这是该市首次举办帆船比赛。", K(COMPARISON) },
    { "今年游客人数创历史新高。", K(COMPARISON) },
    { "该校在全省排名第一。", K(COMPARISON) },
    { "中国的船舶订单已经超过韩国。", K(COMPARISON) },
    { "第一季度销售额有所回落。", K(OTHER) },
    /* prediction */
    { "新的轻轨线预计明年投入使用。", K(PREDICTION) },
    { "这座大桥将于秋季完工。", K(PREDICTION) },
    { "到2030年，电动渡轮将全面普及。", K(PREDICTION) },
    { "警方将嫌疑人带回派出所。", K(OTHER) },
    { "将军视察了海岸部队。", K(OTHER) },
    /* causal */
    { "由于暴雨，渡轮停航一天。", K(QUANTITY) | K(CAUSAL) },
    { "需求减弱导致鱼价大幅回落。", K(CAUSAL) },
    { "得益于旅游业复苏，酒店入住率回升。", K(CAUSAL) },
    /* rule */
    { "新条例禁止在渡轮上吸烟。", K(RULE) },
    { "所有船员必须随身携带证件。", K(RULE) },
    /* event */
    { "两家船厂昨天签署了合作协议。", K(QUANTITY) | K(EVENT) },
    { "市长宣布开通一条新的轮渡航线。", K(EVENT) | K(ATTRIBUTION) },
    { "老渔民在码头边晒网。", K(OTHER) },
    /* personal */
    { "我在这条老街上长大。", K(PERSONAL) },
    { "我们计划在明年扩建码头。", K(PERSONAL) | K(PREDICTION) },
    { "我国渔业保持平稳发展。", K(OTHER) },
    /* attribution and quotes */
    { "报告指出，该市空气质量明显改善。", K(ATTRIBUTION) },
    { "这部小说在沿海城市很受欢迎。", K(OTHER) },
    { "港务局长林芳表示：“我们不会关闭任何一座灯塔。”",
      K(QUOTE) | K(ATTRIBUTION) | K(PERSONAL) },
    { "他说「这个渔港明年一定会完成改造」。", K(QUOTE) | K(ATTRIBUTION) | K(PREDICTION) },
    { "“蓝色海湾”工程吸引了众多游客。", K(OTHER) },
    /* figures: "超过300家" qualifies the figure, it compares nothing */
    { "超过300家企业迁入临港园区。", K(QUANTITY) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *s = cases[i].sentence;
      g_auto(VeraSentenceFacts) facts = { 0, };

      vera_sentence_facts_analyse (&facts, s, strlen (s), VERA_LANGUAGE_ZH);
      if (facts.kinds != cases[i].kinds)
        {
          g_autofree char *got = describe (facts.kinds);
          g_autofree char *want = describe (cases[i].kinds);

          fail_row ("“%s”: kinds %s, expected %s", s, got, want);
        }
      if (facts.kinds != vera_claim_kinds_classify (s, strlen (s), facts.quantities, facts.people,
                                                    VERA_LANGUAGE_ZH))
        fail_row ("“%s”: vera_claim_kinds_classify differs from the facts", s);
    }
}

static void
test_checkable (void)
{
  static const struct { const char *sentence; gboolean checkable; } cases[] = {
    { "该码头是北欧最大的渔港。", TRUE },
    { "到2030年，电动渡轮将全面普及。", TRUE },
    { "两家船厂昨天签署了合作协议。", FALSE },
    { "我在这条老街上长大。", FALSE },
    { "责任编辑：周雨", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *s = cases[i].sentence;
      gboolean checkable = vera_claim_is_checkable (s, strlen (s), NULL, NULL, VERA_LANGUAGE_ZH, NULL);

      if (checkable != cases[i].checkable)
        fail_row ("“%s”: checkable %d, expected %d", s, checkable, cases[i].checkable);
    }
}

/* A heading is a short line without 。！？, without a comma, a figure or a verb; furniture is
 * a credit, a source or a reporter's line. */
static void
test_boilerplate (void)
{
  static const struct { const char *text; gboolean boilerplate; } cases[] = {
    { "渔港的明天", TRUE },
    { "城市交通新格局", TRUE },
    { "记者 王明 报道", TRUE },
    { "（记者 王明）", TRUE },
    { "本报记者 赵岚 摄", TRUE },
    { "责任编辑：张伟", TRUE },
    { "来源：海湾日报", TRUE },
    { "图片来源：港务局", TRUE },
    { "版权所有，转载请注明出处", TRUE },
    { "主要发现：", TRUE },
    { "港口吞吐量增长12%", FALSE },
    { "记者从市政府获悉，新线路将于下月开通。", FALSE },
    { "来源可靠的消息称，谈判已经结束。", FALSE },
    { "全球最大的渔港", FALSE },
    { "渔港迎来新的发展机遇。", FALSE },
    { "渔民表示很满意", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *s = cases[i].text;
      g_auto(VeraSentenceFacts) facts = { 0, };
      gboolean boilerplate = vera_text_is_boilerplate (s, strlen (s), VERA_LANGUAGE_ZH);

      vera_sentence_facts_analyse (&facts, s, strlen (s), VERA_LANGUAGE_ZH);
      if (boilerplate != cases[i].boilerplate || facts.boilerplate != boilerplate)
        fail_row ("“%s”: boilerplate %d (facts %d), expected %d", s, boilerplate,
                            facts.boilerplate, cases[i].boilerplate);
    }
}

/* Hostile input: cut characters, a year at the very start or end, lone quotation marks. */
static void
test_edges (void)
{
  static const char * const inputs[] = {
    "2030", "到2030", "2030年", "“", "我", "\xe6\x88", "到 2030 年将", "超过", "最\xe5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_auto(VeraSentenceFacts) facts = { 0, };

      vera_sentence_facts_analyse (&facts, inputs[i], strlen (inputs[i]), VERA_LANGUAGE_ZH);
      g_assert_cmpuint (facts.kinds, !=, VERA_CLAIM_KIND_NONE);
    }
  g_assert_cmpuint (vera_claim_kinds_classify ("到 2030 年", strlen ("到 2030 年"), NULL, NULL,
                                               VERA_LANGUAGE_ZH), ==, K(PREDICTION));
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/claim-kinds-zh/kinds", test_kinds);
  g_test_add_func ("/vera/claim-kinds-zh/checkable", test_checkable);
  g_test_add_func ("/vera/claim-kinds-zh/boilerplate", test_boilerplate);
  g_test_add_func ("/vera/claim-kinds-zh/edges", test_edges);
  return g_test_run ();
}
