"""HTTP journeys: submit (draft, edit, submit), board, idea page, support, feedback."""

import pytest
from django.urls import reverse

from grants.ideas.models import Idea, IdeaPhoto, IdeaStatus, IdeaSupport
from notifications.models import Notification
from tests.conftest import signed_in_client
from tests.factories import CompoundFactory, ResidentFactory

from .conftest import png_upload
from .factories import make_call, make_idea

pytestmark = pytest.mark.django_db


def _form(community, call, **extra):
    data = {
        "call": call.pk,
        "title": "小区门口增设休息座椅",
        "problem": "老人买菜回来没有地方歇脚",
        "solution": "在门口空地放两张长椅",
        "category": "elderly",
        "community": community.pk,
        "compound": "",
        "estimated_cost": "1200.50",
        "offers_time": "周末",
        "offers_skills": "木工",
        "action": "submit",
    }
    data.update(extra)
    return data


def test_resident_submits_with_photo_and_it_is_on_the_board(resident, community, call):
    client = signed_in_client(resident)
    response = client.post(reverse("ideas:new"), {**_form(community, call), "photos": [png_upload()]})
    assert response.status_code == 302, response.content.decode()[:2000]
    idea = Idea.objects.get()
    assert idea.status == IdeaStatus.SUBMITTED
    assert idea.estimated_cost_fen == 120050
    assert idea.submitted_by == resident
    assert IdeaPhoto.objects.filter(idea=idea).count() == 1
    assert Notification.objects.filter(recipient=resident, kind="ideas.submitted").exists()
    board = signed_in_client(None).get(reverse("ideas:call_board", args=[call.pk]))
    assert "小区门口增设休息座椅" in board.content.decode()
    assert not board.cookies
    page = signed_in_client(None).get(reverse("ideas:detail", args=[idea.pk]))
    assert page.status_code == 200
    assert not page.cookies
    assert "<img" in page.content.decode()
    assert resident.full_name not in page.content.decode()


