"""The business rules of rounds, through the services."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from grants.rounds import services
from grants.rounds.models import (
    ApplicationStatus,
    Award,
    AwardStatus,
    RankingEntry,
    ReviewStatus,
    Roadshow,
    RoadshowScore,
    RoundStatus,
    RubricCriterion,
)
from notifications.models import Notification
from tests.factories import OrganizationFactory

from .factories import ACCEPTED, SHORTLISTED, budget, close, make_application, make_round, org_member, reviewer, score

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def _draft(round, org, user, **kw):
    return services.application_create_draft(actor=user, round=round, organization=org, project_name="课后课堂", **kw)


class TestApplications:
    def test_create_draft_computes_the_amount_from_the_lines(self, organization):
        round = make_round()
        user = org_member(organization)
        application = _draft(round, organization, user, budget_lines=budget(50_000), cofunding_fen=10_000_00)
        assert application.amount_fen == 40_000_00
        assert application.budget_lines.count() == 2

    def test_a_line_that_does_not_add_up_is_refused_naming_it(self, organization):
        round = make_round()
        lines = budget(50_000)
        lines[1]["subtotal_fen"] -= 100
        with pytest.raises(ValidationError) as error:
            _draft(round, organization, org_member(organization), budget_lines=lines)
        assert "Line 2" in error.value.messages[0] and "活动物料" in error.value.messages[0]
        assert not round.applications.exists()  # nothing half-saved

    def test_one_application_per_organization_unless_the_round_allows_more(self, organization):
        round = make_round()
        user = org_member(organization)
        _draft(round, organization, user)
        with pytest.raises(ValidationError):
            _draft(round, organization, user)
        round.applications_per_org = 2
        round.save()
        _draft(round, organization, user)

    def test_withdrawn_applications_do_not_count_against_the_limit(self, organization):
        round = make_round()
        user = org_member(organization)
        services.application_withdraw(actor=user, application=_draft(round, organization, user))
        _draft(round, organization, user)

    def test_submit_refuses_an_incomplete_application_with_reasons(self, organization):
        round = make_round()
        application = _draft(round, organization, org_member(organization))
        with pytest.raises(ValidationError) as error:
            services.application_submit(actor=None, application=application)
        assert any("milestone" in m for m in error.value.messages)

    def test_submit_refuses_a_budget_over_the_cap_naming_the_line(self, organization):
        round = make_round()
        user = org_member(organization)
        application = make_application(round, organization)
        lines = [
            *budget(50000),
            {
                "category": "management",
                "item": "行政费",
                "unit_price_fen": 2000000,
                "quantity": 1,
                "subtotal_fen": 2000000,
            },
        ]
        services.application_update(actor=user, application=application, budget_lines=lines)
        with pytest.raises(ValidationError) as error:
            services.application_submit(actor=user, application=application)
        assert any("Line 3" in m and "行政费" in m for m in error.value.messages)

    def test_submit_and_notify_on_commit(self, organization, django_capture_on_commit_callbacks):
        round = make_round()
        user = org_member(organization)
        application = make_application(round, organization)
        with django_capture_on_commit_callbacks(execute=True):
            services.application_submit(actor=user, application=application)
        application.refresh_from_db()
        assert application.status == S.SUBMITTED
        assert Notification.objects.filter(recipient=user, kind="rounds.submitted").exists()

    def test_mandatory_documents_must_be_attached(self, organization):
        round = make_round()
        round.required_documents.create(title="法人登记证书")
        application = make_application(round, organization)
        with pytest.raises(ValidationError) as error:
            services.application_submit(actor=None, application=application)
        assert any("法人登记证书" in m for m in error.value.messages)

    def test_nothing_changes_after_the_deadline(self, organization):
        round = make_round()
        user = org_member(organization)
        application = make_application(round, organization, status=S.SUBMITTED)
        close(round)
        with pytest.raises(ValidationError):
            services.application_update(actor=user, application=application, project_name="改名")
        with pytest.raises(ValidationError):
            services.application_withdraw(actor=user, application=application)
        with pytest.raises(ValidationError):
            services.application_create_draft(
                actor=user, round=round, organization=OrganizationFactory(), project_name="迟到"
            )

    def test_more_information_reopens_editing_until_its_own_deadline(self, organization):
        round = make_round()
        user = org_member(organization)
        application = make_application(round, organization, status=S.SUBMITTED)
        close(round)
        due = timezone.now() + datetime.timedelta(days=3)
        services.application_screen(
            actor=None, application=application, decision="more_info", reason="请补充证明", info_due_at=due
        )
        services.application_update(actor=user, application=application, evidence="居委会证明")
        services.application_submit(actor=user, application=application)
        application.refresh_from_db()
        assert application.status == S.SUBMITTED and application.evidence == "居委会证明"


class TestScreening:
    def test_checks_catch_a_dishonest_organization_and_block_acceptance(self):
        org = OrganizationFactory(seriously_dishonest_since=datetime.date(2025, 1, 1))
        round = make_round()
        application = make_application(round, org, status=S.SUBMITTED)
        close(round)
        checks = {c.code: c.passed for c in services.eligibility_checks(application)}
        assert checks["standing"] is False and checks["credit_code"] is True
        with pytest.raises(ValidationError):
            services.application_screen(actor=None, application=application, decision="accept", reason="ok")
        services.application_screen(actor=None, application=application, decision="reject", reason="严重失信")
        application.refresh_from_db()
        assert application.status == S.REJECTED and application.screening_checks

    def test_invalid_credit_code_incubation_and_double_funding(self):
        org = OrganizationFactory()
        type(org).objects.filter(pk=org.pk).update(credit_code="51500108MJP000000X")
        org.refresh_from_db()
        round = make_round(require_incubation=True)
        application = make_application(round, org, status=S.SUBMITTED, other_grant_for_same_project=True)
        checks = {c.code: c.passed for c in services.eligibility_checks(application)}
        assert checks["credit_code"] is False
        assert checks["incubation"] is False
        assert checks["double_funding"] is False

    def test_a_decision_needs_reasons_and_waits_for_the_deadline(self, organization):
        round = make_round()
        application = make_application(round, organization, status=S.SUBMITTED)
        with pytest.raises(ValidationError):
            services.application_screen(actor=None, application=application, decision="accept", reason="好")
        close(round)
        with pytest.raises(ValidationError):
            services.application_screen(actor=None, application=application, decision="accept", reason=" ")


class TestReview:
    def test_conflict_is_automatic_for_a_member_and_blocks_scoring(self, organization):
        round = make_round()
        application = make_application(round, organization, status=ACCEPTED)
        expert = reviewer()
        from tests.factories import grant

        grant(expert, "org_member", organization=organization)
        assignment = services.review_assign(actor=None, application=application, reviewer=expert)
        assert assignment.status == ReviewStatus.CONFLICT
        with pytest.raises(ValidationError):
            score(assignment, 8)

    def test_weighted_score_and_the_rubric_freezes(self, organization):
        round = make_round()
        application = make_application(round, organization, status=ACCEPTED)
        assignment = services.review_assign(actor=None, application=application, reviewer=reviewer())
        c1, c2 = round.criteria.all()
        services.review_submit(
            actor=assignment.reviewer, assignment=assignment, scores={c1.pk: (8, ""), c2.pk: (5, "")}
        )
        assignment.refresh_from_db()
        assert assignment.total == Decimal("68.00")
        c1.weight = Decimal(50)
        with pytest.raises(ValidationError):
            c1.full_clean()
        with pytest.raises(ValidationError):
            RubricCriterion(round=round, name="新增", weight=Decimal(10)).full_clean()
        with pytest.raises(ValidationError):
            score(assignment, 9)  # a second sheet is refused

    def test_only_reviewers_can_be_assigned(self, organization):
        application = make_application(make_round(), organization, status=ACCEPTED)
        with pytest.raises(ValidationError):
            services.review_assign(actor=None, application=application, reviewer=org_member(OrganizationFactory()))


class TestRoadshowAndPeer:
    def _roadshow(self, round):
        return Roadshow.objects.create(round=round, held_at=timezone.now(), venue="社区礼堂", is_open=True)

    def test_a_scorer_cannot_submit_twice(self, organization):
        round = make_round()
        team = make_application(round, organization, status=SHORTLISTED)
        roadshow = self._roadshow(round)
        rep = org_member(OrganizationFactory())
        services.roadshow_scorer_add(actor=None, roadshow=roadshow, user=rep, kind="representative")
        services.roadshow_score_submit(actor=rep, roadshow=roadshow, application=team, score=88)
        with pytest.raises(ValidationError):
            services.roadshow_score_submit(actor=rep, roadshow=roadshow, application=team, score=90)
        assert RoadshowScore.objects.get().score == 88

    def test_scoring_own_team_or_closed_roadshow_is_refused(self, organization):
        round = make_round()
        team = make_application(round, organization, status=SHORTLISTED)
        roadshow = self._roadshow(round)
        member = org_member(organization)
        services.roadshow_scorer_add(actor=None, roadshow=roadshow, user=member, kind="representative")
        with pytest.raises(ValidationError):
            services.roadshow_score_submit(actor=member, roadshow=roadshow, application=team, score=90)

    def test_peer_voting_never_own_and_once_per_org(self):
        now = timezone.now()
        round = make_round(
            peer_voting=True,
            peer_opens_at=now - datetime.timedelta(hours=1),
            peer_closes_at=now + datetime.timedelta(hours=1),
        )
        a, b, c = (make_application(round, status=SHORTLISTED) for _ in range(3))
        voter = org_member(a.organization)
        with pytest.raises(ValidationError):
            services.peer_sheet_submit(
                actor=voter, round=round, organization=a.organization, scores={a.pk: 90, b.pk: 80, c.pk: 70}
            )
        services.peer_sheet_submit(actor=voter, round=round, organization=a.organization, scores={b.pk: 80, c.pk: 70})
        with pytest.raises(ValidationError):
            services.peer_sheet_submit(
                actor=voter, round=round, organization=a.organization, scores={b.pk: 80, c.pk: 70}
            )
        abstainers = [o for o in services.peer_voters(round) if not round.peer_sheets.filter(organization=o).exists()]
        assert set(abstainers) == {b.organization, c.organization}


def _ranked_round():
    """Pool 100,000; B 50,000 ranks first, A 60,000 second (does not fit), C 30,000, D 20,000."""
    round = make_round(budget_fen=100_000_00, max_amount_fen=100_000_00, min_amount_fen=0)
    apps = {}
    for name, amount, review_value in [("A", 60_000, 8), ("B", 50_000, 9), ("C", 30_000, 7), ("D", 20_000, 6)]:
        apps[name] = make_application(round, amount_yuan=amount, status=ACCEPTED, project_name=name)
        assignment = services.review_assign(actor=None, application=apps[name], reviewer=reviewer())
        score(assignment, review_value)
    close(round)
    return round, apps


class TestRankingAndNotice:
    def test_rank_and_walk(self):
        round, _apps = _ranked_round()
        services.round_rank(actor=None, round=round)
        assert list(RankingEntry.objects.filter(round=round).values_list("application__project_name", "final")) == [
            ("B", Decimal("36.00")),
            ("A", Decimal("32.00")),
            ("C", Decimal("28.00")),
            ("D", Decimal("24.00")),
        ]
        funded = set(
            Award.objects.filter(status=AwardStatus.PROPOSED).values_list("application__project_name", flat=True)
        )
        assert funded == {"B", "C", "D"}  # A does not fit after B and is skipped

    def test_override_needs_a_reason_and_rewalks(self):
        round, apps = _ranked_round()
        services.round_rank(actor=None, round=round)
        with pytest.raises(ValidationError):
            services.award_override(actor=None, round=round, application=apps["A"], action="include", reason="")
        services.award_override(
            actor=None, round=round, application=apps["A"], action="include", reason="与学校合作的唯一项目"
        )
        funded = set(Award.objects.values_list("application__project_name", flat=True))
        assert funded == {"A", "C"}
        assert Award.objects.get(application=apps["A"]).by_override

    def test_upheld_objection_cancels_and_rewalks_nothing_confirmed_while_open(self, make_user):
        round, apps = _ranked_round()
        services.round_rank(actor=None, round=round)
        notice = services.notice_publish(actor=None, round=round)
        objector = make_user("resident")
        award_b = Award.objects.get(application=apps["B"])
        objection = services.objection_submit(
            actor=objector, notice=notice, award=award_b, real_name="王秀英", phone="13800000001", text="项目重复申报"
        )
        notice.ends_on = datetime.date(2000, 1, 1)
        notice.save()
        with pytest.raises(ValidationError):
            services.notice_confirm(actor=None, round=round)
        services.objection_answer(
            actor=None, objection=objection, upheld=True, answer="经核实，该项目已获其他资助，取消拟资助。"
        )
        award_b.refresh_from_db()
        assert award_b.status == AwardStatus.CANCELLED
        funded = set(
            Award.objects.filter(status=AwardStatus.PROPOSED).values_list("application__project_name", flat=True)
        )
        assert funded == {"A", "C"}  # A now fits: 60,000 + 30,000; D no longer fits
        notice.refresh_from_db()
        assert notice.ends_on > timezone.localdate()  # a newly proposed project gets its own period
        notice.ends_on = datetime.date(2000, 1, 1)
        notice.save()
        services.notice_confirm(actor=None, round=round)
        assert set(
            Award.objects.filter(status=AwardStatus.CONFIRMED).values_list("application__project_name", flat=True)
        ) == {"A", "C"}

    def test_objection_period_is_in_working_days(self):
        round, _ = _ranked_round()
        services.round_rank(actor=None, round=round)
        notice = services.notice_publish(actor=None, round=round)
        from core.workdays import add_workdays

        assert notice.ends_on == add_workdays(notice.published_on, 5)


class TestRoundLifecycle:
    def test_open_close_extend_archive(self):
        round = make_round(status=RoundStatus.DRAFT)
        services.round_move(actor=None, round=round, target="open")
        with pytest.raises(ValidationError):
            services.round_extend(
                actor=None, round=round, closes_at=round.closes_at + datetime.timedelta(days=1), reason=""
            )
        later = round.closes_at + datetime.timedelta(days=7)
        services.round_extend(actor=None, round=round, closes_at=later, reason="节假日顺延")
        round.refresh_from_db()
        assert round.closes_at == later
        from audit.models import AuditEvent

        assert AuditEvent.objects.filter(action="round.extended", reason="节假日顺延").exists()
        services.round_move(actor=None, round=round, target="closed")
        services.round_move(actor=None, round=round, target="archived")
        with pytest.raises(ValidationError):
            services.round_move(actor=None, round=round, target="open")

    def test_weights_must_add_up_to_100(self):
        round = make_round(status=RoundStatus.DRAFT, weight_review=Decimal(50))
        with pytest.raises(ValidationError):
            round.full_clean()
