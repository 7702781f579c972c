"""Blame and review shapes found by later tuning corpora (8–11: installers, snacks, fashion, baby formula, phones).

Corpora 8 and 9.
Review manipulation: a reward paid once the five stars "take effect"
("五星评价生效后完成报销"); a reward for "those who gave a good review"
("给了好评的亲我们都记着…多送赠品"); a withdrawal asked for with a threat
("差评您配合撤一下，不然工单一直挂着").
Blame: the buyer's manner or body blamed ("您态度那么差", "你自己皮肤差"),
"what has that to do with us" ("跟我们产品有啥关系"), and "don't eat it if
you don't like it" ("吃不惯就别吃", "嘴巴那么挑").

Corpora 10 and 11.
Blame: the buyer's own method called wrong ("是您自己冲泡方法不对"), the burden
pushed back ("自己的问题自己担着"), scorn of the buyer as a parent ("还当妈呢")
or as poor ("穷还挑", "嫌差就去买新的").
Review manipulation: what to write in the review, paid for ("评价里写上宝宝很爱喝，
我再给您多加一份赠品", "评价里能不能别提色差 我们补偿您5元"), and a star count
changed for a favour ("把1星改成5星，这次运费我们全包"). A reply about what the
buyer already wrote ("评价里提到的色差，我们给您补偿") stays clean: the verb must
ask for words still to be written, not report them.
"""

from __future__ import annotations

from cs_companion.core.compliance_grammar import ANY_REWARD, POSITIVE, SENT, PatternRule, rule
from cs_companion.core.compliance_rules_people_review import FREE_REVIEW

_VALUE = rf"(?<!不)(?<!没)(?<!无)(?<!任何)(?:{ANY_REWARD}|报销|延保|多(?:放|送|寄|发|给))"

_MANNER_AND_REWARD_RULES: tuple[PatternRule, ...] = (
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

# Asking what the review should say (or leave out), not reporting what it said.
_WRITE_ASK = (
    r"(?:写上|写下|写一下|写个|加上|带上|提一下|提一句|提提|多提|多夸|夸夸|夸一下|多写|别提|不要提|不提|别写|不要写)"
    r"(?!到|了|的)"
)

_DICTATION_AND_BURDEN_RULES: tuple[PatternRule, ...] = (
    rule(
        "blame",
        "blame_threat",
        "你自己 担着 扛着 兜着 自己担 自己扛 自己背 当妈 当爸 做妈 家长 穷 嫌",
        r"是你自己\w{0,6}?(?:方法|方式|操作|用法|步骤)?(?:不对|不当|错了|有问题|不规范)"
        r"|(?:问题|责任|错|锅)(?:就|得|要|你)?自己(?:担|扛|背|兜)|自己(?:担着|扛着|兜着)"
        r"|还(?:当|做)(?:妈|爸|妈妈|爸爸|父母|家长)(?:呢|吗|\?)"
        r"|穷(?:还|就别)挑|嫌\w{0,3}?(?:差|贵|不好)就(?:去买|别买|去别家|找别家|别用)",
        description="不能把责任推给顾客或讥讽顾客",
    ),
    rule(
        "insult",
        "blame_threat",
        "脑子 长点心 用点心",
        # "能不能" here is a rhetorical jab, not a disowned demand, so the match is not negatable.
        r"(?:能不能|可不可以|会不会)(?:动动|动一动|长点|用点|用用|带点)(?:脑子|脑|心)",
        negatable=False,
        description="不能使用侮辱或轻蔑的语言",
    ),
    rule(
        "review_reward",
        "review_manipulation",
        "写上 写下 写一下 写个 加上 带上 提一下 提一句 提提 多提 多夸 夸夸 夸一下 多写 别提 不要提 不提 别写 不要写",
        r"(?:评价|好评|评论|追评|晒图|评)(?:里|中|时|的时候|上|区)?\w{0,6}?" + _WRITE_ASK + SENT + r"{0,24}?"
        r"(?<!不)(?<!没)(?<!无)" + ANY_REWARD,
        description="奖励不能以评价内容为条件（诱导好评违反平台规则）",
    ),
    rule(
        "review_change_bribe",
        "review_manipulation",
        "星改 改成 改为",
        r"(?:[1-4一二三四两]星|差评|中评)(?:改|换)(?:成|为)(?:[5五]星|好评|满分)" + SENT + r"{0,24}?"
        r"(?:(?<!不)(?<!没)(?<!无)" + ANY_REWARD + r"|全包|包了|我们出)",
        description="不能用补偿换取修改评价",
    ),
    rule(
        "review_change_bribe",
        "review_manipulation",
        "改完 改好 删完 删好 删掉 撤完 撤掉",
        r"(?:差评|中评)[^\n]{0,16}?(?:改|删|撤)(?:完|好|掉)(?:了|之后|后|以后)?" + SENT + r"{0,12}?"
        r"(?<!不)(?<!没)(?<!无)" + ANY_REWARD,
        description="不能用补偿换取删除或修改评价",
    ),
    rule(
        "disparage_competitor",
        "disparage",
        "渣 垃圾 烂 死贵 老掉牙 智商税",
        # Run down, then steered to us: "画质渣得很，买我们的吧"; "别买皇家了 配方老掉牙还死贵".
        r"(?:渣得很|很渣|太渣|垃圾|很烂|太烂|死贵|老掉牙|智商税),?(?:还是|不如|建议|直接)?(?:买|选|用)(?:我们|咱|本店)"
        r"|别买\w{1,4}?了,?\w{0,8}?(?:老掉牙|死贵|垃圾|智商税|渣|烂)",
        description="不能贬低其他店铺或品牌",
    ),
)

LATER_PEOPLE_RULES: tuple[PatternRule, ...] = (*_MANNER_AND_REWARD_RULES, *_DICTATION_AND_BURDEN_RULES)
