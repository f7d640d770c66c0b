"""The words organization names are made of: head words, connectors, and the words that
make a capitalised phrase something other than a body (an instrument, an event, a category)."""

from __future__ import annotations

import re

from .people_words import PORTFOLIO_WORDS

ORG_HEADS = (
    r"Union|Unions|Congress|Council|Forum|Network|Centre|Center|Commission|Organi[sz]ation|"
    r"Federation|Confederation|Association|Task\s?Force|Taskforce|Caucus|University|Institute|"
    r"Foundation|Stiftung|Alliance|Coalition|Ministry|Department|Office|Secretariat|Assembly|"
    r"Parliament|Group|Committee|Bank|Agency|Fund|Trust|League|Society|Movement|Platform|"
    r"Programme\s+Office|Bureau|Authority|Board|Chamber|Cooperative|Collective|"
    r"Observatory|School|College|Academy|Embassy|Consulate|High\s+Commission|"
    r"House\s+of\s+Representatives|Senate|Hluttaw|National\s+Assembly|"
    r"(?:Pvt\.?\s+)?Ltd\.?|Limited|Corporation|Company|Manpower|"
    # South Asian names end on their head too: "Nepal Mahila Ekata Samaj", "... Mahasangh"
    r"Mahasangh|Sangh|Sangathan|Parishad|Samiti|Samity|Sangstha|Manch|Samaj|Kendra|Andolan|"
    r"Samuha"
)
# Names in Indonesian, Malay, Filipino and Thai transliteration open on their head word:
# "Serikat Buruh Migran Indonesia", "Samahan ng mga Manggagawa", "Mulnithi ...".
OPENING_HEADS = (
    r"Lembaga|Yayasan|Serikat|Sarikat|Kesatuan|Persatuan|Konfederasi|Federasi|Gabungan|"
    r"Perhimpunan|Himpunan|Ikatan|Aliansi|Jaringan|Solidaritas|Koalisi|Asosiasi|Perkumpulan|"
    r"Universiti|Universitas|Kementerian|Badan|"
    r"Komisi|Komite|Dewan|Pusat|Majelis|Majlis|Pertubuhan|Persekutuan|"
    r"Kongres|Suruhanjaya|Jabatan|Gerakan|Pergerakan|Kelompok|Paguyuban|Forum\s+Buruh|"
    r"Samahang?|Kilusang?|Pambansang|Kapisanan|Katipunan|Kalipunan|Alyansa|Bukluran|"
    r"Pagkakaisa|Sentro|Koalisyon|Kaisahan|Mulnithi|Munlanithi|Samakhom|Sahaphan|"
    r"Samaphan|"
    # Vietnamese: "Hiệp hội Xuất khẩu Lao động Việt Nam", "Hội Liên hiệp Phụ nữ Việt Nam"
    r"Hiệp[ \t]+[Hh]ội|Hội"
)
# Small words inside such names: "Lembaga Bantuan Hukum untuk Buruh", "Samahan ng mga ...".
OPENING_CONNECTORS = r"(?:dan|untuk|bagi|dari|di|ke|se|ng|sa|mga|para|at|na|ang|phuea|haeng)"

LEADING_NOISE = re.compile(
    r"^(?:(?:(?:Regional|National|Senior|Deputy|Executive|Country|General|Assistant|Acting)\s+"
    r"(?=(?:Director|Coordinator|Co-ordinator|Representative|Secretary|Officer|Specialist|"
    r"Manager|Advis[eo]r|Counsellor)\b))|"
    r"(?:The|A|An|This|That|Its|Their|Our|By|With|From|At|In|On|For|And|Of|To|As|"
    r"Both|Each|Several|Many|Other|New|Newly|When|While|Under|After|Before|Since|"
    r"Formed|Established|Organized|Organised|Supported|Funded|Led|Hosted|Among|Including|"
    r"Head|Country|General|Deputy|Chief|Director|Coordinator|Representative|Executive|"
    r"Senior|Specialist|Secretary|Officer|Presentations?)\s+)+",
    re.I,
)
CONNECTORS = {"of", "for", "on", "the", "and", "in", "de", "du", "des", "to", "&", "at"}
# Words that make a capitalised phrase an instrument, a plan or a generic group, not a body.
NOT_BODY_WORDS = {
    "memorandum",
    "agreement",
    "declaration",
    "convention",
    "conventions",
    "framework",
    "protocol",
    "resolution",
    "charter",
    "plan",
    "compact",
    "guidelines",
    "principles",
    "objectives",
    "toolkit",
    "tool",
    "kit",
    "kits",
    "database",
    # events and their parts, not bodies
    "workshop",
    "seminar",
    "webinar",
    "symposium",
    "course",
    "session",
    "meeting",
    "consultation",
    "launch",
    "celebration",
    "day",
    "week",
}
GENERIC_MODIFIERS = {
    "expert",
    "working",
    "steering",
    "advisory",
    "technical",
    "national",
    "regional",
    "international",
    "local",
    "global",
    "informal",
    "new",
    "joint",
    "special",
    "ngo",
    "ngos",
    "cso",
    "csos",
    "civil",
    "trade",
    "union",
    "public",
    "private",
    "other",
    "member",
}
PLURAL_HEADS = re.compile(
    r"\b(?:Unions|Organi[sz]ations|Groups|Networks|Councils|Agencies|Federations|Associations|"
    r"Centres|Centers|Institutes|Ministries|Departments|Offices|Committees|Movements|Processes|"
    r"Mechanisms|Bodies|Institutions|Partners|Stakeholders|Governments|Societies)\b"
)
REGION_BEFORE = re.compile(r"\b(?:in|within|across|throughout|outside|of\s+the)\s+$", re.I)
REGION_AFTER = re.compile(
    r"\s+(?:region|countries|nations|economies|residents|peoples|member\s+states|pillar)\b", re.I
)


