from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from core.phones import normalize_mobile, validate_mobile

from .models import User


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Mobile number or email"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "inputmode": "email"}),
    )
    error_messages = {
        "invalid_login": _("The mobile number/email or the password is wrong. Both are case-sensitive."),
        "inactive": _("This account is disabled. Contact the centre."),
    }


class ResidentSignupForm(forms.Form):
    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        validators=[validate_mobile],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    full_name = forms.CharField(label=_("Name"), max_length=64)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean_phone(self):
        phone = normalize_mobile(self.cleaned_data["phone"])
        if User.objects.filter(phone=phone).exists() or User.objects.filter(username=phone).exists():
            raise forms.ValidationError(_("This mobile number already has an account. Sign in instead."))
        return phone

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        if p1 and not self.errors.get("password1"):
            probe = User(username=cleaned.get("phone") or "", full_name=cleaned.get("full_name") or "")
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )
