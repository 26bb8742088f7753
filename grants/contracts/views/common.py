"""What the views share: running a service and answering with a redirect or a clear refusal."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from ..services import ContractLocked


def refuse(request, error: ValidationError, *, back: str, status: int = 400):
    return render(request, "contracts/refused.html", {"errors": error.messages, "back": back}, status=status)


def act(request, action, *, success: str, back: str):
    """Run `action()`; 302 to `back` with a message, or 400/409 with the reasons."""
    try:
        action()
    except ContractLocked as error:
        return refuse(request, error, back=back, status=409)
    except ValidationError as error:
        return refuse(request, error, back=back)
    messages.success(request, success)
    return redirect(back)


def paginate(request, queryset, per_page: int = 60):
    from django.core.paginator import Paginator

    number = request.GET.get("page", "1")
    return Paginator(queryset, per_page).get_page(int(number) if number.isdigit() else 1)
