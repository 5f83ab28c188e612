"""`noc-match` command line: one sub-command module per area, each registering its commands.

Each command function takes the parsed arguments and returns `(payload, human_text)`; this
module prints the JSON payload with `--json`, the text otherwise, and turns `UserError` into
a one-line message on stderr with exit status 2 (never a traceback for bad input).
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any, Callable, Sequence

from .errors import UserError
from .output import dumps

# Modules that define `register(subparsers)`, one per area.
COMMAND_MODULES = (
    "noc_match.commands.data",
    "noc_match.commands.catalog",
    "noc_match.commands.matching",
    "noc_match.commands.align",
    "noc_match.commands.rules",
    "noc_match.commands.crs",
)

CommandFn = Callable[[argparse.Namespace], "tuple[Any, str]"]


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in the project's one-line style (exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"{message} (see '{self.prog} --help')")


def add_command(subparsers: Any, name: str, fn: CommandFn, help: str, **kw: Any) -> argparse.ArgumentParser:
    """A sub-command with the project-wide `--json` flag already attached."""
    p = subparsers.add_parser(name, help=help, description=help, **kw)
    p.add_argument("--json", action="store_true", help="print one JSON document instead of a table")
    p.set_defaults(func=fn)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="noc-match", description="Find and check NOC 2021 codes for Express Entry.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.version:
            from . import __version__

            print(__version__)
            return 0
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        payload, text = args.func(args)
        out = dumps(payload) if getattr(args, "json", False) else text
        if out:
            sys.stdout.write(out.rstrip("\n") + "\n")
        return int(getattr(args, "exit_status", 0) or 0)
    except UserError as exc:
        print(f"noc-match: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("noc-match: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
