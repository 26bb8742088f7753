"""Bench data for the catalog: `size` projects in all (1,000, then grown to 100,000), spread
over the demo streets, communities and organizations, themes, years and funding sources,
bulk-created in batches with their denormalised street and search text. Additive: counts the
bench projects already there and creates only the missing ones. A few get a timeline,
indicators and spending lines so the project page reads realistic rows."""

import datetime

BATCH = 5000
PREFIX = "bench-"
WORDS = [
    "长者食堂",
    "四点半课堂",
    "邻里互助",
    "垃圾分类",
    "楼道微更新",
    "社区读书会",
    "助残康复",
    "议事协商",
    "口袋公园",
    "时间银行",
    "青少年成长",
    "家风传承",
]


def generate(*, size, rng, stdout) -> None:
    from organizations.models import Organization
    from places.models import Community
    from projects.catalog.models import (
        FundingSource,
        Project,
        ProjectBudgetLine,
        ProjectCategory,
        ProjectIndicator,
        ProjectMilestone,
        ProjectSource,
        ProjectStatus,
        Theme,
    )

    have = Project.objects.filter(external_ref__startswith=PREFIX).count()
    total = Project.objects.count()
    missing = size - total
    if missing <= 0:
        stdout.write(f"    catalog: {total} projects present")
        return
    communities = list(Community.objects.select_related("street").order_by("id"))
    organizations = list(Organization.objects.order_by("id").values_list("id", "name")[:500])
    themes, funding, statuses, categories = (
        Theme.values,
        FundingSource.values,
        ProjectStatus.values,
        ProjectCategory.values,
    )
    created = 0
    while created < missing:
        batch = []
        for _ in range(min(BATCH, missing - created)):
            n = have + created + len(batch)
            community = communities[rng.randrange(len(communities))] if communities else None
            org_id, org_name = organizations[rng.randrange(len(organizations))] if organizations else (None, "")
            word = WORDS[rng.randrange(len(WORDS))]
            name = f"{community.name if community else ''}{word}项目{n}"
            summary = f"基准数据：{word}，服务居民。"
            batch.append(
                Project(
                    name=name,
                    summary=summary,
                    organization_id=org_id,
                    community=community,
                    street_id=community.street_id if community else None,
                    year=2019 + rng.randrange(8),
                    funding_source=funding[rng.randrange(len(funding))],
                    amount_fen=rng.randrange(3_000, 300_000) * 100,
                    status=statuses[rng.randrange(len(statuses))],
                    progress_pct=rng.randrange(101),
                    beneficiaries=rng.randrange(20, 2000),
                    theme=themes[rng.randrange(len(themes))],
                    category=categories[rng.randrange(len(categories))],
                    source=ProjectSource.IMPORTED,
                    external_ref=f"{PREFIX}{n}",
                    search_text=" ".join(
                        p
                        for p in [
                            name,
                            summary,
                            org_name,
                            community.name if community else "",
                            community.street.name if community else "",
                        ]
                        if p
                    ),
                )
            )
        Project.objects.bulk_create(batch, batch_size=BATCH)
        created += len(batch)
    if not ProjectMilestone.objects.filter(project__external_ref=f"{PREFIX}0").exists():
        first = list(Project.objects.filter(external_ref__startswith=PREFIX).order_by("id")[:20])
        start = datetime.date(2025, 3, 1)
        ProjectMilestone.objects.bulk_create(
            [
                ProjectMilestone(
                    project=p, date=start + datetime.timedelta(days=30 * k), title=f"阶段{k + 1}", done=k < 3
                )
                for p in first
                for k in range(6)
            ]
        )
        ProjectIndicator.objects.bulk_create(
            [
                ProjectIndicator(project=p, name=f"指标{k + 1}", unit="人次", target=100, actual=10 * k, order=k)
                for p in first
                for k in range(4)
            ]
        )
        ProjectBudgetLine.objects.bulk_create(
            [
                ProjectBudgetLine(project=p, item=f"预算科目{k + 1}", planned_fen=100_000, actual_fen=80_000, order=k)
                for p in first
                for k in range(6)
            ]
        )
    stdout.write(f"    catalog: +{created} projects ({Project.objects.count()} in all)")
