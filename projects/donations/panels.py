"""The donations panel on the public project page: totals and the latest names, three queries."""

from django.urls import reverse

from .selectors import donor_wall, totals_for


def project_panel(project) -> dict | None:
    return {
        "totals": totals_for(project=project),
        "wall": donor_wall(project=project, limit=5),
        "giving_url": reverse("donations:project", kwargs={"pk": project.pk}),
    }
