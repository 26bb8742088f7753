"""The contract template is a snippet operators edit in the CMS (Snippets → Contract templates)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ContractTemplate


class ContractTemplateViewSet(SnippetViewSet):
    model = ContractTemplate
    icon = "doc-full"
    list_display = ["name", "is_default", "number_pattern", "purchaser_name"]


register_snippet(ContractTemplateViewSet)
