"""Round-3 trade shapes: claims ranked on an attribute, cures after use, money paid to a person, threats on the account.

Absolute claim: a rank won on one attribute ("清洁力第一", "全网第1"), a superlative
among goods of the same price or kind ("同价位段能效最高"), "the best so far"
("目前最静音"), impossible zeros ("零分贝").

Guarantee: an effect after use ("喝了能降血压"), a failure of the effect made the
agent's problem ("没效果找我", "白不了找我", "塌了算我的"), "even if … it will not"
("就算堵车也不会迟到"), "never again any fault" ("绝不会再出现任何异响"), no harm to
the vulnerable ("孕妇住进去也不会有任何影响").

Off-platform: money to a company account or straight to a person ("银行转账支付给我司",
"费用直接跟他结"), a phone number spelled in Chinese numerals, an account id glued to a
channel name ("薇mj2024home"), another shop front to search ("闲鱼搜我们店名"), the
buyer's wallet asked for ("留个支付宝").

Payment pressure: a restriction on the buyer's account after not paying ("登记在册",
"列入限购名单", "以后购买会受限"), rhetorical hurry ("就不能赶紧付了吗"), an ultimatum
("我最后问一次，付不付"), others queueing with a countdown ("后面还有三个人在排队").
"""

from __future__ import annotations

import re

from cs_companion.core.compliance_grammar import (
    DEFECT,
    DISCLAIMED,
    MENTIONED,
    NOT_CLAIMED_BEFORE,
    OWN_RANGE_BEFORE,
    PURPOSE_OR_DUTY,
    SENT,
    SOFTENED,
    VENUE,
    WECHAT,
    PatternRule,
    rule,
)

_NUM = r"(?:\d+|[一二两三四五六七八九十百半几]+)"
_MARKET = r"(?:全网|全国|全球|世界|中国|国内|亚洲|行业|业内|业界|同类|市场|全平台|天猫|淘宝|京东|拼多多|抖音|品类|类目)"
# Attributes a product can be ranked on; "安全第一", "顾客第一" are mottos, not a rank.
_ATTRIBUTE = (
    r"(?:清洁力|去污力|吸力|风力|动力|扭力|拉力|承重|散热|性能|效果|性价比|颜值|销量|口碑|人气|续航|音质|画质|功率|能效|静音|降噪|制冷|制热|保暖|防水|做工|面料"
    r"|材质|品质|手感|口感|好评率|回购率|复购率|满意度)"
)
_OTHER_SHOP = r"(?:淘宝|天猫|京东|拼多多|抖音|快手|小红书|闲鱼|微店|1688)"
_HEDGED_BEFORE = re.compile(
    r"(?:一般|通常|大概|大约|平均|多数|大部分|有的|有些|部分|可能|或许|也许|正常(?:使用|情况下?|来说|用))[^,。!?;\n~]{0,10}$|"
    + PURPOSE_OR_DUTY
)
_NO_CAVEAT = r"(?!" + SENT + r"*?(?:因人而异|因人|不一定|不能保证|没法保证|无法保证|个体差异|不保证|仅供参考))"
_EFFECT = (
    r"(?:降(?:血压|血糖|血脂)|治好|治愈|根治|痊愈|好转|康复|长高|变白|美白|淡斑|祛斑|祛痘|全消|消掉|消退|不失眠|瘦"
    r"|(?:掉|减|降|轻)了?" + _NUM + r"(?:斤|公斤|kg)|白" + _NUM + r"(?:个)?度)"
)
_NOT_CLAIMED = re.compile(NOT_CLAIMED_BEFORE)

