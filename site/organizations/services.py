"""Writes to organizations, documents and stations. Each is atomic and audited."""

from django.db import transaction

from audit.services import audit_record, diff, snapshot
from core.clock import today
from core.statemachine import StateMachine

from .models import IncubationStatus, Organization, OrganizationDocument

PROFILE_FIELDS = ["name", "credit_code", "org_type", "registered_on", "legal_representative", "address", "summary"]

INCUBATION = StateMachine(
    {
        IncubationStatus.NONE: [IncubationStatus.APPLIED],
        IncubationStatus.APPLIED: [IncubationStatus.INCUBATING, IncubationStatus.NONE],
        IncubationStatus.INCUBATING: [IncubationStatus.GRADUATED],
        IncubationStatus.GRADUATED: [],
    }
)


@transaction.atomic
def organization_create(*, actor, **fields) -> Organization:
    organization = Organization(**fields)
    organization.full_clean()
    organization.save()
    audit_record(
        actor=actor, action="organization.created", obj=organization, changes=snapshot(organization, PROFILE_FIELDS)
    )
    return organization


@transaction.atomic
def organization_update_profile(*, actor, organization: Organization, **fields) -> Organization:
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    before = snapshot(organization, PROFILE_FIELDS)
    for name, value in fields.items():
        if name not in PROFILE_FIELDS:
            raise ValueError(f"{name} is not a profile field")
        setattr(organization, name, value)
    organization.full_clean()
    organization.save()
    audit_record(
        actor=actor, action="organization.updated", obj=organization, changes=diff(organization, before, PROFILE_FIELDS)
    )
    return organization


@transaction.atomic
def organization_incubation_move(*, actor, organization: Organization, target: str, on=None) -> Organization:
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    previous = INCUBATION.apply(organization, target, field="incubation_status")
    day = on or today()
    if target == IncubationStatus.APPLIED:
        organization.incubation_applied_on = day
    elif target == IncubationStatus.INCUBATING:
        organization.incubation_started_on = day
    elif target == IncubationStatus.GRADUATED:
        organization.incubation_graduated_on = day
    organization.full_clean()
    organization.save()
    audit_record(
        actor=actor,
        action="organization.incubation",
        obj=organization,
        changes={"incubation_status": [previous, target]},
    )
    return organization


@transaction.atomic
def organization_document_add(
    *, actor, organization: Organization, kind: str, title: str, file
) -> OrganizationDocument:
    document = OrganizationDocument(organization=organization, kind=kind, title=title, file=file, uploaded_by=actor)
    document.full_clean()
    document.save()
    audit_record(
        actor=actor, action="organization.document_added", obj=organization, changes={"document": title, "kind": kind}
    )
    return document
