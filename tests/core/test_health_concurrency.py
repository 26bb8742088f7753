"""/healthz under concurrent checks: each cache probe has a key of its own."""

import pytest

from core import health


@pytest.mark.django_db
def test_cache_check_survives_a_concurrent_check(monkeypatch):
    """A second check running between one check's write and read must not fail the first."""
    original_get = health.cache.get
    interleaved = []

    def get_with_a_check_in_between(key, *args, **kwargs):
        if not interleaved:
            interleaved.append(True)
            assert health._check_cache() == "ok"
        return original_get(key, *args, **kwargs)

    monkeypatch.setattr(health.cache, "get", get_with_a_check_in_between)
    assert health._check_cache() == "ok"
    assert interleaved


@pytest.mark.django_db
def test_cache_check_leaves_no_probe_behind():
    health._check_cache()
    assert not any(key for key in getattr(health.cache, "_cache", {}) if "healthz:probe" in str(key))
