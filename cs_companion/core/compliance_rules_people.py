"""Rules about how buyers and others are treated: review manipulation, blame and threats, disparagement."""

from __future__ import annotations

import re

from cs_companion.core.compliance_grammar import (
    ANY_REWARD,
    BAD,
    BAD_JUDGEMENT,
    CHANGE_REVIEW,
    CLAUSE,
    OTHER_PARTY,
    OTHERS,
    POSITIVE,
    REFUND,
    REVIEW,
    REVIEW_ACT,
    REWARD,
    SCORN,
    SCORN_TRIGGERS,
    SENT,
    PatternRule,
    rule,
)
from cs_companion.core.compliance_rules_people_blame import (
    BLAME_RULES,
    BRUSH_OFF_RULES,
    BUYERS_OWN_STEP,
    FORMAL_RULES,
    POLITE_BLAME_RULES,
    RUDE_RULES,
    SARCASM_RULES,
    SLANG_RULES,
    TERSE_RULES,
    THREAT_RULES,
)
from cs_companion.core.compliance_rules_people_extra import EXTRA_PEOPLE_RULES
from cs_companion.core.compliance_rules_people_later import LATER_PEOPLE_RULES
from cs_companion.core.compliance_rules_people_more import MORE_BLAME_RULES
from cs_companion.core.compliance_rules_people_review import FREE_REVIEW, REVIEW_RULES

# Before the other party: the shop itself ("我们家的…") or a hypothesis ("如果您在别家买到假货").
OURS_OR_IF = re.compile(
    r"(?:我们|本店|我家|咱们?|咱家|(?<![日资成基根原样课])本|官方)(?!们)(?!同类|同行|不像|不会像|不跟|不点名|家?比不|家?不比)\w{0,6}$|(?:如果|若|要是|假如|万一)\w{0,8}$"
)

