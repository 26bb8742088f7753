"""Sign in with a mobile number or an email address."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from core.phones import normalize_mobile


class PhoneOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        User = get_user_model()
        identifier = username.strip()
        phone = normalize_mobile(identifier)
        user = (
            User.objects.filter(Q(username__iexact=identifier) | Q(email__iexact=identifier) | Q(phone=phone))
            .order_by("id")
            .first()
        )
        if user is None:
            # Same work as a real check, so timing does not reveal which accounts exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
