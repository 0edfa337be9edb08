"""mfs-core: requests, routing and label-compliance checks for France services counters.

``import mfs_core`` stays light: it loads the model and the plugin markers only. The
registry, router, compliance checks, journal and settings are imported from their modules
when needed (or lazily through this package's attributes).

Quick start::

    from mfs_core.registry import Registry

    registry = Registry.load()
    for procedure in registry.procedures_of("dgfip"):
        print(procedure.id, procedure.title, procedure.fiche_id)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mfs_core.hookspecs import hookimpl
from mfs_core.model import (
    Channel,
    Check,
    Partner,
    PartnerKind,
    Procedure,
    Provenance,
    ReferralRule,
    ReferralTarget,
    Severity,
    Verification,
)

if TYPE_CHECKING:
    from mfs_core.registry import Registry

__version__ = "0.1.0"

__all__ = [
    "Channel",
    "Check",
    "Partner",
    "PartnerKind",
    "Procedure",
    "Provenance",
    "ReferralRule",
    "ReferralTarget",
    "Registry",
    "Severity",
    "Verification",
    "__version__",
    "hookimpl",
]


def __getattr__(name: str) -> Any:
    # Lazy: the registry pulls in pluggy and importlib.metadata.
    if name == "Registry":
        from mfs_core.registry import Registry

        return Registry
    raise AttributeError(f"module 'mfs_core' has no attribute {name!r}")
