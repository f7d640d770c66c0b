"""Gunicorn's settings for `make serve` (`gunicorn -c python:advocacy_site.gunicorn_conf`).

The address comes from the command line (`--bind`); the rest can be overridden with
GUNICORN_CMD_ARGS, e.g. `GUNICORN_CMD_ARGS="--workers 2" make serve`.
"""

import os

from advocacy_site.log_format import json_lines_to_stdout

# Gunicorn's rule of thumb: two workers a core plus one, so one worker waiting on the
# database never leaves a core idle. Cores this process may use, not the machine's.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * len(os.sched_getaffinity(0)) + 1))
# A worker is replaced after this many requests, so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
timeout = 30
# No `gunicornc` control socket: its default path in $HOME is shared by every server on the machine.
control_socket_disable = True

# The server's own log and its access log as JSON lines on stdout, like the site's records.
logconfig_dict = json_lines_to_stdout(
    level="INFO",
    loggers={
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
)
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'
