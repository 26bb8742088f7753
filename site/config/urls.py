from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.access import access, access_public
from core.health import healthz

# Machine-facing URLs carry no language prefix.
urlpatterns = [
    path("healthz", access(access_public)(healthz), name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("projects.api.urls")),
]

if settings.BENCH_BASELINE:
    from core.bench_views import urlpatterns as bench_urlpatterns

    urlpatterns += bench_urlpatterns

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

# People-facing URLs: Chinese at /, English under /en/ — the URL alone decides the language,
# which keeps the anonymous page cache free of cookie variants.
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("org/", include("organizations.urls")),
    path("places/", include("places.urls")),
    path("ideas/", include("grants.ideas.urls")),
    path("ballots/", include("grants.ballots.urls")),
    path("rounds/", include("grants.rounds.urls")),
    path("contracts/", include("grants.contracts.urls")),
    path("projects/", include("projects.catalog.urls")),
    path("dashboard/", include("projects.dashboard.urls")),
    path("donate/", include("projects.donations.urls")),
    path("training/", include("training.cohorts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
