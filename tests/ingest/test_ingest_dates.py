"""Dates in running text: text in, dates at their precision out (`ingest/dates.py`)."""

import pytest

from documents.ingest.dates import FORMS, find_dates
from documents.ingest.metadata import read_metadata

# Tuesday 14 November 2017: the document's own date in the relative cases.
PUBLISHED = {"context_year": 2017, "context_month": 11, "context_day": 14}


def _found(text, **context):
    return [(d.text, d.date.iso("start"), d.date.iso("end")) for d in find_dates(text, **context)]


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        (
            "held on 1-3 November 2007 in Singapore",
            {},
            [("1-3 November 2007", "2007-11-01", "2007-11-03")],
        ),
        (
            "on 12-13 November",
            {"context_year": 2007},
            [("12-13 November", "2007-11-12", "2007-11-13")],
        ),
        # The month before the days, without a year: from the document's year.
        (
            "On May 11-12, the Task Force ran a consultation",
            {"context_year": 2009},
            [("May 11-12", "2009-05-11", "2009-05-12")],
        ),
        (
            "It met on June 3 in Hanoi",
            {"context_year": 2012},
            [("June 3", "2012-06-03", "2012-06-03")],
        ),
        ("leaders met yesterday in Manila", PUBLISHED, [("yesterday", "2017-11-13", "2017-11-13")]),
        ("the forum opens today", PUBLISHED, [("today", "2017-11-14", "2017-11-14")]),
        ("the forum opens tomorrow", PUBLISHED, [("tomorrow", "2017-11-15", "2017-11-15")]),
        ("unions will meet next Monday", PUBLISHED, [("next Monday", "2017-11-20", "2017-11-20")]),
        ("unions met on Monday", PUBLISHED, [("on Monday", "2017-11-13", "2017-11-13")]),
        ("a workshop held last week", PUBLISHED, [("last week", "2017-11-06", "2017-11-12")]),
        (
            "a workshop held earlier this month",
            PUBLISHED,
            [("earlier this month", "2017-11", "2017-11")],
        ),
        ("a meeting held last month", PUBLISHED, [("last month", "2017-10", "2017-10")]),
        ("the summit planned for next year", PUBLISHED, [("next year", "2018", "2018")]),
        (
            "ten years have gone by since the Declaration",
            PUBLISHED,
            [("ten years have gone by since", "2007", "2007")],
        ),
        ("adopted five years ago", PUBLISHED, [("five years ago", "2012", "2012")]),
        # Relative dates need the document's date: nothing without it.
        ("leaders met yesterday in Manila", {}, []),
        ("leaders met yesterday in Manila", {"context_year": 2017}, []),
    ],
)
def test_dates_at_their_precision(text, context, expected):
    assert _found(text, **context) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ratify the Domestic Workers Convention, 2011 (No. 189) soon",
        "ILO Domestic Workers' Convention, 2011 (No.189)",
        "Security Council Resolution No. 1850 on piracy",
        "under Decree 2013 of the ministry",
    ],
)
def test_a_year_in_an_instrument_or_a_number_is_no_date(text):
    assert _found(text, context_year=2015) == []


def test_a_plain_year_is_still_a_date():
    assert _found("the agreement adopted in 2014 was renewed", context_year=2015) == [
        ("2014", "2014", "2014")
    ]


@pytest.mark.parametrize(
    ("header", "date", "category"),
    [
        ("Press release | 02 November 2017", "2017-11-02", "Press release"),
        ("News | 23 February 2015", "2015-02-23", "News"),
        ("15 Aug 2007 | Consultations | Regional", "2007-08-15", "Consultations"),
    ],
)
def test_the_header_date_stands_anywhere_in_the_header(header, date, category):
    meta = read_metadata(f"A title line\n\n{header}\n\nBody text.\n")
    assert (meta.date.iso("start"), meta.category) == (date, category)


def test_every_date_form_opens_somewhere():
    """A form is one record: what it opens on is said with it, never elsewhere."""
    for form in FORMS:
        assert form.opens, form.name