PEOPLE_RULES: tuple[PatternRule, ...] = (
    # ------------------------------------------------------------ review manipulation
    rule(
        "review_reward",
        "review_manipulation",
        "好评 星 满分 全五 五分 5分 好的评价 赞美 评价写好 写好 好好评价 评价好 写得好 返现 好pin 好ping 好坪 ⭐",
        rf"(?:{POSITIVE}{SENT}{{0,10}}(?<!不)(?<!没)(?<!无){REWARD}|{REWARD}{SENT}{{0,10}}{POSITIVE}"
        rf"|{POSITIVE}{SENT}{{0,4}}(?:有惊喜|有礼|有福利|有好处|有奖|截图)|截图{SENT}{{0,6}}{POSITIVE}"
        rf"|{POSITIVE}\w{{0,3}}?(?:后|之后|以后){SENT}{{0,8}}(?:联系|找|私聊|截图|领|返|送|退|补)"
        rf"|(?:只要|如果|要是|若)(?:你)?(?:给|打|写|改成?|追加|补)(?:个|一个|条|了)?(?:五星)?好评"
        rf"|评价{SENT}{{0,8}}返现|返现{SENT}{{0,8}}评价)" + FREE_REVIEW,
        description="奖励不能以好评为条件（诱导好评违反平台规则）",
    ),
    rule(
        "review_change_bribe",
        "review_manipulation",
        "评 星 满分 全五 五分 5分 赞美 写好 写得好",
        rf"{CHANGE_REVIEW}{SENT}{{0,12}}(?:{REWARD}|{REFUND})|(?:{REWARD}|{REFUND}){SENT}{{0,12}}{CHANGE_REVIEW}",
        description="不能用补偿或退款换取删除或修改评价",
    ),
    rule(
        "review_change_pressure",
        "review_manipulation",
        "评 星 满分 全五 五分 5分 赞美 写好 写得好",
        rf"(?:必须|一定要|务必|赶紧|马上|立刻|立即|否则|不然|(?<!不会)(?<!不)(?<!没有)要求你|请立即)"
        rf"{SENT}{{0,8}}{CHANGE_REVIEW}"
        rf"|{CHANGE_REVIEW}{SENT}{{0,6}}(?:否则|不然|才)"
        rf"|(?:不|没)(?:删|改|撤)\w{{0,4}}?{REVIEW}{SENT}{{0,12}}(?:就|才|否则|不然|的话)"
        rf"|(?:给|打|写|留)(?:了|个)?(?:差评|中评){SENT}{{0,10}}(?:就|的话|别想|休想)"
        rf"|不给(?:个|一个)?(?:五星)?好评{SENT}{{0,10}}(?:就|的话|别想|休想)",
        negatable=False,
        description="不能施压要求删除或修改评价",
    ),
    rule(
        "fake_orders",
        "review_manipulation",
        "刷 补单 做单 拍一单 本金",
        r"刷(?:一?单|好评|信誉|销量|评价|单)|补单返|做单返|刷一单|拍一单|本金\w{0,2}佣金|返(?:还)?本金",
        description="不能刷单刷评价",
    ),
    # ------------------------------------------------------------ blaming or threatening the customer
    rule(
        "insult",
        "blame_threat",
        (
            "傻 滚 神经病 有病 活该 找死 白痴 笨蛋 蠢 脑残 智障 有毛病 "
            "脑子有问题 你懂不懂 爱买不买 爱退不退 不买拉倒 投诉 穷就别买 买不起 "
            "少废话 烦不烦 烦死了 闭嘴 无理取闹 不可理喻 事儿多 事真多 难伺候 奇葩 "
            "穷鬼 刁民 耍我"
        ),
        r"傻子|傻瓜|傻逼|滚开|滚蛋|滚(?:吧|远点|出去)|神经病|有病|活该|找死|白痴|笨蛋|蠢|脑残|智障|有毛病|脑子有问题"
        r"|你懂不懂|爱买不买|爱退不退|不买拉倒|投诉也没用|你爱投诉|你去投诉吧|随便投诉|有本事(?:你)?(?:去)?投诉"
        r"|穷就别买|买不起|少废话|烦不烦|烦死了|闭嘴|无理取闹|不可理喻|事儿多|事真多|难伺候|奇葩|穷鬼|刁民|耍我",
        description="不能使用侮辱或轻蔑的语言",
    ),
    rule(
        "blame",
        "blame_threat",
        (
            "你自己 怪你 是你的 谁让你 不当 你是不是 不会用 看不懂 听不懂 识字 "
            "长眼 眼瞎 我们没关 我们无关 关我们 不是我们的 只有你 都没事 都没问题 "
            "都不会"
        ),
        r"(?:都是|都怪|怪|因为)你自己|是你自己(?:的|弄|搞|摔|用坏|没|不|选错|拍错|看错|买错|填错|操作)"
        r"|你自己(?:的问题|的原因|的责任|的错|弄坏|搞坏|摔坏|用坏|没看|不看|看错|选错|拍错|填错|买错|没注意|不注意|不仔细)"
        r"|都怪你|(?<!不)怪你|(?<!不)是你的(?:问题|错|责任|原因)|谁让你"
        r"|你(?:自己)?(?:操作|使用|用)不当|你是不是(?:不会用|看不懂|听不懂|不识字|傻|没看)|你(?:根本)?(?:不会用|看不懂|听不懂)啊"
        r"|你识字吗|你没长眼|你眼瞎"
        r"|(?:跟|和|与)我们(?:没|无)关|不关我们(?:的)?事|(?<!不)(?<!并)不是我们的(?:问题|责任|错)"
        r"|只有你(?:会|才会|一个人)|(?:别人|其他人|其他顾客|别的顾客)都(?:没事|没问题|不会)",
        description="不能把责任推给顾客",
    ),
    rule(
        "threat",
        "blame_threat",
        (
            "报警 起诉 告你 告到你 律师函 追究 法律责任 曝光 人肉 等着 "
            "走着瞧 看着办 后果自负 有你好看 颜色 你敢 别逼我 知道你"
        ),
        r"(?:报警|起诉|告你|告到你|律师函|追究你|(?:我们|我)(?:(?![不没])\w){0,4}追究|法律责任|曝光|人肉|等着瞧|走着瞧|你给我等着"
        r"|看着办|后果自负|有你好看|给你点颜色|你敢" + SENT + r"{0,8}试试|别逼我"
        r"|知道你(?:的)?(?:地址|住|家|电话)"
        r")(?!\w{0,3}(?:事情|这种事|的事|这事))(?!\w{0,2}(?:是|属于)你的(?:合法|正当)?权[利益])"
        # Denied or warned about later in the sentence: "律师函我们没有发过, …请注意防骗".
        r"(?!\w{0,2}(?:我们|本店)(?:从来)?(?:没有?|不会|从不|没)(?:发|说|做|寄))(?![^。!?\n]*(?:防骗|谨防|冒充))",
        exempt_before=re.compile(
            r"(?:请(?!律师)|建议你?|可以|及时|立即|尽快|马上|帮你|协助你?|冒充|骗子|诈骗)"
            + CLAUSE
            + r"{0,3}$|"
            + BUYERS_OWN_STEP.pattern
        ),
        description="不能威胁顾客",
    ),
    # ------------------------------------------------------------ disparaging competitors
    rule(
        "disparage_competitor",
        "disparage",
        (
            "假货 假的 垃圾 骗子 骗人 坑人 劣质 山寨 翻新 以次充好 高仿 a货 "
            "仿品 仿货 水货 次品 差 不行 不靠谱 黑心 忽悠 过期 杂牌 三无 不正规 "
            "不是正品 非正品 偷工减料 一用就坏 被投诉 人品 没良心 智商税"
        ),
        rf"{OTHERS}{SENT}{{0,12}}?(?<!是不是)(?<!有没有)(?<!不是)(?<!不会)(?<!没有)(?<!说我们是)(?<!说我们)(?<!不卖)(?<!不)(?<!没){BAD}",
        exempt_before=OURS_OR_IF,
        description="不能贬低其他店铺或品牌",
    ),
    rule(
        "insult",
        "blame_threat",
        "说了 说几遍 说过多少 都不会 常识 什么态度 自重 找茬 恶意 敲诈 勒索 白嫖 占便宜 贪小便宜 差评师 "
        "有完没完 没完没了 "
        "这种人 这样的人 纠缠 想怎样 找谁 没用 投诉你 举报你 不怕你 不理你 懒得理 别烦 看清楚 不看 关我",
        r"说了多少遍|说几遍|说过多少次|这么简单都不会|这都不会|常识都不懂|什么态度|请你自重|找茬|(?:你|这)(?:是|属于|这是)?"
        r"恶意(?:退款|差评|投诉)|敲诈|勒索|白嫖|想占便宜|贪小便宜|占便宜直说|职业差评|差评师|有完没完|没完没了"
        r"|你(?:这种|这样的)人|(?:别|再)纠缠|你(?:到底)?想怎样|爱找谁找谁|找谁都没用|找(?:平台|小二|客服|谁)也没用"
        r"|(?:跟我说|问我)也?没用|投诉你(?!的)|举报你(?!的)|不怕你|不理你|懒得理|别烦我|看清楚再问|你(?:都)?不看(?:清楚|详情)"
        r"|关我(?:什么|屁)事",
        description="不能使用侮辱或轻蔑的语言",
    ),
    rule(
        "disparage_competitor",
        "disparage",
        "假的 便宜货 回收料 二手 残次品 虚标 刷的 割韭菜 贴牌 代工 小作坊 烂 差 没保障 敢买 有问题 不专业 骗 坑 "
        "智商税 缺斤少两 以假乱真 假冒 冒牌 盗版 抄袭 黑作坊 黑店 奸商 无良 没好货 三无 比不上 没法比 垃圾 比",
        r"(?:某宝|某东|某多多|某猫|某音|某品牌|拼多多上|淘宝上|京东上|闲鱼上|网上那些|直播间那些|人家那|人家的|他们的?"
        r"|对面|竞品|别的牌子|其他牌子|那个品牌|同款|那家店|那家|他家|别家|其他家|同行|外面|市面上)" + SENT + r"{0,14}?"
        r"(?<!不是)(?<!不会)(?<!没有)(?<!说我们是)(?<!说我们)(?<!不)(?<!没)"
        r"(?:假的|便宜货|回收料|二手|残次品|虚标|刷的|割韭菜|贴牌|代工|小作坊|口碑(?:很)?(?:烂|差)|很烂|售后(?:很|特别|太)?差"
        r"|没保障|也敢买|肯定有问题|不专业|骗人|骗钱|坑钱|智商税|缺斤少两|以假乱真|假冒|冒牌|盗版|抄袭|黑作坊|黑店|奸商|无良"
        r"|便宜没好货|三无|差远了|比不上|没法比|都是坑|垃圾)"
        r"|比(?:别家|他家|他们家|同行|别人家|其他家|其他店|别的店|某宝|外面)(?:的)?(?:好|强|便宜|靠谱)(?:多了|太多|得多|很多)",
        exempt_before=OURS_OR_IF,
        description="不能贬低其他店铺或品牌",
    ),
    rule(
        "disparage_competitor",
        "disparage",
        "差 烂 次 不行 一般 上当 被骗 吃亏 后悔 尾货 仿的 翻新货 用两天 用几天 只有我们 只有我家 只有本店",
        r"(?:那些\w{0,4}(?:店|商家|卖家|品牌)|低价店|其他(?:网店|店铺|平台|商家|卖家|牌子|品牌)|别的(?:网店|店铺|平台|商家|卖家)"
        r"|竞争对手|别家|他家|他们家|那家|其他店|别的店|其他家|同行|别人家|隔壁|外面|市面上|对面)" + SENT + r"{0,14}?"
        r"(?<!不是)(?<!不会)(?<!没有)(?<!说我们是)(?<!说我们)(?<!不)(?<!没)"
        r"(?:(?:用料|做工|品质|面料|材料|服务|售后|质量|东西|货|态度)(?:很|太|特别|都|超|非常)?(?:差|烂|次|不行|一般)"
        r"|上当|被骗|吃亏|后悔|尾货|仿的|翻新货|用(?:两|几|没几)天就坏)"
        r"|只有(?:我们|我家|本店)\w{0,3}(?:是|才是)?(?:正品|真的|真货|正宗)",
        exempt_before=OURS_OR_IF,
        description="不能贬低其他店铺或品牌",
    ),
    rule(
        "blame",
        "blame_threat",
        "你自己 怪不了 赖 别怪我们 胡搅蛮缠 无理要求 法律 法院 别人都没 就你 会不会用 看清楚 眼睛 过分 劝你 乱来 给脸",
        r"你自己(?:不小心|粗心|没按|乱)|怪不了我们|赖(?:不到|不着)?我们|别怪我们|胡搅蛮缠|无理要求|法律途径|走法律|法院见"
        r"|别人都没(?:说|问题|反映)|就你(?:一个|事多|麻烦|这么)|会不会用|能不能看清楚|看清楚了吗|眼睛不好|(?:该|应该)看清楚"
        r"|太过分|过分要求|劝你别|别乱来|给脸不要脸",
        exempt_before=BUYERS_OWN_STEP,
        description="不能把责任推给顾客或威胁顾客",
    ),
    rule(
        "threat",
        "blame_threat",
        "差评",
        r"(?:再|敢)(?:给|打)?(?:个)?差评" + SENT + r"{0,8}(?:试试|就|的话)",
        negatable=False,
        description="不能威胁顾客",
    ),
    rule(
        "review_change_bribe",
        "review_manipulation",
        "评 返现 免费 vip 会员价",
        rf"(?:差评|中评|评价){SENT}{{0,14}}(?:删|改(?!进|善|正|变)|撤)(?!不)(?![了掉]?(?:详情|页面|描述|尺码|图|说明|包装|快递|物流|产品|设计))"
        rf"(?:掉|一下|下|了)?[^\n]{{0,16}}?{REWARD}{FREE_REVIEW}"
        r"|(?:晒图|追评|带图|晒单)" + SENT + r"{0,6}返现|返现" + SENT + r"{0,6}(?:晒图|追评|带图|晒单)"
        rf"|{POSITIVE}{SENT}{{0,10}}(?:免费|vip|会员价)",
        description="不能用补偿或退款换取删除或修改评价",
    ),
)

