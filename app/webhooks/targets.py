"""Where webhooks may go (SSRF): `https` to public addresses only, unless
`SHORTLIST_WEBHOOK_ALLOW_PRIVATE` is set (then also `http` and private networks).

Checked when an endpoint is saved and again before every attempt, since DNS can change; the
attempt then connects to the very address that was checked.
"""

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import httpx

from app.config import Settings


class UnsafeTarget(Exception):
    """The URL may not be called; the message says why (shown to admins, and on attempts)."""


@dataclass(frozen=True)
class Target:
    url: httpx.URL  # the URL with its host replaced by the checked address
    host: str  # the TLS server name
    host_header: str  # host[:port], as the URL named it


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


async def resolve_targets(url: str, settings: Settings) -> list[Target]:
    """The addresses to try, in order, for `url`; or UnsafeTarget."""
    parsed = httpx.URL(url)
    allowed_schemes = ("https", "http") if settings.webhook_allow_private else ("https",)
    if parsed.scheme not in allowed_schemes:
        raise UnsafeTarget(
            "Webhook URLs must use https"
            + ("." if parsed.scheme == "http" else f", not {parsed.scheme}.")
        )
    if not parsed.host:
        raise UnsafeTarget("The webhook URL has no host.")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            parsed.host, port, type=socket.SOCK_STREAM
        )
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeTarget(f"The host {parsed.host} does not resolve.") from exc
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    if not addresses:
        raise UnsafeTarget(f"The host {parsed.host} does not resolve.")
    if not settings.webhook_allow_private:
        private = sorted({str(a) for a in addresses if not _is_public(a)})
        if private:
            raise UnsafeTarget(
                f"The host {parsed.host} resolves to a non-public address ({', '.join(private)})."
            )
    return [
        Target(
            url=parsed.copy_with(host=str(address)),
            host=parsed.host,
            host_header=parsed.netloc.decode("ascii"),
        )
        for address in addresses
    ]
