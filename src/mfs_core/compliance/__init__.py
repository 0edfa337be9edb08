"""Label compliance: site description, check catalogue, waivers, runner and reports.

The public entry points are :func:`~mfs_core.compliance.site.load_site`,
:class:`~mfs_core.compliance.runner.Runner` and :class:`~mfs_core.compliance.findings.Finding`
(what a check's ``evaluate(site)`` yields). Submodules are imported on use so that
``import mfs_core`` stays light.
"""

from __future__ import annotations
