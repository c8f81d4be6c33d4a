/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-quantities.h"
#include "vera-quantity.h"
#include "vera-test-util.h"

/* The Chinese number grammar, through vera_quantities_extract_language (…, ZH). */

typedef struct
{
  const char *sentence;
  const char *text;       /* the figure expected among the results */
  double      value;
  double      value_to;   /* 0 means "no range" */
  const char *unit;
  const char *noun;
  const char *qualifier;
  const char *scope;
} Case;

/* Sentences written for these tests, news style. */
static const Case cases[] = {
  /* Digits, commas, points, scales. */
  { "该市常住人口达到3,500人。", "3,500人", 3500, 0, "count", NULL, NULL, NULL },
  { "项目总投资1.2万元。", "1.2万元", 12000, 0, "CNY", NULL, NULL, NULL },
  { "现场来了3千观众。", "3千", 3000, 0, NULL, NULL, NULL, NULL },
  { "该企业利润同比下降-3.5%。", "-3.5%", -3.5, 0, "percent", NULL, NULL, "同比" },
  { "公司市值达480亿美元。", "480亿美元", 4.8e10, 0, "USD", NULL, NULL, NULL },
  { "全国财政收入约2.5万亿元。", "2.5万亿元", 2.5e12, 0, "CNY", NULL, "about", NULL },
  { "该集团营收58.3亿元。", "58.3亿元", 5.83e9, 0, "CNY", NULL, NULL, NULL },
  { "政府拨款5亿元人民币用于救灾。", "5亿元人民币", 5e8, 0, "CNY", NULL, NULL, NULL },
  { "这笔贷款为３００万元。", "３００万元", 3e6, 0, "CNY", NULL, NULL, NULL },
  { "工程耗资1.5千万元。", "1.5千万元", 1.5e7, 0, "CNY", NULL, NULL, NULL },
  { "该平台用户达3百万。", "3百万", 3e6, 0, NULL, NULL, NULL, NULL },
  { "税率调整为12．5%。", "12．5%", 12.5, 0, "percent", NULL, NULL, NULL },
  /* Han numerals. */
  { "村里有三千五百名村民。", "三千五百名村民", 3500, 0, "count", "村民", NULL, NULL },
  { "两百名志愿者参与了活动。", "两百名志愿者", 200, 0, "count", "志愿者", NULL, NULL },
  { "一百五十家企业签约入驻。", "一百五十家企业", 150, 0, "count", "企业", NULL, NULL },
  { "十二名运动员入选国家队。", "十二名运动员", 12, 0, "count", "运动员", NULL, NULL },
  { "新增就业岗位二十万个。", "二十万个", 200000, 0, "count", NULL, NULL, NULL },
  { "该项目投资三亿五千万元。", "三亿五千万元", 3.5e8, 0, "CNY", NULL, NULL, NULL },
  { "共有一百零五所学校参加。", "一百零五所学校", 105, 0, "count", "学校", NULL, NULL },
  { "河道全长三点五公里。", "三点五公里", 3.5, 0, "km", NULL, NULL, NULL },
  { "贰佰元的罚款已经缴纳。", "贰佰元", 200, 0, "CNY", NULL, NULL, NULL },
  /* Currencies. */
  { "他以500美元的价格买下了这幅画。", "500美元", 500, 0, "USD", NULL, NULL, NULL },
  { "门票售价80元。", "80元", 80, 0, "CNY", NULL, NULL, NULL },
  { "一杯咖啡要30块。", "30块", 30, 0, "CNY", NULL, NULL, NULL },
  { "该交易价值200亿港元。", "200亿港元", 2e10, 0, "HKD", NULL, NULL, NULL },
  { "欧盟拨款40亿欧元。", "40亿欧元", 4e9, 0, "EUR", NULL, NULL, NULL },
  { "球员转会费为8000万英镑。", "8000万英镑", 8e7, 0, "GBP", NULL, NULL, NULL },
  { "日本追加预算2万亿日元。", "2万亿日元", 2e12, 0, "JPY", NULL, NULL, NULL },
  { "罚款金额为300万韩元。", "300万韩元", 3e6, 0, "KRW", NULL, NULL, NULL },
  { "俄方报价50亿卢布。", "50亿卢布", 5e9, 0, "RUB", NULL, NULL, NULL },
  { "澳方投入10亿澳元。", "10亿澳元", 1e9, 0, "AUD", NULL, NULL, NULL },
  { "台积电投资100亿新台币。", "100亿新台币", 1e10, 0, "TWD", NULL, NULL, NULL },
  { "每人补贴人民币500元。", "人民币500元", 500, 0, "CNY", NULL, NULL, NULL },
  { "售价为¥299。", "¥299", 299, 0, "CNY", NULL, NULL, NULL },
  { "票价为$45。", "$45", 45, 0, "USD", NULL, NULL, NULL },
  { "融资额为US$2亿。", "US$2亿", 2e8, 0, "USD", NULL, NULL, NULL },
  /* Percent. */
  { "去年出口增长12.5%。", "12.5%", 12.5, 0, "percent", NULL, NULL, "去年" },
  { "失业率降至5％。", "5％", 5, 0, "percent", NULL, NULL, NULL },
  { "合格率达到百分之十二。", "百分之十二", 12, 0, "percent", NULL, NULL, NULL },
  { "利率下调百分之三点五。", "百分之三点五", 3.5, 0, "percent", NULL, NULL, NULL },
  { "近百分之六十的受访者表示支持。", "百分之六十", 60, 0, "percent", NULL, "nearly", NULL },
  { "增速回落3个百分点。", "3个百分点", 3, 0, "percentage-points", NULL, NULL, NULL },
  { "三成受访者表示满意。", "三成", 30, 0, "percent", NULL, NULL, NULL },
  { "超5成企业实现盈利。", "5成", 50, 0, "percent", NULL, "more than", NULL },
  { "三分之二的居民参与投票。", "三分之二", 200.0 / 3, 0, "percent", NULL, NULL, NULL },
  { "港股融资HK$500亿。", "HK$500亿", 5e10, 0, "HKD", NULL, NULL, NULL },
  { "约三分之一的家庭拥有汽车。", "三分之一", 100.0 / 3, 0, "percent", NULL, "about", NULL },
  { "特斯拉股价上涨了10%至250美元。", "250美元", 250, 0, "USD", NULL, NULL, NULL },
  { "特斯拉股价上涨了10%至250美元。", "10%", 10, 0, "percent", NULL, NULL, NULL },
  /* Units. */
  { "美联储宣布加息25个基点。", "25个基点", 25, 0, "basis-points", NULL, NULL, NULL },
  { "港口集装箱吞吐量达4000万标准箱。", "4000万标准箱", 4e7, 0, "TEU", NULL, NULL, NULL },
  { "新建高速公路120公里。", "120公里", 120, 0, "km", NULL, NULL, NULL },
  { "隧道长5千米。", "5千米", 5, 0, "km", NULL, NULL, NULL },
  { "保护区面积3.2万平方公里。", "3.2万平方公里", 3.2e4, 0, "km2", NULL, NULL, NULL },
  { "大桥主跨达1088米。", "1088米", 1088, 0, "m", NULL, NULL, NULL },
  { "粮食产量6.5万吨。", "6.5万吨", 6.5e4, 0, "t", NULL, NULL, NULL },
  { "新增造林面积300公顷。", "300公顷", 300, 0, "ha", NULL, NULL, NULL },
  /* Counts. */
  { "全市新增1.6万家企业。", "1.6万家企业", 1.6e4, 0, "count", "企业", NULL, NULL },
  { "景区接待游客4.7万人。", "4.7万人", 4.7e4, 0, "count", NULL, NULL, NULL },
  { "事故造成3名工人受伤。", "3名工人", 3, 0, "count", "工人", NULL, NULL },
  { "机场开通了12条航线。", "12条", 12, 0, "count", NULL, NULL, NULL },
  { "海军新增两艘驱逐舰。", "两艘", 2, 0, "count", NULL, NULL, NULL },
  /* Qualifiers. */
  { "超过2000名员工参加了培训。", "2000名员工", 2000, 0, "count", "员工", "more than", NULL },
  { "至少50人在事故中受伤。", "50人", 50, 0, "count", NULL, "at least", NULL },
  { "不少于30家企业提交了申请。", "30家企业", 30, 0, "count", "企业", "at least", NULL },
  { "单笔金额不超过5万元。", "5万元", 5e4, 0, "CNY", NULL, "no more than", NULL },
  { "最多100人可以入场。", "100人", 100, 0, "count", NULL, "no more than", NULL },
  { "不到10%的家庭受到影响。", "10%", 10, 0, "percent", NULL, "less than", NULL },
  { "不足300人报名。", "300人", 300, 0, "count", NULL, "less than", NULL },
  { "将近40万人观看了直播。", "40万人", 4e5, 0, "count", NULL, "nearly", NULL },
  { "大约2亿元资金到位。", "2亿元", 2e8, 0, "CNY", NULL, "about", NULL },
  { "投资高达80亿元。", "80亿元", 8e9, 0, "CNY", NULL, "up to", NULL },
  { "现场有3000多名观众。", "3000多名观众", 3000, 0, "count", "观众", "more than", NULL },
  { "全省有10余家医院参与。", "10余家医院", 10, 0, "count", "医院", "more than", NULL },
  { "年收入在100万元以上。", "100万元", 1e6, 0, "CNY", NULL, "more than", NULL },
  { "气温将达到30%左右。", "30%", 30, 0, "percent", NULL, "about", NULL },
  { "近千人参加了招聘会。", "近千人", 1000, 0, "count", NULL, "nearly", NULL },
  { "百余家企业参展。", "百余家企业", 100, 0, "count", "企业", "more than", NULL },
  { "逾万名志愿者参与。", "逾万名志愿者", 1e4, 0, "count", "志愿者", "more than", NULL },
  /* Ranges. */
  { "每场比赛持续5至10分钟。", "5至10分钟", 5, 10, "minute", NULL, NULL, NULL },
  { "预计将有3万至5万人参加。", "3万至5万人", 3e4, 5e4, "count", NULL, NULL, NULL },
  { "涨幅在10%-15%之间。", "10%-15%", 10, 15, "percent", NULL, NULL, NULL },
  { "每人可获5～10元补贴。", "5～10元", 5, 10, "CNY", NULL, NULL, NULL },
  { "单价在3-5万元之间。", "3-5万元", 3e4, 5e4, "CNY", NULL, NULL, NULL },
  /* Ranks and scopes. */
  { "该校在全国排名第3。", "排名第3", 3, 0, "rank", NULL, NULL, NULL },
  { "她在比赛中获得第2名。", "第2名", 2, 0, "rank", NULL, NULL, NULL },
  { "2024年，全市GDP增长5.2%。", "5.2%", 5.2, 0, "percent", NULL, NULL, "2024年" },
  { "今年上半年，出口额达1.2万亿元。", "1.2万亿元", 1.2e12, 0, "CNY", NULL, NULL, "今年上半年" },
  /* Each figure takes the year nearest before it. */
  { "2024年，公交车每月运送乘客120万人次，高于2022年的90万人次。", "90万人次", 9e5, 0, "count", NULL, NULL, "2022年" },
  { "2023年该市新增企业3万家，而2021年仅为1.8万家。", "1.8万家", 1.8e4, 0, "count", NULL, NULL, "2021年" },
  { "社会消费品零售总额同比增长8%。", "8%", 8, 0, "percent", NULL, NULL, "同比" },
  { "2024年3月15日，该公司裁员200人。", "200人", 200, 0, "count", NULL, NULL, "2024年" },
};

