"""Log records as JSON lines: one object a line, for stdout and whatever collects it."""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed in `extra=` and is kept as a field.
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
# Gunicorn's access log passes its values as a dict of atoms; these become named fields.
ACCESS_FIELDS = {
    "remote": "h",
    "method": "m",
    "path": "U",
    "query": "q",
    "status": "s",
    "bytes": "B",
    "duration_ms": "M",
    "user_agent": "a",
}


class JsonLineFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message", ...}`; tracebacks go in `exception`."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update({field: record.args.get(atom) for field, atom in ACCESS_FIELDS.items()})
        for key, value in vars(record).items():
            if key not in STANDARD_ATTRIBUTES and key not in entry and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def json_lines_to_stdout(*, level: str, loggers: dict) -> dict:
    """A `logging.config.dictConfig` dict: every record a JSON line on stdout, through the root
    logger at `level`; `loggers` as dictConfig takes them. Django and gunicorn both use it."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "advocacy_site.log_format.JsonLineFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": loggers,
    }
