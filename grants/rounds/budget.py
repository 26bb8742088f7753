"""Budget-table checks. Every refusal names the line at fault so the applicant can fix it."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from core.money import format_yuan

PERSONNEL_MANAGEMENT = {"personnel", "management"}


@dataclass(frozen=True)
class Line:
    category: str
    item: str
    unit_price_fen: int
    quantity: int
    subtotal_fen: int


def _name(number: int, line: Line) -> str:
    return _("Line %(n)d (“%(item)s”)") % {"n": number, "item": line.item}


def _crossing(lines: list[Line], limit: int, categories: set[str] | None = None) -> tuple[int, Line, int] | None:
    """The first line (1-based) at which the running total of `categories` passes `limit`."""
    running = 0
    for number, line in enumerate(lines, start=1):
        if categories is not None and line.category not in categories:
            continue
        running += line.subtotal_fen
        if running > limit:
            return number, line, running
    return None


def line_errors(lines: list[Line]) -> list[str]:
    """Lines whose unit price × quantity is not their subtotal, or that are not positive."""
    errors = []
    for number, line in enumerate(lines, start=1):
        if line.quantity <= 0 or line.unit_price_fen < 0:
            errors.append(_("%(line)s: the unit price and quantity must be positive.") % {"line": _name(number, line)})
        elif line.unit_price_fen * line.quantity != line.subtotal_fen:
            errors.append(
                _("%(line)s does not add up: %(price)s × %(qty)d is %(right)s, not %(wrong)s.")
                % {
                    "line": _name(number, line),
                    "price": format_yuan(line.unit_price_fen),
                    "qty": line.quantity,
                    "right": format_yuan(line.unit_price_fen * line.quantity),
                    "wrong": format_yuan(line.subtotal_fen),
                }
            )
    return errors


def budget_errors(
    *, round, lines: list[Line], amount_fen: int, cofunding_fen: int, applicant_type: str = "registered"
) -> list[str]:
    """All the reasons the budget table is refused; empty when it is acceptable."""
    if not lines:
        return [_("Add at least one budget line.")]
    errors = line_errors(lines)
    if errors:
        return errors
    total = sum(line.subtotal_fen for line in lines)
    if cofunding_fen > total:
        return [
            _("Other funding (%(cofunding)s) is more than the whole budget (%(total)s).")
            % {"cofunding": format_yuan(cofunding_fen), "total": format_yuan(total)}
        ]
    if total != amount_fen + cofunding_fen:
        errors.append(
            _(
                "The budget lines add up to %(total)s, but the requested amount %(amount)s plus other funding "
                "%(cofunding)s is %(sum)s. Adjust the last line or the amounts."
            )
            % {
                "total": format_yuan(total),
                "amount": format_yuan(amount_fen),
                "cofunding": format_yuan(cofunding_fen),
                "sum": format_yuan(amount_fen + cofunding_fen),
            }
        )
    limits = []
    if round.max_amount_fen:
        limits.append((round.max_amount_fen, _("the round's per-project maximum of %(limit)s")))
    if applicant_type == "resident_team" and round.micro_grant_cap_fen:
        limits.append((round.micro_grant_cap_fen, _("the micro-grant cap of %(limit)s for resident teams")))
    limits.append((round.budget_fen, _("the round's pool of %(limit)s")))
    for limit, label in sorted(limits, key=lambda pair: pair[0]):
        crossing = _crossing(lines, limit + cofunding_fen)
        if crossing:
            number, line, running = crossing
            errors.append(
                _("%(line)s brings the grant requested to %(running)s, beyond %(what)s.")
                % {
                    "line": _name(number, line),
                    "running": format_yuan(running - cofunding_fen),
                    "what": label % {"limit": format_yuan(limit)},
                }
            )
            break
    if round.min_amount_fen and amount_fen < round.min_amount_fen:
        errors.append(
            _("The requested amount %(amount)s is below the round's minimum of %(limit)s.")
            % {"amount": format_yuan(amount_fen), "limit": format_yuan(round.min_amount_fen)}
        )
    if total:
        caps = [
            (PERSONNEL_MANAGEMENT, round.personnel_management_cap_percent, _("personnel and management costs")),
            ({"management"}, round.management_cap_percent, _("management costs")),
        ]
        for categories, percent, label in caps:
            limit = int(Decimal(total) * Decimal(percent) / 100)
            crossing = _crossing(lines, limit, categories)
            if crossing:
                number, line, running = crossing
                errors.append(
                    _("%(line)s brings %(what)s to %(running)s, more than %(percent)s%% of the total (%(limit)s).")
                    % {
                        "line": _name(number, line),
                        "what": label,
                        "running": format_yuan(running),
                        "percent": f"{Decimal(percent).normalize():f}",
                        "limit": format_yuan(limit),
                    }
                )
        share = Decimal(amount_fen) * 100 / Decimal(total)
        if share > round.max_grant_share_percent:
            errors.append(
                _(
                    "The grant would pay %(share)s%% of the project; the round funds at most %(limit)s%%. Add other funding."
                )
                % {"share": f"{share:.1f}", "limit": f"{Decimal(round.max_grant_share_percent).normalize():f}"}
            )
    return errors
