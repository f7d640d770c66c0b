"""Reading source files: which paths to take, how to decode them, how to get text out of HTML."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SOURCE_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
MAX_FILE_BYTES = 5 * 1024 * 1024
FALLBACK_ENCODING = "cp1252"


class SourceError(Exception):
    """A file that cannot be imported; `str()` is one line: `NAME: why`."""

    def __init__(self, name: Path | str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = str(name)
        self.reason = reason


@dataclass(frozen=True)
class SourceFile:
    """A file to import and its name in the archive, which is the document's identity: a
    changed file of that name updates its document.

    The name is the file's path within the folder it was found in (`2018/index.html`), so two
    saved pages both called `index.html` in different folders are two documents; a file
    given on its own is known by its file name.
    """

    path: Path
    name: str

    @classmethod
    def alone(cls, path: Path) -> SourceFile:
        return cls(path, path.name)


@dataclass
class SourceText:
    path: Path
    name: str  # see SourceFile
    text: str
    sha256: str
    kind: str
    notes: list[str] = field(default_factory=list)


def collect_paths(
    paths: Iterable[str | Path | SourceFile],
) -> Iterator[SourceFile | SourceError]:
    """Files to import, folders searched recursively; a bad path yields an error, not a stop.
    A `SourceFile` passes as it is (an upload, named as it was uploaded)."""
    for raw in paths:
        if isinstance(raw, SourceFile):
            yield raw
            continue
        path = Path(raw)
        if not path.exists():
            yield SourceError(path, "no such file or folder")
        elif path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
            )
            if not files:
                yield SourceError(path, "folder holds no .txt or .html files")
            for file in files:
                yield SourceFile(file, file.relative_to(path).as_posix())
        else:
            yield SourceFile.alone(path)


def read_source(file: SourceFile) -> SourceText:
    """Read one file as text, or raise SourceError saying why it cannot be imported."""
    path, name = file.path, file.name
    kind = SOURCE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise SourceError(name, "not a .txt or .html file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(
                name, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(name, f"cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise SourceError(name, "file is empty")
    if b"\x00" in raw[:8192]:
        raise SourceError(name, "looks like a binary file, not text")
    notes = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode(FALLBACK_ENCODING)
        except UnicodeDecodeError as exc:
            raise SourceError(
                name,
                f"neither UTF-8 nor {FALLBACK_ENCODING} text ({exc.reason} at byte {exc.start})",
            ) from exc
        notes.append(f"{name}: not valid UTF-8, read as {FALLBACK_ENCODING}")
    if kind == "html":
        text = html_main_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(name, "no text left once the markup is removed")
    return SourceText(path, name, text, hashlib.sha256(raw).hexdigest(), kind, notes)


def html_main_text(html: str) -> str:
    """The readable text of a saved web page, without navigation, scripts or styles."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, nav, header, footer, aside, form, iframe, svg"):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return ""
    blocks = []
    for node in root.css("h1, h2, h3, h4, h5, h6, p, li, td, th, pre, blockquote, dd, dt"):
        if node.css_first("p, li, h1, h2, h3, h4, h5, h6, td"):
            continue  # a container; its children carry the text
        block = " ".join(node.text(separator=" ").split())
        if block:
            blocks.append(f"• {block}" if node.tag == "li" else block)
    if not blocks:
        blocks = [line.strip() for line in root.text(separator="\n").splitlines() if line.strip()]
    title = tree.css_first("title")
    if title and title.text(strip=True) and not tree.css_first("h1"):
        blocks.insert(0, title.text(strip=True))
    return "\n\n".join(blocks)
