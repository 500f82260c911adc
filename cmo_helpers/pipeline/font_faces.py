"""Font files whose faces a chart may name, and a face cut down to a chart's characters as an @font-face rule.

Only files we know: matplotlib's DejaVu ones and a brand's bundled ones, never the machine's (a family that is only
installed has no file we may embed), and none whose licence flags forbid embedding. The cutting is font_subset's.
"""
from __future__ import annotations

import base64
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core.brand import Brand
from ..core.paths import font_folder
from .font_subset import subset

FAMILY_IDS = (1, 16)  # the name table's family and typographic family
NO_EMBEDDING = 0x0002 | 0x0100 | 0x0200  # OS/2 fsType: restricted licence, no subsetting, bitmap embedding only
_PLAIN = re.compile(r"[A-Za-z0-9 _-]")


@dataclass(frozen=True, order=True)
class Face:
    """One font file's face: the weight and slant a page's CSS matches text against."""

    path: Path
    weight: int
    italic: bool


def known_faces(brand: Brand) -> dict[str, tuple[Face, ...]]:
    """Faces by family (case-folded) from matplotlib's DejaVu files and the brand's bundled ones."""
    folder = font_folder()
    shipped = sorted(folder.glob("DejaVu*.ttf")) if folder else []
    found: dict[str, list[Face]] = {}
    for path in [*shipped, *map(Path, brand.font_files)]:
        try:
            stat = path.stat()
        except OSError:
            continue
        for family, face in _faces(path, stat.st_mtime_ns, stat.st_size):
            found.setdefault(family.casefold(), []).append(face)
    return {family: tuple(dict.fromkeys(faces)) for family, faces in found.items()}


@functools.cache
def _faces(path: Path, mtime_ns: int, size: int) -> tuple[tuple[str, Face], ...]:
    """The families a file names and its face, or nothing when it cannot be read or may not be embedded.

    Kept per process by the file's date and size, so a preview that runs for hours sees a replaced brand font.
    """
    from fontTools.ttLib import TTFont

    try:
        with path.open("rb") as handle, TTFont(handle, lazy=True) as font:  # closed even when unreadable
            os2, slanted = font["OS/2"], font["head"].macStyle & 0x0002
            names = {str(r.toUnicode()).strip() for r in font["name"].names if r.nameID in FAMILY_IDS}
    except Exception:  # noqa: BLE001 - whatever fontTools cannot read, the chart keeps the client's font
        return ()
    if os2.fsType & NO_EMBEDDING:
        return ()
    italic = bool(os2.fsSelection & 0x0201 or slanted)  # italic or oblique
    face = Face(path, min(max(int(os2.usWeightClass), 1), 1000), italic)  # CSS weights are 1-1000
    return tuple((name, face) for name in sorted(names) if name)


def best(faces: tuple[Face, ...], weight: int, italic: bool) -> Face:
    """The face a browser's font matching picks: the same slant first, then the nearest weight (heavier at 500+)."""
    return min(faces, key=lambda f: (f.italic != italic, abs(f.weight - weight),
                                     f.weight < weight if weight >= 500 else f.weight > weight, f.path))


def face_rule(family: str, face: Face, characters: str) -> str:
    """An @font-face rule for `family` whose source is `face` cut to `characters`, as a WOFF data URI."""
    data = base64.b64encode(subset(face.path, characters)).decode("ascii")
    style = "italic" if face.italic else "normal"
    return (f'@font-face {{font-family: "{css_string(family)}"; font-weight: {face.weight}; font-style: {style}; '
            f'src: url(data:font/woff;base64,{data}) format("woff");}}')


def css_string(text: str) -> str:
    """Text safe in a double-quoted CSS string inside an XML element: anything but letters and digits escaped."""
    return "".join(c if _PLAIN.fullmatch(c) else f"\\{ord(c):x} " for c in text)  # the space ends the escape


def rules(wanted: Mapping[tuple[str, int, bool], str], faces: Mapping[str, tuple[Face, ...]]) -> list[str]:
    """One @font-face rule per known face that text asks for, with every character set in it; none for the rest."""
    cut: dict[tuple[str, Face], str] = {}
    for (family, weight, italic), characters in wanted.items():
        known = faces.get(family.casefold())
        if known:
            key = (family, best(known, weight, italic))
            cut[key] = cut.get(key, "") + characters
    found = []
    for (family, face), characters in sorted(cut.items()):
        try:
            found.append(face_rule(family, face, characters))
        except Exception:  # noqa: BLE001 - a face fontTools cannot cut is left out; the chart keeps the client's font
            continue
    return found
