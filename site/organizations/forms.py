from django import forms
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_document_upload

from .creditcode import normalize
from .models import DocumentKind, Organization


class OrganizationProfileForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "credit_code", "org_type", "registered_on", "legal_representative", "address", "summary"]
        widgets = {"registered_on": forms.DateInput(attrs={"type": "date"})}

    def clean_credit_code(self):
        code = normalize(self.cleaned_data.get("credit_code") or "")
        return code or None


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=128)
    file = forms.FileField(
        label=_("File"),
        validators=[validate_document_upload],
        help_text=_("PDF, Office document or picture, at most 10 MB."),
    )
