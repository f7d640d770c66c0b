"""Events in a text: text in, events (name, kind, dates, place, series) out."""

import re
from pathlib import Path

import pytest

from documents.ingest.metadata import read_metadata
from documents.ingest.pipeline import analyse_source
from documents.ingest.series import find_series, series_of_name
from documents.ingest.sources import SourceText
from documents.ingest.triggers import Trigger, leading_literals


def analyse(text: str):
    return analyse_source(SourceText(Path("t.txt"), "t.txt", text, "", "txt"))


def events_of(text: str) -> list[tuple]:
    return [
        (e.name, e.kind, e.date.iso("start") if e.date else None, e.city or None)
        for e in analyse(text).events
    ]


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


@pytest.mark.parametrize(
    ("text", "name", "kind", "start"),
    [
        (
            "MANILA, 14 November 2017 – The Heads of State put their signatures today to the ASEAN "
            "Consensus on the Protection and Promotion of the Rights of Migrant Workers.",
            "Signing of the ASEAN Consensus on the Protection and Promotion of the Rights of "
            "Migrant Workers",
            "agreement",
            "2017-11-14",
        ),
        (
            "Trade unionists convened in Penang on 4 April 2016 to compare organising strategies.",
            None,
            "meeting",
            "2016-04-04",
        ),
        (
            "The ILO held a workshop entitled “Organising Migrant Domestic Workers” in Jakarta "
            "on 5 May 2016.",
            "Organising Migrant Domestic Workers",
            "workshop",
            "2016-05-05",
        ),
        (
            "That message ran through the Follow-up Training on Strengthening Joint Union Actions "
            "for Migrant Workers, a five-day course held in Bangkok on 8-12 May 2017.",
            "Follow-up Training on Strengthening Joint Union Actions for Migrant Workers",
            "training",
            "2017-05-08",
        ),
    ],
)
def test_events_said_with_verbs_quotes_and_names_holding_union(text, name, kind, start):
    found = [(n, k, d) for n, k, d, _ in events_of(text)]
    assert any(k == kind and d == start and (name is None or n == name) for n, k, d in found)


def test_a_gathering_named_with_union_is_not_a_body():
    text = (
        "That message ran through the Follow-up Training on Strengthening Joint Union Actions "
        "for Migrant Workers, held in Bangkok on 8-12 May 2017."
    )
    names = {o.name for o in analyse(text).organizations.values()}
    assert not any("Training" in n for n in names)


def test_the_forum_refers_back_to_the_titled_event():
    text = (
        "10th ASEAN Forum on Migrant Labour\n\n"
        "The Government of the Philippines hosted the Forum in Manila on 25-26 October 2017.\n"
    )
    assert events_of(text) == [
        ("10th ASEAN Forum on Migrant Labour", "forum", "2017-10-25", "Manila")
    ]


def test_a_titled_event_without_a_date_has_none():
    text = (
        "Civil Society Forum on ILO Domestic Workers' Convention, 2011 (No.189)\n\n"
        "Civil society groups from the region met in a forum to press for ratification.\n"
    )
    assert events_of(text) == [
        (
            "Civil Society Forum on ILO Domestic Workers' Convention, 2011 (No.189)",
            "forum",
            None,
            None,
        )
    ]


def test_stages_of_a_process_stay_apart():
    text = (
        "Civil society groups will be consulted in national consultations in March 2010, "
        "and a regional consultation will follow in Bangkok on 5-6 May 2010.\n"
    )
    starts = sorted(d for _, k, d, _ in events_of(text) if k == "consultation")
    assert starts == ["2010-03", "2010-05-05"]


@pytest.mark.parametrize(
    "text",
    [
        "Agreement was reached only after years of talks, which began in 2009.",
        "Negotiations towards an agreement on migrant workers continued in 2012.",
        "Unions hope for an agreement on minimum wages in 2019.",
    ],
)
def test_agreement_in_general_is_no_event(text):
    assert [k for _, k, _, _ in events_of(text) if k == "agreement"] == []


def test_a_signed_agreement_is_still_an_event():
    text = "In 2015 ATUC signed a Memorandum of Understanding with SARTUC."
    assert [d for _, k, d, _ in events_of(text) if k == "agreement"] == ["2015"]


