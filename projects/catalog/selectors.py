"""Reads for the public project record, the directory and the dashboard; constant query counts."""

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.http import Http404

from organizations.models import IncubationStatus, Organization

from .models import Project


def project_detail(pk) -> Project:
    try:
        return Project.objects.select_related(
            "organization", "community", "street", "idea", "award__application__round"
        ).get(pk=pk)
    except (Project.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def milestones(project):
    return list(project.milestones.all())


def indicators(project):
    return list(project.indicators.all())


def budget_lines(project):
    return list(project.budget_lines.all())


def photos(project):
    return list(project.photos.all()[:12])


# --- organization directory -------------------------------------------------------------

DIRECTORY_KINDS = {
    "incubated": Q(incubation_status__in=[IncubationStatus.INCUBATING, IncubationStatus.GRADUATED]),
    "partner": Q(is_partner=True),
}


def _with_totals(qs):
    return qs.select_related("community__street").annotate(
        project_count=Count("projects"), funding_fen=Sum("projects__amount_fen")
    )


def directory_organizations(*, kind: str | None = None, status: str | None = None, q: str | None = None):
    """Incubated and partner organizations with their project count and total funding (one query)."""
    qs = Organization.objects.filter(DIRECTORY_KINDS["incubated"] | DIRECTORY_KINDS["partner"])
    if kind in DIRECTORY_KINDS:
        qs = qs.filter(DIRECTORY_KINDS[kind])
    if status:
        qs = qs.filter(incubation_status=status)
    q = (q or "").replace("\x00", "").strip()[:60]
    if q:
        qs = qs.filter(name__icontains=q)
    return _with_totals(qs).order_by("name")


def trained_members(org_ids) -> dict[int, int]:
    """People of each organization holding a valid training certificate (one grouped query),
    when the training app is installed; {} otherwise."""
    org_ids = list(org_ids)
    if not org_ids or not apps.is_installed("training.cohorts"):
        return {}
    from django.db.models import F

    from training.cohorts.models import TraineeApplication

    rows = (
        TraineeApplication.objects.filter(
            organization_id__in=org_ids,
            applicant__training_certificates__cohort=F("cohort"),
            applicant__training_certificates__status="valid",
        )
        .values("organization_id")
        .annotate(n=Count("applicant", distinct=True))
    )
    return {row["organization_id"]: row["n"] for row in rows}


def organization_detail(pk) -> Organization:
    try:
        # Any organization that has a public record, not only those listed in the directory.
        return _with_totals(Organization.objects.all()).get(pk=pk)
    except (Organization.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def organization_projects(organization, limit: int = 50):
    return list(
        Project.objects.filter(organization=organization)
        .select_related("community", "street")
        .order_by("-year", "-id")[:limit]
    )
