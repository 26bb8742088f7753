from django import template

register = template.Library()

SYMBOLS = {"present": "✔", "late": "◐", "excused": "○", "absent": "✘"}


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def status_symbol(status):
    return SYMBOLS.get(status or "", "·")