@pytest.mark.parametrize(
    "text",
    [
        "The four unions are expected to sign a Memorandum of Understanding in June 2018.",
        "ATUC and SARTUC will sign an agreement on migrant workers in Geneva in June 2018.",
        "The federations plan to sign the MoU at the conference in June 2018.",
    ],
)
def test_an_agreement_still_to_be_signed_is_no_event(text):
    assert [k for _, k, _, _ in events_of(text) if k == "agreement"] == []


def test_a_gathering_still_to_be_held_is_proposed_as_planned():
    text = "The 3rd ASEAN Forum on Migrant Labour will be held in Hanoi in July 2010."
    assert [(k, d) for _, k, d, _ in events_of(text)] == [("forum", "2010-07")]


@pytest.mark.parametrize(
    ("pattern", "cues"),
    [
        (r"workshops?", ("workshop",)),
        (r"meetings?|round-?tables?|meet\s+again", ("meeting", "round", "meet")),
        (r"(?<!of\s)courses?", ("course",)),
    ],
)
def test_a_trigger_reads_its_cues_from_its_pattern(pattern, cues):
    assert Trigger(pattern, "meeting").cues == cues


def test_a_trigger_whose_cues_cannot_be_read_must_give_them():
    with pytest.raises(ValueError):
        leading_literals(r"(?:formally\s+)?established")
    assert Trigger(r"(?:formally\s+)?established", "founding", cues=("establish",)).cues == (
        "establish",
    )


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


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("The Bali Process Ministerial Conference met in Adelaide on 7 August 2018.", "Adelaide"),
        ("The 10th Abu Dhabi Dialogue Ministerial Consultation met in Dubai in 2024.", "Dubai"),
        (
            "Ministers met in Manila on 14 November 2017 to discuss the Cebu Declaration.",
            "Manila",
        ),
    ],
)
def test_a_place_inside_a_name_is_not_the_venue(text, city):
    assert [c for _, _, _, c in events_of(text)] == [city]


def test_a_gathering_said_with_a_verb_is_named_by_place_and_date():
    text = (
        "Migrant unions gather\n\nKuala Lumpur, 3 March 2020\n\n"
        "More than 50 union leaders gathered in Kuala Lumpur on Monday to discuss fees.\n"
    )
    assert events_of(text) == [
        ("Meeting in Kuala Lumpur, 2 March 2020", "meeting", "2020-03-02", "Kuala Lumpur")
    ]


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


def test_stages_are_named_by_their_scope():
    text = (
        "National consultations were held in Indonesia, the Philippines and Thailand in July "
        "2019. A regional consultation followed in Bangkok on 10-11 September 2019.\n"
    )
    assert [(n, d) for n, _, d, _ in events_of(text)] == [
        ("National consultations", "2019-07"),
        ("Regional consultation", "2019-09-10"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The ILO and Canada set up a joint initiative in 2012: the Tripartite Action for "
            "Migrant Workers, usually called the TRIANGLE Project (TP).",
            "Founding of the TRIANGLE Project",
        ),
        (
            "In 2016 the unions launched a new network: the Mekong Migrant Union Network.",
            "Founding of the Mekong Migrant Union Network",
        ),
    ],
)
def test_what_a_body_sets_up_is_what_is_founded(text, name):
    assert name in [n for n, k, _, _ in events_of(text) if k == "founding"]


@pytest.mark.parametrize(
    "text",
    [
        # A deadline is not when anything happened.
        "Regional forum on recruitment\n\nParticipants are asked to confirm their attendance "
        "at the forum by 15 November 2019.\n",
        "Call for trainers\n\nApplications for the training close on 3 May 2019.\n",
        "Call for papers\n\nThe deadline for submissions to the conference is 1 June 2019.\n",
        # A mention back is not a new event.
        "Unions and employers\n\nThe unions had signed a similar MoU in 2017 with employers.\n",
        "Looking back\n\nSuch consultations were held in 2015 as well.\n",
        # A summary of a process is not one event: its stages are.
        "Process report\n\nThe network held a series of consultations between June and "
        "August 2018.\n",
        "Process report\n\nIn 2018, four national meetings were held across the region.\n",
        "Process report\n\nSeveral regional workshops took place in 2016.\n",
    ],
)
def test_dates_and_mentions_that_are_no_event(text):
    assert [e for e in events_of(text) if e[2] is not None] == []


