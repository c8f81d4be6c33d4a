/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vera-claim-kinds.h"
#include "vera-people.h"
#include "vera-test-util.h"

/* Chinese people and vague sources, in sentences written for this test. Many ordinary words
 * start with a surname character (张家港, 高速, 王府井, 周末, 黄金): they must give no one. */

typedef struct
{
  const char *sentence;
  const char *people;  /* "name|role|quoted" joined by "; " ("-" for no role); "" for none */
} Case;

static const Case cases[] = {
  { "市长李明表示，新区将在明年完工。", "李明|市长|0" },
  { "发言人王芳称，双方已达成一致。", "王芳|发言人|0" },
  { "孙立群指出，出口增速有所放缓。", "孙立群|-|0" },
  { "据张伟介绍，该项目投资约3亿元。", "张伟|-|0" },
  { "国家统计局局长康文彬说，经济运行总体平稳。", "康文彬|国家统计局局长|0" },
  { "“我们会继续降低成本，”公司董事长周海涛说。", "周海涛|公司董事长|1" },
  { "清华大学教授杨思远认为，房价将趋于稳定。", "杨思远|清华大学教授|0" },
  { "郑晓燕教授表示，这项研究还需要更多数据。", "郑晓燕|教授|0" },
  { "外交部发言人赵立新在记者会上说：“中方的立场是一贯的。”", "赵立新|外交部发言人|1" },
  { "欧阳明华强调，改革不会停步。", "欧阳明华|-|0" },
  { "总经理马东和副总经理许文静均表示，订单充足。", "马东|总经理|0; 许文静|副总经理|0" },
  { "「今年的目标一定能完成」，分析师罗佳说。", "罗佳|分析师|1" },
  { "会见了市长陈国栋。", "陈国栋|市长|0" },
  /* The segmenter may leave the opening mark with the sentence before. */
  { "旧船已经无法满足需求，”交通局局长段志远说。", "段志远|交通局局长|1" },
  { "“好”，发言人孟思齐说。", "孟思齐|发言人|0" },
  { "吴海燕女士表示，价格太高了。", "吴海燕|女士|0" },
  { "阿里山集团董事长冯一鸣称，云业务增长迅速。", "冯一鸣|阿里山集团董事长|0" },
  /* Surname characters that open ordinary words, and cues without a name: no person. */
  { "王先生说，他已经等了三个小时。", "" },
  { "有关部门负责人表示，将严肃处理。", "" },
  { "张家港的集装箱吞吐量增长了百分之五。", "" },
  { "高速公路全线通车后，车流量明显增加。", "" },
  { "王府井步行街周末客流量大增。", "" },
  { "周末黄金价格上涨，金店人气旺盛。", "" },
  { "许多人表示支持这项政策。", "" },
  { "高层表示将加快审批。", "" },
  { "另一方面，白宫发言人称谈判仍在继续。", "" },
  { "唐山市长表示，今年将新建两座公园。", "" },
  { "林业局称，森林覆盖率已达四成。", "" },
  { "马上说明了情况。", "" },
  { "江苏省省长表示，经济保持增长。", "" },
  { "武汉市长江大桥全长一千六百米。", "" },
  { "该公司于周一表示，利润增长两成。", "" },
  { "高校教授表示，招生规模将扩大。", "" },
};

static char *
format_people (const char      *sentence,
               const GPtrArray *people)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      const VeraPerson *p = people->pdata[i];
      g_autofree char *slice = g_utf8_substring (sentence, p->start, p->end);

      g_string_append_printf (out, "%s%s|%s|%d", i > 0 ? "; " : "", p->name,
                              p->role != NULL ? p->role : "-", p->quoted ? 1 : 0);
      /* Offsets are code points into the sentence. */
      if (!g_str_equal (slice, p->name))
        g_string_append_printf (out, " (offsets give “%s”)", slice);
    }
  return g_string_free (out, FALSE);
}

static void
test_people (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *s = cases[c].sentence;
      g_autoptr(GPtrArray) people = vera_people_extract_tokens (s, strlen (s), NULL,
                                                                VERA_LANGUAGE_ZH);
      g_autofree char *got = format_people (s, people);

      if (!g_str_equal (got, cases[c].people))
        g_test_fail_printf ("“%s”: got “%s”, expected “%s”", s, got, cases[c].people);
    }
}

typedef struct
{
  const char *sentence;
  const char *spans;  /* joined by " | "; "" for none */
} VagueCase;

