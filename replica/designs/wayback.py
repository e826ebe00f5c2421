# ruff: noqa: E501  (HTML templates read best one tag per line)
"""A Wayback Machine capture of a layout's pages, as web.archive.org replays them.

The archive's scripts and CSS in the head (``__wm.wombat(...)``), its toolbar at the top of
the body (``<!-- BEGIN WAYBACK TOOLBAR INSERT -->``, ``div#wm-ipp-base``, with capture dates,
"N captures" and month names), every link rewritten to ``/web/<timestamp>/https://…`` (images
``im_``, scripts ``js_``, stylesheets ``cs_``), and the archive's comment after ``</html>``.
The truth is the base layout's (original URLs, original image addresses) plus ``captured_at``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from replica.designs.copies import Copy, rewrite_urls, utc_stamp
from replica.designs.truth import Page

HOST = "https://web.archive.org"
MODIFIERS = {"img": "im_", "script": "js_", "stylesheet": "cs_"}
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


class Wayback(Copy):
    """``base``'s pages captured at ``captured`` (shown in the toolbar, the URLs and ``captured_at``)."""

    def address(self, page: Page) -> str:
        return f"{HOST}/web/{utc_stamp(self._when())}/{self.original(page)}"

    def _when(self) -> datetime:
        assert self.captured is not None
        return self.captured

    def rewrite(self, html: str, page: Page) -> str:
        stamp = utc_stamp(self._when())

        def archived(tag: str, _attribute: str, url: str) -> str:
            return f"/web/{stamp}{MODIFIERS.get(tag, '')}/{url}" if url.startswith("http") else url

        html = rewrite_urls(html, self.original(page), archived)
        html = re.sub(r"(<head\b[^>]*>)", lambda m: m[1] + self._head(page), html, count=1)
        html = re.sub(r"(<body\b[^>]*>)", lambda m: m[1] + "\n" + self._toolbar(page), html, count=1)
        return html + self._footer()

    def _head(self, page: Page) -> str:
        stamp = utc_stamp(self._when())
        epoch = int(self._when().timestamp())
        return f"""<script src="//archive.org/includes/athena.js" type="text/javascript"></script>
<script type="text/javascript">window.addEventListener('DOMContentLoaded',function(){{var v=archive_analytics.values;v.service='wb';v.server_name='wwwb-app223.us.archive.org';v.server_ms=389;archive_analytics.send_pageview({{}});}});</script>
<script type="text/javascript" src="/_static/js/bundle-playback.js?v=HxkREWBo" charset="utf-8"></script>
<script type="text/javascript" src="/_static/js/wombat.js?v=txqj7nKC" charset="utf-8"></script>
<script type="text/javascript">
  __wm.init("https://web.archive.org/web");
  __wm.wombat("{self.original(page)}","{stamp}","https://web.archive.org/","web","/_static/","{epoch}");
</script>
<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css?v=S1zqJCYt" />
<link rel="stylesheet" type="text/css" href="/_static/css/iconochive.css?v=3PDvdIFv" />
<!-- End Wayback Rewrite JS Include -->
"""

    def _toolbar(self, page: Page) -> str:
        when = self._when().astimezone(UTC)
        stamp = utc_stamp(when)
        return f"""<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="wm-ipp-inside">
<div id="wm-logo" style="float:left;width:110px;padding-top:12px;"><a href="/web/" title="Wayback Machine home page"><img src="/_static/images/toolbar/wayback-toolbar-logo-200.png" alt="Wayback Machine" style="width:100px" border="0" /></a></div>
<div class="c" style="float:left;">
<div class="u" style="white-space:nowrap;"><form target="_top" method="get" action="/web/submit" name="wmtb" id="wmtb"><input type="text" name="url" id="wmtbURL" value="{self.original(page)}" /><input type="submit" value="Go" /></form></div>
<div class="s" id="wm-nav-captures"><a class="t" href="/web/{stamp}*/{self.original(page)}" title="See a list of every capture for this URL">17 captures</a>
<div class="r" title="Timespan for captures of this URL">18 Jan 2023 - {when:%d %b %Y}</div></div>
<table class="n" cellpadding="0" cellspacing="0"><tr class="y"><td class="b"><a href="/web/{when.year - 1}0101000000*/{self.original(page)}">{when.year - 1}</a></td><td class="c">{when.year}</td><td class="f">{when.year + 1}</td></tr>
<tr class="m"><td class="b">{MONTHS[(when.month - 2) % 12]}</td><td class="c" id="displayMonthEl" title="You are here: {when:%H:%M:%S %b %d, %Y}">{MONTHS[when.month - 1]}</td><td class="f">{MONTHS[when.month % 12]}</td></tr>
<tr class="d"><td class="c" id="displayDayEl" title="You are here: {when:%H:%M:%S %b %d, %Y}">{when.day}</td></tr></table>
</div>
<div class="r" style="float:right;"><div id="wm-btns"><a href="https://archive.org/account/login.php" title="Sign In" id="wm-sign-in"><span class="iconochive-person"></span></a>
<a href="http://faq.web.archive.org/" title="Get some help using the Wayback Machine"><span class="iconochive-question"></span></a>
<a id="wm-tb-close" href="#close" title="Close the toolbar"><span class="iconochive-remove-circle"></span></a></div>
<div id="wm-share"><a id="wm-share-facebook" href="#" data-url="{HOST}/web/{stamp}/{self.original(page)}" title="Share on Facebook"><span class="iconochive-facebook"></span></a></div></div>
</div>
<div id="wm-capinfo" style="border-top:1px solid #777;display:none; overflow:hidden"><div id="wm-capinfo-collected-by">COLLECTED BY</div>
<div id="wm-capinfo-timestamps">TIMESTAMPS</div></div>
</div>
</div>
<div id="wm-ipp-print">The Wayback Machine - {HOST}/web/{stamp}/{self.original(page)}</div>
<script type="text/javascript">__wm.bt(700,27,25,2,"web","{self.original(page)}","{stamp}",1996,"/_static/",["/_static/css/banner-styles.css?v=S1zqJCYt","/_static/css/iconochive.css?v=3PDvdIFv"], false);</script>
<!-- END WAYBACK TOOLBAR INSERT -->
"""

    def _footer(self) -> str:
        when = self._when().astimezone(UTC)
        return f"""<!--
     FILE ARCHIVED ON {when:%H:%M:%S %b %d, %Y} AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 09:12:44 Nov 25, 2026.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.

     ALL OTHER CONTENT MAY ALSO BE PROTECTED BY COPYRIGHT (17 U.S.C.
     SECTION 108(a)(3)).
-->
<!--
playback timings (ms):
  captures_list: 0.74
  exclusion.robots: 0.031
  load_resource: 212.5
-->"""
