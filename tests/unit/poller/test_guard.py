"""Address policy: which resolved addresses the poller may connect to."""

import ipaddress

import pytest

from services.poller.fetch import Fetcher, FetchError
from services.poller.guard import AddressPolicy, address_refusal, is_public, url_refusal
from services.runtime.settings import Settings


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True), ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.9", False), ("192.168.1.1", False),
        ("169.254.169.254", False), ("100.100.100.200", False), ("100.64.0.1", False),
        ("0.0.0.0", False), ("::1", False), ("fe80::1", False), ("fd00:ec2::254", False),
        ("::ffff:127.0.0.1", False), ("224.0.0.1", False),
    ],
    ids=[
        "public-v4", "public-v6", "loopback", "private-10", "private-172", "private-192",
        "aws-metadata", "alibaba-metadata", "shared-cgnat", "unspecified", "loopback-v6",
        "link-local-v6", "aws-metadata-v6", "v4-mapped-loopback", "multicast",
    ],
)
def test_is_public(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("::127.0.0.1", False), ("::10.0.0.1", False), ("::8.8.8.8", True),
        ("64:ff9b::7f00:1", False), ("64:ff9b::a9fe:a9fe", False), ("64:ff9b::808:808", True),
        ("64:ff9b:1::a00:1", False),
        ("2002:7f00:1::", False), ("2002:a9fe:a9fe::", False), ("2002:c0a8:101::1", False),
        ("2002:808:808::1", True),
        ("::", False), ("fec0::1", False), ("feff:ffff::1", False),
    ],
    ids=[
        "compatible-loopback", "compatible-private", "compatible-public",
        "nat64-loopback", "nat64-metadata", "nat64-public", "nat64-local-use",
        "6to4-loopback", "6to4-metadata", "6to4-private", "6to4-public",
        "unspecified-v6", "site-local", "site-local-top",
    ],
)
def test_ipv6_forms_are_judged_by_the_ipv4_address_they_carry(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


def addresses(*texts: str) -> list:
    return [ipaddress.ip_address(text) for text in texts]


def test_allow_list_takes_hosts_and_ranges():
    policy = AddressPolicy.from_setting(" feeds.internal , 10.0.0.0/8,127.0.0.1 ,")
    assert address_refusal(policy, "feeds.internal", addresses("192.168.0.5")) is None
    assert address_refusal(policy, "other", addresses("10.9.9.9")) is None
    assert address_refusal(policy, "127.0.0.1", addresses("127.0.0.1")) is None
    assert address_refusal(policy, "x", addresses("127.0.0.2")) == (
        "poller: refused non-public address 127.0.0.2 for x"
    )


def test_one_private_address_among_public_ones_is_refused():
    refusal = address_refusal(AddressPolicy(), "mixed.example", addresses("8.8.8.8", "10.0.0.1"))
    assert refusal == "poller: refused non-public address 10.0.0.1 for mixed.example"


def test_unresolved_host_is_refused():
    refusal = address_refusal(AddressPolicy(), "nx.example", [])
    assert refusal == "poller: nx.example did not resolve"


@pytest.mark.parametrize(
    ("url", "refusal"),
    [
        ("https://example.org/feed", None),
        ("file:///etc/passwd", "poller: refused scheme 'file'"),
        ("gopher://x/", "poller: refused scheme 'gopher'"),
        ("http:///nohost", "poller: refused URL without a host"),
    ],
    ids=["https", "file", "gopher", "no-host"],
)
def test_url_refusal(url, refusal):
    assert url_refusal(url) == refusal


async def test_name_resolving_to_metadata_is_refused_before_connecting():
    async def rebinding_resolver(host: str, port: int) -> list:
        return addresses("169.254.169.254")

    async with Fetcher(Settings(), resolver=rebinding_resolver) as fetcher:
        with pytest.raises(FetchError, match="refused non-public address 169.254.169.254"):
            await fetcher.get("http://feeds.example.org/rss")
