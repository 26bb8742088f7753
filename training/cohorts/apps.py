from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "training.cohorts"
    label = "cohorts"
    verbose_name = _("Training camps")

    def ready(self) -> None:
        from accounts.access import access_signed_in
        from accounts.links import register as register_link
        from cms.sections import register as register_section
        from core import schedule
        from projects.dashboard.registry import register as register_figure

        from . import access
        from .dashboard import people_trained_figure
        from .sections import open_camps_section

        schedule.register("cohorts-expire-offers", "cohorts.tasks.expire_offers", 60.0)
        schedule.register("cohorts-warn-attendance", "cohorts.tasks.warn_attendance", schedule.daily(hour=9))
        schedule.register("cohorts-remind-outcomes", "cohorts.tasks.remind_outcomes", schedule.daily(hour=10))
        schedule.register("cohorts-warn-hours", "cohorts.tasks.warn_hours", schedule.daily(hour=10, minute=30))

        register_section("training-open-camps", "cohorts/home_section.html", open_camps_section, order=60)
        register_figure(people_trained_figure())

        register_link(_("My training"), "cohorts:mine", access_signed_in, order=40)
        register_link(_("Continuing-education hours"), "cohorts:hours", access.access_training_trainee_role, order=41)
        register_link(_("My mentees"), "cohorts:mentoring", access.access_training_mentor, order=42)
        register_link(
            _("Camp applications to review"), "cohorts:review_queue", access.access_training_reviewer, order=43
        )
        register_link(_("Run the camps"), "cohorts:manage_index", access.access_training_operator, order=44)
