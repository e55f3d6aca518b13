"""The traceability app's own signals."""

from django.dispatch import Signal

# Sent with ``batch_pks`` when scans are written in bulk (``scans_flush``): a bulk INSERT
# sends no ``post_save``.
scans_recorded = Signal()
