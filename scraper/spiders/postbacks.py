"""The POSTs a page's ``__doPostBack`` pager links send, its form read once.

A pager naming every page number of a long list holds 2,000 postback links: reading the
page's form again for each (``form2request``: XPath over its inputs every time) cost
1.6 s of CPU on one such page. The form's fields are the same for every link but the
two the link sets, which form2request writes last: so the form is read once, with those
two empty, and each POST is that body with the link's two values written in (should
form2request ever write them elsewhere, each POST is its own again).
"""

from __future__ import annotations

from functools import cached_property
from urllib.parse import urlencode

from form2request import Request as FormPost
from form2request import form2request
from scrapy.http import TextResponse

# The fields a ``__doPostBack(target, argument)`` call fills in before it submits the form.
TARGET, ARGUMENT = "__EVENTTARGET", "__EVENTARGUMENT"


class PagerForm:
    """A page's first form, ready to post back any ``__doPostBack(target, argument)`` of the page."""

    def __init__(self, response: TextResponse) -> None:
        self.response = response

    def post(self, target: str, argument: str) -> FormPost:
        """The POST that ``__doPostBack(target, argument)`` sends: byte for byte form2request's.

        Raises ValueError when the page has no form, and as form2request does for a form it cannot post.
        """
        fields, blank = self._fields, self._blank
        if fields is None:
            return self._form2request(target, argument)
        body = fields + urlencode({TARGET: target, ARGUMENT: argument}).encode()
        return FormPost(url=blank.url, method=blank.method, headers=list(blank.headers), body=body)

    @cached_property
    def _blank(self) -> FormPost:
        return self._form2request("", "")

    @cached_property
    def _fields(self) -> bytes | None:
        """The body before the two fields a link sets; None if form2request wrote them elsewhere."""
        tail = urlencode({TARGET: "", ARGUMENT: ""}).encode()
        body = self._blank.body
        return body[: -len(tail)] if body.endswith(tail) else None

    def _form2request(self, target: str, argument: str) -> FormPost:
        form = self.response.xpath("(//form)[1]")
        if not form:
            raise ValueError("no form to post back")
        # DNN's form says multipart; ASP.NET reads the same fields urlencoded, as Scrapy's
        # FormRequest.from_response sent them before form2request replaced it.
        data = {TARGET: target, ARGUMENT: argument}
        return form2request(form, data, click=False, enctype="application/x-www-form-urlencoded")
