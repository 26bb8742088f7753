"""The project database page: filters in the URL, search, sort, pagination, no cookies."""

import pytest
from django.test import Client
from django.urls import reverse

from projects.catalog.models import FundingSource, Project, ProjectStatus, Theme
from tests.factories import CommunityFactory, OrganizationFactory, StreetFactory

from .factories import CatalogProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects():
    street_a, street_b = StreetFactory(name="南坪街道"), StreetFactory(name="花园路街道")
    a = CommunityFactory(street=street_a, name="阳光社区")
    b = CommunityFactory(street=street_b, name="白鹤社区")
    org = OrganizationFactory(name="南岸区乐龄为老服务中心")
    return {
        "elder": CatalogProjectFactory(
            name="银龄互助食堂",
            community=a,
            organization=org,
            year=2021,
            theme=Theme.ELDERLY,
            amount_fen=8_000_000,
            summary="为独居老人送餐",
        ),
        "youth": CatalogProjectFactory(
            name="四点半课堂",
            community=b,
            year=2023,
            theme=Theme.YOUTH,
            funding_source=FundingSource.PURCHASE,
            amount_fen=2_000_000,
            status=ProjectStatus.COMPLETED,
        ),
        "green": CatalogProjectFactory(
            name="Green corners",
            community=b,
            year=2025,
            theme=Theme.ENVIRONMENT,
            funding_source=FundingSource.COMMUNITY_FUND,
            amount_fen=500_000,
        ),
        "street_a": street_a,
        "street_b": street_b,
        "a": a,
        "b": b,
        "org": org,
    }


def names(response):
    return [p.name for p in response.context["projects"]]


def test_anonymous_list_sets_no_cookie_and_lists_everything(projects):
    response = Client().get(reverse("catalog:index"))
    assert response.status_code == 200
    assert not response.cookies
    assert set(names(response)) == {"银龄互助食堂", "四点半课堂", "Green corners"}
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("theme=youth", {"四点半课堂"}),
        ("year=2021", {"银龄互助食堂"}),
        ("status=completed", {"四点半课堂"}),
        ("funding_source=community_fund", {"Green corners"}),
        ("amount_min=10000&amount_max=50000", {"四点半课堂"}),
        ("q=互助", {"银龄互助食堂"}),  # a Chinese substring
        ("q=独居老人", {"银龄互助食堂"}),  # from the summary
        ("q=乐龄", {"银龄互助食堂"}),  # the organization's name
        ("q=green", {"Green corners"}),
        ("q=白鹤", {"四点半课堂", "Green corners"}),  # the community's name
    ],
)
def test_filters(projects, query, expected):
    response = Client().get(reverse("catalog:index") + "?" + query)
    assert set(names(response)) == expected


def test_place_and_organization_filters(projects):
    url = reverse("catalog:index")
    assert set(names(Client().get(url, {"street": projects["street_b"].pk}))) == {"四点半课堂", "Green corners"}
    assert set(names(Client().get(url, {"community": projects["a"].pk}))) == {"银龄互助食堂"}
    assert set(names(Client().get(url, {"organization": projects["org"].pk}))) == {"银龄互助食堂"}
    both = Client().get(url, {"street": projects["street_b"].pk, "year": 2025})
    assert names(both) == ["Green corners"]


def test_street_is_denormalised_from_the_community(projects):
    assert projects["elder"].street_id == projects["street_a"].pk
    project = Project.objects.get(pk=projects["youth"].pk)
    project.community = projects["a"]
    project.save()
    assert Project.objects.get(pk=project.pk).street_id == projects["street_a"].pk


def test_sort_and_pagination(projects):
    url = reverse("catalog:index")
    assert names(Client().get(url, {"sort": "amount_desc"})) == ["银龄互助食堂", "四点半课堂", "Green corners"]
    assert names(Client().get(url, {"sort": "amount_asc"}))[0] == "Green corners"
    assert names(Client().get(url))[0] == "Green corners"  # newest year first
    for _ in range(25):
        CatalogProjectFactory(community=projects["a"], organization=projects["org"])
    first = Client().get(url, {"theme": "elderly"})
    assert len(names(first)) == 20
    html = first.content.decode()
    assert "theme=elderly&amp;page=2" in html
    second = Client().get(url, {"theme": "elderly", "page": 2})
    assert len(names(second)) == 6


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "street=999999",
        "organization=x",
        "amount_min=-5",
        "sort=bogus",
        "page=99999",
        "page=x",
        "q=" + "长" * 500,
        "amount_max=1e400",
        "community=0",
        "q=%00",
        "theme=nope",
    ],
)
def test_bad_parameters_never_500(projects, query):
    response = Client().get(reverse("catalog:index") + "?" + query)
    assert response.status_code == 200


