"""Money pages. ``cooperative_urlpatterns`` are mounted under /shop/dashboard/cooperative/
(the acting cooperative's own), ``staff_urlpatterns`` under /shop/dashboard/money/."""

from django.urls import path

from marketplace.settlement import staff_views, views

_MONTH = "<int:year>/<int:month>/"

cooperative_urlpatterns = [
    path("money/", views.MoneyOverviewView.as_view(), name="cooperative-money"),
    path(f"money/statements/{_MONTH}", views.StatementView.as_view(),
         name="cooperative-statement"),
    path(f"money/statements/{_MONTH}statement.csv", views.StatementCsvView.as_view(),
         name="cooperative-statement-csv"),
    path(f"money/statements/{_MONTH}statement.pdf", views.StatementPdfView.as_view(),
         name="cooperative-statement-pdf"),
    path("money/tax/<int:year>/", views.TaxRecordView.as_view(), name="cooperative-tax-record"),
    path("money/tax/<int:year>/record.pdf", views.TaxRecordPdfView.as_view(),
         name="cooperative-tax-record-pdf"),
]  # fmt: skip

staff_urlpatterns = [
    path("", staff_views.SettlementOverviewView.as_view(), name="settlement-overview"),
    path("batches/new/", staff_views.PayoutBatchCreateView.as_view(),
         name="payout-batch-create"),
    path("batches/<int:pk>/", staff_views.PayoutBatchDetailView.as_view(),
         name="payout-batch-detail"),
    path("batches/<int:pk>/transfers.csv", staff_views.PayoutBatchCsvView.as_view(),
         name="payout-batch-csv"),
    path("payouts/<int:pk>/paid/", staff_views.PayoutPaidView.as_view(), name="payout-paid"),
    path("payouts/<int:pk>/cancel/", staff_views.PayoutCancelView.as_view(),
         name="payout-cancel"),
    path("withholding/<int:year>/<int:month>.csv", staff_views.WithholdingCsvView.as_view(),
         name="settlement-withholding-csv"),
    path(f"cooperatives/<int:pk>/statements/{_MONTH}", views.StaffStatementView.as_view(),
         name="settlement-statement"),
    path(f"cooperatives/<int:pk>/statements/{_MONTH}statement.csv",
         views.StaffStatementCsvView.as_view(), name="settlement-statement-csv"),
    path(f"cooperatives/<int:pk>/statements/{_MONTH}statement.pdf",
         views.StaffStatementPdfView.as_view(), name="settlement-statement-pdf"),
]  # fmt: skip
