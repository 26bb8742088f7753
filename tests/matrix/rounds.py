"""Rounds: every view against every role. Objects come from `setup` below."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from . import ALL_ROLES, SIGNED_IN, Case

ORG = frozenset({"org_owner", "org_member"})
STAFF = frozenset({"bureau_officer", "centre_operator"})
OPERATOR = frozenset({"centre_operator"})
NOBODY = frozenset()


def setup(ctx):
    from grants.rounds.models import Attachment, Award, Notice, Objection, Roadshow
    from tests.factories import ResidentFactory
    from tests.rounds.factories import SHORTLISTED, close, make_application, make_round

    open_round = make_round()
    ctx["round"] = open_round
    ctx["application"] = make_application(open_round, ctx["organization"])
    ctx["other_application"] = make_application(open_round, ctx["other_organization"])
    ctx["attachment"] = Attachment.objects.create(
        application=ctx["application"], title="章程", file=SimpleUploadedFile("c.pdf", b"%PDF-1.4 test")
    )
    now = timezone.now()
    closed = close(
        make_round(
            title="2025 为老创投",
            peer_voting=True,
            peer_opens_at=now - datetime.timedelta(days=9),
            peer_closes_at=now - datetime.timedelta(days=8),
        )
    )
    ctx["closed_round"] = closed
    shortlisted = make_application(closed, ctx["organization"], status=SHORTLISTED)
    award = Award.objects.create(application=shortlisted, amount_fen=shortlisted.amount_fen, rank=1)
    notice = Notice.objects.create(
        round=closed, published_on=now.date(), ends_on=now.date() + datetime.timedelta(days=7)
    )
    ctx["objection"] = Objection.objects.create(
        notice=notice, award=award, objector=ResidentFactory(), real_name="王某", phone="13800000009", text="重复申报"
    )
    Roadshow.objects.create(round=closed, held_at=now, venue="社区礼堂", is_open=True)
    from grants.rounds.models import ReviewAssignment
    from tests.rounds.factories import reviewer

    ctx["assignment"] = ReviewAssignment.objects.create(application=ctx["other_application"], reviewer=reviewer())


R = lambda ctx: {"pk": ctx["round"].pk}  # noqa: E731
C = lambda ctx: {"pk": ctx["closed_round"].pk}  # noqa: E731
A = lambda ctx: {"pk": ctx["application"].pk}  # noqa: E731
OTHER = lambda ctx: {"pk": ctx["other_application"].pk}  # noqa: E731

CASES = [
    Case("rounds:index", ALL_ROLES),
    Case("rounds:detail", ALL_ROLES, kwargs=R),
    Case("rounds:notice", ALL_ROLES, kwargs=C),
    Case("rounds:notice_pdf", ALL_ROLES, kwargs=C),
    Case("rounds:objection", SIGNED_IN, kwargs=C),
    Case("rounds:dashboard", ORG),
    Case("rounds:apply", ORG, kwargs=R),
    Case("rounds:application", ORG | STAFF, kwargs=A),
    # an organization never sees another organization's application
    Case("rounds:application", STAFF, kwargs=OTHER),
    Case("rounds:application_edit", ORG, kwargs=A),
    Case("rounds:application_edit", NOBODY, kwargs=OTHER),
    Case("rounds:application_submit", ORG, kwargs=A, method="post"),
    Case("rounds:application_withdraw", ORG, kwargs=A, method="post"),
    Case("rounds:application_withdraw", NOBODY, kwargs=OTHER, method="post"),
    Case("rounds:attachment_add", ORG, kwargs=A),
    # roles run in turn on one database: the owner removes the file, so the member finds it gone (404)
    Case(
        "rounds:attachment_remove",
        frozenset({"org_owner"}),
        kwargs=lambda ctx: {"pk": ctx["attachment"].pk},
        method="post",
    ),
    Case("rounds:application_pdf", ORG | STAFF, kwargs=A),
    Case("rounds:application_pdf", STAFF, kwargs=OTHER),
    Case("rounds:peer", ORG, kwargs=C),
    Case("rounds:review_queue", frozenset({"reviewer"})),
    # only the assigned reviewer reaches a review; a role alone is not enough
    Case("rounds:review", NOBODY, kwargs=lambda ctx: {"pk": ctx["assignment"].pk}),
    Case("rounds:review_conflict", NOBODY, kwargs=lambda ctx: {"pk": ctx["assignment"].pk}, method="post"),
    Case("rounds:roadshow", NOBODY, kwargs=C),
    Case(
        "rounds:roadshow_score",
        NOBODY,
        kwargs=lambda ctx: {"pk": ctx["closed_round"].pk, "application_pk": ctx["application"].pk},
        method="post",
        data=lambda ctx: {"score": 80},
    ),
    Case("rounds:manage", STAFF, kwargs=C),
    Case("rounds:round_move", OPERATOR, kwargs=R, method="post"),
    Case("rounds:round_extend", OPERATOR, kwargs=R, method="post"),
    Case("rounds:screen", OPERATOR, kwargs=A),
    Case("rounds:shortlist", OPERATOR, kwargs=A, method="post"),
    Case("rounds:assign", OPERATOR, kwargs=A, method="post"),
    Case("rounds:progress", STAFF, kwargs=C),
    Case("rounds:ranking", STAFF, kwargs=C),
    Case("rounds:rank", OPERATOR, kwargs=C, method="post"),
    Case("rounds:override", OPERATOR, kwargs=C, method="post"),
    Case("rounds:notice_publish", OPERATOR, kwargs=C, method="post"),
    Case("rounds:objection_answer", OPERATOR, kwargs=lambda ctx: {"pk": ctx["objection"].pk}, method="post"),
    Case("rounds:notice_confirm", OPERATOR, kwargs=C, method="post"),
    Case("rounds:roadshow_live", STAFF, kwargs=C),
    Case("rounds:roadshow_toggle", OPERATOR, kwargs=C, method="post"),
    Case("rounds:scorer_add", OPERATOR, kwargs=C, method="post"),
    Case("rounds:export", STAFF, kwargs=lambda ctx: {"pk": ctx["closed_round"].pk, "kind": "ranking", "fmt": "csv"}),
    Case(
        "rounds:export", STAFF, kwargs=lambda ctx: {"pk": ctx["closed_round"].pk, "kind": "applications", "fmt": "xlsx"}
    ),
]
