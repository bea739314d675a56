"""The facilitator's PIN: stored only as a salted scrypt hash; repeated failures lock the panel."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from gardiens.core.clock import Clock

PIN_FILE = "facilitator-pin.json"
PIN_DIGITS = (4, 8)
# scrypt cost: about 50 ms on a small kiosk, slow enough to make guessing offline expensive.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


class PinError(ValueError):
    """A PIN that cannot be used (not 4 to 8 digits)."""


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32)


def set_pin(data_dir: Path, pin: str) -> Path:
    """Store a new PIN's salted hash in the data folder (readable by its owner only)."""
    if not (pin.isascii() and pin.isdigit() and PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]):
        raise PinError("the PIN is 4 to 8 digits")
    data_dir.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_bytes(16)
    record = {
        "scrypt": {"n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
        "salt": salt.hex(),
        "hash": _hash(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).hex(),
    }
    path = data_dir / PIN_FILE
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        json.dump(record, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


def has_pin(data_dir: Path) -> bool:
    return _read(data_dir) is not None


def _read(data_dir: Path) -> dict[str, object] | None:
    try:
        record = json.loads((data_dir / PIN_FILE).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or not {"scrypt", "salt", "hash"} <= set(record):
        return None
    return record


def verify_pin(data_dir: Path, pin: str) -> bool:
    record = _read(data_dir)
    if record is None or not pin.isdigit() or len(pin) > PIN_DIGITS[1]:
        return False
    cost = record["scrypt"]
    assert isinstance(cost, dict)
    salt = bytes.fromhex(str(record["salt"]))
    expected = bytes.fromhex(str(record["hash"]))
    return hmac.compare_digest(
        _hash(pin, salt, int(cost["n"]), int(cost["r"]), int(cost["p"])), expected
    )


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    locked_for: float = 0.0
    attempts_left: int = 0


class PinGuard:
    """Checks PINs typed at the kiosk; after too many wrong ones, refuses every PIN for a while."""

    def __init__(
        self, data_dir: Path, clock: Clock, *, attempts: int = 5, lockout: float = 60
    ) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.attempts = attempts
        self.lockout = lockout
        self._failures = 0
        self._locked_until = 0.0

    def locked_for(self) -> float:
        return max(0.0, self._locked_until - self.clock.now())

    def check(self, pin: str) -> PinCheck:
        wait = self.locked_for()
        if wait > 0:
            return PinCheck(ok=False, locked_for=wait)
        if verify_pin(self.data_dir, pin):
            self._failures = 0
            return PinCheck(ok=True, attempts_left=self.attempts)
        self._failures += 1
        if self._failures >= self.attempts:
            self._failures = 0
            self._locked_until = self.clock.now() + self.lockout
            return PinCheck(ok=False, locked_for=self.lockout)
        return PinCheck(ok=False, attempts_left=self.attempts - self._failures)
