"""Rules about what is sold and how it is paid: absolute claims, off-platform deals, guarantees, payment pressure."""

from __future__ import annotations

import re
from dataclasses import replace

from cs_companion.core.compliance_grammar import (
    ASSURE,
    CLAUSE,
    CONTROLLED,
    DISCLAIMED,
    EFFORT_GAP,
    LOSS,
    MENTIONED,
    NOT_BUYING,
    NOT_CLAIMED_BEFORE,
    OUTCOME,
    OWN_PICK_AFTER,
    OWN_RANGE_BEFORE,
    PURPOSE_OR_DUTY,
    QQ,
    SENT,
    SOFTENED,
    UNPROMISED,
    WECHAT,
    PatternRule,
    rule,
)
from cs_companion.core.compliance_rules_trade_claims import CLAIM_RULES
from cs_companion.core.compliance_rules_trade_extra import EXTRA_TRADE_RULES
from cs_companion.core.compliance_rules_trade_more import OFF_PLATFORM_RULES, PAYMENT_RULES
from cs_companion.core.compliance_rules_trade_promises import PROMISE_TRADE_RULES
from cs_companion.core.compliance_rules_trade_routes import PUSH_RULES, ROUTE_RULES
from cs_companion.core.compliance_speed import guarded

_TRADE_RULES: tuple[PatternRule, ...] = (
    # ------------------------------------------------------------ advertising law: absolute claims
    rule(
        "ad_superlative",
        "absolute_claim",
        "最 没有之一",
        r"(?:全网|全国|全球|全世界|全平台|史上|历史|行业|业内|业界|同类|宇宙|天下)最\w{0,3}"
        # The top of a town or a platform is still a market: "全县最便宜", "快手最大的水果源头".
        r"|(?:全[县市省城区镇州]|本地|(?<!在)(?:快手|抖音|淘宝|京东|拼多多|天猫)(?:上|平台)?)最(?!近|后|早|晚|终|新消息)\w{1,3}"
        r"|最(?:低价|便宜|佳|优(?!惠)|强|棒|牛|火|热门|热销|热卖|畅销|受欢迎|流行|时尚|先进|高级|高端|顶级|专业"
        r"|权威|正宗|安全|有效|健康|环保|舒适|耐用|好用|好看|漂亮|靠谱|齐全|完美|给力|超值|精致|高档|豪华|奢华"
        r"|纯正|天然|优质|具性价比|值得买|红的)(?!的?(?:办法|方法|做法|方式|途径))" + OWN_PICK_AFTER + r"|最好"
        # Which of the shop's own goods is the cheapest or best ("最便宜的是9.9那款") picks one, it claims nothing.
        r"(?:的(?!办法|方法|方式|处理|解决|结果|安排|建议|时间|时机|朋友|祝福)|用(?![手冷温清洗])|看|吃|喝|卖|不过)"
        r"|最低(?:的)?价|价格最低"
        r"|(?:效果|质量|品质|性价比|口碑|做工|面料|材质|价格|服务|销量|工艺)(?:是|也是|绝对是)?最(?:好|佳|优|强|高|棒|低)"
        r"|没有之一",
        exempt_before=re.compile(OWN_RANGE_BEFORE + r"|适合(?:你|自己|宝宝|孩子)?的(?:才|就)?是$"),
        description="广告法禁用的最高级用语",
    ),
    rule(
        "ad_first",
        "absolute_claim",
        "第一 no top number 冠军 销冠 王牌",
        r"(?:全网|全国|全球|世界|中国|国内|亚洲|行业|业内|业界|销量|排名|口碑|人气|品类|类目|同类|市场|全平台|天猫"
        r"|淘宝|京东|拼多多|抖音)第一|(?:全[县市省城区镇州村场站]|本[县市省地])第一|销量\w{1,4}第一|第一(?:品牌|名牌|大品牌|大牌|家)|(?<![a-z])(?:(?:no\.?|top)\s?1|(?:number|top)\s?one)(?![0-9a-z])"
        r"|销量冠军|销冠|冠军(?:品牌|产品|单品)|王牌",
        description="广告法禁用的“第一”类用语",
    ),
    rule(
        "ad_absolute",
        "absolute_claim",
        (
            "级 顶尖 一流 极品 极致 独一份 独此一份 全网独 独一无二 史无前例 前无古人 绝无仅有 空前绝后 万能 神效 "
            "奇效 独家 首发 首家 首个 首选 领先 领导品牌 领袖品牌 驰名商标 免检 "
            "国家推荐 特供 无敌 零风险 无副作用 永久 永不 唯一 百分 100% 绝对"
        ),
        r"国家级|世界级|全球级|宇宙级|顶级|顶尖|一流|极品|极致|独一无二|史无前例|前无古人|绝无仅有|空前绝后|万能|神效|奇效"
        r"|全网独家|全网独(?:一|有)|独一份|独此一份|全球首发|全国首发|首家|首个(?:品牌|推出|采用|研发)|首选(?:品牌|产品|好物)|(?:你的|最佳|理想)首选|(?:遥遥|世界|国际|行业|技术)领先|领导品牌|领袖品牌|驰名商标"
        r"|国家免检|免检产品|质量免检|国家推荐|特供|无敌|零风险|无副作用|永久|永不(?:褪色|变形|磨损|过时|生锈|坏)"
        r"|唯一(?:的)?(?:正品|指定|授权|官方|品牌|渠道|厂家|一家|选择)|独家(?:配方|专利|技术|秘方)"
        r"|(?:百分百|百分之百|100%)(?:有效|正品|纯天然|安全|无毒|满意|好用|真|不过敏|好评)"
        r"|绝对(?:正品|有效|安全|好用|靠谱|物超所值|值得|便宜|划算|最|正宗)",
        description="广告法禁用的绝对化用语",
    ),
    # ------------------------------------------------------------ off-platform contact and payment
    rule(
        "off_platform_contact",
        "off_platform",
        (
            "微 v w q 威信 薇信 徽信 维信 卫星号 扣扣 抠抠 叩叩 蔻蔻 企鹅号 "
            "码 群 公众号 服务号 订阅号 视频号 小红书号 抖音号 快手号 微博号 手机 "
            "电话 号码 联系方式 私人 好友 找我 13 14 15 16 17 18 "
            "19"
        ),
        rf"(?:加|\+|➕)(?:个|一下|我|下|我的|我们的?)?(?:{WECHAT}|{QQ}|v(?![a-z])|微)"
        # WeChat as a wallet ("微信扫码支付", "退回到微信") is not a contact.
        rf"|(?<!退到)(?<!退回)(?<!回到)(?<!原路)(?:{WECHAT})(?!(?:扫码)?(?:支付|零钱|钱包)|付款的(?!话))|{QQ}"
        r"|二维码|收款码|扫(?:一下|一扫)?(?:这个|我的|下面的|图中的|下方的|我们的)?码(?!枪|验|查|看|观看|了解|\w{0,3}(?:查|验|溯源|进的是))|扫码(?:付款|支付|加|进群|领|关注|添加)"
        r"|(?:进|加|入|拉你进?|拉进|建)(?:我们的?|个|一下|下)?\w{0,4}群|(?:粉丝|福利|会员|vip|售后|客户|老客户?|优惠|团购"
        r"|宝妈|内部|专属)群|群号|群聊|群里"
        r"|(?<!官方)(?<!品牌)(?:公众号|服务号|订阅号|视频号|小红书号|抖音号|快手号|微博号)"
        r"|(?:我|我们|本人|店长|老板|私人)的?(?:私人)?(?:手机号码?|手机|电话号码?|私人号码?|联系方式)(?:是|:|发|给|打|加|联系)"
        r"|打(?:我|我们)的?(?:电话|手机)|私人(?:手机|电话|号码|微信|账号)"
        r"|加(?:我|我们)的?(?:好友|私人)|(?:直接|私下)找我(?:下单|买|拍|拿货)"
        r"|(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)",
        exempt_before=re.compile(
            r"(?:防伪|包装|说明书|商品|吊牌|产品|安装|教程|快递员|快递小哥|派件员|配送员|师傅|驿站|网点|快递公司|收件人|收货人|你的|单号"
            r"|订单号?|运单号?|快递号)" + CLAUSE + r"{0,6}$"
        ),
        description="不能引导顾客到平台外联系",
    ),
    rule(
        "off_platform_payment",
        "off_platform",
        "私下 转 到我 进我 银行卡 支付宝账号 收款账户 线下 平台 站外",
        r"私下(?:转账|交易|打款|付款|退款|支付|给|联系|沟通|加|聊|处理)"
        r"|(?:直接|私下|微信|支付宝|银行卡|手机)转(?:账)?给(?:你|我|我们)"
        r"|(?:钱|款|差价|补偿|红包|费用|余款|运费|现金|定金|尾款)" + CLAUSE + r"{0,6}?转(?:账)?给你"
        r"|(?:打|转|汇|付|存)(?:到|进)(?:我|我们)的?(?:支付宝|微信|银行卡|卡|账户|账号)"
        r"|(?:我|我们)的?(?:银行卡号?|支付宝账号|收款账户)|银行卡号"
        r"|线下(?:交易|付款|支付|转账|购买|下单)|(?:不走|绕过|绕开|脱离)平台|(?:平台外|站外)(?:交易|付款|联系|下单|购买)"
        r"|支付宝(?:直接)?转|微信(?:直接)?转(?:账|给)|不用在平台(?:拍|付|买|下单)",
        description="不能引导顾客到平台外付款",
    ),
    # ------------------------------------------------------------ guarantees the shop cannot keep
    rule(
        "guarantee",
        "guarantee",
        "保证 担保 打包票 肯定 绝对 一定 百分 100% 确保 保准 准保 必定 铁定 包 必须",
        rf"{ASSURE}{EFFORT_GAP}{{0,8}}?{OUTCOME}|(?:打包票|我保证|向你保证)[,:]?{EFFORT_GAP}{{0,10}}?{OUTCOME}|包你?(?:满意|治|瘦)"
        r"|包(?:你)?(?:\d+|[一二两三四五六七八九十]+)(?:个工作日|小时|天)(?:之?内)?(?:送达|到货|到达|送到|到)"
        rf"|(?:今天|明天|后天|今晚|下午|上午|\d+天|[一二三两四五]天)(?:之?内|之前|前)?(?:一定|肯定|保证|绝对|必须)"
        rf"(?:能|会)?(?:到|送到|送达|到账|收到)",
        exempt_before=re.compile(PURPOSE_OR_DUTY),
        description="不能承诺店铺控制不了的结果（到货时间、效果、绝不出问题）",
    ),
    # ------------------------------------------------------------ payment pressure
    rule(
        "payment_pressure",
        "payment_pressure",
        (
            "再不 赶紧 赶快 马上 立刻 立即 快点 抓紧 速度 最后 错过 手慢无 "
            "过时不候 过期不候 到底 究竟 拍了 不拍 没拍 不买 没买 不付款 没付款 "
            "不下单 告急 再犹豫 别犹豫 别磨蹭 别墨迹 磨磨唧唧 必须 务必 一定要 "
            "否则"
        ),
        r"再不(?:付款|付钱|拍|买|下单|支付)|(?<![‘'\"“点击])(?:赶紧|赶快|马上|立刻|立即|快点|抓紧|速度)(?:去)?(?:付款|付钱|拍下|拍吧|拍了|下单"
        r"|支付|买|付)|最后(?:的)?机会|错过(?:就|了)?(?:没|不再|再也)|手慢无|过时不候|过期不候|(?:到底|究竟)(?:买不买|要不要"
        r"|拍不拍)|拍了(?:又)?不付|(?:不|没)(?:拍|买|付款)" + SENT + r"{0,4}(?:涨价|没了|没货|后悔|抢走|买不到)"
        r"|(?:今天|现在)不(?:拍|买|下单)|不买(?:就)?后悔|不拍(?:就)?后悔|告急|再犹豫|别犹豫了|别磨蹭|别墨迹|磨磨唧唧"
        r"|(?:必须|务必|一定要)(?:在|于)?\w{0,6}(?:内|前|之前)(?:完成)?(?:付款|支付)|否则"
        + SENT
        + r"{0,4}(?:作废|取消|关闭)"
        r"|只剩最后|限时最后|最后\d+(?:分钟|小时)",
        description="催付不能使用施压话术",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "不付",
        r"(?<!还)不付款" + SENT + r"{0,4}难办",
        exempt_before=re.compile(r"(?:如果|若|假如|万一|要是)\w{0,3}$"),
        description="催付不能使用施压话术",
    ),
    rule(
        "guarantee",
        "guarantee",
        "一定 肯定 保证 绝对 百分 包 必到 必达 终身 永远 失望",
        r"(?:一定|肯定|保证|绝对|百分百|包)(?:会|能|可以)?(?:变白|瘦下来|修好|退成功|成功|赶上|赶得上|来得及"
        r"|不会被?(?:扣|查|税|退回)|终身|永远)|(?:保证|包|百分百|绝对)(?:你)?满意|必到|必达|终身不坏|永远不会坏|永不坏"
        r"|(?:绝|保证|肯定)不会让你失望",
        exempt_before=re.compile(PURPOSE_OR_DUTY),
        description="不能承诺店铺控制不了的结果（到货时间、效果、绝不出问题）",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "还不付 还没付 为什么不付 为啥不付 快付 付一下款 交差 业绩 冲量 求求 先到先得 机会难得 别错过 不要错过 "
        "错过今天 错过这次 再等就 犹豫就会 抢 仅此一次 马上结束 马上截止 名额有限 没这个价 恢复原价 涨回去 赶快拍 "
        "赶紧拍 快下单 还不 为什么 为啥",
        r"还不付|怎么还没付|为什么(?:还)?不付|为啥(?:还)?不付|快付|付一下款|交差|冲业绩|完成业绩|冲量|求求|先到先得|机会难得"
        r"|别错过|不要错过|错过今天|错过这次|再等就|犹豫就会|抢着买|都在抢|被抢光|抢光|仅此一次|马上结束|马上截止|名额有限"
        r"|涨回去|赶快拍|赶紧拍|快下单",
        # A reminder of when a payment opens ("尾款11月1日0点开始付，别错过哦") is a schedule, not a push.
        exempt_in_sentence=re.compile(r"(?:\d+[日号]|\d+点|明天|后天)\w{0,6}开始(?:付|支付|交)|开始(?:付|支付|交)尾款"),
        description="催付不能使用施压话术",
    ),
    rule(
        "off_platform_contact",
        "off_platform",
        "个人号 个人微信 个人账号 私号 官网 小程序 app 闲鱼 拼多多 微店 抖音 快手 小红书",
        r"个人号|个人微信|个人账号|私号|(?:去|到|上)(?:我们的?|我的)?(?:官网|小程序|app|闲鱼|拼多多|微店|抖音|快手|小红书)"
        r"(?:上|里)?" + SENT + r"{0,6}?(?:下单|买|拍|购买|便宜|领|找我)",
        description="不能引导顾客到平台外联系",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "别拍 别占 占库存 占着 过了今天 明天就 考虑这么久 该下单 该付款 影响 系统记录 再考虑 卖完 卖光 抢没 有的是人 "
        "有人买 赶紧的 涨价",
        r"(?:不想买|不买)就别拍|不买别拍|别占着库存|占(?:着)?库存|过了今天就|明天就(?:没|涨|恢复)|考虑这么久|该下单了|该付款了"
        r"|否则(?:会)?影响|影响(?:你的)?(?:信誉|信用)|被系统记录|再考虑就|快卖完|要卖光|马上卖完|就抢没|有的是人(?:买|要)"
        r"|不买有人买|赶紧的|(?:马上|随时|就|要|即将)涨价",
        description="催付不能使用施压话术",
    ),
    rule(
        "guarantee",
        "guarantee",
        "用 天 周 月 星期 海关 不会被 不会再 从不 从来 合适 合身",
        r"(?:一定|肯定|保证|绝对|百分百|包)(?:能|可以|会)?(?:用(?:\d+|[一二三四五六七八九十两]+)年|合适|合身)"
        r"|(?:\d+|[一二三四五六七八九十两]+)(?:天|周|个月|星期)(?:就|便)?(?:能|可以|会)?(?:见效|淡斑|祛斑|美白|变白|瘦|长高|好转"
        r"|治好|痊愈|消失|去除|祛痘)|海关不会(?:查|扣|征税|收税)|不会被(?:海关|税)"
        r"|(?:一定|肯定|保证|绝对)不会再(?:发错|出错|出现|有)|从(?:来)?不(?:会)?(?:延误|丢件|出错|坏)",
        exempt_before=re.compile(PURPOSE_OR_DUTY),
        description="不能承诺店铺控制不了的结果（到货时间、效果、绝不出问题）",
    ),
    rule(
        "off_platform_contact",
        "off_platform",
        "http www 钉钉",
        r"https?://|(?<![a-z])www\.|钉钉",
        description="不能引导顾客到平台外联系",
    ),
)

