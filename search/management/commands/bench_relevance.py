from django.core.management.base import BaseCommand, CommandError

from search import relevance
from search.connection import SearchUnavailable


class Command(BaseCommand):
    help = (
        "Score search on the judged queries (search/judged_queries.json): precision@3 and "
        "nDCG@5 for Vietnamese and English queries, and the search server's latency."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rounds", type=int, default=1, help="Search every query this many times (latency)."
        )
        parser.add_argument(
            "--verbose-misses",
            action="store_true",
            help="List the queries whose first three results are not all wanted.",
        )
        parser.add_argument(
            "--min-precision",
            type=float,
            default=0.0,
            help="Fail when the precision@3 of all queries is below this.",
        )
        parser.add_argument(
            "--budget-ms",
            type=float,
            default=0.0,
            help="Say whether the 95th percentile of a search's time is within this (ms).",
        )

    def handle(self, *args, rounds, verbose_misses, min_precision, budget_ms, **options):
        if rounds < 1:
            raise CommandError("--rounds must be at least 1.")
        judgements = relevance.judged_queries()
        try:
            outcomes = relevance.run(judgements)
            times = [o.seconds for o in outcomes]
            for _round in range(rounds - 1):
                times += [o.seconds for o in relevance.run(judgements)]
        except SearchUnavailable as error:
            raise CommandError(f"The search server did not answer: {error}") from error
        figures = relevance.summary(outcomes)
        self.stdout.write(f"Judged queries: {len(judgements)} ({relevance.JUDGED_QUERIES.name})")
        for name, label in (("vi", "Vietnamese"), ("en", "English"), ("all", "All")):
            if name in figures:
                row = figures[name]
                self.stdout.write(
                    f"  {label:<11} {row['queries']:>3} queries  "
                    f"precision@3 {row['precision_at_3']:.3f}  nDCG@5 {row['ndcg_at_5']:.3f}"
                )
        p50 = relevance.percentile(times, 0.5) * 1000
        p95 = relevance.percentile(times, 0.95) * 1000
        verdict = ""
        if budget_ms:
            verdict = f" (budget {budget_ms:.0f} ms: {'within' if p95 <= budget_ms else 'OVER'})"
        self.stdout.write(
            f"  Search time over {len(times)} searches (search server + this process): "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms{verdict}"
        )
        if verbose_misses:
            for outcome in outcomes:
                if outcome.precision_at_3 < 1 or not outcome.first_is_best:
                    self.stdout.write(
                        f"  miss [{outcome.judgement.language}] {outcome.judgement.query!r}: "
                        + " | ".join(outcome.titles[:3])
                    )
        if figures["all"]["precision_at_3"] < min_precision:
            raise CommandError(
                f"precision@3 {figures['all']['precision_at_3']:.3f} is below {min_precision}."
            )
