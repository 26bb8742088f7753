"""Open-data API (public fields only) and the dashboard figures."""

import datetime

import pytest

from grants.ideas import services
from grants.ideas.models import IdeaStatus
from projects.dashboard.registry import DashboardFilters, figures
from tests.conftest import signed_in_client

from .factories import make_idea

pytestmark = pytest.mark.django_db

COMMON = {"responsible": "李主任", "supervisor": "王书记"}


def test_api_lists_public_fields_only(idea, community, resident, worker):
    make_idea(community, status=IdeaStatus.DRAFT, title="草稿")
    services.idea_refer(actor=worker, idea=idea, department="区民政局", workdays=5, **COMMON)
    client = signed_in_client(None)
    data = client.get("/api/v1/ideas/").json()
    items = data["items"] if isinstance(data, dict) else data
    assert [i["title"] for i in items] == ["楼道加装扶手"]
    item = items[0]
    assert item["referral_department"] == "区民政局" and item["referral_answer"] is None
    text = str(data)
    assert resident.full_name not in text and resident.phone not in text
    assert "submitted_by" not in item and "on_behalf_of" not in item
    one = client.get(f"/api/v1/ideas/{idea.pk}").json()
    assert one["status"] == "major"
    assert client.get("/api/v1/ideas/999999").status_code == 404
    calls = client.get("/api/v1/ideas/calls").json()
    assert calls and calls[0]["phase"] == "collection"


def test_dashboard_figures_break_down_and_link_to_the_board(worker, community, call):
    big = make_idea(community, call=call, title="大")
    small = make_idea(community, call=call, title="小")
    private = make_idea(community, call=call, title="私")
    referral = services.idea_refer(actor=worker, idea=big, department="区交通局", workdays=5, **COMMON)
    services.idea_mark_small(actor=worker, idea=small, **COMMON)
    services.idea_mark_private(actor=worker, idea=private, guidance="找物业", **COMMON)
    services.referral_answer(actor=worker, referral=referral, answer="已处理")
    by_key = {f.key: f for f in figures()}
    value = by_key["ideas.collected"].compute(DashboardFilters(community_id=community.pk))
    assert value.value == 3
    assert [n for _label, n, _url in value.breakdown] == [1, 1, 1]
    assert all("/ideas/" in url and f"community={community.pk}" in url for _l, _n, url in value.breakdown)
    assert "status=major" in value.breakdown[0][2]
    on_time = by_key["ideas.referrals"].compute(DashboardFilters())
    assert on_time.value == "100%"
    assert signed_in_client(None).get(value.breakdown[0][2]).status_code == 200


def test_call_phases(call):
    assert call.current_phase(on=call.collection_opens - datetime.timedelta(days=1)) == "upcoming"
    assert call.current_phase(on=call.triage_closes) == "triage"
    assert call.current_phase(on=call.roadshow_on) == "roadshow"
    assert call.current_phase(on=call.showcase_on + datetime.timedelta(days=1)) == "finished"
    assert [step["current"] for step in call.timeline()].count(True) == 1
