"""The letters archive, uploading a letter and reviewing what it proposes.

Thin views: forms validate, letters.py and review.py do the work.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gasched.access import requires
from meetings import changes
from meetings.models import Process
from meetings.rooms import current_room_names
from meetings.rules import is_pga_office

from . import letters, mentions, previews, review
from .documents import DocumentError
from .extraction import ExtractionError
from .forms import LetterProcessForm, LetterSearchForm, LetterUploadForm, ProposalForm
from .models import Letter, ProposedDeadline, ProposedMeeting

PAGE_SIZE = 50
PROPOSALS_PER_PAGE = 100
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
}


@require_safe
def letter_list(request):
    """The archive, newest first: ?q= searches the text, ?process= keeps one process."""
    form = LetterSearchForm(request.GET)
    found = letters.visible_letters(request.user)
    process = None
    if form.is_valid():
        if form.cleaned_data["process"]:
            process = get_object_or_404(Process, slug=form.cleaned_data["process"])
            found = found.filter(process=process)
        found = letters.search(found, form.cleaned_data["q"])
    page = Paginator(letters.for_listing(found), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "process": process, "staff": is_pga_office(request.user)}
    return render(request, "correspondence/letter_list.html", context)


def visible_letter(request, pk: int) -> Letter:
    try:
        return letters.letter_for_page(pk, request.user)
    except Letter.DoesNotExist:
        raise Http404(letters.no_such_letter()) from None


@require_safe
def letter_detail(request, pk: int):
    letter = visible_letter(request, pk)
    context = {"letter": letter, "staff": is_pga_office(request.user)}
    return render(request, "correspondence/letter_detail.html", context)


@require_safe
def letter_original(request, pk: int):
    """The file as uploaded, under a safe name, never shown inline."""
    letter = get_object_or_404(letters.visible_letters(request.user), pk=pk)
    if not letter.original:
        raise Http404(_("This letter has no original file."))
    suffix = letter.original.name.rsplit(".", 1)[-1]
    day = letter.date.isoformat() if letter.date else "undated"
    with letter.original.open("rb") as original:  # at most 10 MB: read at once
        data = original.read()
    response = HttpResponse(
        data, content_type=CONTENT_TYPES.get(suffix, "application/octet-stream")
    )
    response["Content-Disposition"] = f'attachment; filename="letter-{day}-{pk}.{suffix}"'
    return response


@requires("correspondence.add_letter")
@require_http_methods(["GET", "POST"])
def letter_upload(request):
    form = LetterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["original"]
        try:
            imported = letters.import_letter(
                upload.read(),
                filename=upload.name,
                process=form.cleaned_data["process"],
                user=request.user,
            )
        except (DocumentError, ExtractionError, letters.TooManyProposals) as error:
            form.add_error("original", str(error))
        else:
            if not imported.created:
                messages.info(request, _("This letter is already in the archive: here it is."))
            return redirect("correspondence:letter-review", imported.letter.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "correspondence/letter_upload.html", {"form": form}, status=status)


def review_page(request, letter: Letter, *, forms=None, status=200):
    parts = [letter, *letter.enclosures.defer(*letters.AS_READ)]
    # Each proposal's letter is one of these: never fetched again with each proposal
    # (the outer letter carries the whole text and its mentions).
    by_pk = {part.pk: part for part in parts}
    proposed = list(
        ProposedMeeting.objects.filter(letter__in=parts)
        .select_related("room", "existing__room", "meeting")
        .order_by("letter_id", "order", "pk")
    )
    # A letter may propose hundreds of meetings: their forms come a page at a time (the
    # marked text links each one to its page).
    forms = forms or {}
    number = request.GET.get("page")
    if forms:  # a correction refused: the page that shows it with its errors
        number = next(n for n, p in enumerate(proposed) if p.pk in forms) // PROPOSALS_PER_PAGE + 1
    page = Paginator(proposed, PROPOSALS_PER_PAGE).get_page(number)
    for proposal in proposed:
        proposal.letter = by_pk[proposal.letter_id]
    for proposal in page.object_list:
        if proposal.is_open:
            proposal.form = forms.get(proposal.pk) or ProposalForm.for_proposal(proposal)
    deadlines = list(
        ProposedDeadline.objects.filter(letter__in=parts)
        .select_related("existing", "deadline")
        .order_by("letter_id", "order", "pk")
    )
    for proposal in deadlines:
        proposal.letter = by_pk[proposal.letter_id]
    text = mentions.marked_text(
        letter,
        meetings={
            p.pk: (p.title, f"{page_link(n // PROPOSALS_PER_PAGE + 1, page)}#proposal-{p.pk}")
            for n, p in enumerate(proposed)
        },
        deadlines={d.pk: (d.title, f"#deadline-{d.pk}") for d in deadlines},
    )
    context = {
        "letter": letter,
        "parts": parts,
        "proposed": page.object_list,
        "page": page,
        "deadlines": deadlines,
        "text": text,
        # The first dates not understood, each a link to its place in the text.
        "not_understood": [m for _run, m in text if m and m.not_understood][:20],
        "propose_label": _("propose a meeting"),
        "open_count": sum(p.is_open for p in [*proposed, *deadlines]),
        "draft_count": len({p.meeting_id for p in proposed if p.meeting and p.meeting.is_draft}),
        "process_form": LetterProcessForm(initial={"process": letter.process}),
        "room_names": current_room_names(),
    }
    return render(request, "correspondence/letter_review.html", context, status=status)


def page_link(number: int, page) -> str:
    """The address of a page of proposals, from the page shown: none for the same page."""
    return "" if number == page.number else f"?page={number}"


def proposals_page(letter: Letter, proposal: ProposedMeeting) -> str:
    """Where the review page shows this proposal: "?page=N" (or nothing) and its anchor."""
    parts = [letter.pk, *letter.enclosures.values_list("pk", flat=True)]
    ordered = list(
        ProposedMeeting.objects.filter(letter__in=parts)
        .order_by("letter_id", "order", "pk")
        .values_list("pk", flat=True)
    )
    number = ordered.index(proposal.pk) // PROPOSALS_PER_PAGE + 1
    return (f"?page={number}" if number > 1 else "") + f"#proposal-{proposal.pk}"


def letter_for_review(pk: int) -> Letter:
    return get_object_or_404(
        Letter.objects.filter(enclosed_in__isnull=True).select_related("process"), pk=pk
    )


@requires("correspondence.change_letter")
@require_safe
def letter_review(request, pk: int):
    return review_page(request, letter_for_review(pk))


@requires("correspondence.change_letter")
@require_POST
def proposal_decide(request, pk: int, proposal: int):
    """Accept (with the corrections in the form) or reject one proposed meeting."""
    letter = letter_for_review(pk)
    parts = [letter.pk, *letter.enclosures.values_list("pk", flat=True)]
    proposal = get_object_or_404(ProposedMeeting, pk=proposal, letter__in=parts)
    if request.POST.get("decision") == "reject":
        return decided(request, letter, lambda: review.reject(proposal, user=request.user))
    form = ProposalForm.for_proposal(proposal, data=request.POST)
    if not form.is_valid():
        return review_page(request, letter, forms={proposal.pk: form}, status=400)
    preview = update_preview(request, proposal, form)
    if preview is not None:  # a published meeting changed: shown before it is sent
        form.update_preview = preview
        return review_page(request, letter, forms={proposal.pk: form})
    try:
        meeting = review.accept_meeting(proposal, user=request.user, correction=form.correction())
    except ValidationError as error:
        form.add_error(None, error)
        return review_page(request, letter, forms={proposal.pk: form}, status=400)
    messages.success(request, _("In the schedule: “%(title)s”.") % {"title": meeting.title})
    return redirect("correspondence:letter-review", letter.pk)


def update_preview(request, proposal: ProposedMeeting, form: ProposalForm) -> dict | None:
    """What accepting sends to a published meeting's invitees, unless the editor saw it
    for this very change (the fingerprint the preview's form sends back)."""
    try:
        pending = review.proposed_change(proposal, form.correction())
    except ValidationError:
        return None  # accept_meeting refuses it with the reason
    if pending is None:
        return None
    after, change, revision = pending
    fingerprint = changes.fingerprint(change, revision=revision)
    if request.POST.get("previewed_change") == fingerprint:
        return None
    item = previews.preview(after, change=change)
    html = render_to_string("correspondence/_update_preview.html", {"item": item})
    return {"change": change, "fingerprint": fingerprint, "fragments": [html]}


@requires("correspondence.change_letter")
@require_POST
def mention_propose(request, pk: int):
    """One click on a date of the letter's text: a proposal filled from its sentence,
    opened for review."""
    if not is_pga_office(request.user):
        raise PermissionDenied(_("Only the Office of the President makes proposals."))
    letter = letter_for_review(pk)
    try:
        index = int(request.POST.get("mention", ""))
    except ValueError:
        messages.error(request, _("Choose a date in the letter's text."))
        return review_page(request, letter, status=400)
    try:
        proposal = letters.propose_from_mention(letter, index, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return review_page(request, letter, status=400)
    messages.success(request, _("Proposed from the letter's text: check it, then accept it."))
    url = reverse("correspondence:letter-review", args=[letter.pk])
    return redirect(url + proposals_page(letter, proposal))


@requires("correspondence.change_letter")
@require_POST
def deadline_decide(request, pk: int, proposal: int):
    letter = letter_for_review(pk)
    parts = [letter.pk, *letter.enclosures.values_list("pk", flat=True)]
    proposal = get_object_or_404(ProposedDeadline, pk=proposal, letter__in=parts)
    if request.POST.get("decision") == "reject":
        return decided(request, letter, lambda: review.reject(proposal, user=request.user))
    return decided(request, letter, lambda: review.accept_deadline(proposal, user=request.user))


def decided(request, letter: Letter, decide):
    try:
        decide()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return review_page(request, letter, status=400)
    return redirect("correspondence:letter-review", letter.pk)


@requires("correspondence.change_letter")
@require_POST
def letter_accept_all(request, pk: int):
    letter = letter_for_review(pk)
    outcome = review.accept_all(letter, user=request.user)
    if outcome.accepted:
        messages.success(
            request, _("%(n)d proposals are now in the schedule.") % {"n": len(outcome.accepted)}
        )
    for proposal, reason in outcome.failed:
        messages.error(request, f"{proposal}: {reason}")
    return redirect("correspondence:letter-review", letter.pk)


@requires("correspondence.change_letter")
@require_POST
def letter_process(request, pk: int):
    letter = letter_for_review(pk)
    form = LetterProcessForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a process from the list."))
        return review_page(request, letter, status=400)
    letters.set_process(letter, form.cleaned_data["process"])
    return redirect("correspondence:letter-review", letter.pk)


@requires("correspondence.change_letter")
@require_POST
def letter_publish(request, pk: int):
    letter = letter_for_review(pk)
    published = request.POST.get("published") != "0"
    review.publish(letter, published=published)
    if published:
        messages.success(request, _("The letter is now in the public archive."))
    else:
        messages.info(request, _("The letter is withdrawn from the public archive."))
    return redirect(letter)
