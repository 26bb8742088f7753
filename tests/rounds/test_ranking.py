"""The formula, tie rule and award walk against examples computed by hand."""

from decimal import Decimal as D

from grants.rounds.ranking import Candidate, final_score, rank, review_total, walk

WEIGHTS = {"review": D(40), "roadshow_expert": D(30), "roadshow_rep": D(30), "peer": D(0), "public": D(0)}


def c(pk, amount, review, expert, rep, order=0):
    return Candidate(
        pk,
        amount,
        {"review": D(review), "roadshow_expert": D(expert), "roadshow_rep": D(rep), "peer": D(0), "public": D(0)},
        order,
    )


def test_final_score_by_hand():
    # 85×0.4 + 80×0.3 + 75×0.3 = 34 + 24 + 22.5
    assert final_score({"review": D(85), "roadshow_expert": D(80), "roadshow_rep": D(75)}, WEIGHTS) == D("80.50")


def test_final_score_rounds_half_up():
    weights = {"review": D(100)}
    assert final_score({"review": D("70.125")}, weights) == D("70.13")


def test_review_total_weights_criteria_by_hand():
    # 8/10 × 60 + 5/10 × 40 = 48 + 20 = 68
    assert review_total([(8, 10, D(60)), (5, 10, D(40))]) == D("68.00")
    # different maxima: 15/20 × 50 + 3/5 × 50 = 37.5 + 30
    assert review_total([(15, 20, D(50)), (3, 5, D(50))]) == D("67.50")


def test_rank_with_a_tie_broken_by_review_then_roadshow_experts():
    a = c(1, 60_000, 80, 90, 70)  # 32 + 27 + 21 = 80.00
    b = c(2, 50_000, 85, 80, 75)  # 80.50
    cc = c(3, 30_000, 80, 85, 75)  # 32 + 25.5 + 22.5 = 80.00, same review as A, fewer expert points
    d = c(4, 20_000, 90, 70, 70)  # 36 + 21 + 21 = 78.00
    ordered = rank([a, b, cc, d], WEIGHTS)
    assert [x.application_id for x in ordered] == [2, 1, 3, 4]
    assert [x.final for x in ordered] == [D("80.50"), D("80.00"), D("80.00"), D("78.00")]
    assert [x.rank for x in ordered] == [1, 2, 3, 4]


def test_full_tie_goes_to_the_smaller_request_then_the_earlier_submission():
    x = c(1, 40_000, 80, 80, 80, order=2)
    y = c(2, 30_000, 80, 80, 80, order=3)
    z = c(3, 30_000, 80, 80, 80, order=1)
    assert [i.application_id for i in rank([x, y, z], WEIGHTS)] == [3, 2, 1]


RANKED = [(2, 50_000), (1, 60_000), (3, 30_000), (4, 20_000)]


def test_walk_skips_a_project_that_does_not_fit_and_continues():
    result = walk(RANKED, 100_000)
    assert [pk for pk, _, _ in result.funded] == [2, 3, 4]
    assert result.skipped == [(1, "does_not_fit")]
    assert result.remaining_fen == 0


def test_walk_with_an_exclusion_override():
    result = walk(RANKED, 100_000, exclude={3})
    assert [pk for pk, _, _ in result.funded] == [2, 4]
    assert result.remaining_fen == 30_000


def test_walk_with_an_inclusion_override_funds_it_first():
    result = walk(RANKED, 100_000, include={1})
    assert result.funded == [(1, 60_000, True), (3, 30_000, False)]
    assert result.remaining_fen == 10_000


def test_walk_never_exceeds_the_pool():
    result = walk([(1, 120_000), (2, 99_999)], 100_000)
    assert result.funded == [(2, 99_999, False)]
