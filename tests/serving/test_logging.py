"""Logs on stdout are JSON lines: one object a record, tracebacks and extra fields inside it."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings

from advocacy_site.log_format import JsonLineFormatter


def _record(name="documents", msg="imported %s documents", args=(3,), **extra):
    record = logging.LogRecord(name, logging.WARNING, __file__, 1, msg, args, None)
    record.__dict__.update(extra)
    return record


def _exception_record():
    try:
        raise ValueError("bad value")
    except ValueError:
        record = _record(msg="failed", args=())
        record.exc_info = sys.exc_info()
    return record


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (_record(), {"level": "WARNING", "logger": "documents", "message": "imported 3 documents"}),
        (_record(path="/events/", error="OperationalError"), {"path": "/events/"}),
        (_record(msg="名前 %s", args=("データ",)), {"message": "名前 データ"}),
        (
            _record(
                name="gunicorn.access",
                msg='%(h)s "%(r)s" %(s)s',
                args=({"h": "10.0.0.1", "r": "GET /x HTTP/1.1", "s": "200", "m": "GET"},),
            ),
            {
                "remote": "10.0.0.1",
                "method": "GET",
                "status": "200",
                "message": '10.0.0.1 "GET /x HTTP/1.1" 200',
            },
        ),
    ],
)
def test_a_record_is_one_json_object(record, expected):
    line = JsonLineFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert expected.items() <= entry.items()
    assert entry["time"].endswith("+00:00")


def test_a_traceback_stays_inside_its_record():
    line = JsonLineFormatter().format(_exception_record())
    assert "\n" not in line
    assert "ValueError: bad value" in json.loads(line)["exception"]


def test_gunicorn_logs_json_lines_with_its_own_defaults_merged_in():
    """As gunicorn applies `logconfig_dict`: over its CONFIG_DEFAULTS, one top-level key a time."""
    code = (
        "import logging; from logging.config import dictConfig;"
        "from gunicorn.glogging import CONFIG_DEFAULTS;"
        "from advocacy_site import gunicorn_conf as conf;"
        "dictConfig({**CONFIG_DEFAULTS, **conf.logconfig_dict});"
        "logging.getLogger('gunicorn.error').info('Booting worker');"
        "print(conf.workers)"
    )
    env = {k: v for k, v in os.environ.items() if k != "WEB_CONCURRENCY"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    first, workers = result.stdout.splitlines()
    assert json.loads(first)["message"] == "Booting worker"
    assert int(workers) == 2 * len(os.sched_getaffinity(0)) + 1
