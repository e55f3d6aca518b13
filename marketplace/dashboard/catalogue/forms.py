from django import forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403
from oscar.apps.dashboard.catalogue.forms import CategoryForm as CoreCategoryForm
from oscar.apps.dashboard.catalogue.forms import ProductForm as CoreProductForm
from oscar.apps.dashboard.catalogue.forms import ProductImageForm as CoreProductImageForm
from oscar.apps.dashboard.catalogue.forms import StockRecordForm as CoreStockRecordForm
from oscar.core.loading import get_model
from oscar.forms.widgets import ImageInput

from marketplace import access
from marketplace.sanitize import SanitizedHTMLField
from marketplace.uploads import SafeDocumentField, SafeImageField

Cooperative = get_model("partner", "Cooperative")

OCOP_FIELDS = ["net_content", "shipping_weight_kg", "shelf_life_months", "storage", "ingredients"]
# Texts written in both languages (catalogue/translation.py): edited one beside the other.
TRANSLATED = {"title", "description", "storage", "ingredients", "name"}


def side_by_side(fields):
    """Return ``fields`` with each translated one as its Vietnamese and English columns."""
    result = []
    for name in fields:
        result += [f"{name}_vi", f"{name}_en"] if name in TRANSLATED else [name]
    return result


def _attr_richtext_field(attribute):
    return SanitizedHTMLField(
        label=attribute.name, required=attribute.required, widget=forms.Textarea
    )


class ProductForm(CoreProductForm):
    """Oscar's product form with the OCOP label data and the selling cooperative.

    Staff choose the cooperative; a cooperative's own users never see the field: the
    view passes their cooperative in, so no hidden field can move a product elsewhere.
    """

    # Image and file attributes, which a cooperative fills in too, go through the safe
    # uploads like every other picture and document. The description and rich-text
    # attributes are HTML shown on the product page: they are stored cleaned to the
    # allow-list (marketplace.sanitize), whatever the editor sent.
    FIELD_FACTORIES = {
        **CoreProductForm.FIELD_FACTORIES,
        "image": lambda attribute: SafeImageField(
            label=attribute.name, required=attribute.required
        ),
        "file": lambda attribute: SafeDocumentField(
            label=attribute.name, required=attribute.required
        ),
        "richtext": _attr_richtext_field,
    }

    class Meta(CoreProductForm.Meta):
        fields = side_by_side([*CoreProductForm.Meta.fields, "cooperative", *OCOP_FIELDS])
        field_classes = {"description_vi": SanitizedHTMLField, "description_en": SanitizedHTMLField}

    def __init__(self, product_class, *args, cooperative=None, **kwargs):
        self.cooperative = cooperative
        super().__init__(product_class, *args, **kwargs)
        if "title_vi" in self.fields and not self.instance.is_child:
            # A product is named in Vietnamese first; English is optional.
            self.fields["title_vi"].required = True
        if "cooperative" in self.fields:
            if cooperative is not None:
                del self.fields["cooperative"]
            else:
                self.fields["cooperative"].required = True
                self.fields["cooperative"].queryset = Cooperative.objects.select_related("partner")

    def delete_non_child_fields(self):
        super().delete_non_child_fields()
        for name in ("description_vi", "description_en"):
            self.fields.pop(name, None)

    def save(self, *args, **kwargs):
        product = self.instance
        if self.cooperative is not None:
            product.cooperative = self.cooperative
        if product.cooperative_id and not product.origin_province_code:
            product.origin_province_code = product.cooperative.province_code
            product.origin_ward_code = product.cooperative.ward_code
        return super().save(*args, **kwargs)


class ProductImageForm(CoreProductImageForm):
    """Product pictures are decoded, size-checked and re-encoded before they are stored."""

    original = SafeImageField(label=CoreProductImageForm.base_fields["original"].label,
                              widget=ImageInput())  # fmt: skip


class CategoryForm(CoreCategoryForm):
    """Category names and descriptions in both languages; pictures are checked and
    re-encoded like product pictures."""

    image = SafeImageField(label=CoreCategoryForm.base_fields["image"].label, required=False)

    class Meta(CoreCategoryForm.Meta):
        fields = side_by_side(CoreCategoryForm.Meta.fields)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_vi"].required = True


class StockRecordForm(CoreStockRecordForm):
    """A cooperative stocks only its own partner (Oscar offers any ``user.partners``)."""

    def __init__(self, product_class, user, *args, **kwargs):
        super().__init__(product_class, user, *args, **kwargs)
        if not user.is_staff:
            self.fields["partner"].queryset = access.partners_for(user)