@pytest.mark.parametrize(
    ("first_paragraph", "date"),
    [
        ("MANILA, 14 November 2017 – The Heads of State met in Manila.", "2017-11-14"),
        ("JAKARTA (10 March 2016) - Union leaders from five countries met today.", "2016-03-10"),
        ("BANGKOK (ILO News) – The International Labour Organization welcomed it.", None),
    ],
)
def test_a_paragraph_dateline_dates_the_page(first_paragraph, date):
    meta = read_metadata(f"A title line\n\n{first_paragraph} More words follow here.\n")
    assert (meta.date.iso("start") if meta.date else None) == date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held on 3 and 4 May 2018 in Hanoi", [("3 and 4 May 2018", "2018-05-03", "2018-05-04")]),
        ("between 3 and 5 May 2018", [("between 3 and 5 May 2018", "2018-05-03", "2018-05-05")]),
        # A day the movement marks: its last occurrence up to the document's date.
        (
            "On International Migrants Day, a forum met",
            [("International Migrants Day", "2014-12-18", "2014-12-18")],
        ),
        (
            "rallies on International Domestic Workers’ Day",
            [("International Domestic Workers’ Day", "2014-06-16", "2014-06-16")],
        ),
        # "May" still opens a month's dates.
        ("On May 11-12, the unions met", [("May 11-12", "2015-05-11", "2015-05-12")]),
    ],
)
def test_more_date_forms(text, expected):
    assert _found(text, context_year=2015, context_month=2, context_day=23) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Day pairs and ranges without a year: the year is the document's.
        ("the forum was held on 2 and 3 March", [("2 and 3 March", "2019-03-02", "2019-03-03")]),
        ("unions met on 14-15 March in Dhaka", [("14-15 March", "2019-03-14", "2019-03-15")]),
        ("unions met on 14–15 March in Dhaka", [("14–15 March", "2019-03-14", "2019-03-15")]),
        ("a course from 2 to 4 March", [("2 to 4 March", "2019-03-02", "2019-03-04")]),
        (
            "between 9 & 10 June the caucus met",
            [("between 9 & 10 June", "2019-06-09", "2019-06-10")],
        ),
        # A part of a month is the month, at month precision.
        ("a workshop in early July", [("early July", "2019-07", "2019-07")]),
        ("a workshop in mid-July", [("mid-July", "2019-07", "2019-07")]),
        ("a workshop in late July 2018", [("late July 2018", "2018-07", "2018-07")]),
        ("a workshop in late July (2018)", [("late July (2018)", "2018-07", "2018-07")]),
        ("a workshop in mid-July, 2018", [("mid-July, 2018", "2018-07", "2018-07")]),
        (
            "consultations between June and August 2018",
            [("June and August 2018", "2018-06", "2018-08")],
        ),
        # Numeric dates are day first, unless the first number cannot be a month.
        ("Posted on 21/02/2019 by admin", [("21/02/2019", "2019-02-21", "2019-02-21")]),
        ("Posted on 02/21/2019 by admin", [("02/21/2019", "2019-02-21", "2019-02-21")]),
        ("Posted on 05.03.2019", [("05.03.2019", "2019-03-05", "2019-03-05")]),
    ],
)
def test_dates_without_a_year_and_parts_of_months(text, expected):
    assert _found(text, context_year=2019) == expected


@pytest.mark.parametrize(
    "text", ["under Law No. 18 of 2017 on migrant workers", "Decree No. 5 of 2019 says"]
)
def test_a_laws_number_and_year_is_no_date(text):
    assert _found(text, context_year=2019) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Unions meet\nPublished: Thursday, February 21, 2019\n\nText.\n", "2019-02-21"),
        ("Unions meet\nPosted on 21/02/2019 by admin\n\nText.\n", "2019-02-21"),
        ("Date: 21 February 2019\nUnions meet\n\nText.\n", "2019-02-21"),
        ("Unions meet\nLast updated: 3 March 2019\n\nText.\n", "2019-03-03"),
        ("Unions meet\n\nText.\n\nPublished on Monday, 4 March 2019\n", "2019-03-04"),
        # A wire dateline's day and month, in the publication line's year.
        (
            "Unions meet\n\nKATHMANDU, Feb 20 (Agency) - Unions met.\n\nPublished: 21 Feb 2019\n",
            "2019-02-20",
        ),
        ("Unions meet\nPosted on 02/01/2019\n\nDHAKA, Dec 30 - Unions met.\n", "2018-12-30"),
    ],
)
def test_publication_lines_of_other_shapes_date_the_page(text, date):
    metadata = read_metadata(text)
    assert (metadata.title, metadata.date.iso("start")) == ("Unions meet", date)
