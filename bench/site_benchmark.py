"""Site speed: serve the archive under gunicorn at a given size and time every page type.

    .venv/bin/python bench/site_benchmark.py --engine sqlite --documents 1000
    .venv/bin/python bench/site_benchmark.py --engine postgres --documents 10000 --reuse
    .venv/bin/python bench/site_benchmark.py --documents 1000 --reuse --concurrency 8

Builds a database of that size with `manage.py generate_archive` (or reuses the one a previous
run built, with --reuse), runs ANALYZE, serves the site with gunicorn (2 workers, DEBUG off, a
throwaway secret, on 127.0.0.1 only) and requests each page type N times, one at a time. Prints
per page type the server's time for it (p50, p95; measured inside Django by bench/site_server.py,
which also counts the SQL queries), the time the client saw, the response size, and the ratio to
a bare Django view measured in the same run; then each worker's resident memory. With
--concurrency, it also measures requests per second for a few pages with that many client
threads for --seconds each.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES = "postgres://postgres@127.0.0.1:5432"
HOST = "127.0.0.1"  # loopback only: this is a measurement, never a public server
BARE = "/__bench__/bare/"
THROUGHPUT_PAGES = ("bare view", "home", "busiest organization", "search, common word")
MAX_CONCURRENCY, MAX_SECONDS = 32, 120


def database_url(args) -> str:
    if args.engine == "sqlite":
        name = args.database or f"/tmp/site-benchmark/archive-{args.documents}-{args.seed}.sqlite3"
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{name}"
    return f"{POSTGRES}/{args.database or f'adv_site_bench_{args.documents}'}"


def django_env(url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # gunicorn serves plain HTTP on loopback here
        **extra,
    }


def manage(env: dict, *command: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *command],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def archive_size(env: dict) -> int:
    """Documents in the database, or -1 when it has no tables yet."""
    code = (
        "from documents.models import SourceDocument\n"
        "try:\n    print(SourceDocument.objects.count())\n"
        "except Exception:\n    print(-1)\n"
    )
    return int(manage(env, "shell", "-v", "0", "-c", code, capture=True).split()[-1])


def database_build(args, env: dict) -> None:
    """A fresh database of the size asked for, unless --reuse finds one already built."""
    if args.reuse and archive_size_or_none(env) == args.documents:
        print(f"Reusing {env['DATABASE_URL']} ({args.documents:,} documents)")
        return
    print(f"Building {env['DATABASE_URL']}: {args.documents:,} documents, seed {args.seed}")
    if args.engine == "sqlite":
        Path(env["DATABASE_URL"].removeprefix("sqlite://")).unlink(missing_ok=True)
    else:
        name = env["DATABASE_URL"].rsplit("/", 1)[1]
        for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
            subprocess.run(["psql", "-q", f"{POSTGRES}/postgres", "-c", sql], check=True)
    started = time.perf_counter()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "generate_archive", "--documents", str(args.documents), "--seed", str(args.seed))
    print(f"Built in {time.perf_counter() - started:.0f} s")


def archive_size_or_none(env: dict) -> int | None:
    try:
        return archive_size(env)
    except subprocess.CalledProcessError:  # no such database
        return None


PICK_PAGES = """
import json
from django.db import connection
from django.db.models import Count
from django.urls import reverse
from taggit.models import Tag
from documents.models import Convention, Event, SourceDocument
from organizations.models import Organization, Person
connection.cursor().execute("ANALYZE")
def most(qs, by):
    return qs.annotate(n=Count(by, distinct=True)).order_by("-n", "id").first()
year = (Event.objects.published().values_list("start_date__year", flat=True)
        .annotate(n=Count("id")).order_by("-n").first())
