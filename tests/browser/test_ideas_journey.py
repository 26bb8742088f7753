"""Phone journey: a resident signs in, submits an idea with a photo and sees it on the board;
a community worker triages it as 小事 (a community matter)."""

import io

from PIL import Image

from tests.browser.conftest import assert_fits
from tests.factories import PASSWORD, CommunityFactory, ResidentFactory, UserFactory, grant


def test_idea_journey(live_server, phone, shot, sign_in, tmp_path):
    from grants.ideas.models import Idea, IdeaStatus
    from tests.ideas.factories import make_call

    community = CommunityFactory(name="阳光社区")
    call = make_call(communities=[community])
    resident = ResidentFactory(full_name="王秀英")
    worker = UserFactory()
    grant(worker, "community_worker", community=community)
    photo = tmp_path / "stairs.png"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 200)).save(buffer, format="PNG")
    photo.write_bytes(buffer.getvalue())

    sign_in(phone, resident.username, PASSWORD)
    phone.goto(f"{live_server.url}/ideas/new/")
    phone.fill("input[name=title]", "楼道加装扶手")
    phone.fill("textarea[name=problem]", "老人上下楼不方便")
    phone.fill("textarea[name=solution]", "在楼道两侧加装扶手")
    phone.select_option("select[name=category]", "elderly")
    phone.select_option("select[name=community]", str(community.pk))
    phone.fill("input[name=estimated_cost]", "3000")
    phone.set_input_files("input[name=photos]", str(photo))
    assert_fits(phone)
    shot(phone, "1-new-idea")
    phone.click("button[name=action][value=submit]")
    phone.wait_for_selector("#idea-status")
    assert phone.locator(".idea-photos img").count() == 1
    idea = Idea.objects.get(title="楼道加装扶手")
    assert idea.status == IdeaStatus.SUBMITTED

    phone.goto(f"{live_server.url}/ideas/call/{call.pk}/")
    assert phone.locator("a", has_text="楼道加装扶手").count() == 1
    assert_fits(phone)
    shot(phone, "2-board")

    phone.context.clear_cookies()
    sign_in(phone, worker.username, PASSWORD)
    phone.goto(f"{live_server.url}/ideas/queue/")
    phone.click("a:has-text('楼道加装扶手')")
    phone.check("input[name=decision][value=small]")
    phone.fill("input[name=responsible]", "李社工")
    phone.fill("input[name=supervisor]", "张书记")
    phone.fill("textarea[name=reason]", "社区可自行解决")
    assert_fits(phone)
    shot(phone, "3-triage")
    phone.click("form.card button[type=submit]")
    phone.wait_for_selector("#outcome")
    shot(phone, "4-small")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SMALL and idea.triaged_by == worker
