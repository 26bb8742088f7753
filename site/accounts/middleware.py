"""Bureau officers and centre operators must pass a TOTP check before doing anything."""

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .access import has_role
from .models import TWO_FACTOR_ROLES

ALLOWED_PREFIXES = ("/static/", "/media/", "/healthz")
ALLOWED_VIEWS = {"accounts:two_factor", "accounts:two_factor_setup", "accounts:logout"}


def needs_two_factor(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return has_role(user, *TWO_FACTOR_ROLES)


def _is_allowed(path: str) -> bool:
    if path.startswith(ALLOWED_PREFIXES):
        return True
    try:
        return resolve(path).view_name in ALLOWED_VIEWS
    except Resolver404:
        return False


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and needs_two_factor(user)
            and not user.is_verified()
            and not _is_allowed(request.path_info)
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:two_factor')}?{query}")
        return self.get_response(request)
