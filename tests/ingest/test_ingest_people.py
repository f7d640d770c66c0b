"""People the importer finds in a sentence, with their titles and organizations: text in,
names and affiliations out. Each row is a shape of sentence, not a sentence of a source text."""

import pytest

from documents.ingest.organizations import find_organizations
from documents.ingest.people import find_people


def people(text: str) -> dict[str, tuple[str, str]]:
    """Name -> (title, organization name)."""
    orgs = find_organizations(text)
    found = find_people(text, orgs)
    return {
        p.name: (p.title, orgs[p.organization_key].name if p.organization_key else "")
        for p in found.values()
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # names in lists, without an honorific
        (
            "Two people attended on behalf of the MMN: Anong Chaiya and Malee Srisuk.",
            "Anong Chaiya",
        ),
        (
            "Two people attended on behalf of the MMN: Anong Chaiya and Malee Srisuk.",
            "Malee Srisuk",
        ),
        ("Speakers included: Rina Hartati, Budi Santoso and Dewi Lestari.", "Dewi Lestari"),
        # a name after a role
        ("Chair of ASEAN for 2019 Prayut Chan-o-cha opened the summit.", "Prayut Chan-o-cha"),
        ("President Rodrigo Duterte called it a landmark.", "Rodrigo Duterte"),
        ("Minister of Labour Sun Chanthol declared the forum open.", "Sun Chanthol"),
        # a hyphenated surname
        ("Mr. Mohammad Mazen Al-Maita, representing ArabTUC, spoke.", "Mohammad Mazen Al-Maita"),
        ("Mr. Pong-Sul Ahn - Senior Specialist in Workers’ Activities", "Pong-Sul Ahn"),
        # forms of address are not part of a name
        ("His Excellency Hun Sen addressed the delegates.", "Hun Sen"),
        ("Bro. Jose Santos, President of the union, spoke.", "Jose Santos"),
        ("Comrade Binod Shrestha thanked the organisers.", "Binod Shrestha"),
        ("The Honourable Maria Lopez, Senator, opened the session.", "Maria Lopez"),
        ("Sis. Ana Reyes read the statement.", "Ana Reyes"),
        ("According to Binod Shrestha, returnees need support.", "Binod Shrestha"),
        (
            "Sis. Norlia Ahmad of the Amalgamated Union of Employees in Government Clerical "
            "and Allied Services called for a law.",
            "Norlia Ahmad",
        ),
        # an age or a place in a photo beside a name
        ("Sita Kumari Tamang, 34, worked in Kuala Lumpur for six years.", "Sita Kumari Tamang"),
        ("Photo: Anong Chaiya (left) with members of the network.", "Anong Chaiya"),
        # a convener, and a name a letter is from
        (
            "A letter from Sinapan Samydorai, Convener of the TF-AMW, asked for more.",
            "Sinapan Samydorai",
        ),
    ],
)
def test_finds_the_person(text, name):
    assert name in people(text)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("His Excellency addressed the delegates.", "His Excellency"),
        (
            "Atty. Marie Apostol, Fair Recruitment Initiative of the ILO",
            "Fair Recruitment Initiative",
        ),
        ("The Honourable Members of Parliament agreed.", "Honourable Members"),
        (
            "Sarah Cruz, J.D., Director for Special Projects, Ateneo Human Rights Center",
            "Special Projects",
        ),
        (
            "Charles Lee, Director of Monitoring Sustainability of Globalisation, said",
            "Monitoring Sustainability",
        ),
        (
            "Ms Anong Chaiya and Ms Malee Srisuk. Ms Jackie Pollock spoke.",
            "Malee Srisuk. Ms Jackie Pollock",
        ),
    ],
)
def test_does_not_take_for_a_name(text, not_a_name):
    assert not_a_name not in people(text)


