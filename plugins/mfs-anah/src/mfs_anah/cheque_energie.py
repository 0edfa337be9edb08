"""Chèque énergie: partner of France services since 1 January 2024 (domain.md).

The partner, its procedures and its referral rule are data, in ``cheque-energie.toml``
beside this module, each with its sources (format: mfs-core's ``docs/generated/data-format.md``).
"""

from mfs_core.plugin import load_data

_data = load_data(__package__, "cheque-energie.toml")
mfs_partners, mfs_procedures, mfs_referral_rules = _data.hooks()
