"""Chinese is the default language: every string of the app has a translation."""

import re
from pathlib import Path

from django.utils import translation

PO = Path(__file__).resolve().parents[2] / "grants" / "rounds" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_every_message_is_translated():
    text = PO.read_text()
    assert "#, fuzzy" not in text
    untranslated = re.findall(r'\nmsgid "(.+)"\nmsgstr ""\n', text)
    assert untranslated == []


def test_budget_errors_read_in_chinese():
    from grants.rounds.budget import Line, line_errors

    with translation.override("zh-hans"):
        message = line_errors([Line("activity", "场地布置", 300_00, 5, 1400_00)])[0]
    assert message.startswith("第1行（“场地布置”）计算有误")
