"""E-mail addresses as people type them: checked once, where they enter gasched.

Every way an address comes in (the contact forms, the CSV import, the admin, a model's
full_clean, an invitation to open an account) goes through `validate_address`, the
validator of `models.EmailAddressField`, so an address that is stored is one mail can
be sent to. Stricter than Django's validate_email, on purpose:

- no control, format or direction characters anywhere (Unicode categories Cc and Cf,
  which hold the bidi controls U+200E/U+200F, U+202A–U+202E, U+2066–U+2069): one of
  them made every message of a batch fail, and they make an address read as another;
- the part before the @ is a dot-atom of ASCII letters, digits and RFC 5322's symbols
  (no quoted local part: `"a\\x0bb"@…` passes Django and breaks header parsing);
- the domain is an internet host name under IDNA 2008 (UTS 46 mapping), with at least
  two labels and an alphabetic top level: no IP literal, no localhost.

A Unicode domain is stored in its IDNA (ASCII) form, the one mail servers use:
`info@bücher.example` is kept as `info@xn--bcher-kva.example`. The address checked
is then exactly the address mail goes to (Python's own IDNA 2003 codec, which Django
would otherwise apply when sending, turns straße.de into strasse.de, another domain),
and one address cannot be entered twice in two spellings.
"""

import re
import unicodedata

import idna
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# RFC 5322 atext, joined by single dots (a dot-atom); RFC 5321's limits.
LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z")
MAX_LOCAL_PART = 64
MAX_ADDRESS = 254


def is_invisible(character: str) -> bool:
    """A control, format or direction character: it shows as nothing, or moves text."""
    # Cf holds the direction marks, overrides and isolates (U+200E, U+202A-E, U+2066-9).
    return unicodedata.category(character) in ("Cc", "Cf")


def visible(text: str) -> str:
    """The text with every invisible character written as <U+XXXX>: safe to show staff
    in a message or a page (a U+202E shown as itself would reverse what follows)."""
    return "".join(f"<U+{ord(c):04X}>" if is_invisible(c) else c for c in text)


def domain_in_idna(domain: str) -> str:
    """The domain as mail servers use it (ASCII, lower case); ValidationError if it is
    not an internet host name."""
    shown = {"domain": visible(domain)}
    if domain.startswith("[") or re.fullmatch(r"[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*", domain):
        raise ValidationError(
            _("“%(domain)s” is an IP address: use the mission's domain name instead."),
            code="ip_address",
            params=shown,
        )
    try:
        ascii_domain = idna.encode(domain, uts46=True, std3_rules=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        raise ValidationError(
            _("“%(domain)s” is not a valid internet domain name."),
            code="invalid_domain",
            params=shown,
        ) from None
    labels = ascii_domain.split(".")
    if ascii_domain.endswith(".") or labels[-1] == "localhost":
        raise ValidationError(
            _("“%(domain)s” is not a domain mail can be sent to from the internet."),
            code="local_domain",
            params=shown,
        )
    if len(labels) < 2 or labels[-1].isdigit():
        raise ValidationError(
            _("“%(domain)s” is not a full domain name: write it as in example.org."),
            code="single_label",
            params=shown,
        )
    return ascii_domain


def clean_address(value: str) -> str:
    """The address to store: checked, with its domain in IDNA form. ValidationError
    saying what is wrong otherwise (the value is shown with its invisible characters
    written out, never as they are)."""
    invisible = sorted({c for c in value if is_invisible(c)})
    if invisible:
        raise ValidationError(
            _(
                "The address “%(address)s” holds invisible control or direction "
                "characters (%(characters)s): type it again without them."
            ),
            code="invisible_characters",
            params={
                "address": visible(value),
                "characters": ", ".join(f"U+{ord(c):04X}" for c in invisible),
            },
        )
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        raise ValidationError(
            _("“%(address)s” is not an e-mail address: it needs a name, an @ and a domain."),
            code="invalid",
            params={"address": value},
        )
    if len(local) > MAX_LOCAL_PART or not LOCAL_PART.match(local):
        raise ValidationError(
            _(
                "The part before the @ in “%(address)s” may hold only letters a–z, digits, "
                "single dots and the signs ! # $ %% & ' * + / = ? ^ _ ` { | } ~ -."
            ),
            code="invalid_local_part",
            params={"address": value},
        )
    address = f"{local}@{domain_in_idna(domain)}"
    if len(address) > MAX_ADDRESS:
        raise ValidationError(
            _("This address is longer than %(n)d characters."),
            code="too_long",
            params={"n": MAX_ADDRESS},
        )
    return address


def validate_address(value: str) -> None:
    """The validator of every e-mail address people type (see the module docstring)."""
    clean_address(value)


def in_idna(value):
    """The address with its domain in IDNA form when it is valid; as it was otherwise
    (the validator then says why)."""
    if not isinstance(value, str):
        return value
    try:
        return clean_address(value)
    except ValidationError:
        return value


class EmailAddressFormField(forms.EmailField):
    """The form field of models.EmailAddressField: the same rule and messages in every
    form, the admin's included."""

    default_validators = [validate_address]

    def to_python(self, value):
        return in_idna(super().to_python(value))
