"""Which addresses the poller may connect to. No I/O: addresses are resolved elsewhere.

Private, loopback, link-local, shared, reserved and cloud-metadata addresses are refused
unless `CLAIMSTREAM_FETCH_ALLOW_HOSTS` (comma-separated hosts or CIDR ranges) lists them."""

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
WEB_SCHEMES = {"http", "https"}
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address)
    for address in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)


@dataclass(frozen=True)
class AddressPolicy:
    allowed_hosts: frozenset[str] = frozenset()
    allowed_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_setting(cls, allow_hosts: str) -> "AddressPolicy":
        """Parse `host,10.0.0.0/8,127.0.0.1`: CIDR ranges and addresses become networks."""
        hosts, networks = set(), []
        for item in (part.strip().lower() for part in allow_hosts.split(",")):
            if not item:
                continue
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                hosts.add(item.rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def allows_host(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.allowed_hosts

    def allows_address(self, address: IPAddress) -> bool:
        return any(address in network for network in self.allowed_networks)


NAT64 = ipaddress.ip_network("64:ff9b::/96")
NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries: mapped, compatible (`::a.b.c.d`), NAT64, 6to4."""
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address in NAT64 or (address in IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """True for globally routable unicast addresses that are no cloud-metadata endpoint.
    An IPv6 form of an IPv4 address is judged by that IPv4 address."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.is_unspecified or address.is_site_local or address in NAT64_LOCAL:
            return False
        if (inner := embedded_ipv4(address)) is not None:
            return is_public(inner)
    if address in METADATA_ADDRESSES or address.is_multicast or address.is_unspecified:
        return False
    return address.is_global


def url_refusal(url: str) -> str | None:
    """Why a URL cannot be fetched at all (scheme, missing host), or None."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES:
        return f"poller: refused scheme {parts.scheme or 'none'!r}"
    if not parts.hostname:
        return "poller: refused URL without a host"
    return None


def address_refusal(policy: AddressPolicy, host: str, addresses: list[IPAddress]) -> str | None:
    """Why `host`, resolved to `addresses`, must not be contacted, or None when it may be."""
    if not addresses:
        return f"poller: {host} did not resolve"
    if policy.allows_host(host):
        return None
    for address in addresses:
        if not (is_public(address) or policy.allows_address(address)):
            return f"poller: refused non-public address {address} for {host}"
    return None
