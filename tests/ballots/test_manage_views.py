"""The workers' pages: create, open, close, cancel and record assisted ballots over HTTP."""

import datetime

import pytest
from django.urls import reverse

from core.clock import now
from grants.ballots.models import Ballot, BallotStatus, Vote
from tests.conftest import signed_in_client
from tests.factories import CommunityFactory, UserFactory, grant

from .conftest import expire, option

pytestmark = pytest.mark.django_db


def form_data(community, **extra):
    data = {
        "title": "加装电梯表决",
        "question": "是否同意使用维修资金加装电梯？",
        "community": community.pk,
        "kind": "yes_no",
        "opens_at": (now() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now() + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
        "who_votes": "designated",
        "hide_results": "on",
        "rule": "art278_special",
        "min_turnout_pct": 50,
        "min_favour_pct": 50,
        "favour_strict": "on",
    }
    data.update(extra)
    return data


def test_worker_creates_opens_and_closes_a_ballot(worker, community, make_households):
    make_households(3)
    client = signed_in_client(worker)
    assert client.get(reverse("ballots:create")).status_code == 200
    response = client.post(reverse("ballots:create"), form_data(community))
    ballot = Ballot.objects.get()
    assert response.status_code == 302 and ballot.status == BallotStatus.DRAFT and ballot.rule == "art278_special"
    client.post(reverse("ballots:open", args=[ballot.pk]))
    ballot.refresh_from_db()
    assert ballot.status == BallotStatus.OPEN and ballot.electors.count() == 3
    early = client.post(reverse("ballots:close", args=[ballot.pk]), follow=True)
    assert "不能在向住户公布的截止时间之前结束表决" in early.text
    expire(ballot)
    client.post(reverse("ballots:close", args=[ballot.pk]))
    ballot.refresh_from_db()
    assert ballot.status == BallotStatus.CLOSED and ballot.passed is False  # nobody voted
    page = client.get(reverse("ballots:manage_list"))
    assert ballot.title in page.text


def test_bad_form_input_is_refused_and_nothing_saved(worker, community):
    client = signed_in_client(worker)
    bad = form_data(community, closes_at=(now() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"), title="")
    response = client.post(reverse("ballots:create"), bad)
    assert response.status_code == 400 and "errorlist" in response.text
    other = form_data(CommunityFactory())
    assert client.post(reverse("ballots:create"), other).status_code == 400
    choice = form_data(community, kind="choice", free_options="只有一个")
    assert client.post(reverse("ballots:create"), choice).status_code == 400
    assert not Ballot.objects.exists()


def test_worker_of_another_community_gets_403(make_ballot, make_households):
    make_households(1)
    ballot = make_ballot()
    stranger = UserFactory()
    grant(stranger, "community_worker", community=CommunityFactory())
    client = signed_in_client(stranger)
    assert client.get(reverse("ballots:manage_detail", args=[ballot.pk])).status_code == 403
    assert client.post(reverse("ballots:cancel", args=[ballot.pk]), {"reason": "x"}).status_code == 403
    assert client.get(reverse("ballots:manage_detail", args=[99999])).status_code == 404
    ballot.refresh_from_db()
    assert ballot.status == BallotStatus.OPEN


def test_assisted_ballot_over_http(worker, make_ballot, make_households):
    household = make_households(1)[0]
    ballot = make_ballot()
    client = signed_in_client(worker)
    url = reverse("ballots:assist", args=[ballot.pk])
    assert household.building.name in client.get(url).text
    missing_reference = {"household": household.pk, "option": option(ballot).pk, "channel": "paper"}
    assert client.post(url, missing_reference).status_code == 400
    assert not Vote.objects.exists()
    response = client.post(url, {**missing_reference, "paper_reference": "A-12", "assisted_name": "王奶奶"})
    assert response.status_code == 302
    vote = Vote.objects.get()
    assert vote.paper_reference == "A-12" and vote.recorded_by == worker
    again = client.post(url, {**missing_reference, "paper_reference": "A-13"})
    assert again.status_code == 400 and Vote.objects.count() == 1


def test_cancel_over_http(worker, make_ballot, make_households, client):
    make_households(1)
    ballot = make_ballot()
    signed_in_client(worker).post(reverse("ballots:cancel", args=[ballot.pk]), {"reason": "方案需要修改"})
    ballot.refresh_from_db()
    assert ballot.status == BallotStatus.CANCELLED
    assert "方案需要修改" in client.get(reverse("ballots:detail", args=[ballot.pk])).text


def test_manage_list_query_count_for_60_rows(worker, make_ballot, make_households, django_assert_max_num_queries):
    make_households(1)
    for i in range(60):
        make_ballot(open=i % 2 == 0, title=f"表决{i}")
    client = signed_in_client(worker)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("ballots:manage_list"))
    assert response.status_code == 200


def test_dashboard_figures(make_ballot, make_households):
    from grants.ballots import services
    from projects.dashboard.registry import DashboardFilters, figures

    make_households(2)
    services.ballot_close(actor=None, ballot=expire(make_ballot()))
    by_key = {figure.key: figure for figure in figures()}
    held = by_key["ballots_held"].compute(DashboardFilters())
    assert held.value == 1 and "status=closed" in held.url
    assert by_key["ballots_turnout"].compute(DashboardFilters()).value == "0.0%"


def test_choice_ballot_among_ideas_over_http(worker, community):
    from grants.ideas.models import Idea

    ideas = [Idea.objects.create(title=f"小事{i}", community=community, status="small") for i in range(2)]
    client = signed_in_client(worker)
    data = form_data(community, kind="choice", rule="heads", ideas=[i.pk for i in ideas], free_options="加装座椅\n")
    assert client.post(reverse("ballots:create"), data).status_code == 302
    ballot = Ballot.objects.get()
    labels = list(ballot.options.values_list("label", flat=True))
    assert sorted(labels[:2]) == ["小事0", "小事1"] and labels[2:] == ["加装座椅", "Abstain"]
    assert ballot.options.filter(idea__in=ideas).count() == 2
