"""Writes for ideas: drafting, submitting, supporting, 三事分流 triage, referrals and 回访.

Every transition locks the idea row, goes through IDEA_MACHINE, records a status-history
row and an audit event, and notifies the resident (the outbox sends after commit).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now, today
from core.workdays import add_workdays
from notifications.services import notify

from .access import access_idea_worker
from .models import (
    IDEA_MACHINE,
    Idea,
    IdeaPhoto,
    IdeaStatus,
    IdeaStatusChange,
    IdeaSupport,
    OutreachEvent,
    Referral,
)

MAX_PHOTOS = 3
EDITABLE_FIELDS = [
    "call",
    "title",
    "problem",
    "solution",
    "category",
    "community",
    "compound",
    "estimated_cost_fen",
    "offers_time",
    "offers_skills",
]


def _locked(idea: Idea) -> Idea:
    return Idea.objects.select_for_update().get(pk=idea.pk)


def _url(idea: Idea) -> str:
    return reverse("ideas:detail", kwargs={"pk": idea.pk})


def _tell_resident(idea: Idea, kind: str, subject: str, body: str = "") -> None:
    notify(recipient=idea.submitted_by, kind=f"ideas.{kind}", subject=subject, body=body, url=_url(idea))


def _move(idea: Idea, target: str, *, actor, note: str = "") -> str:
    previous = IDEA_MACHINE.apply(idea, target)
    IdeaStatusChange.objects.create(idea=idea, from_status=previous, to_status=target, actor=actor, note=note)
    return previous


def _check_photos(idea: Idea, photos) -> None:
    photos = list(photos or [])
    if (idea.pk and idea.photos.count() + len(photos) > MAX_PHOTOS) or len(photos) > MAX_PHOTOS:
        raise ValidationError({"photos": _("An idea can have at most %(n)d photos.") % {"n": MAX_PHOTOS}})


def _add_photos(idea: Idea, photos) -> None:
    for upload in photos or []:
        photo = IdeaPhoto(idea=idea, image=upload)
        photo.full_clean()
        photo.save()


def _check_place(idea: Idea) -> None:
    if idea.compound_id and idea.compound.community_id != idea.community_id:
        raise ValidationError({"compound": _("This compound is not in the chosen community.")})
    if (
        idea.call_id
        and idea.call.communities.exists()
        and not idea.call.communities.filter(pk=idea.community_id).exists()
    ):
        raise ValidationError({"community": _("This community does not take part in the chosen call.")})


@transaction.atomic
def idea_create(*, author, submit: bool = False, photos=(), **fields) -> Idea:
    """A resident's idea: kept as a draft, or submitted at once when `submit`."""
    idea = Idea(
        submitted_by=author, status=IdeaStatus.DRAFT, **{k: v for k, v in fields.items() if k in EDITABLE_FIELDS}
    )
    _check_photos(idea, photos)
    idea.full_clean()
    _check_place(idea)
    idea.save()
    IdeaStatusChange.objects.create(idea=idea, to_status=IdeaStatus.DRAFT, actor=author)
    _add_photos(idea, photos)
    audit_record(actor=author, action="ideas.idea_create", obj=idea, changes={"title": idea.title})
    if submit:
        _submit(idea, actor=author)
    return idea


@transaction.atomic
def idea_update(*, actor, idea: Idea, submit: bool = False, photos=(), **fields) -> Idea:
    """The author edits a draft or a submitted idea, until it is triaged."""
    idea = _locked(idea)
    if idea.submitted_by_id != actor.pk:
        raise PermissionDenied
    if not idea.is_editable:
        raise ValidationError(_("This idea has been triaged and can no longer be edited."))
    changes = {}
    for name, value in fields.items():
        if name in EDITABLE_FIELDS and getattr(idea, name) != value:
            changes[name] = [str(getattr(idea, name)), str(value)]
            setattr(idea, name, value)
    _check_photos(idea, photos)
    idea.full_clean()
    _check_place(idea)
    idea.save()
    _add_photos(idea, photos)
    audit_record(actor=actor, action="ideas.idea_update", obj=idea, changes=changes)
    if submit and idea.status == IdeaStatus.DRAFT:
        _submit(idea, actor=actor)
    return idea


def _submit(idea: Idea, *, actor, note: str = "") -> None:
    if idea.call_id and not idea.call.accepting_ideas:
        raise ValidationError(
            _("This call is not collecting ideas now. Save your idea as a draft or choose another call.")
        )
    _move(idea, IdeaStatus.SUBMITTED, actor=actor, note=note)
    idea.submitted_at = now()
    idea.save(update_fields=["status", "submitted_at"])
    audit_record(actor=actor, action="ideas.idea_submit", obj=idea)
    _tell_resident(
        idea,
        "submitted",
        _("Your idea “%(title)s” has been received") % {"title": idea.title},
        _("Community workers will triage it; you will be told the outcome."),
    )


