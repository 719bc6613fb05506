"""The letters archive and the staff review, as people use them in the browser."""

import re
from datetime import date, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from correspondence import letters, review
from correspondence.models import Letter, ProposedMeeting
from meetings.models import CoFacilitator, Deadline, Meeting
from meetings.timing import new_york_datetime
from tests.conftest import sign_in_with_second_factor
from tests.factories import LetterFactory, MeetingFactory, ProcessFactory, SessionFactory

from .conftest import LETTER_2008, LETTER_2017, pdf_of, scanned_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def trafficking():
    process = ProcessFactory(session=SessionFactory(number=71), title="Trafficking declaration")
    CoFacilitator.objects.create(process=process, state="Belgium")
    CoFacilitator.objects.create(process=process, state="Qatar")
    return process


def upload(client, name: str, data: bytes, **fields):
    return client.post(
        reverse("correspondence:letter-upload"),
        {"original": SimpleUploadedFile(name, data), **fields},
    )


def post(client, name: str, *args, **data):
    return client.post(reverse(f"correspondence:{name}", args=args), data)


# --- Done means: either seed letter, a few clicks, its meetings in the schedule --------


def test_staff_upload_the_2017_letter_and_put_its_meetings_in_the_schedule(
    staff_client, trafficking
):
    # 1. Upload: gasched reads the letter and shows what it proposes, beside the sentences.
    response = upload(staff_client, "letter.txt", LETTER_2017.read_bytes())
    letter = Letter.objects.get(enclosed_in__isnull=True)
    assert response.url == reverse("correspondence:letter-review", args=[letter.pk])
    page = staff_client.get(response.url).content.decode()
    assert "On Thursday, 29 June (10:00 am ECOSOC Chamber), we will hold" in page
    assert "A third informal will be held on Thursday, 6 July (10:00 am CR3)." in page
    assert "zero draft political declaration" in page

    # 2. Accept all.
    response = post(staff_client, "letter-accept-all", letter.pk)
    assert response.status_code == 302

    # 3. Publish.
    post(staff_client, "letter-publish", letter.pk)

    assert Meeting.objects.filter(process=trafficking).count() == 5
    assert Deadline.objects.get().due_date == date(2017, 6, 23)
    second = Meeting.objects.get(start=new_york_datetime(date(2017, 6, 29), time(10)))
    assert second.room.name == "ECOSOC Chamber"
    # The meeting page names the letter; the letter page names the meeting.
    meeting_page = staff_client.get(second.get_absolute_url()).content.decode()
    assert "Co-facilitators, letter of 16 June 2017" in meeting_page
    assert reverse("correspondence:letter", args=[letter.pk]) in meeting_page
    letter_page = staff_client.get(letter.get_absolute_url()).content.decode()
    assert second.get_absolute_url() in letter_page


def test_staff_upload_the_2008_letter_as_a_pdf_and_schedule_the_debate(staff_client):
    response = upload(staff_client, "kerim.pdf", pdf_of(LETTER_2008.read_text()))
    letter = Letter.objects.get()
    assert response.url == reverse("correspondence:letter-review", args=[letter.pk])
    post(staff_client, "letter-accept-all", letter.pk)
    debate = Meeting.objects.get()
    assert (debate.kind, debate.local_start.date(), debate.letters.get()) == (
        "thematic-debate",
        date(2008, 6, 3),
        letter,
    )


def accept_third_informal_as(client, **values):
    """Upload the 2017 letter and accept its 6 July meeting with the review form."""
    upload(client, "letter.txt", LETTER_2017.read_bytes())
    letter = Letter.objects.get(enclosed_in__isnull=True)
    proposal = ProposedMeeting.objects.get(date=date(2017, 7, 6))
    fields = {
        "title": "Third informal consultation on the declaration",
        "kind": "informal-consultation",
        "date": "2017-07-06",
        "timing": "exact",
        **values,
    }
    data = {f"m{proposal.pk}-{name}": value for name, value in fields.items()}
    response = post(client, "proposal-decide", letter.pk, proposal.pk, decision="accept", **data)
    return response, proposal


def test_a_proposal_corrected_in_review_goes_in_as_corrected(staff_client, trafficking):
    response, _ = accept_third_informal_as(
        staff_client, start_time="15:00", end_time="18:00", room="CR 5"
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.title, meeting.local_start.hour, meeting.local_end.hour, meeting.room.code) == (
        "Third informal consultation on the declaration",
        15,
        18,
        "CR5",
    )


