"""The review page shows the whole letter: every date marked with the proposal it became
or why none, a warning for dates not understood, and a proposal in one click."""

from datetime import date, time

import pytest
from django.test import Client
from django.urls import reverse

from correspondence import letters, mentions
from correspondence.models import Letter, ProposedMeeting
from tests.conftest import sign_in_with_second_factor

from .conftest import LETTER_2017

pytestmark = pytest.mark.django_db


def letter_of(body: str, dated: str = "1 March 2023") -> str:
    return f"{dated}\n\nExcellency,\n\n{body}\n\nYours sincerely,\n\nJane Doe\n"


def import_text(text: str) -> Letter:
    return letters.import_letter(text.encode(), filename="letter.txt").letter


def review(client, letter: Letter):
    return client.get(reverse("correspondence:letter-review", args=[letter.pk]))


def propose(client, letter: Letter, **data):
    return client.post(reverse("correspondence:mention-propose", args=[letter.pk]), data)


NOT_UNDERSTOOD = (
    "An informal consultation will be held on 9 March 2023 at 10 a.m. in Conference Room 4. "
    "Delegations met on Tuesday, 14 March 2023 at 3 p.m. in Conference Room 2 to continue."
)


def mark_of(letter: Letter, said: str) -> tuple[int, dict]:
    for index, mark in enumerate(letter.mentions):
        if letter.text_as_read[mark["start"] : mark["end"]] == said:
            return index, mark
    raise AssertionError(f"{said!r} is not marked")


# --- The whole letter, marked -----------------------------------------------------------


def test_every_date_is_marked_with_its_proposal_or_why_not(staff_client):
    letter = import_text(LETTER_2017.read_text())
    proposal = ProposedMeeting.objects.get(date=date(2017, 6, 29))

    page = review(staff_client, letter).content.decode()

    index, _ = mark_of(letter, "Thursday, 29 June")
    assert (
        f'<mark class="mention proposed" id="mention-{index}"><a href="#proposal-{proposal.pk}">'
        "Thursday, 29 June</a>" in page
    )
    assert f'id="proposal-{proposal.pk}"' in page  # the link's target is on the page
    assert mark_of(letter, "Thursday, 29 June")[1]["part"] == 1  # in the enclosed letter
    index, _ = mark_of(letter, "19 June 2017")  # the letter's own date
    assert '19 June 2017 <small class="why">[a letter\'s date]</small>' in page.replace(
        "&#x27;", "'"
    )


def test_a_date_not_understood_is_marked_and_warned_of(staff_client):
    letter = import_text(letter_of(NOT_UNDERSTOOD))

    page = review(staff_client, letter).content.decode()

    assert letter.dates_not_understood == 1
    assert "gasched did not understand 1 date in this letter." in page
    assert page.index("gasched did not understand") < page.index("<h2")  # at the top
    index, _ = mark_of(letter, "Tuesday, 14 March 2023")
    assert f'<li><a href="#mention-{index}">Tuesday, 14 March 2023</a></li>' in page
    assert (
        f'<mark class="mention not-proposed not-understood" id="mention-{index}">'
        '<span class="visually-hidden">date: </span>Tuesday, 14 March 2023 '
        '<small class="why">[not understood]</small></mark>'
        f'<button type="submit" name="mention" value="{index}"' in page
    )


def test_the_room_and_hours_said_once_above_a_list_are_marked_as_its_meetings(staff_client):
    letter = import_text(
        letter_of(
            "The informal consultations will be held in Conference Room 4, from 10 a.m. to "
            "1 p.m., on the following dates:\n\n- Monday, 6 March 2023\n- Monday, 13 March 2023"
        )
    )
    first = ProposedMeeting.objects.get(date=date(2023, 3, 6))

    page = review(staff_client, letter).content.decode()

    assert "[not understood]" not in page
    for said in ("Conference Room 4", "from 10 a.m. to 1 p.m."):
        index, mark = mark_of(letter, said)
        assert mark["meeting"] == first.pk
        assert f'id="mention-{index}"><a href="#proposal-{first.pk}">' in page


def test_a_letter_whose_dates_are_all_understood_has_no_warning(staff_client):
    letter = import_text(letter_of(NOT_UNDERSTOOD.split(" Delegations")[0]))
    assert "did not understand" not in review(staff_client, letter).content.decode()


