"""The home page section listing rounds that accept applications now."""


def open_rounds_section(request) -> dict | None:
    from .selectors import open_rounds

    rounds = list(open_rounds()[:3])
    return {"rounds": rounds} if rounds else None
