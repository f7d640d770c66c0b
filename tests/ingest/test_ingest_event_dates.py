"""Where an event's date comes from: the page's date lines, datelines, relative dates."""

import pytest

from documents.ingest.metadata import read_metadata

from .analysed import analyse, events_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The year from a dateline, the day relative to it.
        (
            "Unions meet in Dhaka\n\nDhaka, 14 November 2019\n\n"
            "Union leaders from six countries came together in Dhaka yesterday "
            "to plan a campaign.\n",
            ("meeting", "2019-11-13", "Dhaka"),
        ),
        (
            "Unions meet in Kathmandu\n\nNews | 10 March 2016\n\n"
            "Some 40 organisers gathered in Kathmandu last week for talks on recruitment fees.\n",
            ("meeting", "2016-02-29", "Kathmandu"),
        ),
        # Without a publication date, the year the text last gave.
        (
            "Task Force report\n\nThe proposal was handed over on May 12, 2009 in Vientiane.\n\n"
            "On May 11-12, the Task Force ran a regional consultation for union leaders.\n",
            ("consultation", "2009-05-11", None),
        ),
    ],
)
def test_events_dated_from_the_publication(text, expected):
    assert expected in [(k, d, c) for _, k, d, c in events_of(text)]


def test_a_paragraph_dateline_dates_the_page_and_today():
    text = (
        "Unions agree on plan\n\nJAKARTA (10 March 2016) – Union leaders from five countries "
        "met today in Jakarta to agree a joint plan.\n"
    )
    assert events_of(text) == [
        ("Meeting in Jakarta, 10 March 2016", "meeting", "2016-03-10", "Jakarta")
    ]


def test_years_since_dates_what_follows_since_not_the_gathering():
    text = (
        "Ten years on\n\nNews | 16 June 2021\n\nTen years since the adoption of C189, domestic "
        "workers' unions came together in Geneva to take stock.\n"
    )
    assert [d for _, _, d, _ in events_of(text)] != ["2011"]


@pytest.mark.parametrize(
    "publication",
    [
        "Published: Thursday, February 21, 2019",
        "Posted on 21/02/2019 by the secretariat",
        "Date: 21 February 2019",
        "Last updated 21 February 2019",
    ],
)
@pytest.mark.parametrize(
    "body",
    [
        "KATHMANDU — The labour minister said yesterday that the government would review "
        "recruitment fees. Speaking at a national consultation on the compact held in the "
        "capital, she called for cooperation.",
        "KATHMANDU — Recruitment fees will be reviewed, the labour minister told reporters "
        "yesterday. Addressing a workshop of recruiters organised by the ministry, she "
        "called for cooperation.",
    ],
)
def test_a_publication_line_dates_the_event_a_speech_was_given_at(publication, body):
    text = f"Minister promises review\n{publication}\n\n{body}\n"
    assert [d for _, _, d, _ in events_of(text)] == ["2019-02-20"]


@pytest.mark.parametrize(
    "text",
    [
        # The wire dateline's day, in the year of the publication line.
        "Minister promises review\n\nKATHMANDU, Feb 20 (Agency) - The labour minister said "
        "today that fees would be reviewed. Speaking at a national consultation held in the "
        "capital, she called for cooperation.\n\nPublished: 21 February 2019\n",
        "Minister promises review\nPosted on 21/02/2019\n\nKATHMANDU, 20 February (Agency) – "
        "The labour minister said today that fees would be reviewed. Speaking at a national "
        "consultation held in the capital, she called for cooperation.\n",
    ],
)
def test_a_wire_dateline_without_a_year_dates_the_report(text):
    assert [d for _, _, d, _ in events_of(text)] == ["2019-02-20"]


def test_a_relative_date_dates_only_the_next_sentence_s_event():
    text = (
        "Minister promises review\nPublished: 21 February 2019\n\nThe minister said yesterday "
        "that fees would be reviewed. Unions welcomed it. Speaking at a consultation held in "
        "the capital, a union leader called for more.\n"
    )
    assert [d for _, _, d, _ in events_of(text)] == []


@pytest.mark.parametrize(
    ("venue", "start", "city"),
    [
        ("27–28 November 2019 | Hotel Novotel, Bangkok, Thailand", "2019-11-27", "Bangkok"),
        ("27-28 November 2019 | Kathmandu, Nepal", "2019-11-27", "Kathmandu"),
        ("3 May 2018 | Prince Palace Hotel, Bangkok", "2018-05-03", "Bangkok"),
        ("Venue: Dhaka, Bangladesh | 12 June 2017", "2017-06-12", "Dhaka"),
    ],
)
def test_a_date_and_venue_line_dates_and_places_the_page_s_event(venue, start, city):
    text = (
        f"Regional Conference on Fair Recruitment\n{venue}\n\nProgramme\n\nBackground\n\n"
        "In 2015, governments of the region agreed to work on recruitment fees. A conference "
        "of unions and employers will review what has changed.\n"
    )
    titled = [e for e in analyse(text).events if e.is_document_event]
    assert [(e.kind, e.date.iso("start"), e.city) for e in titled] == [("conference", start, city)]


def test_a_category_header_is_still_the_publication_date():
    text = "Unions meet in Dhaka\n15 Aug 2007 | Consultations | Bangladesh\n\nText.\n"
    assert read_metadata(text).date.iso("start") == "2007-08-15"


@pytest.mark.parametrize(
    "title",
    [
        "Joint Statement of the Regional Consultation on Migration",
        "Statement of the Regional Consultation on Migration",
        "Press Release: Regional Consultation on Migration ends",
        "Declaration of the Regional Consultation on Migration",
    ],
)
def test_a_statement_s_date_line_is_the_document_s_date_not_the_event_s(title):
    text = (
        f"{title}\n18 December 2019\n\nWe, participants of the regional consultation held in "
        "Bangkok on 16-17 December 2019, call on governments to act.\n"
    )
    assert [(k, d) for _, k, d, _ in events_of(text)] == [("consultation", "2019-12-16")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "On the second day the two unions signed a Memorandum of Understanding.",
            ("agreement", "2019-05-15"),
        ),
        ("On the closing day the unions signed an agreement.", ("agreement", "2019-05-16")),
        ("During the first day the unions signed an accord.", ("agreement", "2019-05-14")),
    ],
)
def test_a_day_of_the_reported_gathering_dates_what_happened_on_it(sentence, expected):
    text = (
        "Unions meet in Penang\n\nA regional workshop was held in Penang on 14-16 May 2019 for "
        f"union organisers. {sentence}\n"
    )
    assert expected in [(k, d) for _, k, d, _ in events_of(text)]


@pytest.mark.parametrize(
    "publication", ["Published: 10 March 2019", "Posted on 10/03/2019", "Date: 10 March 2019"]
)
def test_a_publication_line_under_the_title_is_not_the_event_s_date(publication):
    text = f"Workshop news\n{publication}\n\nThe workshop took place on 14 and 15 March in Hanoi.\n"
    assert [(k, d, c) for _, k, d, c in events_of(text)] == [("workshop", "2019-03-14", "Hanoi")]


def test_a_dates_line_under_a_programme_title_is_the_event_s():
    text = "Regional Workshop on Fair Recruitment\nDates: 2-3 March 2019\n\nProgramme\n"
    assert [(k, d) for _, k, d, _ in events_of(text)] == [("workshop", "2019-03-02")]