def test_a_regional_consultation_after_a_summary_is_its_own_event():
    text = (
        "Consultation report\n\nThe network held a series of national consultations between "
        "June and August 2018. Their results were brought to the Regional Civil Society "
        "Consultation on Migration, held in Bangkok on 23 and 24 August 2018.\n"
    )
    assert [(k, d, c) for _, k, d, c in events_of(text)] == [
        ("consultation", "2018-08-23", "Bangkok")
    ]


@pytest.mark.parametrize(
    ("text", "kind", "name_start"),
    [
        (
            "Network news\n\nThe Mekong Migrant Network was formed at a meeting held in "
            "Chiang Mai on 4 May 2019.\n",
            "meeting",
            "Founding meeting of the Mekong Migrant Network",
        ),
        (
            "Network news\n\nThe founding meeting of the Domestic Workers Network, held in "
            "Dhaka on 4 May 2019, elected its coordinator.\n",
            "meeting",
            "",
        ),
        (
            "Caucus news\n\nThe caucus was established by a resolution of the conference held "
            "in Manila on 4 May 2019.\n",
            "conference",
            "",
        ),
    ],
)
def test_a_founding_at_a_gathering_is_the_gathering(text, kind, name_start):
    events = analyse(text).events
    assert [e.kind for e in events] == [kind]
    assert events[0].date.iso("start") == "2019-05-04"
    assert events[0].name.startswith(name_start)


def test_a_founding_on_its_own_stays_a_founding():
    text = "Network news\n\nThe Mekong Migrant Network was founded on 4 May 2019 in Bangkok.\n"
    assert [e.kind for e in analyse(text).events] == ["founding"]


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
    ("sentence", "kind", "name"),
    [
        (
            "The launch of the ILO report “Fair Recruitment in Asia” took place in Bangkok on "
            "4 May 2019.",
            "launch",
            "Launch of the ILO report 'Fair Recruitment in Asia'",
        ),
        (
            "On 4 May 2019 the union launched a study on recruitment fees in Dhaka.",
            "launch",
            "Launch of the study on recruitment fees",
        ),
        ("A book launch was held in Manila on 4 May 2019.", "launch", "Launch of the book"),
        (
            "The alliance launched a campaign against wage theft on 4 May 2019.",
            "launch",
            "Launch of the campaign against wage theft",
        ),
        # A body launched is founded.
        (
            "The Mekong Migrant Network was launched in Bangkok on 4 May 2019.",
            "founding",
            "Founding of the Mekong Migrant Network",
        ),
        (
            "On 4 May 2019 unions launched a regional network of migrant workers' groups.",
            "founding",
            "",
        ),
    ],
)
def test_a_launch_puts_out_a_publication_or_campaign_not_a_body(sentence, kind, name):
    events = analyse(f"News\n\n{sentence}\n").events
    assert [(e.kind, e.date.iso("start")) for e in events] == [(kind, "2019-05-04")]
    assert events[0].name.startswith(name)


TYPOGRAPHIC = [
    "Unions held a regional workshop on 'Organising Migrant Workers' in Kathmandu on "
    "14-15 March 2019.",
    'The launch of the report "Fair Recruitment" took place in Bangkok on 4 May 2019.',
    "The Domestic Workers' Network was formed at a meeting held in Dhaka on 2 and 3 June 2018.",
    "A national consultation was held in Manila from 2 to 4 March 2019 - the first of four.",
]


def _typeset(text: str) -> str:
    """The same text as a web page sets it: curly quotes, non-breaking spaces, en dashes."""
    text = re.sub(r"'([A-Z][^']*)'", "‘\\1’", text).replace("'", "’")
    text = re.sub(r'"([^"]*)"', "“\\1”", text)
    text = re.sub(r"(\d)-(\d)", "\\1–\\2", text).replace(" - ", " – ")
    return re.sub(r"(\d) ([A-Z][a-z]+) (\d{4})", "\\1\u00a0\\2\u00a0\\3", text)


