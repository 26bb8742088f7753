"""The project database on a phone: filter by street and theme, search, open a project, and
a filtered URL copied into a fresh browser shows the same list."""

import pytest

from projects.catalog.models import FundingSource, Theme
from tests.browser.conftest import assert_fits
from tests.catalog.factories import CatalogProjectFactory
from tests.factories import CommunityFactory, OrganizationFactory, StreetFactory


@pytest.mark.django_db(transaction=True)
def test_filtered_list_is_shareable_and_works_on_a_phone(phone, browser, live_server, shot):
    street = StreetFactory(name="南坪街道")
    other = StreetFactory(name="花园路街道")
    sunshine = CommunityFactory(street=street, name="阳光社区")
    crane = CommunityFactory(street=other, name="白鹤社区")
    org = OrganizationFactory(name="南岸区乐龄为老服务中心")
    CatalogProjectFactory(
        name="阳光社区长者食堂",
        community=sunshine,
        organization=org,
        theme=Theme.ELDERLY,
        year=2024,
        summary="为独居老人送餐",
    )
    CatalogProjectFactory(name="阳光社区四点半课堂", community=sunshine, theme=Theme.YOUTH, year=2024)
    CatalogProjectFactory(
        name="白鹤社区长者食堂", community=crane, theme=Theme.ELDERLY, year=2023, funding_source=FundingSource.PURCHASE
    )

    phone.goto(f"{live_server.url}/projects/")
    assert phone.locator(".project-row").count() == 3
    assert_fits(phone)
    phone.select_option("select[name=street]", str(street.pk))
    phone.select_option("select[name=theme]", "elderly")
    phone.click("form.catalog-filters button[type=submit]")
    phone.wait_for_load_state("networkidle")
    assert phone.locator(".project-row").count() == 1
    assert "阳光社区长者食堂" in phone.inner_text(".project-list")
    shared_url = phone.url
    assert f"street={street.pk}" in shared_url and "theme=elderly" in shared_url
    assert_fits(phone)
    shot(phone, "filtered")

    # A fresh browser (no cookies, no history) opening the copied URL sees the same list.
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, locale="zh-CN")
    try:
        fresh = context.new_page()
        fresh.goto(shared_url)
        rows = fresh.locator(".project-row h2").all_inner_texts()
        assert rows == ["阳光社区长者食堂"]
        assert fresh.locator("select[name=theme]").input_value() == "elderly"
        assert context.cookies() == []
        fresh.click("text=阳光社区长者食堂")
        fresh.wait_for_load_state("networkidle")
        assert "南岸区乐龄为老服务中心" in fresh.inner_text("main")
        assert_fits(fresh)
        shot(fresh, "project")
    finally:
        context.close()

    # Search with a Chinese substring, no JavaScript needed: the form is a plain GET.
    phone.goto(f"{live_server.url}/projects/?q=食堂")
    assert phone.locator(".project-row").count() == 2


@pytest.mark.django_db(transaction=True)
def test_bureau_dashboard_draws_charts_that_link_to_the_list(desktop, live_server, shot, make_user):
    from django.conf import settings

    from tests.conftest import signed_in_client

    street = StreetFactory(name="南坪街道")
    community = CommunityFactory(street=street, name="阳光社区")
    CatalogProjectFactory(name="长者食堂", community=community, theme=Theme.ELDERLY, year=2024)
    CatalogProjectFactory(
        name="四点半课堂", community=community, theme=Theme.YOUTH, year=2024, funding_source=FundingSource.PURCHASE
    )
    client = signed_in_client(make_user("bureau_officer"))
    desktop.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    errors = []
    desktop.on("pageerror", lambda error: errors.append(str(error)))
    desktop.goto(f"{live_server.url}/dashboard/?year=2024")
    figure = desktop.locator('[data-key="catalog.projects"]')
    assert figure.locator("svg.chart-svg rect").count() == 4  # one bar per status
    assert not errors
    shot(desktop, "dashboard")
    figure.locator(".figure-value a").click()
    desktop.wait_for_load_state("networkidle")
    assert "year=2024" in desktop.url
    assert desktop.locator(".project-row").count() == 2
