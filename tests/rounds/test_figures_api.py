"""Dashboard figures and the open-data functions of rounds."""

import pytest

from grants.rounds.api import list_rounds, round_detail
from grants.rounds.figures import applications_figure, awards_figure
from grants.rounds.models import ApplicationStatus, Award, Notice
from projects.dashboard.registry import DashboardFilters, figures

from .factories import make_application, make_round

pytestmark = pytest.mark.django_db


def test_figures_count_by_year_and_theme(organization):
    round = make_round(year=2026, theme="德育创投")
    application = make_application(round, organization, status=ApplicationStatus.SHORTLISTED)
    make_application(round)  # a draft does not count
    Award.objects.create(application=application, amount_fen=application.amount_fen, status="confirmed")
    assert {"rounds.applications", "rounds.awards"} <= {f.key for f in figures()}
    assert applications_figure(DashboardFilters(year=2026)).value == 1
    assert applications_figure(DashboardFilters(year=2025)).value == 0
    assert applications_figure(DashboardFilters(theme="为老创投")).value == 0
    assert awards_figure(DashboardFilters(theme="德育创投")).value == 1


def test_api_publishes_only_awards_on_notice_or_confirmed(organization, rf):
    import datetime

    round = make_round()
    proposed = make_application(round, organization, status=ApplicationStatus.SHORTLISTED)
    Award.objects.create(application=proposed, amount_fen=proposed.amount_fen, rank=1)
    assert round_detail(rf.get("/"), round.pk)["awards"] == []
    today = datetime.date.today()
    Notice.objects.create(round=round, published_on=today, ends_on=today)
    awards = round_detail(rf.get("/"), round.pk)["awards"]
    assert [a["project_name"] for a in awards] == [proposed.project_name]
    assert [r["id"] for r in list_rounds(rf.get("/"))] == [round.pk]
