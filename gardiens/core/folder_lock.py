"""One kiosk per data folder: a process that writes sessions holds an OS lock on its folder.

The lock is `flock` on `<data folder>/kiosk.lock`: the system releases it when the process ends,
however it ends (a crash, a pulled cable), so a stale file never blocks the next start. The file
names the holder (process id and command) for the message another process shows.
"""

from __future__ import annotations

import fcntl
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

LOCK_FILE = "kiosk.lock"


@dataclass(frozen=True)
class FolderBusy(Exception):
    """Another process holds the data folder; `holder` is what it wrote about itself."""

    folder: Path
    pid: int | None
    command: str

    def __str__(self) -> str:
        return f"{self.folder} is held by process {self.pid} ({self.command})"


class DataFolderLock:
    """Held while a process may write sessions into `folder`; reentrant within the process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> DataFolderLock:
        """Take the lock, or raise `FolderBusy` naming the process that has it."""
        if self._fd is not None:
            return self
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise FolderBusy(self.folder, *holder) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n{_command_line()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Emptied first: a reader never sees a process that no longer holds the folder.
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    def __enter__(self) -> DataFolderLock:
        return self.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()


def _read_holder(fd: int) -> tuple[int | None, str]:
    text = os.pread(fd, 4096, 0).decode("utf-8", "replace")
    pid_line, _, rest = text.partition("\n")
    pid = int(pid_line) if pid_line.strip().isdigit() else None
    return pid, rest.strip() or "?"


def _command_line() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    return " ".join([name, *sys.argv[1:]])[:200]
