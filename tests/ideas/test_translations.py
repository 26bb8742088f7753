"""Chinese is the default language: every string of the ideas app has a translation."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "grants" / "ideas" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_every_message_is_translated():
    text = PO.read_text()
    assert "#, fuzzy" not in text
    assert re.findall(r'\nmsgid "(.+)"\nmsgstr ""\n', text) == []
    assert re.findall(r'\nmsgstr\[0\] ""\n', text) == []
