"""Helpers the services share: who to tell, and telling them after the transaction commits."""

from django.urls import reverse

from accounts.models import ORG_ROLES, Role
from notifications.services import notify


def org_members(organization) -> list:
    roles = Role.objects.filter(organization=organization, kind__in=ORG_ROLES).select_related("user")
    seen, users = set(), []
    for role in roles:
        if role.user_id not in seen and role.user.is_active:
            seen.add(role.user_id)
            users.append(role.user)
    return users


def notify_org(organization, *, kind: str, subject: str, body: str = "", url: str = "", dedupe: str | None = None):
    for user in org_members(organization):
        notify(
            recipient=user,
            kind=kind,
            subject=subject,
            body=body,
            url=url,
            dedupe_key=f"{dedupe}:{user.pk}" if dedupe else None,
        )


def application_url(application) -> str:
    return reverse("rounds:application", kwargs={"pk": application.pk})
