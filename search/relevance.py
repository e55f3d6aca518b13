"""How well search ranks: the judged queries (``judged_queries.json``) against the index.

Each judged query names the products a shopper wants first (``best``, gain 2) and others
that are fine to see (``also``, gain 1), by their Vietnamese title in the demo catalogue.
Two figures per query, averaged over the queries of each language:

- **precision@3**: the share of the first three results that are wanted (best or also).
  A query with fewer than three wanted products is divided by how many there are, so a
  perfect ranking scores 1 whatever the count.
- **nDCG@5**: the discounted gain of the first five results (2 for best, 1 for also),
  divided by that of the ideal order.

Queries run through ``search.queries.product_search``, the same call the search page
makes (without the page's cache), in the query's language.
"""

import json
import math
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from oscar.core.loading import get_model

from search import queries

JUDGED_QUERIES = Path(__file__).with_name("judged_queries.json")

Product = get_model("catalogue", "Product")


@dataclass
class Judgement:
    query: str
    language: str
    kind: str
    best: list
    also: list = field(default_factory=list)

    def gain(self, title):
        return 2 if title in self.best else 1 if title in self.also else 0


@dataclass
class Outcome:
    judgement: Judgement
    titles: list
    seconds: float

    @property
    def precision_at_3(self):
        wanted = len(self.judgement.best) + len(self.judgement.also)
        hits = sum(1 for title in self.titles[:3] if self.judgement.gain(title))
        return hits / min(3, wanted) if wanted else 0.0

    @property
    def ndcg_at_5(self):
        gains = [self.judgement.gain(title) for title in self.titles[:5]]
        ideal = sorted([2] * len(self.judgement.best) + [1] * len(self.judgement.also))[::-1][:5]
        best = _dcg(ideal)
        return _dcg(gains) / best if best else 0.0

    @property
    def first_is_best(self):
        return bool(self.titles) and self.titles[0] in self.judgement.best


def _dcg(gains):
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def judged_queries(path=JUDGED_QUERIES):
    """Return the ``Judgement`` of every query in the judged set."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        Judgement(
            query=item["query"],
            language=item["language"],
            kind=item["kind"],
            best=item["best"],
            also=item.get("also", []),
        )
        for item in data["queries"]
    ]


def run(judgements, *, limit=5):
    """Search every judged query; return an ``Outcome`` each (titles in Vietnamese).

    Raise ``search.connection.SearchUnavailable`` when the search server cannot answer.
    """
    outcomes = []
    for judgement in judgements:
        started = time.perf_counter()
        result = queries.product_search(
            query=judgement.query, limit=limit, language=judgement.language
        )
        seconds = time.perf_counter() - started
        titles = dict(Product.objects.filter(pk__in=result.ids).values_list("pk", "title_vi"))
        outcomes.append(Outcome(judgement, [titles.get(pk, "") for pk in result.ids], seconds))
    return outcomes


def summary(outcomes):
    """Return {language or "all": {"queries", "precision_at_3", "ndcg_at_5"}}."""
    groups = {"all": outcomes}
    for outcome in outcomes:
        groups.setdefault(outcome.judgement.language, []).append(outcome)
    return {
        name: {
            "queries": len(group),
            "precision_at_3": statistics.fmean(o.precision_at_3 for o in group),
            "ndcg_at_5": statistics.fmean(o.ndcg_at_5 for o in group),
        }
        for name, group in groups.items()
        if group
    }


def percentile(values, share):
    """Return the ``share`` (0–1) percentile of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]
