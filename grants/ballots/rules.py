"""Pass rules as pure functions over a tally. Exact fractions throughout: 2/3 is 2/3.

Civil Code art. 278 (民法典第二百七十八条): owners' joint decisions need the participation
of owners holding at least 2/3 of the exclusive area AND at least 2/3 of the owners
("三分之二以上", inclusive). Ordinary matters then need the consent of more than half of the
participating area AND of the participating owners ("过半数": exactly 1/2 is NOT a majority);
maintenance funds, rebuilding and changing the use of common parts need at least 3/4 of
both ("四分之三以上", inclusive). Here one household is one owner (一户一票), and every
household that took part, abstentions included, counts as participating.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

ORDINARY = "art278_ordinary"
SPECIAL = "art278_special"
HEADS = "heads"


@dataclass(frozen=True)
class Threshold:
    share: Fraction
    strict: bool  # True: more than `share`; False: at least `share`

    def met(self, part, whole) -> bool:
        if not whole:
            return False
        ratio = Fraction(Decimal(part)) / Fraction(Decimal(whole))
        return ratio > self.share if self.strict else ratio >= self.share


@dataclass(frozen=True)
class Rule:
    """`quorum` applies to the roll, `majority` to those who took part; `by_area` adds area."""

    quorum: Threshold
    majority: Threshold
    by_area: bool = False


AT_LEAST_TWO_THIRDS = Threshold(Fraction(2, 3), strict=False)
PRESETS = {
    ORDINARY: Rule(AT_LEAST_TWO_THIRDS, Threshold(Fraction(1, 2), strict=True), by_area=True),
    SPECIAL: Rule(AT_LEAST_TWO_THIRDS, Threshold(Fraction(3, 4), strict=False), by_area=True),
}


def rule_for(kind: str, *, min_turnout_pct: int = 50, min_favour_pct: int = 50, favour_strict: bool = True) -> Rule:
    if kind in PRESETS:
        return PRESETS[kind]
    return Rule(
        quorum=Threshold(Fraction(min_turnout_pct, 100), strict=False),
        majority=Threshold(Fraction(min_favour_pct, 100), strict=favour_strict),
    )


@dataclass(frozen=True)
class Tally:
    """Counts for one question. `favour_*` is the yes side, or the leading option of a choice."""

    eligible_households: int
    eligible_area: Decimal
    voted_households: int
    voted_area: Decimal
    favour_households: int
    favour_area: Decimal
    tied: bool = False  # a choice whose leading options have the same number of votes


@dataclass(frozen=True)
class Verdict:
    passed: bool
    quorum_met: bool
    majority_met: bool
    reasons: list[str] = field(default_factory=list)


def evaluate(rule: Rule, tally: Tally) -> Verdict:
    """Apply `rule` to `tally`; `reasons` name each unmet condition (stable codes)."""
    reasons = []
    quorum = rule.quorum.met(tally.voted_households, tally.eligible_households)
    if not quorum:
        reasons.append("quorum_households")
    if rule.by_area and not rule.quorum.met(tally.voted_area, tally.eligible_area):
        quorum = False
        reasons.append("quorum_area")
    majority = rule.majority.met(tally.favour_households, tally.voted_households)
    if not majority:
        reasons.append("majority_households")
    if rule.by_area and not rule.majority.met(tally.favour_area, tally.voted_area):
        majority = False
        reasons.append("majority_area")
    if tally.tied:
        majority = False
        reasons.append("tie")
    return Verdict(passed=quorum and majority, quorum_met=quorum, majority_met=majority, reasons=reasons)


def share(part, whole) -> Decimal:
    """A percentage with one decimal for display; 0 when nothing is eligible."""
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