@transaction.atomic
def idea_submit(*, actor, idea: Idea) -> Idea:
    idea = _locked(idea)
    if idea.submitted_by_id != actor.pk:
        raise PermissionDenied
    _submit(idea, actor=actor)
    return idea


@transaction.atomic
def idea_enter_on_behalf(*, actor, on_behalf_of: str, household=None, resident=None, photos=(), **fields) -> Idea:
    """Station staff enter a paper idea from a courtyard meeting; it is submitted at once."""
    community = fields.get("community")
    if community is None or not access_idea_worker(actor, community.pk):
        raise PermissionDenied
    if not (on_behalf_of or "").strip():
        raise ValidationError({"on_behalf_of": _("Name the resident or household who proposed this idea.")})
    if household is not None and household.community_id != community.pk:
        raise ValidationError({"on_behalf_household": _("This household is not in the chosen community.")})
    idea = Idea(
        submitted_by=resident,
        entered_by=actor,
        on_behalf_of=on_behalf_of.strip(),
        on_behalf_household=household,
        status=IdeaStatus.DRAFT,
        **{k: v for k, v in fields.items() if k in EDITABLE_FIELDS},
    )
    _check_photos(idea, photos)
    idea.full_clean()
    _check_place(idea)
    idea.save()
    _add_photos(idea, photos)
    audit_record(actor=actor, action="ideas.idea_enter", obj=idea, changes={"on_behalf_of": idea.on_behalf_of})
    _move(idea, IdeaStatus.SUBMITTED, actor=actor, note=_("Entered from a paper form"))
    idea.submitted_at = now()
    idea.save(update_fields=["status", "submitted_at"])
    return idea


# ---- supports ----------------------------------------------------------------------------


def idea_support(*, user, idea: Idea) -> bool:
    """+1; returns False if the user already supports it. Exact under concurrent clicks."""
    if not idea.is_public or idea.status in (IdeaStatus.MERGED, IdeaStatus.REJECTED):
        raise ValidationError(_("This idea cannot be supported."))
    try:
        with transaction.atomic():
            IdeaSupport.objects.create(idea=idea, user=user)
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def idea_support_withdraw(*, user, idea: Idea) -> bool:
    deleted, _rows = IdeaSupport.objects.filter(idea=idea, user=user).delete()
    if deleted:
        Idea.objects.filter(pk=idea.pk, support_count__gt=0).update(support_count=F("support_count") - 1)
    return bool(deleted)


# ---- triage (三事分流) ---------------------------------------------------------------------


def _triage_lock(actor, idea: Idea) -> Idea:
    idea = _locked(idea)
    if not access_idea_worker(actor, idea.community_id):
        raise PermissionDenied
    return idea


