"""mfs-core plugins for ANAH (MaPrimeRénov', MaPrimeAdapt') and the chèque énergie.

Two plugins in one distribution, each a module registered under the entry-point group
``mfs_core.plugins``: ``anah`` (:mod:`mfs_anah.plugin`) and ``cheque-energie``
(:mod:`mfs_anah.cheque_energie`). Their partner, procedures and referral rules are data files
beside the modules (``anah.toml``, ``cheque-energie.toml``), each value with its sources.
"""

__version__ = "0.1.0"
