from oscar.apps.customer.history import CustomerHistoryManager as CoreCustomerHistoryManager


class CustomerHistoryManager(CoreCustomerHistoryManager):
    @classmethod
    def extract(cls, request, response=None):
        """Return the product ids of the history cookie, ignoring whatever else it holds.

        The cookie is the visitor's to write: Oscar keeps any JSON list, and a list of
        words made the product page's database lookup fail (a 500).
        """
        ids = super().extract(request, response)
        return [i for i in ids if type(i) is int and 0 < i < 2**31]
