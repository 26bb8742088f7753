"""Receipt numbers (a gapless sequence per year) and sending the PDF receipt by email."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from core.clock import now
from core.pdf import render_pdf

from .models import Donation, Receipt, ReceiptCounter

logger = logging.getLogger(__name__)


def receipt_issue(*, donation: Donation) -> Receipt:
    """Draw the next number and schedule the email. Call inside the success transaction."""
    issued = now()
    year = issued.year
    ReceiptCounter.objects.get_or_create(year=year)
    counter = ReceiptCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    receipt = Receipt(donation=donation, number=f"YC{year}-{counter.last_number:06d}", issued_at=issued)
    receipt.full_clean()
    receipt.save()
    transaction.on_commit(lambda: _enqueue(receipt.pk))
    return receipt


def _enqueue(receipt_id: int) -> None:
    from .tasks import send_receipt

    try:
        send_receipt.apply_async(args=[receipt_id], retry=False)
    except Exception:  # broker down or sending failed: the periodic sweep sends it later
        logger.warning("receipt %s not sent now; left for the sweep", receipt_id, exc_info=True)


def receipt_pdf(receipt: Receipt) -> bytes:
    donation = receipt.donation
    with translation.override("zh-hans"):
        return render_pdf("donations/receipt_pdf.html", {"receipt": receipt, "donation": donation})


def receipt_send(*, receipt_id: int) -> bool:
    """Email the PDF once; a second call (retry, sweep) finds it sent and does nothing."""
    with transaction.atomic():
        receipt = (
            # of=("self",): PostgreSQL cannot lock the nullable side of the target joins.
            Receipt.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("donation__project", "donation__fund")
            .filter(pk=receipt_id, sent_at__isnull=True)
            .first()
        )
        if receipt is None:
            return False
        pdf = receipt_pdf(receipt)
        with translation.override("zh-hans"):
            subject = _("Your donation receipt %(number)s") % {"number": receipt.number}
            body = _(
                "Thank you for your gift to %(target)s. Your receipt is attached.\n\n"
                "Yichuang community governance innovation centre"
            ) % {"target": receipt.donation.target}
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [receipt.donation.receipt_email])
        message.attach(f"receipt-{receipt.number}.pdf", pdf, "application/pdf")
        message.send()
        receipt.sent_at = now()
        receipt.save(update_fields=["sent_at"])
        return True


def receipts_sweep(*, limit: int = 200) -> int:
    ids = list(Receipt.objects.filter(sent_at__isnull=True).order_by("id").values_list("id", flat=True)[:limit])
    return sum(1 for pk in ids if receipt_send(receipt_id=pk))
