"""Masking of personal data shown on public pages (phones 138****1234, names 张*明)."""


def mask_phone(phone: str | None) -> str:
    digits = (phone or "").strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


def mask_name(name: str | None) -> str:
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    if name.isascii():
        # Latin names: keep the initials of the first and last word.
        parts = name.split()
        if len(parts) > 1:
            return f"{parts[0][0]}* {parts[-1][0]}*"
        return name[0] + "*" * (len(name) - 2) + name[-1]
    return name[0] + "*" * (len(name) - 2) + name[-1]
