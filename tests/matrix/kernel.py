from . import ALL_ROLES, SIGNED_IN, Case

ORG = frozenset({"org_owner", "org_member"})
WORKERS = frozenset({"community_worker", "centre_operator"})

CASES = [
    Case("accounts:login", ALL_ROLES),
    Case("accounts:signup", ALL_ROLES),
    Case("accounts:home", SIGNED_IN),
    Case("accounts:logout", ALL_ROLES, method="post"),
    Case("accounts:two_factor", SIGNED_IN),
    Case("accounts:two_factor_setup", SIGNED_IN),
    Case("organizations:portal", ORG),
    Case("organizations:detail", ORG, kwargs=lambda ctx: {"pk": ctx["organization"].pk}),
    Case("organizations:edit", frozenset({"org_owner"}), kwargs=lambda ctx: {"pk": ctx["organization"].pk}),
    Case("organizations:document_upload", ORG, kwargs=lambda ctx: {"pk": ctx["organization"].pk}),
    Case("places:communities", WORKERS),
    Case("places:households", WORKERS, kwargs=lambda ctx: {"pk": ctx["community"].pk}),
    Case("places:household_verify", WORKERS, kwargs=lambda ctx: {"pk": ctx["household"].pk}, method="post"),
    Case("healthz", ALL_ROLES),
]
