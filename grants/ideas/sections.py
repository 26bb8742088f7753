"""The home-page section for the open V益案 call."""


def open_call_section(request) -> dict | None:
    from .selectors import open_calls

    call = open_calls().first()
    return {"call": call} if call else None
