"""Roadshow scoring from phones and peer voting; the database refuses a second sheet."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.access import organization_ids_of
from audit.services import audit_record
from core.clock import now

from ..models import (
    Application,
    ApplicationStatus,
    PeerScore,
    PeerSheet,
    Roadshow,
    RoadshowScore,
    RoadshowScorer,
    Round,
)


@transaction.atomic
def roadshow_scorer_add(*, actor, roadshow: Roadshow, user, kind: str) -> RoadshowScorer:
    scorer, created = RoadshowScorer.objects.get_or_create(roadshow=roadshow, user=user, defaults={"kind": kind})
    if created:
        audit_record(actor=actor, action="roadshow.scorer_added", obj=roadshow, changes={"user": user.pk, "kind": kind})
    return scorer


@transaction.atomic
def roadshow_set_open(*, actor, roadshow: Roadshow, is_open: bool) -> Roadshow:
    roadshow = Roadshow.objects.select_for_update().get(pk=roadshow.pk)
    roadshow.is_open = is_open
    roadshow.save()
    audit_record(actor=actor, action="roadshow.opened" if is_open else "roadshow.closed", obj=roadshow)
    return roadshow


def roadshow_score_submit(
    *, actor, roadshow: Roadshow, application: Application, score: int, comment: str = ""
) -> RoadshowScore:
    scorer = RoadshowScorer.objects.filter(roadshow=roadshow, user=actor).first()
    if scorer is None:
        raise ValidationError(_("You are not on this roadshow's list of scorers."))
    if not Roadshow.objects.filter(pk=roadshow.pk, is_open=True).exists():
        raise ValidationError(_("Scoring is not open."))
    application = Application.objects.get(pk=application.pk)
    if application.round_id != roadshow.round_id or application.status != ApplicationStatus.SHORTLISTED:
        raise ValidationError(_("This team is not presenting at this roadshow."))
    if application.organization_id in organization_ids_of(actor):
        raise ValidationError(_("You cannot score your own organization's team."))
    if not 0 <= int(score) <= 100:
        raise ValidationError(_("Scores run from 0 to 100."))
    try:
        with transaction.atomic():
            sheet = RoadshowScore.objects.create(
                application=application, scorer=scorer, kind=scorer.kind, score=int(score), comment=comment
            )
            audit_record(actor=actor, action="roadshow.scored", obj=application, changes={"kind": scorer.kind})
    except IntegrityError:
        raise ValidationError(_("You have already scored this team; a score sheet cannot be changed.")) from None
    return sheet


def peer_window_open(round: Round, moment=None) -> bool:
    moment = moment or now()
    return bool(
        round.peer_voting
        and round.peer_opens_at
        and round.peer_closes_at
        and round.peer_opens_at <= moment < round.peer_closes_at
    )


def peer_ballot(round: Round, organization) -> list[Application]:
    return list(
        round.applications.filter(status=ApplicationStatus.SHORTLISTED)
        .exclude(organization=organization)
        .order_by("id")
    )


def peer_voters(round: Round) -> list:
    """Organizations with a shortlisted application: they may (and are expected to) vote."""
    from organizations.models import Organization

    return list(
        Organization.objects.filter(applications__round=round, applications__status=ApplicationStatus.SHORTLISTED)
        .distinct()
        .order_by("name")
    )


def peer_sheet_submit(*, actor, round: Round, organization, scores: dict[int, int]) -> PeerSheet:
    if not peer_window_open(round):
        raise ValidationError(_("Peer voting is not open."))
    if organization.pk not in organization_ids_of(actor) and not actor.is_superuser:
        raise ValidationError(_("You can vote only for your own organization."))
    if organization not in peer_voters(round):
        raise ValidationError(_("Only shortlisted organizations take part in peer voting."))
    ballot = peer_ballot(round, organization)
    expected = {application.pk for application in ballot}
    if set(scores) != expected:
        if any(pk not in expected for pk in scores):
            raise ValidationError(_("Score the other shortlisted applications only, never your own."))
        raise ValidationError(_("Score every other shortlisted application."))
    for value in scores.values():
        if not 0 <= int(value) <= 100:
            raise ValidationError(_("Scores run from 0 to 100."))
    try:
        with transaction.atomic():
            sheet = PeerSheet.objects.create(round=round, organization=organization, submitted_by=actor)
            PeerScore.objects.bulk_create(
                [PeerScore(sheet=sheet, application_id=pk, score=int(value)) for pk, value in scores.items()]
            )
            audit_record(
                actor=actor, action="peer.sheet_submitted", obj=round, changes={"organization": organization.pk}
            )
    except IntegrityError:
        raise ValidationError(_("Your organization has already submitted its peer score sheet.")) from None
    return sheet
