"""Uploading source texts: a size cap answered before the body is read, and uploaded names that
never become paths on disk."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from documents.models import SourceDocument

pytestmark = pytest.mark.django_db

UPLOAD_URL = "admin:documents_sourcedocument_upload"
TEXT = (
    "Regional consultation on migrant domestic workers\n15 Aug 2007 | Consultations\n\n"
    + "Unions and NGOs met in Bangkok to discuss the rights of migrant workers.\n" * 5
).encode()
# 89 characters, 267 bytes in UTF-8: longer than a file name may be on Linux (255 bytes).
CHINESE_NAME = (
    "关于保护移徙工人及其家庭成员权利的区域磋商会议报告" * 3 + "附件一至附件三和会议记录全文"
)


def _text_file(name: str, content: bytes = TEXT):
    return SimpleUploadedFile(name, content, content_type="text/plain")


@pytest.mark.parametrize(
    "name",
    [
        CHINESE_NAME + ".txt",
        "Đối thoại khu vực về quyền của lao động di cư và gia đình họ, Hà Nội, tháng 11 năm 2007 "
        * 2
        + ".html",
        "../../etc/passwd.txt",
        "report: 2007?*.TXT",
    ],
    ids=["89-chinese-characters", "long-vietnamese", "path-traversal", "characters-disks-refuse"],
)
def test_an_upload_is_stored_under_a_generated_name_and_keeps_its_own(curator_client, name):
    response = curator_client.post(reverse(UPLOAD_URL), {"files": [_text_file(name)]}, follow=True)
    assert response.status_code == 200
    document = SourceDocument.objects.get()
    assert document.source_file == name.rsplit("/", 1)[-1]


def test_the_89_character_chinese_name_is_really_89_characters():
    assert len(CHINESE_NAME) == 89 and len(CHINESE_NAME.encode()) > 255


def test_two_uploads_of_one_name_in_different_cases_are_both_read(curator_client):
    files = [_text_file("notes.txt"), _text_file("NOTES.TXT", TEXT + b"More.\n")]
    curator_client.post(reverse(UPLOAD_URL), {"files": files}, follow=True)
    assert sorted(SourceDocument.objects.values_list("source_file", flat=True)) == [
        "NOTES.TXT",
        "notes.txt",
    ]


def test_an_upload_over_the_cap_is_refused_before_its_body_is_read(curator, settings):
    settings.UPLOAD_MAX_REQUEST_BYTES = 10_000
    curator_client = Client(enforce_csrf_checks=True)  # the CSRF check would read the body too
    curator_client.force_login(curator)
    big = _text_file("big.txt", TEXT * 40)
    parse = "django.http.multipartparser.MultiPartParser.parse"
    with mock.patch(parse, side_effect=AssertionError("the body was read")):
        response = curator_client.post(reverse(UPLOAD_URL), {"files": [big]})
    assert response.status_code == 413
    assertContains(response, "over the 9.8\xa0KB one upload may carry", status_code=413)
    assertContains(response, "Upload them a few at a time", status_code=413)
    assert SourceDocument.objects.count() == 0


def test_an_upload_under_the_cap_is_imported(curator_client, settings):
    settings.UPLOAD_MAX_REQUEST_BYTES = 100_000
    curator_client.post(reverse(UPLOAD_URL), {"files": [_text_file("small.txt")]})
    assert SourceDocument.objects.count() == 1


def test_an_upload_still_needs_its_csrf_token(curator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    response = client.post(reverse(UPLOAD_URL), {"files": [_text_file("notes.txt")]})
    assert response.status_code == 403
    assert SourceDocument.objects.count() == 0
