"""Shared grammar of the compliance rules: sentence and clause spans, the rule type, common vocabulary.

Rules are written against ``normalise`` output: lower case, ASCII punctuation
for full-width (，-> ,  ！-> !), 您 written as 你, no spaces between Chinese
characters. The vocabulary here is shared by several families, e.g. a reward
(REWARD) makes a review request a violation and the same words describe
what a coercion withholds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SENT = r"[^。!?;\n]"  # a character of the same sentence
CLAUSE = r"[^,。!?;\n~]"  # a character of the same clause


@dataclass(frozen=True, slots=True)
class PatternRule:
    """One pattern of a family; ``exempt_before`` is tested on the clause text just before a match.

    ``triggers`` are literal words of which every match contains at least
    one; the pattern only runs on texts that contain one, which keeps the
    live check fast (a test checks that the gate never changes a result).
    A pattern that is ``negatable`` is dropped when the clause says the
    opposite ("我们不会让你加微信"); coercion patterns are not negatable
    because their 不 is the threat ("不删评就不退款").
    """

    id: str
    family: str
    pattern: re.Pattern[str]
    triggers: tuple[str, ...]
    negatable: bool = True
    exempt_before: re.Pattern[str] | None = None
    description: str = ""


def rule(rule_id: str, family: str, triggers: str, pattern: str, **kwargs: object) -> PatternRule:
    """A rule from its pattern text; ``triggers`` is a space-separated word list."""
    return PatternRule(rule_id, family, re.compile(pattern), tuple(triggers.split()), **kwargs)  # type: ignore[arg-type]


# ------------------------------------------------------------------ shared vocabulary
REWARD = (
    r"(?:返现|返还|返|送|赠|红包|现金|优惠券|券|礼品|礼物|小礼|有礼|奖励|补贴|补偿|立减|减|积分|打折|折扣|优惠"
    r"|惊喜|福利|好处|免单|包邮|运费险|佣金|抽奖|便宜点|便宜些|优惠价)"
)
REFUND = r"(?:退款|退钱|补发|赔偿|赔|全额退)"
POSITIVE = (
    r"(?:好评|五星|5星|五颗星|5颗星|满分|满星|全五|(?:五|5)分(?!钟|钱|之)|好的评价|好评价|赞美"
    r"|评价写好|写好一点|写好点|好好评价|评价好一点|写得好一点)"
)
CHANGE_VERB = r"(?:删除?|删掉|撤销?|撤回|撤掉|撤下|改成|改为|改掉|修改|改)"
SHORT_CHANGE = r"(?:删评|改评|撤评|删差评|改差评|删中评|改中评)"
REVIEW = r"(?:差评|中评|评价|评论|评分|追评|评)"
CHANGE_REVIEW = (
    rf"(?:{CHANGE_VERB}(?:一下|下)?(?:你的|这个|那个|这条|那条)?{REVIEW}"
    rf"|把(?:你的|这个|那个|这条|那条)?{REVIEW}(?:给)?{CHANGE_VERB}"
    rf"|{SHORT_CHANGE}|(?:改成|改为|改)(?:个|一个)?{POSITIVE})"
)
WECHAT = r"(?:微信|威信|薇信|徽信|微芯|维信|卫星号|wei信|v信|微x|微❤|(?<![a-z])(?:vx|wx|weixin|wechat|v❤)(?![a-z]))"
QQ = r"(?:(?<![a-z])q\s?q(?![a-z])|扣扣|抠抠|叩叩|蔻蔻|企鹅号|(?<![a-z])q(?:号|群))"
OTHERS = (
    r"(?:别家|他家|他们家|那家|其他店|别的店|其他家|同行|别人家|别的商家|其他商家|隔壁|外面(?:那些)?"
    r"|市面上(?:那些)?|某些(?:店|商家|卖家)|有些(?:店|商家|卖家)|别的卖家|其他卖家|友商|其他品牌|别的品牌"
    r"|那个牌子|超市|实体店|\w{1,6}(?:旗舰店|专卖店|专营店))"
)
BAD = (
    r"(?:假货|假的|垃圾|骗子|骗人|坑人|劣质|山寨|翻新|以次充好|高仿|a货|仿品|仿货|水货|次品|质量(?:很|太|特别)?差"
    r"|质量(?:根本)?不行|根本不行|很差|太差|不靠谱|黑心|忽悠|过期|杂牌|三无|不正规|不是正品|非正品|偷工减料|一用就坏"
    r"|被投诉|人品|没良心|智商税|差劲)"
)
ASSURE = r"(?:保证|担保|打包票|肯定|绝对|一定|百分百|百分之百|100%|确保|保准|准保|必定|铁定)"
OUTCOME = (
    r"(?:(?:能|会|就|可以|准时|按时|当天|今天|明天|后天|送)到(?![时期底])|到货|送达|到账|到达|收到|收货|签收|清关|通关"
    r"|(?:\d+|[一二三两四五六七八九十]+)(?:个工作日|天|小时)(?:之?内)?(?:完成|到|送达|到货|到账)"
    r"|有效(?!期)|见效|治好|治愈|根治|祛痘|祛斑|美白|瘦|减肥|长高|增高|不过敏|不会过敏|失眠|不复发|"
    r"不会?坏|不会?掉色|不会?褪色|不会?起球|不会?变形|不会?缩水|不会?漏|不会?丢|不会?延误|不会?延迟|不会?破损"
    r"|(?:不会有|没有?)(?:任何)?色差|没(?:有)?问题|不会出(?:现)?(?:任何)?问题|不会再出现|不降价|便宜)"
)
# Effort the agent controls ("我一定帮您跟进到收到为止") is a fair promise, not a guarantee of the outcome.
EFFORT_GAP = r"(?:(?!帮|催|跟进|处理|反馈|核实|查|尽|联系|回复|盯|给你回)" + CLAUSE + r")"
