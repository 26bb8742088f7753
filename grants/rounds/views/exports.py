from django.http import Http404, HttpResponse

from accounts.access import access, access_staff

from ..exports import KINDS, as_csv, as_xlsx, table
from .common import get_round

TYPES = {
    "csv": ("text/csv; charset=utf-8", as_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", as_xlsx),
}


@access(access_staff)
def export(request, pk, kind, fmt):
    round = get_round(pk=pk)
    if kind not in KINDS or fmt not in TYPES:
        raise Http404
    content_type, render = TYPES[fmt]
    response = HttpResponse(render(*table(kind, round)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="round-{round.pk}-{kind}.{fmt}"'
    return response
