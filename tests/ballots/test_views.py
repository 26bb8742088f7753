"""HTTP first: the public pages, the voting page and its refusals, receipts, notice and exports."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse

from grants.ballots import services
from grants.ballots.models import Vote
from tests.conftest import signed_in_client
from tests.factories import BuildingFactory, ResidentFactory

from .conftest import expire, option, voters_of

pytestmark = pytest.mark.django_db


def vote_url(ballot):
    return reverse("ballots:vote", args=[ballot.pk])


@pytest.fixture
def closed_ballot(make_ballot, make_households):
    households = make_households(5)
    ballot = make_ballot()
    for household, meaning in zip(households, ["yes", "yes", "yes", "no"], strict=False):
        signed_in_client(voters_of(household)[0]).post(vote_url(ballot), {"option": option(ballot, meaning).pk})
    return services.ballot_close(actor=None, ballot=expire(ballot))


def test_public_list_and_detail_are_cacheable_for_anonymous(make_ballot, make_households, client):
    make_households(2)
    ballot = make_ballot()
    draft = make_ballot(open=False, title="草稿表决")
    listing = client.get(reverse("ballots:list"))
    assert listing.status_code == 200 and ballot.title in listing.text and "草稿表决" not in listing.text
    first = client.get(reverse("ballots:detail", args=[ballot.pk]))
    second = client.get(reverse("ballots:detail", args=[ballot.pk]))
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in first.text
    assert client.get(reverse("ballots:detail", args=[draft.pk])).status_code == 404


def test_resident_votes_and_sees_a_receipt(make_ballot, make_households):
    household = make_households(1)[0]
    ballot = make_ballot()
    client = signed_in_client(voters_of(household)[0])
    page = client.get(vote_url(ballot))
    assert page.status_code == 200 and 'name="option"' in page.text
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    response = client.post(vote_url(ballot), {"option": option(ballot).pk})
    assert response.status_code == 302 and response["Location"].endswith("?done=1")
    page = client.get(response["Location"])
    assert Vote.objects.get().receipt_code in page.text
    assert 'name="option"' not in page.text  # no change allowed on this ballot


def test_second_attempt_gets_a_clear_409(make_ballot, make_households):
    household = make_households(1)[0]
    ballot = make_ballot()
    client = signed_in_client(voters_of(household)[0])
    client.post(vote_url(ballot), {"option": option(ballot).pk})
    again = client.post(vote_url(ballot), {"option": option(ballot, "no").pk})
    assert again.status_code == 409 and ("已经投过票" in again.text or "already voted" in again.text)
    assert Vote.objects.get().option.meaning == "yes"


@pytest.mark.parametrize("who", ["non_member", "outsider"])
def test_ineligible_voters_get_403_and_nothing_is_saved(make_ballot, make_households, who):
    make_households(1)
    ballot = make_ballot()
    user = (
        ResidentFactory() if who == "non_member" else voters_of(make_households(1, in_building=BuildingFactory())[0])[0]
    )
    client = signed_in_client(user)
    assert client.get(vote_url(ballot)).status_code == 200  # explains, without a form
    response = client.post(vote_url(ballot), {"option": option(ballot).pk})
    assert response.status_code == 403 and 'role="alert"' in response.text
    assert not Vote.objects.exists()


def test_vote_after_close_bad_option_and_unknown_ballot(make_ballot, make_households):
    household = make_households(1)[0]
    ballot = make_ballot()
    client = signed_in_client(voters_of(household)[0])
    assert client.post(vote_url(ballot), {"option": "<script>"}).status_code == 400
    assert client.post(reverse("ballots:vote", args=[987654]), {"option": 1}).status_code == 404
    draft = make_ballot(open=False)
    assert client.post(vote_url(draft), {"option": option(draft).pk}).status_code == 404
    expire(ballot)
    assert client.post(vote_url(ballot), {"option": option(ballot).pk}).status_code == 409
    assert not Vote.objects.exists()


def test_anonymous_vote_goes_to_sign_in(make_ballot, make_households, client):
    make_households(1)
    ballot = make_ballot()
    response = client.post(vote_url(ballot), {"option": option(ballot).pk})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_live_results_only_when_allowed(make_ballot, make_households, client):
    household = make_households(1)[0]
    hidden, live = make_ballot(), make_ballot(hide_results=False, title="公开计票")
    for ballot in (hidden, live):
        signed_in_client(voters_of(household)[0]).post(vote_url(ballot), {"option": option(ballot).pk})
    assert 'id="results"' not in client.get(reverse("ballots:detail", args=[hidden.pk])).text
    assert 'id="results"' in client.get(reverse("ballots:detail", args=[live.pk])).text
    assert client.get(reverse("ballots:tally_export", args=[hidden.pk, "csv"])).status_code == 404
    assert client.get(reverse("ballots:tally_export", args=[live.pk, "csv"])).status_code == 200


def test_receipts_are_published_after_close(closed_ballot, client):
    codes = list(Vote.objects.values_list("receipt_code", flat=True))
    page = client.get(reverse("ballots:receipts", args=[closed_ballot.pk]))
    assert all(code in page.text for code in codes) and len(codes) == 4
    assert "同意" not in page.text.split("receipt-list")[-1]  # codes only, no choices
    found = client.get(reverse("ballots:receipts", args=[closed_ballot.pk]), {"code": codes[0].lower()})
    assert "badge ok" in found.text
    missing = client.get(reverse("ballots:receipts", args=[closed_ballot.pk]), {"code": "AAAA-BBBB-CCCC"})
    assert "badge warn" in missing.text


def test_receipts_not_listed_while_open(make_ballot, make_households, client):
    household = make_households(1)[0]
    ballot = make_ballot()
    signed_in_client(voters_of(household)[0]).post(vote_url(ballot), {"option": option(ballot).pk})
    page = client.get(reverse("ballots:receipts", args=[ballot.pk]))
    assert page.status_code == 200 and Vote.objects.get().receipt_code not in page.text


def test_notice_pdf_has_chinese_text(closed_ballot, client, tmp_path):
    assert client.get(reverse("ballots:notice_pdf", args=[closed_ballot.pk + 1000])).status_code == 404
    response = client.get(reverse("ballots:notice_pdf", args=[closed_ballot.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    path = tmp_path / "notice.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "停车方案表决" in text and "公示" in text
    assert Vote.objects.first().receipt_code in text


def test_notice_pdf_only_after_close(make_ballot, make_households, client):
    make_households(1)
    ballot = make_ballot()
    assert client.get(reverse("ballots:notice_pdf", args=[ballot.pk])).status_code == 404


def test_csv_and_xlsx_tally_are_anonymous(closed_ballot, client):
    csv_response = client.get(reverse("ballots:tally_export", args=[closed_ballot.pk, "csv"]))
    text = csv_response.content.decode("utf-8-sig")
    assert "停车方案表决" in text and ",3," in text and ",1," in text
    assert not any(code in text for code in Vote.objects.values_list("receipt_code", flat=True))
    xlsx = client.get(reverse("ballots:tally_export", args=[closed_ballot.pk, "xlsx"]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "停车方案表决" in values and 3 in values


def test_list_query_count_does_not_grow(make_ballot, make_households, client, django_assert_max_num_queries):
    make_households(1)
    for i in range(3):
        make_ballot(title=f"表决{i}")
    with django_assert_max_num_queries(8) as small:
        client.get(reverse("ballots:list"), {"page": 1, "x": 1})
    for i in range(25):
        make_ballot(title=f"更多{i}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("ballots:list"), {"page": 1, "x": 2})


def test_cast_path_is_lean(make_ballot, make_households, django_assert_max_num_queries):
    household = make_households(1)[0]
    ballot = make_ballot()
    client = signed_in_client(voters_of(household)[0])
    yes = option(ballot).pk
    with django_assert_max_num_queries(14):
        assert client.post(vote_url(ballot), {"option": yes}).status_code == 302
