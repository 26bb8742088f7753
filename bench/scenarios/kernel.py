"""The kernel's pages: home, a news page, /healthz, the personal home, the household roll."""

from . import Page


def _news_path(ctx) -> str:
    from cms.models import NewsPage

    page = NewsPage.objects.live().order_by("-date", "-id").first()
    if page is None:
        raise LookupError("no live news page: seed_demo should have made three")
    return page.url


def _household_roll_path(ctx) -> str:
    from accounts.access import community_ids_of_worker

    worker = ctx.user("community_worker")
    community_id = min(community_ids_of_worker(worker))
    return f"/places/communities/{community_id}/households/"


SCENARIOS = [
    Page("home", lambda ctx: "/"),
    Page("news_page", _news_path),
    Page("healthz", lambda ctx: "/healthz"),
    Page("personal_home", lambda ctx: "/accounts/me/", role="resident", kind="detail"),
    Page("household_roll", _household_roll_path, role="community_worker", kind="list", scaling=True),
]
