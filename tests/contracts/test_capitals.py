"""大写 amounts: the PBoC rules for 零 and 整, checked on fixed figures and against a second algorithm."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.capitals import MAX_FEN, amount_in_words

CASES = [
    # the figures the issue names
    (5, "人民币伍分"),
    (10_00, "人民币壹拾元整"),
    (100_010_00, "人民币壹拾万零壹拾元整"),
    (1_000_000_00, "人民币壹佰万元整"),
    (12_345_678_90, "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角"),
    (16_409_02, "人民币壹万陆仟肆佰零玖元零贰分"),
    # the examples in 《正确填写票据和结算凭证的基本规定》
    (1_409_50, "人民币壹仟肆佰零玖元伍角"),
    (6_007_14, "人民币陆仟零柒元壹角肆分"),
    (1_680_32, "人民币壹仟陆佰捌拾元零叁角贰分"),
    (107_000_53, "人民币壹拾万柒仟元零伍角叁分"),
    (325_04, "人民币叁佰贰拾伍元零肆分"),
    # more
    (0, "人民币零元整"),
    (1, "人民币壹分"),
    (50, "人民币伍角"),
    (25, "人民币贰角伍分"),
    (1_00, "人民币壹元整"),
    (12_000_00, "人民币壹万贰仟元整"),
    (50_000_00, "人民币伍万元整"),
    (1_001_00, "人民币壹仟零壹元整"),
    (10_001_00, "人民币壹万零壹元整"),
    (100_000_01, "人民币壹拾万元零壹分"),
    (1_000_100_00, "人民币壹佰万零壹佰元整"),
    (10_000_000_00, "人民币壹仟万元整"),
    (100_000_000_00, "人民币壹亿元整"),
    (100_010_000_00, "人民币壹亿零壹万元整"),
    (110_000_000_00, "人民币壹亿壹仟万元整"),
    (20_30, "人民币贰拾元零叁角"),
    (105_06, "人民币壹佰零伍元零陆分"),
    (1_010_10, "人民币壹仟零壹拾元零壹角"),
    (999_999_99, "人民币玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("fen", "words"), CASES)
def test_known_figures(fen, words):
    assert amount_in_words(fen) == words


def test_colloquial_ten_without_one():
    assert amount_in_words(10_00, leading_one=False) == "人民币拾元整"
    assert amount_in_words(100_010_00, leading_one=False) == "人民币拾万零拾元整"


@pytest.mark.parametrize("bad", [-1, 1.5, "100", True, MAX_FEN + 1])
def test_refuses_what_is_not_an_amount(bad):
    with pytest.raises((TypeError, ValueError)):
        amount_in_words(bad)


DIGITS = "零壹贰叁肆伍陆柒捌玖"


def reference(fen: int) -> str:
    """A second, independent algorithm: write every digit with its unit, then collapse zeros by rules."""
    if fen == 0:
        return "人民币零元整"
    yuan, jiao, fen_digit = fen // 100, fen // 10 % 10, fen % 10
    units = ["", "拾", "佰", "仟", "万", "拾", "佰", "仟", "亿", "拾", "佰", "仟"]
    text = ""
    for position, char in enumerate(reversed(str(yuan))):
        text = DIGITS[int(char)] + units[position] + text
    text = re.sub(r"零[拾佰仟]", "零", text)
    text = re.sub(r"零+", "零", text)
    text = text.replace("零亿", "亿").replace("零万", "万").replace("亿万", "亿")
    text = re.sub(r"零+$", "", text)
    out = "人民币"
    if yuan:
        out += text + "元"
    if jiao == 0 and fen_digit == 0:
        return out + "整"
    if jiao:
        out += ("零" if yuan and yuan % 10 == 0 else "") + DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen_digit:
        out += DIGITS[fen_digit] + "分"
    return out


@given(st.integers(min_value=0, max_value=10**13))
def test_matches_the_reference_algorithm(fen):
    assert amount_in_words(fen) == reference(fen)


@given(st.integers(min_value=1, max_value=10**13))
def test_shape(fen):
    words = amount_in_words(fen)
    assert words.startswith("人民币")
    assert "零零" not in words
    assert words.endswith("整") == (fen % 100 == 0)
    assert not words.endswith("分整") and not words.endswith("角整")