/* Sentences in which nothing is a figure. */
static const char *const no_figures[] = {
  "会议于2024年3月15日在北京举行。",
  "二〇二四年是龙年。",
  "他每天早上10点上班。",
  "会议在10:30开始。",
  "咨询电话：021-64321234。",
  "请拨打138 0013 8000联系我们。",
  "客服热线400-800-1234全天开放。",
  "第三届进博会在上海开幕。",
  "这是他第5次来到中国。",
  "5G网络覆盖全市。",
  "G20峰会在杭州举行。",
  "十四五规划提出了新目标。",
  "我们一起去吧，这些问题一样重要。",
  "万一下雨，活动就改期。",
  "他成为了公司的负责人，并完成了任务，降低了成本。",
  "一定要注意安全，一些人没有来。",
  "三月的天气很好。",
  "数十亿元资金和几十人的团队，十几个项目。",
  "12306网站今天升级。",
  "他身高1米8，9成9的人不知道。",
  "来了3千5百人，又来了1万5千人。",
  "万人空巷，千家万户，百家号上千人围观。",
  "客服7×24小时在线，邮编200001，拨打110报警。",
  "COVID-19疫情期间，A-3号楼关闭。",
  "The mayor of Shanghai (上海) spoke today.",
};

static const VeraQuantity *
find_text (GPtrArray  *qs,
           const char *text)
{
  for (guint i = 0; i < qs->len; i++)
    if (g_strcmp0 (((VeraQuantity *) qs->pdata[i])->text, text) == 0)
      return qs->pdata[i];
  return NULL;
}

