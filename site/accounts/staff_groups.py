"""Wagtail admin permissions for the staff groups, kept in step with the models after every migrate.

Centre operators run the CMS and the platform's records: every permission on the project's
own apps, all page permissions from the root, images and documents, site settings.
Bureau officers read everything in the admin (their decisions are made in the app's views).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

PROJECT_APP_PREFIXES = ("places", "organizations", "accounts", "cms", "grants.", "projects.", "training.")
READ_ONLY_MODELS = {"auditevent"}
PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "delete_page",
    "bulk_delete_page",
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", ["add_image", "change_image", "choose_image", "delete_image"]),
    ("wagtaildocs", ["add_document", "change_document", "choose_document", "delete_document"]),
]


def _project_labels() -> list[str]:
    return [
        c.label
        for c in apps.get_app_configs()
        if c.name.startswith(PROJECT_APP_PREFIXES) or c.name in PROJECT_APP_PREFIXES
    ]


def sync_staff_group_permissions(**kwargs) -> None:
    # The groups are part of the schema's contract (roles add users to them): a flushed
    # database (post_migrate runs after `flush` too) gets them back.
    operators = Group.objects.get_or_create(name="Centre operators")[0]
    bureau = Group.objects.get_or_create(name="Bureau officers")[0]
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    labels = [*_project_labels(), "audit", "wagtailredirects", "wagtailforms"]
    own = Permission.objects.filter(content_type__app_label__in=labels)
    writable = own.exclude(Q(content_type__model__in=READ_ONLY_MODELS) & ~Q(codename__startswith="view_"))
    access_admin = Permission.objects.filter(codename="access_admin")
    operators.permissions.add(*writable, *access_admin)
    bureau.permissions.add(*own.filter(codename__startswith="view_"), *access_admin)

    root = Page.get_first_root_node()
    if root is not None:
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
            if permission:
                GroupPagePermission.objects.get_or_create(group=operators, page=root, permission=permission)
    collection = Collection.get_first_root_node()
    if collection is not None:
        for app_label, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=operators, collection=collection, permission=permission
                    )
