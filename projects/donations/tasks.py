from celery import shared_task

from .receipts import receipt_send, receipts_sweep


@shared_task(name="donations.tasks.send_receipt")
def send_receipt(receipt_id: int) -> bool:
    return receipt_send(receipt_id=receipt_id)


@shared_task(name="donations.tasks.sweep_receipts")
def sweep_receipts() -> int:
    return receipts_sweep()
