"""Demo data: the 356 historical projects of the documents (2019-2025), imported from
demo_data/projects_2019_2025.csv through the same importer operators use; the database page;
and a timeline, indicators and spending for a few recent projects. Idempotent.

`python -m projects.catalog.demo` (with Django set up) regenerates the CSV deterministically.
"""

import datetime
import random
from pathlib import Path

CSV_PATH = Path(__file__).parent / "demo_data" / "projects_2019_2025.csv"
PER_YEAR = {2019: 32, 2020: 38, 2021: 45, 2022: 52, 2023: 58, 2024: 62, 2025: 69}  # 356

STREETS = {
    "南坪街道": ["南坪东路社区", "阳光社区", "江南社区", "后堡社区", "福利社社区", "响水路社区", "工贸社区"],
    "花园路街道": ["花园路社区", "土庙子社区", "长江村社区", "四公里社区", "白鹤社区", "金竹社区"],
}
ORGANIZATIONS = {
    "为老服务": ["南岸区乐龄为老服务中心", "南岸区益心社会工作服务中心", "南岸区暖心公益基金会"],
    "青少年": ["南岸区青禾青少年发展中心", "南岸区德润家庭教育服务中心", "南岸区书香社区阅读会"],
    "邻里互助": ["南岸区阳光邻里互助协会", "南岸区江南志愿者协会", "南岸区花园路居民议事会"],
    "环境治理": ["南岸区绿色家园环保协会", "南岸区善治社区发展中心"],
    "文化": ["南岸区书香社区阅读会", "南岸区德润家庭教育服务中心"],
    "残障": ["南岸区同心助残服务社", "南岸区益心社会工作服务中心"],
    "社区治理": ["南岸区善治社区发展中心", "南岸区和美调解服务中心", "南岸区花园路居民议事会"],
}
NAMES = {
    "为老服务": [
        "长者食堂助餐服务",
        "独居老人关爱探访",
        "银龄互助时间银行",
        "老年智能手机课堂",
        "失能老人喘息服务",
        "社区嵌入式养老驿站",
        "老友记健康自管小组",
    ],
    "青少年": ["四点半课堂", "暑期托管成长营", "青少年心理成长小组", "亲子自然探索", "小小议事员", "困境儿童陪伴计划"],
    "邻里互助": ["邻里守望互助队", "楼栋长能力提升", "邻里节与共享客厅", "院落自治互助会", "新市民融入计划"],
    "环境治理": ["垃圾分类绿色家园", "楼道微更新", "口袋公园共建", "老旧院落环境整治", "社区花园营造"],
    "文化": ["社区读书会", "非遗传承工作坊", "社区文艺队培育", "家风家训传承", "社区历史记忆馆"],
    "残障": ["助残康复小站", "残障人士就业支持", "融合艺术工作坊", "无障碍环境倡导"],
    "社区治理": ["三事分流议事协商", "居民议事会培育", "矛盾纠纷调解室", "网格志愿服务队", "社区规划师进院落"],
}
CATEGORY = {
    "为老服务": "服务类",
    "青少年": "服务类",
    "邻里互助": "治理类",
    "环境治理": "微更新",
    "文化": "服务类",
    "残障": "服务类",
    "社区治理": "治理类",
}
FUNDING = [("政府购买", 40), ("公益创投", 35), ("社区基金", 15), ("捐赠", 10)]
AMOUNT = {
    "政府购买": (80_000, 300_000),
    "公益创投": (10_000, 100_000),
    "社区基金": (3_000, 30_000),
    "捐赠": (5_000, 50_000),
}
HEADER = [
    "编号",
    "项目名称",
    "实施机构",
    "街道",
    "社区",
    "领域",
    "类别",
    "年度",
    "资金来源",
    "金额（元）",
    "状态",
    "进度（%）",
    "受益人数",
    "简介",
]


