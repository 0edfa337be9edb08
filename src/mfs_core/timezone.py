"""The project's reference time zone: dates and times of the counter are French ones."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

__all__ = ["PARIS", "today_in_paris"]

#: Europe/Paris: waivers end, trainings count and months are cut by French dates.
PARIS = ZoneInfo("Europe/Paris")


def today_in_paris() -> dt.date:
    """Today's date in Europe/Paris."""
    return dt.datetime.now(PARIS).date()
