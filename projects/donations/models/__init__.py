"""Giving: community funds, matching pools, donations, the money ledger and Stripe's events."""

from .donations import Donation, DonationStatus, RefundRequest, RefundRequestStatus
from .funds import CommunityFund, MatchingPool
from .ledger import LedgerEntry, LedgerKind, Receipt, ReceiptCounter, StripeEvent

__all__ = [
    "CommunityFund",
    "Donation",
    "DonationStatus",
    "LedgerEntry",
    "LedgerKind",
    "MatchingPool",
    "Receipt",
    "ReceiptCounter",
    "RefundRequest",
    "RefundRequestStatus",
    "StripeEvent",
]
