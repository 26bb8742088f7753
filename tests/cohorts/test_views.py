"""Pages and plug-ins: program page, home section, dashboard figure, iCal, study club, capstone to grant."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.clock import now
from grants.rounds.models import Application, Round
from organizations.models import Organization
from projects.dashboard.registry import DashboardFilters, figures
from tests.conftest import signed_in_client
from tests.factories import OrganizationFactory, UserFactory, grant
from training.cohorts import services
from training.cohorts.models import Certificate, CohortStatus, ProgramKind, ProgramPage, SessionEnrolment

from .factories import CapstoneFactory, CohortFactory, SessionFactory, enrolled

pytestmark = pytest.mark.django_db


def test_program_page_lists_its_cohorts_and_hides_drafts():
    from wagtail.models import Page

    root = Page.get_first_root_node()
    page = ProgramPage(title="社创营", slug="sc-camp", program=ProgramKind.SOCIAL_INNOVATION, intro="社工培训")
    root.add_child(instance=page)
    page.save_revision().publish()
    CohortFactory(title="公开的期次")
    CohortFactory(title="草稿期次", status=CohortStatus.DRAFT)
    CohortFactory(title="别的营", program=ProgramKind.YOUTH_INNOVATION)
    context = page.get_context(None)
    titles = [c.title for c in context["cohorts"]]
    assert titles == ["公开的期次"]


def test_draft_cohort_is_404_except_for_operators(make_user):
    draft = CohortFactory(status=CohortStatus.DRAFT)
    url = reverse("cohorts:cohort", kwargs={"pk": draft.pk})
    assert signed_in_client(None).get(url).status_code == 404
    assert signed_in_client(make_user("centre_operator")).get(url).status_code == 200


def test_cohort_page_and_ical_feed():
    from icalendar import Calendar

    cohort = CohortFactory(title="青创营测试班")
    SessionFactory(cohort=cohort, title="需求调研", place="孵化基地")
    page = signed_in_client(None).get(reverse("cohorts:cohort", kwargs={"pk": cohort.pk}))
    assert page.status_code == 200 and "需求调研" in page.content.decode()
    feed = signed_in_client(None).get(reverse("cohorts:calendar", kwargs={"pk": cohort.pk}))
    assert feed["Content-Type"].startswith("text/calendar")
    events = [c for c in Calendar.from_ical(feed.content).walk() if c.name == "VEVENT"]
    assert len(events) == 1 and "需求调研" in str(events[0]["summary"]) and str(events[0]["location"]) == "孵化基地"


def test_home_section_lists_camps_open_for_applications():
    from cms.sections import sections_for

    CohortFactory(title="正在报名的期次")
    CohortFactory(title="进行中", status=CohortStatus.RUNNING)
    section = next(s for s in sections_for(None) if s["key"] == "training-open-camps")
    assert [c.title for c in section["context"]["cohorts"]] == ["正在报名的期次"]


def test_dashboard_people_trained_by_program_and_year():
    cohort = CohortFactory(status=CohortStatus.COMPLETED)
    youth = CohortFactory(status=CohortStatus.COMPLETED, program=ProgramKind.YOUTH_INNOVATION)
    for index, (c, user) in enumerate([(cohort, UserFactory()), (cohort, UserFactory()), (youth, UserFactory())]):
        Certificate.objects.create(
            cohort=c,
            trainee=user,
            serial=f"T-{index}",
            verification_code=f"code{index}",
            holder_name="x",
            hours=10,
            issued_on=datetime.date(2026, 6, 1),
        )
    figure = next(f for f in figures() if f.key == "training.people_trained")
    value = figure.compute(DashboardFilters())
    assert value.value == 3 and len(value.breakdown) == 2
    assert figure.compute(DashboardFilters(year=2025)).value == 0


def test_personal_links_for_trainees_and_mentors(make_user):
    from accounts.links import links_for

    trainee_links = [link["url"] for link in links_for(make_user("trainee"))]
    assert reverse("cohorts:mine") in trainee_links and reverse("cohorts:hours") in trainee_links
    assert reverse("cohorts:mentoring") in [link["url"] for link in links_for(make_user("mentor"))]


def test_study_club_open_enrolment_up_to_capacity():
    club = CohortFactory(program=ProgramKind.STUDY_CLUB, status=CohortStatus.RUNNING)
    host = OrganizationFactory()
    session = SessionFactory(
        cohort=club,
        capacity=2,
        host_organization=host,
        starts_at=now() + datetime.timedelta(days=2),
        ends_at=now() + datetime.timedelta(days=2, hours=2),
    )
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    response = signed_in_client(first).post(reverse("cohorts:session_enrol", kwargs={"pk": session.pk}))
    assert response.status_code == 302
    services.session_enrol(actor=second, session=session)
    with pytest.raises(ValidationError, match="full"):
        services.session_enrol(actor=third, session=session)
    with pytest.raises(ValidationError, match="already"):
        services.session_enrol(actor=first, session=session)
    assert SessionEnrolment.objects.filter(session=session).count() == 2
    # Participants share notes; outsiders cannot.
    url = reverse("cohorts:session_note_add", kwargs={"pk": session.pk})
    assert signed_in_client(first).post(url, {"body": "做法：先议事后认领"}).status_code == 302
    assert signed_in_client(third).post(url, {"body": "x"}).status_code == 403
    assert (
        "先议事后认领"
        in signed_in_client(second).get(reverse("cohorts:session", kwargs={"pk": session.pk})).content.decode()
    )


def test_accepted_capstone_becomes_a_draft_grant_application(make_user):
    cohort = CohortFactory(status=CohortStatus.RUNNING)
    trainee = enrolled(cohort).applicant
    organization = OrganizationFactory()
    capstone = CapstoneFactory(cohort=cohort, trainee=trainee, status="submitted", organization=organization)
    open_round = Round.objects.create(title="德育创投", budget_fen=100_000_000, status="open")
    closed_round = Round.objects.create(title="往年创投", status="closed")
    operator = make_user("centre_operator")
    client = signed_in_client(operator)
    url = reverse("cohorts:capstone_to_application", kwargs={"pk": capstone.pk})
    client.post(url, {"round": open_round.pk})
    assert not Application.objects.exists()  # not accepted yet
    client.post(reverse("cohorts:capstone_review", kwargs={"pk": capstone.pk}), {"decision": "accept", "note": "好"})
    capstone.refresh_from_db()
    assert capstone.status == "accepted"
    with pytest.raises(ValidationError, match="not open"):
        services.capstone_to_application(actor=operator, capstone=capstone, round=closed_round)
    client.post(url, {"round": open_round.pk})
    capstone.refresh_from_db()
    application = capstone.application
    assert (
        application.round,
        application.organization,
        application.project_name,
        application.amount_fen,
        application.status,
    ) == (open_round, organization, capstone.title, capstone.budget_fen, "draft")
    assert application.capstone.cohort == cohort  # the link back to the cohort
    with pytest.raises(ValidationError, match="already"):
        services.capstone_to_application(actor=operator, capstone=capstone, round=open_round)


def test_capstone_without_organization_is_refused():
    cohort = CohortFactory(status=CohortStatus.RUNNING)
    capstone = CapstoneFactory(cohort=cohort, status="accepted")
    with pytest.raises(ValidationError, match="organization"):
        services.capstone_to_application(
            actor=None, capstone=capstone, round=Round.objects.create(title="r", status="open")
        )
    assert Organization.objects.count() >= 0


def test_reviewer_with_a_conflict_cannot_see_the_application(make_user):
    cohort = CohortFactory(status=CohortStatus.SELECTION)
    from .factories import ApplicationFactory

    application = ApplicationFactory(cohort=cohort)
    reviewer = make_user("reviewer")
    client = signed_in_client(reviewer)
    url = reverse("cohorts:review", kwargs={"pk": application.pk})
    assert application.applicant.display_name in client.get(url).content.decode()
    client.post(url, {"conflict": "on", "conflict_reason": "同事"})
    assert application.applicant.display_name not in client.get(url).content.decode()
    own = ApplicationFactory(cohort=cohort, applicant=reviewer)
    assert client.get(reverse("cohorts:review", kwargs={"pk": own.pk})).status_code == 404


def test_mentor_notes_only_for_their_mentee(make_user):
    cohort = CohortFactory(status=CohortStatus.RUNNING)
    trainee = enrolled(cohort).applicant
    mentor = grant(UserFactory(), "mentor")
    pairing = services.mentor_assign(actor=None, cohort=cohort, mentor=mentor, trainee=trainee)
    url = reverse("cohorts:mentoring_notes", kwargs={"pk": pairing.pk})
    assert signed_in_client(mentor).post(url, {"body": "下周一起走访", "shared_with_trainee": "on"}).status_code == 302
    assert pairing.notes.count() == 1
    assert signed_in_client(grant(UserFactory(), "mentor")).get(url).status_code == 403
    with pytest.raises(ValidationError, match="mentor role"):
        services.mentor_assign(actor=None, cohort=cohort, mentor=UserFactory(), trainee=trainee)
