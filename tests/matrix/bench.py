"""The benchmark baseline view, covered only when BENCH_BASELINE mounts it (see core.bench_views)."""

from django.conf import settings

from . import ALL_ROLES, Case

CASES = [Case("bench_baseline", ALL_ROLES)] if getattr(settings, "BENCH_BASELINE", False) else []
