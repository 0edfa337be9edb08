"""ANAH (Agence nationale de l'habitat) / France Rénov': MaPrimeRénov', MaPrimeAdapt'.

The partner, its procedures and its referral rules are data, in ``anah.toml`` beside this
module, each with its sources (format: mfs-core's ``docs/generated/data-format.md``).
"""

from mfs_core.plugin import load_data

mfs_partners, mfs_procedures, mfs_referral_rules = load_data(__package__, "anah.toml").hooks()
