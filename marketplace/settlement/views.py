"""Money pages: a cooperative's balance, statements and tax record (its own only, through
``marketplace.access``), and the same statements for staff, by cooperative."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from marketplace.access import CooperativeRequiredMixin, StaffRequiredMixin
from marketplace.settlement import documents, selectors
from marketplace.settlement.banks import bank_name

Cooperative = get_model("partner", "Cooperative")


class MoneyOverviewView(CooperativeRequiredMixin, TemplateView):
    """The cooperative's balance, what is payable, its payouts and statements."""

    template_name = "settlement/cooperative_money.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        months = selectors.statement_months(self.cooperative, today=today)
        context.update(
            cooperative=self.cooperative,
            summary=selectors.money_summary(self.cooperative, today=today),
            months=months,
            years=sorted({month.year for month in months}, reverse=True),
            bank=bank_name(self.cooperative.bank_bin),
            statement_url_name="cooperative-statement",
        )
        return context


class _StatementMixin:
    """A monthly statement: the cooperative acting (its own) or, for staff, one by pk."""

    statement_url_prefix = "cooperative-statement"

    def statement_cooperative(self):
        return self.cooperative

    def statement(self):
        year, month = self.kwargs["year"], self.kwargs["month"]
        if not selectors.valid_period(year, month):
            raise Http404
        return selectors.monthly_statement(self.statement_cooperative(), year=year, month=month)

    def url_kwargs(self):
        return {"year": self.kwargs["year"], "month": self.kwargs["month"]}


class StatementView(CooperativeRequiredMixin, _StatementMixin, TemplateView):
    template_name = "settlement/statement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        prefix, url_kwargs = self.statement_url_prefix, self.url_kwargs()
        context.update(
            statement=self.statement(),
            csv_url=reverse(f"{prefix}-csv", kwargs=url_kwargs),
            pdf_url=reverse(f"{prefix}-pdf", kwargs=url_kwargs),
            staff_view=prefix != "cooperative-statement",
        )
        return context


def _filename(statement, extension):
    period = f"{statement.year}-{statement.month:02d}"
    return f"bang-ke-{statement.cooperative.slug}-{period}.{extension}"


class StatementCsvView(CooperativeRequiredMixin, _StatementMixin, View):
    def get(self, request, *args, **kwargs):
        statement = self.statement()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{_filename(statement, "csv")}"'
        documents.statement_csv(statement, response)
        return response


class StatementPdfView(CooperativeRequiredMixin, _StatementMixin, View):
    def get(self, request, *args, **kwargs):
        statement = self.statement()
        response = HttpResponse(documents.statement_pdf(statement), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{_filename(statement, "pdf")}"'
        return response


class _TaxRecordMixin:
    def tax_record(self):
        year = self.kwargs["year"]
        if not selectors.valid_period(year):
            raise Http404
        return selectors.tax_record(self.cooperative, year=year)


class TaxRecordView(CooperativeRequiredMixin, _TaxRecordMixin, TemplateView):
    """The yearly record of tax withheld, the seller's document for its own declaration."""

    template_name = "settlement/tax_record.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.tax_record()
        return context


class TaxRecordPdfView(CooperativeRequiredMixin, _TaxRecordMixin, View):
    def get(self, request, *args, **kwargs):
        record = self.tax_record()
        response = HttpResponse(documents.tax_record_pdf(record), content_type="application/pdf")
        name = f"khau-tru-thue-{self.cooperative.slug}-{record['year']}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response


class _StaffStatementMixin(_StatementMixin):
    statement_url_prefix = "settlement-statement"

    def statement_cooperative(self):
        cooperatives = Cooperative.objects.select_related("partner")
        return get_object_or_404(cooperatives, pk=self.kwargs["pk"])

    def url_kwargs(self):
        return {"pk": self.kwargs["pk"], **super().url_kwargs()}


class StaffStatementView(StaffRequiredMixin, _StaffStatementMixin, StatementView):
    pass


class StaffStatementCsvView(StaffRequiredMixin, _StaffStatementMixin, StatementCsvView):
    pass


class StaffStatementPdfView(StaffRequiredMixin, _StaffStatementMixin, StatementPdfView):
    pass
