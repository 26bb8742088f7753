from celery import shared_task


@shared_task
def remind_overdue_referrals() -> int:
    """Daily: remind about each overdue 大事 referral, once per referral per day."""
    from .services import referrals_remind_overdue

    return referrals_remind_overdue()
