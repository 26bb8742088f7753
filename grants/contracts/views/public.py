"""Public pages: signed contracts' summaries (no personal data) and each project's panels."""

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string

from accounts.access import access, access_public
from projects.catalog.panels import panels_for

from .. import selectors
from ..models import Contract
from .common import paginate


@access(access_public)
def public_index(request):
    page = paginate(request, selectors.public_contracts())
    return render(request, "contracts/public_index.html", {"contracts": page})


@access(access_public)
def public_detail(request, pk):
    try:
        contract = selectors.public_contracts().get(pk=pk)
    except Contract.DoesNotExist:
        raise Http404 from None
    panels = panels_for(contract.project) if contract.project_id else []
    # Each panel's template renders with its own context (the catalog's convention).
    html = [render_to_string(panel["template"], panel["context"], request) for panel in panels]
    return render(request, "contracts/public_detail.html", {"contract": contract, "panels": html})
