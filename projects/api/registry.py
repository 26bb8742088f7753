"""The open-data API (/api/v1/): one NinjaAPI assembled from the routers each app registers.

Apps call `register_router("rounds", router)` from AppConfig.ready(); `projects.api.urls`
builds the API once. Every router is read-only and returns public fields only.
"""

from ninja import NinjaAPI, Router

_ROUTERS: dict[str, Router] = {}


def register_router(prefix: str, router: Router) -> None:
    _ROUTERS["/" + prefix.strip("/")] = router


def routers() -> list[tuple[str, Router]]:
    return sorted(_ROUTERS.items())


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="Yichuang open data",
        version="1",
        description="Public, read-only data of the Yichuang platform. No personal data.",
        urls_namespace="api-v1",
        openapi_url="/openapi.json",
        docs_url="/docs",
    )
    for prefix, router in routers():
        api.add_router(prefix, router)
    return api
