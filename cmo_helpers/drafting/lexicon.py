"""Words a release uses for places, growth, rank and deals, kept apart so the extractor stays readable."""
from __future__ import annotations

import re

# Region -> countries inside it, so a country named next to its region can be linked to it.
REGIONS: dict[str, tuple[str, ...]] = {
    "North America": ("United States", "U.S.", "US", "USA", "Canada", "Mexico"),
    "Europe": ("Germany", "France", "United Kingdom", "UK", "U.K.", "Italy", "Spain", "Netherlands", "Sweden",
               "Norway", "Poland", "Switzerland", "Belgium", "Denmark", "Ireland", "Austria"),
    "Asia Pacific": ("China", "India", "Japan", "South Korea", "Australia", "Indonesia", "Singapore", "Vietnam",
                     "Thailand", "Malaysia", "Taiwan", "New Zealand", "Philippines"),
    "Latin America": ("Brazil", "Argentina", "Chile", "Colombia", "Peru"),
    "Middle East and Africa": ("Saudi Arabia", "UAE", "United Arab Emirates", "South Africa", "Israel", "Egypt",
                               "Nigeria", "Turkey", "Qatar"),
}
REGION_SPELLINGS: dict[str, str] = {
    "North America": "North America", "Europe": "Europe", "Western Europe": "Europe", "Eastern Europe": "Europe",
    "Asia Pacific": "Asia Pacific", "Asia-Pacific": "Asia Pacific", "APAC": "Asia Pacific",
    "Asia Pacific (APAC)": "Asia Pacific", "Latin America": "Latin America", "South America": "Latin America",
    "Middle East and Africa": "Middle East and Africa", "Middle East & Africa": "Middle East and Africa",
    "Middle East": "Middle East and Africa", "Africa": "Middle East and Africa",
    "MEA": "Middle East and Africa", "Rest of the World": "Rest of the World", "Rest of World": "Rest of the World",
}
COUNTRY_REGION = {country: region for region, countries in REGIONS.items() for country in countries}
# Other spellings of one and the same place, so 'U.S.' and 'United States' in one release are one item.
SAME_PLACE = {"U.S.": "United States", "US": "United States", "USA": "United States", "UK": "United Kingdom",
              "U.K.": "United Kingdom", "UAE": "United Arab Emirates", "Asia-Pacific": "Asia Pacific",
              "APAC": "Asia Pacific", "Asia Pacific (APAC)": "Asia Pacific", "MEA": "Middle East and Africa",
              "Middle East & Africa": "Middle East and Africa", "Rest of World": "Rest of the World"}
# Adjectives that make a share relative to a region ("24.5% of the European market").
REGION_ADJECTIVES = r"regional|European|North American|Asian|Latin American|African|Middle Eastern|domestic|national"
GEO_ADJECTIVES = {
    "global": "Global", "worldwide": "Global", "world": "Global", "european": "Europe",
    "north american": "North America",
    "asia pacific": "Asia Pacific", "asia-pacific": "Asia Pacific", "u.s.": "United States", "us": "United States",
    "american": "United States", "indian": "India", "chinese": "China", "japanese": "Japan", "german": "Germany",
    "uk": "United Kingdom", "british": "United Kingdom", "french": "France", "latin american": "Latin America",
}


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


GEO = re.compile(
    rf"(?<![\w.])(?:the\s+)?({_alternation(list(REGION_SPELLINGS) + list(COUNTRY_REGION))})(?![\w$-])"
)

