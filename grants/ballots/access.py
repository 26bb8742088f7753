"""Who may run a ballot: community workers of the ballot's community (and operators)."""

from accounts.access import access_community_worker


def access_ballot_worker(user, ballot=None) -> bool:
    """A worker of `ballot`'s community; with no ballot, a worker of any community."""
    if ballot is None:
        return access_community_worker(user)
    return access_community_worker(user, getattr(ballot, "community_id", ballot))
