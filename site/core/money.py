"""Money is stored as integer fen; these helpers convert for display and input."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def yuan_to_fen(value: Decimal | str | int) -> int:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {value!r}") from exc
    return int(amount * 100)


def fen_to_yuan(fen: int | None) -> Decimal:
    return (Decimal(fen or 0) / 100).quantize(Decimal("0.01"))


def format_yuan(fen: int | None) -> str:
    """¥12,345.60 style, for tables and pages."""
    return f"¥{fen_to_yuan(fen):,.2f}"