CLAIMS: list[tuple[str, re.Pattern]] = [
    ("fastest-growing", re.compile(
        r"\bfastest[- ]growing\b|\b(?:fastest|highest|quickest)\s+(?:\w+\s+)?(?:\d+(?:\.\d+)?\s?%\s+)?"
        r"(?:CAGR|growth|rate|pace)\b"
        r"|\bgrows?\s+(?:the\s+)?fastest\b"
        r"|\bgrow(?:s|ing)? (?:at )?the fastest\b|\bmost rapid(?:ly)? grow", re.I)),
    ("fast-growing", re.compile(
        r"(?<!\w)fast[- ]growing\b|\brapidly (?:growing|expanding|emerging)\b"
        r"|\bgrow(?:s|ing)? (?:rapidly|quickly|fast)\b",
        re.I)),
    ("smallest", re.compile(r"\bsmallest\b|\blowest share\b", re.I)),
    ("largest", re.compile(
        r"(?<!second )(?<!third )(?<!second-)\b(?:largest|biggest|dominat\w*|dominant|leads?|leading|(?-i:[Ll]ed)|top"
        r"|majority|lion'?s share|highest (?:\w+ )?share|major share)\b(?! by\b)(?! to\b)", re.I)),
]
CLAIM_NOUN = re.compile(
    r"\b(?:largest|biggest|leading|top|dominant|fastest[- ]growing)\s+"
    r"((?:[a-z][a-z-]+\s+(?!(?:with|in|of|by|and|for|at|to|over|during|on)\b)){0,1}[a-z][a-z-]+)", re.I)
# After 'leads' or 'dominates', what makes it a rank in the market ('leads the market', 'led with 38%'), not an
# effect ('leading to quicker audits') or another contest ('have led seed bank growth').
RANK_OBJECT = re.compile(
    r"^(?:\s+(?:the\s+)?(?:[\w/&'’-]+\s+){0,6}?(?:market|industry|segment|sector|category|space|landscape|share|"
    r"revenue|sales|demand|installations|region|regions|field|pack|list|ranking)s?\b"
    r"|\s+(?:with|in|by|during|over|throughout|across|among|globally|regionally|overall|worldwide|both)\b|\s*(?:[,.;:)]|$))",
    re.I)
RANK_VERB = re.compile(r"^(?:leads?|led|dominat(?:es?|ed|ing)|tops|topped)$", re.I)
# "Key players like ...": companies named as a group are never a breakdown item.
ACTOR_GROUP = re.compile(r"\b(?:leading|key|major|top|prominent|established|other)\s+(?:players|vendors|companies"
                         r"|firms|manufacturers|suppliers|brands)\b", re.I)
# After a rank word, an actor ("the biggest entrant"): a company's rank, not an item's.
ACTOR_HEADS = {"businesses", "companies", "players", "vendors", "firms", "manufacturers", "suppliers", "governments",
               "investors", "startups", "start-ups", "analysts", "experts", "researchers", "authorities", "regulators",
               "entrant", "entrants", "player", "company", "vendor", "firm", "manufacturer", "supplier", "brand",
               "brands"}
# Words that make a phrase a predicate, never an item's name ("it's projected to", "is expected to").
NOT_IN_NAMES = {"projected", "expected", "estimated", "anticipated", "forecast", "forecasted", "poised", "predicted",
                "slated", "likely", "it's", "it’s"}
NOT_DIMENSIONS = {"share", "region", "regional market", "market", "segment", "country", "country market", "revenue",
                  "contributor", "hub", "players", "vendors", "companies", "group", "groups", "category", "categories",
                  "segments", "item", "items"}

DECOY = re.compile(
    r"\b(?:acquir\w*|acquisition|bought|buys?|merger|merged|deal|raised|raises|funding|financing|investments?|invested"
    r"|series [a-f]\b|contracts?\b(?!\s+(?:manufactur|research|development|logistics))|orders?\b|reported"
    r"|earmark\w*|grants?\b|licen[cs]e|prices?\b|priced|pricing|discount|subscription|valuation|ipo\b|employ\w*"
    r"|fiscal year|credit (?:line|facility)|loans?\b|bonds?\b|debt\b|quarter\w*|'s (?:[\w-]+ ){0,3}revenue"
    r"|its revenue|net sales|profit"
    r"|inc\.|ltd\b|llc\b|corp\b|plc\b|pages?\b|page-|respondents|surveyed|survey"
    r"|purchas\w*|spent\b|announcements?\b|capex\b|capital expenditure|capacity (?:race|expansions?|additions?)"
    r"|utili[sz]ation|people\b|population|patients\b|prevalence|incidence|editions?\b|companies profiled"
    r"|cost(?:s|ing)?\s+(?:over|more than|about|around|nearly|the|an?)\b)", re.I)
