from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from ..models import Application, Round


def get_round(request=None, pk=None, **kwargs):
    return get_object_or_404(Round, pk=pk)


def get_application(pk):
    return get_object_or_404(Application.objects.select_related("round", "organization"), pk=pk)


def report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)
