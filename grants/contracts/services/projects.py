"""The public project record (catalog.Project) each contract keeps current; figures for its page."""

from projects.catalog.models import FundingSource, Project, ProjectStatus

from ..models import ContractStatus, Report, ReportStatus


def latest_accepted_report(contract) -> Report | None:
    return contract.reports.filter(status=ReportStatus.ACCEPTED).order_by("-due_on", "-id").first()


def progress_percent(contract, report: Report | None = None) -> int:
    """Share of the application's milestones marked done in the latest accepted report."""
    report = report if report is not None else latest_accepted_report(contract)
    if report is None:
        return 0
    if report.kind == "final" and contract.status == ContractStatus.CLOSED:
        return 100
    rows = list(report.milestones.all())
    if not rows:
        return 0
    return round(100 * sum(1 for row in rows if row.done) / len(rows))


def _status(contract) -> str:
    if contract.status == ContractStatus.CLOSED:
        return ProjectStatus.COMPLETED
    if contract.status == ContractStatus.TERMINATED:
        return ProjectStatus.SUSPENDED
    if contract.signed_at:
        return ProjectStatus.ACTIVE
    return ProjectStatus.PLANNED


def project_sync(contract) -> Project:
    """Create or update the contract's public project record (only catalog's existing fields)."""
    application = contract.award.application
    report = latest_accepted_report(contract)
    values = {
        "name": contract.project_name,
        "organization_id": application.organization_id,
        "community_id": application.community_id,
        "year": contract.year,
        "funding_source": FundingSource.PURCHASE,
        "amount_fen": contract.amount_fen,
        "status": _status(contract),
        "progress_pct": progress_percent(contract, report),
        "beneficiaries": report.beneficiaries_served if report else application.beneficiaries,
        "summary": contract.service_content[:2000],
    }
    project = contract.project or Project.objects.filter(award=contract.award).first()
    if project is None:
        project = Project(award=contract.award, **values)
    else:
        for name, value in values.items():
            setattr(project, name, value)
    project.full_clean(exclude=["idea", "award"])
    project.save()
    if contract.project_id != project.pk:
        contract.project = project
        contract.save(update_fields=["project"])
    return project
