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

# ------------------------------------------------------------------ structural vocabulary
# Who is being talked about when a shop runs down the competition: other shops, platforms
# in their euphemisms (某宝, 拼夕夕), brands by letter (x牌), "those live rooms".
OTHER_PARTY = (
    r"(?:(?:某(?:宝|东|多多|猫|音|夕夕|书|品牌|些?(?:店|商家|卖家|品牌))|拼夕夕|夕夕|隔壁|对面|友商|同行(?!业)|竞品|竞争对手"
    r"|别(?:家|人家|的(?:店|商家|卖家|品牌|牌子|平台|直播间))|他(?:家|们家)"
    r"|那(?:家|些)\w{0,5}?(?:店|商家|卖家|品牌|牌子|直播间|主播|厂)|其他\w{0,2}?(?:家|店|商家|卖家|品牌|牌子|平台)"
    r"|外面(?:那些|卖的)?|市面上|人家(?:店|家|那)|网上(?:那些|卖的)|(?:那种|这种)(?:小)?(?:店|商家|卖家)|(?<![a-z])[a-z]牌|那个牌子|(?:淘宝|京东|拼多多|抖音|闲鱼)上(?:的|那些)?|直播间(?:里)?那些)"
    # Named by pointing: "那个网红品牌", "那种低价的面膜", "你说的那款", "XX家的", "A家", "狗东", "对家".
    r"|(?:那(?:个|种|款|几家|几个|些|家)?\w{0,5}?(?:品牌|牌子|大牌|网红|主播|直播间|商家|卖家|厂家|公司|店)"
    r"|那种\w{1,8}的|那家|对家|友商|旁边(?:那|的)?(?:家|店)|隔壁\w{0,3}家|他们(?:那个|那种|那边|的|家)"
    r"|(?:你|你们)(?:说|看|买|收藏|提到|问|发)(?:的|过的)那(?:款|个|家|种|件|双|些)"
    r"|(?<![a-z])(?:x{2,3}|[a-z])(?:家|牌|品牌|牌子|旗舰店|的|米)|(?:国产|老|大|杂|小)牌子|某(?:些)?大牌"
    r"|狗东|猫超|唯品会|小红书|天猫|快手|苏宁|得物|1688|其他直播间|别的直播间|网红(?:品牌|店|款|产品)"
    r"|那些(?:低价|便宜|廉价)|(?:低价|便宜|廉价)的那些|外面卖得便宜|比起别\w{1,2}"
    # Unnamed but plural: "有些商家", "很多网店", "大部分直播间", "网上很多", "同价位的其他".
    r"|(?:有些|有的|一些|很多|不少|大部分|多数|好多|部分|一般的?|普通的?)(?:店|商家|卖家|品牌|牌子|厂家|网店|店铺|直播间|主播|小店|工厂|平台)"
    r"|(?:网上|市场上)(?:很多|好多|卖的|那些)|低价(?:店|货|产品|的)|同价位(?:的)?(?:其他|别的|产品)|九块九|9\.9|包邮的那些))"
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
    r"|补发|换|认真|积极|及时|配合|转告|上报|通知|负责|给你(?:一个)?(?:满意的)?(?:答复|说法|交代|回复))"
)
# Not acting now (not paying, buying, ordering) and what is then lost.
NOT_BUYING = r"(?:不|没|还不|再不)(?:付|拍|买|下单|抓紧|抢|入手|支付|结账)(?:款|钱|下|单)?(?:的话)?"
LOSS = (
    r"(?:没了|没有了|就没|涨|提价|恢复原价|失效|作废|取消|后悔|亏|被\w{0,4}(?:抢|买|拍)|给别人|卖给|释放|下架|买不到|来不及"
    r"|错过)"
)

