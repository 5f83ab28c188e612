"""Where a command's pasted text comes from: the argument, `--file F`, or stdin (`-`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import UserError


def read_text_input(text: str | None, file: str | None, what: str = "text") -> str:
    """The text from the argument, a file or stdin; binary files and double sources refused."""
    if file:
        if text not in (None, "-"):
            raise UserError(f"give the {what} either as an argument or with --file, not both")
        path = Path(file)
        if not path.is_file():
            raise UserError(f"file not found: {path}")
        data = path.read_bytes()
    elif text in (None, "-"):
        if sys.stdin is None or (text is None and sys.stdin.isatty()):
            raise UserError(f"give the {what} as an argument, with --file F, or on stdin (-)")
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    else:
        return text
    if b"\x00" in data[:4096]:
        raise UserError(f"that file is binary, not text: save the {what} as plain text")
    return data.decode("utf-8", errors="replace")


def read_json_input(source: str, what: str = "profile") -> object:
    """A JSON document from a file or stdin (`-`); a clear one-line error for anything else."""
    if source != "-" and not Path(source).is_file():
        raise UserError(f"cannot read {source}: {what} file not found")
    data = read_text_input("-" if source == "-" else None, None if source == "-" else source, what)
    try:
        return json.loads(data.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{source} is not JSON (not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
