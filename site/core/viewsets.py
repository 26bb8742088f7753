from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import AuditedCreateView, AuditedDeleteView, AuditedEditView


class AuditedModelViewSet(ModelViewSet):
    """A Wagtail ModelViewSet whose create, edit and delete write the audit log."""

    add_view_class = AuditedCreateView
    edit_view_class = AuditedEditView
    delete_view_class = AuditedDeleteView
    copy_view_enabled = False
