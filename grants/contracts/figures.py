"""Dashboard figures: money contracted, paid and reported spent (each links to its list)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def _value(filters, key):
    from core.money import format_yuan
    from projects.dashboard.registry import FigureValue

    from .selectors import figures

    data = figures(filters)
    url = reverse("contracts:ledger")
    if key == "contracted_fen":
        return FigureValue(
            value=format_yuan(data["contracted_fen"]),
            url=url,
            breakdown=[(str(_("contracts")), data["count"], reverse("contracts:public_index"))],
        )
    return FigureValue(value=format_yuan(data[key]), url=url)


def contracted_figure(filters):
    return _value(filters, "contracted_fen")


def paid_figure(filters):
    return _value(filters, "paid_fen")


def spent_figure(filters):
    return _value(filters, "spent_fen")


def register() -> None:
    try:
        from projects.dashboard.registry import Figure
        from projects.dashboard.registry import register as add
    except ImportError:  # pragma: no cover - the dashboard app is optional
        return
    add(Figure("contracts.contracted", _("Money contracted"), contracted_figure, group="contracts", order=10))
    add(Figure("contracts.paid", _("Money paid"), paid_figure, group="contracts", order=20))
    add(Figure("contracts.spent", _("Money reported spent"), spent_figure, group="contracts", order=30))
