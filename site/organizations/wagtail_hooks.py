from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import AuditedModelViewSet

from .models import Organization, Station


class OrganizationViewSet(AuditedModelViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "credit_code", "org_type", "incubation_status"]
    list_filter = ["org_type", "incubation_status", "is_partner"]
    search_fields = ["name", "credit_code"]
    form_fields = [
        "name",
        "credit_code",
        "org_type",
        "registered_on",
        "legal_representative",
        "address",
        "community",
        "summary",
        "annual_report_year",
        "annual_report_filed_on",
        "abnormal_since",
        "seriously_dishonest_since",
        "incubation_status",
        "incubation_applied_on",
        "incubation_started_on",
        "incubation_graduated_on",
        "is_partner",
    ]
    inspect_view_enabled = True


class StationViewSet(AuditedModelViewSet):
    model = Station
    icon = "home"
    list_display = ["name", "community", "organization"]
    search_fields = ["name"]
    form_fields = ["name", "community", "organization", "address"]


class OrganizationsGroup(ViewSetGroup):
    menu_label = _("Organizations")
    menu_icon = "group"
    menu_order = 200
    items = (OrganizationViewSet("organizations_admin"), StationViewSet("stations_admin"))


@hooks.register("register_admin_viewset")
def register_organization_viewsets():
    return OrganizationsGroup()
