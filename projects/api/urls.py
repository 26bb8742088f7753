"""Mounted at /api/ by config.urls. No app_name here: django-ninja reverses its own
namespace ("api-v1") when it builds /api/v1/openapi.json, so it must be top-level."""

from django.urls import path

from .registry import build_api

api = build_api()
urlpatterns = [path("v1/", api.urls)]
