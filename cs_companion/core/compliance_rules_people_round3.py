"""Blame and review shapes from tuning corpora 8 and 9 (appliance installers, snack and fashion shops).

Review manipulation: a reward paid once the five stars "take effect"
("五星评价生效后完成报销"); a reward for "those who gave a good review"
("给了好评的亲我们都记着…多送赠品"); a withdrawal asked for with a threat
("差评您配合撤一下，不然工单一直挂着").
Blame: the buyer's manner or body blamed ("您态度那么差", "你自己皮肤差"),
"what has that to do with us" ("跟我们产品有啥关系"), and "don't eat it if
you don't like it" ("吃不惯就别吃", "嘴巴那么挑").
"""

from __future__ import annotations

from cs_companion.core.compliance_grammar import ANY_REWARD, POSITIVE, SENT, PatternRule, rule
from cs_companion.core.compliance_rules_people_review import FREE_REVIEW

_VALUE = rf"(?<!不)(?<!没)(?<!无)(?<!任何)(?:{ANY_REWARD}|报销|延保|多(?:放|送|寄|发|给))"

ROUND3_PEOPLE_RULES: tuple[PatternRule, ...] = (
    rule(
        "review_reward",
        "review_manipulation",
        "好评 星 满分 全五 五分 5分 好的评价 赞美 满意 好pin 好ping 好坪 ⭐",
        rf"{POSITIVE}{SENT}{{0,16}}?(?:生效|完成|通过|提交|成功|显示)(?:后|之后|以后){SENT}{{0,16}}?{_VALUE}"
        rf"|(?:给|打|写|留)(?:了|过)(?:个)?{POSITIVE}的(?:亲|顾客|客户|买家|宝|朋友|人|老板|姐妹|家人)"
        rf"{SENT}{{0,24}}?{_VALUE}" + FREE_REVIEW,
        description="奖励不能以评价为条件（诱导好评违反平台规则）",
    ),
    rule(
        "review_change_pressure",
        "review_manipulation",
        "不然 否则",
        r"(?:差评|中评|评价|评论|追评)"
        + SENT
        + r"{0,20}?(?<!不用)(?<!别)(?<!不)(?:删|撤|改(?!进|善|正|变))(?:一下|下|掉|了)?"
        + SENT
        + r"{0,4}?(?:不然|否则|要不然)",
        negatable=False,
        description="不能施压要求删除或修改评价",
    ),
    rule(
        "blame",
        "blame_threat",
        "态度 关系 你自己 不惯 挑",
        r"你(?:的|对\w{1,4}?的?)?态度(?:那么|这么|太|很|真|也)(?:差|恶劣|不好|凶)"
        r"|(?:跟|和|与)我们\w{0,4}?有?(?:啥|什么|毛|屁)关系(?![^。!?\n]*(?:帮你|我查|查一下|看一下|核实|确认一下))"
        r"|你自己\w{0,3}?(?:皮肤|体质|肠胃|身体)(?:差|不好|敏感|有问题)"
        r"|(?:吃|用|穿)不惯(?:就|那就)?别(?:吃|用|穿|买)|嘴巴?(?:那么|这么|太|真)挑",
        negatable=False,
        description="不能把责任推给顾客",
    ),
)
