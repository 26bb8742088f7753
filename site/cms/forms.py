from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm


class SizeLimitedDocumentForm(BaseDocumentForm):
    """Wagtail checks document extensions; this adds the size ceiling the site promises."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        limit = settings.UPLOAD_MAX_DOCUMENT_BYTES
        if upload is not None and getattr(upload, "size", 0) > limit:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s. Please upload a smaller file.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload
