"""The published formula, the tie rule and the award walk, as pure functions tested by hand.

Final score = (review × w_review + roadshow experts × w_expert + roadshow representatives × w_rep
+ peer × w_peer + public vote × w_public) / 100, every component on a 0–100 scale, rounded half up
to two places. Ties are broken, in order, by: the higher expert-review score, the higher
roadshow-expert score, the smaller requested amount, the earlier submission, the lower number.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

COMPONENTS = ("review", "roadshow_expert", "roadshow_rep", "peer", "public")
TWO_PLACES = Decimal("0.01")


def mean(values) -> Decimal:
    values = [Decimal(v) for v in values]
    if not values:
        return Decimal(0)
    return (sum(values) / len(values)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def final_score(components: dict[str, Decimal], weights: dict[str, Decimal]) -> Decimal:
    total = sum(Decimal(components.get(name, 0)) * Decimal(weights.get(name, 0)) for name in COMPONENTS)
    return (total / 100).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def review_total(scores: list[tuple[int, int, Decimal]]) -> Decimal:
    """(score, max_score, weight) per criterion → 0–100 weighted score."""
    weight_sum = sum(Decimal(weight) for _, _, weight in scores)
    if not weight_sum:
        return Decimal(0)
    total = sum(Decimal(score) / Decimal(top) * Decimal(weight) for score, top, weight in scores)
    return (total * 100 / weight_sum).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


@dataclass
class Candidate:
    application_id: int
    amount_fen: int
    components: dict[str, Decimal]
    submitted_order: float = 0
    final: Decimal = Decimal(0)
    rank: int = 0


def rank(candidates: list[Candidate], weights: dict[str, Decimal]) -> list[Candidate]:
    for candidate in candidates:
        candidate.final = final_score(candidate.components, weights)
    ordered = sorted(
        candidates,
        key=lambda c: (
            -c.final,
            -c.components.get("review", 0),
            -c.components.get("roadshow_expert", 0),
            c.amount_fen,
            c.submitted_order,
            c.application_id,
        ),
    )
    for position, candidate in enumerate(ordered, start=1):
        candidate.rank = position
    return ordered


@dataclass
class WalkResult:
    funded: list[tuple[int, int, bool]] = field(default_factory=list)  # (application, amount, by override)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (application, why)
    remaining_fen: int = 0


def walk(
    ranked: list[tuple[int, int]], pool_fen: int, *, include: set[int] = frozenset(), exclude: set[int] = frozenset()
) -> WalkResult:
    """Fund in rank order each project whose amount still fits; skip one that does not and go on.

    `ranked` is [(application id, amount)] best first. Operator overrides: `include` are funded
    first (in rank order, if they fit), `exclude` are never funded.
    """
    result = WalkResult(remaining_fen=pool_fen)
    forced = [pair for pair in ranked if pair[0] in include and pair[0] not in exclude]
    rest = [pair for pair in ranked if pair[0] not in include]
    for application_id, amount in forced + rest:
        if application_id in exclude:
            result.skipped.append((application_id, "excluded"))
        elif amount <= result.remaining_fen:
            result.funded.append((application_id, amount, application_id in include))
            result.remaining_fen -= amount
        else:
            result.skipped.append((application_id, "does_not_fit"))
    return result
