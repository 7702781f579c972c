"""Structural guarantee and absolute-claim rules: what is claimed of the goods, not a list of slogans.

A guarantee the shop cannot keep has a few shapes: a span of time or a
dose followed by a cure ("一个疗程瘦十斤", "贴两贴就好"), an intensifier
followed by a defect that will never happen ("用十年都不会坏", "永远不会进水"),
a third party said to be certain to decide for the buyer ("审核肯定过"), and
cure talk ("比去医院还管用"). What the shop itself does ("保证按描述发货")
and what the buyer must do ("要保证吊牌完整") stay clean.

An absolute claim is a superlative said as the verdict ("是最保暖的。",
"所有手机中最长的"), a rank or first over a whole market ("全球首款"), or a
100 % of an effect ("100%防紫外线"; "100%纯棉" is a composition, not a claim).
"""

from __future__ import annotations

import re

from cs_companion.core.compliance_grammar import (
    ASSURE,
    CLAUSE,
    DEFECT,
    EFFORT_GAP,
    HEALTH,
    OWN_PICK_AFTER,
    OWN_RANGE_BEFORE,
    OWN_RANGE_IN_SENTENCE,
    PURPOSE_OR_DUTY,
    SENT,
    PatternRule,
    rule,
)

_NUM = r"(?:\d+|[一二两三四五六七八九十百半几]+)"
_DOSE = _NUM + r"(?:个)?(?:天|周|星期|月|疗程|晚上?|夜|瓶|贴|盒|粒|片|年|次)"
# Effects no seller controls: cures, weight, height, hair, pollutants gone.
_EFFECT = (
    r"(?:降(?:血压|血糖|血脂|下来)|瘦|长高|长(?:出|新|头发)|见效|不疼|不痛|痊愈|治好|治愈|好转|康复|怀上|变白|美白|淡斑"
    r"|祛|消失|全没|去除|根除|除净|长" + _NUM + r"|不会再(?:涨|升|加深|复发|反弹)|直了|矫正|正过来)"
)
_FOR = re.compile(PURPOSE_OR_DUTY)

# A hedge or a caveat makes an effect an experience, not a promise: "一般两周见效，因人而异".
_HEDGED_BEFORE = re.compile(
    r"(?:一般|通常|大概|大约|平均|多数|大部分|有的|有些|部分|可能|或许|也许|正常(?:使用|情况下?|来说|用))"
    + CLAUSE
    + r"{0,10}$|"
    + PURPOSE_OR_DUTY
)
_NO_CAVEAT = (
    r"(?!" + SENT + r"*?(?:因人而异|因人|不一定|不能保证|没法保证|无法保证|个体差异|不保证|仅供参考"
    r"|具体看|具体要看|看(?:个人)?(?:使用|习惯)))"
)

