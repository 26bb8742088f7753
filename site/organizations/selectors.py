from django.db.models import QuerySet

from accounts.access import organization_ids_of

from .models import Organization


def organizations_of_member(user) -> QuerySet[Organization]:
    return Organization.objects.filter(pk__in=organization_ids_of(user)).order_by("name")