# A percentage that is not a share of this market: another quantity's share, a change, a bound, or a rate.
OTHER_SHARE = re.compile(
    r"\b(?:production|import|export|employment|capacity|volume|unit|installation|patient|user|population|energy"
    r"|electricity|power|generation|trade|supply|ownership|penetration|adoption|utili[sz]ation|efficiency|accuracy"
    r"|literacy|unemployment|interest|tax|margin|discount|response|survival|success|failure|error)\s+(?:share|rates?"
    r"|ratio|level)\b|\butili[sz]ation|\befficien|\baccura|\bpenetration|\bprevalence|\bmargins?\b", re.I)
CHANGE_BEFORE = re.compile(
    r"\b(?:(?:grow\w*|expand\w*|advanc\w*|climb\w*|progress\w*)\s+(?:at|by)(?:\s+an?(?:\s+\w+)?\s+rate\s+of)?"
    r"|by|up to|reduc\w*|cut\w*|lower\w*|improv\w*|increas\w*|rais\w*|boost\w*|decreas\w*|declin\w*|drop\w*|fell"
    r"|fall\w*|rose|ris\w*|jump\w*|surg\w*|below|under|exceed\w*|above|over|more than|less than|at least|nearly"
    r"|almost|reach\w*|hit\w*)\s+(?:up to\s+|about\s+|around\s+|approximately\s+|roughly\s+|nearly\s+"
    r"|almost\s+|some\s+|just\s+)?$", re.I)
CHANGE_AFTER = re.compile(
    r"^\s*(?:faster|slower|more|less|higher|lower|cheaper|reduction|increase|decrease|growth|rise|drop|jump"
    r"|year[- ]on[- ]year|year[- ]over[- ]year|yoy|y-o-y|points?|of\s+(?:the\s+|all\s+)?(?:respondents|patients"
    r"|people|population|adults|children|users|consumers|companies|firms|hospitals|cases|deaths|trials|households"
    r"|businesses|organi[sz]ations|enterprises))\b", re.I)
SHARE_OF = re.compile(r"^\s*of\s+(?:the\s+|all\s+|its\s+|their\s+|this\s+)?(?P<np>(?:[^,.;()]|\.(?=\w)){1,80})", re.I)
MARKET_WHOLE = re.compile(r"\b(?:market|revenues?|sales|shares?|total|industry|mix|segments?|sector|spending|value"
                          r"|turnover|premiums|bookings|billings|expenditure|it|its)\b", re.I)
VOLUME = re.compile(
    r"(?<![\w.])\d[\d,.]*\s?(?:thousand|million|billion|mn|bn|k)?\s?(?:MW|GW|kW|TW|MWh|GWh|TWh|kWh|tons?|tonnes?|"
    r"metric tons?|units|barrels|litres|liters|kg|kilotons?|sq\.? ?ft|square feet|vehicles|devices|shipments)\b",
    re.I)
SCALE_CLAIM = re.compile(
    r"\b(thousands|millions|billions|trillions)\s+of\s+(?:US\s+)?(?:dollars|euros|pounds|USD)\b"
    r"|\bmulti-?(million|billion|trillion)(?:[- ]dollar)?\b|\b(million|billion|trillion)-dollar\s+(?:market|industry)",
    re.I)
CAGR_CUE = re.compile(r"CAGR|compound annual|annual growth|growth rate|annualised|annualized", re.I)
CAGR_AFTER = re.compile(r"^\s*(?:annually|a year|per year|per annum|CAGR|compound)\b", re.I)
HISTORIC = re.compile(r"\b(?:grew|had grown|historic\w*|previous(?:ly)?|past)\b", re.I)
RELATIVE_SHARE = re.compile(
    rf"^\s*(?:share\s+)?of\s+(?:the\s+)?({REGION_ADJECTIVES}|(?:{_alternation(REGION_SPELLINGS)})(?:'s)?)\b", re.I)