busiest = most(Organization.objects.published(), "event_roles__event")
acronym = most(Organization.objects.published().exclude(acronym=""), "event_roles__event")
tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("-n").first()
print(json.dumps({
    "bare view": "BARE",
    "home": reverse("home"),
    "events": reverse("documents:event-list"),
    "a year": reverse("documents:event-archive-year", args=[year]),
    "event": most(Event.objects.published(), "organization_roles").get_absolute_url(),
    "organizations": reverse("organizations:organization-list"),
    "organizations ?q=": reverse("organizations:organization-list") + "?q=workers",
    "busiest organization": busiest.get_absolute_url(),
    "person": most(Person.objects.published(), "mentions").get_absolute_url(),
    "convention": most(Convention.objects.published(), "mentions").get_absolute_url(),
    "document": SourceDocument.objects.published().order_by("id").first().get_absolute_url(),
    "tag": reverse("documents:tag-detail", args=[tag.slug]),
    "search, common word": reverse("documents:search") + "?q=migrant",
    "search, rare word": reverse("documents:search") + "?q=sericulture",
    "search, acronym": reverse("documents:search") + "?q=" + acronym.acronym,
    "search, phrase": reverse("documents:search") + "?q=%22fair+recruitment%22",
    "search with a facet": reverse("documents:search") + "?q=migrant&type=event",
}))
"""


def pages_pick(env: dict) -> dict[str, str]:
    """ANALYZE, then the paths of the pages to time: the busiest of each kind."""
    output = manage(env, "shell", "-v", "0", "-c", PICK_PAGES, capture=True)
    pages = json.loads(output.strip().splitlines()[-1])
    return {kind: BARE if path == "BARE" else path for kind, path in pages.items()}


def server_start(env: dict, port: int, workers: int, timeout: float) -> subprocess.Popen:
    static = tempfile.mkdtemp(prefix="site-benchmark-static-")
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "site_server",
        "SITE_BENCHMARK_STATIC_ROOT": static,
        "PYTHONPATH": f"{ROOT / 'bench'}:{ROOT}",
    }
    manage(env, "collectstatic", "--noinput", "-v", "0")
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "advocacy_site.wsgi:application",
            f"--bind={HOST}:{port}",
            f"--workers={workers}",
            f"--timeout={timeout:.0f}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(300):
        try:
            if fetch(port, BARE)[0] == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer within a minute")


def fetch(port: int, path: str, timeout: float = 900) -> tuple[int, float, float, int, int]:
    """(status, server ms, client ms, SQL queries, bytes) of one GET."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    client_ms = (time.perf_counter() - started) * 1000
    server_ms = float(response.getheader("X-Bench-Time-Ms", "nan"))
    queries = int(response.getheader("X-Bench-Queries", "-1"))
    return response.status, server_ms, client_ms, queries, len(body)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def page_measure(port: int, path: str, requests: int, timeout: float) -> dict:
    try:
        for _ in range(2):  # each worker loads its code and caches once
            fetch(port, path, timeout)
    except TimeoutError:  # gunicorn's own timeout, the same, replaces the worker
        return {
            "path": path,
            "status": f"over {timeout:.0f} s",
            "p50_ms": math.nan,
            "p95_ms": math.nan,
            "client_p50_ms": math.nan,
            "queries": -1,
            "kb": math.nan,
        }
    samples = [fetch(port, path) for _ in range(requests)]
    bad = {s[0] for s in samples if s[0] != 200}
    server = [s[1] for s in samples]
    return {
        "path": path,
        "status": ",".join(map(str, sorted(bad))) or "200",
        "p50_ms": statistics.median(server),
        "p95_ms": percentile(server, 0.95),
        "client_p50_ms": statistics.median(s[2] for s in samples),
        "queries": max(s[3] for s in samples),
        "kb": samples[-1][4] / 1024,
    }


def throughput(port: int, path: str, clients: int, seconds: float) -> float:
    """Requests per second that `clients` threads get answered in `seconds`."""
    done, stop = [0] * clients, time.perf_counter() + seconds

    def client(slot: int) -> None:
        while time.perf_counter() < stop:
            fetch(port, path)
            done[slot] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started)


def worker_memory_mb(master: int) -> list[float]:
    """Resident memory of each gunicorn worker (the master's children), from /proc."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def report_print(results: dict[str, dict], args) -> None:
    bare = results["bare view"]["client_p50_ms"]
    print(
        f"\n{args.engine}, {args.documents:,} documents, {args.requests} requests per page, "
        "server time measured inside Django, client time and its ratio to the bare view's:"
    )
    header = f"{'page':<22} {'p50 ms':>9} {'p95 ms':>9} {'client':>9} {'× bare':>8} "
    print(header + f"{'queries':>7} {'KB':>7}  status")
    for kind, r in results.items():
        print(
            f"{kind:<22} {r['p50_ms']:>9.1f} {r['p95_ms']:>9.1f} {r['client_p50_ms']:>9.1f} "
            f"{r['client_p50_ms'] / bare:>8.1f} {r['queries']:>7} {r['kb']:>7.1f}  {r['status']}"
        )


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--documents", type=int, choices=[1000, 10000, 100000], default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="Keep a database already built.")
    parser.add_argument("--database", help="SQLite file or PostgreSQL database name to use.")
    parser.add_argument("--requests", type=int, default=20, help="Timed requests per page.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=0, help="Client threads (0: none).")
    parser.add_argument("--seconds", type=float, default=10, help="Per throughput figure.")
    parser.add_argument(
        "--page-timeout", type=float, default=120, help="Give up on a page after this many s."
    )
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="Render every request (PUBLIC_PAGE_CACHE_SECONDS=0): a page's cost uncached.",
    )
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args()
    if not 0 <= args.concurrency <= MAX_CONCURRENCY or not 0 < args.seconds <= MAX_SECONDS:
        parser.error(f"--concurrency 0..{MAX_CONCURRENCY}, --seconds up to {MAX_SECONDS}")
    if args.requests < 1:
        parser.error("--requests must be at least 1")
    return args


def main() -> None:
    args = arguments()
    cache_off = {"PUBLIC_PAGE_CACHE_SECONDS": "0"} if args.no_page_cache else {}
    env = django_env(database_url(args), **cache_off)
    database_build(args, env)
    pages = pages_pick(env)
    server = server_start(env, args.port, args.workers, args.page_timeout)
    try:
        results = {
            kind: page_measure(args.port, url, args.requests, args.page_timeout)
            for kind, url in pages.items()
        }
        memory = worker_memory_mb(server.pid)
        rates = {
            kind: throughput(args.port, pages[kind], args.concurrency, args.seconds)
            for kind in THROUGHPUT_PAGES
            if args.concurrency and results[kind]["status"] == "200"
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    report_print(results, args)
    print("Worker resident memory: " + ", ".join(f"{mb:.0f} MB" for mb in memory))
    for kind, rate in rates.items():
        print(f"Throughput, {args.concurrency} clients, {kind}: {rate:.1f} requests/s")
    if args.json:
        figures = {"results": results, "worker_mb": memory, "throughput": rates}
        args.json.write_text(json.dumps({**vars(args), **figures}, default=str, indent=1))


if __name__ == "__main__":
    main()
