"""Organizations the importer finds in a sentence: text in, names and acronyms out.

Each row is a shape of sentence advocacy pages use (not a sentence of any source text)."""

import pytest

from documents.ingest.organizations import find_organizations


def names(text: str) -> set[str]:
    return {finding.name for finding in find_organizations(text).values()}


def acronyms(text: str) -> dict[str, str]:
    return {f.name: f.acronym for f in find_organizations(text).values()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names in the region's own languages, opened or closed by their head word
        (
            "The rally was led by Lembaga Advokasi Buruh Sejahtera and local groups.",
            "Lembaga Advokasi Buruh Sejahtera",
        ),
        (
            "Yayasan Pekerja Rumah Tangga Mandiri runs a shelter.",
            "Yayasan Pekerja Rumah Tangga Mandiri",
        ),
        (
            "Members of Kilusan ng Manggagawang Kababaihan marched.",
            "Kilusan ng Manggagawang Kababaihan",
        ),
        (
            "A statement by Persatuan Pekerja Rumah Tangga Sabah followed.",
            "Persatuan Pekerja Rumah Tangga Sabah",
        ),
        ("The Nepal Ghar Shramik Sangh organised the meeting.", "Nepal Ghar Shramik Sangh"),
        # lower-case words inside a name
        (
            "The Federation of Workers in the Food and Beverage Industry joined the call.",
            "Federation of Workers in the Food and Beverage Industry",
        ),
        # a unit of a university is a body of its own, named with its university
        (
            "Researchers from the Institute for Population and Social Research at Mahidol "
            "University presented findings.",
            "Institute for Population and Social Research",
        ),
        (
            "the Centre for Migration Studies in Pacific Coast University took part.",
            "Centre for Migration Studies, Pacific Coast University",
        ),
        # a government body known only from its official's title
        (
            "Nepal's Minister of Labour, Employment and Social Security opened the meeting.",
            "Ministry of Labour, Employment and Social Security (Nepal)",
        ),
        (
            "Ms Ida Fauziyah, Minister of Manpower of Indonesia, spoke first.",
            "Ministry of Manpower (Indonesia)",
        ),
        (
            "The Cambodian Minister of Labour and Vocational Training and Chair of the meeting "
            "welcomed delegates.",
            "Ministry of Labour and Vocational Training (Cambodia)",
        ),
        (
            "She met the Indonesian Minister of Manpower Hanif Dhakiri in Jakarta.",
            "Ministry of Manpower (Indonesia)",
        ),
        # a person's name before "of the" is not part of the body's
        (
            "Sis. Norlia Ahmad of the Amalgamated Union of Employees in Government Clerical "
            "and Allied Services called for a law.",
            "Amalgamated Union of Employees in Government Clerical and Allied Services",
        ),
        # two bodies joined by "and the"
        (
            "Staff of UNI Malaysia Labour Centre and the Selangor Domestic Workers Association "
            "attended.",
            "UNI Malaysia Labour Centre",
        ),
        (
            "Staff of UNI Malaysia Labour Centre and the Selangor Domestic Workers Association "
            "attended.",
            "Selangor Domestic Workers Association",
        ),
        (
            "The Nepal Rastriya Mahila Sangh and Sancharika Samuha were present.",
            "Sancharika Samuha",
        ),
        # a unit of a Malay university, named head first
        (
            "a researcher at the Institute of Malaysian and International Studies in Universiti "
            "Kebangsaan Malaysia",
            "Institute of Malaysian and International Studies, Universiti Kebangsaan Malaysia",
        ),
        (
            "The next meeting will be hosted by the Lao PDR Ministry of Labour and Social Welfare.",
            "Ministry of Labour and Social Welfare (Lao PDR)",
        ),
        # a name before its local acronym, with initials of its own
        (
            "The State Enterprise Worker Relations Confederation of Thailand (SERC) organised it.",
            "State Enterprise Worker Relations Confederation of Thailand",
        ),
        # a body's former name, where the text never names its successor
        (
            "The Canadian Department of Foreign Affairs, Trade and Development funded the project.",
            "Department of Foreign Affairs, Trade and Development",
        ),
        # a national branch of a global union is a body of its own
        ("Ahmad Ali, UNI Malaysia, spoke next.", "UNI Malaysia"),
        # an acronym followed by a possessive, or after "of the", is the body
        ("She leads ILO’s Decent Work Team.", "International Labour Organization"),
        ("Two staff came on behalf of the MMN to the event.", "Mekong Migration Network"),
    ],
)
def test_finds_a_body_named_in_this_shape(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        # fragments around "Forum" and other gatherings
        ("SERC organised the Forum in December 2014.", "Forum in December"),
        ("Support for the Forum came from the ILO.", "Support for the Forum"),
        ("The Government hosted the Forum in Manila on 25 October.", "Forum in Manila"),
        ("Unions met at Migrant Workers’ Forum in Bangkok to talk.", "Migrant Workers’ Forum"),
        ("On that day, a Domestic Workers Forum gave workers a voice.", "Domestic Workers Forum"),
        (
            "That message ran through the Follow-up Training on Strengthening Joint Union "
            "Actions, held in May.",
            "Follow-up Training on Strengthening Joint Union",
        ),
        (
            "Participants attended the Jakarta Forum on Migrant Workers’ Protection.",
            "Jakarta Forum on Migrant Workers’ Protection",
        ),
        (
            "Delegates spoke during the Regional Assembly of Home-Based Workers.",
            "Regional Assembly of Home-Based Workers",
        ),
        # generic categories
        (
            "a consultation on Regional Consultative Processes (RCPs) in Asia",
            "Regional Consultative Processes",
        ),
        ("Thai Trade Unions met the minister.", "Thai Trade Unions"),
        # a secretariat is its body; a parent's acronym qualifies its own body
        ("The MFA Secretariat briefed participants.", "MFA Secretariat"),
        ("UN OHCHR: Human Rights Approach", "United Nations"),
        # a successor the text never names
        ("the Department of Foreign Affairs, Trade and Development said", "Global Affairs Canada"),
        # the university is not proposed for its unit
        (
            "Researchers from the Institute for Population and Social Research at Mahidol "
            "University presented findings.",
            "Mahidol University",
        ),
        (
            "the Centre for Population Studies in Mahidol University, among others",
            "Mahidol University",
        ),
        # a branch is not its global federation
        ("Ahmad Ali, UNI Malaysia, spoke next.", "UNI Global Union"),
        # a place after a standing body's name stays outside a gathering's
        ("Migrant Forum in Asia (MFA) wrote to ministers.", "Forum in Asia"),
    ],
)
def test_does_not_propose_what_is_no_body(text, not_expected):
    assert not_expected not in names(text)


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        (
            "Unions such as PMRW (Philippine Migrants Rights Watch) spoke.",
            "Philippine Migrants Rights Watch",
            "PMRW",
        ),
        (
            "The Migrant Workers Rights Network (MWRN) and others",
            "Migrant Workers Rights Network",
            "MWRN",
        ),
        (
            "The State Enterprise Worker Relations Confederation of Thailand (SERC) met. SERC said",
            "State Enterprise Worker Relations Confederation of Thailand",
            "SERC",
        ),
        ("The MFA Secretariat briefed participants.", "Migrant Forum in Asia", "MFA"),
        (
            "International Trade Union Confederation – Asia Pacific (ITUC-AP) said",
            "International Trade Union Confederation Asia-Pacific",
            "ITUC-AP",
        ),
    ],
)
def test_reads_acronym_definitions_both_ways(text, name, acronym):
    assert acronyms(text).get(name) == acronym


