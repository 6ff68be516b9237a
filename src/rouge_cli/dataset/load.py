"""Reading a dataset file: bytes -> TOML -> validated, linted, frozen `Dataset`."""

from __future__ import annotations

import os
import sys

from rouge_cli.common.collector import PausedCollector
from rouge_cli.common.errors import DataError, Problem
from rouge_cli.common.files import DATASET_LIMIT, FileTooLarge, NotARegularFile, read_regular
from rouge_cli.config.locations import PathLike, dataset_path
from rouge_cli.dataset.checks import check_dataset
from rouge_cli.dataset.lint import lint_dataset
from rouge_cli.dataset.model import Dataset
from rouge_cli.dataset.schema import Parsed, parse_document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]


def read_document(path: PathLike, raw: bytes | None = None) -> dict[str, object]:
    """Parse `path` (or `raw`, bytes read from it) as TOML; any failure becomes a `DataError` naming the file.

    Only a regular file of at most `files.DATASET_LIMIT` bytes is read; a byte order mark is accepted.
    """
    name = os.fspath(path)
    if raw is None:
        try:
            raw = read_regular(path, DATASET_LIMIT)
        except FileNotFoundError:
            raise DataError(name, [Problem("", "no such file")]) from None
        except IsADirectoryError:
            raise DataError(name, [Problem("", "is a directory, not a dataset file")]) from None
        except (NotARegularFile, FileTooLarge) as error:
            raise DataError(name, [Problem("", f"{error.strerror}, not a dataset file")]) from None
        except OSError as error:
            raise DataError(name, [Problem("", f"cannot be read ({error.strerror or error})")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(name, [Problem("", f"is not UTF-8 text (bad byte at offset {error.start})")]) from None
    raw = None  # the text is all the parser needs: the bytes need not stay in memory beside it
    if not text or text.isspace():
        raise DataError(name, [Problem("", "is empty")])
    try:
        document: dict[str, object] = tomllib.loads(text)
        return document
    except tomllib.TOMLDecodeError as error:
        raise DataError(name, [Problem("", f"TOML syntax error: {error}")]) from None
    except RecursionError:
        raise DataError(name, [Problem("", "is nested too deeply to be a dataset")]) from None
    except ValueError as error:  # Python's limit on the digits of an integer
        raise DataError(name, [Problem("", f"holds a number too long to read ({error})")]) from None


def validate(document: dict[str, object]) -> tuple[Parsed, list[Problem]]:
    """The parsed model and every problem: structure, references, dates and the spoiler lint."""
    parsed = parse_document(document)
    del document  # let the checks below reuse its memory (when the caller holds no other reference)
    problems = list(parsed.problems)
    problems += check_dataset(parsed)
    problems += lint_dataset(parsed)
    return parsed, problems


def load_dataset(path: PathLike | None = None) -> Dataset:
    """Load and validate a dataset (the shipped one by default); raise `DataError` on any problem."""
    return load_parsed(path).dataset


def load_parsed(path: PathLike | None = None) -> Parsed:
    """`load_dataset`, with what validating it found out on the way (see `Parsed`)."""
    path = dataset_path(path)
    with PausedCollector(settle=True):
        parsed, problems = validate(read_document(path))
    if problems:
        raise DataError(os.fspath(path), problems)
    return parsed
