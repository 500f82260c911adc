"""An element's inline CSS as Typst: text weight, slant, colour and size; a box's fill, rules, inset and radius."""
from __future__ import annotations

import re

_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b")
_LENGTH = re.compile(r"(-?\d*\.?\d+)(px|em|pt|%)")


def _colour(value: str) -> str | None:
    match = _COLOUR.search(value or "")
    if not match:
        return None
    hex_ = match.group(0)[1:]
    if len(hex_) in (3, 4):
        hex_ = "".join(c * 2 for c in hex_)
    return f'rgb("#{hex_}")' if len(hex_) in (6, 8) else None


def _length(value: str, em: float = 10.0) -> str | None:
    """A CSS length as Typst's (px at 96 dpi, em against the 10 pt body)."""
    match = _LENGTH.search(value or "")
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit == "%":
        return f"{number:g}%"
    points = {"px": number * 0.75, "pt": number, "em": number * em}[unit]
    return f"{points:.2f}pt"


def background(css: dict[str, str]) -> str | None:
    """The fill a box or cell asks for, as a Typst colour (Styler writes `background-color`, our views `background`)."""
    return _colour(css.get("background-color") or css.get("background", ""))


def text_style(body: str, css: dict[str, str]) -> str:
    """Content in the weight, slant, colour and size its style asks for (divs, spans and table cells alike)."""
    if css.get("font-weight") in {"bold", "600", "700", "800", "900"}:
        body = f"#strong[{body}]"
    if css.get("font-style") == "italic":
        body = f"#emph[{body}]"
    args = []
    if (colour := _colour(css.get("color", ""))):
        args.append(f"fill: {colour}")
    if (size := _length(css.get("font-size", ""))) and not size.endswith("%"):
        args.append(f"size: {size}")
    return f"#text({', '.join(args)})[{body}]" if args else body


def _stroke(value: str) -> str | None:
    width, colour = _length(value), _colour(value)
    if not width or not colour or "none" in value:
        return None
    return f"{width} + {colour}"


def _inset(value: str) -> str | None:
    parts = [p for p in (_length(v) for v in value.split()) if p]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return f"(y: {parts[0]}, x: {parts[1]})"


def styled(body: str, css: dict[str, str], block: bool) -> str:
    """Wrap content in the text and box settings its inline style asks for."""
    body = text_style(body, css)
    if css.get("display") == "inline-block":
        width = _length(css.get("width", ""))
        return f"#box(width: {width or 'auto'}, inset: (right: 1.5%))[{body}]"
    box = []
    if (fill := background(css)):
        box.append(f"fill: {fill}")
    strokes = {side: _stroke(css.get(f"border-{side}", "") or css.get("border", ""))
               for side in ("left", "right", "top", "bottom")}
    if any(strokes.values()):
        box.append("stroke: (" + ", ".join(f"{k}: {v}" for k, v in strokes.items() if v) + ")")
    if (inset := _inset(css.get("padding", ""))):
        box.append(f"inset: {inset}")
    if (radius := _length(css.get("border-radius", ""))):
        box.append(f"radius: {radius}")
    if box:
        return f"\n#block(width: 100%, breakable: false, {', '.join(box)})[{body}]\n"
    return f"\n\n{body}\n\n" if block and body.strip() else body
