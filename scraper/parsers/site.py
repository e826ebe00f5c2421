"""What the portal's pages say, as data.

The parsers anchor on these labels and patterns, not on markup: the portal has
changed its design over the years and web-archive copies rewrite its links. A
redesign of the site means editing this table, not the parsers' logic.
Markup ids appear only as fast paths (``*_IDS``); every field also has a
text-anchored way in.
"""

from __future__ import annotations

import re

DEFAULT_START_URL = "https://lavusta.longan.gov.vn/"

# Parameters that page a list; every other parameter is dropped from list URLs,
# which keeps session ids, print views and calendars from opening an endless space.
PAGING_PARAM = re.compile(r"^(page|pageindex|pagenum|currentpage|trang|p)$", re.IGNORECASE)

# Pager links worth posting back: a page number, or words that move through a list.
PAGER_TEXT = re.compile(
    r"^(\d+|[«»<>]+|\.\.\.|Trang\s+(sau|trước|tiếp|kế|đầu|cuối).*|(Tiếp|Sau|Trước|Đầu|Cuối)\b.*"
    r"|Next.*|Prev.*|First|Last)$",
    re.IGNORECASE,
)
PAGER_ARGUMENT = re.compile(r"^(Page\$)?\d+$", re.IGNORECASE)

# Visit counter and the "Người dùng Online" (UsersOnline) widget. The look-ahead holds the labels' first
# letters: a case-insensitive pattern has no prefix the engine can skip to, so it is tried at every
# character of a line (a body line that says "truy"), and one class turns most away sooner than three words.
VISITS_LABEL = re.compile(r"(?=[lt])(?:lượt\s+truy\s+cập|Thống\s+kê\s+truy\s+cập|Tổng\s+truy\s+cập)", re.IGNORECASE)
VISITS_NUMBER = re.compile(r"^\s*[:\-]?\s*(\d{1,3}(?:[.,\s]\d{3})+|\d+)\b")
# A widget count written as text: "1.234.567", "1,234,567", "1 234 567" or plain digits.
COUNT = r"(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)"
_ONLINE_NOW = r"Đang\s+online|Đang\s+truy\s+cập|Đang\s+trực\s+tuyến"
ONLINE_LABELS = {
    "online_guests": re.compile(rf"Khách\s*:\s*{COUNT}(?![\d.,])", re.IGNORECASE),
    "online_members": re.compile(rf"Thành\s+Viên\s*:\s*{COUNT}(?![\d.,])", re.IGNORECASE),
    "online_total": re.compile(rf"(?:Tổng\s+Cộng\s*:|(?:{_ONLINE_NOW})\s*:?)\s*{COUNT}(?![\d.,])", re.IGNORECASE),
}
ONLINE_IDS = {
    "online_guests": "lblGuestCount",
    "online_members": "lblMemberCount",
    "online_total": "lblTotalCount",
}
# Counts by their labels, each on a short line of its own or in a table cell beside its number.
_TOTAL_VISITS = r"Tổng\s+(?:số\s+)?lượt\s+truy\s+cập|Số\s+lượt\s+truy\s+cập|Lượt\s+truy\s+cập|Tất\s+cả"
PERIOD_LABELS = {
    "visits": re.compile(rf"^(?:{_TOTAL_VISITS})$", re.IGNORECASE),
    "visits_today": re.compile(r"^(?:Hôm\s+nay|(?:Lượt\s+)?truy\s+cập\s+hôm\s+nay)$", re.IGNORECASE),
    "visits_yesterday": re.compile(r"^(?:Hôm\s+qua|(?:Lượt\s+)?truy\s+cập\s+hôm\s+qua)$", re.IGNORECASE),
    "visits_week": re.compile(r"^(?:Trong\s+tuần|Tuần\s+này|Tuần\s+qua)$", re.IGNORECASE),
    "visits_month": re.compile(r"^(?:Trong\s+tháng|Tháng\s+này|Tháng\s+qua)$", re.IGNORECASE),
    # Users online written as a table of label and count cells ("Khách" | "3").
    "online_guests": re.compile(r"^Khách$", re.IGNORECASE),
    "online_members": re.compile(r"^Thành\s+viên$", re.IGNORECASE),
    "online_total": re.compile(rf"^(?:{_ONLINE_NOW}|Tổng\s+cộng)$", re.IGNORECASE),
}
# How a period label starts: lines that start otherwise are passed over with one cheap match.
PERIOD_HINT = re.compile(r"\s*(?:Hôm|Trong|Tuần|Tháng|Tất|Tổng|Số|Lượt|Truy|Khách|Thành|Đang)\b", re.IGNORECASE)
# "Hôm nay: 1.234", "Hôm nay 1.234": a label, then only a count.
LABELLED_COUNT = re.compile(rf"^\s*(?P<label>[^\d:]+?)\s*:?\s*{COUNT}\s*$")
DIGIT_IMAGE = re.compile(r"(?:^|[/_\-])(\d)\.(?:gif|png|jpe?g|bmp|svg)$", re.IGNORECASE)

