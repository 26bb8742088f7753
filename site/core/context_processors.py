"""Template context every page needs: the language-switch links."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def chrome(request):
    path = request.get_full_path()
    links = []
    current = translation.get_language()
    for code, name in settings.LANGUAGES:
        links.append({"code": code, "name": name, "url": translate_url(path, code), "current": code == current})
    return {"language_links": links}
