"""Time rouge's start-up paths against `python -c pass` and check the performance goals.

Usage: python benchmarks/run.py [--rounds N] [--rouge PATH]

Runs the *installed* `rouge` (next to this Python, or --rouge) in paired runs: each round
runs `python -c pass` and every measured command once, alternating, and the report uses
medians, so that drift on a busy machine affects both sides alike. Peak memory is the
child's maximum resident set size (wait4). Exits 1 when any goal is missed.

The large-dataset goals use a synthetic dataset built here: 10,000 characters over 1,000
episodes with about 100,000 facts, valid and spoiler-lint clean. The bulk commands (every
relation, a catch-up on every episode) are also run on one ten times smaller (1,000
characters over 100 episodes): at 10,000 they must take at most 12 times as long. The first
run after a data change (empty cache) is held to at most 1.5x the time and 1.5x the peak
memory of a plain `tomllib` parse of the same file, on that dataset and on the spoiler
lint's worst case.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    max_ratio: float | None = None
    max_seconds: float | None = None
    max_mib: float | None = None
    max_mib_ratio: float | None = None  # peak memory against the baseline's (a plain parse)
    before: object = None  # a callable run before each timing (e.g. to drop the cache)
    baseline: str = "pass"
    slow: bool = False  # sampled only in the first rounds (a bulk command or a first run takes seconds)
    codes: tuple[int, ...] = (0,)


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    mib: list[float] = field(default_factory=list)


def measure(argv: list[str], env: dict[str, str], codes: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall time and CPU time (user + system, from wait4) of one run of `argv`."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) not in codes:
        raise SystemExit(f"benchmark command failed: {' '.join(argv)}")
    return elapsed, usage.ru_utime + usage.ru_stime


def peak_memory(argv: list[str], env: dict[str, str]) -> float | None:
    """Peak resident memory (MiB) of one run, measured by GNU time (a small C parent, so the
    figure is the command's own); None when GNU time is not installed."""
    gnu_time = shutil.which("time", path="/usr/bin:/bin")
    if gnu_time is None:
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
        subprocess.run(
            [gnu_time, "-f", "%M", "-o", report.name, *argv],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        text = report.read().strip().splitlines()
    return int(text[-1]) / 1024 if text and text[-1].isdigit() else None


def synthetic_dataset(path: Path, characters: int = 10_000, episodes: int = 1_000, facts: int = 100_000) -> None:
    """Write a large valid dataset: unique made-up names, dated facts, some personas and relations."""
    rng = random.Random(2024)
    syllables = ["ka", "ro", "mi", "zu", "te", "la", "vo", "ne", "shi", "da", "pu", "gre"]

    def word(i: int) -> str:
        out = ""
        while True:
            out += syllables[i % len(syllables)]
            i //= len(syllables)
            if i == 0:
                return out.capitalize()

    lines = ['[series]\ntitle = "Synthetic"\nstudio = "Bench"\nyear = 2024\n', '[sources]\nB = "benchmark"\n']
    lines += [
        f'[[episodes]]\nnumber = {n}\ntitle = "Part {n}"\nair_date = 2024-01-01\nsource = "B"\n'
        for n in range(1, episodes + 1)
    ]
    lines.append(
        '[[factions]]\nid = "guild"\nrevealed_in = 1\nsource = "B"\n'
        'names = [{ text = "Guild", kind = "name", revealed_in = 1, source = "B" }]\n'
    )
    per = facts // characters
    for i in range(characters):
        first = rng.randint(1, episodes)
        named = min(episodes, first + rng.randint(0, 3))
        name = f"{word(i)} Q{i}"
        fact_lines = ",\n  ".join(
            f'{{ text = "Does thing {j} in part {e}.", revealed_in = {e}, source = "B" }}'
            for j, e in enumerate(sorted(rng.randint(first, episodes) for _ in range(per)))
        )
        relation = ""
        if i > 0 and rng.random() < 0.3:
            other = rng.randrange(0, i)
            relation = f'relations = [{{ to = "c{other}", label = "ally", revealed_in = {episodes}, source = "B" }}]\n'
        lines.append(
            f'[[characters]]\nid = "c{i}"\nrevealed_in = {first}\nsource = "B"\ndescriptor = "figure number {i}"\n'
            f'names = [{{ text = "{name}", kind = "name", revealed_in = {named}, source = "B" }}]\n'
            f'status = [{{ value = "alive", revealed_in = {first}, source = "B" }}]\n'
            f'factions = [{{ id = "guild", revealed_in = {first}, source = "B" }}]\n{relation}'
            f"facts = [\n  {fact_lines},\n]\n"
        )
    path.write_text("\n".join(lines), encoding="utf-8")


def shared_first_word_dataset(path: Path, characters: int = 20_000) -> None:
    """20,000 characters all named "Smith N", each fact naming another: the spoiler lint's worst case."""
    out = ['[series]\ntitle = "Smiths"\n[sources]\nS = "generated"\n']
    out.append('[[episodes]]\nnumber = 1\ntitle = "One"\nair_date = 2024-01-01\nsource = "S"\n')
    for i in range(characters):
        dated = 'revealed_in = 1, source = "S"'
        out.append(
            f'[[characters]]\nid = "c{i}"\nrevealed_in = 1\nsource = "S"\n'
            f'names = [{{ text = "Smith {i}", kind = "name", {dated} }}]\n'
            f'facts = [{{ text = "Knows Smith {(i + 1) % characters} well.", {dated} }}]\n'
        )
    path.write_text("".join(out), encoding="utf-8")


def rouge_path(explicit: str | None) -> str:
    if explicit:
        return explicit
    candidate = Path(PYTHON).with_name("rouge")
    found = str(candidate) if candidate.exists() else shutil.which("rouge")
    if not found:
        raise SystemExit("no installed `rouge` found: pip install . first, or pass --rouge PATH")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--rouge", help="the rouge executable to measure (default: next to this Python)")
    parser.add_argument("--only", metavar="TEXT", help="run only the cases whose name contains TEXT (and baselines)")
    parser.add_argument("--generate", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--tenth", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        synthetic_dataset(Path(args.generate), *((1_000, 100, 10_000) if args.tenth else ()))
        return 0
    rouge = rouge_path(args.rouge)

    work = Path(tempfile.mkdtemp(prefix="rouge-bench-"))
    cache = work / "cache"
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "COMP_", "_TYPER"))}
    base_env.update(XDG_CACHE_HOME=str(cache), XDG_CONFIG_HOME=str(work / "config"), NO_COLOR="1", COLUMNS="100")
    big = work / "synthetic.toml"
    print(f"building the synthetic dataset in {big} ...", flush=True)
    # In a child process, so that this one stays small: a child's peak memory as the kernel
    # reports it can include what it shared with its parent before running the command.
    subprocess.run([PYTHON, __file__, "--generate", str(big)], check=True)
    print(f"  {big.stat().st_size / 2**20:.1f} MiB", flush=True)
    tenth = work / "synthetic-1k.toml"
    subprocess.run([PYTHON, __file__, "--generate", str(tenth), "--tenth"], check=True)
    smiths = work / "smiths.toml"
    shared_first_word_dataset(smiths)
    bash = {"_ROUGE_COMPLETE": "complete_bash", "COMP_WORDS": "rouge who -e 5 gi", "COMP_CWORD": "4"}
    zsh = {"_ROUGE_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "rouge who -e 5 gi"}
    bash_paused = {"_ROUGE_COMPLETE": "complete_bash", "COMP_WORDS": "rouge who -e 5@12:30 gi", "COMP_CWORD": "4"}

    saved = {"XDG_CONFIG_HOME": str(work / "config-saved")}
    (work / "config-saved" / "rouge").mkdir(parents=True)
    (work / "config-saved" / "rouge" / "progress.toml").write_text('up_to_episode = 5\nat = "12:30"\n')
    bash_saved = {"_ROUGE_COMPLETE": "complete_bash", "COMP_WORDS": "rouge who gi", "COMP_CWORD": "2"}
    big_words = f"rouge who --all --data {big} kaka"
    bash_big = {"_ROUGE_COMPLETE": "complete_bash", "COMP_WORDS": big_words, "COMP_CWORD": "5"}
    env_paused = {"ROUGE_UP_TO_EPISODE": "5@12:30"}

    color = {"FORCE_COLOR": "1"}
    big_cache = {"XDG_CACHE_HOME": str(work / "cache-big")}

    def drop_cache() -> None:  # only the synthetic dataset's cache: the other paths keep theirs
        shutil.rmtree(work / "cache-big", ignore_errors=True)

    smith_cache = {"XDG_CACHE_HOME": str(work / "cache-smiths")}

    def drop_smith_cache() -> None:
        shutil.rmtree(work / "cache-smiths", ignore_errors=True)

    def bulk(command: list[str], seconds: float, big_command: list[str] | None = None) -> list[Case]:
        """A bulk command on the 1,000-character dataset, then on the 10,000 one: at most `seconds`, and
        at most 12 times as long (the growth check)."""
        big_command = big_command or command
        small_argv = [rouge, *command, "--all", "--json", "--data", str(tenth)]
        small = Case(f"1k: {' '.join(command)} --json", small_argv, slow=True)
        large = Case(
            f"big: {' '.join(big_command)} --json",
            [rouge, *big_command, "--all", "--json", "--data", str(big)],
            max_ratio=12,
            max_seconds=seconds,
            baseline=small.name,
            slow=True,
        )
        return [small, large]

    cases = [
        Case("python -c pass", [PYTHON, "-c", "pass"]),
        Case("who giallon -e 5 --json", [rouge, "who", "giallon", "-e", "5", "--json"], max_ratio=3, max_mib=17),
        Case(
            "list -f 'Immortal Nine' --json",
            [rouge, "list", "--faction", "Immortal Nine", "-e", "8", "--json"],
            max_ratio=3,
            max_mib=17,
        ),
        Case("who giallon -e 5 (Rich)", [rouge, "who", "giallon", "-e", "5"], color, max_ratio=6.5, max_mib=21),
        Case("who giallon -e 5@12:30 --json", [rouge, "who", "giallon", "-e", "5@12:30", "--json"], max_ratio=3),
        Case("who giallon (env 5@12:30, Rich)", [rouge, "who", "giallon"], {**color, **env_paused}, max_ratio=6.5),
        Case("episode 4 -e 6 (Rich)", [rouge, "episode", "4", "-e", "6"], color, max_ratio=7),
        Case("timeline giallon -e 13 (Rich)", [rouge, "timeline", "giallon", "-e", "13"], color, max_ratio=7),
        Case("factions -e 8 (Rich)", [rouge, "factions", "-e", "8"], color, max_ratio=7),
        Case("since 1 -e 13 (Rich)", [rouge, "since", "1", "-e", "13"], color, max_ratio=7),
        Case("relations -e 13 (Rich)", [rouge, "relations", "-e", "13"], color, max_ratio=7),
        Case("search nectar -e 6 --json", [rouge, "search", "nectar", "-e", "6", "--json"], max_ratio=3.5),
        Case("--help", [rouge, "--help"], max_ratio=2),
        Case("who --help", [rouge, "who", "--help"], max_ratio=2),
        Case("usage error (who)", [rouge, "who"], max_ratio=2, codes=(2,)),
        Case("complete name (bash)", [rouge], bash, max_ratio=1.3),
        Case("complete name (zsh)", [rouge], zsh, max_ratio=1.3),
        Case("complete name (bash, -e 5@12:30)", [rouge], bash_paused, max_ratio=1.3),
        Case("complete name (bash, saved progress)", [rouge], {**bash_saved, **saved}, max_ratio=1.3),
        Case("big: complete name (bash)", [rouge], bash_big, max_ratio=1.5),
        Case(
            "big: who NAME --json",
            [rouge, "who", "Q4242", "--all", "--json", "--data", str(big)],
            max_ratio=3.5,
            max_mib=16,
        ),
        Case(
            "big: since 999 --json",
            [rouge, "since", "999", "--all", "--json", "--data", str(big)],
            max_ratio=3.5,
        ),
        Case("big: since 999 (Rich)", [rouge, "since", "999", "--all", "--data", str(big)], color, max_ratio=7),
        Case(
            "big: relations NAME --json",
            [rouge, "relations", "Q29", "--all", "--json", "--data", str(big)],
            max_ratio=3.5,
        ),
        Case(
            "big: relations NAME (Rich)", [rouge, "relations", "Q29", "--all", "--data", str(big)], color, max_ratio=7
        ),
        *bulk(["relations"], 1.5),
        *bulk(["since", "1"], 1.5),
        *bulk(["list"], 1.5),
        *bulk(["search", "kaka"], 0.8),
        *bulk(["episode", "50"], 0.8, big_command=["episode", "500"]),
        *bulk(["factions"], 0.8),
        Case(
            "big: plain tomllib parse",
            [PYTHON, "-c", f"import tomllib; tomllib.load(open({str(big)!r}, 'rb'))"],
            slow=True,
        ),
        Case(
            "big: first run after a change",
            [rouge, "who", "Q4242", "--all", "--json", "--data", str(big)],
            big_cache,
            before=drop_cache,
            slow=True,
            max_ratio=1.5,
            max_mib_ratio=1.5,
            baseline="big: plain tomllib parse",
        ),
        Case(
            "smiths: plain tomllib parse",
            [PYTHON, "-c", f"import tomllib; tomllib.load(open({str(smiths)!r}, 'rb'))"],
            slow=True,
        ),
        Case(
            "smiths: first run (20k 'Smith N')",
            [rouge, "who", "Smith 4242", "--json", "-e", "1", "--data", str(smiths)],
            smith_cache,
            before=drop_smith_cache,
            slow=True,
            max_ratio=1.5,
            max_mib_ratio=1.5,
            baseline="smiths: plain tomllib parse",
        ),
    ]
    if args.only:
        wanted = {c.name for c in cases if args.only in c.name}
        wanted |= {c.baseline for c in cases if c.name in wanted}
        cases = [cases[0], *(c for c in cases[1:] if c.name in wanted)]
    samples = {case.name: Sample() for case in cases}
    for case in cases:  # warm up (fill caches, compile bytecode) and take peak memory
        env = {**base_env, **case.env}
        measure(case.argv, env, case.codes)
        for _ in range(3):
            if callable(case.before):
                case.before()
            mib = peak_memory(case.argv, env)
            if mib is not None:
                samples[case.name].mib.append(mib)
    # Paired runs: every sample of a command is taken right after a sample of its baseline
    # (`python -c pass`, or the plain parse for the first run after a change), and each
    # ratio compares the medians of those pairs, so drift on a busy machine cancels out.
    by_name = {case.name: case for case in cases}
    baselines = {case.name: Sample() for case in cases}
    for round_number in range(args.rounds):
        for case in cases[1:]:
            if case.slow and round_number >= max(3, args.rounds // 3):
                continue
            base_case = by_name[case.baseline] if case.baseline != "pass" else cases[0]
            wall, cpu = measure(base_case.argv, {**base_env, **base_case.env})
            baselines[case.name].seconds.append(wall)
            baselines[case.name].cpu.append(cpu)
            if callable(case.before):
                case.before()
            wall, cpu = measure(case.argv, {**base_env, **case.env}, case.codes)
            samples[case.name].seconds.append(wall)
            samples[case.name].cpu.append(cpu)

    missed = 0
    print(f"\n{'path':38} {'median':>9} {'ratio':>7} {'cpu':>7} {'goal':>9} {'peak':>9} {'goal':>7}")
    for case in cases[1:]:
        median = statistics.median(samples[case.name].seconds)
        ratio = median / statistics.median(baselines[case.name].seconds)
        cpu_ratio = statistics.median(samples[case.name].cpu) / max(statistics.median(baselines[case.name].cpu), 1e-6)
        peak = max(samples[case.name].mib, default=float("nan"))
        ok_time = (case.max_ratio is None or ratio <= case.max_ratio) and (
            case.max_seconds is None or median <= case.max_seconds
        )
        ok_mem = case.max_mib is None or peak != peak or peak <= case.max_mib
        if case.max_mib_ratio is not None:  # NaN (no GNU time) compares False: the goal is skipped
            base_peak = max(samples[case.baseline].mib, default=float("nan"))
            ok_mem = ok_mem and not peak > case.max_mib_ratio * base_peak
        missed += not (ok_time and ok_mem)
        goals = [f"{case.max_ratio:g}x"] if case.max_ratio is not None else []
        goals += [f"{case.max_seconds:g}s"] if case.max_seconds is not None else []
        goal = " ".join(goals)
        mem_goal = f"{case.max_mib:g} MiB" if case.max_mib else f"{case.max_mib_ratio:g}x" if case.max_mib_ratio else ""
        flag = "" if ok_time and ok_mem else "  MISSED"
        print(
            f"{case.name:38} {median * 1000:7.1f}ms {ratio:6.2f}x {cpu_ratio:6.2f}x {goal:>9} {peak:6.1f}MiB"
            f" {mem_goal:>7}{flag}"
        )
    pass_median = statistics.median(baselines[cases[1].name].seconds)
    pass_peak = max(samples[cases[0].name].mib, default=float("nan"))
    print(f"{'(python -c pass)':38} {pass_median * 1000:7.1f}ms {1:6.2f}x {1:6.2f}x           {pass_peak:6.1f}MiB")
    print(
        "\nratios (wall, and CPU: user + system) are to `python -c pass`, except the first run after a change"
        " (time and peak memory, to a plain parse of the file) and the big bulk commands (to the same on 1,000"
        " characters)"
    )
    shutil.rmtree(work, ignore_errors=True)
    if missed:
        print(f"{missed} goal(s) missed")
        return 1
    print("all goals met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
