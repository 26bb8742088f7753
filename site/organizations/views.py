from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import access, access_org_member, access_org_owner, ensure

from . import services
from .forms import DocumentUploadForm, OrganizationProfileForm
from .models import Organization
from .selectors import organizations_of_member


def _organization(request, pk):
    return get_object_or_404(Organization, pk=pk)


@access(access_org_member)
def portal(request):
    return render(request, "organizations/portal.html", {"organizations": organizations_of_member(request.user)})


@access(access_org_member, obj=lambda request, pk: _organization(request, pk))
def detail(request, pk):
    organization = get_object_or_404(Organization.objects.prefetch_related("documents", "roles__user"), pk=pk)
    upload_form = DocumentUploadForm()
    return render(request, "organizations/detail.html", {"organization": organization, "upload_form": upload_form})


@access(access_org_owner, obj=lambda request, pk: _organization(request, pk))
def edit(request, pk):
    organization = _organization(request, pk)
    form = OrganizationProfileForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        services.organization_update_profile(
            actor=request.user,
            organization=organization,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )
        messages.success(request, _("The profile is saved."))
        return redirect("organizations:detail", pk=pk)
    return render(request, "organizations/edit.html", {"organization": organization, "form": form})


@access(access_org_member, obj=lambda request, pk: _organization(request, pk))
def document_upload(request, pk):
    organization = _organization(request, pk)
    ensure(access_org_member, request.user, organization)
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.organization_document_add(
            actor=request.user,
            organization=organization,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
        )
        messages.success(request, _("The document is uploaded."))
        return redirect("organizations:detail", pk=pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "organizations/upload.html", {"organization": organization, "form": form}, status=status)
