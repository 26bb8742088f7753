from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.access import access_operator, community_ids_of_worker
from grants.ideas.models import Idea
from places.models import Building, Community, Compound

from .models import Ballot, VoteChannel

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class BallotForm(forms.ModelForm):
    ideas = forms.ModelMultipleChoiceField(
        label=_("Ideas to choose among"),
        queryset=Idea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a choice ballot: ideas of the ballot's community (for example 小事 awaiting a decision)."),
    )
    free_options = forms.CharField(
        label=_("Other options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a choice ballot: one option per line. An “abstain” option is always added."),
    )

    class Meta:
        model = Ballot
        fields = [
            "title",
            "question",
            "community",
            "compound",
            "building",
            "kind",
            "opens_at",
            "closes_at",
            "who_votes",
            "allow_change",
            "hide_results",
            "rule",
            "min_turnout_pct",
            "min_favour_pct",
            "favour_strict",
        ]
        widgets = {
            "opens_at": DATETIME_INPUT,
            "closes_at": DATETIME_INPUT,
            "question": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        communities = Community.objects.order_by("id")
        if not access_operator(user):
            communities = communities.filter(pk__in=community_ids_of_worker(user))
        self.fields["community"].queryset = communities
        self.fields["compound"].queryset = Compound.objects.filter(community__in=communities).order_by("id")
        self.fields["building"].queryset = (
            Building.objects.filter(compound__community__in=communities).select_related("compound").order_by("id")
        )
        self.fields["ideas"].queryset = (
            Idea.objects.filter(community__in=communities).exclude(status="draft").order_by("-created_at")
        )
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]

    def clean(self):
        data = super().clean()
        opens_at, closes_at = data.get("opens_at"), data.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("Voting must close after it opens."))
        return data

    def clean_free_options(self):
        lines = [line.strip() for line in self.cleaned_data.get("free_options", "").splitlines()]
        return [line for line in lines if line]

    def _post_clean(self):
        # The service validates the model (it sets created_by); skip ModelForm's own pass.
        pass


class VoteForm(forms.Form):
    option = forms.TypedChoiceField(
        label=_("Your household's vote"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the options.")},
    )

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = [(option.pk, option.display_label) for option in options]


class AssistedVoteForm(VoteForm):
    household = forms.TypedChoiceField(label=_("Household"), coerce=int)
    channel = forms.ChoiceField(
        label=_("How the ballot was given"),
        choices=[(VoteChannel.PAPER, VoteChannel.PAPER.label), (VoteChannel.SPOKEN, VoteChannel.SPOKEN.label)],
    )
    paper_reference = forms.CharField(
        label=_("Paper form reference"),
        max_length=64,
        required=False,
        help_text=_("Required for paper forms: the number written on the form."),
    )
    assisted_name = forms.CharField(label=_("Resident assisted"), max_length=64, required=False)

    field_order = ["household", "option", "channel", "paper_reference", "assisted_name"]

    def __init__(self, *args, electors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].choices = [("", "—")] + [
            (e.household_id, f"{e.household.building.compound.name} {e.household.building.name} {e.household.unit}")
            for e in electors
        ]

    def clean(self):
        data = super().clean()
        if data.get("channel") == VoteChannel.PAPER and not (data.get("paper_reference") or "").strip():
            self.add_error("paper_reference", _("Enter the paper form's reference number so the form can be found."))
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
