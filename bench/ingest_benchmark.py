"""Importer throughput and memory: ingest a generated corpus into a fresh database, print figures.

    .venv/bin/python bench/ingest_benchmark.py                    # SQLite, 2,000 documents
    .venv/bin/python bench/ingest_benchmark.py --engine postgres  # PostgreSQL on 127.0.0.1:5432
    .venv/bin/python bench/ingest_benchmark.py --docs 500 --keep
    .venv/bin/python bench/ingest_benchmark.py --engine postgres --runs 5  # median of five

Each generated document is about 5 KB of advocacy-report prose built from the shipped
gazetteer and made-up unions and NGOs (`documents/synthetic/texts.py`, the texts
`manage.py generate_archive` imports): a header line, a titled event with dates and a place,
organizers, a speaker list, instruments, and background paragraphs. Prints documents per
second and the process's resident memory every quarter of the run (it should stay flat).

A virtual machine's speed moves from run to run, so the script first times a fixed piece of
pure Python ("machine speed"), to compare figures taken on different days, and `--runs N`
repeats the import into a fresh database N times and prints the median.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from documents.synthetic.texts import ArchiveTextGenerator  # noqa: E402 (pure Python, no Django)

RATE_LINE = " documents/s"


def write_corpus(folder: Path, count: int, seed: int) -> int:
    """The texts `manage.py generate_archive` imports (documents/synthetic/texts.py)."""
    total = 0
    for name, text in ArchiveTextGenerator(seed=seed, documents=count).documents(count):
        (folder / name).write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def run_ingest(folder: Path, count: int) -> None:
    """Runs inside the child process, with DATABASE_URL already set."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy_site.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    # A throwaway key: settings refuse short or example keys when debug is off.
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    import django

    django.setup()
    from django.core.management import call_command

    from documents.services import archive_ingest

    call_command("migrate", verbosity=0)
    files = sorted(folder.glob("*.txt"))
    marks = {len(files) * q // 4 for q in (1, 2, 3, 4)}
    done, started = 0, time.perf_counter()

    def on_file(_name):
        nonlocal done
        done += 1
        if done in marks:
            elapsed = time.perf_counter() - started
            print(
                f"  {done:>6} documents  {done / elapsed:7.1f} docs/s  RSS {rss_mb():7.1f} MB",
                flush=True,
            )

    report = archive_ingest(paths=[folder], on_file=on_file)
    elapsed = time.perf_counter() - started
    if report.failed:
        raise SystemExit(f"{report.failed} documents failed: {report.errors[:3]}")
    print(
        f"  total: {report.new} new, {report.failed} failed in {elapsed:.1f} s "
        f"= {report.new / elapsed:.1f}{RATE_LINE}; records: {dict(report.created)}"
    )


def machine_speed() -> float:
    """Seconds this machine takes for a fixed loop of pure Python (best of three)."""
    best = float("inf")
    for _ in range(3):
        started, total = time.perf_counter(), 0
        for i in range(3_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    return best


def database_fresh(engine: str, work: Path) -> str:
    if engine == "sqlite":
        path = work / "bench.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    name, base = "advocacy_bench", "postgres://postgres@127.0.0.1:5432"
    for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", "-q", f"{base}/postgres", "-c", sql], check=True)
    return f"{base}/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1, help="Imports to run; prints the median.")
    parser.add_argument(
        "--keep", action="store_true", help="Keep the generated corpus and database."
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_ingest(Path(args.child), args.docs)
        return

    work = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    corpus = work / "corpus"
    corpus.mkdir()
    size = write_corpus(corpus, args.docs, args.seed)
    print(f"Corpus: {args.docs} documents, {size / args.docs / 1024:.1f} KB each on average")
    print(f"Machine speed: {machine_speed():.3f} s for 3 million additions in Python")
    rates = []
    for run in range(1, args.runs + 1):
        env = {**os.environ, "DATABASE_URL": database_fresh(args.engine, work)}
        print(f"Ingesting into {args.engine} (one process, one core), run {run} of {args.runs}:")
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", str(corpus), "--docs", str(args.docs)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in child.stdout:
            print(line, end="", flush=True)
            if RATE_LINE in line:
                rates.append(float(line.split(RATE_LINE)[0].rsplit("= ", 1)[1]))
        if child.wait():
            raise SystemExit(f"The import failed (exit status {child.returncode})")
    if args.runs > 1:
        print(
            f"{args.runs} runs: median {statistics.median(rates):.1f} documents/s, "
            f"from {min(rates):.1f} to {max(rates):.1f}"
        )
    if not args.keep:
        import shutil

        shutil.rmtree(work)


if __name__ == "__main__":
    main()