EXTRA_TRADE_RULES: tuple[PatternRule, ...] = (
    rule(
        "ad_first",
        "absolute_claim",
        "第一 第1",
        # A rank on an attribute or over a market, in words or digits: "清洁力第一", "全网第1".
        r"(?:" + _ATTRIBUTE + r"|" + _MARKET + r"(?:排名)?)(?:都是|是|也是|绝对是)?第(?:一|1(?!\d))"
        r"(?!次|步|时间|个|天|批|件|单|档|挡|级|代|阶段|层|格|排|页|项|条|点|轮|周|期|季|章|节|种|类|眼|印象|反应)"
        + MENTIONED,
        exempt_before=_NOT_CLAIMED,
        description="广告法禁用的“第一”类用语",
    ),
    rule(
        "ad_superlative",
        "absolute_claim",
        "最 零分贝 零噪音 零辐射 零甲醛",
        # Among goods of the same price or kind, "so far", or an impossible zero.
        r"(?:(?:同价位|同价|同级别?|同档次?|同品类|同尺寸|同配置|同规格)\w{0,6}?最(?!近|后|早|晚|快|适合|合适|推荐|新)"
        r"|(?:目前|当前|迄今|至今|现阶段)(?:为止)?(?:市面上?|市场上)?(?:的)?最(?:静音|安静|省电|节能|好|强|先进|安全|耐用|轻|薄|强大|高端|专业)"
        r"|零(?:分贝|噪音|辐射|甲醛))" + MENTIONED,
        exempt_before=re.compile(OWN_RANGE_BEFORE + "|" + NOT_CLAIMED_BEFORE),
        description="广告法禁用的最高级用语",
    ),
    rule(
        "ad_absolute",
        "absolute_claim",
        "100% 百分百 百分之百",
        r"(?:百分百|百分之百|100%)天然" + MENTIONED,
        exempt_before=_NOT_CLAIMED,
        description="广告法禁用的绝对化用语",
    ),
    rule(
        "guarantee",
        "guarantee",
        "喝 吃 用 戴 贴 涂 擦 睡 找我 算我的 我赔 退款 退钱 就算 即使 哪怕 不会 绝 永远 再也 孕妇 孕期 宝宝 婴儿 "
        "小孩 孩子 老人 儿童 身体 健康 甲醛 天 周 星期 月",
        # An effect after use, a failure made the agent's problem, "even if … never", no harm to the vulnerable.
        r"(?:(?:喝|吃|用|戴|贴|涂|擦|睡)了?(?:以后|之后|后)?(?:就|都|也)?(?:能|会|可以)"
        + _EFFECT
        + r"|"
        + _NUM
        + r"(?:个)?(?:天|周|星期|月)\w{0,6}?(?:一定|肯定|保证|稳稳|绝对|保准)?"
        + _EFFECT
        + r"|(?:没效果|没有效果|无效|不管用|没用|白不了|瘦不了|不消|不掉|没变化|不见效|不起作用)(?:了|的话)?(?:就|你)?"
        r"(?:找我|算我的|我赔|包赔|赔你|退款|退钱|全额退|双倍)"
        r"|" + DEFECT + r"了?(?:就)?(?:算我的|我赔|赔你)"
        r"|(?:就算|即使|哪怕)" + SENT + r"{0,10}?(?:也|都)(?:绝)?不会(?:迟到|延误|晚到|耽误|" + DEFECT[3:-1] + r")"
        r"|不会迟到(?:一分钟|一秒)"
        r"|(?:绝|绝对|肯定|保证|一定|永远|再也)不会再?(?:出现|有|发生)(?:任何)?\w{0,3}?(?:异响|故障|毛病|质量问题|异味|噪音|漏水|卡顿)"
        r"|(?:孕妇|孕期|宝宝|婴儿|小孩|孩子|老人|儿童|身体|健康|甲醛)"
        + SENT
        + r"{0,10}?(?:也|都|完全|绝对)?不会(?:有)?(?:任何)?"
        r"(?:影响|危害|伤害|副作用))" + _NO_CAVEAT,
        exempt_before=_HEDGED_BEFORE,
        description="不能承诺店铺控制不了的结果（效果、绝不出问题）",
    ),
    rule(
        "off_platform_payment",
        "off_platform",
        "银行转账 对公 我司 本公司 我们公司 直接 私下 留个 留下 留一下 别走 不要走 不用走 不走",
        # Money to a company account or straight to a person; the buyer's wallet asked for; the platform skipped.
        r"(?:银行转账|对公(?:转账|账户|打款)|(?:支付|付|打|转|汇)(?:款)?给(?:我司|本公司|我们公司)"
        r"|(?:费用|钱|款|尾款|余款|差价)\w{0,4}(?:直接|私下)(?:跟|和|给)(?:他|她|师傅|我|老板)(?:结|付|算|转)"
        r"|留(?:个|下|一下)(?:你的)?(?:支付宝|银行卡|卡号|收款)"
        r"|(?:别|不要|不用|不)走平台)" + DISCLAIMED,
        description="不能引导顾客到平台外付款",
    ),
    rule(
        "off_platform_contact",
        "off_platform",
        "一 薇 威 扣 微 搜 扫 本人",
        # A phone number in Chinese numerals, an id glued to a channel name, another front to search, a code to add.
        r"(?:(?<![零一二三四五六七八九])一[三四五六七八九][零一二三四五六七八九]{9}(?![零一二三四五六七八九])"
        rf"|(?:{WECHAT}|[薇威扣]|微(?=[a-z]))(?:号)?:?(?=[a-z_\-]*\d)(?=[0-9_\-]*[a-z])[a-z0-9_\-]{{5,}}"
        r"|(?:" + _OTHER_SHOP + r"|" + VENUE + r")(?:上|里)?\w{0,2}搜" + SENT + r"{0,16}?"
        r"(?:便宜|优惠|价(?:格)?(?:更)?低|拍|下单|买|私聊|私信)"
        r"|扫(?:一?下)?(?:我|我们|老板)\w{0,4}?码|(?:找|联系|加)我本人)" + DISCLAIMED,
        description="不能引导顾客到平台外联系",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "登记在册 记录在案 名单 受限 限制 无法 不能 最后问 付不付 拍不拍 就不能 意思 排队 留 下一 关单 速度",
        # Threats on the account, an ultimatum, a rhetorical hurry, a queue and a countdown.
        r"登记在册|记录在案|列入\w{0,4}名单"
        r"|(?:以后|今后|下次|再来|将来)\w{0,8}?(?:购买|下单|参加|参与|享受)\w{0,4}(?:会|将|可能会?)?(?:受限|被限制|受到限制)"
        r"|(?:关闭|关单|作废|取消|未付款?|不付款?|没付款?|超时)"
        + SENT
        + r"{0,16}?(?:账号|账户|地址|手机号)\w{0,4}(?:将|会|就|也)?"
        r"(?:被)?(?:无法|不能)再?(?:参加|参与|享受|购买|下单)"
        r"|最后(?:问|说)(?:你)?一(?:次|遍)|(?<!买)付不付(?:款)?(?:啊|呀|了)?(?=[?!。,~]|$)"
        r"|就不能(?:赶紧|赶快|快点|早点)?(?:把款)?(?:付|拍|下单)\w{0,2}(?:吗|呢|啊|\?)"
        r"|(?:一直|还|老是|迟迟)不(?:付|拍|下单)(?:款)?(?:是)?(?:啥|什么)意思"
        r"|后面(?:还有)?"
        + _NUM
        + r"个?人(?:在)?(?:排队|等)|只(?:能)?(?:给你)?(?:保)?留"
        + _NUM
        + r"(?:个)?(?:分钟|小时)"
        r"|(?:不|没)(?:想)?(?:要|付|拍|买)"
        + SENT
        + r"{0,8}?给下一(?:个|位|家)|不想(?:要|买|付|拍)"
        + SENT
        + r"{0,8}?关单"
        r"|(?:付款|付钱|下单|拍下|支付)(?:速度|抓紧|快点|赶紧)(?=[!。~]|$)",
        negatable=False,
        description="催付不能使用施压话术",
    ),
    rule(
        "payment_pressure",
        "payment_pressure",
        "最后一 都快",
        # Last one, shouted; time already gone and still not paid (softeners keep it information).
        r"(?:最后一(?:台|套|双|个|份|瓶|盒)(?:了|啦)?!|都(?:快|已经)"
        + _NUM
        + r"?(?:个)?(?:小时|天|分钟)了\W{0,3}(?:还没|还不))"
        + SOFTENED,
        description="催付不能用库存或时间施压",
    ),
)
