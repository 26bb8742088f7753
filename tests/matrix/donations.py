"""Donations: public giving pages and webhook for everyone, the ledger for centre operators."""

from tests.matrix import ALL_ROLES, Case

OPERATOR = frozenset({"centre_operator"})


def setup(ctx):
    from tests.donations.factories import CommunityFundFactory, DonationFactory, ProjectFactory

    ctx["donation_project"] = ProjectFactory(community=ctx["community"])
    ctx["donation_fund"] = CommunityFundFactory(community=ctx["community"])
    ctx["donation"] = DonationFactory(project=ctx["donation_project"])


CASES = [
    Case("donations:index", ALL_ROLES),
    Case("donations:project", ALL_ROLES, lambda ctx: {"pk": ctx["donation_project"].pk}),
    # Without Stripe keys (as in this test) the gift is refused with 409 and an explanation.
    Case(
        "donations:give_project",
        ALL_ROLES,
        lambda ctx: {"pk": ctx["donation_project"].pk},
        method="post",
        data=lambda ctx: {"preset": "50", "receipt_email": "matrix@example.org"},
    ),
    Case("donations:fund", ALL_ROLES, lambda ctx: {"pk": ctx["donation_fund"].pk}),
    Case(
        "donations:give_fund",
        ALL_ROLES,
        lambda ctx: {"pk": ctx["donation_fund"].pk},
        method="post",
        data=lambda ctx: {"preset": "50", "receipt_email": "matrix@example.org"},
    ),
    Case("donations:pay", ALL_ROLES, lambda ctx: {"token": ctx["donation"].token}),
    Case("donations:thanks", ALL_ROLES, lambda ctx: {"token": ctx["donation"].token}),
    # Public by design; an unsigned body is refused with 400 for everyone.
    Case("donations:stripe_webhook", ALL_ROLES, method="post", data=lambda ctx: {"id": "evt_forged"}),
    Case("donations:ledger", OPERATOR),
    Case("donations:ledger_csv", OPERATOR),
    Case("donations:donation_detail", OPERATOR, lambda ctx: {"pk": ctx["donation"].pk}),
    Case(
        "donations:donation_refund",
        OPERATOR,
        lambda ctx: {"pk": ctx["donation"].pk},
        method="post",
        data=lambda ctx: {"reason": ""},
    ),
    Case("donations:reconcile", OPERATOR),
]
