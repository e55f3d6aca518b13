"""Answers the checkout's address form asks for as the buyer fills it in (JSON).

- the communes and wards of one province, so that the page carries only the chosen
  province's (a select of all 3,321 made the address page 169 KB);
- the shipping fee of the visitor's basket to a province, shown as soon as it is chosen.
"""

from django.http import Http404, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from marketplace import places, vnd
from marketplace.shipping.methods import ExpressDelivery, StandardDelivery


def _province(value):
    try:
        code = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if code not in places.province_names():
        raise Http404
    return code


@require_GET
def wards(request, province):
    """``[[code, name], …]``: the communes and wards of one province (public, cacheable)."""
    response = JsonResponse(
        {"wards": places.wards_of(_province(province))},
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response


@require_GET
def shipping_estimate(request):
    """The visitor's basket's shipping fees to ``?province=``, formatted as on the page."""
    basket = request.basket
    code = _province(request.GET.get("province"))
    fees = {}
    for method_class in (StandardDelivery, ExpressDelivery):
        fee = method_class.to_province(code).calculate(basket).incl_tax
        fees[method_class.code] = {
            "name": str(method_class.name),
            "fee": vnd.format_amount(fee),
        }
    response = JsonResponse(fees, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, private=True, no_store=True)
    return response
