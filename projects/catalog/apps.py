from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "projects.catalog"
    label = "catalog"
    verbose_name = _("Project database")

    def ready(self):
        from accounts import links
        from accounts.access import access_operator

        from . import figures, panels_builtin

        panels_builtin.register()
        figures.register()
        links.register(_("Import historical projects"), "catalog:import", access_operator, order=60)
        from projects.api.registry import register_router

        from .api import organizations_router, projects_router

        register_router("projects", projects_router)
        register_router("organizations", organizations_router)
