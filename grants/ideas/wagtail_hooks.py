"""Admin wiring: outreach events per station. Ideas change only through the triage views."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.viewsets import AuditedModelViewSet

from .models import OutreachEvent


class OutreachEventViewSet(AuditedModelViewSet):
    model = OutreachEvent
    icon = "date"
    menu_label = _("Outreach events")
    add_to_admin_menu = True
    menu_order = 290
    list_display = ["station", "held_on", "place", "attendance", "ideas_collected"]
    list_filter = ["call", "station"]
    form_fields = ["call", "station", "held_on", "place", "attendance", "ideas_collected", "notes"]


@hooks.register("register_admin_viewset")
def register_ideas_viewsets():
    return OutreachEventViewSet("ideas_outreach_events")
