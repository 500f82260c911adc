"""Read a `_brand.yml` (the brand.yml format Quarto and Shiny read) into a checked Brand, or say what is wrong.

A small reader of the keys the report uses rather than the `brand-yml` package: that one pulls in htmltools and
a second YAML parser (ruamel.yaml) for Shiny's needs, and accepts any CSS colour text. Every value here is checked
for where it lands: colours are #rrggbb, fonts exist, the logo stays inside the brand's folder and is small, and
text has no line breaks or control characters (pages and the PDF escape it as text).
"""
from __future__ import annotations

import functools
import re
import subprocess
from dataclasses import replace
from pathlib import Path

from ..core.brand import DEFAULT, PALETTE, SHIPPED, Brand
from ..core.errors import ParamsError
from ..core.paths import font_folder

NAME = "_brand.yml"
LOGO_MAX = 1_000_000  # bytes
FONT_MAX = 20_000_000
TEXT_MAX = 600  # characters of a disclaimer or footer
_HEX = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
_FAMILY = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-]{0,63}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_LOGO_MAGIC = {"svg": (b"<svg", b"<?xml"), "png": (b"\x89PNG",), "jpg": (b"\xff\xd8",)}
TOP = {"meta", "logo", "color", "typography", "defaults"}
COLOR = {"palette", "primary", "foreground", "background", "secondary", "tertiary", "success", "info", "warning",
         "danger", "light", "dark"}
TYPOGRAPHY = {"fonts", "base", "headings", "monospace", "monospace-inline", "monospace-block", "link"}
OURS = {"cover-box", "disclaimer", "footer"}
SECTION = "cmo-reports"  # our part of `defaults:`; other tools' sections there are theirs


def find(params_file: Path, explicit: Path | None = None) -> Path | None:
    """The brand a market renders in: `--brand FILE` if given, else a `_brand.yml` beside its params file."""
    if explicit is not None:
        return explicit
    beside = params_file.parent / NAME
    return beside if beside.is_file() else None


def shared(params_files: list[Path], explicit: Path | None = None) -> tuple[Brand, str]:
    """One brand for a report drawn from several files (a comparison): `--brand FILE`, else the one their folders
    give; files whose folders give different brands get today's look and a note saying so, rather than a guess."""
    if explicit is not None:
        return read(explicit), ""
    found = {path: find(path) for path in params_files}
    brands, problems = {}, []
    for where in dict.fromkeys(found.values()):
        try:
            brands[where] = read(where)
        except ParamsError as exc:
            problems.append(exc)
    if problems:
        raise ParamsError.merge(problems)
    if len({b.digest() for b in brands.values()}) == 1:
        return next(iter(brands.values())), ""
    named = "; ".join(f"{where or f'no {NAME}'} for {', '.join(p.name for p, w in found.items() if w == where)}"
                      for where in brands)
    return DEFAULT, (f"the compared files have different brands ({named}): the comparison is in the default look; "
                     "--brand FILE gives it one")


def read(path: Path | None) -> Brand:
    """The checked brand of a file, or DEFAULT for none; a ParamsError lists every problem with its key."""
    from .load import read_yaml  # the YAML reader and the params schema only when there is a brand to read

    if path is None:
        return DEFAULT
    path = Path(path)
    if not path.is_file():
        raise ParamsError(path, [("", "no such brand file")])
    reader = _Reader(path.resolve(), read_yaml(path))
    brand = reader.brand()
    if reader.problems:
        raise ParamsError(path, reader.problems)
    return brand