EVENT_SERIES = re.compile(r"\b(?:Conference|Summit)$")
ADDRESS_AFTER = re.compile(r"^\s*(?:Building|Bldg|Avenue|Road|Street|Floor|Block|Compound|Tower)\b")
GENERIC = {
    "union",
    "unions",
    "trade union",
    "trade unions",
    "council",
    "forum",
    "network",
    "office",
    "group",
    "task force",
    "the task force",
    "secretariat",
    "commission",
    "committee",
    "organization",
    "organisation",
    "international",
    "the forum",
    "centre",
    "center",
    "university",
    "institute",
    "department",
    "ministry",
    "assembly",
    "parliament",
    "agency",
    "national unions",
    "regional office",
    "working group",
    "asean and jordan working group",
    "international agencies",
    "civil society",
    "programme",
    "project",
    "regional consultative processes",
    "civil society organisations",
    "civil society organizations",
    "trade union organisations",
    "workers organisations",
    "employers organisations",
    "social partners",
}
# Words that open the name of an event, not of a body: "Follow-up Training on Strengthening
# Joint Union Actions" ("Vocational Training" inside a ministry's name is no opening).
EVENT_OPENINGS = {
    "follow-up",
    "training",
    "trainings",
    "workshop",
    "seminar",
    "webinar",
    "meeting",
    "consultation",
    "course",
    "session",
}

# Adjectives of the region's countries: "the Thai Minister of Labour".
DEMONYMS = {
    "thai": "TH",
    "lao": "LA",
    "cambodian": "KH",
    "vietnamese": "VN",
    "burmese": "MM",
    "malaysian": "MY",
    "indonesian": "ID",
    "filipino": "PH",
    "philippine": "PH",
    "singaporean": "SG",
    "bruneian": "BN",
    "timorese": "TL",
    "nepali": "NP",
    "nepalese": "NP",
    "bangladeshi": "BD",
    "indian": "IN",
    "pakistani": "PK",
    "sri lankan": "LK",
    "chinese": "CN",
    "japanese": "JP",
    "korean": "KR",
    "taiwanese": "TW",
    "saudi": "SA",
    "emirati": "AE",
    "qatari": "QA",
    "kuwaiti": "KW",
    "bahraini": "BH",
    "omani": "OM",
    "jordanian": "JO",
    "lebanese": "LB",
    "australian": "AU",
    "canadian": "CA",
}

# Words of a ministry's portfolio: "Minister of Manpower Hanif Dhakiri" ends at "Manpower".
PORTFOLIO = PORTFOLIO_WORDS | {
    "labour",
    "labor",
    "social",
    "human",
    "development",
    "protection",
    "emiratisation",
    "migration",
    "rural",
    "local",
    "public",
    "service",
    "services",
    "technology",
    "science",
    "tourism",
    "defence",
    "defense",
}

# "United Nations" naming its staff or its system, or opening a longer name the gazetteer lacks.
UN_AS_ADJECTIVE = re.compile(
    r"[ \t]+(?:experts?|agenc(?:y|ies)|officials?|officers?|staff|system|bodies|body|entities|"
    r"member|treaty|human|special|independent|rapporteurs?|mechanisms?|country|team|partners|"
    r"(?!(?:and|or|to|has|have|had|is|was|in|on|Secretary|Deputy|Under)\b)[A-Z][a-z])"
)
