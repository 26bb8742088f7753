"""Open data: /api/v1/projects and /api/v1/organizations. Public fields only, the same
filters as the pages (one FilterSet), limit/offset pagination, two queries per list."""

from typing import Literal

from django.http import Http404
from ninja import Field, Path, Query, Router, Schema

from organizations.models import IncubationStatus

from . import selectors
from .filters import SORTS, filtered_projects
from .models import FundingSource, ProjectCategory, ProjectStatus, Theme

MAX_ID = 2**31 - 1
MAX_LIMIT = 100

projects_router = Router(tags=["projects"])
organizations_router = Router(tags=["organizations"])


class ProjectFilters(Schema):
    q: str | None = Field(None, max_length=100, description="Full-text search in name, summary, organization, place")
    street: int | None = Field(None, ge=1, le=MAX_ID)
    community: int | None = Field(None, ge=1, le=MAX_ID)
    theme: Theme | None = None
    category: ProjectCategory | None = None
    year: int | None = Field(None, ge=2000, le=2100)
    status: ProjectStatus | None = None
    organization: int | None = Field(None, ge=1, le=MAX_ID)
    funding_source: FundingSource | None = None
    amount_min: int | None = Field(None, ge=0, le=10**10, description="yuan")
    amount_max: int | None = Field(None, ge=0, le=10**10, description="yuan")
    sort: Literal[tuple(SORTS)] | None = None  # type: ignore[valid-type]
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10**6)


class ProjectOut(Schema):
    id: int
    name: str
    organization_id: int | None
    organization_name: str | None
    street_id: int | None
    street_name: str | None
    community_id: int | None
    community_name: str | None
    theme: str
    category: str
    year: int
    funding_source: str
    amount_fen: int
    status: str
    progress_pct: int
    beneficiaries: int
    summary: str
    url: str


class ProjectPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ProjectOut]


class MilestoneOut(Schema):
    date: str
    title: str
    done: bool


class IndicatorOut(Schema):
    name: str
    unit: str
    target: int
    actual: int


class BudgetLineOut(Schema):
    item: str
    planned_fen: int
    actual_fen: int


class ProjectDetailOut(ProjectOut):
    milestones: list[MilestoneOut]
    indicators: list[IndicatorOut]
    budget_lines: list[BudgetLineOut]


def _project(p) -> dict:
    return {
        "id": p.pk,
        "name": p.name,
        "organization_id": p.organization_id,
        "organization_name": p.organization.name if p.organization_id else None,
        "street_id": p.street_id,
        "street_name": p.street.name if p.street_id else None,
        "community_id": p.community_id,
        "community_name": p.community.name if p.community_id else None,
        "theme": p.theme,
        "category": p.category,
        "year": p.year,
        "funding_source": p.funding_source,
        "amount_fen": p.amount_fen,
        "status": p.status,
        "progress_pct": p.progress_pct,
        "beneficiaries": p.beneficiaries,
        "summary": p.summary,
        "url": p.get_absolute_url(),
    }


def _params(filters: Schema, skip=("limit", "offset")) -> dict:
    out = {}
    for key, value in filters.dict().items():
        if key in skip or value is None or value == "":
            continue
        out[key] = str(getattr(value, "value", value))
    return out


@projects_router.get("", response=ProjectPage, summary="Projects, filtered like the project database page")
def list_projects(request, filters: Query[ProjectFilters]):
    _filterset, queryset = filtered_projects(_params(filters))
    count = queryset.count()
    rows = queryset[filters.offset : filters.offset + filters.limit] if filters.offset < count else []
    return {"count": count, "limit": filters.limit, "offset": filters.offset, "items": [_project(p) for p in rows]}


@projects_router.get(
    "/{project_id}", response=ProjectDetailOut, summary="One project with its timeline, indicators and spending"
)
def project_detail(request, project_id: int = Path(..., ge=1, le=MAX_ID)):
    project = selectors.project_detail(project_id)
    return {
        **_project(project),
        "milestones": [
            {"date": m.date.isoformat(), "title": m.title, "done": m.done} for m in selectors.milestones(project)
        ],
        "indicators": [
            {"name": i.name, "unit": i.unit, "target": i.target, "actual": i.actual}
            for i in selectors.indicators(project)
        ],
        "budget_lines": [
            {"item": b.item, "planned_fen": b.planned_fen, "actual_fen": b.actual_fen}
            for b in selectors.budget_lines(project)
        ],
    }


class OrganizationFilters(Schema):
    kind: Literal["incubated", "partner"] | None = None
    status: IncubationStatus | None = None
    q: str | None = Field(None, max_length=60)
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10**6)


class OrganizationOut(Schema):
    id: int
    name: str
    org_type: str
    incubation_status: str
    is_partner: bool
    community_name: str | None
    street_name: str | None
    project_count: int
    funding_fen: int
    trained_members: int
    url: str


class OrganizationPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[OrganizationOut]


def _organization(org, trained: dict) -> dict:
    from django.urls import reverse

    community = org.community
    return {
        "id": org.pk,
        "name": org.name,
        "org_type": org.org_type,
        "incubation_status": org.incubation_status,
        "is_partner": org.is_partner,
        "community_name": community.name if community else None,
        "street_name": community.street.name if community else None,
        "project_count": org.project_count,
        "funding_fen": org.funding_fen or 0,
        "trained_members": trained.get(org.pk, 0),
        "url": reverse("catalog:organization", kwargs={"pk": org.pk}),
    }


@organizations_router.get("", response=OrganizationPage, summary="Incubated and partner organizations")
def list_organizations(request, filters: Query[OrganizationFilters]):
    qs = selectors.directory_organizations(
        kind=filters.kind, status=getattr(filters.status, "value", None), q=(filters.q or "").replace("\x00", "")
    )
    count = qs.count()
    rows = list(qs[filters.offset : filters.offset + filters.limit]) if filters.offset < count else []
    trained = selectors.trained_members(o.pk for o in rows)
    return {
        "count": count,
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [_organization(o, trained) for o in rows],
    }


@organizations_router.get("/{organization_id}", response=OrganizationOut, summary="One organization")
def organization_detail(request, organization_id: int = Path(..., ge=1, le=MAX_ID)):
    try:
        org = selectors.organization_detail(organization_id)
    except Http404:
        raise
    return _organization(org, selectors.trained_members([org.pk]))
