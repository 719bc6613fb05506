from journal.reading import first_number, plain_text


def test_fragments_become_plain_text_with_entities_decoded():
    assert plain_text("<p><span>10236th meeting</span></p>") == "10236th meeting"
    assert plain_text("<p>C&ocirc;te d&#8217;Ivoire &amp; Fiji</p>") == "Côte d’Ivoire & Fiji"


def test_scripts_and_styles_are_dropped_and_markup_never_comes_through():
    text = plain_text('<p>Budget<script>alert("x")</script><style>p{}</style> &lt;b&gt;</p>')
    assert text == "Budget <b>"  # the text "<b>" as typed, escaped wherever it is shown
    assert "alert" not in text


def test_paragraphs_are_separated_and_a_fragment_per_language_is_read_in_english():
    assert plain_text("<p>One</p><p>Two</p>") == "One Two"
    assert plain_text({"fr": "<p>Un</p>", "en": "<p>One</p>"}) == "One"
    assert plain_text(None) == ""


def test_the_meeting_number_is_the_first_number():
    assert first_number("10236th meeting") == 10236
    assert first_number("meeting") is None
