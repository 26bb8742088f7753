import factory

from projects.catalog.models import FundingSource, Project, ProjectStatus, Theme
from tests.factories import CommunityFactory, OrganizationFactory


class CatalogProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"社区为老服务项目{n}")
    community = factory.SubFactory(CommunityFactory)
    organization = factory.SubFactory(OrganizationFactory)
    year = 2024
    funding_source = FundingSource.VENTURE
    status = ProjectStatus.ACTIVE
    theme = Theme.ELDERLY
    amount_fen = 5_000_000
    beneficiaries = 120
    progress_pct = 40


def bulk_projects(n: int, *, community, organization, start: int = 0) -> None:
    """n projects in one bulk insert (no save(): street and search text set here)."""
    themes = Theme.values
    Project.objects.bulk_create(
        [
            Project(
                name=f"批量项目{start + i}",
                community=community,
                street_id=community.street_id,
                organization=organization,
                year=2019 + (i % 7),
                funding_source=FundingSource.values[i % 4],
                amount_fen=100_00 * (i % 500 + 1),
                status=ProjectStatus.values[i % 4],
                theme=themes[i % len(themes)],
                beneficiaries=i % 300,
                search_text=f"批量项目{start + i} {organization.name} {community.name}",
            )
            for i in range(n)
        ],
        batch_size=2000,
    )
