"""Importing a bank statement (CSV): every incoming transfer through ``transfers``' rule,
in batches with checkpoints; ``tasks.bank_statement_start`` starts it as a background
job."""

import copy
from contextlib import nullcontext

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.payments import statements
from marketplace.payments.transfers import statement_result_as_json, transfer_apply

# A bank statement is applied this many lines at a time, each batch in its own transaction.
STATEMENT_CHUNK_LINES = 500


def bank_statement_import(*, upload, by, progress=None, resume=None):
    """Mark paid the VietQR orders a bank statement (CSV) shows the money for; return the
    report (``statement_report_new``, JSON-ready).

    A line pays an order when its description holds the order's number and its amount is
    exactly the order's; everything else is reported for staff to look at. Importing the
    same statement again pays nothing twice: each line's bank reference is kept on the
    payment it paid. A bad file (``ValidationError``) changes nothing: every line is read
    before one is applied.

    Without ``progress``, all lines are applied in one transaction. With it, they are
    applied STATEMENT_CHUNK_LINES at a time, each batch in its own transaction, and
    ``progress(done, total, report)`` is called at the end of each batch, inside its
    transaction. Given back as ``resume=(done, report)``, it carries on after those lines
    with that report, as if the import had not been cut short.
    """
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới nhập được sao kê ngân hàng."))
    lines = statements.statement_read(upload)
    done, report = resume if resume is not None else (0, statement_report_new())
    report = copy.deepcopy(report)
    report["lines"] = len(lines)
    # The references of the lines already applied: a later line repeating one is a duplicate.
    references = {line.reference for line in lines[:done]}
    with transaction.atomic() if progress is None else nullcontext():
        for start in range(done, len(lines), STATEMENT_CHUNK_LINES):
            batch = lines[start : start + STATEMENT_CHUNK_LINES]
            with transaction.atomic():
                for line in batch:
                    result = transfer_apply(line=line, by=by, references=references)
                    _statement_report_add(report, result)
                if progress is not None:
                    progress(start + len(batch), len(lines), report)
    return report


def statement_report_new():
    """Return an empty import report: lines read, count per outcome, lines to look at."""
    return {"lines": 0, "counts": {}, "attention": []}


def _statement_report_add(report, result):
    report["counts"][result.outcome] = report["counts"].get(result.outcome, 0) + 1
    if result.needs_attention:
        report["attention"].append(statement_result_as_json(result))
