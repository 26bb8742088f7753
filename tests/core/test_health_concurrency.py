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
def test_cache_check_leaves_no_probe_behind(monkeypatch):
    """Works on any cache backend (local memory in dev, Redis in CI): the key written is gone."""
    written = []
    original_set = health.cache.set

    def recording_set(key, *args, **kwargs):
        written.append(key)
        return original_set(key, *args, **kwargs)

    monkeypatch.setattr(health.cache, "set", recording_set)
    health._check_cache()
    assert written and all(health.cache.get(key) is None for key in written)