def test_a_regional_office_named_after_its_city_keeps_the_city():
    assert "Embassy of Bangladesh in Doha" in names("The Embassy of Bangladesh in Doha helped.")


def test_two_ministries_joined_by_and_are_two_bodies():
    found = names(
        "the MoU that Nepal's Ministry of Labour, Employment and Social Security and "
        "Malaysia's Ministry of Human Resources signed"
    )
    assert {
        "Ministry of Labour, Employment and Social Security (Nepal)",
        "Ministry of Human Resources (Malaysia)",
    } <= found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Affiliates present included KSPI, KSBSI, GEFONT and FSPMI.", {"FSPMI"}, set()),
        (
            "NGOs, CSOs and MoUs were discussed with KSPI and KSBSI.",
            set(),
            {"NGOs", "CSOs", "MoUs"},
        ),
        ("Unions from Nepal, India and Bangladesh met.", set(), {"Nepal", "India"}),
    ],
)
def test_an_unknown_acronym_listed_among_known_bodies_is_a_body(text, expected, absent):
    found = names(text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Indonesian, Malay and Vietnamese head words opening a name
        (
            "Asosiasi Pekerja Rumah Tangga Jawa joined the march.",
            "Asosiasi Pekerja Rumah Tangga Jawa",
        ),
        ("A report by Jaringan Advokasi Buruh Migran followed.", "Jaringan Advokasi Buruh Migran"),
        ("Koalisi Pekerja Perempuan Sumatra spoke.", "Koalisi Pekerja Perempuan Sumatra"),
        ("Members of Ikatan Buruh Nelayan Jakarta came.", "Ikatan Buruh Nelayan Jakarta"),
        ("Pertubuhan Pekerja Sabah wrote a letter.", "Pertubuhan Pekerja Sabah"),
        ("Majlis Pekerja Asing Selangor agreed.", "Majlis Pekerja Asing Selangor"),
        ("Hiệp Hội Lao Động Miền Trung met.", "Hiệp Hội Lao Động Miền Trung"),
        # trades listed inside the name, closed by "Workers" or "Employees"
        (
            "The Central Union of Painters, Plumbers, Electro and Construction Workers joined.",
            "Central Union of Painters, Plumbers, Electro and Construction Workers",
        ),
        (
            "The Federation of Food, Beverage and Tobacco Workers and the Union of Bank, Finance "
            "and Insurance Employees met.",
            "Federation of Food, Beverage and Tobacco Workers",
        ),
        (
            "The Federation of Food, Beverage and Tobacco Workers and the Union of Bank, Finance "
            "and Insurance Employees met.",
            "Union of Bank, Finance and Insurance Employees",
        ),
        # a body whose name holds a gathering word is kept whole
        (
            "The People Forum for Human Rights Cambodia met.",
            "People Forum for Human Rights Cambodia",
        ),
        # a known body's office in a country is that office
        ("The ILO's Viet Nam Office hosted the meeting.", "ILO Country Office for Viet Nam"),
        ("The ILO Nepal Office hosted the meeting.", "ILO Country Office for Nepal"),
        # a Minister of State's ministry is the ministry of the portfolio
        (
            "Singapore's Minister of State for Manpower opened it.",
            "Ministry of Manpower (Singapore)",
        ),
    ],
)
def test_finds_a_body_named_in_a_further_shape(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Opening the Forum, the minister thanked the organisers.", "Opening the Forum"),
        ("Welcoming the Council members, she spoke.", "Welcoming the Council"),
        ("Regional Civil Society groups met the ILO.", "Regional Civil Society"),
        ("Migrants from Japan and Taiwan (East Asia) met.", "Japan and Taiwan"),
        ("The ILO's Viet Nam Office hosted the meeting.", "Viet Nam Office"),
        ("The ILO Nepal Office hosted the meeting.", "Nepal Office"),
        ("Singapore's Minister of State for Manpower opened it.", "Ministry of State"),
        ("Senior United Nations experts agreed.", "United Nations"),
        ("The UN system and its agencies agreed.", "United Nations"),
        ("The United Nations Special Envoy on Youth spoke.", "United Nations"),
        ("The People Forum for Human Rights Cambodia met.", "People Forum"),
        (
            "The Federation of Food, Beverage and Tobacco Workers met.",
            "Federation of Food",
        ),
    ],
)
def test_does_not_propose_a_part_or_a_category_as_a_body(text, not_expected):
    assert not_expected not in names(text)


def test_the_united_nations_named_as_a_body_is_still_one():
    assert "United Nations" in names("The United Nations adopted the convention in 1990.")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the text's full bare name, its country kept apart
        (
            "The Ministry of Human Resources set the quota. Malaysia agreed.",
            "Ministry of Human Resources",
            "MY",
        ),
        # no bare name in the text: the gazetteer's, with its country
        (
            "Malaysia's Minister of Human Resources spoke.",
            "Ministry of Human Resources (Malaysia)",
            "MY",
        ),
        # a one-portfolio name many governments use keeps its country
        ("The Ministry of Labour spoke. Thailand agreed.", "Ministry of Labour (Thailand)", "TH"),
    ],
)
def test_a_government_body_is_named_as_the_text_names_it(text, name, country):
    assert (name, country) in {(f.name, f.country) for f in find_organizations(text).values()}
