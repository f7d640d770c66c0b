"""Settings for serving the site under bench/site_benchmark.py, and nothing else.

The project's own settings, plus two things only the benchmark needs, so that neither can
become part of the public site in a normal run: a bare Django view (`/__bench__/bare/`, the
floor every page is compared with) and a middleware, first in the chain, that answers each
request with the server's time for it and the number of SQL queries it made
(`X-Bench-Time-Ms`, `X-Bench-Queries`). Static files are collected into a throwaway folder.
"""

import os

from advocacy_site.settings import *  # noqa: F403 (the project's settings, then ours)
from advocacy_site.settings import MIDDLEWARE

ROOT_URLCONF = "site_server_urls"
MIDDLEWARE = ["site_server_urls.RequestCostHeaders", *MIDDLEWARE]
STATIC_ROOT = os.environ["SITE_BENCHMARK_STATIC_ROOT"]