@pytest.mark.parametrize(
    ("text", "name", "organization"),
    [
        # "Name - ACR's Role": the body of the role, not the nearest one
        (
            "The State Enterprise Worker Relations Confederation of Thailand (SERC) met the ILO. "
            "Speakers were Mr. Sawit Kaewvarn - SERC’s Advisor, and Ms Ann Lee from the ILO.",
            "Sawit Kaewvarn",
            "State Enterprise Worker Relations Confederation of Thailand",
        ),
        # "Name, Title, Organization" before a further body in the same line
        (
            "Ms Jackie Pollock, executive director of MAP Foundation, joined; the International "
            "Labour Organization spoke next.",
            "Jackie Pollock",
            "MAP Foundation",
        ),
        # a list after the body it speaks for, and not a body named after the sentence ends
        (
            "Two people attended on behalf of the MMN: Ms Anong Chaiya and Ms Malee Srisuk. "
            "Ms Jackie Pollock, executive director of MAP Foundation, joined.",
            "Malee Srisuk",
            "Mekong Migration Network",
        ),
        # "COUNTRY's Minister of X": that ministry
        (
            "Khampheng Saysompheng, Lao PDR's Minister of Labour and Social Welfare and Chair of "
            "the ASEAN Labour Ministers Meeting, noted the growth.",
            "Khampheng Saysompheng",
            "Ministry of Labour and Social Welfare (Lao PDR)",
        ),
        (
            "H.E. Phaithoon Kaeothong, Minister of Labour of Thailand, declared the Forum open. "
            "Ms Thetis Mangahas from the International Labour Organisation then spoke.",
            "Phaithoon Kaeothong",
            "Ministry of Labour (Thailand)",
        ),
        # "Name (ORG)", "Name - ACR Title", "A and B of ORG", "Name, Programme of the ILO"
        (
            "- Ellene Sana (Center for Migrant Advocacy)",
            "Ellene Sana",
            "Center for Migrant Advocacy",
        ),
        ("- Eni Lestari - IMWU Chairperson", "Eni Lestari", "Indonesian Migrant Workers Union"),
        (
            "The participants included Marrz Balaoro and Jojo Lorenzo of Migrante International.",
            "Marrz Balaoro",
            "Migrante International",
        ),
        (
            "Atty. Marie Apostol, Fair Recruitment Initiative of the ILO",
            "Marie Apostol",
            "International Labour Organization",
        ),
        # an acronym the text defined, mentioned again later
        (
            "The Philippine Migrants Rights Watch (PMRW) met. Ana Cruz of PMRW spoke next.",
            "Ana Cruz",
            "Philippine Migrants Rights Watch",
        ),
        # "COUNTRY's Deputy Minister of X, Name, verb": the holder between commas
        (
            "Vietnam's Deputy Minister of Labour, Invalids and Social Affairs, Doan Mau Diep, "
            "chaired the session.",
            "Doan Mau Diep",
            "Ministry of Labour, Invalids and Social Affairs (Viet Nam)",
        ),
        # "ORG Title Name": the body heading the name
        (
            "ITUC-AP General Secretary Shoya Yoshida said unions must cooperate.",
            "Shoya Yoshida",
            "International Trade Union Confederation Asia-Pacific",
        ),
        # "Name of ORG's unit": the body, through its possessive
        (
            "Anna Engblom, Senior Programme Manager of ILO’s TRIANGLE in ASEAN programme, spoke.",
            "Anna Engblom",
            "International Labour Organization",
        ),
    ],
)
def test_ties_the_person_to_the_body_the_text_names_for_them(text, name, organization):
    assert people(text)[name][1] == organization


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("President Rodrigo Duterte called it a landmark.", "Rodrigo Duterte", "President"),
        ("ILO Director-General Guy Ryder welcomed it.", "Guy Ryder", "Director-General"),
        (
            "Mr. Henry Cunningham, Programme Manager of Workers Activities at the International "
            "Training Centre of the ILO (ITCILO), told participants",
            "Henry Cunningham",
            "Programme Manager of Workers Activities",
        ),
        (
            "H.E. Phaithoon Kaeothong, Minister of Labour of Thailand, declared the Forum open.",
            "Phaithoon Kaeothong",
            "Minister of Labour of Thailand",
        ),
        ("Joel Maglunsod, Undersecretary, DOLE", "Joel Maglunsod", "Undersecretary"),
        (
            "William Gois, Regional Coordinator of Migrant Forum in Asia (MFA); Rex Varona",
            "William Gois",
            "Regional Coordinator",
        ),
        ("Mr. Sawit Kaewvarn - SERC’s Advisor, spoke.", "Sawit Kaewvarn", "Advisor"),
    ],
)
def test_keeps_the_whole_title(text, name, title):
    assert people(text)[name][0] == title


