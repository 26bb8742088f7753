"""Exports of any filtered list: CSV streamed row by row, XLSX written in openpyxl's
write-only mode. Same FilterSet and URL parameters as the page."""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from .models import FundingSource, ProjectCategory, ProjectStatus, Theme

EXPORT_FIELDS = (
    "id",
    "name",
    "organization__name",
    "street__name",
    "community__name",
    "theme",
    "category",
    "year",
    "funding_source",
    "amount_fen",
    "status",
    "progress_pct",
    "beneficiaries",
)
MAX_XLSX_ROWS = 200_000


def headers() -> list[str]:
    return [
        _("ID"),
        _("Name"),
        _("Organization"),
        _("Street"),
        _("Community"),
        _("Theme"),
        _("Category"),
        _("Year"),
        _("Funding source"),
        _("Amount (yuan)"),
        _("Status"),
        _("Progress (%)"),
        _("Beneficiaries"),
    ]


def _rows(queryset):
    labels = {
        "theme": dict(Theme.choices),
        "category": dict(ProjectCategory.choices),
        "funding_source": dict(FundingSource.choices),
        "status": dict(ProjectStatus.choices),
    }
    for row in queryset.values_list(*EXPORT_FIELDS).iterator(chunk_size=2000):
        (
            pk,
            name,
            org,
            street,
            community,
            theme,
            category,
            year,
            funding,
            amount_fen,
            status,
            progress,
            beneficiaries,
        ) = row
        yield [
            pk,
            name,
            org or "",
            street or "",
            community or "",
            str(labels["theme"].get(theme, theme)),
            str(labels["category"].get(category, category)),
            year,
            str(labels["funding_source"].get(funding, funding)),
            f"{amount_fen / 100:.2f}",
            str(labels["status"].get(status, status)),
            progress,
            beneficiaries,
        ]


class _Echo:
    def write(self, value):
        return value


def csv_response(queryset, filename: str = "projects.csv") -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def stream():
        yield "\ufeff"  # BOM: Excel opens UTF-8 Chinese correctly
        yield writer.writerow(headers())
        for row in _rows(queryset):
            yield writer.writerow(row)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(queryset, filename: str = "projects.xlsx") -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Projects"))
    sheet.append(headers())
    for row in _rows(queryset[:MAX_XLSX_ROWS]):
        row[9] = float(row[9])
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
