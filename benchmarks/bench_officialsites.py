"""Cost of classifying URLs, as a ratio to parsing them with ``urllib.parse.urlsplit``.

Run: ``python benchmarks/bench_officialsites.py [N]``. Both timings are measured in the same
run on the same URLs (real official URLs of the reference table and look-alikes), so the
ratio does not depend on the machine.
"""

from __future__ import annotations

import argparse
import timeit
from urllib.parse import urlsplit

from mfs_core.officialsites import OfficialSites
from mfs_core.registry import Registry

SAMPLE = [
    "https://cfspart.impots.gouv.fr/LoginMDP",
    "https://wwwd.caf.fr/wps/portal/caffr/simulateurpa/",
    "https://assure.ameli.fr/PortailAS/appmanager/PortailAS/assure?_somtc=true",
    "https://immatriculation.ants.gouv.fr/demarches-en-ligne/vendre-ou-donner-votre-vehicule",
    "https://www.service-public.fr/particuliers/vosdroits/F1341",
    "https://www.legifrance.gouv.fr/",
    "https://impots-gouv.fr/declaration",
    "https://ants.gouv.fr.example.com/",
    "https://ameli.fr@evil.com/",
    "https://www.carte-grise-en-ligne.fr/",
]


def main(repeat: int = 2000) -> None:
    sites = OfficialSites.from_registry(Registry.load(external=False))
    urls = SAMPLE * repeat
    baseline = min(timeit.repeat(lambda: [urlsplit(u).hostname for u in urls], number=1, repeat=5))
    measured = min(timeit.repeat(lambda: [sites.classify(u) for u in urls], number=1, repeat=5))
    print(f"{len(urls)} URLs")
    print(f"urlsplit().hostname : {baseline * 1e6 / len(urls):8.2f} µs per URL")
    print(f"OfficialSites.classify: {measured * 1e6 / len(urls):8.2f} µs per URL")
    print(f"ratio                 : {measured / baseline:8.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "repeat", nargs="?", type=int, default=2000, help="copies of the 10 sample URLs"
    )
    main(parser.parse_args().repeat)
