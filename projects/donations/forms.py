from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.money import format_yuan, yuan_to_fen

from . import conf


class DonateForm(forms.Form):
    preset = forms.ChoiceField(label=_("Amount"), widget=forms.RadioSelect, required=False)
    custom_amount = forms.DecimalField(
        label=_("Other amount (yuan)"),
        required=False,
        max_digits=9,
        decimal_places=2,
        min_value=Decimal("0.01"),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
    )
    donor_name = forms.CharField(
        label=_("Your name"), max_length=64, required=False, help_text=_("Shown masked on the donor wall, e.g. 王*英.")
    )
    is_anonymous = forms.BooleanField(label=_("Give anonymously"), required=False)
    message = forms.CharField(
        label=_("Message (optional)"), max_length=200, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    receipt_email = forms.EmailField(label=_("Email for the receipt"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preset"].choices = [(str(y), format_yuan(y * 100)) for y in conf.presets_yuan()] + [
            ("other", _("Other amount"))
        ]

    def clean(self):
        data = super().clean()
        preset, custom = data.get("preset"), data.get("custom_amount")
        if custom is not None and preset in ("", "other", None):
            amount_fen = yuan_to_fen(custom)
        elif preset and preset != "other":
            amount_fen = int(preset) * 100
        else:
            raise forms.ValidationError(_("Choose an amount or enter another amount in yuan."))
        low, high = conf.min_yuan() * 100, conf.max_yuan() * 100
        if not low <= amount_fen <= high:
            raise forms.ValidationError(
                _("Give between %(low)s and %(high)s online; for larger gifts please contact the centre.")
                % {"low": format_yuan(low), "high": format_yuan(high)}
            )
        data["amount_fen"] = amount_fen
        if not data.get("is_anonymous") and not (data.get("donor_name") or "").strip():
            data["is_anonymous"] = True
        return data


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount to refund (yuan)"),
        required=False,
        max_digits=11,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text=_("Leave empty to refund what remains of the gift."),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)

    def amount_fen(self, donation) -> int:
        amount = self.cleaned_data.get("amount")
        return yuan_to_fen(amount) if amount is not None else donation.amount_fen - donation.refunded_fen


class LedgerFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    project = forms.IntegerField(label=_("Project number"), required=False, min_value=1)
    fund = forms.IntegerField(label=_("Fund number"), required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        from .models import LedgerKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *LedgerKind.choices]
