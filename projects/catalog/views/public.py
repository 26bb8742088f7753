"""Public pages: the project database (also served by the Wagtail ProjectIndexPage), a
project's page, exports of a filtered list, and the organization directory.

Everything is a GET with the filters in the URL; no forms with CSRF tokens and no session,
so the anonymous page cache can store every one of these pages.
"""

import hashlib

from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accounts.access import access, access_public
from core import pagecache
from organizations.models import IncubationStatus

from .. import exports, selectors
from ..chain import chain_for
from ..filters import filtered_projects
from ..panels import panels_for

PER_PAGE = 20
PRIMARY_FIELDS = ("q", "street", "community", "theme", "year")
MAX_PER_PAGE = 100


def _querystring(params, *, drop=("page",)) -> str:
    query = params.copy()
    for key in drop:
        query.pop(key, None)
    for key in [k for k, v in query.items() if v == ""]:
        query.pop(key)
    return query.urlencode()


class CachedCountPaginator(Paginator):
    """The total of a filtered list, counted once per data generation: COUNT(*) over a large
    match grows with the data, the page of rows (LIMIT on an index) does not."""

    def __init__(self, *args, count_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        digest = hashlib.sha256(self.count_key.encode()).hexdigest()[:32]
        return pagecache.remember(f"catalog:count:{digest}", lambda: Paginator.count.func(self))


def render_project_list(request, *, page=None):
    filterset, queryset = filtered_projects(request.GET)
    per_page = min(getattr(page, "per_page", None) or PER_PAGE, MAX_PER_PAGE)
    query = _querystring(request.GET)
    paginator = CachedCountPaginator(queryset, per_page, count_key=_querystring(request.GET, drop=("page", "sort")))
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "catalog/project_list.html",
        {
            "page": page,
            "self": page,
            "filter": filterset,
            "page_obj": page_obj,
            "projects": page_obj.object_list,
            "query": query,
            "filtered": bool(query),
            "primary_fields": PRIMARY_FIELDS,
            "more_open": any(
                request.GET.get(k) not in (None, "", "newest") for k in filterset.form.fields if k not in PRIMARY_FIELDS
            ),
        },
    )


@access(access_public)
def index(request):
    return render_project_list(request)


def _rendered_panels(request, item) -> list[dict]:
    """Each panel's template rendered with its own context (plus the project)."""
    out = []
    for panel in panels_for(item):
        html = render_to_string(panel["template"], {**panel["context"], "project": item}, request=request)
        out.append({**panel, "html": mark_safe(html)})
    return out


@access(access_public)
def project(request, pk):
    item = selectors.project_detail(pk)
    return render(
        request,
        "catalog/project_detail.html",
        {
            "project": item,
            "chain": chain_for(item),
            "panels": _rendered_panels(request, item),
            "photos": selectors.photos(item),
        },
    )


@access(access_public)
def export_csv(request):
    _filterset, queryset = filtered_projects(request.GET)
    return exports.csv_response(queryset)


@access(access_public)
def export_xlsx(request):
    _filterset, queryset = filtered_projects(request.GET)
    return exports.xlsx_response(queryset)


DIRECTORY_PER_PAGE = 30


@access(access_public)
def organizations(request):
    kind = request.GET.get("kind") or None
    status = request.GET.get("status") or None
    if status not in IncubationStatus.values:
        status = None
    q = (request.GET.get("q") or "")[:60]
    qs = selectors.directory_organizations(kind=kind, status=status, q=q)
    page_obj = Paginator(qs, DIRECTORY_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page_obj.object_list)
    trained = selectors.trained_members(o.pk for o in rows)
    for org in rows:
        org.trained_members = trained.get(org.pk, 0)
    return render(
        request,
        "catalog/organization_list.html",
        {
            "organizations": rows,
            "page_obj": page_obj,
            "kind": kind,
            "status": status,
            "q": q,
            "kinds": [("", _("All")), ("incubated", _("Incubated")), ("partner", _("Partners"))],
            "statuses": IncubationStatus.choices,
            "query": _querystring(request.GET),
        },
    )


@access(access_public)
def organization(request, pk):
    org = selectors.organization_detail(pk)
    org.trained_members = selectors.trained_members([org.pk]).get(org.pk, 0)
    return render(
        request,
        "catalog/organization_detail.html",
        {"organization": org, "projects": selectors.organization_projects(org)},
    )
