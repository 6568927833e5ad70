"""Response bodies decoded under a byte cap, so a small compressed body cannot grow past it.

No I/O: raw chunks are fed in as they arrive and the cap is enforced after decompression."""

import zlib

GZIP_WBITS = 16 + zlib.MAX_WBITS
DEFLATE_WBITS = zlib.MAX_WBITS
RAW_DEFLATE_WBITS = -zlib.MAX_WBITS
ACCEPT_ENCODING = "gzip, deflate"


class BodyTooLarge(ValueError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"poller: body larger than {limit} bytes")


class BoundedBody:
    """Collects a body through its Content-Encoding, refusing more than `limit` bytes."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0
        self.raw_size = 0
        self.encoding = (content_encoding or "identity").strip().lower()
        if self.encoding in {"gzip", "x-gzip"}:
            self.decoder: zlib._Decompress | None = zlib.decompressobj(GZIP_WBITS)
        elif self.encoding == "deflate":
            self.decoder = zlib.decompressobj(DEFLATE_WBITS)
        elif self.encoding in {"identity", ""}:
            self.decoder = None
        else:
            raise ValueError(f"poller: unsupported content-encoding {self.encoding!r}")

    def feed(self, chunk: bytes) -> None:
        self.raw_size += len(chunk)
        if self.decoder is None:
            self._keep(chunk)
            return
        try:
            self._inflate(chunk)
        except zlib.error as error:
            if self.encoding == "deflate" and self.size == 0 and not self.parts:
                self.decoder = zlib.decompressobj(RAW_DEFLATE_WBITS)
                self._inflate(chunk)
            else:
                raise ValueError(f"poller: corrupt {self.encoding} body ({error})") from None

    def _inflate(self, chunk: bytes) -> None:
        assert self.decoder is not None
        data = chunk
        while data:
            # Never inflate more than one byte past the cap in one step.
            self._keep(self.decoder.decompress(data, self.limit - self.size + 1))
            data = self.decoder.unconsumed_tail

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyTooLarge(self.limit)
        self.parts.append(data)

    def result(self) -> bytes:
        if self.decoder is not None:
            self._keep(self.decoder.flush(self.limit - self.size + 1))
        return b"".join(self.parts)
