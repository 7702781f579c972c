"""Structural payment-pressure and off-platform rules: the shape of the pressure, not a phrase list.

Payment pressure is a request to pay joined to something that leans on the
buyer: a threat of what the shop will do if they do not ("不付我就只能给别人了"),
guilt ("你不付我怎么跟领导交代"), nagging ("付了吗付了吗", "提醒您第5次"), a race
with other buyers ("谁先付是谁的") or regret ("到时候别来找我"). A bare fact
("只剩3件", "明天恢复原价") is only pressure without a softener after it
("供您参考", "买不买都没关系"); gentle reminders stay clean.

Off-platform is a channel (an account id, a phone line, another shop front,
a payment route) joined to moving the deal or the talk there. Warnings about
such channels ("有人加您QQ说是客服，请直接拒绝") are dropped by ``DISCLAIMED``.
"""

from __future__ import annotations

import re

from cs_companion.core.compliance_grammar import (
    DISCLAIMED,
    QQ,
    SENT,
    SOFTENED,
    VENUE,
    WECHAT,
    PatternRule,
    rule,
)

_PAY = r"(?:付|拍|买|下单|支付|结算|结账)"
_NUM = r"(?:\d+|[一二两三四五六七八九十几]+)"

PAYMENT_RULES: tuple[PatternRule, ...] = (
    rule(
        "payment_pressure",
        "payment_pressure",
        "交代 交差 对得起 好意思 不道德 讲信用 讲诚信 帮帮我 哭 浪费 差这点钱 干嘛 早说 倒是 有意思 等你",
        # Guilt: not paying is made the buyer's moral failing or the agent's trouble.
        _PAY
        + r"[^\n]{0,16}?(?:怎么(?:跟\w{0,4})?交代|没法交代|不好交代|交不了差|对得起|多不好意思|怎么好意思|好意思吗"
        r"|不道德|讲信用|讲诚信|帮帮我|要哭|哭了|浪费(?:我|大家)?的?(?:时间|资源)|差这点钱|干嘛|有意思吗)"
        r"|(?:帮帮我|讲信用|讲诚信)[^\n]{0,12}?" + _PAY + r"|不想要(?:就|了)?早说|倒是(?:付|拍|买)"
        r"|一直(?:在)?等你(?:付|拍|下单)|等(?:了)?你(?:付款)?(?:半天|好久|很久|半小时|一上午|一下午|一整天)",
        negatable=False,
        description="催付不能用愧疚或道德压力",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "了吗 了没 在吗 提醒 次 每 直到 付款 人呢 到底 究竟 啊 呀",
        # Nagging: the same question again and again, counted or scheduled reminders, bare orders.
        r"(?:(?:(?:付|拍)(?:款)?了(?:吗|没)\W{0,3}){2}|(?:在吗\W{0,3}){2}|付(?:款)?了(?:吗|没)\W{0,4}(?:在吗|人呢)"
        r"|提醒(?:你|付款)?\w{0,2}?第?" + _NUM + r"次|第" + _NUM + r"次(?:提醒|催)(?!快递|件|物流|仓库|发货|商家|师傅)"
        r"|第几次了|每(?:隔)?" + _NUM + r"?(?:个)?(?:分钟|小时|天)\w{0,6}?(?:提醒|催)|(?:提醒|催)\w{0,8}直到你?(?:付|拍|下单)"
        r"|付款[,!~]?付款|(?:到底|究竟)\w{0,2}?(?:付不付|买不买|要不要|拍不拍|下不下单)"
        r"|付(?:款|钱)?(?:啊|呀)(?=[!?~]|$))" + SOFTENED,
        negatable=False,
        description="催付不能反复催促",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "不付 没付 不拍 没拍 不买 没买 不下单 没下单 不支付 没支付 不结算 没结算 不结账 没结账",
        # Not paying + what the shop will then do to the buyer.
        r"(?:不|没|还不|再不)(?:付|拍|买|下单|支付|结算)(?:款|钱|单)?(?:的话)?" + SENT + r"{0,14}?(?<![不没])"
        r"(?:只能|我就|我们就|就(?:要|会|得|把)?|将|会被?|以后|一律|统一|都会?)\w{0,8}?(?<![不没])"
        r"(?:关掉|关了|(?<!自动)取消|撤|收回|给(?:别人|他|她|其他)|违约|上报|举报|投诉|拉黑|黑名单|不退|扣|拍不了"
        r"|买不到|领不到|享受不了|不会再|不再|作废|失效|涨|没了|没有了|后悔|记录|记在案|在案|影响|恶意|浪费"
        r"|白(?:打包|忙|干|留|等)|损失|算谁的|原价)",
        negatable=False,
        exempt_before=re.compile(r"(?:不会|不)(?:因为|因)\w{0,4}$"),
        description="催付不能用“不付就…”威胁",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "现在就 立刻 立即 马上 还不 快点 快快 别再 不要再 什么 必须 务必 抓紧时间 占着 不候 催",
        # Hurry: an order to pay now.
        r"现在就(?:去)?(?:付|拍(?!照|一下|个|张|视频)|下单|支付|买)|请(?:立刻|立即|马上)(?:去)?处理"
        r"|(?<![‘'\"“点击我])(?:立刻|立即|马上)(?:去)?(?:结算|结账|付|拍(?:下|吧|了)|下单)"
        r"|还不(?:赶紧|赶快|快|快点)|你(?:就)?快点(?:吧|啊|呀|哦|嘛|付|拍|下单)?(?=\W|$)|快点(?:嘛|啦)|快快(?!乐)"
        r"|(?:别|不要)再(?:考虑|犹豫|想|等|拖)了|还(?:在)?(?:考虑|犹豫|等|纠结)(?:什么|啥)|(?:犹豫|纠结)什么"
        r"|(?:必须|务必)(?:今天|今晚|现在|马上|立刻|尽快)\w{0,2}(?:付|支付|拍|下单)|必须(?:付|支付)|抓紧时间\w{0,2}(?:付|拍|下单|买)"
        r"|占着(?:这)?(?:单|订单|名额|库存|货)|(?:超时|逾期|过时|过期)不候|一直催(?!快递|件|物流|仓库|发货)|别让我(?:再)?催",
        negatable=False,
        description="催付不能使用施压话术",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "抢 谁先 晚一 晚了 来不及 别到时候 到时候别 别说我没 别怪我 后悔 考虑 犹豫 等 拖 磨蹭 多久 差你 等你 剩你",
        # A race with other buyers, or regret painted in advance.
        r"(?:人|都|在|被\w{0,3})抢(?!购价|购活动|不到)|抢(?:走|光|完|没|了" + _NUM + r")"
        r"|谁先\w{0,2}(?:付|拍|买|下单)\w{0,2}(?:就)?是谁的"
        r"|晚(?:一秒|一步|一会儿?|了)\w{0,6}?(?:没了|没有了|没货|被|抢|来不及)|(?:后悔|哭)\w{0,2}来不及|后悔一辈子"
        r"|别到时候|到时候别(?:来)?(?:找|怪|说|哭|后悔)|别说我没(?:提醒|说)|别怪我没"
        r"|(?:考虑|犹豫|等|拖|磨蹭)(?:下去|会儿?|久了)?" + SENT + r"{0,8}?就(?:没(?!事|问题|关系)|涨|抢|被|卖完|恢复)"
        r"|还要\w{0,2}(?:考虑|犹豫|拖|等|想)多久|(?:可|千万)?别后悔|不要后悔|就(?:差|等|剩)你(?:一个|这一单|一单|了)",
        negatable=False,
        description="催付不能用抢购或后悔施压",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "剩 限量 最后一 恢复原价 价 锁定 最后期限 最后通",
        # Scarcity or a deadline stated as a fact is pressure unless a softener follows.
        r"(?:(?:仅|只|就)剩(?:下)?(?:最后)?(?:" + _NUM + r"(?:件|个|套|双|份|单|台|瓶|盒|名额|组|小时|分钟|天)|一点|不多)"
        r"|限量(?!款|版|联名|发售)|最后一(?:天|波|批|件|小时)|最后一次(?:机会|提醒|优惠|降价|活动)|最后(?:期限|通牒|通知)"
        r"|恢复原价|(?:以后|明天|再也|就)没(?:有)?这个?价|不会再有这个?价|被锁定)" + SOFTENED,
        description="催付不能用库存或时间施压",
    ),
)

