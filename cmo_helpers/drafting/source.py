"""What a release says about itself: title, publisher, date, place, URL, and the market's name."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import lexicon as lex

if TYPE_CHECKING:
    from .patterns import Fact


MAX_TITLE = 200
_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})[ -](?P<m1>[A-Z][a-z]{2,8})\.?[ ,-]*(?P<y1>20\d{2})"
    r"|(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>20\d{2})"
    r"|(?P<y3>20\d{2})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b")


_MONTHS = {m: i for i, ms in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in ms}


_URL = re.compile(r"https?://[^\s<>\"')]+")
_NAME = r"[A-Z][\w.&'-]*(?: [A-Z&][\w.&'-]*){0,4}"
_PUBLISHER = [
    re.compile(rf"\baccording to (?:a (?:new )?(?:report|study|analysis) (?:by|from) )?(?P<p>{_NAME})"),
    re.compile(rf"(?:^|\.\s+|-- )(?P<p>{_NAME}) (?:said|says|announced|has published|published|expects)\b"),
    re.compile(r"(?:^|\bAt )(?P<p>[A-Z][\w.&'-]*(?: [A-Z&][\w.&'-]*){0,4}), we\b"),
    re.compile(rf"(?:^|\bby )(?P<p>{_NAME})\s*(?:[|·–—-]|,)\s*(?:Press|News|Research Note|Newsroom|press office|\d)",
               re.M),
    re.compile(r"^(?P<p>[A-Z][\w.&'-]*(?: [A-Z&][\w.&'-]*){0,4})$", re.M),
    re.compile(r"^About (?P<p>[A-Z][\w.&'-]*(?: [A-Z&][\w.&'-]*){0,4})$", re.M),
]
_FIRM_WORD = re.compile(r"\b(?:Research|Insights?|Analytics|Intelligence|Economics|Media|Group|Partners|Consulting|Data"
                        r"|Services"
                        r"|Advisors|Associates|Institute|Labs|GmbH|Ltd|Inc)\b")


_PLACE = re.compile(r"^(?:[^\w]*)(?P<place>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}),(?: [A-Z][A-Za-z.]+,)?\s*"
                    r"(?:[A-Z]{2}\s*[–—-]\s*)?"
                    r"(?=\d{1,2} [A-Z]|[A-Z][a-z]{2,8}\.? \d)")


@dataclass
class SourceMeta:
    """What the release says about itself; None where it says nothing."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    place: str | None = None
    url: str | None = None
    kind: str | None = None


def source_meta(text: str) -> SourceMeta:
    """Title, publisher, date, place and URL when the release states them near its top."""
    lines = [line.strip() for line in text.split("\n")]
    nonempty = [line for line in lines if line]
    meta = SourceMeta(title=_clip(nonempty[0], MAX_TITLE) if nonempty else None)
    top = "\n".join(nonempty[1:14])
    date = _DATE.search(top)
    if date:
        meta.published = _iso_date(date)
        for line in nonempty[1:14]:
            place = _PLACE.match(line)
            if place and _DATE.search(line):
                meta.place = place.group("place").title() if place.group("place").isupper() else place.group("place")
                break
    url = _URL.search(text)
    meta.url = url.group(0).rstrip(".,") if url else None
    meta.publisher = _publisher(text, nonempty)
    if re.search(r"\b(?:press|news) release\b", text[:3000], re.I):
        meta.kind = "press release"
    return meta


def with_header(meta: SourceMeta, header: dict[str, str]) -> SourceMeta:
    """A saved page's header states url, publisher and date outright, so it wins over what the text suggests."""
    if header.get("url") and _URL.match(header["url"]):
        meta.url = header["url"]
    publisher = re.sub(r"\s*\(.*$", "", header.get("publisher", "")).strip(" ,;")
    publisher = re.sub(r"\s+press release$", "", publisher, flags=re.I)
    if len(publisher) >= 3:
        meta.publisher = publisher
    if header.get("title"):
        meta.title = _clip(header["title"], MAX_TITLE)
    for key in ("date", "published", "stamp"):
        date = _DATE.search(header.get(key, ""))
        if date and _iso_date(date):
            meta.published = _iso_date(date)
            break
    return meta


