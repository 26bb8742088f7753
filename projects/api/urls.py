from django.urls import path

from .registry import build_api

app_name = "api"
api = build_api()
urlpatterns = [path("v1/", api.urls)]
