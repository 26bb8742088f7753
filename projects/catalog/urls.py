from django.urls import path

from .views import operator, public

app_name = "catalog"
urlpatterns = [
    path("", public.index, name="index"),
    path("export.csv", public.export_csv, name="export_csv"),
    path("export.xlsx", public.export_xlsx, name="export_xlsx"),
    path("<int:pk>/", public.project, name="project"),
    path("organizations/", public.organizations, name="organizations"),
    path("organizations/<int:pk>/", public.organization, name="organization"),
    path("import/", operator.import_view, name="import"),
]
