"""Bad input gets a clear refusal, never a 500, and nothing is half-saved."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from grants.ideas.models import Idea, IdeaPhoto, IdeaStatus
from tests.conftest import signed_in_client
from tests.factories import ResidentFactory

from .conftest import png_upload
from .factories import make_call, make_idea

pytestmark = pytest.mark.django_db


def _data(community, call, **extra):
    return {
        "call": call.pk,
        "title": "加装路灯",
        "problem": "晚上太黑",
        "solution": "装灯",
        "category": "safety",
        "community": community.pk,
        "action": "submit",
        **extra,
    }


def test_empty_title_refused(resident, community, call):
    response = signed_in_client(resident).post(reverse("ideas:new"), _data(community, call, title="   "))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Idea.objects.exists()


def test_ten_megabyte_non_image_refused_and_nothing_saved(resident, community, call):
    big = SimpleUploadedFile("plan.png", b"\0" * (10 * 1024 * 1024), content_type="image/png")
    response = signed_in_client(resident).post(reverse("ideas:new"), {**_data(community, call), "photos": [big]})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Idea.objects.exists() and not IdeaPhoto.objects.exists()


def test_small_non_image_refused(resident, community, call):
    fake = SimpleUploadedFile("x.jpg", b"#!/bin/sh\necho hi\n", content_type="image/jpeg")
    response = signed_in_client(resident).post(reverse("ideas:new"), {**_data(community, call), "photos": [fake]})
    assert response.status_code == 200
    assert not Idea.objects.exists()


def test_too_many_photos_refused(resident, community, call):
    photos = [png_upload(f"p{i}.png") for i in range(4)]
    response = signed_in_client(resident).post(reverse("ideas:new"), {**_data(community, call), "photos": photos})
    assert response.status_code == 200
    assert not Idea.objects.exists() and not IdeaPhoto.objects.exists()


def test_html_and_script_refused_and_escaped(resident, community, call):
    client = signed_in_client(resident)
    response = client.post(reverse("ideas:new"), _data(community, call, problem="<script>alert(1)</script>"))
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Idea.objects.exists()
    # whatever reaches the page by another route is escaped
    idea = make_idea(community, call=call, title="<b>粗体</b>", problem="<script>alert(2)</script>")
    body = signed_in_client(None).get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    assert "<script>alert(2)</script>" not in body and "&lt;script&gt;" in body


def test_someone_elses_idea_is_404(idea, community, call):
    stranger = signed_in_client(ResidentFactory())
    assert stranger.get(reverse("ideas:edit", args=[idea.pk])).status_code == 404
    assert stranger.post(reverse("ideas:edit", args=[idea.pk]), _data(community, call, title="篡改")).status_code == 404
    assert stranger.post(reverse("ideas:submit", args=[idea.pk])).status_code == 404
    idea.refresh_from_db()
    assert idea.title == "楼道加装扶手"
    draft = make_idea(community, status=IdeaStatus.DRAFT, author=ResidentFactory())
    assert stranger.get(reverse("ideas:detail", args=[draft.pk])).status_code == 404
    assert stranger.post(reverse("ideas:support", args=[draft.pk])).status_code == 404
    assert stranger.get(reverse("ideas:detail", args=[10**9])).status_code == 404


def test_closed_call_refuses_submission_but_keeps_nothing_half_saved(resident, community):
    import datetime

    from core.clock import today

    past = today() - datetime.timedelta(days=100)
    closed = make_call(
        title="往期",
        collection_opens=past,
        collection_closes=past + datetime.timedelta(days=10),
    )
    response = signed_in_client(resident).post(reverse("ideas:new"), _data(community, closed))
    assert response.status_code == 200
    assert "not collecting" in response.content.decode() or "征集" in response.content.decode()
    assert not Idea.objects.exists()
    # a draft is fine
    signed_in_client(resident).post(reverse("ideas:new"), _data(community, closed, action="draft"))
    assert Idea.objects.get().status == IdeaStatus.DRAFT


def test_bad_triage_values_do_not_500(worker, idea):
    client = signed_in_client(worker)
    for data in (
        {"decision": "bogus"},
        {"decision": "major", "department": "区民政局", "workdays": "-3", "responsible": "a", "supervisor": "b"},
        {"decision": "major", "department": "区民政局", "workdays": "abc"},
        {"decision": "merged", "into": "999999", "reason": "x"},
        {"decision": "small", "responsible": "<script>", "supervisor": "b"},
    ):
        assert client.post(reverse("ideas:triage", args=[idea.pk]), data).status_code == 200
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_supports_are_counted_exactly(community):
    idea = make_idea(community)
    users = [ResidentFactory() for _ in range(12)]
    clients = []
    for user in users:
        client = Client()
        client.force_login(user, backend="accounts.backends.PhoneOrEmailBackend")
        clients.extend([client, client])  # each resident clicks twice at once
    barrier = threading.Barrier(len(clients))
    errors = []

    def click(client):
        try:
            barrier.wait(timeout=30)
            response = client.post(reverse("ideas:support", args=[idea.pk]))
            assert response.status_code == 302
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=click, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    idea.refresh_from_db()
    assert idea.support_count == 12 == idea.supports.count()
