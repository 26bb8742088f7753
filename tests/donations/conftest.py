import pytest

from .stripe_helpers import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET, LocalStripe


@pytest.fixture(scope="session")
def localstripe():
    # Stopped when the test process ends (see LocalStripe.shared).
    return LocalStripe.shared()


@pytest.fixture
def stripe_keys(settings):
    """Keys configured, Stripe itself unreachable (tests that must not touch the network)."""
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    return settings


@pytest.fixture
def stripe_local(settings, localstripe):
    """Keys configured and the stripe library pointed at the session's localstripe."""
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe.url
    return localstripe
