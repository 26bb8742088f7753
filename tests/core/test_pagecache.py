"""The anonymous full-page cache: fresh after every change, never for signed-in users."""

import pytest
from django.test import Client
from wagtail.models import Page

from cms.models import HomePage, NewsIndexPage, NewsPage
from tests.conftest import signed_in_client
from tests.factories import OrganizationFactory, ResidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    root = Page.get_first_root_node()
    home = HomePage(title="首页", slug="home-test", intro="第一版标题")
    root.add_child(instance=home)
    home.save_revision().publish()
    from wagtail.models import Site

    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "testserver", "port": 80}
    )
    return home


def test_second_anonymous_request_is_a_hit(home):
    client = Client()
    first = client.get("/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publish_invalidates(home, django_capture_on_commit_callbacks):
    client = Client()
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        home.intro = "第二版标题"
        home.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "第二版标题" in response.content.decode()


def test_any_data_change_invalidates(home, django_capture_on_commit_callbacks):
    client = Client()
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        OrganizationFactory()
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_signed_in_users_are_never_served_or_stored(home):
    anonymous = Client()
    anonymous.get("/")
    resident = signed_in_client(ResidentFactory())
    response = resident.get("/")
    assert "X-Page-Cache" not in response
    assert "/accounts/me/" in response.content.decode()
    # ...and what they saw was not stored for anonymous visitors.
    assert "/accounts/me/" not in anonymous.get("/").content.decode()


def test_unrelated_cookies_do_not_split_or_bypass(home):
    Client().get("/")
    client = Client()
    client.cookies["_ga"] = "GA1.2.3"
    client.cookies["csrftoken"] = "x" * 32
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_messages_cookie_bypasses(home):
    Client().get("/")
    client = Client()
    client.cookies["messages"] = "something"
    assert "X-Page-Cache" not in client.get("/")


def test_pages_with_forms_are_not_stored():
    client = Client()
    client.get("/accounts/login/")
    response = client.get("/accounts/login/")
    assert "X-Page-Cache" not in response


def test_languages_are_separate_entries(home):
    client = Client()
    zh = client.get("/")
    en = client.get("/en/")
    assert zh["Content-Language"] == "zh-hans" and en["Content-Language"] == "en"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    assert client.get("/en/")["Content-Language"] == "en"


def test_news_pages_render(home):
    index = NewsIndexPage(title="新闻", slug="news")
    home.add_child(instance=index)
    index.save_revision().publish()
    item = NewsPage(title="V益案启动", slug="v", date="2026-10-01", intro="导语")
    index.add_child(instance=item)
    item.save_revision().publish()
    client = Client()
    assert "V益案启动" in client.get("/news/").content.decode()
    assert "导语" in client.get("/news/v/").content.decode()
    assert "V益案启动" in client.get("/").content.decode()
