"""The current answer for a measure, in templates of any app: `{% exam_fee credential as fee %}`."""

from django import template

from guides import current

register = template.Library()


@register.simple_tag
def exam_fee(credential):
    return current.exam_fee(credential)


@register.simple_tag
def median_pay(occupation):
    return current.median_pay(occupation)
