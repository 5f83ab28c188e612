"""One exception type for every problem a user can fix (bad input, missing data).

Faces catch `UserError` and show its one-line message; anything else is a bug and may
surface as a traceback, so engine code raises `UserError` only for the user's mistakes.
"""
from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or environment, explained in one line."""

    exit_code: int = 2

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  - {d}" for d in self.details)


class DataError(UserError):
    """The NOC data files are missing, corrupt or of the wrong shape."""
