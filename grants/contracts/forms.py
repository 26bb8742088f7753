"""Forms of the contracts pages. Amounts are typed in yuan and stored in fen."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Contract, EvaluatorKind, FileKind, TrancheCondition
from .services.contracts import EDITABLE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})
SCORE = {"max_digits": 5, "decimal_places": 2, "min_value": Decimal(0), "max_value": Decimal(100)}


class AssessmentForm(forms.Form):
    necessity = forms.CharField(label=_("Necessity and public benefit"), widget=TEXT)
    feasibility = forms.CharField(label=_("Feasibility and budget"), widget=TEXT)
    conclusion = forms.CharField(label=_("Conclusion"), widget=TEXT)
    score = forms.IntegerField(label=_("Score (0-100)"), min_value=0, max_value=100)


class ApproveForm(forms.Form):
    number = forms.CharField(label=_("Approval number"), max_length=60)


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reasons for returning"), widget=TEXT)


class ContractForm(forms.ModelForm):
    class Meta:
        model = Contract
        fields = EDITABLE_FIELDS
        widgets = {
            "term_start": DATE,
            "term_end": DATE,
            **{
                name: TEXT
                for name in [
                    "service_content",
                    "deliverables",
                    "quantity",
                    "quality",
                    "settlement_method",
                    "rights_duties",
                    "breach_liability",
                    "term_justification",
                ]
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def _post_clean(self):  # validation of the whole contract happens in the service
        pass


class TrancheForm(forms.Form):
    share = forms.DecimalField(label=_("Share (%)"), max_digits=5, decimal_places=2, min_value=Decimal("0.01"))
    condition = forms.ChoiceField(label=_("Released when"), choices=TrancheCondition.choices)


TrancheFormSet = forms.formset_factory(TrancheForm, extra=0, min_num=1, max_num=6, validate_min=True)


class SignForm(forms.Form):
    side = forms.ChoiceField(choices=[("provider", _("Provider")), ("purchaser", _("Purchaser"))])
    sha256 = forms.CharField(label=_("SHA-256 of the version you read"), max_length=64, min_length=64)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=TEXT)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Signed copy (PDF)"))


class PayForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)


class ReportForm(forms.Form):
    narrative = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    problems = forms.CharField(label=_("Problems and how they were handled"), widget=TEXT, required=False)
    beneficiaries_served = forms.IntegerField(label=_("Beneficiaries served"), min_value=0)


class ReportFileForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FileKind.choices)
    title = forms.CharField(label=_("Title"), max_length=120, required=False)
    budget_line = forms.IntegerField(required=False, widget=forms.HiddenInput)
    file = forms.FileField(label=_("File"))


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("changes", _("Request changes")), ("fail", _("Fail the evaluation"))]
    )
    comment = forms.CharField(label=_("Comments"), widget=TEXT, required=False)


class ExtensionForm(forms.Form):
    until = forms.DateField(label=_("New deadline"), widget=DATE)
    reason = forms.CharField(label=_("Reason"), widget=TEXT)


class EvaluationForm(forms.Form):
    self_score = forms.DecimalField(label=_("Self-evaluation score"), **SCORE)
    evaluator_kind = forms.ChoiceField(label=_("Evaluated by"), choices=EvaluatorKind.choices)
    evaluator_name = forms.CharField(label=_("Evaluator"), max_length=120, required=False)
    evaluator_score = forms.DecimalField(label=_("Evaluator's score"), **SCORE)
    comments = forms.CharField(label=_("Comments"), widget=TEXT, required=False)


class RecoveryForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount to recover (yuan)"), max_digits=12, decimal_places=2, min_value=Decimal(0)
    )
    reason = forms.CharField(label=_("Basis for the amount"), widget=TEXT)
