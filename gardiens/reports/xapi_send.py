"""Sending xAPI statements to a learning record store (`[xapi]` in kiosk.toml): in batches, with
Basic authentication and the xAPI version header, stopping at the first failure so that the
caller knows exactly which statements did not leave."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gardiens.reports.xapi import XAPI_VERSION


@dataclass(frozen=True)
class Sent:
    """How many statements the store took, and why it stopped taking them (None: all taken)."""

    sent: int
    problem: str | None = None


def statements_url(endpoint: str) -> str:
    """The Statements resource under a record store's endpoint (« …/xapi/ » → « …/xapi/statements »)."""
    return endpoint.rstrip("/") + "/statements"


def send_statements(
    statements: Sequence[Mapping[str, Any]],
    *,
    endpoint: str,
    key: str,
    secret: str,
    batch: int = 50,
    timeout: float = 10.0,
) -> Sent:
    """POST `statements` in batches of `batch`; stops at the first batch refused or not answered."""
    url = statements_url(endpoint)
    token = base64.b64encode(f"{key}:{secret}".encode()).decode("ascii")
    headers = {
        "Authorization": f"Basic {token}",
        "X-Experience-API-Version": XAPI_VERSION,
        "Content-Type": "application/json; charset=utf-8",
    }
    sent = 0
    for start in range(0, len(statements), batch):
        chunk = list(statements[start:start + batch])
        body = json.dumps(chunk, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            return Sent(sent, f"HTTP {error.code} {error.reason}")
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", None) or error
            return Sent(sent, str(reason))
        sent += len(chunk)
    return Sent(sent)
