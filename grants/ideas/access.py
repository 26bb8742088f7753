"""Who may do what with ideas. Triage belongs to community workers of the idea's community."""

from accounts.access import access_community_worker, access_resident, access_signed_in


def access_idea_worker(user, idea=None) -> bool:
    """A community worker of `idea`'s community (any community when None), or an operator."""
    if idea is None:
        return access_community_worker(user)
    return access_community_worker(user, getattr(idea, "community_id", idea))


def access_idea_author(user, idea=None) -> bool:
    """The resident who submitted `idea` (with no idea: any signed-in resident)."""
    if idea is None:
        return access_resident(user) or access_signed_in(user)
    return bool(getattr(user, "is_authenticated", False)) and idea.submitted_by_id == user.pk
