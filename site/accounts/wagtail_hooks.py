from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.viewsets import AuditedModelViewSet

from .models import Role


class RoleViewSet(AuditedModelViewSet):
    model = Role
    icon = "user"
    menu_label = _("Roles")
    menu_order = 800
    add_to_admin_menu = True
    list_display = ["user", "kind", "community", "station", "organization"]
    list_filter = ["kind"]
    form_fields = ["user", "kind", "community", "station", "organization"]


@hooks.register("register_admin_viewset")
def register_role_viewset():
    return RoleViewSet("roles_admin")
