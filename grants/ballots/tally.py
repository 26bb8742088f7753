"""Counting a ballot: per-option households and area, the roll, and the rule's verdict.

`count` reads the database (two aggregate queries, whatever the size of the roll); the
result is a plain dict so that the close service can freeze it on the ballot as JSON.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from . import rules
from .models import Ballot, BallotKind, Elector, OptionMeaning, Vote


def _dec(value) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))


def count(ballot: Ballot, options: list | None = None) -> dict:
    """The tally of `ballot` as a JSON-ready dict (decimals as strings)."""
    options = options if options is not None else list(ballot.options.all())
    roll = Elector.objects.filter(ballot=ballot).aggregate(n=Count("id"), area=Sum("area_m2"))
    per_option = {
        row["option_id"]: row
        for row in Vote.objects.filter(ballot=ballot).values("option_id").annotate(n=Count("id"), area=Sum("area_m2"))
    }
    rows = []
    for option in options:
        found = per_option.get(option.pk, {})
        rows.append(
            {
                "id": option.pk,
                "label": option.label,
                "meaning": option.meaning,
                "households": found.get("n", 0),
                "area": str(_dec(found.get("area"))),
            }
        )
    voted = sum(row["households"] for row in rows)
    voted_area = sum((Decimal(row["area"]) for row in rows), Decimal("0.00"))
    favour, tied = _favour_row(ballot, rows)
    tally = rules.Tally(
        eligible_households=roll["n"] or 0,
        eligible_area=_dec(roll["area"]),
        voted_households=voted,
        voted_area=voted_area,
        favour_households=favour["households"] if favour else 0,
        favour_area=Decimal(favour["area"]) if favour else Decimal("0.00"),
        tied=tied,
    )
    verdict = rules.evaluate(
        rules.rule_for(
            ballot.rule,
            min_turnout_pct=ballot.min_turnout_pct,
            min_favour_pct=ballot.min_favour_pct,
            favour_strict=ballot.favour_strict,
        ),
        tally,
    )
    return {
        "eligible_households": tally.eligible_households,
        "eligible_area": str(tally.eligible_area),
        "voted_households": voted,
        "voted_area": str(voted_area),
        "turnout_pct": str(rules.share(voted, tally.eligible_households)),
        "turnout_area_pct": str(rules.share(voted_area, tally.eligible_area)),
        "options": rows,
        "favour_option": favour["id"] if favour else None,
        "favour_households": tally.favour_households,
        "favour_area": str(tally.favour_area),
        "favour_pct": str(rules.share(tally.favour_households, voted)),
        "favour_area_pct": str(rules.share(tally.favour_area, voted_area)),
        "tied": tied,
        "quorum_met": verdict.quorum_met,
        "majority_met": verdict.majority_met,
        "passed": verdict.passed,
        "reasons": verdict.reasons,
    }


def _favour_row(ballot: Ballot, rows: list[dict]) -> tuple[dict | None, bool]:
    """The yes row of a yes/no ballot, or the leading choice (tied when the top two are level)."""
    if ballot.kind == BallotKind.YES_NO:
        return next((row for row in rows if row["meaning"] == OptionMeaning.YES), None), False
    choices = sorted(
        (row for row in rows if row["meaning"] == OptionMeaning.CHOICE), key=lambda row: -row["households"]
    )
    if not choices:
        return None, False
    tied = len(choices) > 1 and choices[0]["households"] == choices[1]["households"]
    return choices[0], tied


@dataclass
class OptionResult:
    option: object
    households: int
    area: Decimal
    pct: Decimal
    leading: bool


def option_results(result: dict, options: list) -> list[OptionResult]:
    """Pair a (frozen or live) result dict with the option objects, for templates and exports."""
    by_id = {row["id"]: row for row in result.get("options", [])}
    voted = result.get("voted_households", 0)
    out = []
    for option in options:
        row = by_id.get(option.pk, {"households": 0, "area": "0"})
        out.append(
            OptionResult(
                option=option,
                households=row["households"],
                area=Decimal(row["area"]),
                pct=rules.share(row["households"], voted),
                leading=result.get("favour_option") == option.pk and not result.get("tied"),
            )
        )
    return out