def test_the_letters_list_marks_a_letter_with_a_date_not_understood(client, staff_client):
    letter = import_text(letter_of(NOT_UNDERSTOOD))
    import_text(letter_of(NOT_UNDERSTOOD.split(" Delegations")[0], dated="2 March 2023"))
    letter.is_published = True
    letter.save()

    staff = staff_client.get(reverse("correspondence:letters")).content.decode()
    public = Client().get(reverse("correspondence:letters")).content.decode()

    assert staff.count("1 date not understood") == 1
    assert "not understood" not in public  # the office's own concern


def test_the_reasons_are_translated(staff_client):
    letter = import_text(letter_of(NOT_UNDERSTOOD))
    staff_client.cookies["django_language"] = "fr"
    page = staff_client.get(
        reverse("correspondence:letter-review", args=[letter.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "[not understood]" not in page
    assert "[non compris]" in page


def test_the_start_of_a_term_of_office_says_so(staff_client):
    letter = import_text(
        letter_of("The members elected will serve for a term of office beginning on 1 January.")
    )
    page = staff_client.get(reverse("correspondence:letter-review", args=[letter.pk]))
    assert "[the start of a term of office]" in page.content.decode()


def test_a_meeting_long_past_says_so(staff_client):
    letter = import_text(letter_of("I recall the high-level meeting of 20 September 2015."))
    page = staff_client.get(reverse("correspondence:letter-review", args=[letter.pk]))
    assert "[an event long past]" in page.content.decode()


def test_the_letter_text_is_escaped_and_loses_its_direction_controls(staff_client):
    body = (
        "<script>alert(1)</script> An informal consultation will be held on 9 March 2023 "
        "at 10 a.m. in \u202eConference Room 4\u202c. <img src=x onerror=alert(2)>"
    )
    letter = import_text(letter_of(body))

    page = review(staff_client, letter).content.decode()

    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "\u202e" not in page
    assert "\u202c" not in page


@pytest.mark.parametrize("n", [1, 12])
def test_the_marked_text_costs_no_queries_of_its_own(staff_client, django_assert_num_queries, n):
    body = " ".join(
        f"An informal consultation will be held on {day} March 2023 at 10 a.m. in CR 4. "
        f"Delegations met on {day} April 2023."
        for day in range(1, n + 1)
    )
    letter = import_text(letter_of(body))
    with django_assert_num_queries(13):
        page = review(staff_client, letter).content.decode()
    assert page.count('class="mention proposed"') == 3 * n  # its date, time and room
    assert page.count("[not understood]") == n


@pytest.mark.parametrize("n", [1, 12])
def test_the_letters_list_with_warnings_costs_the_same_queries(
    staff_client, django_assert_num_queries, n
):
    for day in range(1, n + 1):
        import_text(letter_of(NOT_UNDERSTOOD, dated=f"{day} March 2023"))
    with django_assert_num_queries(9):
        page = staff_client.get(reverse("correspondence:letters")).content.decode()
    assert page.count("1 date not understood") == n


# --- A proposal in one click --------------------------------------------------------------


def test_one_click_makes_a_proposal_from_the_sentence_and_opens_it(staff_client):
    letter = import_text(letter_of(NOT_UNDERSTOOD))
    index, _ = mark_of(letter, "Tuesday, 14 March 2023")

    response = propose(staff_client, letter, mention=index)

    made = ProposedMeeting.objects.get(date=date(2023, 3, 14))
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("correspondence:letter-review", args=[letter.pk]) + f"#proposal-{made.pk}"
    )
    assert (made.start, made.room.code, made.kind, made.letter) == (
        time(15),
        "CR2",
        "other",
        letter,
    )
    assert made.source.startswith("Delegations met on Tuesday, 14 March 2023")
    letter.refresh_from_db()
    assert letter.dates_not_understood == 0
    page = review(staff_client, letter).content.decode()
    assert "did not understand" not in page
    assert f'<a href="#proposal-{made.pk}">Tuesday, 14 March 2023</a>' in page
    assert f'name="m{made.pk}-date" value="2023-03-14"' in page  # its form, to check it


def test_a_second_click_gives_the_same_proposal(staff_client):
    letter = import_text(letter_of(NOT_UNDERSTOOD))
    index, _ = mark_of(letter, "Tuesday, 14 March 2023")
    propose(staff_client, letter, mention=index)
    propose(staff_client, letter, mention=index)
    assert ProposedMeeting.objects.filter(date=date(2023, 3, 14)).count() == 1


def test_a_year_not_given_is_the_letters(staff_client):
    letter = import_text(letter_of("Delegations met on 14 June to continue."))
    index, _ = mark_of(letter, "14 June")
    propose(staff_client, letter, mention=index)
    assert ProposedMeeting.objects.get().date == date(2023, 6, 14)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({}, "Choose a date in the letter"),
        ({"mention": "x"}, "Choose a date in the letter"),
        ({"mention": "99"}, "There is no such date in this letter"),
        ({"mention": "-1"}, "There is no such date in this letter"),
    ],
)
def test_bad_input_is_a_400_with_the_reason(staff_client, data, reason):
    letter = import_text(letter_of(NOT_UNDERSTOOD))
    response = propose(staff_client, letter, **data)
    assert response.status_code == 400
    assert reason in response.content.decode().replace("&#x27;", "'")
    assert ProposedMeeting.objects.filter(date=date(2023, 3, 14)).exists() is False


