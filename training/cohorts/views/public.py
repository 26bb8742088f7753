"""Pages anyone may read: the camps, a cohort, its calendar, a session, certificate verification."""

from decimal import Decimal

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import access, access_operator, access_public, has_role
from accounts.models import RoleKind

from .. import selectors
from ..access import access_cohort_public, access_session_participant, is_enrolled
from ..models import ApplicationStatus, CohortStatus, ProgramKind, ProgramPage
from ..services.selection import applications_open
from ._helpers import certificate_by_code, cohort_by_kw, session_obj


@access(access_public)
def index(request):
    pages = {p.program: p for p in ProgramPage.objects.live()}
    programs = [
        {
            "kind": kind,
            "label": label,
            "page": pages.get(kind),
            "cohorts": list(selectors.cohorts_for_program(kind)[:6]),
        }
        for kind, label in ProgramKind.choices
    ]
    return render(request, "cohorts/index.html", {"programs": programs})


@access(access_cohort_public, obj=cohort_by_kw)
def cohort(request, pk):
    cohort = cohort_by_kw(request, pk)
    sessions = list(cohort.sessions.select_related("trainer", "host_organization").order_by("starts_at", "id"))
    context = {
        "cohort": cohort,
        "sessions": sessions,
        "seats_taken": selectors.seats_taken(cohort),
        "can_apply": applications_open(cohort),
        "program_page": ProgramPage.objects.live().filter(program=cohort.program).first(),
        "total_hours": sum((s.hours for s in sessions), Decimal(0)),
    }
    user = request.user
    if user.is_authenticated:
        application = cohort.applications.filter(applicant=user).first()
        context["application"] = application
        context["enrolled"] = application is not None and application.status == ApplicationStatus.ENROLLED
        context["is_operator"] = access_operator(user)
        context["is_mentor"] = has_role(user, RoleKind.MENTOR)
        if context["enrolled"]:
            _sessions, rows = selectors.cohort_roll(cohort, trainee=user)
            context["my_row"] = rows[0] if rows else None
            context["assignments"] = list(cohort.assignments.all())
            context["feedback_open"] = cohort.status in (CohortStatus.RUNNING, CohortStatus.COMPLETED)
    return render(request, "cohorts/cohort.html", context)


@access(access_cohort_public, obj=cohort_by_kw)
def calendar(request, pk):
    """The cohort's sessions as an iCalendar feed (subscribe from a phone's calendar)."""
    from icalendar import Calendar, Event

    cohort = cohort_by_kw(request, pk)
    feed = Calendar()
    feed.add("prodid", "-//Yichuang//Training//ZH")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", cohort.title)
    feed.add("x-wr-timezone", "Asia/Shanghai")
    for session in cohort.sessions.select_related("trainer").order_by("starts_at", "id"):
        event = Event()
        event.add("uid", f"training-session-{session.pk}@yichuang")
        event.add("summary", f"{cohort.title} · {session.title}")
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("dtstamp", session.starts_at)
        if session.place:
            event.add("location", session.place)
        lines = [session.description]
        if session.trainer_label:
            lines.append(_("Trainer: %(name)s") % {"name": session.trainer_label})
        if session.online_url:
            lines.append(session.online_url)
        event.add("description", "\n".join(line for line in lines if line))
        event.add("url", request.build_absolute_uri(reverse("cohorts:session", kwargs={"pk": session.pk})))
        feed.add_component(event)
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="cohort-{cohort.pk}.ics"'
    return response


@access(access_cohort_public, obj=lambda request, pk: session_obj(request, pk).cohort)
def session(request, pk):
    session = session_obj(request, pk)
    participant = access_session_participant(request.user, session)
    context = {"session": session, "cohort": session.cohort, "participant": participant}
    if participant:
        context["notes"] = session.notes.select_related("author")
        context["materials"] = session.materials.all()
    if session.cohort.is_study_club:
        context["enrolled_count"] = session.enrolments.count()
        context["seats"] = session.capacity or session.cohort.capacity
        context["is_enrolled"] = request.user.is_authenticated and session.enrolments.filter(user=request.user).exists()
    else:
        context["is_enrolled"] = is_enrolled(request.user, session.cohort)
    return render(request, "cohorts/session.html", context)


@access(access_public)
def verify(request, code):
    """Public verification: valid or revoked, with the holder's name masked."""
    certificate = certificate_by_code(request, code)
    return render(request, "cohorts/verify.html", {"certificate": certificate})
