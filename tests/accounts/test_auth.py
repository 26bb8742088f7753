import pytest
from django.urls import reverse
from django_otp.oath import totp

from accounts.models import Role, RoleKind, User
from audit.models import AuditEvent
from tests.conftest import signed_in_client
from tests.factories import PASSWORD, ResidentFactory, UserFactory, grant, verified_totp

pytestmark = pytest.mark.django_db


def test_resident_signs_up_with_a_mobile_number(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "phone": "+86 138 0013 8000",
            "full_name": "王小明",
            "password1": "Lantern-River-88",
            "password2": "Lantern-River-88",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(phone="13800138000")
    assert Role.objects.filter(user=user, kind=RoleKind.RESIDENT).exists()
    assert AuditEvent.objects.filter(action="account.registered", object_id=str(user.pk)).exists()


@pytest.mark.parametrize("phone", ["1380013800", "23800138000", "phone"])
def test_malformed_mobile_gets_a_clear_message(client, phone):
    response = client.post(
        reverse("accounts:signup"),
        {"phone": phone, "full_name": "王小明", "password1": "Lantern-River-88", "password2": "Lantern-River-88"},
    )
    assert response.status_code == 200
    assert "13812345678" in response.content.decode()  # the message shows a valid example
    assert not User.objects.exists()


def test_weak_password_is_refused_by_django_validators(client):
    response = client.post(
        reverse("accounts:signup"),
        {"phone": "13800138000", "full_name": "王", "password1": "12345678", "password2": "12345678"},
    )
    assert response.status_code == 200
    assert not User.objects.exists()


@pytest.mark.parametrize("field", ["phone", "email"])
def test_sign_in_with_phone_or_email(client, field):
    user = ResidentFactory()
    user.email = "resident@example.org"
    user.save()
    login = user.phone if field == "phone" else "Resident@Example.org"
    response = client.post(reverse("accounts:login"), {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 200


def test_failed_logins_are_throttled_per_account(client):
    user = ResidentFactory()
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": user.phone, "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    # Even the right password is refused now, from another address too.
    response = client.post(
        reverse("accounts:login"), {"username": user.phone, "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_throttled_per_address(client):
    for n in range(5):
        client.post(
            reverse("accounts:login"), {"username": f"1390000000{n}", "password": "wrong"}, REMOTE_ADDR="10.0.0.9"
        )
    user = ResidentFactory()
    response = client.post(
        reverse("accounts:login"), {"username": user.phone, "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 429


@pytest.mark.parametrize("kind", [RoleKind.BUREAU_OFFICER, RoleKind.CENTRE_OPERATOR])
def test_staff_must_pass_totp_before_anything(kind, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows down retries after a wrong code
    user = grant(UserFactory(), kind)
    device = verified_totp(user)
    client = signed_in_client(user, verified=False)
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302 and reverse("accounts:two_factor") in response["Location"]
    assert client.get("/admin/").status_code == 302
    bad = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert bad.status_code == 200
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    ok = client.post(reverse("accounts:two_factor"), {"token": code, "next": reverse("accounts:home")})
    assert ok.status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 200


def test_staff_without_a_device_are_sent_to_setup():
    user = grant(UserFactory(), RoleKind.BUREAU_OFFICER)
    client = signed_in_client(user, verified=False)
    response = client.get(reverse("accounts:two_factor"))
    assert response.status_code == 302 and reverse("accounts:two_factor_setup") in response["Location"]
    page = client.get(reverse("accounts:two_factor_setup"))
    assert page.status_code == 200 and b"<svg" in page.content


def test_residents_are_not_asked_for_totp():
    client = signed_in_client(ResidentFactory(), verified=False)
    assert client.get(reverse("accounts:home")).status_code == 200


def test_open_redirect_is_refused():
    user = grant(UserFactory(), RoleKind.BUREAU_OFFICER)
    device = verified_totp(user)
    client = signed_in_client(user, verified=False)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(reverse("accounts:two_factor"), {"token": code, "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_operators_can_edit_pages_and_organizations_in_the_admin(client_for):
    client, _ = client_for("centre_operator")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/organizations_admin/").status_code == 200
    assert client.get("/admin/organizations_admin/new/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/images/").status_code == 200


def test_bureau_officers_read_but_do_not_edit_in_the_admin(client_for):
    client, _ = client_for("bureau_officer")
    assert client.get("/admin/organizations_admin/").status_code == 200
    assert client.get("/admin/organizations_admin/new/").status_code in (302, 403)


def test_residents_have_no_admin():
    client = signed_in_client(ResidentFactory())
    assert client.get("/admin/").status_code in (302, 403)
