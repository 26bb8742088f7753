from .page import ProjectIndexPage
from .project import (
    THEMES,
    FundingSource,
    Project,
    ProjectBudgetLine,
    ProjectCategory,
    ProjectIndicator,
    ProjectMilestone,
    ProjectPhoto,
    ProjectSource,
    ProjectStatus,
    Theme,
)

__all__ = [
    "THEMES",
    "FundingSource",
    "Project",
    "ProjectBudgetLine",
    "ProjectCategory",
    "ProjectIndexPage",
    "ProjectIndicator",
    "ProjectMilestone",
    "ProjectPhoto",
    "ProjectSource",
    "ProjectStatus",
    "Theme",
]