static GPtrArray *
extract (const char *s)
{
  return vera_quantities_extract_language (s, strlen (s), NULL, VERA_LANGUAGE_ZH);
}

static gboolean
near (double a,
      double b)
{
  return fabs (a - b) <= fabs (b) * 1e-9 + 1e-9;
}

static void
test_cases (void)
{
  guint passed = 0, total = 0;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const Case *k = &cases[c];
      g_autoptr(GPtrArray) qs = extract (k->sentence);
      const VeraQuantity *q;

      if (k->text == NULL)
        continue;
      total++;
      q = find_text (qs, k->text);
      if (q == NULL)
        {
          vera_test_fail_row ("row %u «%s»: expected the figure «%s», got %u figures%s%s", c,
                              k->sentence, k->text, qs->len,
                              qs->len > 0 ? ", first " : "",
                              qs->len > 0 ? ((VeraQuantity *) qs->pdata[0])->text : "");
          continue;
        }
      /* Every field is checked, so that one row reports all its differences. */
      if (vera_test_row_double (c, k->sentence, "value", k->value, q->value,
                                fabs (k->value) * 1e-9 + 1e-9) &
          vera_test_row_double (c, k->sentence, "value_to", k->value_to != 0 ? k->value_to : NAN,
                                q->value_to, fabs (k->value_to) * 1e-9 + 1e-9) &
          vera_test_row_str (c, k->sentence, "unit", k->unit, q->unit) &
          vera_test_row_str (c, k->sentence, "noun", k->noun, q->noun) &
          vera_test_row_str (c, k->sentence, "qualifier", k->qualifier, q->qualifier) &
          vera_test_row_str (c, k->sentence, "scope", k->scope, q->scope))
        passed++;
    }
  g_test_message ("cases: %u/%u", passed, total);
}

