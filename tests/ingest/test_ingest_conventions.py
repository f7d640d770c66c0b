"""The instruments extractor, shape by shape: text in, instrument ids and mention spans out."""

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps

from documents.ingest.conventions import NAMED_FORMS, find_conventions
from documents.ingest.events import find_events
from documents.ingest.reference import instruments
from documents.models import Convention

from ..factories import make_convention

EVAL_README = Path(__file__).parent.parent / "fixtures" / "eval" / "README.md"


def ids_in(text: str) -> set[str]:
    return set(find_conventions(text))


def mentions_in(text: str) -> dict[str, list[str]]:
    return {i: [s.text for s in f.spans] for i, f in find_conventions(text).items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # number lists, with words between the numbers
        (
            "States should ratify ILO Conventions 97 on Migration for Employment and 143 on "
            "Migrant Workers.",
            {"ILO-C097", "ILO-C143"},
        ),
        (
            "(3) the ratification of ILO Conventions 143 on Migrant Workers and 189 on Domestic "
            "Workers;",
            {"ILO-C143", "ILO-C189"},
        ),
        ("the core Conventions Nos. 87 and 98 on freedom of association", {"ILO-C087", "ILO-C098"}),
        (
            "ILO Conventions No. 97 on Migration for Employment (Revised) and No. 143 on Migrant "
            "Workers (Supplementary Provisions)",
            {"ILO-C097", "ILO-C143"},
        ),
        ("Conventions 97, 143 and 189 matter most here.", {"ILO-C097", "ILO-C143", "ILO-C189"}),
        ("The unions urged ratification of C.97 and C.143 this year.", {"ILO-C097", "ILO-C143"}),
        ("Domestic workers' unions want C-189 ratified.", {"ILO-C189"}),
        ("A C-130 landed at the airbase.", set()),
        ("Items: A. 12 chairs, C. 45 tables", set()),
        # one-letter variants of titles
        (
            "the adoption of the International Convention on the Protection of the Rights of All "
            "Migrants Workers and Members of their Families.",
            {"UN-ICRMW-1990"},
        ),
        (
            "the Convention on the Protection of the Rights of All Migrant Worker and Members of "
            "their Family",
            {"UN-ICRMW-1990"},
        ),
        ("the UN Convention on the Rights of Person with Disabilities", {"UN-CRPD"}),
        (
            "the ASEAN Consensus on the Protection and Promotion of the Right of Migrant Workers",
            {"ASEAN-CONSENSUS-MW-2017"},
        ),
        # the Global Compact for Migration in its short forms
        ("the Global Compact for Migration (GCM)", {"UN-GCM-2018"}),
        ("updates on the global compact on migration", {"UN-GCM-2018"}),
        ("the Global Compact for Safe, Orderly, and Regular Migration", {"UN-GCM-2018"}),
        ("how the GCM is being implemented", {"UN-GCM-2018"}),
        (
            "Two years on, states reviewed the Global Compact at the migration review forum.",
            {"UN-GCM-2018"},
        ),
        ("the Global Compact on Refugees was affirmed", {"UN-GCR"}),
        # the civil-society proposal and the official draft
        (
            "TF-AMW handed over its Civil Society ASEAN Framework Instrument on the Protection and "
            "Promotion of the Rights of Migrant Workers.",
            {"TFAMW-CSO-FI-2009"},
        ),
        ("a civil society proposal for an ASEAN Framework Instrument", {"TFAMW-CSO-FI-2009"}),
        (
            "the draft ASEAN Framework Instrument for the Protection and Promotion of the "
            "Rights of Migrant Workers",
            {"ASEAN-FI-MW"},
        ),
        # a name with year and number is the instrument it numbers
        ("the Maternity Protection Convention, 1919", {"ILO-C003"}),
        ("the Maternity Protection Convention, 2000 (No. 183)", {"ILO-C183"}),
        ("the Migration for Employment Convention (Revised), 1949 (No. 97)", {"ILO-C097"}),
        ("under the Convention, 2011 (No. 189), domestic workers", {"ILO-C189"}),
        ("the Migrant Workers Convention (C143)", {"ILO-C143"}),
        # an ILO convention's subject after "Convention on"
        ("the ILO Convention on Domestic Workers", {"ILO-C189"}),
        ("a Convention on Private Employment Agencies", {"ILO-C181"}),
        # not instruments
        ("The meeting took place at the Bangkok Convention Centre.", set()),
        ("Presidential Decree No. 1850 of 1982 created the agency.", set()),
        ("a Convention No. 1850 does not exist", set()),
        ("The convention of the meeting adopted its agenda.", set()),
        ("the ILO's forced labour conventions and their protocol", set()),
        ("Firms joined the UN Global Compact to report on migration policies.", set()),
        ("The Global Compact Network Thailand met employers on migration.", set()),
        ("They flew a C-130 and filed Annex C.10.2 for the migrant workers.", set()),
        ("progress on the Sustainable Development Goals (SDGs) and target 10.7", set()),
    ],
)
def test_instruments_found_in_text(text, expected):
    assert ids_in(text) == expected


