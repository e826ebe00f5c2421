"""A pager's POSTs are read from the page's form once: each must be the POST form2request builds."""

import pytest
from form2request import form2request
from scrapy.http import HtmlResponse

from scraper.spiders.postbacks import PagerForm

PAGE = """<html><body>
<form method="post" action="/Default.aspx?tabid=622" id="Form" enctype="multipart/form-data">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTQ2OTkzNDMyMQ9kFgJmD2QWAg+a/b=c==" />
<input type="text" name="dnn$dnnSEARCH$txtSearch" value="Khoa học &amp; kỹ thuật" />
<input type="checkbox" name="kept" value="có" checked />
<input type="checkbox" name="unticked" value="không" />
<select name="dnn$ctr1$size"><option value="10">10</option><option value="20" selected>20</option></select>
<input type="submit" name="dnn$dnnSEARCH$cmdSearch" value="Tìm" />
<a href="javascript:__doPostBack('dnn$ctr1236$pager','Page$2')">2</a>
</form></body></html>"""

POSTS = [
    ("dnn$ctr1236$pager", "Page$2"),
    ("dnn$ctr1236$pager", "Page$2000"),
    ("dnn$ctr1236$lnkNext", ""),
    ("a target with spaces & ampersands", "Trang sau"),
]


def response(html: str) -> HtmlResponse:
    return HtmlResponse("http://127.0.0.1/Default.aspx?tabid=622", body=html.encode(), encoding="utf-8")


@pytest.mark.parametrize(("target", "argument"), POSTS)
def test_a_post_back_is_the_post_form2request_builds(target, argument):
    page = response(PAGE)
    expected = form2request(
        page.xpath("(//form)[1]"),
        {"__EVENTTARGET": target, "__EVENTARGUMENT": argument},
        click=False,
        enctype="application/x-www-form-urlencoded",
    )
    assert PagerForm(page).post(target, argument) == expected


def test_every_post_of_a_page_carries_its_own_link():
    form = PagerForm(response(PAGE))
    bodies = [form.post(target, argument).body for target, argument in POSTS]
    assert len(set(bodies)) == len(POSTS)
    assert b"__EVENTARGUMENT=Page%242000" in bodies[1]


def test_a_page_without_a_form_posts_nothing():
    with pytest.raises(ValueError, match="no form"):
        PagerForm(response("<html><body><a href=\"javascript:__doPostBack('x','Page$2')\">2</a></body></html>")).post(
            "x", "Page$2"
        )
