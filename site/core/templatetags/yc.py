"""Filters used across templates: masking and money."""

from django import template

from core.masking import mask_name, mask_phone
from core.money import format_yuan

register = template.Library()

register.filter("mask_phone", mask_phone)
register.filter("mask_name", mask_name)
register.filter("yuan", format_yuan)


@register.filter
def percent(value, total):
    try:
        return round(100 * float(value) / float(total))
    except (TypeError, ValueError, ZeroDivisionError):
        return 0
