"""The project's own exceptions; only the CLI layer turns them into messages and exit codes."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    from rouge_cli.common.records import Record

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_PROGRESS = 4
EXIT_INTERRUPTED = 130


class RougeError(Exception):
    """Base class: carries a one-line message and the exit code it maps to."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(RougeError):
    """The command line asks for something impossible (a bad episode, a bad filter)."""

    exit_code = EXIT_USAGE


class NotFoundError(RougeError):
    """No visible character, faction or episode answers the query, or several do."""

    exit_code = EXIT_NOT_FOUND


class ProgressError(RougeError):
    """The saved progress file cannot be read or written."""

    exit_code = EXIT_PROGRESS


class Problem(Record):
    """One thing wrong with a dataset: where (a key path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class DataError(RougeError):
    """A dataset file is missing, unreadable or invalid; lists every problem found."""

    exit_code = EXIT_DATA

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = tuple(problems)
        shown = file if len(file) <= 160 else f"{file[:100]}…{file[-40:]}"
        count = len(self.problems)
        if count == 1:
            summary = f"{shown}: {self.problems[0]}"
        else:
            summary = f"{shown}: {count} problems, first: {self.problems[0]}"
        super().__init__(summary)
