"""Forms of the rounds pages. Amounts are typed in yuan and stored in fen."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import RoleKind, User
from core.money import yuan_to_fen
from core.uploads import validate_document_upload

from .models import Application, BudgetCategory, OverrideAction, ScorerKind

YUAN = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal(0)}
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ApplicationForm(forms.ModelForm):
    cofunding = forms.DecimalField(label=_("Other funding for this project (yuan)"), required=False, **YUAN)

    class Meta:
        model = Application
        fields = [
            "project_name",
            "applicant_type",
            "community",
            "need",
            "evidence",
            "target_group",
            "beneficiaries",
            "activities",
            "team",
            "other_grant_for_same_project",
            "linked_ideas",
        ]
        widgets = {
            "linked_ideas": forms.CheckboxSelectMultiple,
            **{name: forms.Textarea(attrs={"rows": 3}) for name in ["need", "evidence", "activities", "team"]},
        }

    def __init__(self, *args, round=None, **kwargs):
        super().__init__(*args, **kwargs)
        from grants.ideas.models import PUBLIC_STATUSES, Idea

        # Only ideas on the public board: a resident's draft never reaches an applicant.
        public = Idea.objects.filter(status__in=PUBLIC_STATUSES).order_by("-id")
        self.fields["linked_ideas"].queryset = public[:50] if not self.is_bound else public
        self.fields["linked_ideas"].required = False
        if self.instance.pk:
            self.fields["cofunding"].initial = Decimal(self.instance.cofunding_fen) / 100
        if round is not None and round.eligible_communities.exists():
            self.fields["community"].queryset = round.eligible_communities.all()

    def application_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "linked_ideas"}
        data["cofunding_fen"] = yuan_to_fen(self.cleaned_data.get("cofunding") or 0)
        return data


class BudgetLineForm(forms.Form):
    # The blank choice keeps untouched extra rows unchanged, so they are skipped rather than refused.
    category = forms.ChoiceField(label=_("Category"), choices=[("", "—"), *BudgetCategory.choices])
    item = forms.CharField(label=_("Item"), max_length=120)
    unit_price = forms.DecimalField(label=_("Unit price (yuan)"), **YUAN)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)
    subtotal = forms.DecimalField(label=_("Subtotal (yuan)"), **YUAN)

    def as_line(self) -> dict:
        d = self.cleaned_data
        return {
            "category": d["category"],
            "item": d["item"],
            "unit_price_fen": yuan_to_fen(d["unit_price"]),
            "quantity": d["quantity"],
            "subtotal_fen": yuan_to_fen(d["subtotal"]),
        }


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=120)
    due_on = forms.DateField(label=_("Due on"), widget=forms.DateInput(attrs={"type": "date"}))


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=120)
    target = forms.DecimalField(label=_("Target"), max_digits=12, decimal_places=2, min_value=Decimal(0))
    unit = forms.CharField(label=_("Unit"), max_length=20)


def _formset(form, extra):
    return forms.formset_factory(form, extra=extra, can_delete=True, max_num=60, validate_max=True)


BudgetFormSet = _formset(BudgetLineForm, 3)
MilestoneFormSet = _formset(MilestoneForm, 2)
IndicatorFormSet = _formset(IndicatorForm, 2)


def filled(formset) -> list:
    """Rows that are neither blank extras nor marked for deletion."""
    return [f for f in formset.forms if f.has_changed() and not f.cleaned_data.get("DELETE")]


class AttachmentForm(forms.Form):
    required_document = forms.ModelChoiceField(
        label=_("For"), queryset=None, required=False, empty_label=_("Other document")
    )
    title = forms.CharField(label=_("Title"), max_length=120)
    file = forms.FileField(
        label=_("File"),
        validators=[validate_document_upload],
        help_text=_("PDF, Office document or picture, at most 10 MB."),
    )

    def __init__(self, *args, round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required_document"].queryset = round.required_documents.all()


class ScreeningForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept for review")),
            ("reject", _("Reject")),
            ("more_info", _("Request more information")),
        ],
    )
    reason = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))
    info_due_at = forms.DateTimeField(label=_("Information due by"), required=False, widget=DATETIME)


class ExtendForm(forms.Form):
    closes_at = forms.DateTimeField(label=_("New closing time"), widget=DATETIME)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            User.objects.filter(roles__kind=RoleKind.REVIEWER, is_active=True).distinct().order_by("id")
        )


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"score_{c.pk}"] = forms.IntegerField(
                label=f"{c.name} (0–{c.max_score}, {c.weight.normalize():f}%)",
                min_value=0,
                max_value=c.max_score,
                help_text=c.description,
            )
            self.fields[f"comment_{c.pk}"] = forms.CharField(label=_("Comment"), required=False, max_length=500)

    def scores(self) -> dict:
        return {c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"comment_{c.pk}"]) for c in self.criteria}


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("Conflict of interest"), max_length=250)


class RoadshowScoreForm(forms.Form):
    score = forms.IntegerField(
        label=_("Score (0–100)"), min_value=0, max_value=100, widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    comment = forms.CharField(label=_("Comment"), required=False, max_length=300)


class ScorerForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.filter(is_active=True).order_by("id"))
    kind = forms.ChoiceField(label=_("Scores as"), choices=ScorerKind.choices)


class PeerForm(forms.Form):
    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.applications = applications
        for a in applications:
            self.fields[f"score_{a.pk}"] = forms.IntegerField(label=a.project_name, min_value=0, max_value=100)

    def scores(self) -> dict:
        return {a.pk: self.cleaned_data[f"score_{a.pk}"] for a in self.applications}


class OverrideForm(forms.Form):
    application = forms.ModelChoiceField(label=_("Application"), queryset=Application.objects.none())
    action = forms.ChoiceField(label=_("Action"), choices=OverrideAction.choices)
    reason = forms.CharField(label=_("Written reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = round.applications.filter(ranking__isnull=False).order_by("ranking__rank")


class NoticeForm(forms.Form):
    text = forms.CharField(label=_("Notice text"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ObjectionForm(forms.Form):
    award = forms.ModelChoiceField(label=_("Project objected to"), queryset=None)
    real_name = forms.CharField(label=_("Your real name"), max_length=40)
    phone = forms.CharField(label=_("Contact phone"), max_length=20)
    text = forms.CharField(label=_("Objection and its grounds"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, awards, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award"].queryset = awards
        self.fields["award"].label_from_instance = lambda award: award.application.project_name


class AnswerForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Outcome"),
        coerce=lambda v: v == "1",
        choices=[("0", _("Dismiss")), ("1", _("Uphold: cancel this award"))],
    )
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))
