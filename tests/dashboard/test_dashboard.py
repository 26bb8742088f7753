import pytest
from django.urls import reverse

from projects.catalog.models import FundingSource, Theme
from projects.dashboard.registry import DashboardFilters, figures
from tests.catalog.factories import CatalogProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(community):
    CatalogProjectFactory(community=community, theme=Theme.ELDERLY, year=2024, amount_fen=1_000_000, beneficiaries=50)
    CatalogProjectFactory(theme=Theme.YOUTH, year=2023, funding_source=FundingSource.PURCHASE, beneficiaries=7)


@pytest.mark.parametrize("role", ["bureau_officer", "centre_operator"])
def test_staff_see_every_registered_figure(projects, client_for, role):
    client, _ = client_for(role)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 200
    html = response.content.decode()
    keys = {f.key for f in figures()}
    assert {"catalog.projects", "catalog.money", "catalog.beneficiaries"} <= keys
    for key in keys:
        assert f'data-key="{key}"' in html
    assert "dashboard/charts.js" in html
    assert "cdn" not in html.lower()


def test_filters_narrow_the_figures_and_links_carry_them(projects, client_for, community):
    client, _ = client_for("bureau_officer")
    response = client.get(reverse("dashboard:index"), {"community": community.pk, "year": 2024, "theme": "elderly"})
    assert response.status_code == 200
    cards = {c["figure"].key: c for g in response.context["groups"] for c in g["cards"]}
    projects_card = cards["catalog.projects"]["value"]
    assert projects_card.value == 1
    assert f"community={community.pk}" in projects_card.url and "year=2024" in projects_card.url
    assert cards["catalog.beneficiaries"]["value"].value == 50
    html = response.content.decode()
    assert reverse("catalog:index") + f"?community={community.pk}&amp;year=2024&amp;theme=elderly" in html


def test_every_figure_links_to_a_list_that_opens(projects, client_for):
    client, _ = client_for("centre_operator")
    for figure in figures():
        value = figure.compute(DashboardFilters())
        assert value.url
        target = client.get(value.url)
        assert target.status_code == 200, (figure.key, value.url)


def test_link_counts_match_the_list(projects, client):
    from projects.catalog.figures import projects_figure

    value = projects_figure(DashboardFilters(theme="youth"))
    response = client.get(value.url)
    assert response.context["page_obj"].paginator.count == value.value == 1


@pytest.mark.parametrize("role", ["resident", "org_owner", "community_worker"])
def test_others_are_refused(client_for, role):
    client, _ = client_for(role)
    assert client.get(reverse("dashboard:index")).status_code == 403


def test_bad_filters_do_not_break_the_page(client_for):
    client, _ = client_for("bureau_officer")
    response = client.get(reverse("dashboard:index"), {"street": "x", "year": "abc", "theme": "zzz"})
    assert response.status_code == 200


def test_figures_are_cached_until_the_next_committed_change(
    projects, client_for, community, django_capture_on_commit_callbacks
):
    client, _ = client_for("bureau_officer")

    def count():
        response = client.get(reverse("dashboard:index"), {"community": community.pk})
        return {c["figure"].key: c for g in response.context["groups"] for c in g["cards"]}["catalog.projects"][
            "value"
        ].value

    assert count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        CatalogProjectFactory(community=community, theme=Theme.ELDERLY, year=2025)
    assert count() == 2
