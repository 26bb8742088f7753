from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .access import access_staff
        from .links import register
        from .staff_groups import sync_staff_group_permissions

        post_migrate.connect(sync_staff_group_permissions, dispatch_uid="accounts-staff-groups")

        register(_("Administration (CMS)"), "wagtailadmin_home", access_staff, order=90)