def generate_rows() -> list[list[str]]:
    rng = random.Random(356)
    places = [(street, community) for street, communities in STREETS.items() for community in communities]
    themes = list(NAMES)
    funding = [name for name, weight in FUNDING for _ in range(weight)]
    rows = []
    for year, count in PER_YEAR.items():
        for n in range(1, count + 1):
            theme = themes[(n * 3 + year) % len(themes)] if rng.random() < 0.7 else rng.choice(themes)
            street, community = rng.choice(places)
            base = rng.choice(NAMES[theme])
            source = rng.choice(funding)
            low, high = AMOUNT[source]
            amount = rng.randrange(low, high, 500)
            if year < 2025:
                status, progress = ("已完成", 100) if rng.random() < 0.95 else ("中止", rng.randrange(20, 80))
            else:
                status = rng.choice(["实施中", "实施中", "实施中", "计划中"])
                progress = rng.randrange(10, 90) if status == "实施中" else 0
            beneficiaries = rng.randrange(30, 1500)
            rows.append(
                [
                    f"{year}-{n:03d}",
                    f"{community}{base}",
                    rng.choice(ORGANIZATIONS[theme]),
                    street,
                    community,
                    theme,
                    CATEGORY[theme],
                    str(year),
                    source,
                    f"{amount}",
                    status,
                    str(progress),
                    str(beneficiaries),
                    f"{year}年在{street}{community}开展的{theme}项目：{base}，服务居民约{beneficiaries}人次。",
                ]
            )
    return rows


def write_csv(path: Path = CSV_PATH) -> None:
    import csv

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(generate_rows())


def _page(stdout) -> None:
    from cms.models import HomePage

    from .models import ProjectIndexPage

    home = HomePage.objects.first()
    if home is None or ProjectIndexPage.objects.exists():
        return
    page = ProjectIndexPage(
        title="项目库",
        slug="project-database",
        intro="<p>2019年以来，南岸区通过政府购买服务、公益创投、社区基金和慈善捐赠支持的社区项目。"
        "可按街道、社区、领域、年度、资金来源筛选，筛选结果可分享、可下载。</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    stdout.write("    project database page published")


def _details() -> None:
    from .models import Project, ProjectBudgetLine, ProjectIndicator, ProjectMilestone

    recent = list(Project.objects.filter(year=2025, external_ref__isnull=False).order_by("external_ref")[:12])
    for project in recent:
        if project.milestones.exists():
            continue
        start = datetime.date(2025, 3, 1)
        steps = [("项目启动会", 0), ("需求调研完成", 30), ("第一期服务", 90), ("中期评估", 150), ("结项评估", 280)]
        ProjectMilestone.objects.bulk_create(
            [
                ProjectMilestone(
                    project=project,
                    date=start + datetime.timedelta(days=days),
                    title=title,
                    done=days <= project.progress_pct * 3,
                )
                for title, days in steps
            ]
        )
        ProjectIndicator.objects.bulk_create(
            [
                ProjectIndicator(
                    project=project,
                    name="服务人次",
                    unit="人次",
                    target=project.beneficiaries,
                    actual=project.beneficiaries * project.progress_pct // 100,
                    order=1,
                ),
                ProjectIndicator(
                    project=project,
                    name="开展活动",
                    unit="场",
                    target=24,
                    actual=24 * project.progress_pct // 100,
                    order=2,
                ),
            ]
        )
        total = project.amount_fen
        ProjectBudgetLine.objects.bulk_create(
            [
                ProjectBudgetLine(
                    project=project,
                    item=item,
                    planned_fen=total * share // 100,
                    actual_fen=total * share // 100 * project.progress_pct // 100,
                    order=i,
                )
                for i, (item, share) in enumerate(
                    [("活动物资", 40), ("专业服务费", 35), ("宣传与印刷", 10), ("管理费用", 15)]
                )
            ]
        )


def seed(*, stdout) -> None:
    from django.core.files import File

    from .imports import import_projects

    with CSV_PATH.open("rb") as handle:
        report = import_projects(File(handle, name=CSV_PATH.name), dry_run=False)
    if not report.ok:
        for error in report.errors[:20]:
            stdout.write(f"    catalog import: row {error.row} [{error.column}] {error.message}")
    else:
        stdout.write(f"    {report.created} historical projects imported ({report.skipped} already present)")
    _details()
    _page(stdout)


if __name__ == "__main__":  # pragma: no cover
    write_csv()
