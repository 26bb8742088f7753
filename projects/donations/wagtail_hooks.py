from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import AuditedModelViewSet

from .models import CommunityFund, MatchingPool


class CommunityFundViewSet(AuditedModelViewSet):
    model = CommunityFund
    icon = "home"
    list_display = ["name", "community", "is_open"]
    list_filter = ["is_open"]
    search_fields = ["name"]
    form_fields = ["community", "name", "description", "is_open"]


class MatchingPoolViewSet(AuditedModelViewSet):
    model = MatchingPool
    icon = "pick"
    list_display = ["sponsor", "ratio", "cap_fen", "project", "fund", "starts_at", "ends_at", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["sponsor"]
    form_fields = ["sponsor", "ratio", "cap_fen", "project", "fund", "starts_at", "ends_at", "is_active"]


class DonationsGroup(ViewSetGroup):
    menu_label = _("Donations")
    menu_icon = "pick"
    menu_order = 450
    items = (CommunityFundViewSet("donation_funds_admin"), MatchingPoolViewSet("matching_pools_admin"))


@hooks.register("register_admin_viewset")
def register_donation_viewsets():
    return DonationsGroup()
