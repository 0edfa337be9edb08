"""A separate process writing to a journal, for the durability tests.

Usage: ``python journal_writer.py URL PREFIX COUNT BATCH [--shared N] [--hold]``

Records ``COUNT`` requests ``PREFIX-0``... (plus ``shared-0``... if ``--shared``) in
batches of ``BATCH``, one transaction each, and prints one JSON line after every batch has
returned: ``{"committed": n, "recorded": r, "already": a}``. With ``--hold`` it then waits
to be killed, without closing the journal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

from mfs_core.journal import RequestRecord, open_journal


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("prefix")
    parser.add_argument("count", type=int)
    parser.add_argument("batch", type=int)
    parser.add_argument("--shared", type=int, default=0)
    parser.add_argument("--hold", action="store_true")
    args = parser.parse_args()
    start = dt.datetime(2023, 6, 1, 9, tzinfo=dt.UTC)
    ids = [f"{args.prefix}-{i}" for i in range(args.count)]
    ids += [f"shared-{i}" for i in range(args.shared)]
    journal = open_journal(args.url, pseudonym_secret="")
    committed = recorded = already = 0
    for first in range(0, len(ids), args.batch):
        batch = [
            RequestRecord(
                id=id_,
                received_at=start + dt.timedelta(seconds=first + offset),
                procedure="dgfip.declaration-revenus",
                channel="counter",
                outcome="resolved_first_contact",
                note="NIR 2 95 10 99 126 111 93",
            )
            for offset, id_ in enumerate(ids[first : first + args.batch])
        ]
        result = journal.record_many(batch)
        committed += len(batch)
        recorded += result.recorded
        already += result.already_present
        print(json.dumps({"committed": committed, "recorded": recorded, "already": already}))
        sys.stdout.flush()
    if args.hold:
        time.sleep(600)
    journal.close()


if __name__ == "__main__":
    main()
