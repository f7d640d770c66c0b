"""Recurring gatherings: series and their editions found in a text, never bodies."""

import pytest

from documents.ingest.series import find_series, series_of_name

from .analysed import analyse


@pytest.mark.parametrize(
    ("text", "series", "edition", "name"),
    [
        (
            "The 2nd ASEAN Forum on Migrant Labour met in Bangkok on 30-31 July 2009.",
            "ASEAN Forum on Migrant Labour",
            2,
            "2nd ASEAN Forum on Migrant Labour",
        ),
        (
            "Vietnam will chair the third ASEAN Forum on Migrant Labour in April 2010.",
            "ASEAN Forum on Migrant Labour",
            3,
            "3rd ASEAN Forum on Migrant Labour",
        ),
        (
            "Delegates met at the 11th AFML in Singapore on 30-31 October 2018.",
            "ASEAN Forum on Migrant Labour",
            11,
            "11th ASEAN Forum on Migrant Labour",
        ),
        (
            "Ministers attended the Fifth Abu Dhabi Dialogue (ADD) Ministerial Consultation "
            "in Dubai on 16-17 October 2019.",
            "Abu Dhabi Dialogue Ministerial Consultation",
            5,
            "5th Abu Dhabi Dialogue Ministerial Consultation",
        ),
        (
            "The 6th Ministerial Consultation of the Colombo Process was held in Colombo on "
            "22-24 November 2016.",
            "Colombo Process Ministerial Consultation",
            6,
            "6th Colombo Process Ministerial Consultation",
        ),
        (
            "Convention No. 190 was adopted at the 108th Session of the International Labour "
            "Conference in Geneva in June 2019.",
            "International Labour Conference",
            108,
            "108th International Labour Conference",
        ),
        (
            "The 31st ASEAN Summit opened in Manila on 13 November 2017.",
            "ASEAN Summit",
            31,
            "31st ASEAN Summit",
        ),
        # Not in the reference list: the ordinal alone says it recurs.
        (
            "The 5th Bangladesh Migration Forum was held in Dhaka on 3 March 2018.",
            "Bangladesh Migration Forum",
            5,
            "5th Bangladesh Migration Forum",
        ),
    ],
)
def test_a_recurring_gathering_is_an_edition_of_its_series(text, series, edition, name):
    analysis = analyse(text)
    # An edition the text announces is named as planned.
    found = [(e.name.removesuffix(" (planned)"), e.series, e.edition) for e in analysis.events]
    assert (name, series, edition) in found


@pytest.mark.parametrize(
    ("text", "not_a_body"),
    [
        (
            "The 2nd ASEAN Forum on Migrant Labour met in Bangkok on 30-31 July 2009.",
            "ASEAN Forum on Migrant Labour",
        ),
        (
            "The 5th ASEAN Senior Labour Officials Meeting (SLOM) met on 12 May 2009.",
            "ASEAN Senior Labour Officials Meeting",
        ),
        (
            "The International Labour Conference adopted it in June 2011.",
            "International Labour Conference",
        ),
    ],
)
def test_a_series_is_never_an_organization(text, not_a_body):
    names = {o.name for o in analyse(text).organizations.values()}
    assert not_a_body not in names


def test_a_standing_body_meeting_under_its_own_name_is_a_body_where_no_edition_is_named():
    text = (
        "The proposal was presented to Mr. Khamphone Sisavath, Chairman of the ASEAN Senior "
        "Labour Officials Meeting (SLOM), on 12 May 2009 in Vientiane."
    )
    analysis = analyse(text)
    slom = next(o for o in analysis.organizations.values() if o.acronym == "SLOM")
    person = next(iter(analysis.people.values()))
    assert person.organization_key == slom.key


def test_a_body_inside_a_series_name_stays_a_body():
    text = (
        "Ministers attended the Fifth Abu Dhabi Dialogue Ministerial Consultation "
        "on 16 October 2019."
    )
    assert "Abu Dhabi Dialogue" in {o.name for o in analyse(text).organizations.values()}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("5th Bangladesh Migration Forum", ("Bangladesh Migration Forum", 5)),
        ("Second Regional Consultation on Migration", ("Regional Consultation on Migration", 2)),
        ("Regional Consultation on Migration", ("", None)),
        ("2018 International Labour Conference", ("", None)),
    ],
)
def test_an_ordinal_name_gives_series_and_edition(name, expected):
    assert series_of_name(name) == expected


def test_series_mentions_carry_their_ordinal():
    mentions = find_series("the 100th Session of the International Labour Conference met")
    assert [(m.text, m.edition) for m in mentions] == [
        ("100th Session of the International Labour Conference", 100)
    ]


def test_a_series_name_with_its_acronym_is_one_mention():
    text = (
        "The 12th ASEAN Forum on Migrant Labour (AFML) will take place in Bangkok "
        "on 1-2 November 2019."
    )
    assert [(e.series, e.edition) for e in analyse(text).events] == [
        ("ASEAN Forum on Migrant Labour", 12)
    ]
