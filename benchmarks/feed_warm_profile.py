"""Where the cached feed's time goes, in-process (run by benchmarks/feeds.py).

Runs against the benchmark database and its Redis database when the warm feed misses its
goal (or always with `feeds.py --profile`). No HTTP server: Django's test client asks for
/feeds/programme.ics once (rendered, then cached), then the parts of a cache hit are timed
one by one (median of REPEAT calls), and cProfile names the functions that spend the most
time. Prints a report; the last line on stdout is the breakdown as JSON.
"""

import json
import pickle
import zlib

import common

common.setup_django()  # the imports below need the settings and the app registry

from django.core.cache import cache  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402

from meetings import schedule  # noqa: E402
from meetings.pagecache import VERSION_KEY, fragment, slot_key  # noqa: E402

REPEAT = 30
HOST = "127.0.0.1"
FEED_PATH = "/feeds/programme.ics"


def median_ms(function) -> float:
    return common.median_ms(function, repeat=REPEAT, warmup=1)


def main() -> None:
    client = Client(HTTP_HOST=HOST)
    response = client.get(FEED_PATH)
    assert response.status_code == 200, response.status_code
    body = response.content
    # As programme_feed builds it (the window, and so the key, moves with the date).
    identity = ("", HOST, schedule.today())
    key, _digest = slot_key("feed", identity)
    entry = cache.get(key)
    assert entry is not None, "the feed is not in the cache"
    stored = pickle.loads(zlib.decompress(entry[2]))  # noqa: S301 -- our own cache entry
    assert stored["body"] == body, "the cached feed is not the bytes served"
    raw = cache._cache.get_client(key).get(cache.make_and_validate_key(key))  # the stored value
    size = len(raw)

    parts = {
        "trivial view through Django (test client, /healthz/)": median_ms(
            lambda: client.get("/healthz/")
        ),
        "feed through Django (test client, cache hit)": median_ms(lambda: client.get(FEED_PATH)),
        "  fragment(): get_many(version, feed) + unpickle": median_ms(
            lambda: fragment("feed", identity, lambda: None)
        ),
        f"    of which the Redis GET of {size / 1e6:.2f} MB (raw bytes)": median_ms(
            lambda: cache._cache.get_client(key).get(cache.make_and_validate_key(key))
        ),
        "    of which pickle.loads() of those bytes": median_ms(lambda: pickle.loads(raw)),  # noqa: S301 -- our own cache entry
        "    the version key alone (get)": median_ms(lambda: cache.get(VERSION_KEY)),
        f"  HttpResponse of {len(body) / 1e6:.2f} MB": median_ms(
            lambda: HttpResponse(body, content_type="text/calendar")
        ),
    }
    print(f"\nWhere the cached feed's time goes, in-process (no HTTP), median of {REPEAT} calls:")
    for label, ms in parts.items():
        print(f"  {label:<62}{ms:>8.2f} ms")
    print("\ncProfile of 20 cached feed requests (test client), top functions by own time:")
    print(common.top_functions(lambda: client.get(FEED_PATH), limit=14, times=20))
    print(
        json.dumps(
            {
                "parts_ms": {label.strip(): round(ms, 3) for label, ms in parts.items()},
                "cached_value_bytes": size,
                "feed_bytes": len(body),
            }
        )
    )


if __name__ == "__main__":
    main()
