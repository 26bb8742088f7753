"""The role x view permission matrix.

Each app adds a module here (tests/matrix/<app>.py) with `CASES`, a list of `Case`. The
test in tests/test_permission_matrix.py runs every case for every role and checks that
every named URL of the project (outside the framework's own) has at least one case.

`kwargs` receives the matrix context (a dict of objects made by `make_context` plus
whatever the app's optional `setup(ctx)` adds) and returns the URL kwargs.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ALL_ROLES = frozenset(
    [
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
)
SIGNED_IN = ALL_ROLES - {"anonymous"}


@dataclass(frozen=True)
class Case:
    url_name: str
    allowed: frozenset[str]
    kwargs: Callable[[dict], dict] = field(default=lambda ctx: {})
    method: str = "get"
    data: Callable[[dict], dict] | None = None
    query: str = ""