def test_a_bad_correction_names_the_field_and_saves_nothing(staff_client, trafficking):
    response, proposal = accept_third_informal_as(
        staff_client, start_time="15:00", end_time="14:00", room="Conference Room 99"
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The meeting must end after it starts." in page
    assert "No room at UN Headquarters is called “Conference Room 99”." in page
    assert Meeting.objects.count() == 0
    assert ProposedMeeting.objects.get(pk=proposal.pk).is_open


def test_a_correction_to_a_date_no_session_covers_is_refused_on_the_date(staff_client, trafficking):
    SessionFactory(number=72, start_date=date(2017, 9, 19), end_date=date(2018, 9, 17))
    response, proposal = accept_third_informal_as(
        staff_client, date="2017-09-14", start_time="10:00"
    )
    assert response.status_code == 400
    (form,) = [p.form for p in response.context["proposed"] if p.pk == proposal.pk]
    assert form.errors["date"] == ["No General Assembly session covers 2017-09-14."]
    assert Meeting.objects.count() == 0


def test_rejecting_a_proposal_keeps_it_out_of_the_schedule(staff_client, trafficking):
    upload(staff_client, "letter.txt", LETTER_2017.read_bytes())
    letter = Letter.objects.get(enclosed_in__isnull=True)
    proposal = ProposedMeeting.objects.get(date=date(2017, 9, 27))
    post(staff_client, "proposal-decide", letter.pk, proposal.pk, decision="reject")
    post(staff_client, "letter-accept-all", letter.pk)
    assert not Meeting.objects.filter(start__date=date(2017, 9, 27)).exists()
    assert Meeting.objects.count() == 4


def test_uploading_the_same_file_twice_goes_back_to_the_same_letter(staff_client, trafficking):
    first = upload(staff_client, "letter.txt", LETTER_2017.read_bytes())
    post(staff_client, "letter-accept-all", Letter.objects.get(enclosed_in__isnull=True).pk)
    second = upload(staff_client, "copy.txt", LETTER_2017.read_bytes())
    assert first.url == second.url
    assert ProposedMeeting.objects.count() == 5
    assert not ProposedMeeting.objects.filter(state="proposed").exists()


def test_a_scanned_pdf_is_refused_on_the_file_field_and_nothing_is_saved(staff_client):
    response = upload(staff_client, "scan.pdf", scanned_pdf())
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "no text layer" in errors["original"][0]
    assert Letter.objects.count() == 0


def test_a_deadline_without_a_process_asks_for_one(staff_client):
    upload(staff_client, "letter.txt", LETTER_2017.read_bytes())  # no process exists
    letter = Letter.objects.get(enclosed_in__isnull=True)
    proposal = letter.enclosures.get().proposed_deadlines.get()
    response = post(staff_client, "deadline-decide", letter.pk, proposal.pk, decision="accept")
    assert response.status_code == 400
    assert "Choose the process of this letter first" in response.content.decode()
    process = ProcessFactory()
    post(staff_client, "letter-process", letter.pk, process=process.pk)
    post(staff_client, "deadline-decide", letter.pk, proposal.pk, decision="accept")
    assert Deadline.objects.get().process == process


# --- The archive ---------------------------------------------------------------------


def test_an_unpublished_letter_is_for_the_pga_office_only(client, viewer, trafficking):
    letter = letters.import_letter(LETTER_2017.read_bytes(), filename="l.txt").letter
    url = letter.get_absolute_url()
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("correspondence:letter-original", args=[letter.pk])).status_code == 404
    )
    assert "19 June 2017" not in client.get(reverse("correspondence:letters")).content.decode()
    client.force_login(viewer)
    assert client.get(url).status_code == 200
    assert "Under review" in client.get(reverse("correspondence:letters")).content.decode()