# More ways to run goods or sellers down, shared by the disparagement shape (``BAD_JUDGEMENT`` or these):
# made of rubbish, dangerous, stale stock, liars, no after-sales, and plain scorn ("渣渣", "一言难尽").
SCORN = (
    r"(?:一年不如一年|没人管|不管你|找不到人|机器人|营销(?:堆|做|出来|炒)|就是营销|飞丝|玩具|粗糙|胶水味|异味|一股\w{0,3}味"
    r"|来路不明|冤大头|(?:傻子|韭菜)才买|谁买谁|临期|过期|库存货|库存尾货|清库存|尾货|跑火车|不能信|不可信|二道贩子|水分"
    r"|假数据|忽悠|噱头|一文不值|不值钱|有毒|超标|甲醛|爆炸|着火|起火|自燃|漏电|莆田|丢人|摆设|糖浆|勾兑|兑(?!换|现)"
    r"|渣渣|不是一个档次|没档次|低档|黑得很|很黑|太黑|熏死|熏人|瑕疵品|淘汰|过时|没区别|稀烂|吊打|甩\w{0,4}几条街|完爆"
    r"|淀粉|代工|纸板|充数|一言难尽|态度\w{0,5}差|小白|皮包公司|ps的|p的图|差远了|品控\w{0,2}(?:烂|差)|工业料"
    r"|一锤子买卖|跑路|便宜是有原因|便宜没好货|授权乱给|水深|一[摔碰洗穿用戴]就(?:坏|碎|断|裂|掉|破|黑|变形|起球)"
    r"|[两几三]天就(?:坏|黑|掉|破|裂|断)|吃老本|没\w{0,2}认证|(?:都|肯定|全)是?有问题|是托|都是托|托儿|演给你看"
    r"|花钱买的|陈米|抛光|对身体不好|伤身|致癌|掉毛|软便|收割|一般般|贵死|死贵|贵在牌子|不保暖|镀银|镀金|烂脸"
    r"|缺斤少两|黑作坊|不专业|没保障|别哭|骗一单|拉胯|拉垮|辣鸡|坑爹|翻车|塌房|倒闭|糊弄|敷衍|粗制滥造|鸡肋|不咋地"
    r"|不怎么样|难用|难吃|难闻|辣眼睛|过气|没人买|卖不动|滞销|小心|当心|注意点|懂的都懂|真不真"
    r"|凑数|[洗穿用戴摔碰]\w{0,3}就(?:坏|碎|断|裂|掉|破|黑|变形|起球|缩水|掉色|开线)|low|一堆毛病|(?:毛病|问题)一堆|笑话"
    r"|可想而知|不建议买|踩雷|串货|a货|用不了多久|用不久|撑不了|老货|新手|什么都不懂|啥都不懂|不一定(?:靠谱|是真|是正品|正品)"
    r"|第三方的货|(?:评价|销量|好评)\w{0,3}(?:都是)?(?:买|刷|刷出来)的|做不出(?:来)?好|出不了好|边角料|(?:也|还)敢(?:给|用|买|吃|穿)"
    r"|敢用吗|敢吃吗|想想为什么|怎么可能(?:那么|这么)便宜|不达标|强(?:太多|多了|得多|很多)|(?:好|靠谱)(?:太多|得多)"
    r"|荧光剂|重金属|塑化剂|工业(?:用|原料|料)|回收料|回收的|劣质|假冒|冒充|虚假宣传|夸大|吹牛|吹嘘|吹出来|吹上天|广告打得"
    r"|低价引流|偷工|以假乱真|糊弄人|坑人|骗人|宰人|宰客|套路|猫腻|水军"
    r"|再生(?:棉|料)|压低成本|偷偷|暗地里|偷换|换了配件|灌装|提上去|先涨后降"
    r"|被(?:平台)?(?:处罚|查|罚|曝光|封)|处罚过|做不到正品|没有\w{0,4}(?:能|可以)?做到正品)"
)
SCORN_TRIGGERS = (
    "一年不如 没人管 不管你 找不到人 机器人 营销 飞丝 玩具 粗糙 胶水味 异味 一股 "
    "来路不明 冤大头 才买 谁买谁 临期 过期 库存 尾货 跑火车 不能信 不可信 二道贩子 水分 "
    "假数据 忽悠 噱头 一文不值 不值钱 有毒 超标 甲醛 爆炸 着火 起火 自燃 漏电 莆田 "
    "丢人 摆设 糖浆 勾兑 兑 渣渣 档次 低档 黑得很 很黑 太黑 熏 瑕疵品 淘汰 过时 "
    "没区别 稀烂 吊打 几条街 完爆 淀粉 代工 纸板 充数 一言难尽 态度 小白 皮包公司 "
    "ps的 p的图 差远了 品控 工业料 一锤子 跑路 便宜是 便宜没 授权乱给 水深 就坏 就碎 "
    "就断 就裂 就掉 就破 就黑 就变形 就起球 吃老本 认证 有问题 是托 托儿 演给你看 "
    "花钱买的 陈米 抛光 对身体不好 伤身 致癌 掉毛 软便 收割 一般般 贵死 死贵 贵在牌子 "
    "不保暖 镀银 镀金 烂脸 缺斤少两 黑作坊 不专业 没保障 别哭 骗一单 拉胯 拉垮 辣鸡 "
    "坑爹 翻车 塌房 倒闭 糊弄 敷衍 粗制滥造 鸡肋 不咋地 不怎么样 难用 难吃 难闻 辣眼睛 "
    "过气 没人买 卖不动 滞销 小心 当心 注意点 懂的都懂 真不真 凑数 low 一堆 笑话 可想而知 "
    "不建议买 踩雷 串货 a货 用不了 用不久 撑不了 老货 新手 都不懂 不一定 第三方的货 买的 "
    "刷的 刷出来的 做不出 出不了好 边角料 敢 想想为什么 怎么可能 不达标 太多 多了 得多 "
    "很多 缩水 掉色 开线 荧光剂 重金属 塑化剂 工业 回收 劣质 假冒 冒充 虚假宣传 "
    "夸大 吹 广告打得 低价引流 偷工 以假乱真 糊弄人 坑人 骗人 宰人 宰客 套路 猫腻 水军 再生 "
    "压低成本 偷偷 暗地里 偷换 换了配件 所谓 其实 灌装 提上去 先涨后降 处罚 被查 被罚 被曝光 被封 "
    "做到正品 做不到正品"
)