static void
test_no_figures (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (no_figures); c++)
    {
      const char *s = no_figures[c];
      g_autoptr(GPtrArray) qs = vera_quantities_extract (s, strlen (s));

      if (qs->len != 0)
        vera_test_fail_row ("row %u «%s»: expected no figure, got «%s»", c, s,
                            ((VeraQuantity *) qs->pdata[0])->text);
    }
}

static void
test_applies (void)
{
  const char *en = "The mayor of Shanghai (上海) said 300 people came.";
  const char *zh = "全市新增3家企业。";
  g_autoptr(GPtrArray) qs = vera_quantities_extract (en, strlen (en));

  g_assert_cmpuint (qs->len, >=, 1);
  g_assert_cmpstr (((VeraQuantity *) qs->pdata[0])->unit, ==, "count");
  g_assert_cmpfloat (((VeraQuantity *) qs->pdata[0])->value, ==, 300);
  g_clear_pointer (&qs, g_ptr_array_unref);
  qs = vera_quantities_extract (zh, strlen (zh));
  g_assert_nonnull (find_text (qs, "3家企业"));
}

/* Every figure's text is its code point slice, and reads again to the same value and unit. */
static void
test_property (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *s = cases[c].sentence;
      g_autoptr(GPtrArray) qs = extract (s);

      for (guint i = 0; i < qs->len; i++)
        {
          const VeraQuantity *q = qs->pdata[i];
          const char *a = g_utf8_offset_to_pointer (s, q->start);
          const char *b = g_utf8_offset_to_pointer (s, q->end);
          g_autofree char *slice = g_strndup (a, b - a);
          g_autoptr(GPtrArray) again = extract (q->text);
          const VeraQuantity *r = again->len == 1 ? again->pdata[0] : NULL;

          if (q->end > (guint) g_utf8_strlen (s, -1) || g_strcmp0 (slice, q->text) != 0)
            vera_test_fail_row ("row %u «%s»: expected the slice «%s» as the text, got «%s»", c, s,
                                slice, q->text);
          else if (r == NULL || !near (r->value, q->value) || g_strcmp0 (r->unit, q->unit) != 0)
            vera_test_fail_row ("row %u «%s»: expected «%s» alone to read %g %s, got %u figures, "
                                "%g %s", c, s, q->text, q->value, q->unit, again->len,
                                r != NULL ? r->value : NAN, r != NULL ? r->unit : "");
        }
    }
}

/* Random bytes, seeded, with Chinese numerals and units mixed in: no crash, spans inside. */
static void
test_random (void)
{
  static const char *const pieces[] = { "万", "亿", "元", "%", "第", "年", "月", "三", "十", "百分之",
                                        "分之", "至", "-", ",", ".", "美元", "¥", "名", "多", "1",
                                        "9", "０", "点", "成", ":", " " };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 40);
      g_autoptr(GPtrArray) qs = NULL;
      g_autofree char *valid = NULL;
      glong chars;

      for (guint i = 0; i < n; i++)
        {
          if (g_rand_boolean (rand))
            g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          else
            g_string_append_c (s, (char) g_rand_int_range (rand, 1, 256));
        }
      qs = vera_quantities_extract_language (s->str, s->len, NULL, VERA_LANGUAGE_ZH);
      valid = g_utf8_make_valid (s->str, s->len);
      chars = g_utf8_strlen (valid, -1);
      for (guint i = 0; i < qs->len; i++)
        {
          const VeraQuantity *q = qs->pdata[i];

          g_assert_true (g_utf8_validate (q->text, -1, NULL));
          g_assert_cmpuint (q->start, <, q->end);
          g_assert_cmpuint (q->end, <=, (guint) chars);
          g_assert_true (isfinite (q->value));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/quantities-zh/cases", test_cases);
  g_test_add_func ("/vera/quantities-zh/no-figures", test_no_figures);
  g_test_add_func ("/vera/quantities-zh/applies", test_applies);
  g_test_add_func ("/vera/quantities-zh/property", test_property);
  g_test_add_func ("/vera/quantities-zh/random", test_random);
  return g_test_run ();
}