@pytest.mark.parametrize(
    ("text", "name", "title", "organization"),
    [
        # "ACR's title Name", "ACR title Name": lower-case or capitalised titles
        (
            "KSBSI's secretary-general Rina Hartati Putri said the law was weak.",
            "Rina Hartati Putri",
            "Secretary-general",
            "Konfederasi Serikat Buruh Sejahtera Indonesia",
        ),
        (
            "GEFONT coordinator Ram Bahadur Thapa-Magar said returnees were unpaid.",
            "Ram Bahadur Thapa-Magar",
            "Coordinator",
            "General Federation of Nepalese Trade Unions",
        ),
        (
            "Tenaganita chairperson Mala Devi Nair welcomed the move.",
            "Mala Devi Nair",
            "Chairperson",
            "Tenaganita",
        ),
        (
            "MFA regional coordinator Arturo Reyes said the meeting was useful.",
            "Arturo Reyes",
            "Regional coordinator",
            "Migrant Forum in Asia",
        ),
        # two bodies, each heading its own officer, forms of address stripped
        (
            "MTUC Deputy President Bro. Ahmad Fauzi Rahman and GEFONT Vice-Chairperson Comrade "
            "Sita Kumari Rai signed the agreement.",
            "Ahmad Fauzi Rahman",
            "Deputy President",
            "Malaysian Trades Union Congress",
        ),
        (
            "MTUC Deputy President Bro. Ahmad Fauzi Rahman and GEFONT Vice-Chairperson Comrade "
            "Sita Kumari Rai signed the agreement.",
            "Sita Kumari Rai",
            "Vice-Chairperson",
            "General Federation of Nepalese Trade Unions",
        ),
        (
            "BWI Asia-Pacific Regional Representative Bro. Daniel Cruz Ramos welcomed them.",
            "Daniel Cruz Ramos",
            "Asia-Pacific Regional Representative",
            "Building and Wood Workers' International",
        ),
        # "its" ties to the body just named
        (
            "Speaking for the Malaysian Trades Union Congress (MTUC), its Vice-President Lee "
            "Chong Wei called for reform.",
            "Lee Chong Wei",
            "Vice-President",
            "Malaysian Trades Union Congress",
        ),
        # "ORG's Title, Name, verb"
        (
            "Tenaganita's Executive Director, Priya Devi Raman, cautioned against haste.",
            "Priya Devi Raman",
            "Executive Director",
            "Tenaganita",
        ),
        # one name alone, as many Indonesians go by, after a body and its officer's title
        (
            "KSBSI chairperson Sutrisno said the law was weak.",
            "Sutrisno",
            "Chairperson",
            "Konfederasi Serikat Buruh Sejahtera Indonesia",
        ),
        (
            "MTUC Secretary General Rahmat Ismail said it.",
            "Rahmat Ismail",
            "Secretary General",
            "Malaysian Trades Union Congress",
        ),
    ],
)
def test_a_body_heading_its_officer_is_their_organization(text, name, title, organization):
    assert people(text)[name] == (title, organization)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        (
            "Speaking for the MTUC, its Vice-President Lee Chong Wei called for reform.",
            "Vice-President Lee Chong Wei",
        ),
        ("MTUC Deputy President Bro. Ahmad Fauzi Rahman spoke.", "President Bro"),
    ],
)
def test_an_office_is_no_part_of_the_name_it_heads(text, not_a_name):
    assert not_a_name not in people(text)


