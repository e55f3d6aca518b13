"""Access rules for dashboard menu entries that lead outside Oscar's dashboard."""

from django.utils.translation import gettext_lazy as _


def staff_only(user, url_name, url_args=None, url_kwargs=None):
    """Show the entry to active staff only (the Wagtail admin is not for cooperatives)."""
    from marketplace import access  # settings import this module: models are not ready

    return access.sees_everything(user)


def cooperative_only(user, url_name, url_args=None, url_kwargs=None):
    """Show the entry to a user acting for a cooperative (``marketplace.access``)."""
    from marketplace import access

    return access.acting_cooperative(user) is not None


def cooperative_entries():
    """Return the dashboard menu entries of a cooperative's own pages."""
    return [
        {
            "label": _("Hợp tác xã của tôi"),
            "icon": "fas fa-seedling",
            "url_name": "cooperative-overview",
            "access_fn": cooperative_only,
        },
        {
            "label": _("Hồ sơ hợp tác xã"),
            "icon": "fas fa-id-card",
            "url_name": "cooperative-profile-edit",
            "access_fn": cooperative_only,
        },
        {
            "label": _("Tiền hàng và chi trả"),
            "icon": "fas fa-wallet",
            "url_name": "cooperative-money",
            "access_fn": cooperative_only,
        },
        {
            "label": _("Lô hàng và truy xuất"),
            "icon": "fas fa-qrcode",
            "url_name": "batch-list",
            "access_fn": cooperative_only,
        },
        {
            "label": _("Chứng nhận"),
            "icon": "fas fa-certificate",
            "url_name": "cooperative-certificate-list",
            "access_fn": cooperative_only,
        },
        {
            "label": _("Nhập sản phẩm từ bảng tính"),
            "icon": "fas fa-file-import",
            "url_name": "cooperative-product-import",
            "access_fn": cooperative_only,
        },
        {
            "label": _("Mã API"),
            "icon": "fas fa-key",
            "url_name": "cooperative-api-tokens",
            "access_fn": cooperative_only,
        },
    ]


def staff_entries():
    """Return the dashboard menu entries of staff's own review pages."""
    return [
        {
            "label": _("Đơn chưa thanh toán"),
            "icon": "fas fa-money-bill-wave",
            "url_name": "payments:unpaid-orders",
            "access_fn": staff_only,
        },
        {
            "label": _("Đối soát và chi trả"),
            "icon": "fas fa-hand-holding-usd",
            "url_name": "settlement-overview",
            "access_fn": staff_only,
        },
        {
            "label": _("Chuyển khoản chưa khớp đơn"),
            "icon": "fas fa-question-circle",
            "url_name": "payments:bank-transfers",
            "access_fn": staff_only,
        },
        {
            "label": _("Nhập sao kê ngân hàng"),
            "icon": "fas fa-file-invoice-dollar",
            "url_name": "payments:bank-statement-import",
            "access_fn": staff_only,
        },
        {
            "label": _("Xác minh chứng nhận"),
            "icon": "fas fa-certificate",
            "url_name": "certificate-review-list",
            "access_fn": staff_only,
        },
        {
            # Failed background work (e-mails, recalls, imports), to read and run again.
            "label": _("Việc chạy nền"),
            "icon": "fas fa-tasks",
            "url_name": "admin:jobs_job_changelist",
            "access_fn": staff_only,
        },
    ]