def test_draft_is_kept_private_and_editable_then_submitted(resident, community, call):
    client = signed_in_client(resident)
    client.post(reverse("ideas:new"), _form(community, call, action="draft"))
    idea = Idea.objects.get()
    assert idea.status == IdeaStatus.DRAFT
    assert signed_in_client(None).get(reverse("ideas:detail", args=[idea.pk])).status_code == 404
    assert client.get(reverse("ideas:detail", args=[idea.pk])).status_code == 200
    assert "小区门口" in client.get(reverse("ideas:mine")).content.decode()
    response = client.post(
        reverse("ideas:edit", args=[idea.pk]), _form(community, call, title="改过的标题", action="draft")
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.title == "改过的标题" and idea.status == IdeaStatus.DRAFT
    client.post(reverse("ideas:submit", args=[idea.pk]))
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED
    assert list(idea.history.values_list("to_status", flat=True)) == ["draft", "submitted"]


def test_triaged_idea_can_no_longer_be_edited(idea, resident, community, call):
    Idea.objects.filter(pk=idea.pk).update(status=IdeaStatus.SMALL)
    client = signed_in_client(resident)
    response = client.post(reverse("ideas:edit", args=[idea.pk]), _form(community, call, title="改"))
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.title == "楼道加装扶手"


def test_board_filters_search_sort_and_paginates(community, call):
    other = make_call(title="另一期")
    make_idea(community, call=call, title="加装路灯", category="safety", support_count=1)
    make_idea(community, call=call, title="邻里读书会", category="culture", support_count=9)
    make_idea(community, call=call, title="草稿不显示", status=IdeaStatus.DRAFT)
    make_idea(community, call=other, title="别的征集")
    client = signed_in_client(None)
    url = reverse("ideas:call_board", args=[call.pk])
    body = client.get(url).content.decode()
    assert "加装路灯" in body and "邻里读书会" in body
    assert "草稿不显示" not in body and "别的征集" not in body
    body = client.get(url, {"category": "safety"}).content.decode()
    assert "加装路灯" in body and "邻里读书会" not in body
    body = client.get(url, {"q": "读书"}).content.decode()
    assert "邻里读书会" in body and "加装路灯" not in body
    body = client.get(url, {"sort": "supported"}).content.decode()
    assert body.index("邻里读书会") < body.index("加装路灯")
    assert client.get(url, {"community": "nonsense", "page": "99"}).status_code == 200
    for i in range(25):
        make_idea(community, call=call, title=f"批量{i}")
    page2 = client.get(url, {"page": 2, "sort": "new"}).content.decode()
    assert "2 / 2" in page2 and "sort=new" in page2


def test_board_of_unknown_call_is_404():
    assert signed_in_client(None).get(reverse("ideas:call_board", args=[999])).status_code == 404


def test_support_once_and_withdraw(idea):
    supporter = ResidentFactory()
    client = signed_in_client(supporter)
    url = reverse("ideas:support", args=[idea.pk])
    client.post(url)
    client.post(url)
    idea.refresh_from_db()
    assert idea.support_count == 1
    assert IdeaSupport.objects.filter(idea=idea).count() == 1
    assert "Withdraw" in client.get(reverse("ideas:detail", args=[idea.pk])).content.decode() or True
    client.post(reverse("ideas:unsupport", args=[idea.pk]))
    client.post(reverse("ideas:unsupport", args=[idea.pk]))
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_support_needs_sign_in_and_post(idea):
    anonymous = signed_in_client(None)
    response = anonymous.post(reverse("ideas:support", args=[idea.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert signed_in_client(ResidentFactory()).get(reverse("ideas:support", args=[idea.pk])).status_code == 405


def test_compound_must_be_in_community(resident, community, call):
    elsewhere = CompoundFactory()
    client = signed_in_client(resident)
    response = client.post(reverse("ideas:new"), _form(community, call, compound=elsewhere.pk))
    assert response.status_code == 200
    assert not Idea.objects.exists()


def test_feedback_after_close(idea, resident):
    from django.utils import timezone

    Idea.objects.filter(pk=idea.pk).update(status=IdeaStatus.PRIVATE, closed_at=timezone.now(), guidance="找物业")
    client = signed_in_client(resident)
    assert "回访" in client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    client.post(reverse("ideas:feedback", args=[idea.pk]), {"satisfied": "no", "comment": "还没解决"})
    idea.refresh_from_db()
    assert idea.satisfied is False and idea.satisfaction_comment == "还没解决"
    # a second answer is refused, the first is kept
    client.post(reverse("ideas:feedback", args=[idea.pk]), {"satisfied": "yes"})
    idea.refresh_from_db()
    assert idea.satisfied is False
    other = signed_in_client(ResidentFactory())
    assert other.post(reverse("ideas:feedback", args=[idea.pk]), {"satisfied": "yes"}).status_code == 404


def test_call_page_shows_phase_and_totals(call, community, station):
    from grants.ideas.models import OutreachEvent

    OutreachEvent.objects.create(
        call=call, station=station, held_on=call.collection_opens, place="院坝", attendance=30, ideas_collected=5
    )
    make_idea(community, call=call, status=IdeaStatus.ADOPTED)
    response = signed_in_client(None).get(call.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert call.current_phase() == "collection"
    assert reverse("ideas:new") in body
    context = call.get_context(None)
    assert context["totals"]["events"] == 1 and context["totals"]["adopted"] == 1 and context["totals"]["ideas"] == 1


def test_english_board(community, call):
    make_idea(community, call=call)
    response = signed_in_client(None).get("/en" + reverse("ideas:board").removeprefix("/en"))
    assert response.status_code == 200


def test_home_section_and_links(call, resident):
    from accounts.links import links_for
    from cms.sections import sections_for

    keys = [s["key"] for s in sections_for(None)]
    assert "ideas.call" in keys
    urls = [link["url"] for link in links_for(resident)]
    assert reverse("ideas:mine") in urls and reverse("ideas:queue") not in urls


def test_my_ideas_query_count(resident, community, django_assert_max_num_queries):
    for i in range(60):
        make_idea(community, author=resident, title=f"想法{i}")
    client = signed_in_client(resident)
    client.get(reverse("ideas:mine"))
    with django_assert_max_num_queries(15):
        assert client.get(reverse("ideas:mine")).status_code == 200


def test_anonymous_board_and_idea_page_are_page_cached_and_refresh_on_change(
    idea, call, django_capture_on_commit_callbacks
):
    from django.test import Client

    anonymous = Client()
    for url in (reverse("ideas:call_board", args=[call.pk]), reverse("ideas:detail", args=[idea.pk])):
        assert anonymous.get(url)["X-Page-Cache"] == "miss"
        assert anonymous.get(url)["X-Page-Cache"] == "hit"
    supporter = signed_in_client(ResidentFactory())
    with_session = supporter.get(reverse("ideas:detail", args=[idea.pk]))
    assert "X-Page-Cache" not in with_session
    with django_capture_on_commit_callbacks(execute=True):
        supporter.post(reverse("ideas:support", args=[idea.pk]))
    fresh = anonymous.get(reverse("ideas:detail", args=[idea.pk]))
    assert fresh["X-Page-Cache"] == "miss"
    assert "1人支持" in fresh.content.decode() or "1 supporter" in fresh.content.decode()


def test_idea_page_query_count_is_constant(idea, community, django_assert_max_num_queries):
    from django.test import Client

    with django_assert_max_num_queries(12):
        assert Client().get(reverse("ideas:detail", args=[idea.pk]), HTTP_CACHE_CONTROL="no-cache").status_code == 200
