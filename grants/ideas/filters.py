"""The public idea board's filters (django-filter): community, category, status, search, sort."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from places.models import Community

from .models import PUBLIC_STATUSES, Category, Idea, IdeaStatus

SORTS = {"new": ("-submitted_at", "-id"), "supported": ("-support_count", "-submitted_at", "-id")}


class IdeaBoardFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    community = django_filters.ModelChoiceFilter(
        queryset=Community.objects.order_by("id"), label=_("Community"), empty_label=_("All communities")
    )
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Category"), empty_label=_("All"))
    status = django_filters.ChoiceFilter(
        choices=[(s.value, s.label) for s in PUBLIC_STATUSES], label=_("Status"), empty_label=_("All")
    )
    sort = django_filters.ChoiceFilter(
        choices=[("new", _("Newest")), ("supported", _("Most supported"))],
        method="order",
        label=_("Sort"),
        empty_label=None,
    )

    class Meta:
        model = Idea
        fields = ["q", "community", "category", "status", "sort"]

    def search(self, queryset, name, value):
        value = value.strip()[:60]
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(problem__icontains=value) | Q(solution__icontains=value))

    def order(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["new"]))


def board_queryset(call=None):
    qs = Idea.objects.exclude(status=IdeaStatus.DRAFT).select_related("community", "compound")
    if call is not None:
        qs = qs.filter(call=call)
    return qs.order_by(*SORTS["new"])
