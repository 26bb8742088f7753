"""统一社会信用代码 (unified social credit code) under GB 32100-2015.

Written out rather than taken whole from python-stdnum because the form must say *which*
part is wrong (length, a character, the department or type code, the embedded
organization code's check, the final check); tests compare the verdicts with
`stdnum.cn.uscc` on random codes.

Layout: 1 registration department | 1 organization type | 6 administrative division |
9 organization code (8 body + GB 11714 check) | 1 check character (mod 31).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUES = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
# GB 32100-2015 table 1: registration departments and the type codes each may use.
DEPARTMENT_TYPES = {
    "1": "1239",  # 机构编制
    "2": "19",  # 外交
    "3": "123459",  # 司法行政
    "4": "19",  # 文化
    "5": "1239",  # 民政: 社会团体 / 民办非企业单位(社会服务机构) / 基金会 / 其他
    "6": "129",  # 旅游
    "7": "129",  # 宗教
    "8": "129",  # 工会
    "9": "123",  # 工商 (市场监管)
    "A": "19",  # 中央军委改革和编制办公室
    "N": "1239",  # 农业
    "Y": "1",  # 其他
}
CIVIL_AFFAIRS_TYPES = {"1": "social_group", "2": "social_service", "3": "foundation", "9": "other"}


@dataclass(frozen=True)
class CreditCodeError:
    part: str
    message: str


def check_character(body17: str) -> str:
    total = sum(VALUES[ch] * w for ch, w in zip(body17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def organization_code_check(body8: str) -> str:
    """GB 11714 check character for the 8-character organization-code body."""
    total = 0
    for ch, weight in zip(body8, ORG_WEIGHTS, strict=True):
        value = int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10
        total += value * weight
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def normalize(code: str) -> str:
    return (code or "").strip().replace(" ", "").upper()


def find_error(code: str) -> CreditCodeError | None:
    code = normalize(code)
    if len(code) != 18:
        return CreditCodeError(
            "length",
            _("A credit code has 18 characters; this one has %(n)d.") % {"n": len(code)},
        )
    for position, ch in enumerate(code, start=1):
        if ch not in VALUES:
            return CreditCodeError(
                "character",
                _(
                    "Character %(pos)d (“%(ch)s”) is not allowed: credit codes use digits and "
                    "capital letters except I, O, Z, S and V."
                )
                % {"pos": position, "ch": ch},
            )
    department, kind = code[0], code[1]
    if department not in DEPARTMENT_TYPES:
        return CreditCodeError(
            "department",
            _("The first character (registration department) “%(ch)s” does not exist.") % {"ch": department},
        )
    if kind not in DEPARTMENT_TYPES[department]:
        return CreditCodeError(
            "type",
            _("The second character (organization type) “%(ch)s” is not used by department “%(dep)s”.")
            % {"ch": kind, "dep": department},
        )
    if not code[2:8].isdigit():
        return CreditCodeError("division", _("Characters 3–8 must be the six-digit administrative division code."))
    body, org_check = code[8:16], code[16]
    if org_check != organization_code_check(body):
        return CreditCodeError(
            "organization_code",
            _("The embedded organization code (characters 9–17) fails its own check: character 17 should be “%(ch)s”.")
            % {"ch": organization_code_check(body)},
        )
    expected = check_character(code[:17])
    if code[17] != expected:
        return CreditCodeError(
            "check",
            _("The last character (check digit) should be “%(ch)s”; please re-check the code.") % {"ch": expected},
        )
    return None


def validate_credit_code(code: str) -> None:
    error = find_error(code)
    if error is not None:
        raise ValidationError(error.message, code=f"credit_code_{error.part}")


def is_valid(code: str) -> bool:
    return find_error(code) is None
