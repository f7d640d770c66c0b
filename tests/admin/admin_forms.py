"""Turn an admin page's forms back into the POST data a browser would send."""

from django import forms


def _field_value(bound_field):
    value = bound_field.value()
    if bound_field.name == "tags":
        return bound_field.field.widget.format_value(value) or ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return "" if value is None else str(value)


def admin_form_data(response) -> dict:
    """The change form and every inline formset of an admin change (or history) page."""
    context = response.context
    all_forms = [context["adminform"].form]
    data = {}
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        all_forms.extend(formset.forms)
    for form in all_forms:
        for bound_field in form:
            if isinstance(bound_field.field, forms.BooleanField):
                if bound_field.value():
                    data[bound_field.html_name] = "on"
                continue
            data[bound_field.html_name] = _field_value(bound_field)
    return data
