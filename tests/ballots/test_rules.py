"""The pass rules against hand-computed tallies, including the exact edges of art. 278."""

from decimal import Decimal
from fractions import Fraction

from grants.ballots import rules
from grants.ballots.rules import Tally, Threshold, evaluate, rule_for

ORDINARY = rule_for(rules.ORDINARY)
SPECIAL = rule_for(rules.SPECIAL)


def tally(eligible, eligible_area, voted, voted_area, favour, favour_area, tied=False):
    return Tally(eligible, Decimal(eligible_area), voted, Decimal(voted_area), favour, Decimal(favour_area), tied)


def test_ordinary_exact_two_thirds_quorum_is_enough():
    # 6 of 9 households (exactly 2/3) holding 600 of 900 m² (exactly 2/3); 4 of 6 in favour, 400 of 600 m².
    verdict = evaluate(ORDINARY, tally(9, "900", 6, "600", 4, "400"))
    assert verdict.quorum_met and verdict.majority_met and verdict.passed


def test_ordinary_exact_half_is_not_a_majority():
    verdict = evaluate(ORDINARY, tally(9, "900", 6, "600", 3, "300"))
    assert verdict.quorum_met
    assert not verdict.majority_met and not verdict.passed
    assert verdict.reasons == ["majority_households", "majority_area"]


def test_ordinary_just_over_half_passes():
    # 4 of 7 households (57%), 350.01 of 700 m² (just over half).
    assert evaluate(ORDINARY, tally(9, "900", 7, "700", 4, "350.01")).passed


def test_quorum_one_household_short():
    verdict = evaluate(ORDINARY, tally(9, "900", 5, "800", 5, "800"))
    assert not verdict.quorum_met and verdict.reasons == ["quorum_households"]


def test_quorum_by_heads_but_not_by_area():
    # 6 of 9 households take part, but they hold 600 of 1000 m² (< 666.67).
    verdict = evaluate(ORDINARY, tally(9, "1000", 6, "600", 6, "600"))
    assert not verdict.passed and verdict.reasons == ["quorum_area"]


def test_majority_by_heads_but_not_by_area():
    # 4 of 6 households in favour, but small flats: 250 of 600 m².
    verdict = evaluate(ORDINARY, tally(9, "900", 6, "600", 4, "250"))
    assert verdict.quorum_met and not verdict.passed and verdict.reasons == ["majority_area"]


def test_special_exact_three_quarters_passes():
    # 8 of 9 take part; 6 of 8 (exactly 3/4) in favour holding 600 of 800 m² (exactly 3/4).
    verdict = evaluate(SPECIAL, tally(9, "900", 8, "800", 6, "600"))
    assert verdict.passed


def test_special_below_three_quarters_fails_where_ordinary_passes():
    t = tally(9, "900", 8, "800", 5, "500")
    assert evaluate(ORDINARY, t).passed
    assert not evaluate(SPECIAL, t).passed


def test_exact_fractions_with_decimal_areas():
    # 2 of 3 flats of 100.01 m²: 200.02 / 300.03 is exactly 2/3; floats would say otherwise.
    assert evaluate(ORDINARY, tally(3, "300.03", 2, "200.02", 2, "200.02")).quorum_met


def test_head_count_rule_parking_plan_96_percent():
    # The parking plan: 300 of 328 households voted, 288 in favour (96%).
    rule = rule_for(rules.HEADS, min_turnout_pct=50, min_favour_pct=50)
    verdict = evaluate(rule, tally(328, "0", 300, "0", 288, "0"))
    assert verdict.passed
    assert rules.share(288, 300) == Decimal("96.0")


def test_head_count_rule_ignores_area():
    rule = rule_for(rules.HEADS, min_turnout_pct=50, min_favour_pct=50)
    assert not rule.by_area
    assert evaluate(rule, tally(10, "1000", 5, "1", 3, "0")).passed


def test_head_count_turnout_is_inclusive():
    rule = rule_for(rules.HEADS, min_turnout_pct=60, min_favour_pct=50)
    assert evaluate(rule, tally(10, "0", 6, "0", 6, "0")).quorum_met
    assert not evaluate(rule, tally(10, "0", 5, "0", 5, "0")).quorum_met


def test_strict_and_inclusive_favour():
    strict = rule_for(rules.HEADS, min_turnout_pct=0, min_favour_pct=60, favour_strict=True)
    inclusive = rule_for(rules.HEADS, min_turnout_pct=0, min_favour_pct=60, favour_strict=False)
    exactly_60 = tally(10, "0", 10, "0", 6, "0")
    assert not evaluate(strict, exactly_60).passed
    assert evaluate(inclusive, exactly_60).passed


def test_nothing_eligible_or_nobody_voted_fails_without_dividing_by_zero():
    assert not evaluate(ORDINARY, tally(0, "0", 0, "0", 0, "0")).passed
    verdict = evaluate(rule_for(rules.HEADS), tally(10, "0", 0, "0", 0, "0"))
    assert verdict.reasons == ["quorum_households", "majority_households"]
    assert rules.share(1, 0) == Decimal("0.0")


def test_a_tie_never_passes():
    verdict = evaluate(rule_for(rules.HEADS), tally(10, "0", 10, "0", 5, "0", tied=True))
    assert not verdict.passed and "tie" in verdict.reasons


def test_threshold_is_exact():
    third = Threshold(Fraction(1, 3), strict=False)
    assert third.met(1, 3) and not third.met(Decimal("0.333333"), 1)
