"""HTTP for the poller: conditional GET, redirects followed one hop at a time with the address
check on every hop, a per-host concurrency cap, timeouts and a body cap after decompression.

Each hop connects to the address that was checked (the URL's host is swapped for it, with
Host and TLS SNI kept), so a name cannot resolve to a public address for the check and to a
private one for the connection."""

import asyncio
import ipaddress
import socket
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import httpx

from services.poller.body import ACCEPT_ENCODING, BodyTooLarge, BoundedBody
from services.poller.guard import AddressPolicy, IPAddress, address_refusal, url_refusal
from services.poller.outcome import REDIRECTS
from services.runtime.settings import Settings

CONNECTIONS = 64  # open at once over all hosts; httpcore scans its whole pool per request
KEEPALIVE = 16  # idle connections kept for the next request to the same address
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, " \
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    url: str  # after redirects


class FetchError(Exception):
    """A fetch that produced no response; `status` is the metric label."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to (the address itself for an IP literal)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]


class Fetcher:
    def __init__(self, settings: Settings, resolver: Resolver = resolve) -> None:
        self.timeout = settings.fetch_timeout_seconds
        self.max_bytes = settings.fetch_max_bytes
        self.max_redirects = settings.fetch_max_redirects
        self.policy = AddressPolicy.from_setting(settings.fetch_allow_hosts)
        self.resolver = resolver
        self.host_slots: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.fetch_per_host_concurrency)
        )
        self.client = httpx.AsyncClient(
            follow_redirects=False, trust_env=False, timeout=httpx.Timeout(self.timeout),
            limits=httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=KEEPALIVE),
            headers={"User-Agent": settings.fetch_user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.client.aclose()

    async def get(
        self, url: str, headers: dict[str, str] | None = None, accept: str = FEED_ACCEPT
    ) -> Response:
        """GET `url`, following at most `fetch_max_redirects` redirects. The timeout applies
        to each hop's name lookup and to each hop's request once it holds a host slot."""
        request_headers = {"Accept": accept, **(headers or {})}
        try:
            for _ in range(self.max_redirects + 1):
                response = await self._hop(url, request_headers)
                location = response.headers.get("location")
                if response.status not in REDIRECTS or not location:
                    return response
                url = urljoin(url, location.strip())
        except (TimeoutError, httpx.TimeoutException):
            raise FetchError("timeout", f"poller: timed out after {self.timeout:g}s") from None
        except httpx.HTTPError as error:
            message = f"poller: network error ({error.__class__.__name__})"
            raise FetchError("network_error", message) from None
        raise FetchError("too_many_redirects", f"poller: more than {self.max_redirects} redirects")

    async def _hop(self, url: str, headers: dict[str, str]) -> Response:
        if refusal := url_refusal(url):
            raise FetchError("refused", refusal)
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
        async with asyncio.timeout(self.timeout):
            addresses = await self.resolver(host, port)
        if refusal := address_refusal(self.policy, host, addresses):
            raise FetchError("refused", refusal)
        pinned = _pinned_url(parts, addresses[0], port)
        headers = {**headers, "Host": parts.netloc.rsplit("@", 1)[-1]}
        async with self.host_slots[host.lower()], asyncio.timeout(self.timeout):
            return await self._request(url, pinned, headers, host)

    async def _request(self, url: str, pinned: str, headers: dict[str, str], host: str) -> Response:
        async with self.client.stream(
            "GET", pinned, headers=headers, extensions={"sni_hostname": host}
        ) as response:
            found = {name.lower(): value for name, value in response.headers.items()}
            body = b"" if response.status_code in REDIRECTS else await self._read(response)
            return Response(response.status_code, found, body, url)

    async def _read(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError("too_large", str(BodyTooLarge(self.max_bytes)))
        try:
            body = BoundedBody(response.headers.get("content-encoding"), self.max_bytes)
            async for chunk in response.aiter_raw():
                body.feed(chunk)
            return body.result()
        except BodyTooLarge as error:
            raise FetchError("too_large", str(error)) from None
        except ValueError as error:
            raise FetchError("bad_response", str(error)) from None


def _pinned_url(parts: SplitResult, address: IPAddress, port: int) -> str:
    literal = f"[{address}]" if address.version == 6 else str(address)
    return urlunsplit((parts.scheme, f"{literal}:{port}", parts.path or "/", parts.query, ""))
