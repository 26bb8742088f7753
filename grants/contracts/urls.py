from django.urls import path

from .views import party, public, staff

app_name = "contracts"
urlpatterns = [
    # public
    path("public/", public.public_index, name="public_index"),
    path("public/<int:pk>/", public.public_detail, name="public_detail"),
    # approval
    path("approvals/", staff.approvals, name="approvals"),
    path("approvals/approve/", staff.approve, name="approve"),
    path("awards/<int:pk>/assessment/", staff.assessment, name="assessment"),
    path("awards/<int:pk>/return/", staff.return_award, name="return"),
    path("awards/<int:pk>/contract/", staff.create, name="create"),
    # contracts
    path("", party.index, name="index"),
    path("<int:pk>/", party.detail, name="detail"),
    path("<int:pk>/edit/", staff.edit, name="edit"),
    path("<int:pk>/tranches/", staff.tranches, name="tranches"),
    path("<int:pk>/finalise/", staff.finalise, name="finalise"),
    path("<int:pk>/reopen/", staff.reopen, name="reopen"),
    path("<int:pk>/amend/", staff.amend, name="amend"),
    path("<int:pk>/sign/", party.sign, name="sign"),
    path("<int:pk>/signed-copy/", party.signed_copy, name="signed_copy"),
    path("<int:pk>/evaluation/", staff.evaluation, name="evaluation"),
    path("versions/<int:pk>.pdf", party.version_pdf, name="version_pdf"),
    # payments
    path("tranches/<int:pk>/approve/", staff.tranche_approve, name="tranche_approve"),
    path("tranches/<int:pk>/pay/", staff.tranche_pay, name="tranche_pay"),
    path("ledger/", staff.ledger, name="ledger"),
    path("recoveries/<int:pk>/settle/", staff.recovery_settle, name="recovery_settle"),
    # reports
    path("reports/<int:pk>/", party.report, name="report"),
    path("reports/<int:pk>/submit/", party.report_submit, name="report_submit"),
    path("reports/<int:pk>/files/", party.report_file, name="report_file"),
    path("reports/<int:pk>/review/", staff.report_review, name="report_review"),
    path("reports/<int:pk>/extend/", staff.report_extend, name="report_extend"),
]
