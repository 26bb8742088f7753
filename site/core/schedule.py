"""Periodic jobs: apps register their Celery beat entries here from AppConfig.ready()."""

from celery.schedules import crontab


def register(name: str, task: str, schedule, *, kwargs: dict | None = None) -> None:
    """Add a beat entry, e.g. register("ideas-overdue", "ideas.tasks.flag_overdue", daily())."""
    from config.celery import app

    entry = {"task": task, "schedule": schedule}
    if kwargs:
        entry["kwargs"] = kwargs
    schedule_table = dict(app.conf.beat_schedule or {})
    schedule_table[name] = entry
    app.conf.beat_schedule = schedule_table


def daily(hour: int = 8, minute: int = 0):
    return crontab(hour=hour, minute=minute)
