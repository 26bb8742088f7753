"""Identity numbers are kept only as a keyed hash; the clear number never reaches the database."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from stdnum.cn import ric


def normalize_identity_number(value: str) -> str:
    value = (value or "").strip().upper()
    try:
        return ric.validate(value)
    except Exception as exc:  # stdnum raises several ValidationError subclasses
        raise ValidationError(
            _("This is not a valid 18-digit resident identity number; check the last digit.")
        ) from exc


def hash_identity_number(value: str) -> str:
    number = normalize_identity_number(value)
    return salted_hmac("yichuang.identity", number, secret=settings.IDENTITY_HASH_KEY, algorithm="sha256").hexdigest()