# Structural rules: the shape of a violation rather than its words. An assurance followed by an
# outcome the shop does not control; not buying now followed by a loss; scarcity; hurry.
_STRUCTURAL: tuple[PatternRule, ...] = (
    rule(
        "guarantee",
        "guarantee",
        "保证 担保 打包票 肯定 绝对 一定 百分 100% 确保 保准 准保 必定 铁定",
        rf"{ASSURE}{EFFORT_GAP}{{0,8}}?(?:(?<!不)(?:能够?|会|可以)(?!{CLAUSE}{{0,12}}?{CONTROLLED})(?!不|是)\w"
        rf"|(?:不会|不再|没有?)(?:再)?(?:有|出)?(?:任何)?\w"
        rf"|(?:判|赢|胜诉|批下来|批准|通过|成功|申请到|赔偿|赔付|理赔|修好|好转|康复|(?:送)?到(?![时期底位店的]|月底|年底|月初|周末|\d|下个?月|活动结束)))",
        exempt_before=re.compile(PURPOSE_OR_DUTY),
        description="不能承诺店铺控制不了的结果（到货时间、效果、审核、赔付、绝不出问题）",
    ),
    rule(
        "guarantee",
        "guarantee",
        "保证 打包票 包你",
        rf"(?:保证|打包票)(?!金|书|期|的是|到(?:月底|年底|月初|周末|\d|下个?月|活动结束|[本这下]周)|是?正品|质量|品质|全新|售后|我们|自家|自己|本店|按|吊牌|商品|包装|产品|每|所有|都是|你?收到的)(?:你)?(?!{CLAUSE}{{0,12}}?{CONTROLLED})\w{{2}}"
        r"|包你(?:不再|不会|能|会|一定|\w{0,2}(?:瘦|白|好|长|治))",
        exempt_before=re.compile(PURPOSE_OR_DUTY),
        description="不能承诺店铺控制不了的结果（到货时间、效果、审核、赔付、绝不出问题）",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "不付 没付 不拍 没拍 不买 没买 不下单 没下单 不抓紧 没抓紧 不抢 没抢 不入手 没入手 不支付 没支付 不结账 没结账",
        rf"{NOT_BUYING}{SENT}{{0,12}}?{LOSS}",
        negatable=False,
        exempt_before=re.compile(r"(?:不会|不)(?:因为|因)\w{0,4}$"),
        description="催付不能用“不买就没了”施压",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "剩 仅余 最后 限量 断货 卖完 抢完 绝版 仅此 卖一件少一件 库存 随时",
        r"仅余|(?:只|仅)有最后|最后(?:\d|几|两)\w?(?:件(?!事)|波|批|天|次|单|个小时|小时|分钟|名额)|(?:马上|就要|快|即将|要)断货"
        r"|卖完(?:就|不|即)|抢完|绝版|仅此一批|卖一件少一件|库存(?:告急|紧张|不多了?)"
        r"|随时(?:会|可能)?(?:涨|恢复|取消|下架|售罄|没)",
        description="催付不能用库存或时间施压",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "赶紧 赶快 抓紧 快 速 冲 错过 提价",
        r"(?:赶紧|赶快|抓紧|快(?!递|乐|捷|件)|速|冲)(?:抓紧)?(?:拍|下单|付|冲|抢|入手|上车|买)|(?:赶紧|抓紧|赶快)(?:的)?(?=[,。!?~]|$)"
        r"|错过(?:了|这次|今天|这波|这个\w{0,2})?(?:就|要|得|再|还得)?(?:等|没(?!关系|事|问题)|再也|后悔|可惜|不再)"
        r"|(?:马上|随时|就|要|即将)(?:要)?提价",
        description="催付不能使用施压话术",
    ),
    rule(
        "off_platform_payment",
        "off_platform",
        "转我 转到我 转进我 转给我 打我 打到我 打进我 打给我 汇我 汇到我 汇进我 汇给我 线下 私下 平台外 别付 "
        "别支付 要付 要支付",
        r"(?:转|打|汇)(?:到|进|给)?(?:我|我们)的?(?:支付宝|微信|银行卡|卡上|账户|账号|私人)"
        r"|(?:钱|款|费|定金|尾款)\w{0,4}(?:转|打|汇)(?:给|到)?我(?!们?(?:这边|平台|店铺|官方))"
        r"|(?:线下|私下|平台外)\w{0,2}(?:转|付|打款|交易|给钱)|(?:拍下|下单)\w{0,2}(?:别|不要|先别)(?:付|支付)",
        description="不能引导顾客到平台外付款",
    ),
    rule(
        "off_platform_contact",
        "off_platform",
        "卫星 薇 威信 徽信 走",
        r"加(?:个|一下|下|我)?(?:卫星|薇|威信|徽信)"
        r"|走(?:我们的?|我的)?(?:闲鱼|微店|官网|小程序|app|拼多多|抖音|快手|小红书)\w{0,2}(?:交易|下单|买|拍|付|购买)?",
        description="不能引导顾客到平台外联系",
    ),
)


