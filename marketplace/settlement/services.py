"""Payouts: batches of payable balances that staff review, approve, transfer and confirm.

A payout takes its amount off the cooperative's balance as soon as it is made (a
posting), so a second batch never pays the same money; cancelling it gives the amount
back (another posting). A cooperative whose payable balance is zero or less (a refund
after its last payout) is left out and carries the negative balance into later sales.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace import access
from marketplace.settlement import ledger
from marketplace.settlement.models import LedgerEntry, Payout, PayoutBatch, Posting

logger = logging.getLogger(__name__)

Cooperative = get_model("partner", "Cooperative")


def payout_blockers(cooperative):
    """Return why ``cooperative`` cannot be paid yet (empty when it can), in words."""
    missing = []
    if not cooperative.seller_kind:
        missing.append(_("chưa khai loại người bán (hợp tác xã, doanh nghiệp, hộ, cá nhân)"))
    if not cooperative.tax_code:
        missing.append(_("chưa có mã số thuế"))
    if not (
        cooperative.bank_bin and cooperative.bank_account_number and cooperative.bank_account_name
    ):
        missing.append(_("chưa có tài khoản ngân hàng nhận tiền"))
    if cooperative.status == Cooperative.Status.SUSPENDED:
        missing.append(_("hợp tác xã đang bị tạm ngưng"))
    return missing


def _staff(by):
    if by is not None and not access.sees_everything(by):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới quản lý được việc chi trả."))


def payout_batch_prepare(*, payable_on=None, by=None):
    """Make a batch of a payout per cooperative with a positive payable balance on
    ``payable_on`` (today) and a complete tax profile and bank account; return it, or
    None when no one is due. A batch still waiting for review is returned as it is:
    staff review one batch at a time. ``by`` is None for the weekly beat task."""
    _staff(by)
    payable_on = payable_on or timezone.localdate()
    with transaction.atomic():
        waiting = PayoutBatch.objects.select_for_update().filter(status=PayoutBatch.Status.DRAFT)
        if waiting.exists():
            return waiting.first()
        batch = PayoutBatch.objects.create(payable_on=payable_on)
        due = [pk for pk, amount in ledger.payable_balances(payable_on=payable_on).items()
               if amount > 0]  # fmt: skip
        for cooperative in Cooperative.objects.filter(pk__in=due).order_by("pk"):
            cooperative = ledger.cooperative_lock(cooperative)
            amount = ledger.cooperative_balance(cooperative, payable_on=payable_on)
            if amount <= 0 or payout_blockers(cooperative):
                continue
            payout = Payout(
                batch=batch, cooperative=cooperative, amount=amount,
                bank_bin=cooperative.bank_bin,
                bank_account_number=cooperative.bank_account_number,
                bank_account_name=cooperative.bank_account_name,
            )  # fmt: skip
            payout.full_clean()
            payout.save()
            ledger.payout_post(payout=payout)
        if not batch.payouts.exists():
            batch.delete()
            return None
    return batch


def payout_batch_approve(*, batch, by):
    """Staff checked the batch: its payouts may now be transferred; return it."""
    _staff(by)
    with transaction.atomic():
        batch = PayoutBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != PayoutBatch.Status.DRAFT:
            raise ValidationError(_("Đợt chi trả này đã được duyệt rồi."))
        if not batch.payouts.filter(status=Payout.Status.PENDING).exists():
            raise ValidationError(_("Đợt chi trả không còn khoản nào để chuyển."))
        batch.status = PayoutBatch.Status.APPROVED
        batch.approved_at, batch.approved_by = timezone.now(), by
        batch.save(update_fields=["status", "approved_at", "approved_by"])
    return batch


def payout_mark_paid(*, payout, bank_reference, by):
    """Staff transferred ``payout`` (bank reference from the bank's receipt); return it.

    Marking it again with the same reference changes nothing; the batch is paid when no
    payout of it waits any more.
    """
    _staff(by)
    bank_reference = (bank_reference or "").strip()
    if not bank_reference or len(bank_reference) > 64 or "\x00" in bank_reference:
        raise ValidationError(_("Hãy nhập mã giao dịch ngân hàng (tối đa 64 ký tự)."))
    with transaction.atomic():
        payout = Payout.objects.select_for_update().select_related("batch").get(pk=payout.pk)
        if payout.status == Payout.Status.PAID and payout.bank_reference == bank_reference:
            return payout
        if payout.status != Payout.Status.PENDING:
            raise ValidationError(_("Khoản chi trả này không còn chờ chuyển khoản."))
        if payout.batch.status != PayoutBatch.Status.APPROVED:
            raise ValidationError(_("Hãy duyệt đợt chi trả trước khi chuyển khoản."))
        if Payout.objects.filter(bank_reference=bank_reference).exclude(pk=payout.pk).exists():
            raise ValidationError(_("Mã giao dịch này đã dùng cho một khoản chi trả khác."))
        payout.status, payout.bank_reference = Payout.Status.PAID, bank_reference
        payout.paid_at, payout.paid_by = timezone.now(), by
        payout.full_clean()
        payout.save()
        _batch_close_if_done(payout.batch)
    return payout


def payout_cancel(*, payout, reason, by):
    """Take ``payout`` out of its batch before it is transferred: the amount goes back on
    the cooperative's balance, for a later batch; return it."""
    _staff(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do huỷ khoản chi trả."))
    with transaction.atomic():
        payout = Payout.objects.select_for_update().select_related("batch").get(pk=payout.pk)
        if payout.status != Payout.Status.PENDING:
            raise ValidationError(_("Chỉ huỷ được khoản chưa chuyển khoản."))
        ledger.cooperative_lock(payout.cooperative)
        payout.status, payout.cancel_reason = Payout.Status.CANCELLED, reason[:255]
        payout.save(update_fields=["status", "cancel_reason"])
        ledger.payout_post(payout=payout, cancel=True)
        _batch_close_if_done(payout.batch)
    return payout


def _batch_close_if_done(batch):
    if (
        batch.status == PayoutBatch.Status.APPROVED
        and not batch.payouts.filter(status=Payout.Status.PENDING).exists()
    ):
        PayoutBatch.objects.filter(pk=batch.pk).update(status=PayoutBatch.Status.PAID)


def ledger_purge():
    """Delete every posting, entry, payout and batch: only for the demo reset, which
    deletes the orders and cooperatives they belong to. PostgreSQL refuses it to anyone
    else (migration 0002)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL settlement.allow_purge = 'on'")
        LedgerEntry.objects.all()._raw_delete(LedgerEntry.objects.db)
        Posting.objects.all()._raw_delete(Posting.objects.db)
        Payout.objects.all().delete()
        PayoutBatch.objects.all().delete()
