"""A site's journal exported as a Parquet dataset: ``site=<id>/month=<YYYY-MM>/part-0.parquet``.

:func:`export_site` reads one snapshot of the journal (a read-only one is enough) month by
month, in time order, and writes each month of requests as one Parquet file of the schema of
:mod:`mfs_core.national.schema` (Hive-style partitions, readable as they are by DuckDB,
Spark, pandas or polars). Memory stays bounded by one month of the site's follow-up events
and resident pseudonyms plus one batch of rows, whatever the journal's size.

Each partition is written to a hidden temporary file beside it, then renamed over
``part-0.parquet``: a reader sees the old file or the new one, never half of one, and
exporting a month again replaces it rather than adding rows (idempotent). Follow-ups are
those known at the export: export a month again to refresh them.

Needs pyarrow (``pip install 'mfs-core[national]'``), imported when an export starts.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from mfs_core import geo
from mfs_core.errors import InputError
from mfs_core.national.errors import DatasetError
from mfs_core.national.existing import check_replaceable
from mfs_core.national.files import AtomicPartition, has_entry, partition_around, remove_partition
from mfs_core.national.reading import MONTH_PATTERN
from mfs_core.national.schema import (
    DATASET_NAME,
    PARTITION_FILE,
    SCHEMA_VERSION,
    SITE_LAYOUT,
    arrow_schema,
    metadata_key,
)
from mfs_core.timezone import PARIS

if TYPE_CHECKING:
    from mfs_core.journal import Journal, StoredRequest

__all__ = ["BATCH_ROWS", "SITE_ID_PATTERN", "ExportResult", "SiteRef", "export_site", "month_key"]

#: A site id as it appears in a partition's path: no ``/``, ``=`` or space (the ANCT
#: ``id_fs`` "1234", a site file's slug "saint-jean-de-luz").
SITE_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z", re.ASCII)
#: Rows handed to the Parquet writer at once (one record batch): bounds the memory.
BATCH_ROWS = 65_536


def _site_id(_instance: Any, _attribute: Any, value: str) -> None:
    if not isinstance(value, str) or not SITE_ID_PATTERN.match(value):
        raise ValueError(
            "site: expected a site id of 1 to 64 characters among A-Z a-z 0-9 . _ - "
            f"(the ANCT id_fs or the site file's id), got {str(value)[:70]!r}"
        )


@attrs.frozen
class SiteRef:
    """The site a journal belongs to: its id (the partition's ``site=``) and the INSEE
    code of its commune, which gives its département and région (:mod:`.geo`)."""

    id: str = attrs.field(validator=_site_id)
    insee_code: str

    @property
    def place(self) -> geo.Place:
        """Its département and région; :class:`InputError` for a commune outside the COG."""
        return geo.place(self.insee_code)


@attrs.frozen(kw_only=True)
class ExportResult:
    """What an export wrote: rows per month (``"2024-06"``), the months of the range
    given whose partition was removed because the journal has no request there any more,
    and (``replace_site``) the months of another commune's partitions removed."""

    root: Path
    site: str
    written: dict[str, int]
    removed: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()

    @property
    def rows(self) -> int:
        """Requests written, all months together."""
        return sum(self.written.values())


def month_key(month: dt.date) -> str:
    """``date(2024, 6, 1)`` → ``"2024-06"`` (the value of a ``month=`` partition)."""
    return f"{month.year:04d}-{month.month:02d}"


def _next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _month_start(name: str, value: dt.date | None) -> dt.date | None:
    if value is not None and value.day != 1:
        raise InputError(
            f"{name}: expected the first day of a month (a partition holds whole months), "
            f"got {value.isoformat()}"
        )
    return value


def export_site(
    journal: Journal,
    root: str | os.PathLike[str],
    site: SiteRef,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    replace_site: bool = False,
) -> ExportResult:
    """Write the requests of ``journal`` received from ``since`` to before ``until`` (first
    days of months; open bounds when ``None``) under ``root/site=<id>/``, one partition a
    month, each replaced atomically. With both bounds, a month of the range that has no
    request any more (a purge) loses its old partition, so the dataset says what the
    journal says.

    The site's partitions already there are checked before anything is written: a file
    that is not this project's partition of that site and month is never replaced, and a
    partition of another commune (its ``mfs.insee_code`` differs: two journals exported
    under one site id) is refused unless ``replace_site``, which replaces them and removes
    those of months this export does not write, so the site is never in two communes.

    Raises :class:`InputError` for a bound that is not the first day of a month or a site
    outside the COG, :class:`DatasetError` when ``root`` cannot be written or holds a
    national dataset, or for a partition refused as above,
    :class:`~mfs_core.journal.JournalError` when the journal cannot be read.
    """
    since = _month_start("since", since)
    until = _month_start("until", until)
    place = site.place  # refused before anything is written
    base = Path(root)
    _check_root(base)
    site_dir = base / f"site={site.id}"
    others = _other_communes(site_dir, site, place, replace_site)
    written: dict[str, int] = {}
    with journal.snapshot():
        as_of = dt.datetime.now(dt.UTC)
        partition: _Partition | None = None
        try:
            for request in journal.requests(since, until):
                day = request.received_at.astimezone(PARIS).date()
                if partition is None or partition.month != (day.year, day.month):
                    if partition is not None:
                        written[partition.key] = partition.commit()
                    month = day.replace(day=1)
                    partition = _Partition(site_dir, site, place, month, as_of)
                    partition.follow_ups = _latest_follow_ups(journal, month)
                partition.add(day, request)
            if partition is not None:
                written[partition.key] = partition.commit()
                partition = None
        finally:
            if partition is not None:
                partition.abort()
    removed: list[str] = []
    if since is not None and until is not None:
        month = since
        while month < until:
            key = month_key(month)
            if key not in written and remove_partition(site_dir / f"month={key}"):
                removed.append(key)
            month = _next_month(month)
    dropped = [  # replace_site: the other commune's months this export did not write
        key
        for key in others
        if key not in written and key not in removed and remove_partition(site_dir / f"month={key}")
    ]
    return ExportResult(
        root=base, site=site.id, written=written, removed=tuple(removed), dropped=tuple(dropped)
    )


def _check_root(base: Path) -> None:
    if base.exists() and not base.is_dir():
        raise DatasetError(f"{base}: expected a directory for the dataset, found a file")
    partition = partition_around(base)
    if partition is not None:
        # exports/site=sjdl as the root would write exports/site=sjdl/site=sjdl/...
        raise DatasetError(
            f"{base}: is a partition directory ({partition.name.split('=')[0]}=...) of a "
            "dataset; give the dataset's root (the directory that holds the site=... "
            "partitions)"
        )
    if has_entry(base, "month="):
        raise DatasetError(
            f"{base}: holds a national dataset (month=... partitions); export a site "
            "into a directory of its own (site=... partitions)"
        )


def _other_communes(
    site_dir: Path, site: SiteRef, place: geo.Place, replace_site: bool
) -> list[str]:
    """The months (``"2024-06"``) of ``site_dir``'s partitions written for another commune
    than ``place``'s, allowed only with ``replace_site``; :class:`DatasetError` for a file
    that is no partition of this site (:func:`.existing.check_replaceable`)."""
    others = []
    try:
        with os.scandir(site_dir) as entries:
            names = sorted(entry.name for entry in entries if entry.name.startswith("month="))
    except (FileNotFoundError, NotADirectoryError):
        return []
    for name in names:
        key = name.removeprefix("month=")
        if not MONTH_PATTERN.match(key):
            continue
        found = check_replaceable(site_dir / name, layout=SITE_LAYOUT, month=key, site=site.id)
        code = None if found is None else found.get("insee_code")
        if found is None or code == place.insee_code:
            continue
        if not replace_site:
            raise DatasetError(
                f"{site_dir / name / PARTITION_FILE}: the partition belongs to another commune "
                f"(mfs.insee_code {str(code)[:10]!r}, this export {place.insee_code}): two "
                f"journals exported as site {site.id}? Give each site its own --site, or "
                "--replace-site to replace that commune's partitions of the site"
            )
        others.append(key)
    return others


#: One exported row, in the order of :data:`mfs_core.national.schema.FIELDS` less the
#: département and région (constant in a partition, added per batch).
_Row = tuple[Any, ...]


def _latest_follow_ups(journal: Journal, month: dt.date) -> dict[str, tuple[str, dt.date]]:
    """The latest event (kind, Paris day) of each request received in ``month`` that has
    one: the status the report counts. Events come ordered by time then id, so the last one
    seen for a request is its latest, ties going to the greatest id as in the report."""
    latest: dict[str, tuple[str, dt.date]] = {}
    for event in journal.events(month, _next_month(month)):
        latest[event.request_id] = (event.event, event.occurred_at.astimezone(PARIS).date())
    return latest


class _Partition:
    """One month of one site being written: rows in batches to a hidden temporary file,
    renamed over the partition's file by :meth:`commit`."""

    def __init__(
        self, site_dir: Path, site: SiteRef, place: geo.Place, month: dt.date, as_of: dt.datetime
    ) -> None:
        import pyarrow as pa

        self._pa = pa
        self.month = (month.year, month.month)
        self.key = month_key(month)
        self.directory = site_dir / f"month={self.key}"
        #: request id -> (latest event, its day), set by the caller.
        self.follow_ups: dict[str, tuple[str, dt.date]] = {}
        self._seen: set[str] = set()  # pseudonyms of the month so far
        self._rows: list[_Row] = []
        self._count = 0
        self._constant = (place.departement, place.region)
        metadata = {
            "dataset": DATASET_NAME,
            "schema_version": str(SCHEMA_VERSION),
            "layout": SITE_LAYOUT,
            "site": site.id,
            "month": self.key,
            "insee_code": place.insee_code,
            "cog": geo.COG_VINTAGE,
            "follow_ups_as_of": as_of.isoformat(timespec="seconds"),
            "generator": f"mfs-core {_version()}",
        }
        self._schema = arrow_schema().with_metadata(
            {metadata_key(name): value for name, value in metadata.items()}
        )
        self._types = [field.type for field in self._schema][: -len(self._constant)]
        self._file = AtomicPartition(self.directory, self._schema)

    def add(self, day: dt.date, request: StoredRequest) -> None:
        """Add one request received on ``day`` (Paris)."""
        pseudonym = request.resident_pseudonym
        repeat = False
        if pseudonym is not None:
            repeat = pseudonym in self._seen
            self._seen.add(pseudonym)
        event = self.follow_ups.get(request.id)
        self._rows.append(
            (
                day,
                request.partner,
                request.procedure,
                request.thematique,
                request.channel,
                request.outcome,
                request.autonomy,
                request.decision,
                request.decision_rule,
                request.referral_target,
                event[0] if event else None,
                event[1] if event else None,
                pseudonym is not None,
                repeat,
            )
        )
        if len(self._rows) == BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        pa, rows = self._pa, self._rows
        columns = zip(*rows, strict=True)
        arrays = [
            pa.array(values, type=kind) for values, kind in zip(columns, self._types, strict=True)
        ]
        arrays += [pa.array([value] * len(rows), type=pa.string()) for value in self._constant]
        self._file.write(pa.RecordBatch.from_arrays(arrays, schema=self._schema))
        self._count += len(rows)
        self._rows = []

    def commit(self) -> int:
        """Write what is left, and put the file in place; return the month's rows."""
        if self._rows:
            self._flush()
        self._file.commit()
        return self._count

    def abort(self) -> None:
        """Drop the temporary file: the partition keeps its previous content."""
        self._file.abort()


def _version() -> str:
    from mfs_core import __version__

    return __version__
