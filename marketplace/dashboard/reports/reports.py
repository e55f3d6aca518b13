"""Oscar's reports, with every CSV cell a spreadsheet could take for a formula defused."""

from oscar.apps.dashboard.reports.reports import ReportCSVFormatter as CoreReportCSVFormatter

from marketplace.spreadsheets import SafeCSVWriter


class ReportCSVFormatter(CoreReportCSVFormatter):
    # Every report's formatter (orders, products, users, baskets, offers, vouchers) gets
    # its writer here; product titles and customer names are typed by users.
    def get_csv_writer(self, file_handle, **kwargs):
        return SafeCSVWriter(open_file=file_handle, **kwargs)