def test_the_meeting_page_lists_only_published_letters(
    client, trafficking, django_capture_on_commit_callbacks
):
    letter = letters.import_letter(LETTER_2017.read_bytes(), filename="l.txt").letter
    review.accept_all(letter, user=None)
    meeting = Meeting.objects.get(start=new_york_datetime(date(2017, 6, 29), time(10)))
    assert "letter of 16 June 2017" not in client.get(meeting.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the cached page is renewed
        drafts = review.draft_meetings(letter)
        review.publish_with_meetings(letter, {m.pk: m.revision for m in drafts})
    assert "letter of 16 June 2017" in client.get(meeting.get_absolute_url()).content.decode()


def test_the_archive_is_newest_first_and_per_process(client):
    process = ProcessFactory(slug="revitalization")
    LetterFactory(subject="Old", date=date(2020, 1, 5), process=process)
    LetterFactory(subject="New", date=date(2024, 3, 1), process=process)
    LetterFactory(subject="Elsewhere", date=date(2023, 3, 1))
    page = client.get(reverse("correspondence:letters")).content.decode()
    assert re.findall(r">(Old|New|Elsewhere)<", page) == ["New", "Elsewhere", "Old"]
    page = client.get(reverse("correspondence:letters"), {"process": "revitalization"})
    assert re.findall(r">(Old|New|Elsewhere)<", page.content.decode()) == ["New", "Old"]
    assert client.get(reverse("correspondence:letters"), {"process": "nope"}).status_code == 404


def test_search_finds_words_in_the_text_and_signatories(client):
    LetterFactory(subject="Water", body="A high-level meeting on water and sanitation.")
    LetterFactory(subject="Oceans", body="Plenary meetings on oceans.")
    signed = LetterFactory(subject="Signed", body="Excellency,")
    signed.signatories.create(name="Marc Pecsteen de Buytswerve", state="Belgium")

    def found(q):
        page = client.get(reverse("correspondence:letters"), {"q": q}).content.decode()
        return re.findall(r">(Water|Oceans|Signed)<", page)

    assert found("sanitation") == ["Water"]
    assert found("Pecsteen") == ["Signed"]
    assert found("nothing like this") == []


@pytest.mark.postgres
def test_search_on_postgresql_understands_word_forms(client):
    LetterFactory(subject="Negotiating", body="The intergovernmental negotiations will resume.")
    page = client.get(reverse("correspondence:letters"), {"q": "negotiation resume"})
    assert ">Negotiating<" in page.content.decode()


def test_enclosed_letters_are_found_through_the_letter_that_encloses_them(client):
    cover = LetterFactory(subject="Cover")
    LetterFactory(subject="", body="The co-facilitators propose a retreat.", enclosed_in=cover)
    page = client.get(reverse("correspondence:letters"), {"q": "retreat"}).content.decode()
    assert ">Cover<" in page


def test_the_original_downloads_as_uploaded(client, staff_client):
    data = pdf_of(LETTER_2008.read_text())
    upload(staff_client, "Kerim <script>.pdf", data)
    letter = Letter.objects.get()
    review.publish(letter)
    client.logout()
    response = client.get(reverse("correspondence:letter-original", args=[letter.pk]))
    assert response.content == data
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="letter-2008-03-19-{letter.pk}.pdf"'
    )


def test_what_a_letter_says_is_escaped(client):
    LetterFactory(subject="<script>alert(1)</script>", body="<img src=x onerror=alert(1)>")
    letter = Letter.objects.get()
    page = client.get(letter.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_letter_page_is_printable(client):
    letter = LetterFactory()
    page = client.get(letter.get_absolute_url()).content.decode()
    assert "data-print" in page


@pytest.mark.parametrize("n", [1, 30])
def test_archive_queries_do_not_grow(client, django_assert_num_queries, n):
    process = ProcessFactory()
    for k in range(n):
        cover = LetterFactory(process=process)
        cover.signatories.create(name=f"Signatory {k}")
        LetterFactory(enclosed_in=cover).signatories.create(name=f"Co-facilitator {k}")
    with django_assert_num_queries(5):
        response = client.get(reverse("correspondence:letters"))
    assert response.content.decode().count('class="letter-item"') == n


@pytest.mark.parametrize("n", [1, 12])
def test_review_page_queries_do_not_grow(client, editor, django_assert_num_queries, n):
    sign_in_with_second_factor(client, editor)
    body = " ".join(
        f"An informal consultation will be held on {day} March 2023 at 10 a.m. in CR {1 + day % 9}."
        for day in range(1, n + 1)
    )
    text = f"1 March 2023\n\nExcellency,\n\n{body}\n\nYours sincerely,\n\nJane Doe\n"
    letter = letters.import_letter(text.encode(), filename="l.txt").letter
    MeetingFactory(start=new_york_datetime(date(2023, 3, 1), time(10)))  # one existing match
    with django_assert_num_queries(13):
        response = client.get(reverse("correspondence:letter-review", args=[letter.pk]))
    assert response.content.decode().count('class="proposal ') == n


def test_an_unpublished_letter_is_not_named_on_a_published_one(client):
    earlier = LetterFactory(subject="Earlier letter", date=date(2017, 6, 12))
    letters.import_letter(LETTER_2017.read_bytes(), filename="l.txt")  # unpublished, refers to it
    page = client.get(earlier.get_absolute_url()).content.decode()
    assert "Followed by" not in page
    assert "19 June 2017" not in page


def test_signatories_are_one_phrase_with_their_names_isolated(client, viewer, trafficking):
    """On an Arabic page the signatory reads as one Arabic phrase around the names as the
    letter gives them, not "Permanent Representative لـ Belgium"."""
    letter = letters.import_letter(LETTER_2017.read_bytes(), filename="l.txt").letter
    letter.signatories.create(
        honorific="H.E. Mr.",
        name="Marc Pecsteen",
        title="Permanent Representative",
        state="Belgium",
    )
    client.force_login(viewer)
    client.cookies["django_language"] = "ar"
    try:
        page = client.get(letter.get_absolute_url()).content.decode()
    finally:
        translation.activate("en")  # the request left Arabic active in this thread
    assert "<bdi>H.E. Mr. Marc Pecsteen</bdi>, الممثل الدائم لـ<bdi>Belgium</bdi>" in page
    assert "Permanent Representative" not in page.split('class="signatories"')[1].split("</p>")[0]
