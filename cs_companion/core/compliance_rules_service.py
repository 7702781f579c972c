"""Service etiquette (服务禁语): brush-offs that leave the buyer with no next step.

Every CS training manual has the same list of things an agent must never
say, whatever the team's own 禁忌语: passing the buck (不归我管, 你找快递去),
shrugging (我也不清楚, 没办法), cold refusals (不行就是不行, 就这样), and
impatience (上面说过了, 下班了明天再说, 别问了). A team's
``forbidden_phrases`` can only list exact words; these rules catch the
pattern however it is worded, and they belong to the same family.

What separates a brush-off from honest service is the next step: "这个我也
不太清楚，我帮您问一下仓库" is what trainers teach. So a finding is dropped
when the same sentence offers help (``HELP``).
"""

from __future__ import annotations

import re

from cs_companion.core.compliance_grammar import PatternRule, rule

# The agent takes the next step: asks, checks, contacts, files, transfers, or tells the buyer what they can do.
HELP = re.compile(
    r"帮你|帮忙|为你|替你|给你(?:问|查|确认|核实|联系|反馈|申请|处理|转|登记|回复|答复)"
    r"|我(?:这边|马上|现在|这就|立刻|先|来|去|再|会|可以|已经)+(?:给你)?(?:问|查|确认|核实|联系|反馈|咨询|申请|处理|跟进|转|登记"
    r"|记录|上报|催|核对|请示|安排)"
    r"|(?:你|亲)?可以(?:先|在|到|通过|点|联系|申请|选择|找|提交|拨打|直接)|不过(?:我|可以)|但(?:是)?(?:我|你|可以)"
    r"|建议你|稍等|请稍|马上(?:帮|给|为)|转(?:接|给)(?:售后|同事|专员|主管)|同事(?:会|来|帮)"
)
_SERVICE = "禁忌语（推诿、敷衍或生硬拒绝顾客）"

