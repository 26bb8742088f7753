"""Ranking, the award walk, operator overrides, the public notice and its objections."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from audit.services import audit_record
from core.clock import now, today
from core.workdays import add_workdays
from notifications.services import notify

from .. import ranking
from ..models import (
    Application,
    ApplicationStatus,
    Award,
    AwardOverride,
    AwardStatus,
    Notice,
    NoticeStatus,
    Objection,
    ObjectionStatus,
    PeerScore,
    RankingEntry,
    ReviewStatus,
    RoadshowScore,
    Round,
    ScorerKind,
)
from .common import application_url, notify_org


def ranked_applications(round: Round):
    shortlisted = round.applications.filter(status=ApplicationStatus.SHORTLISTED)
    return shortlisted if shortlisted.exists() else round.applications.filter(status=ApplicationStatus.ACCEPTED)


def _components(round: Round, applications) -> dict[int, dict]:
    ids = [a.pk for a in applications]
    comps: dict[int, dict] = defaultdict(dict)
    for row in (
        Application.objects.filter(pk__in=ids, assignments__status=ReviewStatus.SUBMITTED)
        .values("pk")
        .annotate(avg=Avg("assignments__total"))
    ):
        comps[row["pk"]]["review"] = row["avg"]
    scores: dict[tuple[int, str], list[int]] = defaultdict(list)
    for application_id, kind, score in RoadshowScore.objects.filter(application_id__in=ids).values_list(
        "application_id", "kind", "score"
    ):
        scores[(application_id, kind)].append(score)
    peer: dict[int, list[int]] = defaultdict(list)
    for application_id, score in PeerScore.objects.filter(application_id__in=ids).values_list(
        "application_id", "score"
    ):
        peer[application_id].append(score)
    most_votes = max([a.public_votes for a in applications] or [0])
    for a in applications:
        c = comps[a.pk]
        c["review"] = ranking.mean([c["review"]]) if c.get("review") is not None else ranking.mean([])
        c["roadshow_expert"] = ranking.mean(scores[(a.pk, ScorerKind.EXPERT)])
        c["roadshow_rep"] = ranking.mean(scores[(a.pk, ScorerKind.REPRESENTATIVE)])
        c["peer"] = ranking.mean(peer[a.pk])
        c["public"] = ranking.mean([a.public_votes * 100 / most_votes]) if most_votes else ranking.mean([])
    return comps


def _ensure_not_final(round: Round) -> None:
    if Award.objects.filter(application__round=round, status=AwardStatus.CONFIRMED).exists():
        raise ValidationError(_("The awards of this round are confirmed; the ranking is final."))
    if round.status != "closed":
        raise ValidationError(_("Rank and award after the round has closed."))


@transaction.atomic
def round_rank(*, actor, round: Round) -> list[RankingEntry]:
    round = Round.objects.select_for_update().get(pk=round.pk)
    _ensure_not_final(round)
    if hasattr(round, "notice"):
        raise ValidationError(_("The ranking is on public notice and cannot be recomputed."))
    applications = list(ranked_applications(round))
    comps = _components(round, applications)
    candidates = [
        ranking.Candidate(a.pk, a.amount_fen, comps[a.pk], a.submitted_at.timestamp() if a.submitted_at else 0)
        for a in applications
    ]
    ordered = ranking.rank(candidates, round.weights)
    RankingEntry.objects.filter(round=round).delete()
    entries = RankingEntry.objects.bulk_create(
        [
            RankingEntry(round=round, application_id=c.application_id, rank=c.rank, final=c.final, **c.components)
            for c in ordered
        ]
    )
    audit_record(actor=actor, action="round.ranked", obj=round, changes={"entries": len(entries)})
    _walk(actor=actor, round=round)
    return entries


def _walk(*, actor, round: Round) -> ranking.WalkResult:
    """Recompute the proposed list from the ranking; keep cancelled and confirmed awards as they are."""
    entries = list(RankingEntry.objects.filter(round=round).select_related("application").order_by("rank"))
    awards = {a.application_id: a for a in Award.objects.filter(application__round=round)}
    cancelled = {pk for pk, a in awards.items() if a.status == AwardStatus.CANCELLED}
    overrides = {o.application_id: o.action for o in AwardOverride.objects.filter(round=round)}
    result = ranking.walk(
        [(e.application_id, e.application.amount_fen) for e in entries if e.application_id not in cancelled],
        round.budget_fen,
        include={pk for pk, action in overrides.items() if action == "include"},
        exclude={pk for pk, action in overrides.items() if action == "exclude"},
    )
    ranks = {e.application_id: e.rank for e in entries}
    funded = {pk: (amount, forced) for pk, amount, forced in result.funded}
    dropped = [a for pk, a in awards.items() if a.status == AwardStatus.PROPOSED and pk not in funded]
    for award in dropped:
        award.delete()
    added = []
    for pk, (amount, forced) in funded.items():
        award = awards.get(pk)
        if award is None:
            added.append(
                Award.objects.create(
                    application_id=pk, amount_fen=amount, rank=ranks[pk], by_override=forced, proposed_at=now()
                )
            )
        elif award.status == AwardStatus.PROPOSED and (award.rank, award.by_override) != (ranks[pk], forced):
            award.rank, award.by_override = ranks[pk], forced
            award.save()
    audit_record(
        actor=actor,
        action="award.walked",
        obj=round,
        changes={
            "funded": sorted(funded),
            "dropped": sorted(a.application_id for a in dropped),
            "remaining_fen": result.remaining_fen,
        },
    )
    return result


@transaction.atomic
def award_override(*, actor, round: Round, application: Application, action: str, reason: str) -> ranking.WalkResult:
    round = Round.objects.select_for_update().get(pk=round.pk)
    _ensure_not_final(round)
    if hasattr(round, "notice"):
        raise ValidationError(_("The list is on public notice; answer objections instead."))
    if not reason.strip():
        raise ValidationError(_("An override needs a written reason; it is published in the audit log."))
    if application.round_id != round.pk or not RankingEntry.objects.filter(application=application).exists():
        raise ValidationError(_("Only ranked applications can be overridden."))
    AwardOverride.objects.update_or_create(
        round=round, application=application, defaults={"action": action, "reason": reason, "actor": actor}
    )
    audit_record(actor=actor, action=f"award.override_{action}", obj=application, reason=reason)
    return _walk(actor=actor, round=round)


@transaction.atomic
def notice_publish(*, actor, round: Round, text: str = "") -> Notice:
    round = Round.objects.select_for_update().get(pk=round.pk)
    if hasattr(round, "notice"):
        raise ValidationError(_("The notice is already published."))
    awards = list(
        Award.objects.filter(application__round=round, status=AwardStatus.PROPOSED).select_related(
            "application__organization"
        )
    )
    if not awards:
        raise ValidationError(_("There are no proposed awards to publish."))
    start = today()
    notice = Notice.objects.create(
        round=round,
        published_on=start,
        ends_on=add_workdays(start, round.objection_workdays),
        text=text,
        published_by=actor,
    )
    audit_record(
        actor=actor, action="notice.published", obj=round, changes={"ends_on": notice.ends_on, "awards": len(awards)}
    )
    url = reverse("rounds:notice", kwargs={"pk": round.pk})
    funded = {a.application_id for a in awards}
    for application in round.applications.filter(
        pk__in=RankingEntry.objects.filter(round=round).values("application")
    ).select_related("organization"):
        subject = (
            _("“%(name)s” is proposed for funding; public notice until %(date)s")
            if application.pk in funded
            else _("“%(name)s” is not on the proposed funding list; public notice until %(date)s")
        )
        notify_org(
            application.organization,
            kind="rounds.notice",
            subject=subject % {"name": application.project_name, "date": notice.ends_on},
            url=url,
            dedupe=f"rounds.notice:{notice.pk}:{application.pk}",
        )
    return notice


@transaction.atomic
def objection_submit(*, actor, notice: Notice, award: Award, real_name: str, phone: str, text: str) -> Objection:
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.status != NoticeStatus.PUBLISHED or today() > notice.ends_on:
        raise ValidationError(_("The objection period has ended."))
    if award.application.round_id != notice.round_id or award.status != AwardStatus.PROPOSED:
        raise ValidationError(_("Choose a proposed award on this notice."))
    objection = Objection(notice=notice, award=award, objector=actor, real_name=real_name, phone=phone, text=text)
    objection.full_clean()
    objection.save()
    audit_record(actor=actor, action="objection.submitted", obj=award)
    from ..selectors import staff_users

    for user in staff_users():
        notify(
            recipient=user,
            kind="rounds.objection",
            subject=_("A new objection to the notice of %(round)s") % {"round": notice.round},
            url=reverse("rounds:manage", kwargs={"pk": notice.round_id}),
            dedupe_key=f"rounds.objection:{objection.pk}:{user.pk}",
        )
    return objection


@transaction.atomic
def objection_answer(*, actor, objection: Objection, upheld: bool, answer: str) -> Objection:
    objection = (
        Objection.objects.select_for_update()
        .select_related("award__application__organization", "notice__round")
        .get(pk=objection.pk)
    )
    if objection.status != ObjectionStatus.OPEN:
        raise ValidationError(_("This objection is already answered."))
    if not answer.strip():
        raise ValidationError(_("Write the answer; the objector receives it."))
    objection.status = ObjectionStatus.UPHELD if upheld else ObjectionStatus.DISMISSED
    objection.answer, objection.answered_by, objection.answered_at = answer, actor, now()
    objection.save()
    audit_record(actor=actor, action=f"objection.{objection.status}", obj=objection.award, reason=answer)
    notify(
        recipient=objection.objector,
        kind="rounds.objection_answered",
        subject=_("Your objection has been answered"),
        body=answer,
        url=reverse("rounds:notice", kwargs={"pk": objection.notice.round_id}),
    )
    if upheld:
        award = Award.objects.select_for_update().get(pk=objection.award_id)
        if award.status == AwardStatus.PROPOSED:
            award.status, award.cancelled_at, award.cancel_reason = AwardStatus.CANCELLED, now(), answer
            award.save()
            audit_record(actor=actor, action="award.cancelled", obj=award, reason=answer)
            application = objection.award.application
            # The applicant learns the outcome and the answer, never who objected.
            notify_org(
                application.organization,
                kind="rounds.award_cancelled",
                subject=_("The proposed award for “%(name)s” is cancelled") % {"name": application.project_name},
                body=answer,
                url=application_url(application),
            )
            notice = Notice.objects.select_for_update().get(pk=objection.notice_id)
            before = set(
                Award.objects.filter(application__round=notice.round, status=AwardStatus.PROPOSED).values_list(
                    "pk", flat=True
                )
            )
            _walk(actor=actor, round=notice.round)
            after = set(
                Award.objects.filter(application__round=notice.round, status=AwardStatus.PROPOSED).values_list(
                    "pk", flat=True
                )
            )
            if after - before:
                # A newly proposed project gets a full objection period of its own.
                notice.ends_on = add_workdays(today(), notice.round.objection_workdays)
                notice.save()
                audit_record(
                    actor=actor, action="notice.extended", obj=notice.round, changes={"ends_on": notice.ends_on}
                )
    return objection


@transaction.atomic
def notice_confirm(*, actor, round: Round) -> Notice:
    notice = Notice.objects.select_for_update().get(round=round)
    if notice.status != NoticeStatus.PUBLISHED:
        raise ValidationError(_("The notice is already confirmed."))
    if today() <= notice.ends_on:
        raise ValidationError(_("The objection period runs until %(date)s.") % {"date": notice.ends_on})
    if notice.objections.filter(status=ObjectionStatus.OPEN).exists():
        raise ValidationError(_("Answer every objection before confirming."))
    awards = list(
        Award.objects.select_for_update()
        .filter(application__round=round, status=AwardStatus.PROPOSED)
        .select_related("application__organization")
    )
    stamp = now()
    for award in awards:
        award.status, award.confirmed_at = AwardStatus.CONFIRMED, stamp
        award.save()
        notify_org(
            award.application.organization,
            kind="rounds.award_confirmed",
            subject=_("The award for “%(name)s” is confirmed") % {"name": award.application.project_name},
            body=_("The bureau will now approve the purchase and prepare the contract."),
            url=application_url(award.application),
        )
    notice.status, notice.confirmed_at = NoticeStatus.CONFIRMED, stamp
    notice.save()
    audit_record(actor=actor, action="notice.confirmed", obj=round, changes={"awards": [a.pk for a in awards]})
    return notice


def pool_used_fen(round: Round) -> int:
    return (
        Award.objects.filter(application__round=round)
        .exclude(status=AwardStatus.CANCELLED)
        .aggregate(total=Sum("amount_fen"))["total"]
        or 0
    )