@pytest.mark.parametrize(
    ("text", "inst_id", "mention"),
    [
        # a citation's year and number are part of the mention, so they date no event
        (
            "a forum on the ILO Domestic Workers' Convention, 2011 (No.189) in Manila",
            "ILO-C189",
            "ILO Domestic Workers' Convention, 2011 (No.189)",
        ),
        (
            "ratification of ILO Convention No. 189 of 2011",
            "ILO-C189",
            "Convention No. 189 of 2011",
        ),
        ("States should ratify C189 of 2011 now.", "ILO-C189", "C189 of 2011"),
        (
            "ratify ILO Convention 190 on Violence and Harassment (2019) now",
            "ILO-C190",
            "Convention 190 on Violence and Harassment (2019)",
        ),
        (
            "ratify ILO Convention 190 on Violence and Harassment this year",
            "ILO-C190",
            "Convention 190",
        ),
        ("the 2011 Domestic Workers Convention", "ILO-C189", "2011 Domestic Workers Convention"),
        (
            "the Global Compact for Migration (2018)",
            "UN-GCM-2018",
            "Global Compact for Migration (2018)",
        ),
        # a year that is not the instrument's stays outside it
        (
            "the Domestic Workers Convention, 2013 ratifications",
            "ILO-C189",
            "Domestic Workers Convention",
        ),
        # a number after a subject, then a count, is not a second instrument
        (
            "ILO Convention 189 on Domestic Workers and 100 million workers",
            "ILO-C189",
            "Convention 189",
        ),
    ],
)
def test_mention_spans(text, inst_id, mention):
    assert mentions_in(text) == {inst_id: [mention]}


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "A workshop on the ILO Domestic Workers' Convention, 2011 (No. 189) was held in "
            "Manila on 3 May 2012.",
            ["2012-05-03"],
        ),
        (
            "A workshop on the ILO Domestic Workers' Convention, 2011 (No. 189) took place.",
            [],
        ),
    ],
)
def test_an_instruments_year_dates_no_event(text, dates):
    events = find_events("", text, {}, {}, find_conventions(text), context_year=None)
    assert [e.date.iso() for e in events] == dates


def test_every_named_form_builds_a_listed_instrument():
    listed = instruments()
    assert [f.builds for f in NAMED_FORMS if f.builds not in listed] == []


def test_instrument_ids_follow_the_development_registry():
    registry = re.findall(r"^\| ([A-Z][A-Z0-9-]+) \| ", EVAL_README.read_text(), re.M)
    assert registry, "the registry table moved"
    assert [i for i in registry if i not in instruments()] == []


@pytest.mark.django_db
def test_records_under_old_ids_take_the_registry_ids():
    migration = importlib.import_module("documents.migrations.0008_convention_registry_ids")
    make_convention(identifier="UN-ICRMW", slug="un-icrmw", number=None)
    make_convention(identifier="UN-GCM", slug="un-gcm", number=None)
    make_convention(identifier="UN-GCM-2018", slug="un-gcm-2018", number=None)  # already there
    migration.forwards(apps, None)
    assert sorted(Convention.objects.values_list("identifier", "slug")) == [
        ("UN-GCM", "un-gcm"),
        ("UN-GCM-2018", "un-gcm-2018"),
        ("UN-ICRMW-1990", "un-icrmw"),
    ]
