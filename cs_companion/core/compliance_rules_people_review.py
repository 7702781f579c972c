"""Structural rules for trading favours against reviews: a condition on a review plus something of value.

Whatever the words, review manipulation has two halves in one sentence:
what the buyer should do about the review (give five stars, not give a bad
one, delete or soften one, write dictated words) and what follows for it (a
refund, a gift, faster service; or, as pressure, a refusal). A condition
word ties them ("只要…就", "…的话", "前提是"). The legit near-misses — a
gift for every review whatever it says, a plain request for honest
feedback — lack the condition or say the review is free ("好评差评都能领").
"""

from __future__ import annotations

import re

from cs_companion.core.compliance_grammar import ANY_REWARD, POSITIVE, SENT, PatternRule, rule

# What the buyer is asked to do with a review.
_REVIEW_ASK = (
    rf"(?:{POSITIVE}|(?:不|别|不要)(?:给|打|写|留)?\w{{0,2}}(?:差评|中评|中差评|低分|一星|两星|三星|差的)"
    r"|(?:差评|中评|评价|评论|追评|一星|两星|三星)[^,。!?;\n]{0,10}?(?:删|撤|去掉|改|隐藏|拿掉)|坚持差评"
    r"|(?:评价|评论|追评)(?:的时候|时|里|中)?\w{0,2}(?:写|说)(?:一句|一下|上)?[“‘\"']|(?:评价|评论|追评)\w{0,6}(?:面子|留点)"
    r"|(?:删除?|撤销?|撤回|修改)\w{0,6}?(?:差评|中评|评价|评论|追评))"
)
_REVIEW_TRIGGERS = (
    "好评 评价好 星 满分 全五 五分 5分 好的评价 好评价 赞美 写好 写得好 "
    "差评 中评 低分 差的 删 撤 去掉 改 隐藏 拿掉 面子 留点 写 说 删除 撤销 撤回 修改"
)
# What follows for it: anything of value, a service favour, or (as pressure) a refusal.
_BENEFIT = (
    rf"(?<!不)(?<!没)(?<!无)(?<!任何)(?:{ANY_REWARD}|补偿|延保|保修|加急|多(?:寄|送|发|给)|补(?:给|你|两|一|个|\d)|打\w{{0,3}}钱|同意|换|红包|纸巾"
    r"|全额|全款|差价|免费|不用寄回|运费|好说|照顾|报销|退\w{0,2}\d+)"
)
FREE_REVIEW = (
    r"(?![^。!?\n]*(?:都能|都可以|都一样|都有|无论|不论|不管|真实评价|如实评价|真实晒图|真实的评价|不影响|不会影响"
    r"|不是我们|不是本店|防骗|骗子|诈骗|冒充|都接受|都欢迎|随你|随意|随心|照样|照常))"
)
"""Said later in the sentence: the review is free ("好评差评都能领") or the offer is someone else's scam."""

REVIEW_RULES: tuple[PatternRule, ...] = (
    rule(
        "review_reward",
        "review_manipulation",
        _REVIEW_TRIGGERS,
        r"(?:(?:只要|如果|要是|若|前提是?|条件是|麻烦)"
        + SENT
        + r"{0,12}?"
        + _REVIEW_ASK
        + SENT
        + r"{0,20}?"
        + _BENEFIT
        + r"|"
        + _REVIEW_ASK
        + SENT
        + r"{0,6}?(?:的话|就|之后|以后|后(?!悔)|再|才|我们?(?:就|再|会|给|私下|额外|私人|马上|立刻|这边))"
        + SENT
        + r"{0,16}?"
        + _BENEFIT
        + r"|"
        + _BENEFIT
        + SENT
        + r"{0,10}?(?:前提|条件|只要|但是?|不过)"
        + SENT
        + r"{0,16}?"
        + _REVIEW_ASK
        # Dictated words, or a bad review to be removed, and then something of value.
        + r"|"
        + r"(?:评价|评论|追评)(?:的时候|时|里|中)?\w{0,2}(?:写|说|提)(?:一句|一下|上)?[“‘\"']"
        + SENT
        + r"{0,24}?"
        + _BENEFIT
        + r"|"
        + r"(?:差评|中评|评价|评论|追评)"
        + SENT
        + r"{0,20}?(?<!不用)(?<!不必)(?<!无需)(?<!不需要)(?<!别)(?<!不)"
        + r"(?:删|撤|去掉|拿掉|隐藏|改(?=一下|下|掉|成|为|回|过来))"
        + SENT
        + r"{0,16}?"
        + _BENEFIT
        + r")"
        + FREE_REVIEW,
        exempt_before=re.compile(r"(?:无论|不论|不管|不会|不|没有|从不|绝不)" + SENT + r"{0,10}$"),
        description="奖励不能以评价为条件（诱导好评违反平台规则）",
    ),
    rule(
        "review_change_pressure",
        "review_manipulation",
        "差评 中评 评价 评论",
        r"(?:坚持|还是|要是|如果|执意)\w{0,2}(?:给|打|写|留)?(?:差评|中评)" + SENT + r"{0,16}?"
        r"(?:拒绝|不给|不能|没法|无法|只能|不予|就不|别想)"
        r"|(?:差评|中评|评价|评论)(?:不|没)(?:删|改|撤|去掉)" + SENT + r"{0,16}?(?:就|不给|不能|没法|拒绝|只能|别想)",
        negatable=False,
        description="不能施压要求删除或修改评价",
    ),
    rule(
        "review_steering",
        "review_manipulation",
        "记得 一定要 务必 麻烦",
        r"(?:评价|评论|追评|晒图)\w{0,6}(?:记得|一定要|务必|麻烦)(?:说|写|提)\w{0,6}"
        r"(?:好|正品|不错|满意|很快|没问题|无色差|没色差)",
        negatable=False,
        description="不能要求顾客按店铺的意思写评价",
    ),
)
