from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = _("Places and households")

    def ready(self) -> None:
        from accounts.access import access_community_worker
        from accounts.links import register

        register(_("Household roll"), "places:communities", access_community_worker, order=20)