CLAIM_RULES: tuple[PatternRule, ...] = (
    rule(
        "guarantee",
        "guarantee",
        "天 周 星期 月 疗程 晚 夜 瓶 贴 盒 粒 片 年 次",
        # A span or dose followed by an effect: "一个月降血压", "半年长高5厘米".
        r"(?:" + _DOSE + r"\w{0,10}?(?:就|便|保准|至少|都)?(?:能|会|可以)?" + _EFFECT + r")" + _NO_CAVEAT,
        exempt_before=_HEDGED_BEFORE,
        description="不能承诺效果（多久见效、治好、瘦多少）",
    ),
    rule(
        "guarantee",
        "guarantee",
        "病 疼 痛 炎 血 便秘 失眠 近视 度数 过敏 痘 斑 皱纹 脱发 头发 湿疹 咳 胃 腰 颈椎 关节 肥胖 体重 甲醛 高 糖尿 "
        "癌 肿 疤 医院 药 打针 医生 见效 立竿 承诺 包 再也 从此 永远 病 理赔 赔付 发 把握",
        # Cure talk: an ailment "就好了", better than a doctor, guaranteed effect, "包活包开花".
        r"(?:(?<!通)(?<!毛)" + HEALTH + r"(?:(?!停|医|休息)" + CLAUSE + r"){0,14}?(?:就|便)(?:能|会|可以)?"
        r"(?:好|不疼|不痛|不痒|不犯|不发作|不复发|消|没|全没|降|不会再)"
        r"|(?:用|吃|喝|戴|贴|涂|擦)了?\w{0,4}(?:就|再也)(?:不会再?|不再|再也不)(?:长|掉|脱|复发|反弹|疼|痛|痒|过敏|失眠|便秘)"
        r"|(?:喝|吃|用)了?\w{0,4}(?:不会|就不|再也不)(?:生病|得病|感冒|发烧)|不(?:生病|得病)"
        r"|(?:再也|从此|永远)不会?(?:得|患|生|长|犯)\w{0,3}?(?:" + HEALTH[3:-1] + r"|石)"
        r"|" + HEALTH + r"\w{0,2}?(?:包|保证|肯定|一定|绝对)(?:能)?(?:好|治好|痊愈|消|除|根治)"
        r"|(?:白发|白头发|头发)\w{0,6}?(?:变黑|转黑|黑回来)"
        r"|(?:申诉|审核|考试|退款|理赔|投诉|检测|验收|过审)\w{0,3}包(?:过|通过|赢|成功)|(?:平台|审核|申诉|海关|法院)那边\w{0,4}有把握"
        r"|(?:都|肯定|一定|保证)(?:能|会|可以)?(?:全额)?(?:理赔|赔付)"
        r"|比(?:去)?(?:医院|吃药|药物?|打针|看医生)还?(?:管用|有效|好使|强|灵)|(?:都|就|可以|能)停药|停了药|不用吃药了"
        r"|(?:立马|马上|立即|立刻|当天|当场|一次)见效|立竿见影|承诺(?:效果|疗效|有效|见效|治好|一定)"
        r"|(?<![打面红礼钱书背纸福套])包(?:活|开花|治|学会|瘦|长高|怀|过关|过审|成功|见效|有效|好用|满意|你满意))"
        + _NO_CAVEAT,
        exempt_before=_HEDGED_BEFORE,
        description="不能承诺效果（多久见效、治好、瘦多少）",
    ),
    rule(
        "guarantee",
        "guarantee",
        "永 一辈子 终身 终生 年 多久 怎么 谁 一点 多少 都 也 绝 摔 扔 砸 踩 泡 从来没 不会",
        # An intensifier and a defect that will never happen: "用十年都不会坏", "永远不会进水".
        r"(?:(?:永远|永久|永(?=不)|一辈子|终身|终生|"
        + _NUM
        + r"年|多久)(?:都|也)?(?:绝)?(?:不会?|没|没有)(?:再)?(?:任何)?"
        r"(?:" + DEFECT[3:-1] + r"|问题|事)"
        r"|(?:怎么\w{0,3}|谁\w{0,2}|一点|多少(?:次|年|遍|回|天))(?:都|也)?(?:绝)?(?:不会?|没)(?:再)?"
        + DEFECT
        + r"|(?:都|也)(?:绝|绝对|肯定|保证)(?:不会?|没)"
        + DEFECT
        + r"|(?:摔|扔|砸|踩|泡)(?:不|\w{0,4}都(?:不会?|没))(?:坏|烂|碎|裂|事|问题)"
        r"|不会" + DEFECT + r"\w{0,2}[,]?(?:绝对|肯定|百分百)不会|从来没(?:输|失败|出过错|丢过)"
        r"|(?<![了过\d一二两三四五六七八九十百半几])"
        + _NUM
        + r"(?:次|遍|回)(?:都|也)(?:绝)?(?:不会?|没)(?:再)?"
        + DEFECT
        + r")"
        + _NO_CAVEAT,
        exempt_before=_HEDGED_BEFORE,
        description="不能承诺店铺控制不了的结果（绝不出问题）",
    ),
    rule(
        "guarantee",
        "guarantee",
        "保证 担保 打包票 肯定 绝对 一定 百分 100% 确保 保准 准保 必定 铁定 必然",
        # A third party certain to decide for the buyer, or an assurance of an effect.
        r"(?:平台|小二|客服那边|京东|淘宝|天猫|审核|海关|法院|快递员?|快递小哥|保险公司?|银行|仲裁|官方)\w{0,6}?"
        r"(?:肯定|一定|绝对|保证|百分百|必然)(?:会|能)?(?:支持|判|同意|通过|过|批|赢|站|帮你|退|赔|敲|送|到|上门|受理)"
        rf"|{ASSURE}(?!要|得){EFFORT_GAP}{{0,6}}?{_EFFECT}|[,](?:百分之百|百分百|100%|打包票)(?=[,。!?~]|$)"
        r"|(?:百分百|百分之百|100%)(?:能)?(?:过审|通过|成功|见效|有效|治|瘦|到)",
        exempt_before=_FOR,
        description="不能承诺店铺控制不了的结果（审核、赔付、效果）",
    ),
    rule(
        "ad_superlative",
        "absolute_claim",
        "最",
        # A superlative as the verdict at the end of a clause (advice words excepted), or picked out of a class.
        r"(?<!不)(?<!不是)最(?!近|后|终|晚|早|快|少|多|大|小|新|低满|好(?:你|先|在|还|不|别|是|能|提前|尽快)|适合|合适|省"
        r"|有保障|重要|关键|主要|基本|起码|常见|简单|方便|稳妥|保险|清楚|明智|直接|及时|稳|安心|放心|担心|在意|关心|喜欢"
        r"|常用|难|麻烦|头疼|着急|怕|容易|理想|推荐)\w{1,3}的(?=[,。!?~]|$)"
        r"|(?:所有|同类|市面上?|全部|一众|众多|同价位)\w{0,6}(?:中|里|当中|之中)最"
        r"|最(?:保暖|舒服|轻薄|薄|全面|接近|潮|持久|爆|划算|实惠|顶尖|强大|出色|优秀|地道|新鲜|聪明|高端|耐穿|好卖)"
        + OWN_PICK_AFTER,
        exempt_before=re.compile(OWN_RANGE_BEFORE + r"|适合(?:你|自己|宝宝|孩子)?的(?:才|就)?是$"),
        exempt_in_sentence=re.compile(OWN_RANGE_IN_SENTENCE),
        description="广告法禁用的最高级用语",
    ),
    rule(
        "ad_absolute",
        "absolute_claim",
        "死角 百分 100% 全网 全国 全球 世界 国内 行业 业内 中国 亚洲 "
        "全平台 标杆 国宴 领导人 御用 专供 钦点 唯一 天花板 之王 霸主 "
        "巅峰 秒杀 吊打 完爆 碾压 找不到 没有比 别无 独此",
        r"(?:百分百|百分之百|100%)(?:防|抗|无|不|杀|除|去|治|有效|保|纯天然|吸收|遮|还原|真|原装)"
        r"|(?:全网|全国|全球|世界|国内|行业|业内|中国|亚洲|全平台)(?:首(?:发|款|家|创)|独家|唯一|标杆|领先|顶尖|之最|最)"
        r"|无死角|零死角|标杆|国宴|领导人(?:同款|专用|推荐)|御用|专供|钦点|天花板|之王|霸主|巅峰之作|封神"
        r"|秒杀(?:所有|一切|同类|全网|其他|市面)|吊打|完爆|碾压(?:同类|同价位|其他|所有|一切)"
        r"|找不到比\w{0,6}更(?:好|便宜|低|优|专业)|没有比\w{0,6}更(?:好|便宜|低|优|专业)|别无二家|独此一家"
        r"|唯一(?:的)?(?:正宗|真|原装|原厂|合法|认证|专利|能|有效)",
        description="广告法禁用的绝对化用语",
    ),
)
