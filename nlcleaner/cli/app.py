"""The typer application and the process-level concerns: exit codes, one-line errors, broken pipes, Ctrl-C."""

# no `from __future__ import annotations`: typer would have to evaluate every parameter's annotation from
# its text (compiling each) whenever it builds the command, on every run

import errno
import gc
import os
import sys

import typer

from .. import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_BAD_RECORDS, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

app = typer.Typer(
    name="nlcleaner",
    help=(
        "Remove publisher furniture (appeals, share lines, footers) from article text; report what went and why.\n\n"
        "Example: cat article.txt | nlcleaner clean > clean.txt"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool):
    if value:
        print(f"nlcleaner {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
):
    """nlcleaner: a rule engine for article furniture."""


def fail(message: str, code: int = EXIT_ERROR):
    """One line on stderr, then exit: how every error reaches a user."""
    error(message)
    raise typer.Exit(code)


def say(line: str) -> None:
    """A line for people on stderr (never on stdout, whatever happened to stderr)."""
    _safe_print(line)


def error(message: str) -> None:
    """One error line on stderr without exiting (the run goes on with the other inputs)."""
    line = " ".join(str(message).split("\n"))
    _safe_print(f"nlcleaner: error: {line}")


class PipeClosed(Exception):
    """stdout's reader went away; raised by `write_out` so that click does not turn it into exit 1."""


def write_all(out, data: bytes) -> None:
    """Write every byte: an unbuffered stdout (python -u, PYTHONUNBUFFERED=1) may take only part of a large write."""
    view = memoryview(data)
    while view:
        n = out.write(view)
        view = view[n if n is not None else 0:]
    out.flush()


def write_out(data: bytes) -> None:
    """Write data to stdout; a closed pipe (`| head -1`) ends the run quietly."""
    try:
        write_all(sys.stdout.buffer, data)
    except BrokenPipeError:
        raise PipeClosed() from None


def echo_out(text: str) -> None:
    """Write a line of text (not data) to stdout; a closed pipe ends the run quietly."""
    write_out((text + "\n").encode("utf-8", "backslashreplace"))


class StdoutText:
    """stdout as a text stream that never fails on an unencodable character (undecodable input bytes)."""

    def __init__(self):
        self._stream = sys.stdout

    def write(self, text: str) -> int:
        try:
            if hasattr(self._stream, "buffer"):
                write_all(self._stream.buffer, text.encode("utf-8", "backslashreplace"))
            else:
                self._stream.write(text)
        except BrokenPipeError:
            raise PipeClosed() from None
        return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed() from None

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (AttributeError, ValueError):
            return False

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:
        return "utf-8"


def quiet_pipes() -> None:
    """The reader went away (`| head`): send what is left to /dev/null so that Python's exit flush stays silent."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError):
            pass


def _click_errors(name: str) -> tuple[type, ...]:
    """click's exception class of this name, from the click that typer runs on: recent typer vendors its own copy
    (typer._click, and click is then not installed at all); older typer uses click itself."""
    import importlib

    found = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            found.append(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            pass
    return tuple(found)


# the module that registers each command, in the order `nlcleaner --help` lists them (commands.py imports them all)
COMMAND_MODULES = {
    "clean": "clean_cmd", "check": "check_cmd", "fix": "check_cmd", "explain": "explain_cmd", "rules": "rules_cmd",
    "eval": "eval_cmd", "config": "config_cmd", "learn": "learn_cmd",
}


def register(args: list[str]) -> None:
    """Register the command that `args` names, and only it: the other commands' modules (and what they import) and
    typer's work on their parameters would cost every run start-up time. Anything else (no command, an option,
    --help, a misspelt command) registers them all, in their usual order, so help and errors list every one."""
    import importlib

    module = COMMAND_MODULES.get(args[0]) if args else None
    if module is not None:
        importlib.import_module(f"{__package__}.{module}")
        return
    from . import commands  # noqa: F401  (registers the commands)

    order = {name: i for i, name in enumerate(COMMAND_MODULES)}
    app.registered_commands.sort(key=lambda info: order.get(info.name or info.callback.__name__, len(order)))


# the commands that build a Cleaner first thing (see `collect_again`)
_BUILD_A_CLEANER = ("clean", "check", "fix", "explain")
_collector_paused = False


def _pause_collector(args: list[str]) -> None:
    """Start-up (typer's pydantic, the engine's modules, the unpickled packs) makes ~50,000 objects the cyclic
    garbage collector tracks, all living as long as the process, and it would walk them again and again: ~35 ms
    of a one-line file's run (issue #7). It is paused until the command's Cleaner is built (`collect_again`)."""
    global _collector_paused
    if args and args[0] in _BUILD_A_CLEANER and gc.isenabled():
        gc.disable()
        _collector_paused = True


def collect_again() -> None:
    """The long-lived objects are made: set them apart from the collector (gc.freeze) and let it run again, on what
    the documents make. Nothing when `main` did not pause it (the library, tests that invoke the app)."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.freeze()
        gc.enable()


def main(argv: list[str] | None = None) -> None:
    """The console-script entry point: every way a run can end becomes an exit code and at most one line."""
    args = list(sys.argv[1:] if argv is None else argv)
    _pause_collector(args)
    try:
        _main(argv, args)
    finally:
        global _collector_paused
        if _collector_paused:  # the command ended before it built a Cleaner
            _collector_paused = False
            gc.enable()


def _main(argv: list[str] | None, args: list[str]) -> None:
    from ..errors import NLCleanerError

    register(args)

    try:
        code = app(args=argv, prog_name="nlcleaner", standalone_mode=False)
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into exit 130 by itself
            _safe_print("nlcleaner: interrupted")
        sys.stdout.flush()
    except (KeyboardInterrupt, *_click_errors("Abort")):
        _safe_print("nlcleaner: interrupted")
        code = EXIT_INTERRUPTED
    except (BrokenPipeError, PipeClosed):
        quiet_pipes()
        code = EXIT_OK
    except _click_errors("NoArgsIsHelpError") as exc:  # a bare command: its help, as click shows it
        exc.show()
        code = EXIT_ERROR
    except _click_errors("ClickException") as exc:
        _safe_print(_one_line_usage(exc))
        code = EXIT_ERROR if exc.exit_code in (1, 2) else exc.exit_code
    except NLCleanerError as exc:
        _safe_print(f"nlcleaner: error: {exc}")
        code = EXIT_ERROR
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            quiet_pipes()
            code = EXIT_OK
        else:
            _safe_print(f"nlcleaner: error: {exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}")
            code = EXIT_ERROR
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("NLCLEANER_TRACEBACK"):
            raise
        _safe_print(
            f"nlcleaner: internal error: {type(exc).__name__}: {exc} "
            "(run again with NLCLEANER_TRACEBACK=1 and report the traceback)"
        )
        code = EXIT_ERROR
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _one_line_usage(exc) -> str:
    """A click usage error as the one line every error is: `nlcleaner: error: <what> (see: nlcleaner CMD --help)`."""
    message = " ".join(str(exc.format_message()).split())
    ctx = getattr(exc, "ctx", None)
    where = getattr(ctx, "command_path", None) or "nlcleaner"
    if _click_errors("UsageError") and isinstance(exc, _click_errors("UsageError")):
        return f"nlcleaner: error: {message} (see: {where} --help)"
    return f"nlcleaner: error: {message}"


def _safe_print(line: str) -> None:
    """A line on stderr; nothing when there is no stderr (`2>&-`: print would fall back to stdout, the data)."""
    if sys.stderr is None:
        return
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