# Title line: the title with the publication date stuck to its end. Written for the regex engine,
# matching what "^(?P<title>.*?\S)" followed by the date would (the same title, the shortest): the
# date's part can only start at a space, a dash, a bracket or a digit, so the title grows a
# character and the run up to the next of those at a time instead of one character at a time;
# "(?<=\S)" keeps its last character not a space. "*+", "++", "?+" (possessive: never given
# back) stand where giving back could not help, as before a digit or the line's end.
TITLE_WITH_DATE = re.compile(
    r"^(?P<title>(?:.[^\s\d\-–—(\[]*+)+?)(?<=\S)"
    r"\s*+[-–—(\[]?+\s*+(?P<date>\d{1,2}+/\d{1,2}+/\d{2,4}+)\s*+[)\]]?+\s*+$"
)
# A line that holds only a date, as older designs print it beside the title. Possessive where
# giving back could not help (spaces before a digit, a year before a space or the end): a
# line with more after its date then fails at once, not after every way to share its spaces.
DATE_ONLY = re.compile(
    r"^\s*+(?:(?:Cập\s+nhật|Ngày\s+đăng|Ngày\s+cập\s+nhật|Đăng\s+ngày|Ngày)\s*+:?+\s*+)?"
    r"[(\[]?+\s*+(?P<date>\d{1,2}+/\d{1,2}+/\d{2,4}+)(?:\s++\d{1,2}+:\d{2}(?::\d{2})?+)?+\s*+[)\]]?+\s*+$",
    re.IGNORECASE,
)
MIN_TITLE_CHARS = 8
# A labelled metadata line: "Ngày đăng: Thứ hai, 25/12/2023 - 08:15", "(25/12/2023)", "Cập nhật: 2023-12-25".
# Publication labels outrank update labels; an unlabelled line needs a title beside it.
PUBLISH_LABELS = r"Ngày\s+đăng|Đăng\s+ngày|Ngày\s+đăng\s+tin|Đăng\s+lúc|Ngày\s+xuất\s+bản|Xuất\s+bản|Thời\s+gian|Ngày"
UPDATE_LABELS = r"Ngày\s+cập\s+nhật|Cập\s+nhật\s+lúc|Cập\s+nhật|Sửa\s+đổi\s+lần\s+cuối"
# The date patterns below are possessive ("*+", "++", "?+": never given back) wherever giving back
# could not help: spaces, a colon or a bracket before a word or a digit, a day before its "/",
# a weekday before its date, and all that follows META_DATE's date (which must reach the line's
# end and captures nothing). On a metadata line with more after its date ("Đăng ngày 19/12/2023 |
# 16:05  2.650 lượt xem") the engine tried every way to share the spaces among the optional parts
# before it failed. What may still be given back: the labels ("Ngày đăng" before "Ngày đăng tin"),
# the year before a time stuck to it ("1/1/2023:15" is year 202 and 3:15), "CH" (PM) before
# "Chủ nhật" ("08:15 Chủ nhật, 25/12/2023"), and the ISO form, whose zone may be a dash and a time.
_WEEKDAY = r"(?:Thứ\s++(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|Chủ\s++nhật|CN)\s*+,?+\s*+"
_TIME = r"(?:lúc\s*+)?+\d{1,2}+(?::|h)\d{2}(?::\d{2})?+(?:\s*+(?:AM|PM|SA|CH))?"
META_DATE = re.compile(
    rf"^\s*+(?:(?P<label>{UPDATE_LABELS}|{PUBLISH_LABELS})\s*+:?+\s*+)?[(\[]?+\s*+(?:{_TIME}\s*+[-,|]?+\s*+)?"
    rf"(?:{_WEEKDAY})?+"
    r"(?P<date>\d{1,2}+([/.-])\d{1,2}+\3\d{2,4}|\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)"
    rf"(?:\s*+[-,|]?+\s*+{_TIME})?+(?:\s*+\(?+GMT[+-]\d{{1,2}}+\)?+)?+\s*+[)\]]?+\s*+$",
    re.IGNORECASE,
)
# A labelled date inside a longer metadata line: "Ngày đăng: Thứ ba, 26/12/2023 - 08:15 Lượt xem: 245".
# Possessive as META_DATE's start; the year too, as a digit after it fails the look-ahead.
LABELLED_DATE = re.compile(
    rf"(?<!\w)(?P<label>{UPDATE_LABELS}|{PUBLISH_LABELS})\s*+:\s*+[(\[]?+\s*+(?:{_TIME}\s*+[-,|]?+\s*+)?"
    rf"(?:{_WEEKDAY})?+"
    r"(?P<date>\d{1,2}+([/.-])\d{1,2}+\3\d{2,4}+|\d{4}-\d{2}-\d{2})(?![\d/.-]*\d)"
    rf"(?:\s*[-,|]?\s*{_TIME})?",
    re.IGNORECASE,
)
# The publication time standing alone once a metadata line is split: "Đăng ngày 14/01/2019 | 07:30".
TIME_ONLY = re.compile(rf"^\s*{_TIME}\s*$", re.IGNORECASE)
UPDATE_LABEL = re.compile(rf"^(?:{UPDATE_LABELS})$", re.IGNORECASE)
# Segments of a metadata line: "Ngày đăng: 25/12/2023 | Lượt xem: 120 | Tác giả: Minh Anh".
# As "\s+[|·•]\s+|\s{3,}", begun with the space both alternatives start with: the engine then skips to
# spaces instead of trying both alternatives at every character; the look-ahead (a second space or a
# bar) turns away the single space between two words before either alternative is tried.
META_SEPARATORS = re.compile(r"\s(?=[\s|·•])(?:\s*[|·•]\s+|\s{2,})")
# A breadcrumb trail: "Trang chủ » Tin tức » Hoạt động", or markup that says it is one.
# ("|" is no trail separator: menus are written "Trang chủ | Giới thiệu | Liên hệ".)
BREADCRUMB_LINE = re.compile(r"^\s*(?:Trang\s+chủ|Trang\s+nhất|Home)\s*[»>›/]", re.IGNORECASE)
BREADCRUMB_SEPARATORS = re.compile(r"\s*[»>›/]\s*")
BREADCRUMB_MARKUP = re.compile(r"breadcrumb|duong-?dan|navpath", re.IGNORECASE)
# A category stated as a label: "Chuyên mục: Hoạt động".
CATEGORY_LABEL = re.compile(r"^\s*(?:Chuyên\s+mục|Danh\s+mục|Lĩnh\s+vực)\s*:\s*(?P<category>.{1,80})$", re.IGNORECASE)
HOME_WORDS = re.compile(r"^(?:Trang\s+chủ|Trang\s+nhất|Home)$", re.IGNORECASE)

