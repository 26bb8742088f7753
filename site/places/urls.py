from django.urls import path

from . import views

app_name = "places"
urlpatterns = [
    path("communities/", views.communities, name="communities"),
    path("communities/<int:pk>/households/", views.households, name="households"),
    path("households/<int:pk>/verify/", views.household_verify, name="household_verify"),
]
