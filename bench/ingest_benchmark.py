"""Importer throughput and memory: ingest a generated corpus into a fresh database, print figures.

    .venv/bin/python bench/ingest_benchmark.py                    # SQLite, 2,000 documents
    .venv/bin/python bench/ingest_benchmark.py --engine postgres  # PostgreSQL on 127.0.0.1:5432
    .venv/bin/python bench/ingest_benchmark.py --docs 500 --keep
    .venv/bin/python bench/ingest_benchmark.py --engine postgres --runs 5  # median of five

Each generated document is about 5 KB of advocacy-report prose built from the shipped
gazetteer and instrument list: a header line, a titled event with dates and a place, organizers,
a speaker list, instruments, and background paragraphs. Prints documents per second and the
process's resident memory every quarter of the run (it should stay flat).

A virtual machine's speed moves from run to run, so the script first times a fixed piece of
pure Python ("machine speed"), to compare figures taken on different days, and `--runs N`
repeats the import into a fresh database N times and prints the median.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RATE_LINE = " documents/s"
CITIES = [
    ("Kuala Lumpur", "Malaysia"),
    ("Jakarta", "Indonesia"),
    ("Manila", "Philippines"),
    ("Bangkok", "Thailand"),
    ("Hanoi", "Vietnam"),
    ("Phnom Penh", "Cambodia"),
    ("Kathmandu", "Nepal"),
    ("Dhaka", "Bangladesh"),
    ("Colombo", "Sri Lanka"),
    ("Yangon", "Myanmar"),
    ("Singapore", "Singapore"),
    ("Amman", "Jordan"),
]
KINDS = ["Regional Consultation", "National Workshop", "Training", "Sub-Regional Forum", "Seminar"]
THEMES = [
    "fair recruitment",
    "domestic work",
    "social protection for migrant workers",
    "skills recognition",
    "trade union organising",
    "access to justice",
    "ratification",
]
FIRST = [
    "Aini",
    "Budi",
    "Chandra",
    "Dewi",
    "Eko",
    "Farah",
    "Gita",
    "Hassan",
    "Indah",
    "Joko",
    "Kamal",
    "Lina",
    "Maya",
    "Nur",
    "Omar",
    "Putri",
    "Rina",
    "Sari",
    "Tomas",
    "Umar",
]
LAST = [
    "Rahman",
    "Santos",
    "Wijaya",
    "Nguyen",
    "Sharma",
    "Perera",
    "Tan",
    "Lim",
    "Reyes",
    "Hossain",
    "Thapa",
    "Aung",
    "Khan",
    "Cruz",
    "Bautista",
    "Suryani",
    "Gurung",
    "Silva",
]
TITLES = ["Director", "Coordinator", "President", "Programme Officer"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FILLER = (
    "Participants shared experiences of recruitment fees, contract substitution and the "
    "withholding of passports, and discussed how unions and migrant associations in origin and "
    "destination countries can work together to document complaints and assist workers. "
)


def generate_document(rng: random.Random, n: int, orgs: list[dict], instruments: list[str]) -> str:
    city, country = rng.choice(CITIES)
    year, month, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 24)
    kind, theme = rng.choice(KINDS), rng.choice(THEMES)
    organizers = rng.sample(orgs, 4)
    people = [
        f"{rng.choice(FIRST)} {rng.choice(LAST)}, {rng.choice(TITLES)}, {o['name']}"
        for o in rng.sample(orgs, 5)
    ]
    inst = rng.sample(instruments, 2)
    title = f"{kind} on {theme.title()} No. {n}, {day}-{day + 2} {MONTHS[month - 1]} {year}"
    parts = [
        title,
        f"{day + 10} {MONTHS[month - 1][:3]} {year} | {kind.split()[-1]}s | Regional",
        f"The {kind.lower()} on {theme} was held in {city}, {country} on {day}-{day + 2} "
        f"{MONTHS[month - 1]} {year}, organized by {organizers[0]['name']} in partnership with "
        f"{organizers[1]['name']}, with the support of {organizers[2]['name']}.",
        f"Speakers included: {'; '.join(people)}.",
        f"Discussions focused on {inst[0]} and {inst[1]}, and on the role of "
        f"{organizers[3]['name']} ({organizers[3]['acronym'] or 'its members'}).",
    ]
    while sum(len(p) for p in parts) < 5000:
        parts.append(FILLER * 2)
    parts.append(
        f"In {year - rng.randint(1, 5)}, {organizers[0]['name']} signed a Memorandum of "
        f"Understanding with {organizers[3]['name']}."
    )
    return "\n\n".join(parts) + "\n"


def write_corpus(folder: Path, count: int, seed: int) -> int:
    rng = random.Random(seed)
    orgs = json.loads((ROOT / "data/reference/organizations.json").read_text(encoding="utf-8"))
    instruments = [
        "ILO Convention No. 189",
        "C97",
        "Conventions 87 and 98",
        "C143",
        "the UN Convention on the Rights of All Migrant Workers and Members of their Families",
        "the ASEAN Consensus on the Protection and Promotion of the Rights of Migrant Workers",
        "the Global Compact for Migration",
        "ILO Convention 190",
    ]
    total = 0
    for n in range(count):
        text = generate_document(rng, n, orgs, instruments)
        (folder / f"report-{n:05d}.txt").write_text(text, encoding="utf-8")
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
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark")
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
