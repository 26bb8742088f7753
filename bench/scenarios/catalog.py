"""Catalog: the project database page with two filters (at 1,000 and 100,000 projects: scaling),
a project page, the open-data API list and the bureau's dashboard."""

from . import Page


def _database_path(ctx) -> str:
    from places.models import Street
    from projects.catalog.models import ProjectIndexPage

    street = Street.objects.order_by("id").first()
    page = ProjectIndexPage.objects.live().first()
    base = page.url if page is not None else "/projects/"
    return f"{base}?street={street.pk if street else ''}&theme=elderly"


def _project_path(ctx) -> str:
    from projects.catalog.models import Project

    project = Project.objects.filter(external_ref="bench-0").first() or Project.objects.order_by("id").first()
    return f"/projects/{project.pk}/"


def _api_path(ctx) -> str:
    from places.models import Street

    street = Street.objects.order_by("id").first()
    return f"/api/v1/projects?street={street.pk if street else ''}&year=2024&limit=50"


SCENARIOS = [
    Page("catalog_database_two_filters", _database_path, scaling=True, kind="public"),
    Page(
        "catalog_database_search",
        lambda ctx: "/projects/?q=%E9%95%BF%E8%80%85%E9%A3%9F%E5%A0%82&status=completed",
        scaling=True,
        kind="public",
    ),
    Page("catalog_project_page", _project_path, scaling=True, kind="public"),
    Page("catalog_api_projects", _api_path, scaling=True, kind="public"),
    Page("catalog_organization_directory", lambda ctx: "/projects/organizations/", kind="public"),
    Page("dashboard", lambda ctx: "/dashboard/", role="bureau_officer", scaling=True, kind="other"),
]
