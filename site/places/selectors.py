from django.db.models import Count, QuerySet

from accounts.access import access_operator, community_ids_of_worker

from .models import Community, Household


def communities_for_worker(user) -> QuerySet[Community]:
    qs = Community.objects.select_related("street")
    if access_operator(user):
        return qs.order_by("id")
    return qs.filter(pk__in=community_ids_of_worker(user)).order_by("id")


def households_of_community(community: Community) -> QuerySet[Household]:
    return (
        Household.objects.filter(community=community)
        .select_related("building__compound", "verified_by")
        .annotate(member_count=Count("members"))
        .order_by("building__compound_id", "building_id", "unit")
    )
