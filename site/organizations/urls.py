from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("", views.portal, name="portal"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/documents/new/", views.document_upload, name="document_upload"),
]
