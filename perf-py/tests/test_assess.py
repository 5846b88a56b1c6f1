"""jixiao.assess: actual results judged against targets (docs/ASSESS.md)."""
from decimal import Decimal

import pytest

import jixiao


def test_scale_words_fold_and_the_score_is_exact():
    a = jixiao.assess("≤36 元", "0.0041万元", weight=10)
    assert a.verdict == "partly_met"
    assert a.score == Decimal("8.78")
    assert a.deviation == Decimal("5")
    assert a.ratio == Decimal("0.8780487804878048780487804878")
    assert a.weight == Decimal("10")
    assert a.reason is None


def test_values_and_texts_are_both_accepted():
    t = jixiao.parse_value("每月20日前发放")
    assert jixiao.assess(t, jixiao.parse_value("每月18日发放"), weight=5).score == Decimal("5")
    assert jixiao.assess(t, "每月25日", weight=5).verdict == "not_met"


def test_not_comparable_says_why():
    a = jixiao.assess("≥100元", "100人", weight=Decimal("2.5"))
    assert a.verdict == "not_comparable"
    assert a.reason == "dimensions differ: target currency, actual count"
    assert a.score is None
    assert a.to_dict() == {
        "verdict": "not_comparable",
        "reason": "dimensions differ: target currency, actual count",
        "ratio": None,
        "deviation": None,
        "score": None,
        "weight": Decimal("2.5"),
    }


def test_default_weight_is_one_hundred():
    assert jixiao.assess("≥95%", "76%").score == Decimal("80")


def test_bad_arguments_raise():
    with pytest.raises(TypeError):
        jixiao.assess(95, "96%")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        jixiao.assess_many(["≥95%"], [])


def test_assess_many_with_a_weight_per_row():
    got = jixiao.assess_many(["≥95%", "≤11月", "长期"], ["38%", "2025年12月1日", "长期"], [10, 4, 6])
    assert [(a.verdict, a.score) for a in got] == [
        ("not_met", Decimal("4")),
        ("not_met", Decimal("0")),
        ("met", Decimal("6")),
    ]


def test_assess_frame_keeps_the_index():
    pandas = pytest.importorskip("pandas")
    df = pandas.DataFrame(
        {"target": ["≥95%", "=394个"], "actual": ["96.5 百分比", "300个"], "w": [10, 10]},
        index=["a", "b"],
    )
    out = jixiao.assess_frame(df, weight="w")
    assert list(out.index) == ["a", "b"]
    assert out.loc["a", "verdict"] == "met"
    assert out.loc["b", "score"] == Decimal("7.61")
    assert out.loc["b", "deviation"] == Decimal("-94")
