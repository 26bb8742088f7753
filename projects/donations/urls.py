from django.urls import path

from . import views, views_operator

app_name = "donations"
urlpatterns = [
    path("", views.index, name="index"),
    path("projects/<int:pk>/", views.project_giving, name="project"),
    path("projects/<int:pk>/give/", views.give_project, name="give_project"),
    path("funds/<int:pk>/", views.fund_detail, name="fund"),
    path("funds/<int:pk>/give/", views.give_fund, name="give_fund"),
    path("gifts/<uuid:token>/pay/", views.pay, name="pay"),
    path("gifts/<uuid:token>/thanks/", views.thanks, name="thanks"),
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("ledger/", views_operator.ledger, name="ledger"),
    path("ledger.csv", views_operator.ledger_csv, name="ledger_csv"),
    path("ledger/donations/<int:pk>/", views_operator.donation_detail, name="donation_detail"),
    path("ledger/donations/<int:pk>/refund/", views_operator.donation_refund, name="donation_refund"),
    path("ledger/reconcile/", views_operator.reconciliation, name="reconcile"),
]
