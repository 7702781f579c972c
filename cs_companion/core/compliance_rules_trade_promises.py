"""Trade shapes added on tuning sets 10 and 11: promises of forever, cures and favours; pressure by guilt or a lost
chance; channels outside the shop named plainly; ranks by grade ("航天级") or by echo ("顶配中的顶配").

Each rule has its own specific trigger words so the live check stays fast; the near-misses each one leaves alone are
in tests/core/test_compliance_trade_extra.py.
"""

from __future__ import annotations

import re

from cs_companion.core.compliance_grammar import DEFECT, DISCLAIMED, HEALTH, SENT, SOFTENED, PatternRule, rule

PROMISE_RULES: tuple[PatternRule, ...] = (
    rule(
        "guarantee",
        "guarantee",
        "永远 永不 一辈子 终身 绝对不 肯定不 保证不 一定不",
        # Forever free of a fault, or never needing a replacement: "永不死机", "跳蚤永远不会再有", "一辈子不用换".
        rf"(?:永远|永|一辈子|终身)(?:都|也)?(?:不(?:会|用|需要)?|没)(?:再)?(?:出现|有|长)?(?:{DEFECT}|死机|掉电|绿线|跳蚤"
        r"|虫|换|复发)|永远不会再(?:有|出现|来)(?=了?(?:$|[,。!?~]))"
        rf"|(?:绝对|肯定|保证|一定)(?:都)?不(?:{DEFECT}|掉电|死机)",
        description="不能承诺店铺控制不了的结果（到货时间、效果、绝不出问题）",
    ),
    rule(
        "guarantee",
        "guarantee",
        "治 预防 防止 包聪明 包长高 包健康 包了 招呼",
        # A cure or a prevention ("能治失眠", "能预防手足口病"), a child made clever, delivery "on us", a favour
        # at the platform ("我打个招呼就能批下来").
        rf"(?:能|可以|可)(?:治|治疗|根治|预防|防止)(?:好)?\w{{0,3}}?{HEALTH}"
        r"|包(?:你|宝宝|孩子)?(?:聪明|长高|健康|不生病)"
        r"|(?:达|到货|送达|准时|时效)(?:这个|这块)?(?:我们|我)包了"
        r"|打(?:个|声)?招呼\w{0,4}(?:批|通过|过审|下来)",
        exempt_before=re.compile(r"(?:不|没法|无法|不敢说|并不)$"),
        description="不能承诺店铺控制不了的结果（效果、审核、赔付）",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "就差 只差 都在等 不然 要不然 否则 挨骂 挨批 被骂 扣工资 补差 新价",
        r"(?:就差|只差)你(?:一个人)?|(?:团|大家|所有人|整个团)(?:都|全)在等你"
        rf"|(?:付款|付|支付|下单|拍)[^。!?;\n]{{0,4}}(?:不然|要不然|否则){SENT}{{0,8}}?(?:作废|失效|领不到|买不到|没了|涨价"
        r"|恢复原价)"
        rf"|(?:不|没)(?:付|拍|买|下单)(?:款|单)?{SENT}{{0,6}}?(?:挨骂|挨批|被骂|扣(?:我)?工资|被罚|补差|按新价)",
        description="催付不能使用施压话术",
    ),
    rule(
        "off_platform_contact",
        "off_platform",
        "店外 外部链接 外链 wei",
        r"店外(?:代购|渠道|交易|购买|下单|付款)|外部链接|站外链接|外链|(?<![a-z])wei\s?xin(?![a-z])",
        description="不能引导顾客到平台外联系",
    ),
    rule(
        "ad_absolute",
        "absolute_claim",
        "航天级 军工级 宇航级 航空级 军用级 最高级别 最高等级 最底价 中的 百分百完美 百分之百完美 100%完美",
        r"(?:航天|军工|宇航|航空|军用)级|最高(?:级别|等级|规格|档次)|最底价|(\w{2})中的\1|(?:百分百|百分之百|100%)完美",
        description="广告法禁用的绝对化用语",
    ),
)


def _wrapped(r: PatternRule) -> PatternRule:
    """Pressure softened by what follows, and contact words in a warning, are not violations (as in the trade file)."""
    from dataclasses import replace

    if r.family == "payment_pressure":
        return replace(r, pattern=re.compile(f"(?:{r.pattern.pattern}){SOFTENED}"))
    if r.family == "off_platform":
        return replace(r, pattern=re.compile(f"(?:{r.pattern.pattern}){DISCLAIMED}"))
    return r


PROMISE_TRADE_RULES: tuple[PatternRule, ...] = tuple(_wrapped(r) for r in PROMISE_RULES)