SERVICE_RULES: tuple[PatternRule, ...] = (
    # "not my job": the buyer is sent away from the shop they bought from.
    rule(
        "brush_off",
        "forbidden_phrase",
        "不归 管不 不管 不负责 只负责 只管 不是我 又不是 的事 关",
        r"不归(?:我|我们|咱们?|客服)(?:管|负责)"
        r"|(?:我|我们|咱们?|客服)(?:这边)?(?:也|都)?(?:管不了|管不着|不管(?![理控道])|只负责(?:卖|发货|销售|售前)|只管(?:售前|卖|发货))"
        r"|(?:我|我们|客服)(?:这边)?(?:也)?不负责(?=[,。!?~]|$|售后|物流|发票|这|那)"
        r"|又不是我(?:们)?\w{0,4}的"
        r"|(?:这|那)?(?:又)?不是(?:我|我们)(?:负责|管)的|(?<!并)(?:不是|又不是)(?:我|我们)(?:的)?事"
        r"|(?:那|这)(?:是|属于)(?:仓库|快递|物流|厂家|平台|财务|驿站|他们|售后|技术)(?:的|那边的)事"
        r"|(?:跟|和|与)我(?:们)?(?:店|这边|客服)?(?:没|无)(?:有)?(?:关系?|关)|关我们?(?:什么|啥)事",
        exempt_in_sentence=HELP,
        description=_SERVICE,
    ),
    # Sending the buyer elsewhere instead of helping: "你找快递去", "去问平台吧", "别问我".
    rule(
        "brush_off",
        "forbidden_phrase",
        "问 找 没用",
        r"(?:问|找)(?:别人|别的客服|其他人|快递|物流|平台|厂家|厂商|售后|售前|财务|仓库|领导|上级|驿站|谁)(?:去|吧|好了|问吧)"
        r"|(?:去|直接|自己)(?:问|找)(?:别人|快递|物流|平台|厂家|厂商|售后|财务|仓库|驿站)(?!\w{0,6}(?:帮|可以|申请|处理|介入))"
        r"|别(?:再)?(?:来)?(?:问|找)(?:我|我们|了)|(?:问|找)(?:我|我们)(?:也|都)?没用|问了也白问|(?:和|跟|对)我(?:们)?说(?:也|都)?没用"
        r"|问我我问谁|谁(?:跟你说|告诉你|说)的?(?:你)?(?:就)?(?:找|问)谁",
        exempt_in_sentence=HELP,
        description=_SERVICE,
    ),
    # A shrug with nothing after it: "我也不清楚", "反正我也处理不了", "那没办法了".
    rule(
        "brush_off",
        "forbidden_phrase",
        "清楚 不懂 知道 搞不 处理不了 解决不了 回答不了 答不了 做不了主 没办法 没法 改不了 无能为力 帮不了",
        r"我(?:也|都|又|真|实在)?(?:不清楚|不太清楚|不懂|不知道|搞不定|搞不懂|搞不清|处理不了|解决不了|回答不了|答不了|做不了主"
        r"|没办法(?=了|啦|呢|[,。!?~]|$)|没法(?:处理|解决|弄|管)|改不了|无能为力|帮不了)"
        # "我不知道您是哪一步出的问题" asks the buyer for detail; it is not a shrug.
        r"(?!(?:该|要)?(?:怎么|如何)(?:感谢|谢|报答)|说什么好|你|亲|是否|能不能|有没有|方不方便|具体)"
        r"|(?<![^,。!?~])不(?:清楚|知道)(?:呢|啊|哦)?(?=[,。!?~]|$)"
        r"|(?:什么|啥)都不(?:清楚|知道|懂)|我(?:怎么|咋|哪)(?:会)?知道|我哪儿知道|谁知道(?:呢|啊|呀)?(?=[,。!?~]|$)"
        r"|(?<![^,。!?~])(?:那|哦|嗯|噢)?[,]?(?:也|就)?没办法(?:了|啦|呢|的)?(?=[,。!?~]|$)",
        exempt_in_sentence=HELP,
        description=_SERVICE,
    ),
    # Cold refusals and impatience.
    rule(
        "brush_off",
        "forbidden_phrase",
        "就这样 不行 没得 没商量 不讲价 价格是死 说 讲过 讲了 写 回复 重复 下班 再说 客服 打工 刚来 忙 小事 急什么 "
        "催什么 没用 没办法 自己",
        r"(?:不行|不能\w{0,4}|不可以|没办法|没得商量)[,。!]*就(?:这样|是这样)(?:吧|了)?(?=[,。!?~]|$)"
        r"|说了不行就是不行|不行就是不行|没得(?:商量|谈)|没商量|(?<!可)不讲价(?!的)|价格是死的"
        r"|(?:上面|前面|刚才|刚刚|之前|已经)(?:都|也)?(?:说过|说了|讲过|讲了|回复过|回复了|写了|写着)(?:了|啊|呀|的)?"
        r"(?:[,。!~]*(?:不想|别|自己看|你看不到|没看到)|(?=[,。!?~]|$))|不想再(?:重复|说|解释)|说了(?:多少|好几|很多)(?:遍|次)"
        r"|(?:下班了|要下班了|快下班了)(?=[^。!?;\n]{0,8}?(?:明天|改天|再说|再问|别|等))|(?:明天|改天|以后|回头)再说(?:吧|了)?(?=[,。!?~]|$)"
        r"|我(?:只是|就是|也就是)(?:个|一个)?(?:小)?(?:客服|打工的)|我(?:是)?刚来的|我(?:也)?很忙|没看(?:到)?我(?:正)?在?忙"
        r"|(?:这种|这点)小事(?:就)?(?:别|也)|急什么|催什么|(?:催|急)(?:也|都)没(?:用|办法)"
        r"|你(?:得)?自己(?:想办法|研究|琢磨|解决|搞定|看着办)|(?:你)?自己(?:查|看)(?:吧|去)(?=[,。!?~]|$)",
        exempt_in_sentence=HELP,
        description=_SERVICE,
    ),
    # Curt stacked refusals with nothing else: "没有，不行，不能退。", "嗯。不行。"
    rule(
        "brush_off",
        "forbidden_phrase",
        "不行 不能 不可以 不退 没有",
        r"^(?:(?:嗯|哦|噢|额|呃)[,。!]*(?:不行|没有|不可以|不能\w{0,2})"
        r"|(?:不行|没有|不可以|不能\w{0,2}|不退\w{0,2})(?:[,。!]+(?:不行|不可以|不能\w{0,2}|不退\w{0,2}|没有))+)[,。!]*$",
        negatable=False,
        description=_SERVICE,
    ),
)
