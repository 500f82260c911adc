"""The date printed on a report: fixed by SOURCE_DATE_EPOCH (or --date) so a rebuild gives identical bytes."""
from __future__ import annotations

import datetime as dt
import os

ENV = "SOURCE_DATE_EPOCH"  # the reproducible-builds convention: seconds since 1970-01-01 UTC


def report_date() -> dt.date:
    """SOURCE_DATE_EPOCH's day when it is set, else today."""
    epoch = os.environ.get(ENV)
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def report_moment() -> dt.datetime:
    """Midnight UTC of the report date, for file dates inside outputs (PDF attachments, zip entries)."""
    day = report_date()
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def pinned() -> str | None:
    """The fixed date as ISO text, or None when reports carry the day they are made."""
    return report_date().isoformat() if os.environ.get(ENV) else None


def pin(day: dt.date) -> None:
    """Fix the date for this process and the workers it starts."""
    os.environ[ENV] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))


def check() -> str | None:
    """A reason when SOURCE_DATE_EPOCH is set but unusable, so the CLI can refuse it before anything runs."""
    epoch = os.environ.get(ENV)
    if epoch is None:
        return None
    try:
        report_date()
    except (ValueError, OverflowError, OSError):
        return f"{ENV}={epoch[:40]!r} is not a whole number of seconds since 1970"
    return None
