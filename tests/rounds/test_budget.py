"""Budget tables are refused with a message naming the line at fault."""

from decimal import Decimal

from grants.rounds.budget import Line, budget_errors
from grants.rounds.models import Round

Y = 100


def rnd(**kw):
    fields = {
        "budget_fen": 300_000 * Y,
        "min_amount_fen": 10_000 * Y,
        "max_amount_fen": 100_000 * Y,
        "personnel_management_cap_percent": Decimal(30),
        "management_cap_percent": Decimal(10),
        "max_grant_share_percent": Decimal(100),
        "micro_grant_cap_fen": 20_000 * Y,
    }
    fields.update(kw)
    return Round(**fields)


def line(category, item, price, qty, subtotal=None):
    return Line(category, item, price * Y, qty, (subtotal if subtotal is not None else price * qty) * Y)


def errors(lines, cofunding=0, **kw):
    amount = sum(x.subtotal_fen for x in lines) - cofunding * Y
    return budget_errors(round=rnd(**kw), lines=lines, amount_fen=amount, cofunding_fen=cofunding * Y)


def test_a_sound_table_passes():
    assert errors([line("personnel", "社工", 5000, 2), line("activity", "课堂", 200, 200)]) == []


def test_a_line_that_does_not_add_up_is_named():
    result = errors([line("activity", "课堂", 200, 100), line("materials", "场地布置", 300, 5, subtotal=1400)])
    assert len(result) == 1
    assert "Line 2" in result[0] and "场地布置" in result[0] and "1,500.00" in result[0]


def test_personnel_and_management_cap_names_the_crossing_line():
    lines = [
        line("activity", "课堂", 35_000, 1),
        line("personnel", "社工", 10_000, 1),
        line("management", "行政", 6_000, 1),
    ]
    # total 51,000; 30% = 15,300; personnel 10,000 then management brings it to 16,000
    result = errors(lines)
    assert any("Line 3" in e and "行政" in e and "30%" in e for e in result), result


def test_management_cap_alone():
    result = errors([line("activity", "课堂", 40_000, 1), line("management", "行政", 6_000, 1)])
    assert any("Line 2" in e and "10%" in e for e in result), result


def test_exceeding_the_per_project_maximum_names_the_line():
    lines = [line("activity", "课堂", 60_000, 1), line("activity", "夏令营", 50_000, 1)]
    result = errors(lines)
    assert any("Line 2" in e and "夏令营" in e and "100,000.00" in e for e in result), result


def test_exceeding_the_pool_names_the_line():
    lines = [line("activity", "课堂", 20_000, 1), line("activity", "设备", 30_000, 1)]
    result = errors(lines, budget_fen=40_000 * Y, max_amount_fen=0)
    assert any("Line 2" in e and "pool" in e for e in result), result


def test_resident_team_micro_grant_cap():
    lines = [line("activity", "邻里节", 15_000, 1), line("materials", "物资", 8_000, 1)]
    result = budget_errors(
        round=rnd(), lines=lines, amount_fen=23_000 * Y, cofunding_fen=0, applicant_type="resident_team"
    )
    assert any("Line 2" in e and "micro-grant" in e for e in result), result


def test_below_minimum_and_grant_share():
    assert any("minimum" in e for e in errors([line("activity", "课堂", 5_000, 1)]))
    result = errors([line("activity", "课堂", 50_000, 1)], cofunding=5_000, max_grant_share_percent=Decimal(80))
    assert any("90.0%" in e for e in result), result


def test_totals_that_do_not_match_the_amounts():
    result = budget_errors(
        round=rnd(), lines=[line("activity", "课堂", 50_000, 1)], amount_fen=40_000 * Y, cofunding_fen=0
    )
    assert any("add up to" in e for e in result)
