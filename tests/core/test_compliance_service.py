"""Service etiquette (服务禁语): brush-offs are found however they are worded; help offered makes them fine."""

from __future__ import annotations

import pytest

from cs_companion.core.compliance import ComplianceChecker


@pytest.fixture(scope="module")
def checker() -> ComplianceChecker:
    return ComplianceChecker()  # no team phrases: only the built-in rules


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("这个不归我们管，您问平台去", "不归我们管"),
        ("那是仓库的事，跟我们客服没关系", "那是仓库的事"),
        ("物流的问题您直接找快递", "直接找快递"),
        ("售后的事别问我", "别问我"),
        ("哦，那我也没办法", "我也没办法"),
        ("我怎么知道快递几点到", "我怎么知道"),
        ("说了不行就是不行", "说了不行就是不行"),
        ("上面都写着了，自己看吧", "上面都写着了，自己看吧"),
        ("快下班了，明天再说", "快下班了"),
        ("我只是个客服，做不了主", "我只是个客服"),
        ("嗯。不行。", "嗯。不行。"),
        ("没货就是没货", "没货就是没货"),
        ("退款进度你自己去后台看吧", "你自己去后台看吧"),
        ("我们就是卖货的，保修找品牌方去", "我们就是卖货的"),
        ("这个不在我们的售后范围", "不在我们的售后范围"),
        ("我也没办法啊，系统就这么设置的", "没办法"),
        ("此事不在本部门职责范围，恕不受理", "不在本部门职责范围"),
        ("发票问题请联系相关部门", "联系相关部门"),
        ("没有。办不了。", "没有。办不了。"),
        ("您爱怎么想就怎么想", "爱怎么想就怎么想"),
        ("问这么多干嘛", "问这么多干嘛"),
    ],
)
def test_brush_offs_are_found(checker: ComplianceChecker, text: str, words: str) -> None:
    findings = [f for f in checker.check(text) if f.family == "forbidden_phrase"]
    assert findings, text
    assert findings[0].words == words and findings[0].blocking


@pytest.mark.parametrize(
    "text",
    [
        "这个我也不太清楚，我帮您问一下仓库同事",
        "发票的事我这边马上给您转接财务同事",
        "这个问题我处理不了，不过可以帮您申请平台介入",
        "丢件的话我们负责补发，不用您去找快递",
        "我也不知道怎么感谢您才好",
        "您可以在订单详情里自己查看物流",
        "活动规则是平台定的，我把链接发给您看看",
        "没有问题，今天就给您发出",
        "正品就是正品，支持专柜验货",
        "您可以自己在后台看物流进度",
        "您可以自己去订单页看一下物流",
        "这个不在保修范围，不过可以帮您申请付费维修",
    ],
)
def test_help_offered_or_everyday_words_are_clean(checker: ComplianceChecker, text: str) -> None:
    assert [f for f in checker.check(text) if f.family == "forbidden_phrase"] == [], text


def test_team_phrase_and_brush_off_overlap_as_one_finding() -> None:
    checker = ComplianceChecker(["不知道"])
    (finding,) = checker.check("这个我不知道")
    assert (finding.words, finding.start, finding.end) == ("我不知道", 2, 6)
