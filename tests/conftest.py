"""Shared fixtures: one user per role, signed-in clients, and a small place tree."""

import pytest
from django.test import Client

from accounts.models import RoleKind

from .factories import (
    CommunityFactory,
    OrganizationFactory,
    ResidentFactory,
    StationFactory,
    UserFactory,
    grant,
    verified_totp,
)

ROLES = [
    "anonymous",
    "resident",
    "community_worker",
    "org_owner",
    "org_member",
    "reviewer",
    "bureau_officer",
    "centre_operator",
    "trainee",
    "mentor",
]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clean_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def sms_outbox():
    """Text messages sent through the locmem backend during the test."""
    from notifications import sms

    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture
def community(db):
    return CommunityFactory()


@pytest.fixture
def station(community):
    return StationFactory(community=community)


@pytest.fixture
def organization(db, community):
    return OrganizationFactory(community=community)


@pytest.fixture
def make_user(db, community, station, organization):
    """make_user(role) -> a user holding that role, scoped to the fixtures above."""

    def _make(role: str):
        if role == "anonymous":
            return None
        if role == "resident":
            return ResidentFactory()
        user = UserFactory()
        scope = {}
        if role == RoleKind.COMMUNITY_WORKER:
            scope = {"community": community, "station": station}
        elif role in (RoleKind.ORG_OWNER, RoleKind.ORG_MEMBER):
            scope = {"organization": organization}
        grant(user, role, **scope)
        grant(user, RoleKind.RESIDENT)
        if role in (RoleKind.BUREAU_OFFICER, RoleKind.CENTRE_OPERATOR):
            if role == RoleKind.CENTRE_OPERATOR:
                from django.contrib.auth.models import Group

                user.groups.add(Group.objects.get(name="Centre operators"))
            else:
                from django.contrib.auth.models import Group

                user.groups.add(Group.objects.get(name="Bureau officers"))
        return user

    return _make


def signed_in_client(user, *, verified: bool = True) -> Client:
    """A client signed in as `user`; staff roles also pass the TOTP check when `verified`."""
    client = Client()
    if user is None:
        return client
    client.force_login(user, backend="accounts.backends.PhoneOrEmailBackend")
    if verified:
        from django_otp import DEVICE_ID_SESSION_KEY

        device = user.totpdevice_set.filter(confirmed=True).first() or verified_totp(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def client_for(make_user):
    """client_for(role) -> (client, user)."""

    def _client(role: str, *, verified: bool = True):
        user = make_user(role)
        return signed_in_client(user, verified=verified), user

    return _client


def restore_migration_data():
    """Put back the rows that migrations created and a flush removed: Wagtail's locale, root
    page and root collection, the staff groups and their permissions."""
    from wagtail.models import Collection, Locale, Page

    from accounts.staff_groups import sync_staff_group_permissions

    Locale.objects.get_or_create(language_code="zh-hans")
    if not Page.get_first_root_node():
        Page.add_root(title="Root", slug="root")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    sync_staff_group_permissions()


def _flushes_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional or live-server test flushes the database when it ends; the tests that
    follow on this worker expect what migrations left there, so put it back."""
    yield
    if nextitem is None or not _flushes_database(item):  # at the end the database is gone
        return
    from django.db import transaction
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock(), transaction.atomic():
        restore_migration_data()