static const VagueCase vague[] = {
  { "据悉，该厂将于下月停产。", "据悉" },
  { "业内人士认为，房价仍有上涨空间。", "业内人士" },
  { "知情人士透露，交易已接近完成。", "知情人士" },
  { "有专家认为，利率还会下调。", "有专家认为" },
  { "据报道，两国将恢复直航。", "据报道" },
  { "消息人士称，谈判陷入僵局。", "消息人士" },
  { "据传，该公司正在寻求出售。", "据传" },
  { "据了解，新规将于明年实施。", "据了解" },
  { "有分析认为，油价见顶，有关人士也持相同看法。", "有分析认为 | 有关人士" },
  /* Named sources and look-alikes. */
  { "据悉尼大学的研究，睡眠不足会影响记忆。", "" },
  { "据国家统计局发布的数据，物价温和上涨。", "" },
  { "专家组成员李红表示，数据可靠。", "" },
};

static void
test_vague (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (vague); c++)
    {
      const char *s = vague[c].sentence;
      g_autoptr(GArray) spans = vera_vague_sources_find_tokens (s, strlen (s), NULL,
                                                                VERA_LANGUAGE_ZH);
      GString *got = g_string_new (NULL);

      for (guint i = 0; i < spans->len; i++)
        {
          const VeraVagueSpan *v = &g_array_index (spans, VeraVagueSpan, i);

          /* Byte offsets. */
          g_string_append_printf (got, "%s%.*s", i > 0 ? " | " : "", (int) (v->end - v->start),
                                  s + v->start);
        }
      if (!g_str_equal (got->str, vague[c].spans))
        g_test_fail_printf ("“%s”: got “%s”, expected “%s”", s, got->str, vague[c].spans);
      g_string_free (got, TRUE);
    }
}

/* The sentence analysis hands the language on, and offsets count code points after Latin text
 * and spaces too. */
static void
test_sentence_facts (void)
{
  const char *s = "据悉，ACME 公司 CEO 称：“2024 年的订单翻了一番。”发言人钱晓东说。";
  g_auto(VeraSentenceFacts) zh = { 0, };
  g_auto(VeraSentenceFacts) en = { 0, };
  const VeraPerson *p;
  g_autofree char *slice = NULL;

  vera_sentence_facts_analyse (&zh, s, strlen (s), VERA_LANGUAGE_ZH);
  g_assert_cmpuint (zh.people->len, ==, 1);
  p = zh.people->pdata[0];
  g_assert_cmpstr (p->name, ==, "钱晓东");
  g_assert_cmpstr (p->role, ==, "发言人");
  g_assert_true (p->quoted);
  slice = g_utf8_substring (s, p->start, p->end);
  g_assert_cmpstr (slice, ==, "钱晓东");
  g_assert_cmpuint (zh.vague->len, ==, 1);
  g_assert_cmpuint (g_array_index (zh.vague, VeraVagueSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (zh.vague, VeraVagueSpan, 0).end, ==, strlen ("据悉"));

  vera_sentence_facts_analyse (&en, s, strlen (s), VERA_LANGUAGE_EN);
  g_assert_cmpuint (en.people->len, ==, 0);
  g_assert_cmpuint (en.vague->len, ==, 0);
}

static void
test_hostile (void)
{
  const char bad[] = "市长\xff李\xe6\x98表示“据悉\xe2\x80 发言人";
  g_autoptr(GPtrArray) people = vera_people_extract_tokens (bad, sizeof bad - 1, NULL, VERA_LANGUAGE_ZH);
  g_autoptr(GArray) spans = vera_vague_sources_find_tokens (bad, sizeof bad - 1, NULL, VERA_LANGUAGE_ZH);
  g_autoptr(GPtrArray) empty = vera_people_extract_tokens ("", 0, NULL, VERA_LANGUAGE_ZH);
  g_autoptr(GArray) none = vera_vague_sources_find_tokens ("", 0, NULL, VERA_LANGUAGE_ZH);

  g_assert_cmpuint (people->len, ==, 0);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/people-zh/people", test_people);
  g_test_add_func ("/vera/people-zh/vague-sources", test_vague);
  g_test_add_func ("/vera/people-zh/sentence-facts", test_sentence_facts);
  g_test_add_func ("/vera/people-zh/hostile", test_hostile);
  return g_test_run ();
}
