"""The nine national partners, each a plugin made of one data file.

``data/<partner>.toml`` holds the partner, its procedures and its referral rules, each with
its sources (format: :mod:`mfs_core.datafile`, reference: ``docs/generated/data-format.md``). The
registry loads each file as a plugin of its own, under the partner's code, with the
distribution ``mfs-core``, exactly as it loads an external plugin's data file.
"""

from __future__ import annotations

from mfs_core.model import NATIONAL_PARTNERS

__all__ = ["NATIONAL_PARTNERS", "PARTNER_PLUGINS"]

#: Plugin name -> its data file, a resource of this package.
PARTNER_PLUGINS: dict[str, str] = {code: f"data/{code}.toml" for code in NATIONAL_PARTNERS}
