"""The anonymous tally as CSV and XLSX, and the public notice (公示) as PDF.

None of these name a household or a choice: only counts, areas and receipt codes.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf import render_pdf

from . import selectors

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rows(ballot, results) -> list[list]:
    data = results.data
    rows = [
        [_("Ballot"), ballot.title],
        [_("Area"), ballot.scope_label],
        [_("Status"), ballot.get_status_display()],
        [_("Eligible households"), data["eligible_households"]],
        [_("Eligible floor area (m²)"), data["eligible_area"]],
        [_("Households that voted"), data["voted_households"]],
        [_("Turnout (%)"), data["turnout_pct"]],
        [_("Floor area that voted (m²)"), data["voted_area"]],
        [],
        [_("Option"), _("Households"), _("Share of votes (%)"), _("Floor area (m²)")],
    ]
    rows += [[row.option.display_label, row.households, str(row.pct), str(row.area)] for row in results.rows]
    rows.append([])
    verdict = _("passed") if data["passed"] else _("did not pass")
    rows.append([_("Verdict"), verdict if results.final else _("running count, not final")])
    return rows


def _filename(ballot, ext: str) -> str:
    return f"ballot-{ballot.pk}-tally.{ext}"


def tally_csv_response(ballot, results) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that Excel opens Chinese text as UTF-8
    writer = csv.writer(buffer)
    for row in _rows(ballot, results):
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(ballot, "csv")}"'
    return response


def tally_xlsx_response(ballot, results) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Tally")[:31]
    for row in _rows(ballot, results):
        sheet.append(row)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 24
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(ballot, "xlsx")}"'
    return response


def notice_context(ballot) -> dict:
    options = selectors.options_of(ballot)
    return {
        "ballot": ballot,
        "results": selectors.results_of(ballot, options),
        "codes": selectors.receipt_codes(ballot),
        "printed_at": timezone.localtime(),
    }


def notice_pdf_response(ballot) -> HttpResponse:
    pdf = render_pdf("ballots/notice.html", notice_context(ballot))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="ballot-{ballot.pk}-notice.pdf"'
    return response
