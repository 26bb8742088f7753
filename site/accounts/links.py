"""Links on the personal home page, registered by each app for the roles that use them.

Apps call `register()` in AppConfig.ready(); the page shows the links whose helper admits
the user, so a resident sees their ideas and a reviewer their queue.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class AccountLink:
    label: str
    url_name: str
    helper: Callable[..., bool]
    order: int = 100


_LINKS: list[AccountLink] = []


def register(label, url_name: str, helper: Callable[..., bool], order: int = 100) -> None:
    if not any(link.url_name == url_name for link in _LINKS):
        _LINKS.append(AccountLink(label, url_name, helper, order))


def links_for(user) -> list[dict]:
    out = []
    for link in sorted(_LINKS, key=lambda item: item.order):
        if link.helper(user):
            try:
                out.append({"label": link.label, "url": reverse(link.url_name)})
            except NoReverseMatch:
                continue
    return out
