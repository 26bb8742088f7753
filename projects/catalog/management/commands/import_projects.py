"""manage.py import_projects FILE [--dry-run]: import historical projects from CSV or XLSX."""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from projects.catalog.imports import import_projects


class Command(BaseCommand):
    help = "Import historical projects from a CSV or XLSX file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")

    def handle(self, *args, path, dry_run, **options):
        file_path = Path(path)
        if not file_path.is_file():
            raise CommandError(f"no such file: {path}")
        with file_path.open("rb") as handle:
            report = import_projects(File(handle, name=file_path.name), dry_run=dry_run)
        for error in report.errors:
            self.stderr.write(f"row {error.row} [{error.column}]: {error.message}")
        if not report.ok:
            raise CommandError(f"{len(report.errors)} errors; nothing was imported")
        verb = "would import" if dry_run else "imported"
        self.stdout.write(f"{report.rows} rows: {verb} {report.created}, {report.skipped} already present")
