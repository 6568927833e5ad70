"""Bodies decoded under a byte cap: identity, gzip, deflate, and bombs."""

import gzip
import zlib

import pytest

from services.poller.body import BodyTooLarge, BoundedBody


def collect(encoding: str | None, data: bytes, limit: int, chunk: int = 1000) -> bytes:
    body = BoundedBody(encoding, limit)
    for start in range(0, len(data), chunk):
        body.feed(data[start:start + chunk])
    return body.result()


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [(None, lambda b: b), ("gzip", gzip.compress), ("x-gzip", gzip.compress),
     ("deflate", zlib.compress),
     ("deflate", lambda b: zlib.compress(b)[2:-4])],
    ids=["identity", "gzip", "x-gzip", "zlib-deflate", "raw-deflate"],
)
def test_decodes_within_the_limit(encoding, encode):
    text = b"<rss>" + b"grain exports " * 500 + b"</rss>"
    assert collect(encoding, encode(text), limit=len(text)) == text


def test_gzip_bomb_stops_at_the_limit():
    bomb = gzip.compress(b"\0" * 20_000_000, 9)
    assert len(bomb) < 50_000
    with pytest.raises(BodyTooLarge, match="poller: body larger than 100000 bytes"):
        collect("gzip", bomb, limit=100_000, chunk=65536)


def test_plain_body_over_the_limit():
    with pytest.raises(BodyTooLarge):
        collect(None, b"x" * 1001, limit=1000)


def test_unknown_and_corrupt_encodings():
    with pytest.raises(ValueError, match="unsupported content-encoding 'br'"):
        BoundedBody("br", 10)
    with pytest.raises(ValueError, match="corrupt gzip body"):
        collect("gzip", b"not gzip at all", limit=1000)
