"""Blame and review shapes from two more authors (livestream and appliance shops).

Review manipulation: a bad review to be withdrawn and then something given
("一星撤了我给您补根充电线"); words dictated for a review with a gift
("评价里写上“质量很好”就返现"); service held hostage until the review goes
("您删了才能走售后"); a wink instead of a stated reward ("好评有好运，你懂的").
Blame and threats: shame ("脸皮真厚", "脸呢"), "you cannot even …"
("连说明书都看不懂"), accusing the buyer of bad faith ("职业打假", "来找事的"),
and threats to expose the chat or the buyer ("聊天记录发网上", "让你出名").
"""

from __future__ import annotations

from cs_companion.core.compliance_grammar import ANY_REWARD, SENT, PatternRule, rule
from cs_companion.core.compliance_rules_people_review import FREE_REVIEW

_BAD_REVIEW = r"(?:差评|中评|评价|评论|追评|低分|[一二两三123]星)"
_WITHDRAW = r"(?:删|撤|改(?!进|善|正|变)|去掉|拿掉|隐藏)"

EXTRA_PEOPLE_RULES: tuple[PatternRule, ...] = (
    rule(
        "review_change_bribe",
        "review_manipulation",
        "差评 中评 评价 评论 追评 低分 星",
        # "不用删" / "别删" between them is the opposite request.
        _BAD_REVIEW
        + r"(?:(?![不别没用])\w){0,2}"
        + _WITHDRAW
        + r"(?!不)(?:了|掉)?"
        + SENT
        + r"{0,12}?"
        + ANY_REWARD
        + FREE_REVIEW,
        negatable=False,
        description="不能用补偿或退款换取删除或修改评价",
    ),
    rule(
        "review_reward",
        "review_manipulation",
        "评价 评论 追评",
        r"(?:评价|评论|追评)(?:的时候|时|里|中|区)?\w{0,2}(?:写|说|提|带|加|用)上?[“‘\"']"
        + SENT
        + r"{0,24}?"
        + ANY_REWARD
        + FREE_REVIEW,
        description="奖励不能以评价为条件（诱导好评违反平台规则）",
    ),
    rule(
        "review_change_pressure",
        "review_manipulation",
        "差评 中评 评价 评论 一星 低分",
        r"(?:差评|中评|评价|评论|一星|低分)"
        + SENT
        + r"{0,16}?(?:删|撤|改(?!进|善|正|变))(?:了|掉)?(?:之后|以后|后)?(?:才|再)"
        r"(?:能|可以|给|处理|退|走|发|安排|办)"
        r"|(?:差评|中评|一星|低分)(?:还)?(?:挂着|在|不删|不撤)"
        + SENT
        + r"{0,10}?(?:(?:没法|不能|无法|不好|不给)(?:处理|退|售后|办|发|安排|补)|别想|休想)",
        negatable=False,
        description="不能施压要求删除或修改评价",
    ),
    rule(
        "review_reward",
        "review_manipulation",
        "好评 五星 5星",
        r"(?:好评|五星|5星)" + SENT + r"{0,8}?(?:你懂的|懂的都懂|懂得都懂|心照不宣|有好运|不会亏待|亏待不了|少不了你)",
        description="奖励不能以好评为条件（诱导好评违反平台规则）",
    ),
    rule(
        "insult",
        "blame_threat",
        "脸 连 职业打假 找事 闹事 捣乱 搞笑 脑子 都量不 都看不 都选不 都填不 都拍不 都写不 都装不",
        r"脸皮(?:真|好|太|可|也太|挺)?厚|(?<!给脸)不要脸|要点脸|(?:^|[,。!?~]|你的?)脸呢|还要(?:不要)?脸(?:吗|不|呢)"
        r"|连\w{1,8}都(?:看不懂|不会(?:用|装|弄|看|操作)|不懂|量不准|看不清|分不清|搞不懂|弄不好|不看|没看)"
        r"|个(?:(?![我咱])\w){1,4}都[量看选填拍写装]不(?:准|对|清|懂|好|明白)(?!\w{0,2}的话)"
        r"|(?:你|这)(?:是|这是|就是)?\w{0,2}职业打假|来找事|找事的|来闹事|来捣乱"
        r"|(?:^|[,。!?~])(?:真|太)?搞笑(?:了|吧|呢)?(?=$|[,。!?~])"
        r"|脑子(?:没|有)?(?:毛病|问题)(?:吧|吗|啊)|脑子没事吧|脑子呢",
        negatable=False,
        description="不能使用侮辱或轻蔑的语言",
    ),
    rule(
        "blame",
        "blame_threat",
        "怪 赖",
        r"(?:来|又来|反过来|倒|现在)(?:怪|赖)(?:我们|商家|店家|客服|产品|我)",
        negatable=False,
        description="不能把责任推给顾客",
    ),
    rule(
        "threat",
        "blame_threat",
        "律师 网上 群里 朋友圈 直播间 抖音 评理 出名 好看 兜着走 厉害 混不下去 社死 别想 休想",
        r"律师\w{0,4}?(?:会|要|将)?(?:联系你|找你|跟你|告你)"
        r"|(?:把|将)你的?\w{0,6}(?:发|放|挂|贴)(?:到|在)?(?:网上|群里|朋友圈|直播间|抖音|快手)"
        r"|(?:(?:让|叫)大家\w{0,2}评(?:评)?理|大家评评理)(?!\w{0,2}(?:这种|这样的|之类的?)(?:话|说法))"
        r"|我(?:们)?(?:会|就|要)?让你\w{0,6}(?:出名|好看|吃不了兜着走|知道厉害|混不下去|社死)"
        r"|(?:别想|休想)(?:在|从|再|跟|到)\w{1,6}?(?:退|买|要|拿|换|下单|售后)",
        negatable=False,
        description="不能威胁顾客",
    ),
)
