"""Receiving source texts uploaded in the admin: a size cap checked before the request's body is
read, and server copies under generated names (the uploaded name stays the document's name)."""

from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from .ingest.sources import MAX_FILE_BYTES, SourceFile


def upload_too_large(request) -> str | None:
    """Why this request's body is too big to read, from its Content-Length alone, or None.

    Django reads no more than Content-Length, so checking it caps what a client can send."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return "The upload's size could not be read; please try again."
    limit = settings.UPLOAD_MAX_REQUEST_BYTES
    if length <= limit:
        return None
    return (
        f"These files are {filesizeformat(length)} together, over the {filesizeformat(limit)} "
        f"one upload may carry. Upload them a few at a time (each file may be up to "
        f"{filesizeformat(MAX_FILE_BYTES)})."
    )


def upload_copies_save(*, uploads: Iterable[UploadedFile], folder: Path) -> list[SourceFile]:
    """Copy each upload into `folder` under a generated name, known by the name it came with.

    The uploaded name never becomes a path: it may be longer in bytes than a file name may be
    (89 Chinese characters are 267 bytes) or hold characters the disk refuses."""
    files = []
    for number, upload in enumerate(uploads, start=1):
        name = Path(upload.name).name
        target = folder / f"upload-{number}{Path(name).suffix.lower()}"
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        files.append(SourceFile(target, name))
    return files
