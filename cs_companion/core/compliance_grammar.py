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
    exempt_in_sentence: re.Pattern[str] | None = None
    """Tested on the whole sentence: a brush-off that comes with help ("我帮您问一下") is not one."""


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

# ------------------------------------------------------------------ structural vocabulary
# Who is being talked about when a shop runs down the competition: other shops, platforms
# in their euphemisms (某宝, 拼夕夕), brands by letter (x牌), "those live rooms".
OTHER_PARTY = (
    r"(?:某(?:宝|东|多多|猫|音|夕夕|书|品牌|些?(?:店|商家|卖家|品牌))|拼夕夕|夕夕|隔壁|对面|友商|同行(?!业)|竞品|竞争对手"
    r"|别(?:家|人家|的(?:店|商家|卖家|品牌|牌子|平台|直播间))|他(?:家|们家)"
    r"|那(?:家|些)\w{0,5}?(?:店|商家|卖家|品牌|牌子|直播间|主播|厂)|其他\w{0,2}?(?:家|店|商家|卖家|品牌|牌子|平台)"
    r"|外面(?:那些|卖的)?|市面上|人家(?:店|家|那)|网上(?:那些|卖的)|(?:那种|这种)(?:小)?(?:店|商家|卖家)|(?<![a-z])[a-z]牌|那个牌子|(?:淘宝|京东|拼多多|抖音|闲鱼)上(?:的|那些)?|直播间(?:里)?那些)"
)
# A judgement that runs goods or sellers down (fake, shoddy, cheating, harmful, not comparable).
BAD_JUDGEMENT = (
    r"(?:假(?!期|日|如|设|若|使|发票|一赔)|仿|山寨|盗版|坑|骗|宰|垃圾|烂|劣|次品|残次|水货|地摊货|三无|翻新|贴牌|回收料|掺"
    r"|以次充好|偷工减料|刷(?:的|出来)|造假|虚(?:高|标|假)|智商税|韭菜|黑心|无良|奸商|作坊|没资质|不正规|激素"
    r"|差(?!价|评|额|距|不多|异|旅|点|一点|几|些)|一碰就坏|就坏|不行|没法比|比不(?:上|了)|不靠谱|后悔|上当|被骗|吃亏"
    r"|千万别|千万不要|别信|别买|不要买|不要信|李鬼|冒牌|抄(?:的|袭|我们)|没好货|哪有好|能好吗|(?:也)?敢买|不敢(?:用|买)"
    r"|靠不住|不耐用|毛病多|问题多|投诉多|差评多|口碑差)"
)
# Doing something for a review: leaving, improving, extending, deleting or changing one.
REVIEW_ACT = (
    rf"(?:{POSITIVE}|追评|追加评价|晒图|带图|晒单|买家秀|评价写满|写满\d+字|(?:给|写|留|打|发)(?:个|一个|一条)?评价"
    r"|(?<![删改撤]不)(?:改|修改|删|撤)(?!不)\w{0,2}评价?)"
)
# Anything of value a review could be traded for, including money amounts, discounts and privileges.
ANY_REWARD = (
    rf"(?:{REWARD}|{REFUND}|退货|换货|换新|优先\w{{0,2}}(?:处理|发货|售后|退)|话费|[\d一二三四五六七八九]折"
    r"|\d+(?:块|元|毛)|[一二三四五六七八九十两几]+(?:块|元)|小样|赠品|礼)"
)
# What the agent controls: a promise to do these is fair ("一定帮您跟进", "肯定可以开发票").
CONTROLLED = (
    r"(?:帮|催|跟进|处理|反馈|核实|查|尽|联系|回复|答复|说法|交代|盯|安排|登记|记录|开(?:发)?票|开具|退(?!款成功|下来)"
    r"|补发|发货|发出|发的|寄出|打包|出库|质检|全新|正品|换|认真|积极|及时|配合|转告|上报|通知|负责|给你(?:一个)?(?:满意的)?(?:答复|说法|交代|回复))"
)
# Not acting now (not paying, buying, ordering) and what is then lost.
NOT_BUYING = r"(?:不|没|还不|再不)(?:付|拍|买|下单|抓紧|抢|入手|支付|结账)(?:款|钱|下|单)?(?:的话)?"
LOSS = (
    r"(?:没了|没有了|就没|涨|提价|恢复原价|失效|作废|(?<!自动)取消|后悔|亏|被\w{0,4}(?:抢|买|拍)|给别人|卖给|释放|下架|买不到|来不及"
    r"|错过)"
)

