"""Template context every page needs: the language-switch links and the chrome's cache key."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from core import pagecache


def chrome(request):
    path = request.get_full_path()
    links = []
    current = translation.get_language()
    for code, name in settings.LANGUAGES:
        links.append({"code": code, "name": name, "url": translate_url(path, code), "current": code == current})
    # The header navigation and the footer (site settings, chosen pages) are cached as
    # fragments under the page cache's generation: any publish or data change renews them.
    generation = SimpleLazyObject(pagecache.current_generation)
    return {
        "language_links": links,
        "chrome_generation": generation,
        "brand": SimpleLazyObject(lambda: _brand(request, current, generation)),
    }


def _brand(request, language: str, generation) -> dict:
    """The site's name and tagline (translatable site settings), one cache read per page."""

    def load() -> dict:
        from cms.models import SiteChrome

        chrome = SiteChrome.for_request(request)
        return {"site_name": chrome.site_name, "tagline": chrome.tagline}

    return pagecache.remember(f"chrome:brand:{request.get_host()}:{language}", load, 86400, generation=generation)
