from celery import shared_task


@shared_task
def close_due_ballots() -> int:
    """Periodic: close every open ballot past its closing time (idempotent)."""
    from .services import ballots_close_due

    return ballots_close_due()