def _require(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _stamp_triage(idea: Idea, *, actor, reason: str, responsible: str, supervisor: str) -> None:
    idea.triaged_by = actor
    idea.triaged_at = now()
    idea.decision_reason = reason
    idea.responsible = _require(responsible, "responsible", _("Name the person responsible."))
    idea.supervisor = _require(supervisor, "supervisor", _("Name the supervisor."))


@transaction.atomic
def idea_refer(
    *, actor, idea: Idea, department: str, workdays: int, responsible: str, supervisor: str, reason: str = ""
) -> Referral:
    """大事: refer to a named department, due in `workdays` working days."""
    idea = _triage_lock(actor, idea)
    department = _require(department, "department", _("Name the department the matter is referred to."))
    if not workdays or workdays < 1 or workdays > 60:
        raise ValidationError({"workdays": _("Give between 1 and 60 working days for the answer.")})
    _move(idea, IdeaStatus.MAJOR, actor=actor, note=reason)
    _stamp_triage(idea, actor=actor, reason=reason, responsible=responsible, supervisor=supervisor)
    start = today()
    referral = Referral(
        idea=idea,
        department=department,
        workdays=workdays,
        referred_on=start,
        due_on=add_workdays(start, workdays),
        referred_by=actor,
    )
    referral.full_clean()
    referral.save()
    idea.deadline = referral.due_on
    idea.save()
    audit_record(
        actor=actor,
        action="ideas.idea_refer",
        obj=idea,
        changes={"department": department, "due_on": referral.due_on, "status": IdeaStatus.MAJOR},
        reason=reason,
    )
    _tell_resident(
        idea,
        "referred",
        _("Your idea “%(title)s” was referred to %(department)s") % {"title": idea.title, "department": department},
        _("The department should answer by %(date)s.") % {"date": referral.due_on.isoformat()},
    )
    return referral


@transaction.atomic
def idea_mark_small(
    *, actor, idea: Idea, responsible: str, supervisor: str, workdays: int = 20, reason: str = ""
) -> Idea:
    """小事: for the community to decide (ballot) and for adoption as a project proposal."""
    idea = _triage_lock(actor, idea)
    if not workdays or workdays < 1 or workdays > 120:
        raise ValidationError({"workdays": _("Give between 1 and 120 working days.")})
    _move(idea, IdeaStatus.SMALL, actor=actor, note=reason)
    _stamp_triage(idea, actor=actor, reason=reason, responsible=responsible, supervisor=supervisor)
    idea.deadline = add_workdays(today(), workdays)
    idea.save()
    audit_record(actor=actor, action="ideas.idea_small", obj=idea, changes={"status": IdeaStatus.SMALL}, reason=reason)
    _tell_resident(
        idea,
        "small",
        _("Your idea “%(title)s” is a community matter (小事)") % {"title": idea.title},
        _("It can now be put to a community decision and adopted as a project."),
    )
    return idea


@transaction.atomic
def idea_mark_private(*, actor, idea: Idea, guidance: str, responsible: str, supervisor: str, reason: str = "") -> Idea:
    """私事: closed with guidance on the service or market option that fits."""
    idea = _triage_lock(actor, idea)
    guidance = _require(guidance, "guidance", _("Tell the resident which service or market option can help."))
    _move(idea, IdeaStatus.PRIVATE, actor=actor, note=reason)
    _stamp_triage(idea, actor=actor, reason=reason, responsible=responsible, supervisor=supervisor)
    idea.guidance = guidance
    idea.deadline = today()
    idea.closed_at = now()
    idea.save()
    audit_record(
        actor=actor, action="ideas.idea_private", obj=idea, changes={"status": IdeaStatus.PRIVATE}, reason=reason
    )
    _tell_resident(
        idea,
        "private",
        _("Your idea “%(title)s” is a private matter (私事)") % {"title": idea.title},
        guidance + "\n" + _("Please tell us whether you are satisfied."),
    )
    return idea


@transaction.atomic
def idea_merge(*, actor, idea: Idea, into: Idea, reason: str) -> Idea:
    """A duplicate: merged into another idea of the same community; supports stay where they were."""
    reason = _require(reason, "reason", _("Say why the ideas are duplicates."))
    idea = _triage_lock(actor, idea)
    if into.pk == idea.pk or into.community_id != idea.community_id or not into.is_public:
        raise ValidationError({"into": _("Merge into a different, submitted idea of the same community.")})
    if into.status in (IdeaStatus.MERGED, IdeaStatus.REJECTED):
        raise ValidationError({"into": _("That idea was itself merged or rejected.")})
    _move(idea, IdeaStatus.MERGED, actor=actor, note=reason)
    idea.merged_into = into
    idea.triaged_by, idea.triaged_at, idea.decision_reason = actor, now(), reason
    idea.save()
    audit_record(actor=actor, action="ideas.idea_merge", obj=idea, changes={"merged_into": into.pk}, reason=reason)
    _tell_resident(
        idea,
        "merged",
        _("Your idea “%(title)s” was merged with a similar one") % {"title": idea.title},
        _("It continues as “%(other)s”.") % {"other": into.title},
    )
    return idea


@transaction.atomic
def idea_reject(*, actor, idea: Idea, reason: str) -> Idea:
    reason = _require(reason, "reason", _("Give the reason the idea is not taken up."))
    idea = _triage_lock(actor, idea)
    _move(idea, IdeaStatus.REJECTED, actor=actor, note=reason)
    idea.triaged_by, idea.triaged_at, idea.decision_reason = actor, now(), reason
    idea.save()
    audit_record(
        actor=actor, action="ideas.idea_reject", obj=idea, changes={"status": IdeaStatus.REJECTED}, reason=reason
    )
    _tell_resident(idea, "rejected", _("Your idea “%(title)s” was not taken up") % {"title": idea.title}, reason)
    return idea


@transaction.atomic
def idea_adopt(*, actor, idea: Idea, reason: str = "") -> Idea:
    """A 小事 taken up as a project proposal (by an organization or a resident team)."""
    idea = _triage_lock(actor, idea)
    _move(idea, IdeaStatus.ADOPTED, actor=actor, note=reason)
    idea.save(update_fields=["status"])
    audit_record(actor=actor, action="ideas.idea_adopt", obj=idea, reason=reason)
    _tell_resident(idea, "adopted", _("Your idea “%(title)s” was adopted as a project") % {"title": idea.title}, reason)
    return idea


@transaction.atomic
def referral_answer(*, actor, referral: Referral, answer: str) -> Referral:
    """Record the department's answer; it is published on the idea page."""
    referral = Referral.objects.select_for_update().select_related("idea").get(pk=referral.pk)
    if not access_idea_worker(actor, referral.idea.community_id):
        raise PermissionDenied
    if referral.answered_on:
        raise ValidationError(_("This referral has already been answered."))
    referral.answer = _require(answer, "answer", _("Write the department's answer."))
    referral.answered_on = today()
    referral.answer_recorded_by = actor
    referral.full_clean()
    referral.save()
    audit_record(
        actor=actor,
        action="ideas.referral_answer",
        obj=referral.idea,
        changes={"answered_on": referral.answered_on, "on_time": referral.answered_on_time},
    )
    _tell_resident(
        referral.idea,
        "answered",
        _("%(department)s answered about “%(title)s”")
        % {"department": referral.department, "title": referral.idea.title},
        referral.answer,
    )
    return referral


@transaction.atomic
def idea_close(*, actor, idea: Idea, note: str = "") -> Idea:
    """Close a matter; the resident is then asked whether they are satisfied (回访)."""
    idea = _triage_lock(actor, idea)
    if not idea.can_close:
        raise ValidationError(_("This matter cannot be closed now."))
    if idea.status == IdeaStatus.MAJOR and not Referral.objects.filter(idea=idea, answered_on__isnull=False).exists():
        raise ValidationError(_("Record the department's answer before closing a 大事."))
    idea.closed_at = now()
    idea.save(update_fields=["closed_at"])
    audit_record(actor=actor, action="ideas.idea_close", obj=idea, reason=note)
    _tell_resident(
        idea,
        "closed",
        _("Your idea “%(title)s” has been closed") % {"title": idea.title},
        _("Please tell us whether you are satisfied with how it was handled."),
    )
    return idea


@transaction.atomic
def idea_feedback(*, user, idea: Idea, satisfied: bool, comment: str = "") -> Idea:
    """回访: the author says whether they are satisfied with a closed matter."""
    idea = _locked(idea)
    if idea.submitted_by_id != user.pk:
        raise PermissionDenied
    if idea.closed_at is None:
        raise ValidationError(_("You can give feedback once the matter is closed."))
    if idea.satisfied is not None:
        raise ValidationError(_("You have already given your feedback."))
    idea.satisfied = satisfied
    idea.satisfaction_comment = (comment or "").strip()[:300]
    idea.satisfaction_at = now()
    idea.save(update_fields=["satisfied", "satisfaction_comment", "satisfaction_at"])
    audit_record(actor=user, action="ideas.idea_feedback", obj=idea, changes={"satisfied": satisfied})
    return idea


@transaction.atomic
def outreach_event_record(
    *, actor, call, station, held_on, place: str, attendance: int = 0, ideas_collected: int = 0, notes: str = ""
) -> OutreachEvent:
    if not access_idea_worker(actor, station.community_id):
        raise PermissionDenied
    event = OutreachEvent(
        call=call,
        station=station,
        held_on=held_on,
        place=place,
        attendance=attendance,
        ideas_collected=ideas_collected,
        notes=notes,
        recorded_by=actor,
    )
    event.full_clean()
    event.save()
    audit_record(actor=actor, action="ideas.outreach_event", obj=event)
    return event


def referrals_remind_overdue() -> int:
    """Daily: remind the person who referred each overdue 大事 (once per referral per day)."""
    day = today()
    sent = 0
    overdue = Referral.objects.filter(answered_on__isnull=True, due_on__lt=day).select_related("idea", "referred_by")
    for referral in overdue:
        with transaction.atomic():
            note = notify(
                recipient=referral.referred_by,
                kind="ideas.referral_overdue",
                subject=_("Overdue: %(department)s has not answered about “%(title)s”")
                % {"department": referral.department, "title": referral.idea.title},
                body=_("The answer was due on %(date)s.") % {"date": referral.due_on.isoformat()},
                url=reverse("ideas:queue"),
                dedupe_key=f"ideas.referral_overdue:{referral.pk}:{day.isoformat()}",
            )
        sent += note is not None
    return sent
