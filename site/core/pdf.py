"""HTML-to-PDF through WeasyPrint with the CJK font the Makefile installs.

One FontConfiguration is kept per process: building it is the slow part of a render.
"""

import functools

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


@functools.cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@functools.cache
def _base_css():
    from weasyprint import CSS

    path = finders.find("css/print.css")
    return CSS(filename=path, font_config=_font_config())


def render_pdf(template_name: str, context: dict, *, extra_css: str = "") -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string(template_name, context)
    stylesheets = [_base_css()]
    if extra_css:
        stylesheets.append(CSS(string=extra_css, font_config=_font_config()))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=stylesheets, font_config=_font_config()
    )
