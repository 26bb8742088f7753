"""Operator pages: import historical projects from CSV/XLSX (dry run first)."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accounts.access import access, access_operator

from ..imports import import_projects


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
    dry_run = forms.BooleanField(label=_("Dry run: check every row, write nothing"), required=False, initial=True)


@access(access_operator)
def import_view(request):
    report = None
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            report = import_projects(
                form.cleaned_data["file"], actor=request.user, dry_run=form.cleaned_data["dry_run"]
            )
            if not report.ok:
                status = 400
        else:
            status = 400
    else:
        form = ImportForm()
    return render(request, "catalog/import.html", {"form": form, "report": report}, status=status)
