"""Every role against every view that exists (see tests/matrix/__init__.py)."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests import matrix
from tests.conftest import ROLES, signed_in_client
from tests.factories import HouseholdFactory, OrganizationFactory

# Framework-owned URL namespaces/names, guarded by their own permission systems.
FRAMEWORK_PREFIXES = ("wagtail", "admin", "django-admin")
# The open-data API (/api/v1/) is public and read-only; tests/api checks it, schemathesis included.
FRAMEWORK_PREFIXES += ("api-v1", "api:api-v1")
FRAMEWORK_NAMES = {"wagtail_serve", "wagtaildocs_serve", "wagtaildocs_serve_legacy", "set_language"}


def _modules():
    for info in pkgutil.iter_modules(matrix.__path__):
        yield importlib.import_module(f"tests.matrix.{info.name}")


def all_cases():
    for module in _modules():
        for case in module.CASES:
            yield module, case


def _named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            if ns and ns.startswith(FRAMEWORK_PREFIXES):
                continue
            if "wagtail" in getattr(pattern.urlconf_module, "__name__", str(pattern.urlconf_name)):
                continue
            child_ns = f"{namespace}{ns}:" if ns else namespace
            yield from _named_urls(pattern, child_ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}{pattern.name}"
            if pattern.name in FRAMEWORK_NAMES or name.startswith(FRAMEWORK_PREFIXES):
                continue
            yield name, pattern


def test_every_named_url_is_in_the_matrix():
    covered = {case.url_name for _, case in all_cases()}
    missing = sorted(name for name, _ in _named_urls() if name not in covered)
    assert not missing, f"add these views to tests/matrix/: {missing}"


def test_every_view_declares_an_access_helper():
    undeclared = []
    for name, pattern in _named_urls():
        callback = pattern.callback
        if not getattr(callback, "access_policy", None) and not getattr(
            getattr(callback, "view_class", None), "access_policy", None
        ):
            undeclared.append(name)
    assert not undeclared, f"views without @access(...): {undeclared}"


@pytest.fixture
def ctx(community, station, organization, make_user):
    context = {
        "community": community,
        "station": station,
        "organization": organization,
        "other_organization": OrganizationFactory(),
        "household": HouseholdFactory(building__compound__community=community),
        "make_user": make_user,
    }
    for module in _modules():
        setup = getattr(module, "setup", None)
        if setup:
            setup(context)
    return context


def _is_denied(response, role) -> bool:
    if role == "anonymous":
        return response.status_code in (302, 403, 404) and (
            response.status_code != 302 or "/accounts/login/" in response["Location"]
        )
    return response.status_code in (403, 404)


CASE_IDS = [f"{module.__name__.rsplit('.', 1)[-1]}:{case.url_name}:{case.method}" for module, case in all_cases()]


@pytest.mark.django_db
@pytest.mark.parametrize("module_case", list(all_cases()), ids=CASE_IDS)
def test_matrix(module_case, ctx, make_user):
    _, case = module_case
    for role in ROLES:
        user = make_user(role)
        client = signed_in_client(user)
        url = reverse(case.url_name, kwargs=case.kwargs(ctx)) + case.query
        data = case.data(ctx) if case.data else {}
        response = getattr(client, case.method)(url, data)
        denied = _is_denied(response, role)
        if role in case.allowed:
            assert not denied, f"{role} should reach {case.url_name}, got {response.status_code}"
            assert response.status_code < 500
        else:
            assert denied, f"{role} must not reach {case.url_name}, got {response.status_code}"
