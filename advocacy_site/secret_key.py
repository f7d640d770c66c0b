"""The secret key: which keys are unfit for a site with debug off, and making a real one.

Run as `python -m advocacy_site.secret_key .env` (what `make serve` does) to replace an unfit
key in that file with a fresh one; a real key already there is left alone.
"""

import re
import secrets
import sys
from pathlib import Path

MIN_LENGTH = 50  # what Django's deploy check asks for (security.W009)
MIN_DISTINCT_CHARACTERS = 5
# Keys that were ever shipped in this project's examples and defaults.
EXAMPLE_KEYS = {"dev-only-insecure-key-change-me", "dev-only-insecure-key"}
HOW_TO_MAKE_ONE = "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
ENV_LINE = re.compile(r"^DJANGO_SECRET_KEY=(.*)$", re.MULTILINE)


def unfit_reason(key: str) -> str | None:
    """Why a key must not sign a public site's sessions, or None when it may."""
    if not key:
        return "is not set"
    if key in EXAMPLE_KEYS or key.startswith("django-insecure-"):
        return "is an example or development key, published with the code"
    if len(key) < MIN_LENGTH:
        return f"is {len(key)} characters long, shorter than {MIN_LENGTH}"
    if len(set(key)) < MIN_DISTINCT_CHARACTERS:
        return f"has fewer than {MIN_DISTINCT_CHARACTERS} different characters"
    return None


def new_key() -> str:
    return secrets.token_urlsafe(MIN_LENGTH)


def env_file_key_replace(env_file: Path) -> bool:
    """Give `env_file` a fresh DJANGO_SECRET_KEY if its key is unfit; True when it changed."""
    text = env_file.read_text() if env_file.exists() else ""
    found = ENV_LINE.search(text)
    if found and unfit_reason(found.group(1).strip().strip("'\"")) is None:
        return False
    line = f"DJANGO_SECRET_KEY={new_key()}"
    if found:
        text = text[: found.start()] + line + text[found.end() :]
    else:
        text = f"{text.rstrip()}\n{line}\n".lstrip()
    env_file.write_text(text)
    return True


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".env")
    if env_file_key_replace(target):
        print(f"{target}: the example secret key was replaced with a new random one.")
