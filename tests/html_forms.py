"""The POST forms of a page, as a browser would submit them unchanged."""

from html.parser import HTMLParser


class PostForms(HTMLParser):
    """Each <form method="post">: its action, enctype and fields with their values
    (a select's selected option or its first, a textarea's text, ticked boxes only)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.current = None
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.current = {"action": attrs.get("action") or "", "enctype": attrs.get("enctype")}
            self.current["fields"] = {}
            self.forms.append(self.current)
            return
        if self.current is None:
            return
        fields, name = self.current["fields"], attrs.get("name")
        if tag == "option" and self.select is not None:
            if self.select not in fields or "selected" in attrs:
                fields[self.select] = attrs.get("value") or ""
        elif not name:
            return
        elif tag == "input" and attrs.get("type") not in ("file", "submit", "button", "image"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                fields[name] = attrs.get("value") or ""
        elif tag == "textarea":
            fields[name], self.textarea = "", name
        elif tag == "select":
            self.select = name

    def handle_data(self, data):
        if self.current is not None and self.textarea is not None:
            self.current["fields"][self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            fields = self.current["fields"]
            # As browsers do: the newline right after <textarea> is not part of the value.
            fields[self.textarea] = fields[self.textarea].removeprefix("\n")
            self.textarea = None


def post_forms(html: str) -> list[dict]:
    parser = PostForms()
    parser.feed(html)
    return parser.forms


def saved_through_the_preview(client, url: str, data: dict):
    """Post the staff form; if it shows the preview of the update a significant change
    sends (meetings.views.update_preview), confirm it as the editor would."""
    response = client.post(url, data)
    if response.status_code == 200 and 'name="previewed_change"' in response.content.decode():
        (form,) = [
            f for f in post_forms(response.content.decode()) if "previewed_change" in f["fields"]
        ]
        response = client.post(url, form["fields"])
    return response