# Where the body stops: attached files, the other-news list and the page furniture after it.
RELATED_WORDS = (
    r"Các\s+tin\s+khác|Các\s+bài\s+khác|Bài\s+viết\s+khác|Tin\s+bài\s+khác|Bài\s+liên\s+quan|Xem\s+thêm"
    r"|Tin\s+khác|Các\s+tin\s+đã\s+đưa|Tin\s+liên\s+quan|Tin\s+cùng\s+chuyên\s+mục"
)
ATTACHMENT_WORDS = r"(?:File|Tệp|Tập\s+tin|Tài\s+liệu)\s+đính\s+kèm"
FOOTER_WORDS = r"Bản\s+quyền|Copyright|©"
RELATED_LABEL = re.compile(rf"^\s*({RELATED_WORDS})\s*:?", re.IGNORECASE)
ATTACHMENT_LABEL = re.compile(rf"^\s*{ATTACHMENT_WORDS}\s*:?", re.IGNORECASE)
# The page footer: nothing after it belongs to a page's own text.
FOOTER = re.compile(rf"^\s*({FOOTER_WORDS})", re.IGNORECASE)
BODY_END = re.compile(
    rf"^\s*({ATTACHMENT_WORDS}|{RELATED_WORDS}|{FOOTER_WORDS}|Số\s+lượt\s+truy\s+cập|Người\s+dùng\s+Online)",
    re.IGNORECASE,
)
# Page tools and sharing buttons: a short line made of nothing else is furniture, never body
# ("In" alone is the print button beside "Chia sẻ: Facebook Zalo"; "Đóng" closes a print view).
TOOL_WORDS = re.compile(
    r"Trở\s+về|Quay\s+lại|Về\s+đầu\s+trang|Đầu\s+trang|In\s+bài\s+viết|In\s+bài|In\s+trang|Bản\s+in|Gửi\s+bài"
    r"|Gửi\s+e-?mail|Gửi\s+cho\s+bạn\s+bè|E-?mail|Chia\s+sẻ|Share|Facebook|Zalo|Twitter|Tweet|Like|Thích|Bình\s+luận"
    r"|Lưu\s+bài|Lưu\s+tin|Print|Top|(?<!\w)In(?!\w)|Đóng\s+cửa\s+sổ|(?<!\w)Đóng(?!\w)|(?:Lượt\s+xem|Lượt\s+đọc|Số\s+lượt\s+xem|Số\s+lần\s+xem|Đã\s+xem)\s*:?\s*[\d.,]*",
    re.IGNORECASE,
)
TOOLS_LINE_CHARS = 120
# A tools line starts with a tool (after brackets or bars): lines that start otherwise are no tools.
TOOL_START = re.compile(rf"[\s|·•:/\-–\[\]()]*(?:{TOOL_WORDS.pattern})", re.IGNORECASE)
# A per-article view count: "Lượt xem: 1.234", "Số lần xem: 56", "1.234 lượt xem". The look-ahead
# holds the first characters of both forms, as in VISITS_LABEL.
VIEWS = re.compile(
    r"(?=[lsđ\d])(?:(?:Lượt\s+xem|Lượt\s+đọc|Số\s+lượt\s+xem|Số\s+lần\s+xem|Đã\s+xem)\s*:?\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?![\d.,]*\d)"
    r"|(?<![\d:.,])(\d{1,3}(?:[.,]\d{3})+|\d+)\s+lượt\s+xem(?!\s*:?\s*\d))",
    re.IGNORECASE,
)
# Links that share a page on social networks: their buttons are furniture.
SHARE_LINK = re.compile(
    r"facebook\.com/sharer|twitter\.com/(?:intent|share)|zalo\.me|sp\.zalo|addthis|linkedin\.com/share"
    r"|mailto:\?|^javascript:\s*(?:window\.)?print",
    re.IGNORECASE,
)

