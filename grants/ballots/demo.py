"""Demo ballots: the parking plan that passed with 96% (closed) and an open choice of projects.

Runs after the kernel demo (households, the demo worker and resident exist). Idempotent:
a ballot whose title exists is left alone.
"""

import datetime

from accounts.models import User
from core.clock import now
from core.demo_accounts import ACCOUNTS
from grants.ideas.models import Idea
from places.models import Community, Household
from places.services import household_verify

from . import services
from .casting import ballot_cast, ballot_cast_assisted
from .models import Ballot

PARKING_TITLE = "小区停车方案表决（一户一票）"
PARKING_QUESTION = (
    "是否同意小区停车管理方案：在小区内划设70个停车位，实行登记停放，"
    "停车费每车每年220元，收支由业委会管理、监委会监督并按月公示？"
)
PROJECTS_TITLE = "2026年社区微项目选择（一户一票）"
PROJECTS_OPTIONS = ["楼道照明改造", "小区休闲座椅", "老年助餐点"]


def _login(kind: str) -> User | None:
    login = next((row[0] for row in ACCOUNTS if row[2] == kind), None)
    return User.objects.filter(username=login).first()


def seed(*, stdout) -> None:
    worker = _login("community_worker")
    resident = _login("resident")
    community = Community.objects.order_by("id").first()
    if worker is None or community is None:
        stdout.write("    no demo worker or community; ballots skipped")
        return
    for household in Household.objects.filter(community=community, verified_at__isnull=True):
        household_verify(actor=worker, household=household)
    if not Ballot.objects.filter(title=PARKING_TITLE).exists():
        _parking_plan(worker, resident, community)
    if not Ballot.objects.filter(title=PROJECTS_TITLE).exists():
        _projects_choice(worker, community)
    stdout.write(f"    {Ballot.objects.count()} ballots")


def _parking_plan(worker, resident, community) -> None:
    """40 households on the roll, 25 vote, 24 in favour: 96% of the votes, passed."""
    moment = now()
    ballot = services.ballot_create(
        actor=worker,
        title=PARKING_TITLE,
        question=PARKING_QUESTION,
        community=community,
        opens_at=moment - datetime.timedelta(days=30),
        closes_at=moment + datetime.timedelta(hours=1),
        rule="heads",
        min_turnout_pct=50,
        min_favour_pct=50,
    )
    ballot = services.ballot_open(actor=worker, ballot=ballot)
    yes, no = ballot.options.get(meaning="yes"), ballot.options.get(meaning="no")
    households = list(ballot.electors.order_by("household_id").values_list("household_id", flat=True))
    voted = 0
    resident_household = getattr(getattr(resident, "household_membership", None), "household_id", None)
    if resident_household in households:
        ballot_cast(user=resident, ballot_id=ballot.pk, option_id=yes.pk)
        households.remove(resident_household)
        voted = 1
    for index, household_id in enumerate(households[: 25 - voted]):
        choice = no if index == 0 else yes
        ballot_cast_assisted(
            actor=worker,
            ballot_id=ballot.pk,
            household_id=household_id,
            option_id=choice.pk,
            channel="paper",
            paper_reference=f"停车-{index + 1:03d}",
        )
    # The vote ran last month; move its period there and publish the result.
    Ballot.objects.filter(pk=ballot.pk).update(
        opens_at=moment - datetime.timedelta(days=30), closes_at=moment - datetime.timedelta(days=16)
    )
    services.ballot_close(actor=worker, ballot=ballot)


def _projects_choice(worker, community) -> None:
    moment = now()
    ideas = list(Idea.objects.filter(community=community).exclude(status="draft").order_by("id")[:3])
    ballot = services.ballot_create(
        actor=worker,
        title=PROJECTS_TITLE,
        community=community,
        kind="choice",
        question="社区今年有一笔微项目资金，请每户选择最希望先做的一件小事。得票最多且超过半数的项目优先实施。",
        opens_at=moment - datetime.timedelta(days=2),
        closes_at=moment + datetime.timedelta(days=12),
        hide_results=False,
        allow_change=True,
        ideas=ideas if len(ideas) >= 2 else [],
        free_options=[] if len(ideas) >= 2 else PROJECTS_OPTIONS,
    )
    ballot = services.ballot_open(actor=worker, ballot=ballot)
    choices = list(ballot.options.filter(meaning="choice").order_by("position"))
    electors = ballot.electors.order_by("-household_id").values_list("household_id", flat=True)[:9]
    for index, household_id in enumerate(electors):
        ballot_cast_assisted(
            actor=worker,
            ballot_id=ballot.pk,
            household_id=household_id,
            option_id=choices[index % 2].pk,
            channel="spoken",
            assisted_name="",
        )
