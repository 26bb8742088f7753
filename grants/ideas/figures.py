"""Dashboard figures: ideas collected (大事/小事/私事) and referrals answered on time."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .models import IdeaStatus


def _board(filters, **extra) -> str:
    query = dict(extra)
    if filters.community_id:
        query["community"] = filters.community_id
    url = reverse("ideas:board")
    return f"{url}?{urlencode(query)}" if query else url


def _figures(filters) -> dict:
    from .selectors import idea_figures

    return idea_figures(street_id=filters.street_id, community_id=filters.community_id, year=filters.year)


def ideas_collected(filters):
    from projects.dashboard.registry import FigureValue

    f = _figures(filters)
    return FigureValue(
        value=f["n"],
        url=_board(filters),
        breakdown=[
            (str(_("大事 (government)")), f["major"], _board(filters, status=IdeaStatus.MAJOR)),
            (str(_("小事 (community)")), f["small"], _board(filters, status=IdeaStatus.SMALL)),
            (str(_("私事 (private)")), f["private"], _board(filters, status=IdeaStatus.PRIVATE)),
        ],
    )


def referrals_on_time(filters):
    from projects.dashboard.registry import FigureValue

    f = _figures(filters)
    url = _board(filters, status=IdeaStatus.MAJOR)
    value = "—" if not f["answered"] else f"{round(100 * f['on_time'] / f['answered'])}%"
    return FigureValue(
        value=value,
        url=url,
        breakdown=[
            (str(_("referred")), f["referrals"], url),
            (str(_("answered on time")), f["on_time"], url),
            (str(_("overdue now")), f["overdue"], url),
        ],
    )


def register() -> None:
    try:
        from projects.dashboard.registry import Figure
        from projects.dashboard.registry import register as add
    except ImportError:  # pragma: no cover
        return
    add(Figure("ideas.collected", _("Resident ideas collected"), ideas_collected, group="ideas", order=10))
    add(Figure("ideas.referrals", _("大事 referrals answered on time"), referrals_on_time, group="ideas", order=20))
