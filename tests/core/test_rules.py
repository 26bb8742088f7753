import datetime
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.identity import hash_identity_number
from core.masking import mask_name, mask_phone
from core.money import fen_to_yuan, format_yuan, yuan_to_fen
from core.phones import normalize_mobile, validate_mobile
from core.statemachine import StateMachine, TransitionNotAllowed
from core.uploads import validate_document_upload, validate_image_upload
from core.workdays import add_workdays, is_workday, workdays_between


@pytest.mark.parametrize(
    ("raw", "masked"),
    [("13812341234", "138****1234"), ("", ""), ("12345", "*****")],
)
def test_mask_phone(raw, masked):
    assert mask_phone(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"), [("张三明", "张*明"), ("张三", "张*"), ("欧阳小明", "欧**明"), ("张", "张")]
)
def test_mask_name(raw, masked):
    assert mask_name(raw) == masked


@pytest.mark.parametrize("phone", ["13812345678", "+86 138 1234 5678", "0086-19912345678"])
def test_valid_mobiles(phone):
    validate_mobile(phone)


@pytest.mark.parametrize("phone", ["1381234567", "23812345678", "12012345678", "abc", ""])
def test_malformed_mobiles(phone):
    with pytest.raises(ValidationError):
        validate_mobile(phone)


def test_normalize_mobile():
    assert normalize_mobile("+86 138-1234-5678") == "13812345678"


def test_money_roundtrip():
    assert yuan_to_fen("12345.675") == 1234568
    assert str(fen_to_yuan(1640902)) == "16409.02"
    assert format_yuan(123456789) == "¥1,234,567.89"
    with pytest.raises(ValueError):
        yuan_to_fen("12a")


def test_workdays_follow_china_holidays():
    # 2026 National Day: Oct 1-7 off; Saturday Oct 10 is a make-up workday (调休).
    assert not is_workday(datetime.date(2026, 10, 5))
    assert is_workday(datetime.date(2026, 10, 10))
    assert not is_workday(datetime.date(2026, 10, 11))
    # 5 working days after Mon Sep 28: Sep 29, Sep 30, Oct 8, Oct 9, Oct 10.
    assert add_workdays(datetime.date(2026, 9, 28), 5) == datetime.date(2026, 10, 10)
    assert workdays_between(datetime.date(2026, 9, 28), datetime.date(2026, 10, 10)) == 5


def test_identity_hash_is_keyed_and_never_clear(settings):
    number = "11010519491231002X"
    digest = hash_identity_number(number)
    assert number not in digest and len(digest) == 64
    settings.IDENTITY_HASH_KEY = "another-key"
    assert hash_identity_number(number) != digest
    with pytest.raises(ValidationError):
        hash_identity_number("110105194912310021")


def test_state_machine_refuses_unlisted_transitions():
    machine = StateMachine({"draft": ["open"], "open": ["closed"]})
    machine.check("draft", "open")
    with pytest.raises(TransitionNotAllowed):
        machine.check("draft", "closed")


def _png(size=(10, 10)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_uploads_check_real_type_and_size(settings):
    validate_image_upload(SimpleUploadedFile("a.png", _png()))
    with pytest.raises(ValidationError) as not_image:
        validate_image_upload(SimpleUploadedFile("a.png", b"<script>alert(1)</script>"))
    assert not_image.value.code == "not_an_image"
    settings.UPLOAD_MAX_IMAGE_BYTES = 100
    with pytest.raises(ValidationError) as too_large:
        validate_image_upload(SimpleUploadedFile("a.png", _png((200, 200))))
    assert too_large.value.code == "file_too_large"
    validate_document_upload(SimpleUploadedFile("a.pdf", b"%PDF-1.7 ..."))
    with pytest.raises(ValidationError):
        validate_document_upload(SimpleUploadedFile("a.exe", b"MZ\x90\x00"))