# ------------------------------------------------------------------ trade vocabulary (v3)
# A softener after a factual scarcity or deadline note turns it into information, not pressure:
# "只剩3件了，供您参考", "明天恢复原价，买不买都没关系".
SOFTENED = (
    r"(?![^\n]{0,60}?(?:买不买|要不要都|供你参考|给你参考|仅供参考|参考一下|不打扰|可以考虑|考虑一下|考虑好|再想想|慢慢(?:考虑|挑|看|选|来)"
    r"|不着急|不用急|不用着急|不急|按需|需要的话|自己决定|按自己的节奏|看你(?:自己)?的?(?:需要|意愿|安排)|都没关系|也没关系"
    r"|不影响|说一声|跟你说一下|告诉你一声|提前告诉|通知你|提前(?:跟你)?说|没(?:有)?压力|不紧张|不用管|不会再(?:发|提醒|打扰|催)"
    r"|提醒(?:你)?一下|不再打扰|再提醒你|到时候(?:我)?(?:再)?提醒|说明了|说明过|(?:确定|想好|考虑好|看好)(?:了)?再|按(?:你)?(?:喜欢|需要|自己)|挑就行|选就行|还(?:会)?有(?:活动|会员日|折扣|优惠)|下次还有|以后还有|需不需要|需要吗|根据(?:你的)?需要|有需要|如果(?:你)?需要|看你(?!着办)|你看(?!着办)|如(?:还|仍)?需|还需要的话))"
)
# A warning about contact outside the platform, said in the same sentence after the words:
# "有人加你QQ说是客服，请直接拒绝", "那个微信号不是我们的".
DISCLAIMED = (
    r"(?!"
    + SENT
    + r"{0,40}?(?:举报|拒绝|不是(?:我们|本店|官方|我)|不要(?:加|扫|信|相信|理|添加|回复|转)|别(?:加|扫|信|理|转)"
    r"|请勿|切勿|谨防|冒充|诈骗|骗子|挂断|忽略|甄别|理会|警惕|不卖货|只在(?:平台|店铺|店里|这里|淘宝|官方)|真伪|防伪|不(?:会|能)通过|都是假|没(?:有)?保障|不安全|有风险|风险(?:很)?大|建议你?在平台|在平台(?:内|上)?(?:下单|交易|沟通|付款|完成|进行)|都在平台|平台内|自称))"
)
# Places to buy that are not the platform the chat runs on.
VENUE = (
    r"(?:小程序|(?<!宝)(?<!猫)(?<!东)(?<!多)(?<!音)(?<!手)app|官网|闲鱼|小红书|微店|实体店|门店|独立站|网站|网址|抖店"
    r"|有赞|工厂店|直营店|自己的店|私域|官方商城|自营商城|网上商城|浏览器|网店|某(?:音|书|鱼|多多|宝|东))"
)
# A health or body complaint the goods are said to cure.
HEALTH = (
    r"(?:病|疼|痛|炎|血压|血糖|血脂|便秘|失眠|近视|度数|过敏|痘|斑|皱纹|脱发|头发|湿疹|咳|胃|腰|颈椎|关节|鼻炎|肥胖|体重|甲醛"
    r"|三高|糖尿|癌|肿|疤)"
)
# What goods are said never to suffer (the shop cannot promise it).
DEFECT = (
    r"(?:坏|粘|掉(?:色|漆|皮|毛)?|开胶|发黄|变黄|变形|褪色|起球|进水|渗水|漏|烂|破|炸|裂|生锈|磨脚|过敏|晒黑|反弹|复发|丢"
    r"|延误|出错|变质|老化|脱落|断|碎|缩水|卡)"
)
# Said just before an assurance, it is a purpose or a duty, not a promise: "为了保证质量", "要保证吊牌完整".
PURPOSE_OR_DUTY = r"(?:为了?|以便?|要|需要|请|须|必须|得|务必|只能|才能|没法|无法|不能|不敢)$"
# A superlative within the shop's own range ("这款是店里卖得最好的") compares the shop's goods, not the market.
OWN_RANGE_BEFORE = r"(?:店里|我们店|本店|店铺里|店内|这几款|这两款|这三款|几款里|几款中|这些款)" + CLAUSE + r"{0,8}$"
# Words quoted to be refused ("“全网最低”这种话我们不敢说", "“第一”是广告法禁用词") are not a claim.
MENTIONED = (
    r"(?!\w{0,4}\W{0,2}(?:这种|这类|这样的|之类的?)(?:话|说法|词|字眼|用语|宣传)"
    r"|\W{0,2}(?:是|属于|都是)?(?:违规|违反|禁用|违禁|极限词|绝对化))"
)
