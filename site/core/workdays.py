"""Working days under China's holiday calendar, including make-up workdays (调休).

Uses the maintained `chinese-calendar` package; dates outside the years it knows fall
back to Monday-Friday so that a deadline can always be computed.
"""

import datetime

import chinese_calendar


def is_workday(day: datetime.date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_workdays(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (start itself is not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += datetime.timedelta(days=1)
        if is_workday(current):
            remaining -= 1
    return current


def workdays_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (0 if end <= start)."""
    count = 0
    current = start
    while current < end:
        current += datetime.timedelta(days=1)
        if is_workday(current):
            count += 1
    return count
