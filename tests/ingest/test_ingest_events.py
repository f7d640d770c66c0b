"""Events in a text: text in, events (name, kind, dates, place) out."""

import re

import pytest

from documents.ingest.triggers import Trigger, leading_literals

from .analysed import analyse, events_of


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
