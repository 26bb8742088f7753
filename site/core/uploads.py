"""Upload checks shared by every form: size first, then the file's real type (not its name)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
DOCUMENT_SIGNATURES = {
    b"%PDF": "pdf",
    b"PK\x03\x04": "office",  # docx / xlsx / odt are zip containers
    b"\xd0\xcf\x11\xe0": "office-legacy",
}


def _check_size(upload, limit: int) -> None:
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Please upload a smaller file.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def validate_image_upload(upload) -> None:
    _check_size(upload, settings.UPLOAD_MAX_IMAGE_BYTES)
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError(
            _("This file is not a picture. Upload a JPEG, PNG, WebP or GIF image."),
            code="not_an_image",
        ) from exc
    finally:
        upload.seek(0)
    if kind not in IMAGE_FORMATS:
        raise ValidationError(_("Pictures must be JPEG, PNG, WebP or GIF."), code="unsupported_image")


def validate_document_upload(upload) -> None:
    _check_size(upload, settings.UPLOAD_MAX_DOCUMENT_BYTES)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if any(head.startswith(sig) for sig in DOCUMENT_SIGNATURES):
        return
    try:
        validate_image_upload(upload)
    except ValidationError:
        raise ValidationError(
            _("Upload a PDF, an Office document or a picture."), code="unsupported_document"
        ) from None
