"""Dashboard figures: applications and awards by round, theme and year."""

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Application, ApplicationStatus, Award, AwardStatus


def _applications(filters):
    qs = Application.objects.exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN])
    if filters.year:
        qs = qs.filter(round__year=filters.year)
    if filters.theme:
        qs = qs.filter(round__theme=filters.theme)
    if filters.community_id:
        qs = qs.filter(community_id=filters.community_id)
    elif filters.street_id:
        qs = qs.filter(community__street_id=filters.street_id)
    return qs


def applications_figure(filters):
    from projects.dashboard.registry import FigureValue

    qs = _applications(filters)
    by_round = qs.values("round_id", "round__title").annotate(n=Count("id")).order_by("-round_id")[:6]
    return FigureValue(
        value=qs.count(),
        url=reverse("rounds:index"),
        breakdown=[
            (row["round__title"], row["n"], reverse("rounds:detail", kwargs={"pk": row["round_id"]}))
            for row in by_round
        ],
    )


def awards_figure(filters):
    from core.money import format_yuan
    from projects.dashboard.registry import FigureValue

    qs = Award.objects.filter(application__in=_applications(filters)).exclude(status=AwardStatus.CANCELLED)
    totals = qs.aggregate(
        n=Count("id"), confirmed=Count("id", filter=Q(status=AwardStatus.CONFIRMED)), fen=Sum("amount_fen")
    )
    return FigureValue(
        value=totals["n"],
        url=reverse("rounds:index"),
        breakdown=[
            (str(_("confirmed")), totals["confirmed"], reverse("rounds:index")),
            (str(_("amount")), format_yuan(totals["fen"] or 0), reverse("rounds:index")),
        ],
    )


def register() -> None:
    try:
        from projects.dashboard.registry import Figure
        from projects.dashboard.registry import register as add
    except ImportError:  # pragma: no cover - the dashboard app is optional
        return
    add(Figure("rounds.applications", _("Funding applications"), applications_figure, group="rounds", order=10))
    add(Figure("rounds.awards", _("Funding awards"), awards_figure, group="rounds", order=20))
