"""Household ballots (一户一票): one counted ballot per household per question, by constraint.

A ballot's roll is snapshotted when it opens (`Elector` rows with each household's area),
so households verified or re-measured later cannot shift a running vote.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.statemachine import StateMachine


class BallotStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


BALLOT_MACHINE = StateMachine(
    {
        BallotStatus.DRAFT: [BallotStatus.OPEN, BallotStatus.CANCELLED],
        BallotStatus.OPEN: [BallotStatus.CLOSED, BallotStatus.CANCELLED],
    }
)


class BallotKind(models.TextChoices):
    YES_NO = "yes_no", _("Yes / no / abstain")
    CHOICE = "choice", _("A choice among ideas or options")


class PassRule(models.TextChoices):
    HEADS = "heads", _("Household count: turnout and share in favour as set below")
    ART278_ORDINARY = (
        "art278_ordinary",
        _("Civil Code art. 278, ordinary matter: 2/3 quorum by area and owners, more than 1/2 of both"),
    )
    ART278_SPECIAL = (
        "art278_special",
        _(
            "Civil Code art. 278, special matter (maintenance fund, rebuilding, change of use): "
            "2/3 quorum by area and owners, at least 3/4 of both"
        ),
    )


class WhoVotes(models.TextChoices):
    DESIGNATED = "designated", _("The household's designated voter")
    ANY_MEMBER = "any_member", _("Any registered member of the household")


class Ballot(models.Model):
    title = models.CharField(_("title"), max_length=120)
    question = models.TextField(_("question"), help_text=_("What households are asked to decide, in full."))
    community = models.ForeignKey(
        "places.Community", on_delete=models.PROTECT, related_name="ballots", verbose_name=_("community")
    )
    compound = models.ForeignKey(
        "places.Compound",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
        verbose_name=_("compound"),
        help_text=_("Leave empty to ask the whole community."),
    )
    building = models.ForeignKey(
        "places.Building",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballots",
        verbose_name=_("building"),
        help_text=_("Leave empty to ask the whole compound."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=BallotKind.choices, default=BallotKind.YES_NO)
    status = models.CharField(_("status"), max_length=10, choices=BallotStatus.choices, default=BallotStatus.DRAFT)
    opens_at = models.DateTimeField(_("voting opens"))
    closes_at = models.DateTimeField(_("voting closes"))
    allow_change = models.BooleanField(_("households may change their vote before close"), default=False)
    hide_results = models.BooleanField(_("hide running results until close"), default=True)
    who_votes = models.CharField(
        _("who casts the household's vote"), max_length=12, choices=WhoVotes.choices, default=WhoVotes.DESIGNATED
    )
    rule = models.CharField(_("pass rule"), max_length=20, choices=PassRule.choices, default=PassRule.HEADS)
    min_turnout_pct = models.PositiveSmallIntegerField(
        _("minimum turnout (percent of eligible households)"),
        default=50,
        help_text=_("Used by the household-count rule: at least this share of the roll must vote."),
    )
    min_favour_pct = models.PositiveSmallIntegerField(
        _("share in favour (percent of votes cast)"),
        default=50,
        help_text=_("Used by the household-count rule; abstentions count as votes cast."),
    )
    favour_strict = models.BooleanField(
        _("strictly more than that share"),
        default=True,
        help_text=_("On: more than the share (50 means a majority). Off: at least the share."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    # Frozen when the ballot closes; the public notice and exports read these.
    result = models.JSONField(_("result"), default=dict, blank=True, editable=False)
    passed = models.BooleanField(_("passed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="ballot_closes_after_opening"),
            models.CheckConstraint(condition=Q(min_turnout_pct__lte=100), name="ballot_turnout_pct_range"),
            models.CheckConstraint(condition=Q(min_favour_pct__lte=100), name="ballot_favour_pct_range"),
            models.CheckConstraint(
                condition=Q(building__isnull=True) | Q(compound__isnull=False), name="ballot_building_within_compound"
            ),
        ]
        indexes = [models.Index(fields=["status", "closes_at"]), models.Index(fields=["community", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def scope_label(self) -> str:
        if self.building_id:
            return str(self.building)
        if self.compound_id:
            return f"{self.community.name} {self.compound.name}"
        return self.community.name

    @property
    def is_area_rule(self) -> bool:
        return self.rule in (PassRule.ART278_ORDINARY, PassRule.ART278_SPECIAL)

    @property
    def rule_summary(self) -> str:
        if self.is_area_rule:
            return str(self.get_rule_display())
        values = {"turnout": self.min_turnout_pct, "favour": self.min_favour_pct}
        if self.favour_strict:
            return (
                _(
                    "At least %(turnout)s%% of eligible households vote, and more than %(favour)s%% of the votes "
                    "are in favour."
                )
                % values
            )
        return (
            _(
                "At least %(turnout)s%% of eligible households vote, and at least %(favour)s%% of the votes "
                "are in favour."
            )
            % values
        )


class OptionMeaning(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    ABSTAIN = "abstain", _("Abstain")
    CHOICE = "choice", _("Choice")


class BallotOption(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("option"), max_length=200)
    meaning = models.CharField(max_length=10, choices=OptionMeaning.choices, default=OptionMeaning.CHOICE)
    idea = models.ForeignKey(
        "ideas.Idea",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ballot_options",
        verbose_name=_("idea"),
    )

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["ballot", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["ballot", "position"], name="ballot_option_position_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def display_label(self) -> str:
        """Yes/No/Abstain in the reader's language; choices as written."""
        if self.meaning == OptionMeaning.CHOICE:
            return self.label
        return str(OptionMeaning(self.meaning).label)


class Elector(models.Model):
    """One household on a ballot's roll, with its floor area as it stood when voting opened."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="electors")
    household = models.ForeignKey("places.Household", on_delete=models.PROTECT, related_name="+")
    area_m2 = models.DecimalField(_("floor area (m²)"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("elector")
        verbose_name_plural = _("electors")
        constraints = [models.UniqueConstraint(fields=["ballot", "household"], name="elector_unique_household")]

    def __str__(self) -> str:
        return f"{self.ballot_id}:{self.household_id}"


class VoteChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper form (assisted)")
    SPOKEN = "spoken", _("Spoken, recorded by a worker (assisted)")


class Vote(models.Model):
    """The household's one counted ballot on a question; changing it updates this row."""

    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="votes")
    household = models.ForeignKey("places.Household", on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(BallotOption, on_delete=models.PROTECT, related_name="votes")
    # Copied from the roll so tallies by area need no join.
    area_m2 = models.DecimalField(max_digits=8, decimal_places=2)
    channel = models.CharField(_("channel"), max_length=10, choices=VoteChannel.choices, default=VoteChannel.ONLINE)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cast by"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by (assisted)"),
    )
    assisted_name = models.CharField(_("resident assisted"), max_length=64, blank=True)
    paper_reference = models.CharField(_("paper form reference"), max_length=64, blank=True)
    receipt_code = models.CharField(_("receipt code"), max_length=20)
    cast_at = models.DateTimeField(_("cast at"))
    changed_at = models.DateTimeField(_("changed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "household"], name="vote_one_per_household"),
            models.UniqueConstraint(fields=["ballot", "receipt_code"], name="vote_receipt_unique"),
            models.CheckConstraint(
                condition=Q(channel="online") | Q(recorded_by__isnull=False), name="vote_assisted_has_recorder"
            ),
            models.CheckConstraint(
                condition=~Q(channel="paper") | ~Q(paper_reference=""), name="vote_paper_has_reference"
            ),
        ]

    def __str__(self) -> str:
        return self.receipt_code
