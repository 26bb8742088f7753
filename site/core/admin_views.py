"""Wagtail admin building blocks: read-only policies and audited create/edit views."""

from wagtail.admin.views import generic
from wagtail.permission_policies.base import ModelPermissionPolicy

from audit.services import audit_record


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Allows viewing (inspect/list) only; nobody, superusers included, may add, change or delete."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return user.is_active and (user.is_superuser or super().user_has_permission(user, action))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class AuditedCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        audit_record(
            actor=self.request.user,
            action=f"{instance._meta.model_name}.created",
            obj=instance,
            changes={"fields": sorted(self.form.changed_data)},
        )
        return instance


class AuditedEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        audit_record(
            actor=self.request.user,
            action=f"{instance._meta.model_name}.updated",
            obj=instance,
            changes={name: str(self.form.cleaned_data.get(name)) for name in self.form.changed_data},
        )
        return instance


class AuditedDeleteView(generic.DeleteView):
    def delete_action(self):
        audit_record(actor=self.request.user, action=f"{self.object._meta.model_name}.deleted", obj=self.object)
        return super().delete_action()
