from .models import Notification


def notifications_for(user, *, limit: int = 20) -> list[Notification]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Notification.objects.filter(recipient=user).order_by("-created_at", "-id")[:limit])


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