def test_a_date_that_cannot_be_told_is_a_400(staff_client):
    letter = import_text("Excellency,\n\nDelegations met on 14 June to continue.\n")
    index, _ = mark_of(letter, "14 June")
    response = propose(staff_client, letter, mention=index)
    assert response.status_code == 400
    assert "cannot tell which day" in response.content.decode()
    assert ProposedMeeting.objects.count() == 0


def test_only_the_office_editors_make_proposals(client, viewer, mission_user):
    letter = import_text(letter_of(NOT_UNDERSTOOD))
    index, _ = mark_of(letter, "Tuesday, 14 March 2023")
    assert propose(client, letter, mention=index).status_code == 302  # to sign in
    for user in (viewer, mission_user):
        sign_in_with_second_factor(client, user)
        assert propose(client, letter, mention=index).status_code == 403
    assert ProposedMeeting.objects.filter(date=date(2023, 3, 14)).exists() is False


def test_a_click_without_the_csrf_token_is_refused(editor):
    letter = import_text(letter_of(NOT_UNDERSTOOD))
    index, _ = mark_of(letter, "Tuesday, 14 March 2023")
    client = sign_in_with_second_factor(Client(enforce_csrf_checks=True), editor)
    assert propose(client, letter, mention=index).status_code == 403
    page = review(client, letter).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = propose(client, letter, mention=index, csrfmiddlewaretoken=token)
    assert response.status_code == 302


# --- The sentence of a date ---------------------------------------------------------------


def test_the_sentence_around_a_date_keeps_abbreviations_whole():
    text = (
        "H.E. Mr. Smith wrote. The briefing is at 10 a.m. in CR 4 on\n3 May 2023,  as "
        "agreed. Next sentence here.\n\nOther paragraph."
    )
    start = text.index("3 May")
    assert mentions.sentence_around(text, start, start + 10) == (
        "The briefing is at 10 a.m. in CR 4 on 3 May 2023, as agreed."
    )


def test_hundreds_of_proposals_come_a_hundred_a_page_and_the_text_links_to_their_page(
    staff_client, django_assert_num_queries
):
    months = ("May", "June", "July", "August")
    body = " ".join(
        f"An informal consultation will be held on {k % 28 + 1} {months[k // 28]} 2023 "
        "at 10 a.m. in CR 4."
        for k in range(102)
    )
    letter = import_text(
        letter_of(f"{body}\n\nDelegations{NOT_UNDERSTOOD.split(' Delegations')[1]}")
    )
    last = ProposedMeeting.objects.order_by("order").last()

    first_page = review(staff_client, letter).content.decode()
    with django_assert_num_queries(13):
        second_page = staff_client.get(
            reverse("correspondence:letter-review", args=[letter.pk]) + "?page=2"
        ).content.decode()

    assert first_page.count('class="proposal ') == 100
    assert second_page.count('class="proposal ') == 2
    assert f'<a href="?page=2#proposal-{last.pk}">' in first_page
    assert f'<a href="#proposal-{last.pk}">' in second_page
    index, _ = mark_of(letter, "Tuesday, 14 March 2023")
    response = propose(staff_client, letter, mention=index)
    made = ProposedMeeting.objects.get(date=date(2023, 3, 14))
    assert response["Location"].endswith(f"/review/?page=2#proposal-{made.pk}")


def test_the_same_file_again_reads_the_marks_afresh(staff_client):
    text = letter_of(NOT_UNDERSTOOD)
    letter = import_text(text)
    index, _ = mark_of(letter, "Tuesday, 14 March 2023")
    propose(staff_client, letter, mention=index)  # still open: read again, it goes

    again = import_text(text)

    assert again.pk == letter.pk
    assert again.dates_not_understood == 1
    assert ProposedMeeting.objects.filter(date=date(2023, 3, 14)).exists() is False
    kept = {m["meeting"] for m in again.mentions if "meeting" in m}
    assert kept == set(ProposedMeeting.objects.values_list("pk", flat=True))
