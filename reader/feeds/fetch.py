"""HTTP for feeds and pages, with httpx.

:class:`Fetcher` gets one URL and returns a :class:`Response` or raises
:class:`FetchError`, whose message is one line a user can act on::

    >>> Fetcher().get("http://nonexistent.invalid/feed.xml")
    Traceback (most recent call last):
    ...
    reader.feeds.fetch.FetchError: cannot find the server nonexistent.invalid (no such name)

What it does for every request:

* a descriptive ``User-Agent`` (``newsreader/0.1.0 (+https://pypi.org/project/newsreader/)``),
* connect and read timeouts (:data:`CONNECT_S`, :data:`READ_S`), redirects
  followed (at most :data:`MAX_REDIRECTS`), gzip, deflate and brotli decoded,
* a conditional GET when given the ``ETag`` / ``Last-Modified`` of the last
  fetch (a ``304 Not Modified`` comes back as ``Response.not_modified``),
* the body read as a stream and refused past :data:`MAX_BYTES` (decoded
  bytes, so a compressed bomb is refused too; a bigger ``Content-Length`` is
  refused before reading),
* at most :data:`PER_HOST` requests at a time to one host,
* one retry on 429 and 503, after the ``Retry-After`` the server asks for
  (capped at ``retry_cap`` seconds), else after :data:`BACKOFF_S`.

Names under ``.invalid`` never resolve (RFC 6761), so they fail at once,
without asking a DNS server.
"""

from __future__ import annotations

import email.utils
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from reader import __version__

USER_AGENT = f"newsreader/{__version__} (+https://pypi.org/project/newsreader/)"
CONNECT_S = 10.0
READ_S = 20.0
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
PER_HOST = 2
RETRY_CAP_S = 30.0
BACKOFF_S = 2.0
_RETRY_STATUS = (429, 503)


class FetchError(Exception):
    """A URL could not be fetched; the message is one line for the user."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None  # seconds, from a Retry-After header

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One HTTP client, shared by the threads of a refresh; close it when done."""

    def __init__(self, *, connect_s: float = CONNECT_S, read_s: float = READ_S, max_bytes: int = MAX_BYTES,
                 retry_cap: float = RETRY_CAP_S, sleep: Callable[[float], None] = time.sleep,
                 verify: ssl.SSLContext | bool = True) -> None:
        self.max_bytes = max_bytes
        self.retry_cap = retry_cap
        self._sleep = sleep
        self._timeouts = (connect_s, read_s)
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, br"},
            timeout=httpx.Timeout(read_s, connect=connect_s),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
            verify=verify,
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = "*/*") -> Response:
        """The response to a GET of ``url`` (2xx or 304); anything else raises :class:`FetchError`."""
        host = _host(url)
        try:
            name = urlsplit(url).hostname or ""
        except ValueError as exc:  # "http://[::1/x"
            raise FetchError(f"not a valid address ({exc})") from None
        if name.rstrip(".").endswith(".invalid") or name == "invalid":
            raise FetchError(f"cannot find the server {host} (no such name)")
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with self._slot(host):
            response = self._once(url, headers)
            if response.status in _RETRY_STATUS:
                wait = response.retry_after if response.retry_after is not None else BACKOFF_S
                self._sleep(min(self.retry_cap, wait))
                response = self._once(url, headers)
        if 200 <= response.status < 300 or response.status == 304:
            return response
        raise FetchError(f"HTTP {response.status} {_reason(response.status)}".rstrip())

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._hosts.setdefault(host, threading.BoundedSemaphore(PER_HOST))

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                body = b"" if response.status_code >= 300 else self._body(response)
                found = response.headers
                return Response(str(response.url), response.status_code, body, found.get("Content-Type", ""),
                                found.get("ETag"), found.get("Last-Modified"), _retry_after(found))
        except httpx.HTTPError as exc:
            raise FetchError(self._explain(exc, url)) from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid address ({exc})") from None

    def _body(self, response: httpx.Response) -> bytes:
        limit = self.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:  # compressed or not, it would be more when decoded
            raise FetchError(f"response of {_mb(int(declared))} is over the {_mb(limit)} limit; refused")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"response is over the {_mb(limit)} limit; refused")
            chunks.append(chunk)
        return b"".join(chunks)

    def _explain(self, exc: httpx.HTTPError, url: str) -> str:
        text = " ".join(str(exc).split())
        if isinstance(exc, httpx.ConnectTimeout):
            return f"no connection to {_host(url)} within {self._timeouts[0]:g} s (timed out)"
        if isinstance(exc, httpx.TimeoutException):
            return f"{_host(url)} sent nothing for {self._timeouts[1]:g} s (timed out)"
        if isinstance(exc, httpx.TooManyRedirects):
            return f"more than {MAX_REDIRECTS} redirects"
        if isinstance(exc, httpx.UnsupportedProtocol):
            return "not an http:// or https:// address"
        if isinstance(exc, httpx.DecodingError):
            return f"the response could not be decoded ({text})"
        if _is_tls(exc):
            return f"TLS error talking to {_host(url)}: {text or type(exc).__name__}"
        if isinstance(exc, httpx.ConnectError):
            lowered = text.lower()
            if "name or service not known" in lowered or "nodename nor servname" in lowered or "errno -" in lowered:
                return f"cannot find the server {_host(url)} (no such name)"
            if "refused" in lowered:
                return f"connection refused by {_host(url)}"
            return f"cannot connect to {_host(url)}: {text}"
        return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _retry_after(headers: httpx.Headers) -> float | None:
    """Seconds from a ``Retry-After`` header: a number, or an HTTP date."""
    value = headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _is_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "ssl" in str(exc).lower()


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc or url
    except ValueError:
        return url


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