SUBJECT_VERBS = (
    r"held|holds?|hold|accounted\s+for|accounts?\s+for|captured|captures?|represented|represents?|made\s+up|makes?\s+up"
    r"|took|takes?|commanded|commands?|led|leads?|dominated|dominates?|was|were|is|are|remained|remains?|generated"
    r"|generates?|contributed|contributes?|registered|registers?|will|should|grew|grows?|emerged|continues?|continued"
    r"|posted|saw|reached|secured|has|have|followed|carried|processed|recorded|claimed|occupied|garnered|witnessed"
    r"|comprised|making\s+up|accounting\s+for|representing|holding|taking|valued|worth|ranked|ranks?|came|comes"
    r"|values|stood|stands|totals|totaled|totalled|amounted|amounts"
)
NON_ITEMS = {
    "it", "this", "that", "these", "those", "they", "which", "revenue", "revenues", "demand", "growth", "sales",
    "the report", "report", "the study", "study", "the region", "region", "the industry", "industry", "the sector",
    "sector", "the cagr", "cagr", "the company", "company", "the firm", "we", "our analysts", "consumers", "prices",
    "price", "the forecast", "forecast", "spending", "adoption", "the segment", "segment", "the country", "premiums",
    "gross written premiums", "the outlook", "overall", "the overall market", "the total", "total", "there",
}
PRONOUNS = {"it", "this", "that", "they"}
BACK_REFERENCES = {"the region", "this region", "the country", "this country", "the segment", "this segment",
                   "the category", "this category"}
QUANTIFIERS = {"which", "what", "how", "who", "why", "where", "a", "an", "our", "its", "their", "each", "every", "some",
               "many", "most", "all", "both", "other", "this", "these", "those", "several", "few", "such", "with",
               "for", "in", "on", "at", "by", "from", "as", "after", "before", "despite", "amid", "given", "when", "if",
               "since"}
ELLIPSIS_LINKS = {"with", "at", "a", "an", "more", "modest", "slower", "faster", "only", "just", "about", "around",
                  "nearly", "roughly", "some"}
# "increase by USD 4.8 billion", "add USD 4.8 billion", "an incremental USD 4.8 billion": a growth, not a size.
INCREMENT_BEFORE = re.compile(
    r"\b(?:(?:increase|grow|rise|expand|climb|jump|gain)\w*\s+by|add(?:s|ing|ed)?|incremental(?:\s+growth\s+of)?"
    r"|additional|(?:absolute|dollar)\s+growth\s+of)\s+(?:an?\s+)?(?:estimated\s+|approximately\s+|around\s+)?$", re.I)
BOUND_BEFORE = re.compile(r"\b(?:surpass\w*|exceed\w*|topp?\w*|cross\w*|over|more than|above|beyond)\s+$", re.I)
LEAD_IN = re.compile(
    r"^(?:(?:According to|As per|Per) [^,]{2,60}"
    r"|In (?:the year )?(?:19|20)\d{2}|By (?:the end of )?(?:19|20)\d{2}"
    r"|Looking (?:ahead|forward)|Going forward|Moving forward|Further(?:more)?|Moreover|Also|Besides|In contrast"
    r"|By contrast|Consequently|As a result|Thus|Hence|Therefore|In comparison|In the long (?:run|term)"
    r"|Over the (?:forecast|projection|coming|next)[^,]{0,30}"
    r"|(?!(?:Italy|Sicily|Apply|Supply|Family)\b)[A-Z][a-z]{3,}ly"
    r"|(?P<by>By|In terms of|Based on|On the basis of|Segmented by|Analysed by|Analyzed by)\s+(?P<dim>[^,:]{2,40})"
    r"|(?P<place>In|Within|Across|Among)\s+(?P<where>[^,]{2,40})"
    r"|(?:Regionally|Geographically|Meanwhile|However|Additionally|In addition|Overall|Globally|Today|Currently"
    r"|Notably|Similarly|Likewise|Summary|Earlier[^,]{0,30}|Last year|This year|[A-Z][a-z]+-wise))\s*[,:]\s+")
HEADING_DIMENSION = re.compile(
    r"^(?:by\s+)?([A-Za-z][A-Za-z -]{1,30}?)\s+"
    r"(?:analysis|insights|highlights|snapshot|split|breakdown|segmentation)\b",
    re.I)
GENERIC_DIMENSIONS = {"segment", "segments", "market", "key", "regional", "region", "geographic", "geographical"}
