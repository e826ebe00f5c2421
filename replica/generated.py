"""Many more articles, written from sentence pools, for benchmarks at the size of a real archive.

``REPLICA_GENERATED_ARTICLES=10000`` in the
environment of any process that imports the replica adds that many articles after the
hand-written ones: CmsIds from 10000 up, dates from 2010 on, the three news categories,
2 to 12 paragraphs of varied length, the portal's bylines and text problems.
``REPLICA_RETITLED_EVERY=100`` makes a server retitle every hundredth of them, as an
edit made after they were published (see ``retitled``).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

SUBJECTS = [
    "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Hội Làm vườn tỉnh", "Hội Nông học tỉnh", "Hội Tin học tỉnh",
    "Hội Y học tỉnh", "Hội Kỹ sư xây dựng tỉnh", "Ban Thường vụ Tỉnh uỷ", "Sở Khoa học và Công nghệ",
]  # fmt: skip
EVENTS = [
    "hội nghị tổng kết", "hội thảo khoa học", "lớp tập huấn kỹ thuật", "buổi tọa đàm", "hội thi sáng tạo kỹ thuật",
    "diễn đàn trí thức", "chương trình tư vấn, phản biện", "đợt khám bệnh miễn phí",
]  # fmt: skip
TOPICS = [
    "ứng dụng công nghệ sinh học trong nông nghiệp", "chuyển đổi số cho hợp tác xã", "bảo vệ môi trường nông thôn",
    "giống lúa chịu mặn cho vùng Đồng Tháp Mười", "tưới tiết kiệm nước cho cây thanh long", "an toàn thông tin",
    "phát triển nguồn nhân lực chất lượng cao", "thích ứng biến đổi khí hậu",
]  # fmt: skip
SENTENCES = [
    "Tham dự có đại diện lãnh đạo Ban Tuyên giáo Tỉnh uỷ, các Sở,ngành và Hội thành viên.",
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến thiết thực cho việc ứng dụng tiến bộ khoa học kỹ thuật.",
    "Theo báo cáo, trong năm qua các hội đã tổ chức {n} lớp tập huấn với hơn {m}.{k}00 lượt hội viên tham gia.",
    "Hội nghị quán triệt Nghị Quyết số 36-NQ/TW ngày 23/01/2023 của Bộ Chính trị.",
    "Mô hình giúp giảm {n}% chi phí phân bón và nước tưới so với cách làm truyền thống.",
    "Đồng chí Chủ tịch đề nghị các Hội thành viên tiếp tục phốihợp chặt chẽ trong công tác tư vấn,phản biện.",
    "Đây là hoạt động thiết thực, góp phần đưa khoa học và côngnghệ đến gần hơn với người dân.",
    "Dịp này, Ủy ban nhân dân tỉnh tặng Bằng khen cho {n} tập thể và {m} cá nhân có thành tích xuất sắc.",
    "Chương trình thực hiện theo Kế hoạch số {n}/KH-LHH ngày {d}/{mo}/{y} của Liên hiệp hội.",
    "Thời gian tới, Liên hiệp hội sẽ tiếp tục hoà nhập, mở rộng hợp tác với các viện, trường đại học.",
    "Buổi tập huấn giúp học viên nắm vững quy trình kỹ thuật từ khâu chọn giống, chăm sóc đến thu hoạch.",
    "Các ý kiến tập trung vào giải pháp bảo vệ sức khoẻ cộng đồng và phát triển thuỷ lợi nội đồng.",
]
BYLINES = [
    ("Bài và ảnh: T.T.B", ("T.T.B",)), ("Tin, ảnh: N.V.A", ("N.V.A",)), ("Bài: T.T.B; Ảnh: L.V.H", ("T.T.B", "L.V.H")),
    ("Nguồn: Báo Long An", ()), None,
]  # fmt: skip
FIRST_ID = 10_000
TABS = (620, 621, 622)


def retitled(count: int, every: int) -> dict[int, str]:
    """CmsId → new title of every ``every``-th generated article: the edits a server shows."""
    if not every:
        return {}
    return {a.cms_id: a.title + " (cập nhật)" for a in generated_articles(count)[::every]}


def generated_articles(count: int, seed: int = 743) -> tuple:
    """``count`` articles, always the same for the same arguments."""
    from replica.content import Article, Byline, Image  # the hand-written content's own types

    rng = random.Random(seed)
    start = date(2010, 1, 1)
    made = []
    for i in range(count):
        cms_id = FIRST_ID + i
        day = start + timedelta(days=i * 5000 // max(count, 1))
        fill = {"n": rng.randint(2, 60), "m": rng.randint(1, 9), "k": rng.randint(1, 9)}
        fill.update(d=rng.randint(1, 28), mo=rng.randint(1, 12), y=day.year)
        title = f"{rng.choice(SUBJECTS)} tổ chức {rng.choice(EVENTS)} về {rng.choice(TOPICS)}"
        paragraphs = tuple(
            " ".join(rng.choice(SENTENCES).format(**fill) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(2, 12))
        )
        byline = rng.choice(BYLINES)
        images = (Image(f"/Portals/0/Images/gen/{cms_id}.jpg", ""),) if i % 7 == 0 else ()
        made.append(Article(cms_id, TABS[i % 3], day, title, Byline(*byline) if byline else None, paragraphs, images))
    return tuple(made)
