"""What the directory announces to the apps built on it.

missions knows nothing of the invitations (correspondence builds on missions, not the
other way round): it says what happened, and correspondence connects its receiver in
its AppConfig.ready().
"""

from django.dispatch import Signal

# Sent inside the transaction that added contacts or widened what they receive (a new
# contact, new focal-point processes, a mission's new preferences), with
# `contact_ids` (list[int]). Sent with .send(): a receiver that fails undoes the change.
contacts_changed = Signal()