def _softened(rules: tuple[PatternRule, ...]) -> tuple[PatternRule, ...]:
    """Scarcity, deadline and hurry words are information when a softener follows ("明天恢复原价，买不买都没关系").

    Threats ("不付就取消") are not negatable and stay as they are: a softener does not take a threat back.
    """
    return tuple(
        replace(r, pattern=re.compile(f"(?:{r.pattern.pattern}){SOFTENED}"))
        if r.family == "payment_pressure" and r.negatable
        else r
        for r in rules
    )


def _unmentioned(rules: tuple[PatternRule, ...]) -> tuple[PatternRule, ...]:
    """Claim words quoted or refused ("“全网最低”这种话不敢说", "不承诺全网最低价") are a mention, not a claim."""
    return tuple(
        replace(
            r,
            pattern=re.compile(f"(?:{r.pattern.pattern}){MENTIONED}"),
            exempt_before=re.compile(
                NOT_CLAIMED_BEFORE + (f"|{r.exempt_before.pattern}" if r.exempt_before is not None else "")
            ),
        )
        if r.family == "absolute_claim"
        else r
        for r in rules
    )


def _disclaimable(rules: tuple[PatternRule, ...]) -> tuple[PatternRule, ...]:
    """Off-platform words in a warning ("私下交易没有保障，请在平台下单", "那个微信号不是我们的") are not a lead."""
    return tuple(
        replace(r, pattern=re.compile(f"(?:{r.pattern.pattern}){DISCLAIMED}")) if r.family == "off_platform" else r
        for r in rules
    )


def _unpromised(rules: tuple[PatternRule, ...]) -> tuple[PatternRule, ...]:
    """A promise taken back in the same sentence ("明天一定到这个我没法保证") is a caveat, not a guarantee."""
    return tuple(
        replace(r, pattern=re.compile(f"{UNPROMISED}(?:{r.pattern.pattern})")) if r.family == "guarantee" else r
        for r in rules
    )


TRADE_RULES: tuple[PatternRule, ...] = guarded(_unpromised(_unmentioned(_disclaimable(_softened(_TRADE_RULES)))))
STRUCTURAL_TRADE_RULES: tuple[PatternRule, ...] = guarded(
    (
        *_unpromised(_disclaimable(_softened(_STRUCTURAL))),
        *PAYMENT_RULES,
        *PUSH_RULES,
        *OFF_PLATFORM_RULES,
        *ROUTE_RULES,
        *_unmentioned(CLAIM_RULES),
        *EXTRA_TRADE_RULES,
        *_unmentioned(_unpromised(PROMISE_TRADE_RULES)),
    )
)
