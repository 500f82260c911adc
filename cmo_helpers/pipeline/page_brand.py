"""The brand on the HTML pages: a stylesheet over the house one, the logo and the brand's own footer words.

Nothing here for today's look, so unbranded pages keep their bytes. Colours and font names were checked when the
brand was read (inputs/brand_file.py); the logo travels base64-encoded in an <img>, where an SVG runs no script.
"""
from __future__ import annotations

import base64

from markupsafe import Markup

from ..core import escape
from ..core.brand import Brand

MIME = {"svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg"}


def css(brand: Brand) -> Markup:
    """Rules that recolour and re-font the house stylesheet and the notebooks' tables; empty for the default."""
    if brand.is_default:
        return Markup("")
    primary = brand.primary
    return Markup(
        f'\nhtml {{ font-family: "{brand.font}", sans-serif; color: {brand.foreground}; '
        f"background: {brand.background}; }}\n"
        f'h1, h2, h3 {{ color: {primary}; font-family: "{brand.heading_font}", sans-serif; }}\n'
        f"th {{ border-bottom-color: {primary} !important; }}\n"
        f"nav.cmo-nav a {{ color: {primary}; }}\nnav.cmo-nav a.current {{ border-bottom-color: {primary}; }}\n"
        "img.cmo-logo { display: block; height: 2.6em; width: auto; margin: 0 0 0.8em 0; }\n"
        ".cmo-disclaimer { margin: 0.6em 0 0 0; font-size: 0.95em; }\n")


def logo(brand: Brand) -> Markup:
    """The logo above the navigation, as a data URI so the page stays one self-contained file."""
    if not brand.logo:
        return Markup("")
    data = base64.b64encode(brand.logo).decode("ascii")
    alt = escape.html(f"{brand.name} logo" if brand.name else "Logo")
    return Markup(f'<img class="cmo-logo" src="data:{MIME[brand.logo_type]};base64,{data}" alt="{alt}">\n')