# The byline, the last line of the body: who wrote it, or where it came from.
_ROLE = r"(?:Bài\s+viết|Bài|Tin|Ảnh|Video|Thực\s+hiện|Tác\s+giả|Người\s+viết|Phóng\s+viên|Nhóm\s+PV|PV|CTV)"
BYLINE = re.compile(
    rf"^\s*(?P<label>{_ROLE}(?:\s*(?:,|và|-|&|/)\s*{_ROLE})*)\s*:\s*(?P<who>.{{1,80}})$",
    re.IGNORECASE,
)
# One role's credit inside a byline with several: "Bài: T.T.B; Ảnh: L.V.H", "Bài: A - Ảnh: B".
BYLINE_PARTS = re.compile(rf"\s*[;|]\s*|\s+[-–]\s+(?={_ROLE}\s*:)", re.IGNORECASE)
# Names in a credit are separated by commas, "và" (and), "&" or a dash.
NAME_SEPARATORS = re.compile(r"\s*(?:,|&|\s[-–]\s|\svà\s)\s*")
# A source, never an author: "Nguồn: Báo Long An", "Theo vusta.vn", "(Theo TTXVN)".
SOURCE_LINE = re.compile(
    r"^\s*\(?\s*(?:Nguồn(?:\s+tin)?\s*:|Theo\s+(?=\S))\s*(?P<source>[^,]{1,80}?)\s*\)?\.?\s*$", re.IGNORECASE
)
SOURCE_MAX_WORDS = 10
# A name standing alone as the body's last line is short: "P.T.Thủy", "Minh Anh".
NAME_ALONE_CHARS = 40
# Markup that names an author's element after the body: class="author", itemprop="author", ...
AUTHOR_MARKUP = re.compile(r"author|byline|tac-?gia|tacgia|nguoi-?viet", re.IGNORECASE)

