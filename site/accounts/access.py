"""The permission layer. Every view goes through one `access_*` helper via `@access(...)`.

A helper answers one question about a user (and an object where it applies). Roles are
loaded once per request and kept on the user object, so checks cost no extra queries.
The permission-matrix test walks every URL and requires a declared helper on its view.
"""

import functools
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .models import ORG_ROLES, RoleKind

ROLE_CACHE_ATTR = "_yc_roles"


def roles_of(user) -> list:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, ROLE_CACHE_ATTR, None)
    if cached is None:
        cached = list(user.roles.select_related("station").all())
        setattr(user, ROLE_CACHE_ATTR, cached)
    return cached


def forget_roles(user) -> None:
    if hasattr(user, ROLE_CACHE_ATTR):
        delattr(user, ROLE_CACHE_ATTR)


def has_role(user, *kinds: str) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(role.kind in kinds for role in roles_of(user))


# ---- the helpers -------------------------------------------------------------------


def access_public(user, obj=None) -> bool:
    return True


def access_signed_in(user, obj=None) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def access_resident(user, obj=None) -> bool:
    return has_role(user, RoleKind.RESIDENT)


def access_operator(user, obj=None) -> bool:
    return has_role(user, RoleKind.CENTRE_OPERATOR)


def access_bureau(user, obj=None) -> bool:
    return has_role(user, RoleKind.BUREAU_OFFICER)


def access_staff(user, obj=None) -> bool:
    """Bureau officers and centre operators: the people who run the platform."""
    return has_role(user, RoleKind.BUREAU_OFFICER, RoleKind.CENTRE_OPERATOR)


def access_reviewer(user, obj=None) -> bool:
    return has_role(user, RoleKind.REVIEWER)


def access_trainee(user, obj=None) -> bool:
    return has_role(user, RoleKind.TRAINEE)


def access_mentor(user, obj=None) -> bool:
    return has_role(user, RoleKind.MENTOR)


def community_ids_of_worker(user) -> set[int]:
    ids = set()
    for role in roles_of(user):
        if role.kind == RoleKind.COMMUNITY_WORKER:
            ids.add(role.community_id)
            if role.station_id:
                ids.add(role.station.community_id)
    return ids


def access_community_worker(user, community=None) -> bool:
    """A community worker of `community` (any community when None), or an operator."""
    if access_operator(user):
        return True
    ids = community_ids_of_worker(user)
    if community is None:
        return bool(ids)
    community_id = getattr(community, "pk", community)
    return community_id in ids


def organization_ids_of(user, *, owner_only: bool = False) -> set[int]:
    kinds = {RoleKind.ORG_OWNER} if owner_only else ORG_ROLES
    return {role.organization_id for role in roles_of(user) if role.kind in kinds}


def access_org_member(user, organization=None) -> bool:
    if organization is None:
        return bool(organization_ids_of(user)) or getattr(user, "is_superuser", False)
    if getattr(user, "is_superuser", False):
        return True
    return getattr(organization, "pk", organization) in organization_ids_of(user)


def access_org_owner(user, organization=None) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    owned = organization_ids_of(user, owner_only=True)
    if organization is None:
        return bool(owned)
    return getattr(organization, "pk", organization) in owned


# ---- wiring into views ---------------------------------------------------------------


def access(helper: Callable[..., bool], *, obj: Callable | None = None):
    """Decorate a view: anonymous visitors go to sign-in, others without access get 403.

    `obj(request, **kwargs)` may load the object the helper needs; object-level checks that
    need the loaded object inside the view call `ensure(helper, user, obj)` instead.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            target = obj(request, **kwargs) if obj else None
            if not helper(request.user, target):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.access_policy = helper.__name__
        return wrapped

    return decorator


def ensure(helper: Callable[..., bool], user, obj=None) -> None:
    if not helper(user, obj):
        raise PermissionDenied
