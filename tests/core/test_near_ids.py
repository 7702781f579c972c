"""Did-you-mean for ids one slip away from the catalogue; genuinely new ids stay quiet."""

from __future__ import annotations

from cs_companion.core.loader import load_sources
from cs_companion.core.models import Layer
from cs_companion.core.near_ids import near_category, near_scenario

KNOWN = ["aftersales.refund_progress", "aftersales.return_policy", "logistics.delay", "review.invite"]


def test_near_misses_are_found() -> None:
    assert near_category("aftersale", KNOWN) == "aftersales"
    assert near_category("logistic", KNOWN) == "logistics"
    assert near_scenario("aftersale.refund_progress", KNOWN) == "aftersales.refund_progress"
    assert near_scenario("logistics.dealy", KNOWN) == "logistics.delay"
    assert near_scenario("aftersale.gift_wrap", KNOWN) == "aftersales"  # the category, when no scenario is close


def test_new_ids_and_known_ids_are_not_typos() -> None:
    assert near_category("vip", KNOWN) is None
    assert near_category("aftersales", KNOWN) is None
    assert near_scenario("aftersales.gift_wrap", KNOWN) is None
    assert near_scenario("logistics.delay", KNOWN) is None
    assert near_scenario("review.invite_photo", KNOWN) is None


def test_the_loader_reports_a_category_once_at_its_id() -> None:
    text = (
        "schema: 1\n"
        "categories:\n"
        "  - {id: aftersale, name: 售后}\n"
        "scenarios:\n"
        "  - {id: aftersale.a, name: A}\n"
        "  - {id: aftersale.b, name: B}\n"
        "scripts:\n"
        "  - {id: t.one, scenario: aftersale.a, title: T, body: B}\n"
    )
    result = load_sources([("team.yaml", text.encode())], Layer.TEAM, KNOWN)
    assert result.library is not None  # warnings only
    (problem,) = result.problems
    assert (problem.line, problem.col, problem.is_error) == (3, 10, False)
    assert "did you mean 'aftersales'?" in problem.message


def test_the_builtin_layer_is_never_compared_with_itself() -> None:
    text = "schema: 1\ncategories:\n  - {id: aftersale, name: 售后}\n"
    text += "scripts:\n  - {id: a.b, scenario: x.y, title: T, body: B}\n"
    assert load_sources([("lib.yaml", text.encode())], Layer.BUILTIN).problems == []
