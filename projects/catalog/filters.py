"""The one FilterSet behind the database page, the exports and the open-data API.

Everything is a GET parameter, so a filtered list is a URL that can be shared:
street, community, theme, category, year, status, organization, funding_source,
amount_min / amount_max (yuan), q (full-text search) and sort.
"""

import django_filters
from django import forms
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization
from places.models import Community, Street

from .models import FundingSource, Project, ProjectCategory, ProjectStatus, Theme

SORTS = {
    "newest": ("-year", "-id"),
    "oldest": ("year", "id"),
    "amount_desc": ("-amount_fen", "-id"),
    "amount_asc": ("amount_fen", "id"),
    "beneficiaries": ("-beneficiaries", "-id"),
    "name": ("name", "id"),
}
SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("amount_desc", _("Largest amount")),
    ("amount_asc", _("Smallest amount")),
    ("beneficiaries", _("Most beneficiaries")),
    ("name", _("Name")),
]
MAX_QUERY = 100


def search_projects(queryset, text: str):
    """Full-text search: PostgreSQL's `simple` configuration (tokens as written), OR'd with a
    substring match so Chinese text, which has no spaces between words, still matches."""
    text = (text or "").replace("\x00", "").strip()[:MAX_QUERY]
    if not text:
        return queryset
    substring = Q()
    for word in text.split():
        substring &= Q(search_text__icontains=word)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        return queryset.annotate(_search=SearchVector("search_text", config="simple")).filter(
            Q(_search=SearchQuery(text, config="simple", search_type="websearch")) | substring
        )
    return queryset.filter(substring)


class YearChoices:
    """Years offered by the filter: from the first projects to next year (no query)."""

    def __iter__(self):
        from core.clock import today

        yield ("", _("Any year"))
        for year in range(today().year + 1, 2014, -1):
            yield (year, str(year))


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q", max_length=MAX_QUERY)
    street = django_filters.ModelChoiceFilter(
        label=_("Street"), queryset=Street.objects.only("id", "name").order_by("name"), empty_label=_("Any street")
    )
    community = django_filters.ModelChoiceFilter(
        label=_("Community"),
        queryset=Community.objects.only("id", "name").order_by("street__name", "name"),
        empty_label=_("Any community"),
    )
    theme = django_filters.ChoiceFilter(label=_("Theme"), choices=Theme.choices, empty_label=_("Any theme"))
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=ProjectCategory.choices, empty_label=_("Any category")
    )
    year = django_filters.TypedChoiceFilter(label=_("Year"), choices=YearChoices(), coerce=int, empty_value=None)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProjectStatus.choices, empty_label=_("Any status"))
    organization = django_filters.ModelChoiceFilter(
        label=_("Organization"),
        queryset=Organization.objects.only("id", "name").order_by("name"),
        empty_label=_("Any organization"),
    )
    funding_source = django_filters.ChoiceFilter(
        label=_("Funding source"), choices=FundingSource.choices, empty_label=_("Any funding source")
    )
    amount_min = django_filters.NumberFilter(
        label=_("Amount from (yuan)"), method="filter_amount_min", min_value=0, max_value=10**10
    )
    amount_max = django_filters.NumberFilter(
        label=_("Amount up to (yuan)"), method="filter_amount_max", min_value=0, max_value=10**10
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort"), choices=SORT_CHOICES, method="filter_sort", empty_label=None, null_label=None
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for field in self.form.fields.values():
            field.required = False
        self.form.fields["amount_min"].widget = forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"})
        self.form.fields["amount_max"].widget = forms.NumberInput(attrs={"min": 0, "step": 1, "inputmode": "numeric"})
        self.form.fields["q"].widget.attrs.update({"type": "search", "placeholder": _("Name, organization, place…")})

    def filter_q(self, queryset, name, value):
        return search_projects(queryset, value)

    def filter_amount_min(self, queryset, name, value):
        return queryset.filter(amount_fen__gte=int(value * 100))

    def filter_amount_max(self, queryset, name, value):
        return queryset.filter(amount_fen__lte=int(value * 100))

    def filter_sort(self, queryset, name, value):
        return queryset  # applied in `qs` so the default order holds without the parameter

    @property
    def qs(self):
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else None
        return queryset.order_by(*SORTS.get(sort or "newest", SORTS["newest"]))


def public_projects():
    return Project.objects.select_related("organization", "community", "street")


def filtered_projects(params):
    """(filterset, queryset): an invalid value is ignored rather than refused, the way a shared
    URL with a stale organization id should still show a list."""
    filterset = ProjectFilter(params or None, queryset=public_projects())
    if filterset.is_bound and not filterset.form.is_valid():
        cleaned = {k: v for k, v in params.items() if k not in filterset.form.errors}
        filterset = ProjectFilter(cleaned or None, queryset=public_projects())
        filterset.form.is_valid()
    return filterset, filterset.qs
