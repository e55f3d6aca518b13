import json
import urllib.request

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from traceability.anchoring import lot_verify
from traceability.models import Batch, ChainRoot


class Command(BaseCommand):
    help = (
        "Check lots' events against the published, signed chain roots: recompute every "
        "event's hash from its content and compare it with what each day's root published. "
        "A changed, removed or re-chained event is reported; the exit status is 1 then."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "lots", nargs="*",
            help="lots to check: a short code (Q7K2M9XA), <GTIN>/<lot> or a batch id",
        )  # fmt: skip
        parser.add_argument("--all", action="store_true", help="check every public lot")
        parser.add_argument(
            "--site",
            help="read the roots and the public key from this site's published files "
            "(e.g. https://ocop.example.vn) instead of the database",
        )

    def handle(self, *args, lots=(), all=False, site=None, **options):
        batches = self._batches(lots, every=all)
        public_key = self._public_key(site) if site else None
        failed = 0
        for batch in batches:
            documents = self._documents(batch, site)
            check = lot_verify(batch, documents, public_key_bytes=public_key)
            label = f"{batch.product.title} – {batch.lot_code} ({batch.short_code})"
            if check.ok:
                self.stdout.write(
                    f"OK       {label}: {batch.events.count()} events match "
                    f"{len(check.roots)} published roots ({check.roots[0]} … {check.roots[-1]})"
                )
                continue
            failed += 1
            if not check.roots and not check.problems:
                self.stdout.write(f"UNKNOWN  {label}: no published root lists this lot yet")
                continue
            self.stdout.write(self.style.ERROR(f"CHANGED  {label}"))
            for problem in check.problems:
                self.stdout.write(f"         {problem}")
        if failed:
            raise CommandError(f"{failed} of {len(batches)} lots do not match their roots.")

    def _batches(self, lots, *, every):
        queryset = Batch.objects.filter(
            status__in=(Batch.Status.PUBLISHED, Batch.Status.RECALLED)
        ).select_related("product__cooperative__partner")
        if every:
            return list(queryset.order_by("pk"))
        if not lots:
            raise CommandError("Name the lots to check, or give --all.")
        found = []
        for value in lots:
            gtin, _slash, lot = value.partition("/")
            match = Q(short_code=value.upper())
            if value.isdigit():
                match |= Q(pk=int(value))
            if lot:
                match |= Q(product__upc__in=[gtin, gtin.lstrip("0")], lot_code=lot)
            batch = queryset.filter(match).first()
            if batch is None:
                raise CommandError(f"No public lot {value!r}.")
            found.append(batch)
        return found

    def _documents(self, batch, site):
        cooperative = batch.product.cooperative
        if site is None:
            rows = ChainRoot.objects.filter(cooperative=cooperative).order_by("day")
            return [json.loads(row.document) for row in rows]
        index = _get_json(f"{site.rstrip('/')}/trace/roots/{cooperative.slug}/")
        return [_get_json(entry["url"]) for entry in index.get("roots", [])]

    def _public_key(self, site):
        from cryptography.hazmat.primitives import serialization

        key_url = f"{site.rstrip('/')}/trace/chain-key.pem"
        with urllib.request.urlopen(key_url, timeout=20) as r:  # noqa: S310 - an operator's URL
            key = serialization.load_pem_public_key(r.read())
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _get_json(url):
    with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - an operator's URL
        return json.loads(response.read())
