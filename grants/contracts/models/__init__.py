"""Government purchase of services (政府购买服务): approval, contracts, tranches, reports, evaluation."""

from .approval import Approval, ApprovalStatus
from .contract import (
    Contract,
    ContractStatus,
    ContractTemplate,
    ContractVersion,
    Tranche,
    TrancheCondition,
    TrancheStatus,
)
from .report import (
    Evaluation,
    EvaluationStage,
    EvaluatorKind,
    FileKind,
    Recovery,
    RecoveryStatus,
    Report,
    ReportFile,
    ReportIndicator,
    ReportKind,
    ReportMilestone,
    ReportSpending,
    ReportStatus,
)

__all__ = [
    "Approval",
    "ApprovalStatus",
    "Contract",
    "ContractStatus",
    "ContractTemplate",
    "ContractVersion",
    "Evaluation",
    "EvaluationStage",
    "EvaluatorKind",
    "FileKind",
    "Recovery",
    "RecoveryStatus",
    "Report",
    "ReportFile",
    "ReportIndicator",
    "ReportKind",
    "ReportMilestone",
    "ReportSpending",
    "ReportStatus",
    "Tranche",
    "TrancheCondition",
    "TrancheStatus",
]
