"""Writes for rounds, split by stage; import from here."""

from .applications import (  # noqa: F401
    application_create_draft,
    application_editable,
    application_submit,
    application_update,
    application_withdraw,
    attachment_add,
    attachment_remove,
    submission_problems,
)
from .awards import (  # noqa: F401
    award_override,
    notice_confirm,
    notice_publish,
    objection_answer,
    objection_submit,
    round_rank,
)
from .review import review_assign, review_declare_conflict, review_submit  # noqa: F401
from .roadshow import (  # noqa: F401
    peer_sheet_submit,
    peer_voters,
    peer_window_open,
    roadshow_score_submit,
    roadshow_scorer_add,
    roadshow_set_open,
)
from .rounds import round_extend, round_move, rubric_is_frozen  # noqa: F401
from .screening import application_screen, application_shortlist, eligibility_checks  # noqa: F401