class _Reader:
    """Collects every problem of one file, so a user fixes them in one pass."""

    def __init__(self, path: Path, data: dict):
        self.path, self.folder, self.data = path, path.parent, data
        self.problems: list[tuple[str, str]] = []

    def _bad(self, key: str, reason: str) -> None:
        self.problems.append((key, reason))

    def _mapping(self, key: str, value: object, allowed: set[str]) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._bad(key, "expected a mapping")
            return {}
        for extra in sorted(set(map(str, value)) - allowed):
            self._bad(f"{key}.{extra}" if key else extra, f"unknown key; known: {', '.join(sorted(allowed))}")
        return value

    def brand(self) -> Brand:
        top = self._mapping("", self.data, TOP)
        meta = top.get("meta") or {}
        name = meta.get("name") if isinstance(meta, dict) else None
        name = name.get("full") or name.get("short") if isinstance(name, dict) else name
        colours = self._colours(self._mapping("color", top.get("color"), COLOR))
        fonts = self._fonts(self._mapping("typography", top.get("typography"), TYPOGRAPHY))
        logo, logo_type = self._logo(top.get("logo"))
        ours = self._mapping("defaults", top.get("defaults"), set(map(str, top.get("defaults") or {})))
        ours = self._mapping(f"defaults.{SECTION}", ours.get(SECTION), OURS)
        cover_box = ours.get("cover-box", True)
        if not isinstance(cover_box, bool):
            self._bad(f"defaults.{SECTION}.cover-box", "expected true or false")
        return replace(DEFAULT, name=self._text("meta.name", name), **colours, **fonts, logo=logo, logo_type=logo_type,
                       cover_box=cover_box is not False, disclaimer=self._text(f"defaults.{SECTION}.disclaimer",
                                                                               ours.get("disclaimer")),
                       footer=self._text(f"defaults.{SECTION}.footer", ours.get("footer")))

    def _text(self, key: str, value: object) -> str:
        if value is None:
            return ""
        text = str(value).strip()
        if _CONTROL.search(text):
            self._bad(key, "line breaks and control characters are not allowed; write one line")
        elif len(text) > TEXT_MAX:
            self._bad(key, f"{len(text)} characters; at most {TEXT_MAX}")
        return text

    def _hex(self, key: str, value: object, palette: dict[str, str]) -> str | None:
        text = palette.get(str(value), str(value)).strip()
        if not _HEX.fullmatch(text):
            self._bad(key, f"{str(value)[:40]!r} is not a colour: write #rrggbb or a name from color.palette")
            return None
        digits = text[1:].lower()
        return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))

    def _colours(self, color: dict) -> dict:
        raw = self._mapping("color.palette", color.get("palette"), set(map(str, color.get("palette") or {})))
        named = {str(k): str(v) for k, v in raw.items()}
        palette = [c for k, v in named.items() if (c := self._hex(f"color.palette.{k}", v, {}))]
        found = {key: self._hex(f"color.{key}", color[key], named) for key in ("primary", "foreground", "background")
                 if key in color}
        found = {k: v for k, v in found.items() if v}
        primary = found.get("primary") or (palette[0] if palette else DEFAULT.primary)
        order = list(dict.fromkeys([primary, *palette, *PALETTE]))  # the brand's own first, then today's to fill
        return {**found, "primary": primary, "palette": tuple(order[: max(len(PALETTE), len(palette) + 1)])}

    def _fonts(self, typography: dict) -> dict:
        files: list[str] = []
        bundled: set[str] = set()
        for n, entry in enumerate(typography.get("fonts") or []):
            key = f"typography.fonts[{n}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("family"), str):
                self._bad(key, "expected a mapping with a family")
                continue
            source = entry.get("source", "system")
            if source == "file":
                for m, item in enumerate(entry.get("files") or []):
                    where = item.get("path") if isinstance(item, dict) else item
                    found = self._inside(f"{key}.files[{m}]", where, (".ttf", ".otf"), FONT_MAX)
                    if found:
                        files.append(str(found))
                        bundled.add(entry["family"])
            elif source != "system":
                self._bad(f"{key}.source", f"{source!r} fonts are not fetched; bundle the files with source: file")
        found = {}
        for role, key in (("base", "font"), ("headings", "heading_font")):
            value = typography.get(role)
            family = value.get("family") if isinstance(value, dict) else value
            if family is None:
                continue
            if not isinstance(family, str) or not _FAMILY.fullmatch(family):
                self._bad(f"typography.{role}", f"{str(family)[:40]!r} is not a font family name")
            elif family not in bundled and family not in installed_families():
                self._bad(f"typography.{role}", f"font {family!r} is neither bundled (typography.fonts with "
                                                "source: file) nor installed on this machine")
            else:
                found[key] = family
        if "font" in found and "heading_font" not in found:
            found["heading_font"] = found["font"]
        system = any(f not in bundled and f not in SHIPPED for f in found.values())
        return {**found, "font_files": tuple(files), "system_fonts": system}

    def _logo(self, value: object) -> tuple[bytes, str]:
        if isinstance(value, dict):  # brand.yml's sizes: the largest given
            value = next((value[k] for k in ("large", "medium", "small") if k in value), None)
            value = value.get("path") if isinstance(value, dict) else value
        if value is None:
            return b"", ""
        path = self._inside("logo", value, (".svg", ".png", ".jpg", ".jpeg"), LOGO_MAX)
        if path is None:
            return b"", ""
        kind = path.suffix.lower().lstrip(".").replace("jpeg", "jpg")
        data = path.read_bytes()
        if not data.lstrip()[:200].startswith(_LOGO_MAGIC[kind]) and not (kind == "svg" and b"<svg" in data[:2000]):
            self._bad("logo", f"{path.name} is not a {kind.upper()} file")
            return b"", ""
        return data, kind

    def _inside(self, key: str, value: object, suffixes: tuple[str, ...], limit: int) -> Path | None:
        """A file named relative to the brand file, which must stay inside the brand's folder and be small."""
        if not isinstance(value, str) or not value.strip():
            self._bad(key, "expected a file name relative to the brand file")
            return None
        path = (self.folder / value).resolve()
        if not path.is_relative_to(self.folder):
            self._bad(key, f"{value[:80]!r} leaves the brand's folder {self.folder}; keep the file beside it")
        elif path.suffix.lower() not in suffixes:
            self._bad(key, f"{value[:80]!r}: expected a {', '.join(suffixes)} file")
        elif not path.is_file():
            self._bad(key, f"{value[:80]!r}: no such file")
        elif path.stat().st_size > limit:
            self._bad(key, f"{value[:80]!r} is {path.stat().st_size:,} bytes; at most {limit:,}")
        else:
            return path
        return None


@functools.cache
def installed_families() -> frozenset[str]:
    """Font families this machine has: matplotlib's bundled DejaVu ones and whatever fontconfig lists."""
    found = set(SHIPPED) if font_folder() else set()
    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset(found)
    return frozenset(found) | {name.strip() for line in listed.splitlines() for name in line.split(",") if name.strip()}
