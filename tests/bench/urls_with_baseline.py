"""The project's URLs with the benchmark baseline mounted, as BENCH_BASELINE=1 does."""

from config.urls import urlpatterns as project_urlpatterns
from core.bench_views import urlpatterns as bench_urlpatterns

urlpatterns = [*bench_urlpatterns, *project_urlpatterns]
