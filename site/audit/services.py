"""Recording audit events. Every write service calls `audit_record` inside its transaction."""

import json
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder

from .models import AuditEvent


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, default=str))


def audit_record(
    *,
    actor,
    action: str,
    obj=None,
    changes: dict | None = None,
    reason: str = "",
) -> AuditEvent:
    event = AuditEvent(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        changes=_jsonable(changes or {}),
        reason=reason,
    )
    if obj is not None:
        event.object_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        event.object_id = str(obj.pk)
        event.object_repr = str(obj)[:255]
    event.save()
    return event


def diff(instance, before: dict, fields: list[str]) -> dict:
    """{field: [old, new]} for the fields that changed since `before` was taken."""
    out = {}
    for name in fields:
        new = getattr(instance, name)
        if before.get(name) != new:
            out[name] = [before.get(name), new]
    return out


def snapshot(instance, fields: list[str]) -> dict:
    return {name: getattr(instance, name) for name in fields}
