"""Public pages: signed contracts' summaries (no personal data) and each project's panels."""

from django.http import Http404
from django.shortcuts import render

from accounts.access import access, access_public
from projects.catalog.panels import panels_for

from .. import selectors
from ..models import Contract


@access(access_public)
def public_index(request):
    return render(request, "contracts/public_index.html", {"contracts": selectors.public_contracts()})


@access(access_public)
def public_detail(request, pk):
    try:
        contract = selectors.public_contracts().get(pk=pk)
    except Contract.DoesNotExist:
        raise Http404 from None
    panels = panels_for(contract.project) if contract.project_id else []
    return render(request, "contracts/public_detail.html", {"contract": contract, "panels": panels})
