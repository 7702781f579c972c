"""The built-in compliance rules: named families, their patterns, the allow-list and negation.

Each family is something platforms punish shops for; its severity says
whether the window must ask before copying (blocking) or only shows it
(warning). The patterns live in ``compliance_rules_trade`` and
``compliance_rules_people``; their shared grammar in ``compliance_grammar``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cs_companion.core.compliance_grammar import CLAUSE, SENT, PatternRule
from cs_companion.core.compliance_rules_people import PEOPLE_RULES, STRUCTURAL_PEOPLE_RULES
from cs_companion.core.compliance_rules_service import SERVICE_RULES
from cs_companion.core.compliance_rules_trade import STRUCTURAL_TRADE_RULES, TRADE_RULES
from cs_companion.core.compliance_speed import guarded

__all__ = ["CLAUSE", "FAMILIES", "RULES", "SENT", "Family", "PatternRule"]


@dataclass(frozen=True, slots=True)
class Family:
    """A group of rules with one meaning and one severity."""

    id: str
    description: str
    blocking: bool


FAMILIES: dict[str, Family] = {
    f.id: f
    for f in (
        Family("forbidden_phrase", "禁忌语", True),
        Family("absolute_claim", "广告法禁用的绝对化用语", True),
        Family("off_platform", "不能引导到平台外联系或交易", True),
        Family("review_manipulation", "不能用好处或施压换取好评、删评或改评", True),
        Family("blame_threat", "不能指责、辱骂或威胁顾客", True),
        Family("disparage", "不能贬低其他店铺或品牌", True),
        Family("guarantee", "不要承诺店铺控制不了的结果", False),
        Family("payment_pressure", "催付不能施压", False),
    )
}

# Trade rules come guarded from their module; the others get their first-character guard here.
RULES: tuple[PatternRule, ...] = (
    *TRADE_RULES,
    *guarded(PEOPLE_RULES),
    *STRUCTURAL_TRADE_RULES,
    *guarded(STRUCTURAL_PEOPLE_RULES),
    *guarded(SERVICE_RULES),
)

# Everyday words that contain a rule's words but are not claims. A finding lying wholly
# inside one of these (canonical form) is dropped; team libraries add their own.
BUILTIN_ALLOW: tuple[str, ...] = (
    "第一时间",
    "最近",
    "最快",
    "最好你",
    "最好先",
    "最好还是",
    "最好不要",
    "最好别",
    "最好是",
    "最好能",
    "最好在",
    "最好提前",
    "最好尽快",
    "最佳赏味",
    "最佳食用",
    "最佳饮用",
    "最佳使用",
    "最佳观赏",
    "不知道怎么感谢",
    "不知道该怎么感谢",
    "不知道如何感谢",
    "不知道说什么好",
    "不知道你",
    "不知道亲",
    "不知道是否",
    "不知道方不方便",
    "不知道这样",
    "不知道能不能",
    "不知道有没有",
    "微信支付",
    "微信零钱",
    "微信钱包",
    "qq音乐",
    "qq浏览器",
    "微信视频通话",
    "微信付款的订单",
    "防伪码",
    "防伪二维码",
    "永久地址",
    "首选项",
    "顶级域名",
    "万能胶",
    "万能表",
    "万能充",
)

# A negation directly before a match, in the same clause: multi-character words up to 10
# characters before it, a lone 不/没/别/勿 only right before it (not the 不 of "还不赶紧付").
NEGATION_BEFORE = re.compile(
    r"(?:不会|不要|不用|不需要|无需|不必|不能|不可以|不可|不得|不该|不应该?|不支持|不提供|不接受|不做|不搞|不参与|不通过"
    r"|不走|不允许|不存在|不建议|不鼓励|不涉及|不敢|不曾|从不|从来不|从来没有?|绝不|决不|绝对不|没有|没法|无法|没办法"
    r"|禁止|严禁|拒绝|杜绝|谨防|警惕|小心|防止|防范|远离|(?<!是)不是|并非|并不|不评价|不说|请勿|切勿|不一定|不好说|不太可能)"
    # An enumeration keeps the negation going: "不会让您下载软件、共享屏幕、填写银行卡号", "不会让您加微信或QQ".
    + r"(?:[^,。!?;\n~、]{0,12}(?:、|或者?|和|及|以及))*"
    + CLAUSE
    + r"{0,8}$|(?:(?<![还再])不|没|别|勿|莫|非)$|不(?:加|添加|用|要|去|进|扫|关注|转)$"
)
# A condition after the negation turns it into a threat: "不加微信的话就没法处理" (not "…就行").
CONDITIONAL = re.compile(r"的话|就(?!行|好|可以)|才|否则|不然|那么|没法|无法|不能|不给")
CONDITIONAL_BEFORE = re.compile(r"(?:如果|要是|若|假如|只要)" + CLAUSE + r"*$")
# Said after the match in the same sentence: "好评返现是违规的，我们不做".
CONDEMNED_AFTER = re.compile(
    r"^"
    + SENT
    + r"{0,20}?(?:违规|违反|违法|不允许|不被允许|禁止|不做|不会做|不搞|不支持|不提供|(?<!评)不参与|骗子|骗局|诈骗"
    r"|不是官方|不要相信|不要信|不影响|不会影响|无关|没有关系|跟评价没关系|不是我们|不是本店|防骗|举报)"
)
# Warnings against fraud mention WeChat and QR codes on purpose.
# So do replies that disown a contact ("那个微信号不是我们的") or tell the buyer to refuse or report it.
ANTI_FRAUD = re.compile(
    r"骗子|诈骗|冒充|假冒|骗局|防骗|谨防|警惕|上当|陌生人|陌生链接|举报|自称|挂断|忽略|甄别|理会|不是(?:我们|本店|官方)|请勿|(?:请|直接)?拒绝"
    r"|不要(?:扫|加|添加|相信|理会|转账|点)|别(?:扫|加|信|理|转账)|只(?:在|通过)平台|以平台为准"
    r"|在平台(?:内|上)?(?:完成|交易|付款|下单|沟通)|(?:没法|无法|不能|不受)保障|风险"
)
CONDEMNABLE_FAMILIES = frozenset({"off_platform", "review_manipulation", "absolute_claim"})
# A coercion pattern is not negatable (its own 不 is the threat), but a negator right before it
# disowns the whole demand: "我们不会要求您删评", "从来没有逼您改评价" (but "能不能…" is a jab, not a refusal).
DISOWNED_BEFORE = re.compile(
    r"(?:不会|绝不会?|决不会?|绝对不会|从不|从来不会?|从来没有?|不曾|并不会?|并没有?|没有|(?<!能)不能|(?<!可)不可以|不得|无权)(?:再|去)?$"
)
