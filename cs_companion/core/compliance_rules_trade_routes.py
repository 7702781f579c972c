"""More shapes of moving the deal off the platform and of pushing a buyer to pay.

Off-platform: a channel the agent goes to "to talk" ("去V聊"), the chat said to be
watched ("这边聊天会被监控"), the shop's own other front ("我们有自己的小程序，在那边下单更
便宜"), a shop on another platform with a better deal ("淘宝上我们也有店，去那拍我给你改价"),
the buyer's payment account asked for ("给我个支付宝账号我直接转"), a phone call
promised ("留个手机号，我给你打过去"), a code to scan and pay. Warnings about such
channels are dropped by ``DISCLAIMED``.

Payment pressure: the same hurry word said again and again ("尽快！尽快！尽快！").
"""

from __future__ import annotations

from cs_companion.core.compliance_grammar import (
    DISCLAIMED,
    QQ,
    SENT,
    VENUE,
    WECHAT,
    PatternRule,
    rule,
)

_BETTER_DEAL = r"(?:便宜|优惠|改价|内部价|打折|打?[一二三四五六七八九\d]折|折扣|划算|实惠|返现|立减|减)"
_OTHER_SHOP_FRONT = r"(?:淘宝|天猫|京东|拼多多|抖音|快手|小红书|闲鱼|微店|微信)"

ROUTE_RULES: tuple[PatternRule, ...] = (
    rule(
        "off_platform_contact",
        "off_platform",
        "聊 说 谈 沟通 联系 监控 不方便 不好 有 小号 主页 留 联系方式 ❤ ♥ 💚",
        # Talk moved to a channel, the chat said to be watched, the shop's own other front, an account on another app.
        rf"(?:(?:去|到|上|来|转)(?:{WECHAT}|{QQ}|v|vx|wx|微|薇|威)(?:上|里)?(?:聊|说|谈|沟通|联系|细聊|私聊)"
        r"|(?:聊天|对话|消息|聊天记录|这边|这里)\w{0,4}(?:被|有)(?:人)?监控(?!吗|么|\?)"
        r"|(?:这边|这里|平台上?)(?:不方便|不好)(?:说|聊|讲|细说|细聊)"
        r"|(?:我们|咱们?|我|自己)\w{0,2}有(?:自己的?)?(?:个|一个)?"
        + VENUE
        + SENT
        + r"{0,12}?"
        + _BETTER_DEAL
        + r"|"
        + _OTHER_SHOP_FRONT
        + r"(?:上)?(?:的)?小号|小号主页|[威薇徽微v][❤♥💚]"
        r"|(?:那边|那里|主页|私信)\w{0,4}(?:能|可以)?(?:留|加|发)(?:个|下)?(?:联系方式|电话|手机号|微信)"
        r"|(?:也|还)有(?:个|家)?(?:店|店铺|号)"
        + SENT
        + r"{0,16}?(?:去|到|在)(?:那|那边|那里|那儿)"
        + SENT
        + r"{0,10}?"
        + r"(?:"
        + _BETTER_DEAL[3:-1]
        + r"|这边别|这里别|这边不用|别在这)"
        r"|留(?:个|下)(?:你的)?(?:电话|手机号?|联系方式)"
        + SENT
        + r"{0,8}(?:我|我们|老板)(?:一会儿?|等下|稍后|待会儿?|马上|直接|私下)?(?:给你打|打过去|回电|打给你))"
        + DISCLAIMED,
        description="不能引导顾客到平台外联系",
    ),
    rule(
        "off_platform_payment",
        "off_platform",
        "支付宝 银行卡 卡号 收款 码 麻烦 太慢",
        # The buyer's account asked for to pay outside, a code to scan and pay, the platform called a hassle.
        r"(?:(?:给|发|告诉)(?:我|我们)(?:个|一个|下|一下)?(?:你的)?(?:支付宝|银行卡|卡号|收款)(?:账号|账户|号)?"
        r"|扫(?:我|我们|老板|这个|下面的?)\w{0,5}?码\w{0,2}(?:付款|支付|付钱|转账|付)"
        r"|(?:走|通过|在)平台\w{0,4}(?:太麻烦|麻烦|太慢|手续费|扣点))" + DISCLAIMED,
        description="不能引导顾客到平台外付款",
    ),
)

PUSH_RULES: tuple[PatternRule, ...] = (
    rule(
        "payment_pressure",
        "payment_pressure",
        "尽快 快点 赶紧 赶快 抓紧 速度 快快 马上",
        # The same hurry word again and again: "尽快！尽快！尽快！", "快点快点".
        r"(尽快|快点|赶紧|赶快|抓紧|速度|马上)\W{0,3}\1",
        negatable=False,
        description="催付不能使用施压话术",
    ),
)
