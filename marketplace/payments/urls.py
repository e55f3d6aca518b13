from django.urls import path

from marketplace.jobs.urls import job_urls
from marketplace.payments import bank_views, views

app_name = "payments"

urlpatterns = [
    path("stripe/webhook/", views.StripeWebhookView.as_view(), name="stripe-webhook"),
    path("stripe/return/", views.StripeReturnView.as_view(), name="stripe-return"),
    path("stripe/cancel/", views.StripeCancelView.as_view(), name="stripe-cancel"),
    path("bank/notify/", bank_views.BankNotifyView.as_view(), name="bank-notify"),
    path("staff/bank-transfers/", bank_views.BankTransfersView.as_view(), name="bank-transfers"),
    path(
        "staff/bank-transfers/<int:pk>/handle/",
        bank_views.BankTransferHandleView.as_view(),
        name="bank-transfer-handle",
    ),
    path("staff/unpaid/", views.UnpaidOrdersView.as_view(), name="unpaid-orders"),
    path(
        "staff/transfers/<str:number>/confirm/",
        views.TransferConfirmView.as_view(),
        name="transfer-confirm",
    ),
    path(
        "staff/bank-statement/",
        views.BankStatementImportView.as_view(),
        name="bank-statement-import",
    ),
    *job_urls(
        prefix="staff/bank-statement/jobs/",
        name="bank-statement-job",
        kinds=views.STATEMENT_JOB_KINDS,
    ),
    path("staff/orders/<str:number>/refund/", views.RefundView.as_view(), name="refund"),
    path("cod/parcels/", views.CashParcelsView.as_view(), name="cash-parcels"),
    path(
        "cod/parcels/<int:shipment_id>/collect/",
        views.CashCollectView.as_view(),
        name="cash-collect",
    ),
]
