"""Lots on every shipped line: which lot each unit of an order line was taken from.

A product that has lots (at least one published or recalled batch) ships only from its
published lots: when its cooperative ships a parcel (``shipment_lots_allocate``, called
by ``shipment_advance``), each of its lines is allocated to lots, oldest first (by
production date), unless the cooperative chose other lots before
(``line_allocation_set``). A lot gives at most its quantity, less what lines already
took. A product that never had a lot ships without one (the packing slip says so).

Allocations of a parcel that has not left yet are a plan: a recall drops them
(``recall_release_planned``) and cancelling the parcel does too; those of a shipped
parcel are final, and a recall tells their buyers.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace import access
from traceability.models import Batch, LineBatch

Shipment = get_model("order", "Shipment")
# Parcels whose lots may still change: not yet handed to the carrier.
OPEN_STATUSES = (Shipment.Status.PENDING, Shipment.Status.PACKED)


def lot_remaining(batch_ids, *, except_line=None):
    """Return ``{batch id: units left}``: each lot's quantity less what lines took.

    ``except_line``'s own allocations do not count (it is being allocated again).
    """
    taken = LineBatch.objects.filter(batch_id__in=batch_ids)
    if except_line is not None:
        taken = taken.exclude(line=except_line)
    used = dict(taken.values_list("batch_id").annotate(n=Sum("quantity")).order_by())
    quantities = dict(Batch.objects.filter(pk__in=batch_ids).values_list("pk", "quantity"))
    return {pk: max(quantity - used.get(pk, 0), 0) for pk, quantity in quantities.items()}


def sellable_lots(product_ids, *, lock=False):
    """Return ``{product id: [published lots, oldest first]}``; locked when ``lock``."""
    lots = Batch.objects.filter(product_id__in=product_ids, status=Batch.Status.PUBLISHED)
    if lock:
        lots = lots.select_for_update(of=("self",))
    grouped = defaultdict(list)
    for batch in lots.order_by("produced_on", "pk"):
        grouped[batch.product_id].append(batch)
    return grouped


def products_with_lots(product_ids):
    """Return the ids of the products that have (or had) a public lot: they ship from lots."""
    return set(
        Batch.objects.filter(
            product_id__in=product_ids,
            status__in=(Batch.Status.PUBLISHED, Batch.Status.RECALLED),
        ).values_list("product_id", flat=True)
    )


def allocation_plan(*, quantity, lots, remaining):
    """Return ``[(lot, units)]`` covering ``quantity`` from ``lots`` in order, or None."""
    plan, missing = [], quantity
    for batch in lots:
        units = min(missing, remaining.get(batch.pk, 0))
        if units > 0:
            plan.append((batch, units))
            missing -= units
        if missing == 0:
            return plan
    return None


def _shipment_of(line):
    return (
        Shipment.objects.filter(order_id=line.order_id, cooperative__partner=line.partner_id)
        .exclude(status=Shipment.Status.CANCELLED)
        .first()
    )


@transaction.atomic
def line_allocation_set(*, line, allocations, by):
    """Choose the lots of ``line`` before its parcel leaves: ``allocations`` is
    ``[(batch, units)]``, units summing to the line's quantity, each lot a published lot
    of its product with the units left. Replace the line's earlier choice.
    """
    cooperative = getattr(line.partner, "cooperative", None) if line.partner_id else None
    if not access.may_act_for(by, cooperative):
        raise PermissionDenied
    shipment = _shipment_of(line)
    if shipment is not None and shipment.status not in OPEN_STATUSES:
        raise ValidationError(_("Kiện hàng đã gửi đi: không đổi được lô."), code="shipped")
    allocations = [(batch, units) for batch, units in allocations if units]
    lots = {b.pk: b for b in sellable_lots([line.product_id], lock=True)[line.product_id]}
    if any(batch.pk not in lots for batch, _units in allocations):
        raise ValidationError(_("Hãy chọn lô đã công bố của đúng sản phẩm này."), code="batch")
    if any(units < 0 for _batch, units in allocations):
        raise ValidationError(_("Số lượng phải là số dương."), code="units")
    if sum(units for _batch, units in allocations) != line.quantity:
        raise ValidationError(
            _("Tổng số lượng các lô phải bằng %(n)s, số lượng của dòng hàng.")
            % {"n": line.quantity},
            code="sum",
        )
    remaining = lot_remaining(list(lots), except_line=line)
    for batch, units in allocations:
        if units > remaining[batch.pk]:
            raise ValidationError(
                _("Lô %(lot)s chỉ còn %(n)s sản phẩm.") % {"lot": batch.lot_code,
                                                         "n": remaining[batch.pk]},
                code="not_enough",
            )  # fmt: skip
    LineBatch.objects.filter(line=line).delete()
    return LineBatch.objects.bulk_create(
        [LineBatch(line=line, batch=batch, quantity=units, assigned_by=by)
         for batch, units in allocations]
    )  # fmt: skip


def shipment_lots_allocate(*, shipment, lines, by):
    """Allocate each of ``lines`` (the shipment's) to lots, as its parcel leaves.

    Call inside the transaction that ships it. A line the cooperative allocated in full to
    lots still on sale keeps its choice; any other line of a product with lots is
    allocated oldest lot first. Raise ``ValidationError`` naming each product whose lots
    are short: then nothing ships.
    """
    product_ids = {line.product_id for line in lines if line.product_id}
    with_lots = products_with_lots(product_ids)
    lots = sellable_lots(with_lots, lock=True)
    chosen = defaultdict(list)
    for link in LineBatch.objects.filter(line__in=lines).select_related("batch"):
        chosen[link.line_id].append(link)
    problems = []
    for line in lines:
        if line.product_id not in with_lots:
            continue
        links = chosen.get(line.pk, [])
        kept = all(link.batch.status == Batch.Status.PUBLISHED for link in links)
        if links and kept and sum(link.quantity for link in links) == line.quantity:
            continue
        LineBatch.objects.filter(line=line).delete()
        product_lots = lots.get(line.product_id, [])
        remaining = lot_remaining([batch.pk for batch in product_lots])
        plan = allocation_plan(quantity=line.quantity, lots=product_lots, remaining=remaining)
        if plan is None:
            problems.append(
                _("“%(title)s”: các lô đang bán chỉ còn %(left)s, cần %(n)s. Hãy ghi và công bố "
                  "lô mới trước khi gửi hàng.")
                % {"title": line.title, "left": sum(remaining.values()), "n": line.quantity}
            )  # fmt: skip
            continue
        LineBatch.objects.bulk_create(
            [LineBatch(line=line, batch=batch, quantity=units, assigned_by=by)
             for batch, units in plan]
        )  # fmt: skip
    if problems:
        raise ValidationError(problems, code="lots_short")


def shipment_lots_release(*, shipment, lines):
    """Drop the planned lots of a parcel that will not leave (cancelled)."""
    LineBatch.objects.filter(line__in=lines).delete()


def recall_release_planned(*, batch):
    """Drop ``batch``'s allocations on parcels that have not left: they ship from other lots.

    Return the number of lines released.
    """
    # One query for any number of buyers: the line's parcel (its order, its seller) is open.
    open_parcel = Shipment.objects.filter(
        order_id=OuterRef("line__order_id"),
        cooperative__partner=OuterRef("line__partner_id"),
        status__in=OPEN_STATUSES,
    )
    planned = LineBatch.objects.filter(batch=batch).filter(Exists(open_parcel))
    released = planned.count()
    planned.delete()
    return released


def line_lot_rows(*, lines):
    """Return ``[(line, [allocations], [published lots with units left])]`` (3 queries)."""
    lines = list(lines)
    product_ids = {line.product_id for line in lines if line.product_id}
    allocations = defaultdict(list)
    for link in LineBatch.objects.filter(line__in=lines).select_related("batch"):
        allocations[link.line_id].append(link)
    lots = sellable_lots(product_ids)
    remaining = lot_remaining([b.pk for group in lots.values() for b in group])
    for group in lots.values():
        for batch in group:
            batch.units_left = remaining.get(batch.pk, 0)
    return [(line, allocations.get(line.pk, []), lots.get(line.product_id, [])) for line in lines]


def packing_slip_rows(*, shipment, lines):
    """Return ``[(line, [(lot, units)], planned)]`` for a parcel's packing slip.

    ``planned`` is True while the parcel has not left: the lots shown are the ones chosen,
    or else those shipping would take now (oldest first); an empty list means the product
    has no lots (or not enough: shipping will say so).
    """
    rows = []
    planned = shipment.status in OPEN_STATUSES
    for line, links, lots in line_lot_rows(lines=lines):
        chosen = [(link.batch, link.quantity) for link in links]
        if planned and not chosen and lots:
            remaining = {batch.pk: batch.units_left for batch in lots}
            chosen = allocation_plan(quantity=line.quantity, lots=lots, remaining=remaining) or []
        rows.append((line, chosen, planned))
    return rows
