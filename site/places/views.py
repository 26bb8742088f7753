from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import access, access_community_worker

from . import services
from .models import Community, Household
from .selectors import communities_for_worker, households_of_community


@access(access_community_worker)
def communities(request):
    return render(request, "places/communities.html", {"communities": communities_for_worker(request.user)})


@access(access_community_worker, obj=lambda request, pk: pk)
def households(request, pk):
    community = get_object_or_404(Community.objects.select_related("street"), pk=pk)
    page = Paginator(households_of_community(community), 60).get_page(request.GET.get("page"))
    return render(request, "places/households.html", {"community": community, "page_obj": page})


@access(access_community_worker, obj=lambda request, pk: get_object_or_404(Household, pk=pk).community_id)
@require_POST
def household_verify(request, pk):
    household = get_object_or_404(Household, pk=pk)
    services.household_verify(actor=request.user, household=household)
    messages.success(request, _("Household %(name)s is verified.") % {"name": household})
    return redirect("places:households", pk=household.community_id)
