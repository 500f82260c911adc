"""Chart SVGs on the HTML pages carry their font: a browser draws an SVG image only in fonts the SVG itself holds.

matplotlib writes chart text as text in the brand's family (DejaVu Sans by default), which Windows and macOS do not
have; shown as an <img>, an SVG cannot use the page's fonts either. So each chart on a page gets a <style> with one
@font-face per face its text uses, cut to that text's characters (font_faces). The SVG is only read, with an XML
parser that refuses entities; the rule is added before its closing tag. The chart files and the PDF keep the SVG
as drawn.
"""
from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator, Mapping
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from markupsafe import Markup

from ..core.brand import Brand
from ..report.chart_images import FIGURE_CLASS, SVG
from ..typeset.html_tree import Node, children, declarations, parse
from .font_faces import Face, known_faces, rules

SVG_NS = "{http://www.w3.org/2000/svg}"
TEXT = {f"{SVG_NS}text"}  # text content is only drawn inside <text> (with its <tspan>s)
MAX_SVG = 4_000_000  # characters; a chart is 10-50 thousand
WEIGHTS = {"normal": 400, "bold": 700, "bolder": 700, "lighter": 300}
SVG_URI = f"data:{SVG};base64,"
_END = re.compile(r"</svg>\s*\Z")
_DATA_URI = re.compile(rf'(\bsrc="{re.escape(SVG_URI)})([A-Za-z0-9+/=]+)"')
_FAMILY = re.compile(r"""\s*(?:'([^']*)'|"([^"]*)"|([^,]*))\s*(?:,|\Z)""")

FaceKey = tuple[str, int, bool]  # family as written, CSS weight, italic


def page_with_fonts(body: str, brand: Brand) -> Markup:
    """A page body (our own HTML) whose chart images each carry the faces they use; the rest is left as it was."""
    charts = set(_chart_images(parse(str(body))))
    if not charts:
        return Markup(body)
    faces = known_faces(brand)

    def embed(match: re.Match) -> str:
        if match.group(2) not in charts:
            return match.group(0)
        try:
            svg = base64.b64decode(match.group(2), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return match.group(0)
        return f'{match.group(1)}{base64.b64encode(with_fonts(svg, faces).encode("utf-8")).decode("ascii")}"'

    return Markup(_DATA_URI.sub(embed, str(body)))


def _chart_images(node: Node, in_chart: bool = False) -> Iterator[str]:
    """The base64 SVG of each <img> in a chart's <figure> (nbconvert may write its attributes in any order)."""
    for child in children(node):
        if child.tag == "img" and in_chart and child.attrs.get("src", "").startswith(SVG_URI):
            yield child.attrs["src"][len(SVG_URI):]
        yield from _chart_images(child, in_chart or (child.tag == "figure" and FIGURE_CLASS in child.attrs.get(
            "class", "").split()))


def with_fonts(svg: str, faces: Mapping[str, tuple[Face, ...]]) -> str:
    """The SVG with a <style> of @font-face rules for the known faces its text is set in; unchanged when none is."""
    wanted = text_by_face(svg)
    found = rules(wanted, faces) if wanted else []
    if not found:
        return svg
    style = '<style type="text/css">' + "\n".join(found) + "</style>\n"
    end = _END.search(svg)
    return f"{svg[:end.start()]}{style}{svg[end.start():]}"


def text_by_face(svg: str) -> dict[FaceKey, str]:
    """The characters drawn in each (family, weight, italic) of a well-formed SVG; empty when it is not one."""
    if len(svg) > MAX_SVG or not _END.search(svg):
        return {}
    try:
        root = fromstring(svg)
    except (ParseError, DefusedXmlException, ValueError):
        return {}
    if root.tag != f"{SVG_NS}svg":
        return {}
    found: dict[FaceKey, str] = {}
    try:
        _walk(root, {}, False, found)
    except RecursionError:  # nesting deeper than any drawing has: a chart from elsewhere, left as it is
        return {}
    return {key: "".join(sorted(set(chars))) for key, chars in found.items() if key[0]}


def _walk(node: Element, inherited: dict[str, str], in_text: bool, found: dict[FaceKey, str]) -> None:
    """Font properties pass down the tree; text (and each child's tail) is set in its element's face."""
    props = {**inherited, **_font_properties(node)}
    in_text = in_text or node.tag in TEXT
    key = _face_key(props)
    if in_text and node.text:
        found[key] = found.get(key, "") + node.text
    for child in node:
        _walk(child, props, in_text, found)
        if in_text and child.tail:
            found[key] = found.get(key, "") + child.tail


def _font_properties(node: Element) -> dict[str, str]:
    """font-family, font-weight and font-style from presentation attributes, then the style attribute over them."""
    names = ("font-family", "font-weight", "font-style")
    props = {**{name: node.get(name, "") for name in names}, **declarations(node.get("style", ""))}
    return {name: props[name].strip() for name in names if props.get(name, "").strip()}


def _face_key(props: dict[str, str]) -> FaceKey:
    """The first family named (matplotlib names the one it drew with first), the weight as a number, the slant."""
    family = next(name for name in _FAMILY.match(props.get("font-family", "")).groups() if name is not None)
    weight = props.get("font-weight", "normal").lower()
    number = int(weight) if weight.isdigit() else WEIGHTS.get(weight, 400)
    slant = props.get("font-style", "normal").lower().split()[:1]  # "oblique 10deg" is oblique
    return family.strip(), min(max(number, 1), 1000), slant in (["italic"], ["oblique"])
