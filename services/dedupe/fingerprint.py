"""Article fingerprints: canonical URL and normalised-text hash. No I/O."""

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = re.compile(r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|cmpid)$")
HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no www./m./amp, fragment,
    tracking parameters or trailing slash; remaining query parameters sorted."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    host = parts.hostname or ""
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    if parts.port and not (parts.scheme, parts.port) in {("http", 80), ("https", 443)}:
        host = f"{host}:{parts.port}"
    path = re.sub(r"/(amp/?)?$", "", parts.path) or ""
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMS.match(k))
    scheme = "https" if parts.scheme.lower() in {"http", "https"} else parts.scheme.lower()
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def normalised_text(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def content_hash(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode()).hexdigest()[:32]
