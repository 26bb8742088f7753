"""Forms: the applicant's typed questions are built per cohort; the rest are plain forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization

from .models import (
    ApplicantBackground,
    AttendanceStatus,
    Cohort,
    QuestionKind,
)

ANSWER_PREFIX = "q_"


class ApplicationForm(forms.Form):
    background = forms.ChoiceField(label=_("Your background"), choices=ApplicantBackground.choices)
    birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    organization = forms.ModelChoiceField(
        label=_("Organization you work with"), required=False, queryset=Organization.objects.order_by("name")
    )

    def __init__(self, *args, cohort: Cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        self.questions = list(cohort.questions.all())
        for question in self.questions:
            self.fields[f"{ANSWER_PREFIX}{question.pk}"] = self._field_for(question)

    @staticmethod
    def _field_for(question):
        common = {"label": question.prompt, "required": False, "help_text": question.help_text}
        if question.kind == QuestionKind.LONG_TEXT:
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, **common)
        if question.kind == QuestionKind.NUMBER:
            return forms.DecimalField(**common)
        if question.kind == QuestionKind.CHOICE:
            return forms.ChoiceField(choices=[("", "—")] + [(c, c) for c in question.choice_list], **common)
        if question.kind == QuestionKind.YES_NO:
            return forms.ChoiceField(choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))], **common)
        if question.kind == QuestionKind.DATE:
            return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
        return forms.CharField(max_length=200, **common)

    def answers(self) -> dict:
        out = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"{ANSWER_PREFIX}{question.pk}")
            if value not in (None, ""):
                out[str(question.pk)] = value.isoformat() if hasattr(value, "isoformat") else str(value)
        return out

    @classmethod
    def initial_from(cls, application) -> dict:
        initial = {
            "background": application.background,
            "birth_date": application.birth_date,
            "organization": application.organization_id,
        }
        for key, value in (application.answers or {}).items():
            initial[f"{ANSWER_PREFIX}{key}"] = value
        return initial


class ReviewForm(forms.Form):
    conflict = forms.BooleanField(label=_("I have a conflict of interest with this applicant"), required=False)
    conflict_reason = forms.CharField(label=_("Conflict (e.g. colleague, relative)"), required=False, max_length=200)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"c_{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.name} (0–{criterion.max_score}, ×{criterion.weight})",
                min_value=0,
                max_value=criterion.max_score,
                required=False,
            )

    def scores(self) -> dict:
        return {str(c.pk): self.cleaned_data.get(f"c_{c.pk}") for c in self.criteria}


class DecisionForm(forms.Form):
    DECISIONS = [("offer", _("Offer a place")), ("waitlist", _("Put on the waiting list")), ("reject", _("Reject"))]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS)
    message = forms.CharField(
        label=_("Message (blank: the cohort's template)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CorrectionForm(forms.Form):
    status = forms.ChoiceField(label=_("Attendance"), choices=AttendanceStatus.choices)
    remark = forms.CharField(label=_("Why the correction"), max_length=200)


class RulesForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["min_attendance_share", "late_weight", "excused_weight", "require_assignments", "require_capstone"]


class SubmissionForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000)


class ExtensionForm(forms.Form):
    trainee = forms.ModelChoiceField(label=_("Trainee"), queryset=None)
    due_at = forms.DateTimeField(label=_("New deadline"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    reason = forms.CharField(label=_("Reason"), max_length=200)

    def __init__(self, *args, trainees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainee"].queryset = trainees


class GradeForm(forms.Form):
    feedback = forms.CharField(label=_("Feedback"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, rubric, **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        for index, line in enumerate(rubric):
            self.fields[f"s_{index}"] = forms.IntegerField(
                label=f"{line['name']} (0–{line['max']})", min_value=0, max_value=int(line["max"])
            )

    def scores(self) -> list[int]:
        return [self.cleaned_data[f"s_{index}"] for index in range(len(self.rubric))]


class CapstoneForm(forms.Form):
    title = forms.CharField(label=_("Project name"), max_length=120)
    problem = forms.CharField(label=_("The need it answers"), widget=forms.Textarea(attrs={"rows": 4}))
    plan = forms.CharField(label=_("Plan: activities, timeline, partners"), widget=forms.Textarea(attrs={"rows": 6}))
    beneficiaries = forms.CharField(label=_("Who benefits"), max_length=200, required=False)
    budget_yuan = forms.IntegerField(label=_("Budget (yuan)"), min_value=0, initial=0)
    organization = forms.ModelChoiceField(
        label=_("Carrying organization"), required=False, queryset=Organization.objects.order_by("name")
    )


class CapstoneDecisionForm(forms.Form):
    note = forms.CharField(label=_("Note to the trainee"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason for revocation"), max_length=200)


class FeedbackForm(forms.Form):
    SCALE = [(i, str(i)) for i in range(5, 0, -1)]
    overall = forms.TypedChoiceField(label=_("Overall (5 = excellent)"), choices=SCALE, coerce=int)
    usefulness = forms.TypedChoiceField(label=_("Useful for my work (5 = very)"), choices=SCALE, coerce=int)
    would_recommend = forms.BooleanField(label=_("I would recommend it to a colleague"), required=False, initial=True)
    comments = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class OutcomeForm(forms.Form):
    still_active = forms.BooleanField(label=_("I am still active in public-benefit work"), required=False)
    projects_led = forms.IntegerField(label=_("Projects I have led since the camp"), min_value=0, initial=0)
    funding_won_yuan = forms.IntegerField(label=_("Funding won (yuan)"), min_value=0, initial=0)
    notes = forms.CharField(label=_("Anything else"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class MentoringNoteForm(NoteForm):
    shared_with_trainee = forms.BooleanField(label=_("Visible to the trainee"), required=False, initial=True)


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(label=_("Or a link"), required=False, assume_scheme="https")


class MentorAssignForm(forms.Form):
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=None)
    trainee = forms.ModelChoiceField(label=_("Trainee"), queryset=None, required=False)
    team = forms.ModelChoiceField(label=_("or team"), queryset=None, required=False)

    def __init__(self, *args, cohort: Cohort, **kwargs):
        from accounts.models import RoleKind, User

        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = (
            User.objects.filter(roles__kind=RoleKind.MENTOR).distinct().order_by("full_name")
        )
        self.fields["trainee"].queryset = User.objects.filter(
            training_applications__cohort=cohort, training_applications__status="enrolled"
        ).order_by("full_name")
        self.fields["team"].queryset = cohort.teams.all()

    def clean(self):
        data = super().clean()
        if bool(data.get("trainee")) == bool(data.get("team")):
            raise forms.ValidationError(_("Choose either a trainee or a team."))
        return data


class GrantApplicationForm(forms.Form):
    round = forms.ModelChoiceField(label=_("Open funding round"), queryset=None)

    def __init__(self, *args, **kwargs):
        from grants.rounds.models import Round

        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = Round.objects.filter(status="open").order_by("title")
