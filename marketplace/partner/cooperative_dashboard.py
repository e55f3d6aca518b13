"""The cooperative's overview in the dashboard: sales chart, best sellers, warnings."""

from django.views.generic import TemplateView

from catalogue.dashboard_views import CooperativeRequiredMixin
from marketplace.partner import reports


class CooperativeOverviewView(CooperativeRequiredMixin, TemplateView):
    template_name = "dashboard/cooperative/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        expired, expiring = reports.certificate_warnings(cooperative=self.cooperative)
        months = reports.sales_by_month(cooperative=self.cooperative)
        context.update(
            cooperative=self.cooperative,
            months=months,
            bars=reports.chart_bars(months),
            bar_width=reports.CHART_BAR_WIDTH,
            total_revenue=sum(m.revenue for m in months),
            top_products=reports.top_products(cooperative=self.cooperative),
            low_stock=reports.low_stock(cooperative=self.cooperative),
            expired_certificates=expired,
            expiring_certificates=expiring,
        )
        return context