@pytest.mark.parametrize(
    ("text", "name", "organization"),
    [
        # a long portfolio, commas and all, then the name with no comma
        (
            "Nepal's Minister of Labour, Employment and Social Security Gita Kumari Sharma said "
            "the fund would grow.",
            "Gita Kumari Sharma",
            "Ministry of Labour, Employment and Social Security (Nepal)",
        ),
        # a Minister of State is a minister of the ministry of the portfolio
        (
            "Singapore's Minister of State for Manpower, Tan Mei Ling, said rules would change.",
            "Tan Mei Ling",
            "Ministry of Manpower (Singapore)",
        ),
        # "<title> of <ORG> (ACR), Name, verb": an appositive name
        (
            "An Assistant Secretary of the Department of Labor and Employment (DOLE), Jose "
            "Santos-Cruz, briefed the participants.",
            "Jose Santos-Cruz",
            "Department of Labor and Employment",  # as the text names it; PH its country
        ),
        # letters beyond ASCII in a hyphenated surname
        (
            "Ana Lucía Peña-Ortiz, Senior Migration Specialist at the ILO Regional Office for "
            "Asia and the Pacific, spoke.",
            "Ana Lucía Peña-Ortiz",
            "ILO Regional Office for Asia and the Pacific",
        ),
        # a Malay patronymic, and a lower-case title before "of ORG"
        (
            "Ahmad bin Yusof, President of MTUC, spoke.",
            "Ahmad bin Yusof",
            "Malaysian Trades Union Congress",
        ),
        (
            "Siti Noor Aziz, women's committee chairperson of MTUC, called for a law.",
            "Siti Noor Aziz",
            "Malaysian Trades Union Congress",
        ),
        # a programme in a speaker line is run by the body after it
        (
            "Hoang Thi Mai, Chief Technical Adviser, TRIANGLE in ASEAN, ILO",
            "Hoang Thi Mai",
            "International Labour Organization",
        ),
        (
            "The ILO spoke. Hoang Thi Mai, Project Officer, ILO TRIANGLE in ASEAN, spoke next.",
            "Hoang Thi Mai",
            "International Labour Organization",
        ),
    ],
)
def test_ties_an_officer_named_after_a_long_office(text, name, organization):
    assert people(text)[name][1] == organization


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "An Assistant Secretary of the Department of Labor and Employment (DOLE), Jose "
            "Santos-Cruz, briefed the participants.",
            "Jose Santos-Cruz",
            "Assistant Secretary",
        ),
        (
            "Nepal's Minister of Labour, Employment and Social Security Gita Kumari Sharma spoke.",
            "Gita Kumari Sharma",
            "Minister of Labour, Employment and Social Security",
        ),
        # a lower-case title before "of ORG"
        (
            "Siti Noor Aziz, women's committee chairperson of MTUC, called for a law.",
            "Siti Noor Aziz",
            "Chairperson",
        ),
        ("Anna Cruz, regional coordinator of MFA, spoke.", "Anna Cruz", "Coordinator"),
    ],
)
def test_an_office_stops_before_the_body_it_names(text, name, title):
    assert people(text)[name][0] == title


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the minister named again by office and surname is the same person
        (
            "Nepal's Minister of Labour, Employment and Social Security Gita Kumari Sharma said "
            "the fund would grow. Minister Sharma added that more was needed.",
            {"Gita Kumari Sharma"},
        ),
        # a patronymic and a description between commas before the verb
        (
            "Nur Aini binti Abdul Rahman, a domestic worker, said she was unpaid.",
            {"Nur Aini binti Abdul Rahman"},
        ),
        ("Rosli bin Hassan, a fisherman, told the meeting his story.", {"Rosli bin Hassan"}),
        # Vietnamese names, capitals beyond ASCII, and the region's forms of address stripped
        ("Đặng Văn Bình, President of VGCL, said so.", {"Đặng Văn Bình"}),
        ("Ông Đỗ Quang Hưng said the law would change.", {"Đỗ Quang Hưng"}),
        ("Bà Nguyễn Thị Mai spoke first.", {"Nguyễn Thị Mai"}),
        ("Khun Somchai Jaidee said so.", {"Somchai Jaidee"}),
        ("Ibu Anis Hidayah said so.", {"Anis Hidayah"}),
    ],
)
def test_finds_each_person_once(text, names):
    assert set(people(text)) == names


@pytest.mark.parametrize(
    "text",
    [
        "The ILO Director General spoke first.",
        "MFA Coordinator Asia was not named.",
        "The ILO Representative Office opened.",
        "GEFONT members Indonesia and Nepal met.",
    ],
)
def test_a_body_and_a_title_before_no_name_give_no_person(text):
    assert people(text) == {}


def test_member_states_are_no_person():
    assert people("On this anniversary we urge ILO Member States to ratify C189.") == {}
