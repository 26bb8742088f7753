"""The home page, news and an about page, replacing Wagtail's placeholder welcome page."""

import datetime

from wagtail.models import Page, Site

from .models import HomePage, NewsIndexPage, NewsPage, SiteChrome, StandardPage

NEWS = [
    ("V益案启动：13个社区公益站征集居民金点子", "23场宣传活动走进广场和院落，收集有效居民提案300余条。"),
    ("德育创投路演：150名基层代表现场打分", "项目展示+现场打分+公开公示，共识在争论中形成，优秀在比选中产生。"),
    ("社创营结业：200名社工完成培训", "政府资金支持、社工人才培养、社创项目投放。"),
]


def seed(*, stdout) -> None:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="益创 · 社区治理创新中心",
            slug="yichuang",
            intro="居民提案、一户一票、公益创投、项目公开",
            body="<p>南岸区社区治理创新中心（社会组织孵化基地）：政府资金支持、社工人才培养、社创项目投放。</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.hostname = "localhost"
            site.port = 80
            site.save()
        else:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="益创")
        if old_root and old_root.pk != home.pk and not isinstance(old_root.specific, HomePage):
            old_root.delete()
    news_index = NewsIndexPage.objects.child_of(home).first()
    if news_index is None:
        news_index = NewsIndexPage(title="新闻动态", slug="news", intro="中心的最新消息")
        home.add_child(instance=news_index)
        news_index.save_revision().publish()
    for offset, (title, intro) in enumerate(NEWS):
        if not NewsPage.objects.filter(title=title).exists():
            item = NewsPage(
                title=title,
                slug=f"news-{offset + 1}",
                date=datetime.date(2026, 10, 1 + offset * 7),
                intro=intro,
                body=[("paragraph", f"<p>{intro}</p>")],
            )
            news_index.add_child(instance=item)
            item.save_revision().publish()
    if not StandardPage.objects.filter(slug="about").exists():
        about = StandardPage(
            title="关于我们",
            slug="about",
            intro="社区治理创新中心 / 社会组织孵化基地",
            body=[
                ("paragraph", "<p>以“三事分流”回应居民诉求，以“一户一票”形成社区共识。</p>"),
                ("quote", {"text": "共识在争论中形成，优秀在比选中产生", "source": ""}),
            ],
        )
        home.add_child(instance=about)
        about.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    chrome = SiteChrome.for_site(site)
    if len(chrome.navigation) < 3:
        # The parts' own index pages by URL (they live outside the page tree or come later).
        chrome.navigation = [
            ("link", {"label": "V益案", "page": None, "url": "/ideas/"}),
            ("link", {"label": "居民议事", "page": None, "url": "/ballots/"}),
            ("link", {"label": "公益创投", "page": None, "url": "/rounds/"}),
            ("link", {"label": "项目库", "page": None, "url": "/projects/"}),
            ("link", {"label": "培训营", "page": None, "url": "/training/"}),
            ("link", {"label": "新闻动态", "page": news_index, "url": ""}),
            ("link", {"label": "关于我们", "page": StandardPage.objects.get(slug="about"), "url": ""}),
        ]
        chrome.footer_text = "南岸区社区治理创新中心 · 一个入口、集中受理、分类处置、限时办结、回访评价"
        chrome.save()
    stdout.write(f"    home page #{home.pk}, {NewsPage.objects.count()} news items")
