"""Amounts in Chinese capital numerals (大写金额) for contracts, receipts and notices. Pure Python.

The rules are those of the People's Bank of China 《正确填写票据和结算凭证的基本规定》 (annex to
the 《支付结算办法》):

- the amount starts with 人民币;
- an amount that ends at 元 is followed by 整; one that ends at 角 takes no 整 (the rules allow
  either: "在角之后可以不写整字", we never write it); one that ends at 分 never takes 整;
- a 0 between digits is written 零, and a run of 0s as one 零 (¥6,007.14 → 陆仟零柒元壹角肆分);
- when the 元 digit is 0 (alone or ending a run of 0s) and 角 is not 0, one 零 is written after
  元 (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分, ¥107,000.53 → 壹拾万柒仟元零伍角叁分);
- when 角 is 0 and 分 is not, 零 is written after 元 (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分);
- a leading 拾 keeps its 壹, as in the rules' own example 人民币壹拾万柒仟元零伍角叁分
  (`leading_one=False` gives the colloquial 人民币拾元整 instead);
- amounts below one 元 start at the first non-zero unit (¥0.05 → 人民币伍分).
"""

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ["", "拾", "佰", "仟"]
BIG_UNITS = ["", "万", "亿"]
MAX_FEN = 10**14 - 1  # below 1 万亿 元


def _section(value: int, *, drop_leading_one: bool) -> str:
    """0 < value < 10000, written without leading 零 (the caller decides about it)."""
    out = []
    digits = f"{value:04d}"
    pending_zero = False
    started = False
    for index, char in enumerate(digits):
        digit = int(char)
        unit = SMALL_UNITS[3 - index]
        if digit == 0:
            if started:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        if not (drop_leading_one and not started and digit == 1 and unit == "拾"):
            out.append(DIGITS[digit])
        out.append(unit)
        started = True
    return "".join(out)


def _integer(yuan: int, *, leading_one: bool) -> str:
    sections = []
    while yuan:
        sections.append(yuan % 10000)
        yuan //= 10000
    out = []
    need_zero = False
    for position in range(len(sections) - 1, -1, -1):
        value = sections[position]
        if value == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or value < 1000):
            out.append("零")
        out.append(_section(value, drop_leading_one=not leading_one))
        out.append(BIG_UNITS[position])
        need_zero = False
    return "".join(out)


def amount_in_words(fen: int, *, leading_one: bool = True) -> str:
    """人民币… for an amount in integer fen (16_409_02 → 人民币壹万陆仟肆佰零玖元零贰分)."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError("amount_in_words takes an integer number of fen")
    if fen < 0:
        raise ValueError("amount_in_words takes a non-negative amount")
    if fen > MAX_FEN:
        raise ValueError("amount too large")
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    if fen == 0:
        return "人民币零元整"
    out = ["人民币"]
    if yuan:
        out.append(_integer(yuan, leading_one=leading_one))
        out.append("元")
    if not jiao and not fen_digit:
        out.append("整")
        return "".join(out)
    if jiao:
        if yuan and yuan % 10 == 0:
            out.append("零")
        out.append(DIGITS[jiao] + "角")
    elif yuan:
        out.append("零")
    if fen_digit:
        out.append(DIGITS[fen_digit] + "分")
    return "".join(out)
