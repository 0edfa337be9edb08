"""A separate process recording referrals and their acceptance, for the concurrency tests.

Usage: ``python referral_writer.py URL``

Records, again and again until killed, a referral received on 5 June 2023 and then its
acceptance, each in its own transaction (``Journal.record``, then ``Journal.follow_up``).
Prints ``writing`` once 20 pairs are in, so that readers start on a journal being written.
Used by ``test_report_concurrency.py`` and ``scripts/attack.py``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys

from mfs_core.journal import EventRecord, RequestRecord, open_journal


def main() -> None:
    journal = open_journal(sys.argv[1], pseudonym_secret="")
    start = dt.datetime(2023, 6, 5, 9, tzinfo=dt.UTC)
    for n in itertools.count():
        at = start + dt.timedelta(seconds=n)
        journal.record(
            RequestRecord(
                id=f"r{n}",
                received_at=at,
                procedure="caf.prime-activite",
                channel="counter",
                outcome="referral",
            )
        )
        journal.follow_up(
            EventRecord(
                id=f"e{n}",
                event="referral_accepted",
                request_id=f"r{n}",
                occurred_at=at + dt.timedelta(minutes=1),
            )
        )
        if n == 20:
            print("writing", flush=True)


if __name__ == "__main__":
    main()