@pytest.mark.parametrize("sentence", TYPOGRAPHIC)
def test_typeset_quotes_spaces_and_dashes_are_read_the_same(sentence):
    plain, typeset = f"News\n\n{sentence}\n", f"News\n\n{_typeset(sentence)}\n"
    assert typeset != plain
    expected = [(k, d, c) for _, k, d, c in events_of(plain)]
    assert expected
    assert [(k, d, c) for _, k, d, c in events_of(typeset)] == expected


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


def test_a_renewal_and_the_first_signing_are_two_signings():
    text = (
        "Unions meet in Penang\n\nA national consultation was held in Penang on 14 May 2019. "
        "On the second day the two centres renewed the Memorandum of Understanding that they "
        "first signed in Jakarta in March 2014.\n"
    )
    signings = [d for _, k, d, _ in events_of(text) if k == "agreement"]
    assert sorted(signings) == ["2014-03", "2019-05-15"]


@pytest.mark.parametrize(
    "sentence",
    [
        "National consultations were held in Dhaka on 2 June, in Kathmandu on 15 July and in "
        "Colombo on 3 August 2018.",
        "The network held national consultations in Dhaka (2 June 2018), Kathmandu (15 July "
        "2018) and Colombo (3 August 2018).",
        "The network held a series of national consultations between June and August 2018: "
        "in Dhaka on 2 June, in Kathmandu on 15 July and in Colombo on 3 August 2018.",
    ],
)
def test_stages_listed_in_one_sentence_are_events_of_their_own(sentence):
    assert events_of(f"Process report\n\n{sentence}\n") == [
        ("National consultation in Dhaka", "consultation", "2018-06-02", "Dhaka"),
        ("National consultation in Kathmandu", "consultation", "2018-07-15", "Kathmandu"),
        ("National consultation in Colombo", "consultation", "2018-08-03", "Colombo"),
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The ILO launched its new report, 'Migrant Workers in Asia', at a press conference "
            "in Bangkok on 3 May 2019.",
            "Launch of the new report 'Migrant Workers in Asia'",
        ),
        (
            "The book launch of “Voices of Migrants” was held at a meeting in Bangkok on 3 May "
            "2019.",
            "Launch of the book 'Voices of Migrants'",
        ),
    ],
)
def test_a_launch_at_a_gathering_is_one_event_the_launch(sentence, name):
    assert events_of(f"Report launch\n\n{sentence}\n") == [
        (name, "launch", "2019-05-03", "Bangkok")
    ]


@pytest.mark.parametrize(
    "publication", ["Published: 10 March 2019", "Posted on 10/03/2019", "Date: 10 March 2019"]
)
def test_a_publication_line_under_the_title_is_not_the_event_s_date(publication):
    text = f"Workshop news\n{publication}\n\nThe workshop took place on 14 and 15 March in Hanoi.\n"
    assert [(k, d, c) for _, k, d, c in events_of(text)] == [("workshop", "2019-03-14", "Hanoi")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Union leaders met the labour minister yesterday in Kathmandu to press for zero fees.",
        "Union leaders met with officials of the ministry in Kathmandu yesterday.",
        "Yesterday a union delegation met the Prime Minister in Kathmandu.",
    ],
)
def test_meeting_an_office_holder_under_a_masthead_is_a_meeting(sentence):
    text = (
        "The Himalayan Times\nUnions meet ministers on fees\n\nKATHMANDU — "
        f"{sentence}\n\nPublished: Thursday, February 21, 2019\n"
    )
    assert [(k, d, c) for _, k, d, c in events_of(text)] == [("meeting", "2019-02-20", "Kathmandu")]


def test_a_dates_line_under_a_programme_title_is_the_event_s():
    text = "Regional Workshop on Fair Recruitment\nDates: 2-3 March 2019\n\nProgramme\n"
    assert [(k, d) for _, k, d, _ in events_of(text)] == [("workshop", "2019-03-02")]
