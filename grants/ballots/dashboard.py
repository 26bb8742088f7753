"""The bureau dashboard's ballot figures: ballots held (and passed) and average turnout."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


def _list_url(filters, **extra) -> str:
    query = {"status": "closed", **extra}
    if filters.community_id:
        query["community"] = filters.community_id
    return f"{reverse('ballots:list')}?{urlencode(query)}"


def _figures(filters) -> dict:
    from .selectors import ballot_figures

    return ballot_figures(street_id=filters.street_id, community_id=filters.community_id, year=filters.year)


def ballots_held(filters):
    from projects.dashboard.registry import FigureValue

    figures = _figures(filters)
    return FigureValue(
        value=figures["held"],
        url=_list_url(filters),
        breakdown=[
            (str(_("passed")), figures["passed"], _list_url(filters)),
            (str(_("did not pass")), figures["held"] - figures["passed"], _list_url(filters)),
        ],
    )


def ballots_turnout(filters):
    from projects.dashboard.registry import FigureValue

    turnout = _figures(filters)["turnout_pct"]
    return FigureValue(value="—" if turnout is None else f"{turnout}%", url=_list_url(filters))


def register_figures() -> None:
    try:
        from projects.dashboard.registry import Figure, register
    except ImportError:
        return
    register(
        Figure(
            key="ballots_held",
            label=_("Household ballots held"),
            compute=ballots_held,
            group="community decisions",
            order=40,
        )
    )
    register(
        Figure(
            key="ballots_turnout",
            label=_("Average ballot turnout"),
            compute=ballots_turnout,
            group="community decisions",
            order=41,
        )
    )