_FIGURE = re.compile(r"\d\s?%|[$€£¥₹]\s?\d|\b(?:USD|EUR|GBP|US\$)\s?\d|\d\s?(?:billion|million|trillion|bn|mn)\b", re.I)
_LABELLED = re.compile(r"^[A-Z][\w ]{0,20}:\s")  # 'Edition: 20; Released: ...' is a label, not a heading


def title_problem(title: str | None, market: str) -> str | None:
    """Why a line the draft found is no title to cite; None when it reads as one (a heading naming the market).

    A citation's title is what a reader would look the source up by: the first sentence of the text, a
    tagline in quotes, a label line or a headline that states figures is none, and is better left out.
    """
    if not title:
        return "the release states no title"
    words = {w for w in re.findall(r"[a-z0-9]+", market.lower()) if w not in {"global", "market", "the", "and"}}
    named = words & set(re.findall(r"[a-z0-9]+", title.lower()))
    if title.endswith(("…", ".", "!", "?")) or len(title) > 160:
        return "the first line is a sentence, not a title"
    if title[:1] in "\"“'‘" or _LABELLED.match(title):
        return "the first line is a tagline or a label, not a title"
    if _FIGURE.search(title):
        return "the first line states figures: a headline, not a title"
    if not re.search(r"\b(?:market|industry|sector)\b", title, re.I) or not named:
        return "the first line does not name the market"
    return None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _iso_date(m: re.Match) -> str | None:
    g = m.groupdict()
    if g["y3"]:
        y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        y = int(g["y1"] or g["y2"])
        mo = _MONTHS.get((g["m1"] or g["m2"]).lower())
        d = int(g["d1"] or g["d2"])
    if not mo or not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _publisher(text: str, nonempty: list[str]) -> str | None:
    """The firm the text names most often in a publisher's position; None rather than a guess."""
    counts: dict[str, int] = {}
    head = "\n".join(nonempty[:40])
    for k, pattern in enumerate(_PUBLISHER):
        source = head if k in (3, 4) else text
        for m in pattern.finditer(source):
            name = re.split(r"\.\s", m.group("p"))[0].strip(" .,")
            if k == 4 and not _FIRM_WORD.search(name):
                continue
            if "market" in name.lower() and not _FIRM_WORD.search(name) or len(name) < 3 or lex.GEO.fullmatch(name):
                continue
            counts[name] = counts.get(name, 0) + (2 if _FIRM_WORD.search(name) or "." in name else 1)
    if not counts:
        return None
    best = max(counts, key=lambda n: (counts[n], -list(counts).index(n)))
    return best if counts[best] >= 2 else None


def market_name(text: str, facts: list[Fact]) -> str | None:
    """'The global smart thermostat market' in the sentence that gives the first market total."""
    totals = [f for f in facts if f.kind == "total" and not f.headline] or [f for f in facts if f.kind == "total"]
    phrase = totals[0].market or "" if totals else ""
    said = re.match(r"(?:the|an?)\s+((?:[\w.&/()'-]+\s+){1,7}?)market$", phrase, re.I)
    if said and not re.search(r"\d", said.group(1)):
        return _title(said.group(1).strip() + " market")
    spots = [totals[0].start] if totals else []
    for at in spots + [0]:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        window = text[line_start:line_end if line_end >= 0 else len(text)]
        titled = re.match(r"^(?:The\s+)?((?:[A-Z][\w.&/()'-]*\s+){1,7}?)Market\b", window)
        if titled and not re.search(r"\d", titled.group(1)):
            return _title(titled.group(1).strip() + " Market")
        m = re.search(r"\b[Tt]he\s+((?:[\w.&/()'-]+\s+){0,7}?)market\b(?!(?-i:\s+[A-Z]))", window, re.I)
        if m and not re.search(r"\d", m.group(1)) and m.group(1).strip():
            return _title(m.group(1).strip() + " market")
        m = re.search(r"^((?:[\w.&/()'-]+\s+){1,7}?)market\b", window, re.I)
        if m and not re.search(r"\d", m.group(1)):
            return _title(m.group(1).strip() + " market")
    return None


def _title(name: str) -> str:
    small = {"and", "of", "for", "the", "in", "on", "to", "a"}
    words = name.split()
    out = []
    for i, w in enumerate(words):
        if w.isupper() and len(w) > 1 and i > 0 or any(c.isupper() for c in w[1:]):
            out.append(w)
        elif w.lower() in small and i > 0:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:].lower() if w.isupper() and len(w) > 3 else w[:1].upper() + w[1:])
    return " ".join(out)
