"""The dashboard's filter form (GET): street, community, theme, year -> DashboardFilters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from places.models import Community, Street

from .registry import DashboardFilters


def _themes():
    from projects.catalog.models import Theme

    return [("", _("Any theme")), *Theme.choices]


def _years():
    from core.clock import today

    return [("", _("Any year"))] + [(str(y), str(y)) for y in range(today().year + 1, 2014, -1)]


class DashboardFilterForm(forms.Form):
    street = forms.ModelChoiceField(
        label=_("Street"), queryset=Street.objects.order_by("name"), required=False, empty_label=_("Any street")
    )
    community = forms.ModelChoiceField(
        label=_("Community"),
        queryset=Community.objects.select_related("street").order_by("street__name", "name"),
        required=False,
        empty_label=_("Any community"),
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=_themes, required=False)
    year = forms.TypedChoiceField(label=_("Year"), choices=_years, required=False, coerce=int, empty_value=None)

    def filters(self) -> DashboardFilters:
        if not self.is_valid():
            return DashboardFilters()
        data = self.cleaned_data
        return DashboardFilters(
            street_id=data["street"].pk if data.get("street") else None,
            community_id=data["community"].pk if data.get("community") else None,
            theme=data.get("theme") or None,
            year=data.get("year") or None,
        )
