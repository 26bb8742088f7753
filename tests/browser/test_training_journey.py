"""A trainee's whole journey on a 360 px phone: apply, be accepted, check in by QR, submit the
capstone, receive the certificate, verify it on the public page."""

import datetime

import pytest

from core.clock import now
from tests.browser.conftest import assert_fits
from tests.factories import PASSWORD, UserFactory, grant


@pytest.mark.django_db(transaction=True)
def test_trainee_journey(live_server, phone, desktop, shot, sign_in):
    from tests.cohorts.factories import CohortFactory
    from training.cohorts import services
    from training.cohorts.models import ApplicationStatus, CohortQuestion, TraineeApplication, TrainingSession

    cohort = CohortFactory(title="社创营 浏览器测试班", capacity=10, require_assignments=False)
    CohortQuestion.objects.create(
        cohort=cohort, prompt="你所在社区最想解决的一件小事是什么？", kind="long_text", required=True
    )
    operator = grant(UserFactory(full_name="孙运营"), "centre_operator")
    trainer = grant(UserFactory(full_name="郑导师"), "mentor")
    trainee = UserFactory(full_name="吴学员")

    # 1. Apply.
    sign_in(phone, trainee.username, PASSWORD)
    phone.goto(f"{live_server.url}/training/c/{cohort.pk}/")
    assert_fits(phone)
    phone.click("a.button[href$='/apply/']")
    phone.select_option("select[name=background]", "community_worker")
    phone.fill("textarea", "楼道堆物与消防通道")
    shot(phone, "1-apply")
    assert_fits(phone)
    phone.click("button[name=submit]")
    phone.wait_for_selector("[data-status=submitted]")
    application = TraineeApplication.objects.get(cohort=cohort, applicant=trainee)

    # 2. Be accepted: the operator offers a place; the trainee accepts it.
    services.cohort_transition(actor=operator, cohort=cohort, target="selection")
    services.applications_decide(actor=operator, cohort=cohort, application_ids=[application.pk], decision="offer")
    phone.goto(f"{live_server.url}/training/applications/{application.pk}/")
    phone.wait_for_selector("[data-status=offered]")
    shot(phone, "2-offer")
    assert_fits(phone)
    phone.click("input[value=accept] + button")
    phone.wait_for_load_state("networkidle")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ENROLLED

    # 3. Check in by QR: the trainer shows the code; the phone opens the URL it encodes.
    services.cohort_transition(actor=operator, cohort=cohort, target="running")
    session = TrainingSession.objects.create(
        cohort=cohort,
        title="社区需求调研方法",
        trainer=trainer,
        place="孵化基地",
        starts_at=now() - datetime.timedelta(minutes=5),
        ends_at=now() + datetime.timedelta(hours=2),
    )
    sign_in(desktop, trainer.username, PASSWORD)
    desktop.goto(f"{live_server.url}/training/s/{session.pk}/qr/")
    checkin_url = desktop.get_attribute("img[data-checkin-url]", "data-checkin-url")
    shot(desktop, "3-qr-screen")
    assert checkin_url.startswith(live_server.url) and f"/checkin/{session.pk}/" in checkin_url
    phone.goto(checkin_url)
    shot(phone, "3-checkin")
    assert_fits(phone)
    phone.click("#confirm-checkin")
    phone.wait_for_load_state("networkidle")
    assert session.attendance.get(trainee=trainee).status == "present"

    # 4. Submit the capstone.
    phone.goto(f"{live_server.url}/training/c/{cohort.pk}/capstone/")
    phone.fill("input[name=title]", "楼道微更新")
    phone.fill("textarea[name=problem]", "老旧楼道堆物、照明不足")
    phone.fill("textarea[name=plan]", "议事会协商，志愿者认领楼道，三个月完成 12 栋")
    phone.fill("input[name=budget_yuan]", "30000")
    shot(phone, "4-capstone")
    assert_fits(phone)
    phone.click("button[name=submit]")
    phone.wait_for_selector("[data-status=submitted]")

    # 5. Receive the certificate once the capstone is accepted and attendance counts.
    capstone = cohort.capstones.get(trainee=trainee)
    services.capstone_decide(actor=operator, capstone=capstone, accept=True, note="方案可行")
    TrainingSession.objects.filter(pk=session.pk).update(ends_at=now() - datetime.timedelta(minutes=1))
    certificate = services.certificate_issue(actor=operator, cohort=cohort, trainee=trainee)
    phone.goto(f"{live_server.url}/training/mine/")
    shot(phone, "5-certificate")
    assert_fits(phone)
    pdf = phone.request.get(f"{live_server.url}/training/certificates/{certificate.verification_code}/pdf/")
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    # 6. Verify it on the public page (as anyone would, from the QR on the paper).
    phone.click(f"a[href$='/verify/{certificate.verification_code}/']")
    phone.wait_for_selector("[data-status=valid]")
    shot(phone, "6-verify")
    assert_fits(phone)
