"""The `rouge` console script: quick paths for shell completion and everyday lookups, else Typer.

Everything runs inside one guard installed before any heavy import: Ctrl-C at any moment
exits 130 quietly, and missing or narrow-encoded standard streams cannot end in a traceback.
"""

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

EXIT_INTERRUPTED = 130
MAX_COLUMNS = 10_000


def main() -> None:
    """Run the command line."""
    sys.unraisablehook = _unraisable
    try:
        _prepare_streams()
        _run()
    except KeyboardInterrupt:
        _interrupted()


def _run() -> None:
    _take_global_flags(sys.argv)
    if os.environ.get("_ROUGE_COMPLETE"):
        from rouge_cli.cli.completion.tab import answer

        code = answer(os.environ)
        if code is not None:
            _finish(code)
    else:
        from rouge_cli.cli.help_cache import requested_page

        page = requested_page(sys.argv[1:])
        if page is not None:
            _help(page)
        from rouge_cli.cli.fast_path import plan

        run = plan(sys.argv[1:])
        if run is not None:
            from rouge_cli.cli.failures import run_guarded

            _finish(run_guarded(run))
    if _names_a_shell(sys.argv[1:]):
        # `rouge --show-completion zsh`: let the completion options take the shell named
        # instead of guessing the current one.
        os.environ["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"
    from rouge_cli.cli.app import app

    app(prog_name="rouge")


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _help(page: tuple[str, ...]) -> None:
    """Print a cached help page and exit; on a miss, cache every page for Typer's next answer."""
    from rouge_cli.cli import help_cache

    text = help_cache.cached_page(page)
    if text is not None:
        from rouge_cli.cli.failures import run_guarded

        def show() -> None:
            sys.stdout.write(text)

        _finish(run_guarded(show))
    try:  # noqa: SIM105 - no contextlib import on this path
        help_cache.remember_pages()
    except (ImportError, AttributeError, TypeError, ValueError, OSError):  # a cache is never worth an error
        pass


GLOBAL_FLAGS = {"--no-color": "NO_COLOR", "--no-pager": "ROUGE_NO_PAGER"}


def _take_global_flags(argv: list[str]) -> None:
    """`--no-color` and `--no-pager` anywhere before `--` (not only before the command).

    Each sets its environment variable (NO_COLOR=1, ROUGE_NO_PAGER=1) and is dropped from the line.
    """
    args = argv[1:]
    end = args.index("--") if "--" in args else len(args)
    taken = GLOBAL_FLAGS.keys() & set(args[:end])
    for flag in taken:
        os.environ[GLOBAL_FLAGS[flag]] = "1"
    if taken:
        argv[1:] = [arg for arg in args[:end] if arg not in taken] + args[end:]


QUICK_EXIT = True
"""Whether `_finish` skips the interpreter's teardown (tests that run `main` in-process turn it off)."""


def _finish(code: int) -> "NoReturn":
    """End a run answered on a quick path: streams flushed, then exit without tearing the interpreter down.

    What the run built (a view, a document, a page) would otherwise be freed object by object
    and every module unloaded, a tenth of a large catch-up's time, to no one's benefit: a quick
    path leaves no file open, no thread running and nothing registered to run at exit.
    """
    if not QUICK_EXIT:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:  # noqa: SIM105 - no contextlib import on this path
            stream.flush()
        except (OSError, ValueError):  # a closed or broken stream: what it held cannot be written anyway
            pass
    os._exit(code)


def _names_a_shell(args: list[str]) -> bool:
    for index, arg in enumerate(args):
        option, _, value = arg.partition("=")
        if option in ("--show-completion", "--install-completion"):
            return value in SHELLS or (not value and index + 1 < len(args) and args[index + 1] in SHELLS)
    return False


def _prepare_streams() -> None:
    """Closed streams write to nowhere; a narrow encoding degrades; a nonsense COLUMNS is ignored."""
    from rouge_cli.common.text import speaks_utf8

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not speaks_utf8(stream):
            reconfigure(errors="replace")
    columns = os.environ.get("COLUMNS")
    if columns is not None and not (
        columns.isascii() and columns.isdigit() and len(columns) <= 5 and 0 < int(columns) <= MAX_COLUMNS
    ):
        del os.environ["COLUMNS"]


def _unraisable(unraisable: "sys.UnraisableHookArgs") -> None:
    """Ctrl-C where Python cannot raise it (a weakref callback in the import system, a `__del__`): exit 130.

    Python's own hook would print "Exception ignored" and carry on as if nothing happened.
    """
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _interrupted()
    sys.__unraisablehook__(unraisable)


def _interrupted() -> None:
    try:  # noqa: SIM105 - no contextlib import on this path
        os.write(2, b"\n")
    except OSError:
        pass
    os._exit(EXIT_INTERRUPTED)
