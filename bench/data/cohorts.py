"""Benchmark data for training: cohorts with sessions, trainees, attendance and certificates,
plus one running cohort with a session open now and 200 trainees for the QR check-in burst.

Additive: called again with a larger size it adds the cohorts that are missing.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction

from core import pagecache

BURST_TITLE = "基准 · 扫码签到期次"
BURST_SESSION = "基准 · 扫码签到课"
BURST_TRAINEES = 200
TRAINEES_PER_COHORT = 30
SESSIONS_PER_COHORT = 10


def cohort_count(size: int) -> int:
    return min(5 + size // 2000, 60)


def _users(prefix: str, count: int, password: str):
    from accounts.models import Role, RoleKind, User

    names = [f"{prefix}-{i:04d}@bench.invalid" for i in range(count)]
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    User.objects.bulk_create(
        [
            User(username=n, email=n, full_name=f"学员{n[-18:-14]}", password=password)
            for n in names
            if n not in existing
        ]
    )
    users = list(User.objects.filter(username__in=names).order_by("username"))
    Role.objects.bulk_create([Role(user=u, kind=RoleKind.TRAINEE) for u in users], ignore_conflicts=True)
    return users


def _cohort(title, program, status, starts, users, rng, now, *, sessions=SESSIONS_PER_COHORT, past=True):
    from training.cohorts.models import (
        Attendance,
        AttendanceSource,
        Cohort,
        TraineeApplication,
        TrainingSession,
    )

    cohort = Cohort.objects.create(
        title=title,
        program=program,
        status=status,
        capacity=max(len(users), 30),
        starts_on=starts.date(),
        ends_on=(starts + datetime.timedelta(days=70)).date(),
        location="南岸区社会组织孵化基地",
        require_assignments=False,
        require_capstone=False,
    )
    TraineeApplication.objects.bulk_create(
        [
            TraineeApplication(
                cohort=cohort,
                applicant=u,
                status="enrolled",
                background="community_worker",
                submitted_at=starts,
                decided_at=starts,
                responded_at=starts,
            )
            for u in users
        ]
    )
    rows = [
        TrainingSession(
            cohort=cohort,
            title=f"第{i + 1}课",
            starts_at=starts + datetime.timedelta(days=7 * i),
            ends_at=starts + datetime.timedelta(days=7 * i, hours=3),
            place="孵化基地",
        )
        for i in range(sessions)
    ]
    TrainingSession.objects.bulk_create(rows)
    if past:
        held = [s for s in cohort.sessions.all() if s.ends_at < now]
        Attendance.objects.bulk_create(
            [
                Attendance(
                    session=s,
                    trainee=u,
                    status=rng.choices(["present", "late", "excused", "absent"], [80, 8, 6, 6])[0],
                    source=AttendanceSource.TRAINER,
                    marked_at=s.starts_at,
                )
                for s in held
                for u in users
            ]
        )
    return cohort


def generate(*, size: int, rng, stdout) -> None:
    from core.clock import now
    from training.cohorts.models import Certificate, Cohort, ProgramKind, TrainingSession

    moment = now()
    password = make_password("Bench-Trainee-2026")
    programs = [ProgramKind.SOCIAL_INNOVATION, ProgramKind.YOUTH_INNOVATION]
    with transaction.atomic():
        if not Cohort.objects.filter(title=BURST_TITLE).exists():
            users = _users("bench-burst", BURST_TRAINEES, password)
            cohort = _cohort(
                BURST_TITLE,
                ProgramKind.YOUTH_INNOVATION,
                "running",
                moment - datetime.timedelta(days=14),
                users,
                rng,
                moment,
                sessions=2,
            )
            TrainingSession.objects.create(
                cohort=cohort,
                title=BURST_SESSION,
                starts_at=moment - datetime.timedelta(minutes=5),
                ends_at=moment + datetime.timedelta(days=3),
                place="孵化基地报告厅",
            )
        made = 0
        for index in range(cohort_count(size)):
            title = f"基准期次 {index + 1:03d}"
            if Cohort.objects.filter(title=title).exists():
                continue
            completed = index % 3 == 0
            starts = moment - datetime.timedelta(days=(120 if completed else 30) + index)
            users = _users(f"bench-c{index:03d}", TRAINEES_PER_COHORT, password)
            cohort = _cohort(
                title, programs[index % 2], "completed" if completed else "running", starts, users, rng, moment
            )
            if completed:
                Certificate.objects.bulk_create(
                    [
                        Certificate(
                            cohort=cohort,
                            trainee=u,
                            serial=f"BX-{index:03d}-{n:04d}",
                            verification_code=f"bench{index:03d}{n:04d}{rng.getrandbits(48):012x}",
                            holder_name=u.full_name,
                            hours=30,
                            issued_on=starts.date() + datetime.timedelta(days=75),
                        )
                        for n, u in enumerate(users)
                    ]
                )
            made += 1
    pagecache.invalidate_on_commit()
    stdout.write(f"    training: {made} cohorts added ({Cohort.objects.count()} in all)")
