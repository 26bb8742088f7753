from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import AuditedModelViewSet

from .models import Building, Community, Compound, District, Household, Street


def _viewset(model_class, fields, icon="site", **extra):
    attrs = {
        "model": model_class,
        "form_fields": fields,
        "icon": icon,
        "list_display": ["__str__", *extra.pop("list", [])],
    }
    attrs.update(extra)
    return type(f"{model_class.__name__}ViewSet", (AuditedModelViewSet,), attrs)


class PlacesGroup(ViewSetGroup):
    menu_label = _("Places")
    menu_icon = "site"
    menu_order = 210
    items = (
        _viewset(District, ["name", "code"])("districts_admin"),
        _viewset(Street, ["district", "name"], list=["district"])("streets_admin"),
        _viewset(Community, ["street", "name"], list=["street"], search_fields=["name"])("communities_admin"),
        _viewset(Compound, ["community", "name"], list=["community"], search_fields=["name"])("compounds_admin"),
        _viewset(Building, ["compound", "name"], list=["compound"])("buildings_admin"),
        _viewset(Household, ["building", "unit", "area_m2"], icon="home", list=["area_m2", "verified_at"])(
            "households_admin"
        ),
    )


@hooks.register("register_admin_viewset")
def register_places_viewsets():
    return PlacesGroup()