# Structural rules: who is run down and how; what a review is traded for; how a buyer is
# belittled or threatened, whatever the exact words.
STRUCTURAL_PEOPLE_RULES: tuple[PatternRule, ...] = (
    rule(
        "disparage_competitor",
        "disparage",
        "假 仿 山寨 盗版 坑 骗 宰 垃圾 烂 劣 次品 残次 水货 地摊货 三无 翻新 贴牌 回收料 掺 以次充好 偷工减料 刷 "
        "造假 虚 智商税 韭菜 黑心 "
        "无良 奸商 作坊 资质 不正规 激素 差 坏 不行 没法比 比不 不靠谱 后悔 上当 被骗 吃亏 千万 别信 别买 要买 "
        "要信 李鬼 冒牌 抄 "
        "好货 哪有好 能好吗 敢买 不敢 靠不住 不耐用 毛病多 问题多 投诉多 差评多 口碑差 " + SCORN_TRIGGERS,
        rf"{OTHER_PARTY}(?:(?!说(?:我们|咱|你们)|疑似|诈骗|不是我们|(?:没法|无法|不能|不好|很难)(?:判断|鉴定|辨别|确认|分辨)){SENT}){{0,24}}?(?<!不是)(?<!不一定是)(?<!未必是)(?<!不一定)(?<!未必)(?<!不会)(?<!没有)(?<!说我们是)(?<!说我们)(?<!不)(?<!没)"
        rf"(?:{BAD_JUDGEMENT}|{SCORN})(?!\w{{0,2}}(?:我们|咱|本店|官方)的?(?:品牌|店|产品|商品|旗舰店))"
        # Said later in the sentence: no comment on them, or a warning against a scam.
        r"(?![^。!?;\n]*(?:不做评论|不评论|不予评论|不评价|不了解具体|诈骗|冒充(?:我们|客服|官方|本店)|防骗|不是我们))",
        exempt_before=OURS_OR_IF,
        description="不能贬低其他店铺或品牌",
    ),
    rule(
        "review_reward",
        "review_manipulation",
        "评 星 分 全五 赞美 写好 写得好 晒 带图 买家秀 写满 满意 好pin 好ping 好坪 ⭐",
        rf"{REVIEW_ACT}{SENT}{{0,12}}?(?<!不)(?<!没)(?<!无){ANY_REWARD}" + FREE_REVIEW,
        description="奖励不能以评价为条件（诱导好评违反平台规则）",
    ),
    rule(
        "review_steering",
        "review_manipulation",
        "评价 评论 追评 晒图 好评",
        r"(?:评价|评论|追评|晒图)(?:里|中|时|的时候)?\w{0,2}(?:不要|别|千万别|不能)(?:提|写|说|讲|发)"
        r"|(?<!大家)(?<!买家)(?<!很多)(?:追评|评价|好评)(?:(?!都|很多|大家|不少)\w){0,4}说(?:效果|质量|东西)?(?:好(?!的)|不错|很好|满意)"
        r"|(?:先|确认收货并|确认收货后)\w{0,4}(?:给|打)?(?:个)?好评\w{0,10}(?:再|然后|才)\w{0,6}(?:退|处理|补|发)",
        negatable=False,
        description="不能要求顾客按店铺的意思写评价",
    ),
    rule(
        "review_change_pressure",
        "review_manipulation",
        "不删 不改 不撤 没删 没改 没撤",
        rf"{REVIEW}(?:不|没)(?:删|改|撤)\w{{0,2}}(?:的话|就|那)",
        negatable=False,
        description="不能施压要求删除或修改评价",
    ),
    rule(
        "fake_orders",
        "review_manipulation",
        "刷",
        r"刷(?![新卡])\w?单",
        description="不能刷单刷评价",
    ),
    rule(
        "insult",
        "blame_threat",
        "脑子 眼睛 眼 瞎 人话 不是人 给脸 傻 难缠 故意 这个人 这种 这样的 这类 那种 不欢迎 素质 教养 碰瓷 讹 "
        "事儿妈 玻璃心 自作自受 自找 咎由自取 怨不得",
        r"(?:有没有|长没长|带没带)(?:脑子|眼睛|眼)|没(?:长)?脑子|脑子(?:进水|有坑|坏了|被驴踢)|眼睛瞎|瞎了(?:吗|啊|吧)"
        r"|听不懂人话|不是人(?![为工家])|给脸不要脸|是不是傻|你傻|难缠|故意(?:来)?(?:找茬|捣乱|刁难|闹)|没素质|没教养|碰瓷|讹(?:人|钱|我们)|事儿妈|玻璃心|自作自受|自找的|咎由自取|怨不得"
        r"|你(?:这|那)(?:个|种|样的|类)(?:人|买家|顾客|客户|客人)|(?:我们|本店)?不欢迎你|我们不欢迎",
        negatable=False,
        description="不能使用侮辱或轻蔑的语言",
    ),
    rule(
        "blame",
        "blame_threat",
        "别 乱 瞎 是你",
        r"(?:不懂|不会用?|看不懂|不看|嫌贵|买不起|穷|不满意|不想买|不信)\w{0,3}?(?:就|那就)?别(?:买|乱买|来|怪|找|问|用|退|烦)"
        r"|(?:别|不要)(?:来)?(?:找|怪|赖)(?:我们|产品|商家|店家|客服)|你\w{0,4}?(?:乱|瞎)(?:按|用|弄|搞|拆|动|操作|买|点)"
        r"|(?<!不)(?<!不会)是你\w{0,10}?(?:填|选|拍|看|买|弄|写|按|操作|用)错",
        negatable=False,
        description="不能把责任推给顾客",
    ),
    rule(
        "threat",
        "blame_threat",
        "挂 网上 公开 曝光 等着 别想 休想 不给你 不再给你 你去投诉 随便 尽管 后果 封 信息 地址 电话 资料 住址 不怕 "
        "试试",
        r"挂出来|挂到网上|发到网上|挂你|公开你的|(?:把|将)你的?\w{0,6}(?:公开|曝光|发出去|挂)|等着(?:被|瞧|吧)|你等着(?=[,。!?~吧瞧]|$)"
        r"|就不(?:再)?给你(?:发货|退|处理|售后|补发|发|卖|换)|(?:别想|休想)(?:退|买|要|拿|换|再买)"
        r"|你去投诉(?:啊|呀|吧|去)|随便(?:你)?投|尽管(?:去)?投诉|后果(?:你|自己)\w{0,2}(?:负责|承担)|封(?:你的?)?号"
        r"|(?:记下|有|查到|知道)(?:了)?你的?(?:信息|地址|电话|资料|住址)|投诉(?:我们)?也?不怕|你试试(?:看)?(?=[,。!?~]|$)",
        negatable=False,
        # A reassurance, not a threat: "我们不会把您的信息发到网上".
        exempt_before=re.compile(r"(?:我们|我|本店)(?:绝对|保证|承诺)?(?:不会|绝不|从不|不可能|决不)\w{0,8}$"),
        description="不能威胁顾客",
    ),
    rule(
        "threat",
        "blame_threat",
        "拉黑 黑名单",
        r"(?:你|就|会|直接|马上|立刻|给)\w{0,6}?(?:拉黑|(?:加入|列入|拉进|拉入)黑名单)|拉黑你|黑名单(?:买家|用户|客户|顾客)",
        description="不能威胁顾客",
    ),
    *BLAME_RULES,
    *THREAT_RULES,
    *RUDE_RULES,
    *BRUSH_OFF_RULES,
    *POLITE_BLAME_RULES,
    *SARCASM_RULES,
    *SLANG_RULES,
    *FORMAL_RULES,
    *TERSE_RULES,
    *MORE_BLAME_RULES,
    *REVIEW_RULES,
    *EXTRA_PEOPLE_RULES,
    *LATER_PEOPLE_RULES,
)
