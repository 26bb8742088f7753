"""Contracts: every view against every role. Objects come from `setup` below."""

from . import ALL_ROLES, Case

ORG = frozenset({"org_owner", "org_member"})
STAFF = frozenset({"bureau_officer", "centre_operator"})
BUREAU = frozenset({"bureau_officer"})
SIGNERS = frozenset({"bureau_officer", "org_owner"})


def setup(ctx):
    from unittest import mock

    from tests.contracts.factories import confirmed_award, finalised_contract, signed_contract

    organization = ctx["organization"]
    ctx["c_award"] = confirmed_award(organization)
    # setup runs for every case of every app: skip the real PDF rendering (tests/contracts checks it)
    with mock.patch("grants.contracts.services.contracts.render_contract_pdf", return_value=b"%PDF-1.4 matrix"):
        ctx["c_finalised"], ctx["c_version"] = finalised_contract(organization)
        ctx["c_signed"] = signed_contract(organization)
        ctx["c_other"] = signed_contract(ctx["other_organization"])
        failed = signed_contract(ctx["other_organization"])
    from grants.contracts.services import evaluation_fail

    ctx["c_recovery"] = evaluation_fail(actor=None, contract=failed, stage="midterm", reason="逾期").contract.recovery
    ctx["c_report"] = ctx["c_signed"].reports.get(kind="midterm")
    ctx["c_tranche"] = ctx["c_signed"].tranches.get(seq=2)


AWARD = lambda ctx: {"pk": ctx["c_award"].pk}  # noqa: E731
FIN = lambda ctx: {"pk": ctx["c_finalised"].pk}  # noqa: E731
SIGNED = lambda ctx: {"pk": ctx["c_signed"].pk}  # noqa: E731
OTHER = lambda ctx: {"pk": ctx["c_other"].pk}  # noqa: E731
REPORT = lambda ctx: {"pk": ctx["c_report"].pk}  # noqa: E731
TRANCHE = lambda ctx: {"pk": ctx["c_tranche"].pk}  # noqa: E731

CASES = [
    Case("contracts:public_index", ALL_ROLES),
    Case("contracts:public_detail", ALL_ROLES, kwargs=SIGNED),
    Case("contracts:approvals", STAFF),
    Case("contracts:approve", BUREAU, method="post"),
    Case("contracts:assessment", STAFF, kwargs=AWARD),
    Case("contracts:return", BUREAU, kwargs=AWARD, method="post"),
    Case("contracts:create", STAFF, kwargs=AWARD, method="post"),
    Case("contracts:index", ORG | STAFF),
    Case("contracts:detail", ORG | STAFF, kwargs=SIGNED),
    # an organization never sees another organization's contract
    Case("contracts:detail", STAFF, kwargs=OTHER),
    Case("contracts:edit", STAFF, kwargs=SIGNED),
    Case("contracts:tranches", STAFF, kwargs=SIGNED, method="post"),
    Case("contracts:finalise", STAFF, kwargs=SIGNED, method="post"),
    Case("contracts:reopen", STAFF, kwargs=SIGNED, method="post"),
    Case("contracts:amend", STAFF, kwargs=SIGNED, method="post"),
    Case("contracts:sign", SIGNERS, kwargs=FIN),
    Case("contracts:sign", BUREAU, kwargs=OTHER),
    Case("contracts:signed_copy", SIGNERS, kwargs=SIGNED, method="post"),
    Case("contracts:evaluation", STAFF, kwargs=SIGNED),
    Case("contracts:version_pdf", ORG | STAFF, kwargs=lambda ctx: {"pk": ctx["c_version"].pk}),
    Case("contracts:tranche_approve", BUREAU, kwargs=TRANCHE, method="post"),
    Case("contracts:tranche_pay", BUREAU, kwargs=TRANCHE, method="post"),
    Case("contracts:ledger", STAFF),
    Case("contracts:recovery_settle", BUREAU, kwargs=lambda ctx: {"pk": ctx["c_recovery"].pk}, method="post"),
    Case("contracts:report", ORG | STAFF, kwargs=REPORT),
    Case("contracts:report_submit", ORG, kwargs=REPORT, method="post"),
    Case("contracts:report_file", ORG, kwargs=REPORT, method="post"),
    Case("contracts:report_review", STAFF, kwargs=REPORT, method="post"),
    Case("contracts:report_extend", BUREAU, kwargs=REPORT, method="post"),
]
