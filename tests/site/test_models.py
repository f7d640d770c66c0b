import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from advocacy_site.records import ReviewStatus, unique_slug
from documents.models import Event, Mention, SourceDocument
from organizations.models import Organization, OrganizationAlias

from ..factories import (
    make_convention,
    make_document,
    make_event,
    make_organization,
    make_person,
)

pytestmark = pytest.mark.django_db


def test_every_public_record_has_a_readable_address():
    assert make_document(slug="report").get_absolute_url() == "/documents/report/"
    assert make_event(slug="founding").get_absolute_url() == "/events/founding/"
    assert (
        make_organization(slug="migrant-forum-in-asia").get_absolute_url()
        == "/organizations/migrant-forum-in-asia/"
    )
    assert make_person(slug="william-gois").get_absolute_url() == "/people/william-gois/"
    assert make_convention(slug="ilo-c189").get_absolute_url() == "/conventions/ilo-c189/"


def test_str_names_the_record():
    org = make_organization(name="Migrant Forum in Asia", acronym="MFA")
    assert str(org) == "Migrant Forum in Asia (MFA)"
    event = make_event(name="Sub-Regional Consultation")
    assert str(event) == "Sub-Regional Consultation (1–3 November 2007)"
    convention = make_convention(identifier="ILO-C189", short_name="Domestic Workers Convention")
    assert str(convention) == "ILO-C189: Domestic Workers Convention"


def test_unique_slug_counts_up_and_folds_accents():
    make_organization(name="Trade Union", slug="syndicat-ouvrier")
    assert unique_slug(Organization, "Syndicat Ouvrièr") == "syndicat-ouvrier-2"
    assert unique_slug(Organization, "Tenaganita") == "tenaganita"
    long = unique_slug(Organization, "word " * 40)
    assert len(long) <= 80 and not long.endswith("-")


def test_slugs_are_unique():
    make_organization(slug="mfa")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_organization(slug="mfa")


def test_event_end_may_not_precede_its_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(start_date=dt.date(2007, 11, 3), end_date=dt.date(2007, 11, 1))


def test_event_date_is_shown_at_its_precision():
    event = make_event(
        start_date=dt.date(2018, 7, 1), end_date=dt.date(2018, 7, 31), date_precision="month"
    )
    assert event.date_display == "July 2018"
    assert event.start_iso == "2018-07"


def test_organization_names_are_unique_per_country_ignoring_case():
    make_organization(name="National Trades Union Congress", country="SG", slug="ntuc-sg")
    make_organization(name="National Trades Union Congress", country="NP", slug="ntuc-np")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_organization(name="national trades union congress", country="SG", slug="ntuc-2")


def test_organization_found_by_name_acronym_or_alias_ignoring_case_and_accents():
    mfa = make_organization(name="Migrant Forum in Asia", acronym="MFA")
    OrganizationAlias.objects.create(organization=mfa, name="Migrant Forum Asia")
    fes = make_organization(name="Friedrich-Ebert-Stiftung", acronym="FES")
    assert list(Organization.objects.matching_name("mfa")) == [mfa]
    assert list(Organization.objects.matching_name("MIGRANT FORUM ASIA")) == [mfa]
    assert list(Organization.objects.matching_name("friedrich ebert stiftung")) == [fes]
    assert list(Organization.objects.matching_name("Friedrich-Ébert-Stiftung")) == [fes]
    assert not Organization.objects.matching_name("   ").exists()


def test_published_hides_unpublished_and_rejected_records():
    shown = make_organization()
    make_organization(is_published=False)
    make_organization(review_status=ReviewStatus.REJECTED)
    assert list(Organization.objects.published()) == [shown]


def test_convention_identifier_is_unique_ignoring_case():
    make_convention(identifier="ILO-C189", slug="ilo-c189")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_convention(identifier="ilo-c189", slug="ilo-c189-b")


def test_content_hash_is_unique():
    make_document(content_sha256="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(content_sha256="a" * 64)


def _mention(document, **target):
    return Mention.objects.create(
        document=document, start=0, end=6, text="Report", rule="test", **target
    )


def test_a_mention_points_at_exactly_one_record():
    document = make_document()
    org = make_organization()
    mention = _mention(document, organization=org)
    assert mention.target == org
    with pytest.raises(IntegrityError), transaction.atomic():
        _mention(document)
    with pytest.raises(IntegrityError), transaction.atomic():
        _mention(document, organization=org, person=make_person())


def test_one_mention_per_span_and_target():
    document = make_document()
    org = make_organization()
    _mention(document, organization=org)
    _mention(document, person=make_person())  # the same passage may name someone else
    with pytest.raises(IntegrityError), transaction.atomic():
        _mention(document, organization=org)


def test_mention_span_and_confidence_are_checked():
    document = make_document()
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(
            document=document, start=5, end=5, text="", rule="t", organization=make_organization()
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(
            document=document,
            start=0,
            end=5,
            text="x",
            rule="t",
            confidence=1.5,
            organization=make_organization(),
        )


def test_full_clean_explains_a_bad_date_range():
    event = Event(name="x", slug="x", start_date=dt.date(2020, 1, 2), end_date=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="may not precede"):
        event.full_clean()


def test_document_ordering_is_newest_first():
    old = make_document(start_date=dt.date(2007, 8, 15))
    new = make_document(start_date=dt.date(2018, 5, 14))
    assert list(SourceDocument.objects.all()) == [new, old]


def test_event_place_names_a_city_state_once():
    assert make_event(city="Kathmandu", country="NP").place_display == "Kathmandu, Nepal"
    assert make_event(city="Singapore", country="SG").place_display == "Singapore"
    assert make_event(city="", country="KH").place_display == "Cambodia"
