import datetime as dt

import pytest

from advocacy_site.partial_dates import PartialDate, format_period


@pytest.mark.parametrize(
    ("parts", "kwargs", "shown", "start", "end"),
    [
        ((2007, 11, 1), {"end_day": 3}, "1–3 November 2007", "2007-11-01", "2007-11-03"),
        ((2018, 7), {}, "July 2018", "2018-07", "2018-07"),
        ((2014,), {}, "2014", "2014", "2014"),
        ((2015,), {"approximate": True}, "c. 2015", "2015", "2015"),
        (
            (2007, 10, 30),
            {"end_month": 11, "end_day": 2},
            "30 October – 2 November 2007",
            "2007-10-30",
            "2007-11-02",
        ),
        ((2018, 7), {"end_month": 8}, "July – August 2018", "2018-07", "2018-08"),
        ((2014,), {"end_year": 2016}, "2014–2016", "2014", "2016"),
        ((2011, 9, 17), {}, "17 September 2011", "2011-09-17", "2011-09-17"),
    ],
)
def test_partial_date_shows_and_serialises_at_its_precision(parts, kwargs, shown, start, end):
    date = PartialDate.from_parts(*parts, **kwargs)
    assert date.display() == shown
    assert date.iso("start") == start
    assert date.iso("end") == end


def test_a_month_covers_the_whole_month_and_never_invents_a_day():
    date = PartialDate.from_parts(2024, 2)
    assert (date.start, date.end) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date.precision == "month"


def test_an_end_before_the_start_is_refused():
    with pytest.raises(ValueError):
        PartialDate.from_parts(2007, 11, 3, end_day=1)


def test_empty_period_shows_nothing():
    assert format_period(None, None, "day") == ""


def test_parse_iso_round_trips():
    for value in ("2007", "2007-11", "2007-11-03"):
        assert PartialDate.parse_iso(value).iso() == value
