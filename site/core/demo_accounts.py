"""The demo accounts, one per role, created by the kernel's demo data and printed by `make run`."""

import base64

DEMO_PASSWORD = "Yichuang-Demo-2026"
# Fixed only in the demo data so a newcomer can add it to an authenticator app.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"  # base32: GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ

ACCOUNTS = [
    # (login, full name, role kind, needs 2FA)
    ("13800000001", "王秀英", "resident", False),
    ("worker@demo.yichuang.cn", "李社工", "community_worker", False),
    ("org@demo.yichuang.cn", "陈理事长", "org_owner", False),
    ("reviewer@demo.yichuang.cn", "赵专家", "reviewer", False),
    ("bureau@demo.yichuang.cn", "周科长", "bureau_officer", True),
    ("operator@demo.yichuang.cn", "孙运营", "centre_operator", True),
    ("trainee@demo.yichuang.cn", "吴学员", "trainee", False),
    ("mentor@demo.yichuang.cn", "郑导师", "mentor", False),
]


def totp_base32() -> str:
    return base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()


def print_accounts(out) -> None:
    out.write("")
    out.write(f"Demo accounts (password for all: {DEMO_PASSWORD})")
    for login, name, role, two_factor in ACCOUNTS:
        extra = "  + TOTP key " + totp_base32() if two_factor else ""
        out.write(f"  {role:<17} {login:<28} {name}{extra}")
    out.write("  superuser         admin@demo.yichuang.cn       (Wagtail admin; TOTP as above)")
    out.write("Current TOTP code: .venv/bin/python manage.py demo_totp")
