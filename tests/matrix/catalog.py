"""Catalog, dashboard: every view against every role."""

from . import ALL_ROLES, Case

STAFF = frozenset({"bureau_officer", "centre_operator"})
OPERATOR = frozenset({"centre_operator"})


def setup(ctx):
    from tests.catalog.factories import CatalogProjectFactory

    ctx["project"] = CatalogProjectFactory(community=ctx["community"], organization=ctx["organization"])


P = lambda ctx: {"pk": ctx["project"].pk}  # noqa: E731
O = lambda ctx: {"pk": ctx["organization"].pk}  # noqa: E731, E741

CASES = [
    Case("catalog:index", ALL_ROLES),
    Case("catalog:index", ALL_ROLES, query="?theme=elderly&year=2024&sort=amount_desc"),
    Case("catalog:export_csv", ALL_ROLES),
    Case("catalog:export_xlsx", ALL_ROLES, query="?theme=elderly"),
    Case("catalog:project", ALL_ROLES, kwargs=P),
    Case("catalog:organizations", ALL_ROLES),
    Case("catalog:organization", ALL_ROLES, kwargs=O),
    Case("catalog:import", OPERATOR),
    Case("dashboard:index", STAFF),
]
