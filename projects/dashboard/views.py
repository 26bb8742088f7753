"""The bureau's dashboard: every registered figure, computed for the filters in the URL."""

import logging
from itertools import groupby

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.access import access, access_staff
from core import pagecache

from .forms import DashboardFilterForm
from .registry import DashboardFilters, figures

log = logging.getLogger(__name__)

GROUP_LABELS = {
    "general": _("General"),
    "ideas": _("Resident ideas"),
    "ballots": _("Ballots"),
    "community decisions": _("Community decisions"),
    "rounds": _("Venture philanthropy"),
    "contracts": _("Contracts and spending"),
    "projects": _("Projects"),
    "donations": _("Donations"),
    "training": _("Training"),
}


def _compute(figure, filters):
    try:
        return figure.compute(filters)
    except Exception:  # one broken figure must not take the bureau's whole page down
        log.exception("dashboard figure %s failed", figure.key)
        return None


def _chart(value) -> list[dict]:
    """Breakdown rows with a numeric value for the bar chart (money strings are charted by digits)."""
    rows = []
    for label, number, url in value.breakdown:
        if isinstance(number, int | float):
            numeric = float(number)
        else:
            text = "".join(ch for ch in str(number) if ch.isdigit() or ch == ".")
            try:
                numeric = float(text) if text else 0.0
            except ValueError:
                numeric = 0.0
        rows.append({"label": label, "value": number, "numeric": numeric, "url": url})
    top = max((r["numeric"] for r in rows), default=0) or 1
    for r in rows:
        r["pct"] = round(100 * r["numeric"] / top)
    return rows


def _values(filters) -> dict:
    """Every figure's value for these filters, once per data generation: the aggregates over
    the whole data set run once per committed change rather than once per visit."""
    return pagecache.remember(
        f"dashboard:{translation.get_language()}:{filters!r}",
        lambda: {figure.key: _compute(figure, filters) for figure in figures()},
    )


@access(access_staff)
def index(request):
    form = DashboardFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else DashboardFilters()
    values = _values(filters)
    groups = []
    for group, items in groupby(figures(), key=lambda f: f.group):
        cards = []
        for figure in items:
            value = values.get(figure.key)
            cards.append({"figure": figure, "value": value, "chart": _chart(value) if value else []})
        groups.append({"name": group, "label": GROUP_LABELS.get(group, group), "cards": cards})
    return render(request, "dashboard/index.html", {"form": form, "groups": groups, "filters": filters})
