"""Applications, scores and rankings as CSV or XLSX tables."""

import csv
import io

from django.utils.translation import gettext as _

from core.money import fen_to_yuan

from .models import Application, RankingEntry, ReviewAssignment, ReviewStatus, RoadshowScore

KINDS = ("applications", "scores", "ranking")


def table(kind: str, round) -> tuple[list[str], list[list]]:
    if kind == "applications":
        header = [
            _("No."),
            _("Project"),
            _("Organization"),
            _("Applicant type"),
            _("Community"),
            _("Status"),
            _("Requested (yuan)"),
            _("Other funding (yuan)"),
            _("Beneficiaries"),
            _("Submitted at"),
        ]
        rows = [
            [
                a.code,
                a.project_name,
                a.organization.name,
                a.get_applicant_type_display(),
                str(a.community or ""),
                a.get_status_display(),
                fen_to_yuan(a.amount_fen),
                fen_to_yuan(a.cofunding_fen),
                a.beneficiaries,
                a.submitted_at.isoformat() if a.submitted_at else "",
            ]
            for a in Application.objects.filter(round=round).select_related("organization", "community").order_by("id")
        ]
    elif kind == "scores":
        header = [_("No."), _("Project"), _("Scorer"), _("Kind"), _("Score")]
        rows = [
            [a.application.code, a.application.project_name, a.reviewer.display_name, _("Expert review"), a.total]
            for a in ReviewAssignment.objects.filter(application__round=round, status=ReviewStatus.SUBMITTED)
            .select_related("application", "reviewer")
            .order_by("application_id", "id")
        ]
        rows += [
            [s.application.code, s.application.project_name, s.scorer.user.display_name, s.get_kind_display(), s.score]
            for s in RoadshowScore.objects.filter(application__round=round)
            .select_related("application", "scorer__user")
            .order_by("application_id", "id")
        ]
    else:
        header = [
            _("Rank"),
            _("No."),
            _("Project"),
            _("Organization"),
            _("Expert review"),
            _("Roadshow experts"),
            _("Roadshow representatives"),
            _("Peer voting"),
            _("Public vote"),
            _("Final score"),
            _("Requested (yuan)"),
            _("Award"),
        ]
        rows = [
            [
                e.rank,
                e.application.code,
                e.application.project_name,
                e.application.organization.name,
                e.review,
                e.roadshow_expert,
                e.roadshow_rep,
                e.peer,
                e.public,
                e.final,
                fen_to_yuan(e.application.amount_fen),
                e.application.award.get_status_display() if hasattr(e.application, "award") else "",
            ]
            for e in RankingEntry.objects.filter(round=round).select_related(
                "application__organization", "application__award"
            )
        ]
    return [str(h) for h in header], rows


def as_csv(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM so spreadsheet programs read the Chinese


def as_xlsx(header, rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([float(v) if hasattr(v, "as_tuple") else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
