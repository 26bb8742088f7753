"""The rounds pages over HTTP: applicants, reviewers, roadshow scorers, the notice."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from grants.rounds import services
from grants.rounds.models import ApplicationStatus, Award, Notice, Objection, Roadshow, RoadshowScore
from tests.conftest import signed_in_client
from tests.factories import OrganizationFactory, ResidentFactory, grant

from .factories import ACCEPTED, SHORTLISTED, close, make_application, make_round, org_member, reviewer

pytestmark = pytest.mark.django_db


def _edit_payload(lines, **extra):
    data = {
        "project_name": "课后课堂",
        "applicant_type": "registered",
        "need": "需要",
        "evidence": "",
        "target_group": "小学生",
        "beneficiaries": "100",
        "activities": "课堂",
        "team": "社工",
        "cofunding": "0",
        "budget-TOTAL_FORMS": str(len(lines)),
        "budget-INITIAL_FORMS": "0",
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "0",
        "milestones-0-title": "开班",
        "milestones-0-due_on": "2026-09-01",
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-0-name": "人次",
        "indicators-0-target": "100",
        "indicators-0-unit": "人次",
    }
    for i, (category, item, price, qty, sub) in enumerate(lines):
        data.update(
            {
                f"budget-{i}-category": category,
                f"budget-{i}-item": item,
                f"budget-{i}-unit_price": price,
                f"budget-{i}-quantity": qty,
                f"budget-{i}-subtotal": sub,
            }
        )
    data.update(extra)
    return data


def test_applicant_journey_over_http(organization):
    round = make_round()
    user = org_member(organization)
    client = signed_in_client(user)
    response = client.post(
        reverse("rounds:apply", kwargs={"pk": round.pk}), {"organization": organization.pk, "project_name": "课后课堂"}
    )
    application = round.applications.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/applications/{application.pk}/edit/")
    edit = reverse("rounds:application_edit", kwargs={"pk": application.pk})
    bad = client.post(
        edit,
        _edit_payload([("activity", "课堂", "200", "10", "2000"), ("materials", "场地布置", "300", "5", "1400")]),
    )
    assert bad.status_code == 400
    assert "Line 2" in bad.content.decode() and "场地布置" in bad.content.decode()
    good = client.post(
        edit, _edit_payload([("personnel", "社工", "8000", "1", "8000"), ("activity", "课堂", "200", "200", "40000")])
    )
    assert good.status_code == 302
    application.refresh_from_db()
    assert application.amount_fen == 48_000_00
    client.post(reverse("rounds:application_submit", kwargs={"pk": application.pk}))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    dashboard = client.get(reverse("rounds:dashboard"))
    assert "课后课堂" in dashboard.content.decode()


def test_an_organization_cannot_see_another_organizations_application(organization):
    round = make_round()
    mine = make_application(round, organization)
    theirs = make_application(round, OrganizationFactory())
    client = signed_in_client(org_member(organization))
    assert client.get(reverse("rounds:application", kwargs={"pk": mine.pk})).status_code == 200
    for name in ("rounds:application", "rounds:application_edit", "rounds:application_pdf"):
        assert client.get(reverse(name, kwargs={"pk": theirs.pk})).status_code == 404
    assert client.post(reverse("rounds:application_withdraw", kwargs={"pk": theirs.pk})).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ApplicationStatus.DRAFT


def test_conflicted_reviewer_cannot_see_or_score(organization):
    round = make_round(blind_review=True)
    application = make_application(round, organization, status=ACCEPTED)
    expert = reviewer()
    grant(expert, "org_member", organization=organization)
    assignment = services.review_assign(actor=None, application=application, reviewer=expert)
    client = signed_in_client(expert)
    url = reverse("rounds:review", kwargs={"pk": assignment.pk})
    assert client.get(url).status_code == 404
    criteria = round.criteria.all()
    assert client.post(url, {f"score_{c.pk}": 9 for c in criteria}).status_code == 404
    assert application.project_name not in client.get(reverse("rounds:review_queue")).content.decode()


def test_blind_review_hides_the_applicant(organization):
    round = make_round(blind_review=True)
    application = make_application(round, organization, status=ACCEPTED)
    expert = reviewer()
    assignment = services.review_assign(actor=None, application=application, reviewer=expert)
    client = signed_in_client(expert)
    page = client.get(reverse("rounds:review", kwargs={"pk": assignment.pk})).content.decode()
    assert organization.name not in page and application.code in page
    data = {f"score_{c.pk}": 8 for c in round.criteria.all()}
    assert client.post(reverse("rounds:review", kwargs={"pk": assignment.pk}), data).status_code == 302
    assignment.refresh_from_db()
    assert assignment.total is not None


def test_a_roadshow_scorer_cannot_submit_twice(organization):
    round = make_round()
    team = make_application(round, organization, status=SHORTLISTED)
    roadshow = Roadshow.objects.create(round=round, held_at=timezone.now(), is_open=True)
    rep = ResidentFactory()
    services.roadshow_scorer_add(actor=None, roadshow=roadshow, user=rep, kind="representative")
    client = signed_in_client(rep)
    url = reverse("rounds:roadshow_score", kwargs={"pk": round.pk, "application_pk": team.pk})
    assert client.post(url, {"score": 85}).status_code == 302
    assert client.post(url, {"score": 95}).status_code == 409
    assert list(RoadshowScore.objects.values_list("score", flat=True)) == [85]
    assert client.get(reverse("rounds:roadshow", kwargs={"pk": round.pk})).status_code == 200


def test_notice_hides_the_objector_and_offers_a_pdf(organization, client):
    round = close(make_round())
    application = make_application(round, organization, status=SHORTLISTED)
    award = Award.objects.create(application=application, amount_fen=application.amount_fen, rank=1)
    today = timezone.localdate()
    notice = Notice.objects.create(round=round, published_on=today, ends_on=today + datetime.timedelta(days=7))
    Objection.objects.create(
        notice=notice,
        award=award,
        objector=ResidentFactory(),
        real_name="举报人甲",
        phone="13811112222",
        text="异议",
        status="dismissed",
        answer="经核查不成立",
    )
    page = client.get(reverse("rounds:notice", kwargs={"pk": round.pk})).content.decode()
    assert application.project_name in page and "经核查不成立" in page
    assert "举报人甲" not in page and "13811112222" not in page
    member_page = signed_in_client(org_member(organization)).get(
        reverse("rounds:application", kwargs={"pk": application.pk})
    )
    assert "举报人甲" not in member_page.content.decode()
    pdf = client.get(reverse("rounds:notice_pdf", kwargs={"pk": round.pk}))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_objection_form_over_http(organization):
    round = close(make_round())
    application = make_application(round, organization, status=SHORTLISTED)
    award = Award.objects.create(application=application, amount_fen=application.amount_fen, rank=1)
    today = timezone.localdate()
    Notice.objects.create(round=round, published_on=today, ends_on=today + datetime.timedelta(days=7))
    resident = ResidentFactory()
    client = signed_in_client(resident)
    url = reverse("rounds:objection", kwargs={"pk": round.pk})
    assert client.post(url, {"award": award.pk, "real_name": "", "phone": "", "text": ""}).status_code == 400
    response = client.post(url, {"award": award.pk, "real_name": "王秀英", "phone": "13800000001", "text": "预算虚高"})
    assert response.status_code == 302
    assert Objection.objects.get().objector == resident


def test_dashboard_queries_do_not_grow(organization, django_assert_max_num_queries):
    user = org_member(organization)
    client = signed_in_client(user)
    for _ in range(3):
        round = make_round()
        make_application(round, organization)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("rounds:dashboard")).status_code == 200


def test_progress_and_ranking_pages_stay_flat(client_for, django_assert_max_num_queries):
    client, _ = client_for("centre_operator")
    round = make_round(max_amount_fen=0, budget_fen=10_000_000_00)
    for _ in range(60):
        application = make_application(round, status=ACCEPTED)
    services.review_assign(actor=None, application=application, reviewer=reviewer())
    close(round)
    services.round_rank(actor=None, round=round)
    for name in ("rounds:progress", "rounds:ranking", "rounds:manage"):
        with django_assert_max_num_queries(20):
            assert client.get(reverse(name, kwargs={"pk": round.pk})).status_code == 200


def test_exports_and_application_pdf(client_for, organization):
    client, _ = client_for("centre_operator")
    round = make_round()
    application = make_application(round, organization)
    csv = client.get(reverse("rounds:export", kwargs={"pk": round.pk, "kind": "applications", "fmt": "csv"}))
    assert application.project_name in csv.content.decode("utf-8-sig")
    xlsx = client.get(reverse("rounds:export", kwargs={"pk": round.pk, "kind": "scores", "fmt": "xlsx"}))
    assert xlsx.content[:2] == b"PK"
    assert (
        client.get(reverse("rounds:export", kwargs={"pk": round.pk, "kind": "secret", "fmt": "csv"})).status_code == 404
    )
    pdf = client.get(reverse("rounds:application_pdf", kwargs={"pk": application.pk}))
    assert pdf.content.startswith(b"%PDF")
