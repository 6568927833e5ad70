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


def is_public(address: IPAddress) -> bool:
    """True for globally routable unicast addresses that are no cloud-metadata endpoint."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address in METADATA_ADDRESSES or address.is_multicast:
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
