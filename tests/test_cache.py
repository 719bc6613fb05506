"""The default cache while Redis is down (gasched/cache.py): signing in keeps working and
its rate limits still hold, counted in this process until Redis is back.

Faults are made on a Redis of the test's own (tests/redisserver.py), never the shared one.
"""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from gasched.cache import DEFAULT_OUTAGE
from tests.celeryworker import wait_for
from tests.factories import UserFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db]
PASSWORD = "a long passphrase for gasched"


def account(email: str):
    user = UserFactory(email=email)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.fixture(params=["stopped", "paused"])
def redis_down(request, own_redis):
    """Stopped (a closed port) or paused (connections accepted, nothing answered)."""
    if request.param == "stopped":
        own_redis.stop()
    else:
        own_redis.pause()
    yield own_redis
    if request.param == "paused":
        own_redis.resume()


def test_with_redis_down_people_sign_in_with_their_password(client, redis_down):
    user = account("delegate@un.example")
    response = sign_in(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:programme")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert DEFAULT_OUTAGE.down  # it was tried, and the limits went to this process


def test_with_redis_down_a_password_reset_is_sent(client, redis_down):
    account("forgetful@un.example")
    response = client.post(reverse("account_reset_password"), {"email": "forgetful@un.example"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "/accounts/password/reset/key/" in message.body


def test_with_redis_down_failed_sign_ins_are_still_limited(client, redis_down):
    user = account("target@un.example")
    for _ in range(20):
        refused = sign_in(client, user.email, "wrong").content.decode()
        if "Too many failed login attempts" in refused:
            break
    else:
        pytest.fail("twenty wrong passwords in a row and no limit")
    response = sign_in(client, user.email)
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_once_redis_is_back_the_counts_are_in_redis_again(client, own_redis):
    own_redis.stop()
    account("delegate@un.example")
    sign_in(client, "delegate@un.example", "wrong")
    own_redis.start()
    wait_for(DEFAULT_OUTAGE.worth_trying)
    sign_in(client, "delegate@un.example", "wrong")
    assert not DEFAULT_OUTAGE.down
    assert [k for k in cache._cache.get_client(None).keys("*") if b":rl:" in k] != []
