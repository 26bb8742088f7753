"""Public pages: the list of rounds, a round's facts, the notice (公示) and its PDF, objections."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import access, access_public
from core.pdf import render_pdf

from .. import selectors, services
from ..access import access_objector
from ..forms import ObjectionForm
from ..models import Award, AwardStatus, Notice, RoundStatus
from .common import get_round, report


@access(access_public)
def index(request):
    return render(request, "rounds/index.html", {"rounds": selectors.public_rounds().prefetch_related("pages")})


@access(access_public)
def detail(request, pk):
    round = get_round(pk=pk)
    if round.status == RoundStatus.DRAFT:
        raise Http404
    page = round.pages.live().first()
    return render(
        request, "rounds/detail.html", {"facts": selectors.round_public_facts(round), "page": None, "round_page": page}
    )


def _notice(pk) -> Notice:
    try:
        return Notice.objects.select_related("round").get(round_id=pk)
    except Notice.DoesNotExist:
        raise Http404 from None


def _notice_context(notice: Notice) -> dict:
    return {
        "notice": notice,
        "round": notice.round,
        "awards": selectors.notice_awards(notice.round),
        "reviewers": selectors.round_reviewers(notice.round),
        "AwardStatus": AwardStatus,
        # Answers are public; who objected is not.
        "answered": notice.objections.exclude(status="open").select_related("award__application"),
    }


@access(access_public)
def notice(request, pk):
    notice = _notice(pk)
    return render(request, "rounds/notice.html", _notice_context(notice))


@access(access_public)
def notice_pdf(request, pk):
    notice = _notice(pk)
    pdf = render_pdf("rounds/pdf/notice.html", _notice_context(notice))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-round-{pk}.pdf"'
    return response


@access(access_objector)
def objection(request, pk):
    notice = _notice(pk)
    awards = Award.objects.filter(application__round=notice.round, status=AwardStatus.PROPOSED).select_related(
        "application"
    )
    form = ObjectionForm(
        request.POST or None, awards=awards, initial={"real_name": request.user.full_name, "phone": request.user.phone}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.objection_submit(actor=request.user, notice=notice, **form.cleaned_data)
            except ValidationError as error:
                report(request, error)
            else:
                messages.success(
                    request, _("Your objection is received. The centre will answer you; your name is not published.")
                )
                return redirect("rounds:notice", pk=pk)
    return render(request, "rounds/objection.html", {"notice": notice, "form": form}, status=status)