# Header clock: DNN's current-date skin object, "Thứ Năm,18/04/2024 13:32", also
# "Thứ Năm, ngày 05/09/2024 10:04" and "Thứ Ba, 11/03/2025 | Cập nhật lúc 14:27".
CLOCK_HINT = re.compile(
    r"(Thứ\s+\w+|Chủ\s+Nhật)\s*,\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}(?:\s+|\s*\|\s*)(?:cập\s+nhật\s+)?(?:lúc\s+)?\d{1,2}:\d{2}",
    re.IGNORECASE,
)
# Any header date: older designs print "Thứ Năm, 14/03/2019" without a time.
HEADER_DATE = re.compile(r"(Thứ\s+\w+|Chủ\s+Nhật)\s*,\s*\d{1,2}/\d{1,2}/\d{4}", re.IGNORECASE)

# A removed article: DNN answers 200 with this text.
NOT_FOUND = re.compile(r"Tin\s+không\s+tồn\s+tại|Không\s+tìm\s+thấy\s+tin", re.IGNORECASE)
# What every notice NOT_FOUND finds holds, lower-cased; kept in step with it. No letter here has a
# case-insensitive twin (as "i" has "ı"), so a fast case-sensitive scan of the lower-cased text
# rules the notice out before the regex scans the text (see ``scan``).
NOT_FOUND_HINT = re.compile(r"không\s+(?:tồn\s+tạ|tìm\s+thấy)")

# Markup fast paths (DotNetNuke).
MODULE_TITLE_XPATH = "//span[contains(@id, 'dnnTITLE_lblTitle')]"

# Files an article may link ("File đính kèm"); never parsed as pages.
ATTACHMENT_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|txt|rtf)$", re.IGNORECASE)
NON_PAGE_EXT = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|txt|rtf|jpe?g|png|gif|bmp|svg|ico|webp|css|js"
    r"|mp3|mp4|avi|wmv|flv|swf|xml|rss)$",
    re.IGNORECASE,
)

# Web-archive copies: the Wayback Machine's toolbar and its rewritten URLs.
WAYBACK_URL = re.compile(r"^(?:https?://(?:web\.)?archive\.org)?/web/(?P<ts>\d{1,14})(?:[a-z]{2}_)?/(?P<url>.+)$")
# archive.today (archive.ph, .is, .li, .md, .vn, .fo) rewrites links as ``https://archive.ph/o/<id>/<original>``.
ARCHIVE_TODAY_HOST = re.compile(r"^archive\.(?:ph|today|is|li|md|vn|fo)$", re.IGNORECASE)
ARCHIVE_TODAY_PATH = re.compile(r"^/o/[A-Za-z0-9]+/(?P<url>https?:/.+)$", re.IGNORECASE)
# Its header: "Saved from [original URL]" over the capture time "05 Sep 2024 03:04:22 UTC".
ARCHIVE_TODAY_TIME = re.compile(
    r"\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* (\d{4}) (\d{2}):(\d{2}):(\d{2}) UTC"
)
# A page a browser saved ("Save page as") names its address in a comment before <html>.
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
# The folder "Save page as, complete" puts a page's images in, beside the page: "./Bai viet_files/a.jpg".
SAVED_FILES = re.compile(r"^(?:\./)?[^/:?#]+_files/")
WAYBACK_TOOLBAR_IDS = ("wm-ipp-base", "wm-ipp", "wm-ipp-print", "donato", "wm-capinfo")
