"""Import of historical projects from CSV or XLSX.

`import_projects(file, actor=..., dry_run=...)` reads every row, validates all of them and
returns an ImportReport listing each row's errors. Nothing is written unless every row is
valid: a file with one bad row imports nothing and says which row and why. Rows whose
`ref` is already in the database are skipped, so importing the same file twice is harmless.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from core.pagecache import invalidate_on_commit

from .models import FundingSource, Project, ProjectCategory, ProjectSource, ProjectStatus, Theme

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000

# Column names accepted in the header row (English keys or the Chinese headings of the documents).
COLUMNS = {
    "ref": ("ref", "编号", "项目编号"),
    "name": ("name", "项目名称", "名称"),
    "organization": ("organization", "实施机构", "社会组织", "机构"),
    "street": ("street", "街道", "镇街"),
    "community": ("community", "社区"),
    "theme": ("theme", "领域", "主题"),
    "category": ("category", "类别", "项目类别"),
    "year": ("year", "年度", "年份"),
    "funding_source": ("funding_source", "资金来源"),
    "amount_yuan": ("amount_yuan", "金额", "金额（元）", "金额(元)", "资助金额"),
    "status": ("status", "状态"),
    "progress_pct": ("progress_pct", "进度", "进度（%）", "进度(%)"),
    "beneficiaries": ("beneficiaries", "受益人数", "受益人次"),
    "summary": ("summary", "简介", "项目简介"),
}
REQUIRED = ("ref", "name", "year", "funding_source")

SYNONYMS = {
    "theme": {
        "为老服务": Theme.ELDERLY,
        "养老": Theme.ELDERLY,
        "青少年": Theme.YOUTH,
        "儿童青少年": Theme.YOUTH,
        "邻里互助": Theme.NEIGHBOURS,
        "环境治理": Theme.ENVIRONMENT,
        "环境": Theme.ENVIRONMENT,
        "文化": Theme.CULTURE,
        "文化教育": Theme.CULTURE,
        "残障": Theme.DISABILITY,
        "助残": Theme.DISABILITY,
        "社区治理": Theme.GOVERNANCE,
        "其他": Theme.OTHER,
    },
    "category": {
        "服务类": ProjectCategory.SERVICE,
        "直接服务": ProjectCategory.SERVICE,
        "治理类": ProjectCategory.GOVERNANCE,
        "参与治理": ProjectCategory.GOVERNANCE,
        "能力建设": ProjectCategory.CAPACITY,
        "微更新": ProjectCategory.FACILITY,
        "设施类": ProjectCategory.FACILITY,
    },
    "funding_source": {
        "政府购买": FundingSource.PURCHASE,
        "政府购买服务": FundingSource.PURCHASE,
        "公益创投": FundingSource.VENTURE,
        "创投": FundingSource.VENTURE,
        "捐赠": FundingSource.DONATIONS,
        "慈善捐赠": FundingSource.DONATIONS,
        "社区基金": FundingSource.COMMUNITY_FUND,
        "社区发展基金": FundingSource.COMMUNITY_FUND,
    },
    "status": {
        "计划中": ProjectStatus.PLANNED,
        "未开始": ProjectStatus.PLANNED,
        "进行中": ProjectStatus.ACTIVE,
        "实施中": ProjectStatus.ACTIVE,
        "已完成": ProjectStatus.COMPLETED,
        "已结项": ProjectStatus.COMPLETED,
        "暂停": ProjectStatus.SUSPENDED,
        "中止": ProjectStatus.SUSPENDED,
    },
}
CHOICES = {
    "theme": Theme,
    "category": ProjectCategory,
    "funding_source": FundingSource,
    "status": ProjectStatus,
}


@dataclass
class RowError:
    row: int  # the row number as a spreadsheet shows it (the header is row 1)
    column: str
    message: str


@dataclass
class ImportReport:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    skipped: int = 0
    dry_run: bool = True
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFileError(Exception):
    pass


def _read_rows(upload) -> list[list[str]]:
    name = (getattr(upload, "name", "") or "").lower()
    if getattr(upload, "size", 0) and upload.size > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    data = upload.read()
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    if name.endswith(".xlsx") or data[:2] == b"PK":
        try:
            from openpyxl import load_workbook

            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
            rows = [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
            workbook.close()
        except Exception as exc:  # a corrupt or foreign file is refused, not a 500
            raise ImportFileError(_("This is not a readable XLSX file.")) from exc
        return rows
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("The file is neither UTF-8 nor GB18030 text."))
    if "\x00" in text:
        raise ImportFileError(_("This is not a CSV file."))
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]


def _header_map(header: list[str]) -> dict[str, int]:
    lookup = {alias.lower(): key for key, aliases in COLUMNS.items() for alias in aliases}
    mapping = {}
    for index, title in enumerate(header):
        key = lookup.get(title.strip().lower())
        if key and key not in mapping:
            mapping[key] = index
    return mapping


def _choice(kind: str, value: str):
    if not value:
        return None
    enum = CHOICES[kind]
    if value in enum.values:
        return value
    if value in SYNONYMS[kind]:
        return SYNONYMS[kind][value]
    for choice_value, label in enum.choices:
        if value == str(label):
            return choice_value
    return False


def _int(value: str, *, low: int, high: int):
    try:
        number = int(float(value.replace(",", ""))) if value else 0
    except ValueError:
        return None
    return number if low <= number <= high else None


class _Lookups:
    def __init__(self):
        from organizations.models import Organization
        from places.models import Community, Street

        self.streets = {s.name: s for s in Street.objects.all()}
        self.communities: dict[str, list] = {}
        for community in Community.objects.select_related("street"):
            self.communities.setdefault(community.name, []).append(community)
        self.organizations = {o.name: o for o in Organization.objects.only("id", "name")}


def _validate_row(number: int, cells: dict[str, str], look: _Lookups, errors: list[RowError]) -> Project | None:
    def err(column, message):
        errors.append(RowError(number, column, message))

    before = len(errors)
    for column in REQUIRED:
        if not cells.get(column):
            err(column, _("This value is required."))
    if len(cells.get("name", "")) > 160:
        err("name", _("The name is longer than 160 characters."))
    if len(cells.get("ref", "")) > 40:
        err("ref", _("The reference is longer than 40 characters."))
    year = _int(cells.get("year", ""), low=2000, high=2100) if cells.get("year") else None
    if cells.get("year") and year is None:
        err("year", _("The year must be a number between 2000 and 2100."))
    amount = cells.get("amount_yuan", "").replace(",", "").replace("¥", "").replace("￥", "")
    amount_fen = 0
    if amount:
        try:
            from decimal import Decimal, InvalidOperation

            value = Decimal(amount)
            if value < 0 or value > Decimal("10000000000") or value != value:
                raise InvalidOperation
            amount_fen = int(value * 100)
        except (InvalidOperation, ValueError):
            err("amount_yuan", _("The amount must be a number of yuan, not negative."))
    progress = _int(cells.get("progress_pct", ""), low=0, high=100)
    if progress is None:
        err("progress_pct", _("The progress must be a whole number from 0 to 100."))
    beneficiaries = _int(cells.get("beneficiaries", ""), low=0, high=10_000_000)
    if beneficiaries is None:
        err("beneficiaries", _("The number of beneficiaries must be a whole number, not negative."))
    values = {}
    for kind in ("theme", "category", "funding_source", "status"):
        value = _choice(kind, cells.get(kind, ""))
        if value is False:
            err(kind, _("Unknown value “%(value)s”.") % {"value": cells.get(kind)})
        values[kind] = value or None
    street = None
    if cells.get("street"):
        street = look.streets.get(cells["street"])
        if street is None:
            err("street", _("No street named “%(value)s”.") % {"value": cells["street"]})
    community = None
    if cells.get("community"):
        candidates = look.communities.get(cells["community"], [])
        if street is not None:
            candidates = [c for c in candidates if c.street_id == street.pk]
        if len(candidates) != 1:
            err("community", _("No single community named “%(value)s” in that street.") % {"value": cells["community"]})
        else:
            community = candidates[0]
            street = community.street
    organization = None
    if cells.get("organization"):
        organization = look.organizations.get(cells["organization"])
        if organization is None:
            err("organization", _("No organization named “%(value)s”.") % {"value": cells["organization"]})
    if len(errors) > before:
        return None
    project = Project(
        external_ref=cells["ref"],
        name=cells["name"],
        organization=organization,
        community=community,
        street=street,
        year=year,
        funding_source=values["funding_source"],
        amount_fen=amount_fen,
        status=values["status"] or ProjectStatus.COMPLETED,
        progress_pct=progress,
        beneficiaries=beneficiaries,
        summary=cells.get("summary", ""),
        theme=values["theme"] or Theme.OTHER,
        category=values["category"] or ProjectCategory.SERVICE,
        source=ProjectSource.IMPORTED,
    )
    project.search_text = project.build_search_text(
        organization_name=organization.name if organization else "",
        community_name=community.name if community else "",
        street_name=street.name if street else "",
    )
    return project


def import_projects(upload, *, actor=None, dry_run: bool = True) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    try:
        rows = _read_rows(upload)
    except ImportFileError as exc:
        report.errors.append(RowError(0, "", str(exc)))
        return report
    rows = [row for row in rows if any(cell for cell in row)]
    if not rows:
        report.errors.append(RowError(0, "", _("The file is empty.")))
        return report
    mapping = _header_map(rows[0])
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        report.errors.append(
            RowError(
                1, ", ".join(missing), _("The header row lacks these columns: %(cols)s") % {"cols": ", ".join(missing)}
            )
        )
        return report
    if len(rows) - 1 > MAX_ROWS:
        report.errors.append(RowError(0, "", _("At most %(n)d rows per file.") % {"n": MAX_ROWS}))
        return report
    look = _Lookups()
    seen: dict[str, int] = {}
    candidates: list[Project] = []
    for offset, row in enumerate(rows[1:], start=2):
        cells = {key: (row[index] if index < len(row) else "") for key, index in mapping.items()}
        report.rows += 1
        ref = cells.get("ref", "")
        if ref and ref in seen:
            report.errors.append(RowError(offset, "ref", _("Same reference as row %(row)d.") % {"row": seen[ref]}))
            continue
        seen[ref] = offset
        project = _validate_row(offset, cells, look, report.errors)
        if project is not None:
            candidates.append(project)
    existing = set(
        Project.objects.filter(external_ref__in=[p.external_ref for p in candidates]).values_list(
            "external_ref", flat=True
        )
    )
    new = [p for p in candidates if p.external_ref not in existing]
    report.skipped = len(candidates) - len(new)
    report.created = len(new)
    if dry_run or not report.ok:
        if not report.ok:
            report.created = 0
        return report
    from audit.services import audit_record

    with transaction.atomic():
        Project.objects.bulk_create(new, batch_size=1000)
        audit_record(
            actor=actor,
            action="catalog.projects_imported",
            changes={"created": len(new), "skipped": report.skipped, "file": getattr(upload, "name", "")},
        )
        invalidate_on_commit()
    report.written = True
    return report