OFF_PLATFORM_RULES: tuple[PatternRule, ...] = (
    rule(
        "off_platform_contact",
        "off_platform",
        ": v wx q 绿泡泡 绿色 企业 企微 威 薇 徽 whatsapp telegram 飞书 陌陌",
        # An account id after a channel name ("薇:xiaomei_2023"), and channels spelled around the filter.
        rf"(?:(?:{WECHAT}|{QQ}|[薇威微扣]|绿泡泡|号)(?:号)?:[a-z0-9_\-]{{5,}}|(?<![a-z_{{])(?:v|vx|wx|q|qq):?(?=[a-z_]*\d)[a-z0-9_\-]{{5,}}"
        r"|绿泡泡|绿色(?:的)?(?:软件|app|聊天软件)|企业(?:威|薇|v)|企微|whatsapp|telegram|飞书|陌陌"
        r"|加(?:个|一下|下|我)?(?:威|薇|徽)(?!胁|力|望|风|严))" + DISCLAIMED,
        description="不能引导顾客到平台外联系",
    ),
    rule(
        "off_platform_contact",
        "off_platform",
        "你的 留个 留下 发下 发一下 发个 发我 告诉我 好友 私人号 搜 私信 电话 号码 手机 - 下次 的v 的微 的威 的薇",
        # Asking for the buyer's account, friending, a phone line to take the deal to.
        rf"(?:(?:你的|留个|留下|发(?:一?下|个|我)|告诉我)\w{{0,3}}(?:{WECHAT}|{QQ}|私人号)(?!支付|零钱|钱包|付款|收款)"
        r"|加(?:个|一下|下|我|老板的?)?(?:好友|私人号)|私人号"
        r"|搜\w{0,8}(?:就能|就可以|能)?找到我(?!们)|搜(?:我的?)?(?:手机号|号码|微信号)"
        r"|私信(?:我|那边|里|老板)"
        r"|电话里(?:对接|谈|沟通|聊|交易|下单)|电话(?:对接|谈价|交易|下单)|(?:我|老板)的(?:v|微|威|薇)(?:是|号|:)"
        r"|(?:打|拨)(?:这个|我的|我们的|老板的)?(?:号码|电话|手机)\w{0,14}?(?:谈|聊|买|下单|交易|便宜|价)"
        r"|(?<!\d)0\d{2,3}-[\dx]{7,8}(?![\dx])|下次\w{0,4}直接找我)" + DISCLAIMED,
        exempt_before=re.compile(r"(?:快递|快递员|驿站|网点|物流|师傅|收件人|收货人|客服|热线|官方|售后)" + SENT + r"{0,6}$"),
        description="不能引导顾客到平台外联系",
    ),
    rule(
        "off_platform_contact",
        "off_platform",
        "小程序 app 官网 闲鱼 小红书 微店 实体店 门店 独立站 网站 网址 抖店 有赞 工厂店 直营店 自己的店 私域 www 点com .com",
        # Another shop front to buy from.
        r"(?:(?:在|去|到|上|来|走|搜|用|下载|下个)(?:我们|我)?(?:的|自己的|家的|店的)?\w{0,4}?" + VENUE
        + SENT + r"{0,12}?(?:下单|买|拍|付|购买|便宜|内部价|价格|打折|[一二三四五六七八九]折|优惠|领|注册|店名|私信|有店|包邮|立减|减|新人|会员)"
        r"|" + VENUE + r"(?:上|里)?(?:也)?有(?:店|我们)|www(?:\.|点)|(?:\.|点)com(?![a-z]))" + DISCLAIMED,
        description="不能引导顾客到平台外购买",
    ),
    rule(
        "off_platform_payment",
        "off_platform",
        "打 转 汇 发 付 存 退 返 支付宝 微信 银行卡 账号 卡号 红包 现金 当面 线下 扣点 抽成 服务费 手续费 转账 平台 不用走 收款码 私账 走私",
        # Money routed around the platform: to a card or account, in cash, as a red packet, to skip its fees.
        r"(?:打|转|汇|发|付|存)(?:款|钱)?(?:到|进|给)(?:这个|我们?的?|下面的?|以下的?|老板的?)?(?:银行卡|卡上|卡里|支付宝|微信|账户|账号|个人)"
        r"|(?:钱|款|费用?|定金|尾款|差价|运费)\w{0,4}(?:转|打|汇)(?:给|到)?(?:我|老板|他|师傅)(?:个人)?(?!们)"
        r"|(?:钱|费用?|定金|尾款|差价|运费)\w{0,2}发(?:给|到)(?:我|老板)(?!们)"
        r"|转(?:给)?我个人|(?:直接|私下)转(?:给)?你|(?:支付宝|微信|银行卡)直接(?:退|转|打|返)给你|(?:支付宝|微信)(?:直接)?(?:退|转|打|返|发)?给你(?!们)"
        r"|(?:支付宝|银行卡|卡号|收款码)(?:账号)?\w{0,2}(?:发|给|告诉)(?:我|一下)|私账|走私"
        r"|告诉我\w{0,4}(?:账号|卡号|支付宝)|(?:发|给|告诉)我你的(?:支付宝|银行卡|卡号|账号)"
        r"|红包给(?:我|老板)|(?:发|给)(?:我|老板)(?:一?个)?红包|(?:直接)?发(?:个)?红包(?:给)?(?:我|老板)"
        r"|(?:给|付)(?:他|我|师傅|老板)?现金|现金(?:给|付|交易|结)|当面(?:给|付|交易|结|交)|线下(?:结账|结算|发货|交易|付|给)"
        r"|(?:平台|淘宝|天猫|京东)\w{0,2}(?:扣点|抽成|服务费|手续费)|省(?:得|去|掉)?(?:平台)?\w{0,2}(?:扣点|手续费|服务费|抽成)"
        r"|不用交平台|不用走(?:淘宝|平台|天猫|京东|拼多多)|(?<!勿)(?<!别)(?<!不)转账(?:就行|就可以|即可|也行|给我)",
        description="不能引导顾客到平台外付款",
    ),
)
