"""Ballot views for every role: public pages, the per-user voting page, the workers' pages."""

import datetime

from . import ALL_ROLES, SIGNED_IN, Case

WORKERS = frozenset({"community_worker", "centre_operator"})


def setup(ctx):
    from core.clock import now
    from grants.ballots import services
    from places.services import household_verify

    worker = ctx["make_user"]("community_worker")
    household_verify(actor=worker, household=ctx["household"])
    start = now() - datetime.timedelta(hours=1)

    def ballot(**extra):
        values = {
            "title": "停车方案",
            "question": "是否同意？",
            "community": ctx["community"],
            "opens_at": start,
            "closes_at": now() + datetime.timedelta(days=1),
        }
        values.update(extra)
        return services.ballot_create(actor=worker, **values)

    ctx["ballot_draft"] = ballot()
    ctx["ballot_open"] = services.ballot_open(actor=worker, ballot=ballot())
    closed = services.ballot_open(actor=worker, ballot=ballot())
    from grants.ballots.models import Ballot

    Ballot.objects.filter(pk=closed.pk).update(closes_at=now() - datetime.timedelta(minutes=1))
    ctx["ballot_closed"] = services.ballot_close(actor=None, ballot=closed)


def _pk(key):
    return lambda ctx: {"pk": ctx[key].pk}


CASES = [
    Case("ballots:list", ALL_ROLES),
    Case("ballots:detail", ALL_ROLES, kwargs=_pk("ballot_open")),
    Case("ballots:vote", SIGNED_IN, kwargs=_pk("ballot_open")),
    Case("ballots:receipts", ALL_ROLES, kwargs=_pk("ballot_closed")),
    Case("ballots:notice_pdf", ALL_ROLES, kwargs=_pk("ballot_closed")),
    Case("ballots:tally_export", ALL_ROLES, kwargs=lambda ctx: {"pk": ctx["ballot_closed"].pk, "fmt": "csv"}),
    Case("ballots:manage_list", WORKERS),
    Case("ballots:create", WORKERS),
    Case("ballots:manage_detail", WORKERS, kwargs=_pk("ballot_open")),
    Case("ballots:open", WORKERS, kwargs=_pk("ballot_draft"), method="post"),
    Case("ballots:close", WORKERS, kwargs=_pk("ballot_open"), method="post"),
    Case("ballots:cancel", WORKERS, kwargs=_pk("ballot_open"), method="post", data=lambda ctx: {"reason": "重做"}),
    Case("ballots:assist", WORKERS, kwargs=_pk("ballot_open")),
]
