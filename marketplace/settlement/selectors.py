"""Reads of the ledger: balances, monthly statements, tax withheld, staff's totals.

Every figure is a sum of ledger entries (whole đồng); nothing is stored twice.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.settlement import ledger
from marketplace.settlement.banks import bank_name
from marketplace.settlement.models import Account, LedgerEntry, Payout, PayoutBatch, Posting
from marketplace.settlement.services import payout_blockers

Cooperative = get_model("partner", "Cooperative")

FIRST_YEAR, LAST_YEAR = 2020, 2100


def month_bounds(year, month):
    """Return the local start of ``month`` and of the month after it (aware datetimes)."""
    # Asia/Ho_Chi_Minh keeps one offset all year: adding the month's days lands on midnight.
    start = datetime.datetime(year, month, 1, tzinfo=timezone.get_current_timezone())
    return start, start + datetime.timedelta(days=calendar.monthrange(year, month)[1])


def valid_period(year, month=1):
    """True for a month a statement may be asked for (the URL is anyone's to type)."""
    return FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12


@dataclass
class MoneySummary:
    balance: int
    payable: int
    pending: int
    upcoming: list
    paid: list
    blockers: list


def money_summary(cooperative, *, today=None):
    """Return what a cooperative sees first: its balance, what is payable now, what waits
    for the return window, its payouts under way and the last ones paid."""
    today = today or timezone.localdate()
    balance = ledger.cooperative_balance(cooperative)
    payable = ledger.cooperative_balance(cooperative, payable_on=today)
    payouts = Payout.objects.filter(cooperative=cooperative).select_related("batch")
    return MoneySummary(
        balance=balance,
        payable=payable,
        pending=balance - payable,
        upcoming=list(payouts.filter(status=Payout.Status.PENDING).order_by("pk")),
        paid=list(payouts.filter(status=Payout.Status.PAID).order_by("-paid_at")[:5]),
        blockers=payout_blockers(cooperative),
    )


@dataclass
class StatementRow:
    """One posting as a statement line: each column in đồng, signed as the cooperative
    sees it (revenue positive, what is taken off it negative)."""

    posting: Posting
    order_number: str
    description: str
    revenue: int = 0
    commission: int = 0
    vat: int = 0
    pit: int = 0
    cod_cash: int = 0
    payout: int = 0
    net: int = 0

    @property
    def kind_label(self):
        return self.posting.get_kind_display()


COLUMNS = ("revenue", "commission", "vat", "pit", "cod_cash", "payout", "net")


@dataclass
class Statement:
    cooperative: object
    year: int
    month: int
    opening: int
    rows: list
    totals: dict = field(default_factory=dict)

    @property
    def closing(self):
        return self.opening + self.totals.get("net", 0)

    @property
    def period(self):
        return datetime.date(self.year, self.month, 1)


def _row(posting):
    amounts = {entry.account: entry.amount for entry in posting.entries.all()}
    order = posting.line.order if posting.line_id else (
        posting.shipment.order if posting.shipment_id else None
    )  # fmt: skip
    if posting.line_id:
        description = f"{posting.line.title} × {posting.line.quantity}"
    elif posting.payout_id:
        payout = posting.payout
        description = f"{bank_name(payout.bank_bin)} {payout.bank_account_number}"
        if payout.bank_reference:
            description += f" – {payout.bank_reference}"
    else:
        description = posting.memo
    return StatementRow(
        posting=posting,
        order_number=order.number if order else "",
        description=description,
        revenue=-amounts.get(Account.BUYER_FUNDS, 0),
        commission=-amounts.get(Account.COMMISSION, 0),
        vat=-amounts.get(Account.VAT_WITHHELD, 0),
        pit=-amounts.get(Account.PIT_WITHHELD, 0),
        cod_cash=-amounts.get(Account.COD_CASH, 0),
        payout=-amounts.get(Account.PAYOUTS, 0),
        net=amounts.get(Account.COOPERATIVE, 0),
    )


def monthly_statement(cooperative, *, year, month):
    """Return the cooperative's ``Statement`` of a month: every posting of it, with the
    balance before and after."""
    start, end = month_bounds(year, month)
    opening = (
        LedgerEntry.objects.filter(
            posting__cooperative=cooperative, account=Account.COOPERATIVE,
            posting__posted_at__lt=start,
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )  # fmt: skip
    postings = (
        Posting.objects.filter(cooperative=cooperative, posted_at__gte=start, posted_at__lt=end)
        .select_related("line__order", "shipment__order", "payout")
        .prefetch_related("entries")
        .order_by("posted_at", "pk")
    )
    rows = [_row(posting) for posting in postings]
    totals = {column: sum(getattr(row, column) for row in rows) for column in COLUMNS}
    return Statement(cooperative, year, month, opening, rows, totals)


def statement_months(cooperative, *, today=None):
    """Return the months (first days, newest first) the cooperative has postings in, and
    the current month."""
    today = today or timezone.localdate()
    months = {
        timezone.localdate(moment).replace(day=1)
        for moment in Posting.objects.filter(cooperative=cooperative)
        .annotate(month=TruncMonth("posted_at"))
        .values_list("month", flat=True)
        .distinct()
    }
    months.add(today.replace(day=1))
    return sorted(months, reverse=True)


@dataclass
class WithholdingMonth:
    month: datetime.date
    revenue: int = 0
    vat: int = 0
    pit: int = 0

    @property
    def total(self):
        return self.vat + self.pit


def _withholding_rows(entries, year):
    """Sum line revenue and tax withheld per month of ``year``."""
    start, end = month_bounds(year, 1)[0], month_bounds(year, 12)[1]
    rows = (
        entries.filter(posting__posted_at__gte=start, posting__posted_at__lt=end)
        .annotate(month=TruncMonth("posting__posted_at"))
        .values("month")
        .annotate(
            revenue=Sum("amount", filter=Q(account=Account.BUYER_FUNDS)),
            vat=Sum("amount", filter=Q(account=Account.VAT_WITHHELD)),
            pit=Sum("amount", filter=Q(account=Account.PIT_WITHHELD)),
        )
    )
    months = {
        datetime.date(year, number, 1): WithholdingMonth(datetime.date(year, number, 1))
        for number in range(1, 13)
    }
    for row in rows:
        month = months[timezone.localdate(row["month"]).replace(day=1)]
        month.revenue += -(row["revenue"] or 0)
        month.vat += row["vat"] or 0
        month.pit += row["pit"] or 0
    return list(months.values())


def tax_record(cooperative, *, year):
    """Return the cooperative's yearly record of tax withheld: per month, the revenue of
    its lines (shipping is not revenue) and the VAT and PIT withheld on it."""
    entries = LedgerEntry.objects.filter(
        posting__cooperative=cooperative, posting__line__isnull=False
    )
    months = _withholding_rows(entries, year)
    return {
        "cooperative": cooperative,
        "year": year,
        "months": months,
        "revenue": sum(m.revenue for m in months),
        "vat": sum(m.vat for m in months),
        "pit": sum(m.pit for m in months),
    }


def withholding_by_month(*, year):
    """Return the marketplace's tax withheld per month of ``year``, all sellers together
    (what it declares and pays), with the revenue it was withheld on."""
    return _withholding_rows(_withheld_entries(), year)


def _withheld_entries():
    """Return the entries of the lines sold by withheld sellers (their sales, refunds and
    disputes): the sale posting keeps the rates it was made under."""
    withheld_lines = (
        Posting.objects.filter(kind=Posting.Kind.SALE, line__isnull=False)
        .filter(Q(vat_bps__gt=0) | Q(pit_bps__gt=0))
        .values("line")
    )
    return LedgerEntry.objects.filter(posting__line__in=withheld_lines)


def withholding_by_seller(*, year, month):
    """Return, for one month, each withheld seller's tax code, revenue and tax: the lines
    of the marketplace's declaration for sellers on its platform."""
    start, end = month_bounds(year, month)
    rows = (
        _withheld_entries().filter(posting__posted_at__gte=start, posting__posted_at__lt=end)
        .values("posting__cooperative")
        .annotate(
            revenue=Sum("amount", filter=Q(account=Account.BUYER_FUNDS)),
            vat=Sum("amount", filter=Q(account=Account.VAT_WITHHELD)),
            pit=Sum("amount", filter=Q(account=Account.PIT_WITHHELD)),
        )
    )  # fmt: skip
    cooperatives = Cooperative.objects.select_related("partner").in_bulk(
        [row["posting__cooperative"] for row in rows]
    )
    result = [
        {
            "cooperative": cooperatives[row["posting__cooperative"]],
            "revenue": -(row["revenue"] or 0),
            "vat": row["vat"] or 0,
            "pit": row["pit"] or 0,
        }
        for row in rows
    ]
    return sorted(result, key=lambda r: r["cooperative"].name)


def cooperative_totals(*, today=None):
    """Return staff's table: per cooperative with a ledger, the sums of each account, its
    balance, what is payable today and why it cannot be paid, if it cannot."""
    today = today or timezone.localdate()
    sums = {}
    for row in LedgerEntry.objects.values("posting__cooperative", "account").annotate(
        total=Sum("amount")
    ):
        sums.setdefault(row["posting__cooperative"], {})[row["account"]] = row["total"]
    payable = ledger.payable_balances(payable_on=today)
    cooperatives = Cooperative.objects.select_related("partner").in_bulk(list(sums))
    rows = []
    for pk, accounts in sums.items():
        cooperative = cooperatives[pk]
        rows.append({
            "cooperative": cooperative,
            "revenue": -accounts.get(Account.BUYER_FUNDS, 0),
            "commission": accounts.get(Account.COMMISSION, 0),
            "withheld": accounts.get(Account.VAT_WITHHELD, 0)
            + accounts.get(Account.PIT_WITHHELD, 0),
            "cod_cash": accounts.get(Account.COD_CASH, 0),
            "paid_out": accounts.get(Account.PAYOUTS, 0),
            "balance": accounts.get(Account.COOPERATIVE, 0),
            "payable": payable.get(pk, 0),
            "blockers": payout_blockers(cooperative),
        })  # fmt: skip
    return sorted(rows, key=lambda r: r["cooperative"].name)


def open_batches():
    """Return the payout batches not yet paid in full, newest first, with their payouts."""
    return list(
        PayoutBatch.objects.exclude(status=PayoutBatch.Status.PAID)
        .prefetch_related("payouts__cooperative__partner")
        .order_by("-created_at", "-pk")
    )
