import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import uscc

from organizations.creditcode import ALPHABET, check_character, find_error, organization_code_check


@pytest.mark.parametrize("code", ["913502000728319549", "91350200776049653A", " 91350200776049653a "])
def test_known_valid_codes(code):
    assert find_error(code) is None


@pytest.mark.parametrize(
    ("code", "part"),
    [
        ("91350200072831954", "length"),
        ("9135020007283195490", "length"),
        ("91350200072831954I", "character"),
        ("B13502000728319549", "department"),
        ("943502000728319549", "type"),
        ("91A502000728319549", "division"),
        ("913502000728319559", "organization_code"),
        ("913502000728319548", "check"),
    ],
)
def test_each_wrong_part_is_named(code, part):
    error = find_error(code)
    assert error is not None and error.part == part, error


def _random_valid(rng: random.Random) -> str:
    body = "".join(rng.choice(ALPHABET[:10]) for _ in range(8))
    first17 = "91" + "".join(rng.choice("0123456789") for _ in range(6)) + body + organization_code_check(body)
    return first17 + check_character(first17)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_agrees_with_stdnum_on_generated_codes(seed):
    code = _random_valid(random.Random(seed))
    assert find_error(code) is None
    assert uscc.is_valid(code)
    # Changing the last character must be caught by both.
    wrong = code[:17] + ALPHABET[(ALPHABET.index(code[17]) + 1) % 31]
    assert find_error(wrong) is not None
    assert not uscc.is_valid(wrong)
