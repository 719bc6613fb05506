"""Account rules that are the office's, not allauth's defaults."""

from allauth.account.adapter import DefaultAccountAdapter


class ClosedSignupAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: PGA office staff and mission staff are invited."""

    def is_open_for_signup(self, request):
        return False
