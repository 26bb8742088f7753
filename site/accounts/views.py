import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from notifications.selectors import notifications_for

from . import services
from .access import access, access_public, access_signed_in, roles_of
from .forms import ResidentSignupForm, SignInForm, TokenForm
from .links import links_for


def _safe_next(request, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


sign_in = access(access_public)(SignInView.as_view())


@access(access_public)
@require_POST
def sign_out(request):
    return auth_views.LogoutView.as_view()(request)


@access(access_public)
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:home")
    form = ResidentSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.user_register_resident(
            phone=form.cleaned_data["phone"],
            password=form.cleaned_data["password1"],
            full_name=form.cleaned_data["full_name"],
        )
        auth_login(request, user, backend="accounts.backends.PhoneOrEmailBackend")
        messages.success(request, _("Welcome! Your resident account is ready."))
        return redirect("accounts:home")
    return render(request, "accounts/signup.html", {"form": form})


@access(access_signed_in)
def home(request):
    context = {
        "roles": roles_of(request.user),
        "links": links_for(request.user),
        "notifications": notifications_for(request.user, limit=10),
        "household": getattr(request.user, "household_membership", None),
    }
    return render(request, "accounts/home.html", context)


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@access(access_signed_in)
def two_factor_setup(request):
    if user_has_device(request.user, confirmed=True):
        return redirect("accounts:two_factor")
    device = services.totp_device_pending(user=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_device_confirm(user=request.user, device=device, token=form.cleaned_data["token"]):
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_safe_next(request, "/"))
        form.add_error("token", _("That code is wrong or expired; enter the code your app shows now."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "qr_svg": _qr_svg(device.config_url), "secret": secret, "next": _safe_next(request, "")},
    )


@access(access_signed_in)
def two_factor(request):
    if not user_has_device(request.user, confirmed=True):
        query = urlencode({"next": _safe_next(request, "/")})
        return redirect(f"{reverse('accounts:two_factor_setup')}?{query}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_safe_next(request, "/"))
        form.add_error("token", _("That code is wrong or expired; enter the code your app shows now."))
    return render(request, "accounts/two_factor.html", {"form": form, "next": _safe_next(request, "")})
