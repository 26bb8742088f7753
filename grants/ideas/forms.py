import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.money import fen_to_yuan, yuan_to_fen
from core.uploads import validate_image_upload
from organizations.models import Station
from places.models import Community, Compound

from .models import Idea, IdeaCall, IdeaStatus, OutreachEvent

TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def plain_text(value: str) -> None:
    """Refuse markup: ideas are plain text (everything is escaped on output anyway)."""
    if value and TAG.search(value):
        raise ValidationError(_("Please write plain text: HTML tags and scripts are not allowed."), code="markup")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        out = []
        for upload in files:
            upload = super().clean(upload, initial)
            if upload:
                validate_image_upload(upload)
                out.append(upload)
        return out


class IdeaForm(forms.ModelForm):
    estimated_cost = forms.DecimalField(
        label=_("Estimated cost (yuan)"), required=False, min_value=Decimal("0"), max_digits=10, decimal_places=2
    )
    photos = PhotosField(label=_("Photos"), required=False, help_text=_("Up to 3 pictures (JPEG, PNG, WebP or GIF)."))

    text_fields = ("title", "problem", "solution", "offers_time", "offers_skills")

    class Meta:
        model = Idea
        fields = [
            "call",
            "title",
            "problem",
            "solution",
            "category",
            "community",
            "compound",
            "offers_time",
            "offers_skills",
        ]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 4}),
            "solution": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, communities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = IdeaCall.objects.live().order_by("-collection_opens")
        self.fields["call"].required = False
        self.fields["title"].required = True
        community_qs = Community.objects.order_by("id")
        if communities is not None:
            community_qs = community_qs.filter(pk__in=communities)
        self.fields["community"].queryset = community_qs
        self.fields["compound"].queryset = Compound.objects.select_related("community").order_by("community_id", "id")
        self.fields["compound"].label_from_instance = lambda c: f"{c.community.name} · {c.name}"
        for name in self.text_fields:
            self.fields[name].validators.append(plain_text)
        if self.instance.pk and self.instance.estimated_cost_fen is not None:
            self.initial["estimated_cost"] = fen_to_yuan(self.instance.estimated_cost_fen)

    def clean_title(self):
        title = (self.cleaned_data.get("title") or "").strip()
        if not title:
            raise ValidationError(_("Give your idea a title."), code="required")
        return title

    def clean(self):
        data = super().clean()
        compound, community = data.get("compound"), data.get("community")
        if compound and community and compound.community_id != community.pk:
            self.add_error("compound", _("This compound is not in the chosen community."))
        return data

    def idea_fields(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        cost = self.cleaned_data.get("estimated_cost")
        data["estimated_cost_fen"] = None if cost is None else yuan_to_fen(cost)
        return data


class EnterIdeaForm(IdeaForm):
    on_behalf_of = forms.CharField(
        label=_("Resident or household who proposed it"),
        max_length=64,
        help_text=_("As written on the paper form, e.g. 阳光水岸1栋2-1 王阿姨."),
    )

    text_fields = (*IdeaForm.text_fields, "on_behalf_of")


class TriageForm(forms.Form):
    DECISIONS = [
        (IdeaStatus.MAJOR, _("大事: refer to a government department")),
        (IdeaStatus.SMALL, _("小事: for the community to decide")),
        (IdeaStatus.PRIVATE, _("私事: close with guidance")),
        (IdeaStatus.MERGED, _("Merge into a duplicate")),
        (IdeaStatus.REJECTED, _("Reject")),
    ]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    responsible = forms.CharField(label=_("Person responsible"), max_length=64, required=False)
    supervisor = forms.CharField(label=_("Supervisor"), max_length=64, required=False)
    department = forms.CharField(label=_("Department (大事)"), max_length=100, required=False)
    workdays = forms.IntegerField(
        label=_("Working days to answer or decide"), min_value=1, max_value=120, required=False, initial=10
    )
    guidance = forms.CharField(
        label=_("Guidance for the resident (私事)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    into = forms.ModelChoiceField(label=_("Duplicate of (merge)"), queryset=Idea.objects.none(), required=False)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, idea=None, **kwargs):
        super().__init__(*args, **kwargs)
        if idea is not None:
            self.fields["into"].queryset = (
                Idea.objects.filter(community_id=idea.community_id)
                .exclude(pk=idea.pk)
                .exclude(status__in=[IdeaStatus.DRAFT, IdeaStatus.MERGED, IdeaStatus.REJECTED])
                .order_by("-id")
            )
        for name in ("responsible", "supervisor", "department", "guidance", "reason"):
            self.fields[name].validators.append(plain_text)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("The department's answer"), widget=forms.Textarea(attrs={"rows": 4}), validators=[plain_text]
    )


class FeedbackForm(forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Are you satisfied with how your idea was handled?"),
        choices=[("yes", _("Satisfied")), ("no", _("Not satisfied"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), max_length=300, required=False, validators=[plain_text])


class OutreachEventForm(forms.ModelForm):
    class Meta:
        model = OutreachEvent
        fields = ["call", "station", "held_on", "place", "attendance", "ideas_collected", "notes"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"}), "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, communities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = IdeaCall.objects.live().order_by("-collection_opens")
        stations = Station.objects.order_by("id")
        if communities is not None:
            stations = stations.filter(community_id__in=communities)
        self.fields["station"].queryset = stations
        for name in ("place", "notes"):
            self.fields[name].validators.append(plain_text)
