from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("Social organizations")

    def ready(self) -> None:
        from accounts.access import access_org_member
        from accounts.links import register

        register(_("My organizations"), "organizations:portal", access_org_member, order=30)