def test_project_page(projects):
    from projects.catalog.models import ProjectBudgetLine, ProjectIndicator, ProjectMilestone

    project = projects["elder"]
    ProjectMilestone.objects.create(project=project, date="2021-03-01", title="启动会", done=True)
    ProjectIndicator.objects.create(project=project, name="送餐人次", unit="人次", target=1000, actual=800)
    ProjectBudgetLine.objects.create(project=project, item="食材", planned_fen=300_000, actual_fen=250_000)
    response = Client().get(reverse("catalog:project", kwargs={"pk": project.pk}))
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    for text in ("银龄互助食堂", "启动会", "送餐人次", "80", "食材", "南岸区乐龄为老服务中心"):
        assert text in html
    # the donations panel (registered by the donations app) is there too
    assert reverse("donations:project", kwargs={"pk": project.pk}) in html
    assert Client().get(reverse("catalog:project", kwargs={"pk": 999999})).status_code == 404


def test_project_page_shows_the_chain(projects):
    from grants.rounds.models import Award
    from tests.rounds.factories import make_application, make_round

    application = make_application(make_round(), projects["org"])
    award = Award.objects.create(application=application, amount_fen=application.amount_fen, rank=1)
    project = projects["elder"]
    project.award = award
    project.save()
    html = Client().get(reverse("catalog:project", kwargs={"pk": project.pk})).content.decode()
    assert reverse("rounds:detail", kwargs={"pk": application.round_id}) in html
    assert reverse("rounds:notice", kwargs={"pk": application.round_id}) in html


def test_wagtail_page_hosts_the_list(projects):
    from wagtail.models import Page, Site

    from cms.models import HomePage
    from projects.catalog.models import ProjectIndexPage

    root = Page.get_first_root_node()
    page = ProjectIndexPage(title="项目库", slug="project-database", intro="<p>全部项目</p>")

    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="首页", slug="home-test"))
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    home.add_child(instance=page)
    response = Client().get(page.url + "?theme=youth")
    assert response.status_code == 200
    assert not response.cookies
    assert names(response) == ["四点半课堂"]
    assert "全部项目" in response.content.decode()


@pytest.mark.postgres
def test_full_text_index_exists_and_is_used_by_search(projects):
    from django.db import connection

    from projects.catalog.filters import search_projects

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'catalog_project_search_gin'")
        row = cursor.fetchone()
    assert row and "to_tsvector('simple'" in row[0]
    found = search_projects(Project.objects.all(), "corners")
    assert [p.name for p in found] == ["Green corners"]
    assert "to_tsvector" in str(found.query)


@pytest.mark.postgres
def test_chinese_substring_search_can_use_the_trigram_index(projects):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'catalog_project_search_trgm'")
        assert cursor.fetchone()
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM catalog_project WHERE UPPER(search_text::text) LIKE UPPER(%s)", ["%独居老人%"]
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "catalog_project_search_trgm" in plan


def test_english_and_chinese_pages(projects):
    chinese = Client().get(reverse("catalog:index")).content.decode()
    assert "项目库" in chinese
    english = Client().get("/en/projects/?theme=youth")
    assert english.status_code == 200
    assert "Project database" in english.content.decode()
    assert names(english) == ["四点半课堂"]


def test_list_total_is_counted_once_per_data_generation(django_capture_on_commit_callbacks):
    CatalogProjectFactory.create_batch(3, theme=Theme.ELDERLY)
    url = reverse("catalog:index") + "?theme=elderly"

    def total():
        return Client().get(url).context["page_obj"].paginator.count

    assert total() == 3
    with django_capture_on_commit_callbacks(execute=True):
        CatalogProjectFactory(theme=Theme.ELDERLY)
    assert total() == 4  # the committed change renewed the count
