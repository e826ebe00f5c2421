# ruff: noqa: E501  (prose: string pieces are wrapped near, not exactly at, the limit)
"""The portal's content as data: categories, articles and static pages.

The server renders from here and truth.py reads the expected records from here, so the
two cannot drift apart. Texts keep the real portal's quirks on purpose (PORTAL.md):
mixed tone-mark styles, missing spaces after commas, glued words, a truncated year.

Body text is a tuple of paragraphs; a "\\n" inside one is a ``<br>`` line break on the
page. ``[text](url)`` marks a link inside the text; on the page only "text" shows.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from replica.generated import generated_articles

HOME_TABID = 36
ARTICLES_PER_PAGE = 5
RELATED_COUNT = 5
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def plain(text: str) -> str:
    """The text as a reader sees it: inline links reduced to their words."""
    return LINK.sub(r"\1", text)


@dataclass(frozen=True)
class Category:
    tabid: int
    name: str
    module_id: int
    paging: str  # "links", "postback" or "both": how its list pages link each other


@dataclass(frozen=True)
class Byline:
    text: str
    initials: tuple[str, ...]  # the authors' initials; none for a source line


@dataclass(frozen=True)
class Image:
    path: str
    alt: str


@dataclass(frozen=True)
class Attachment:
    path: str  # as stored on the server, spaces and all
    label: str


@dataclass(frozen=True)
class Article:
    cms_id: int
    tabid: int
    published: date
    title: str
    byline: Byline | None
    body: tuple[str, ...]
    images: tuple[Image, ...] = ()
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class StaticPage:
    tabid: int
    title: str
    module_id: int
    body: tuple[str, ...]


CATEGORIES = (
    Category(620, "Hoạt động LHH tỉnh Long an", 1234, "both"),
    Category(621, "Tin Khoa học - Công nghệ", 1235, "links"),
    Category(622, "Hoạt động Hội thành viên", 1236, "postback"),
    Category(623, "Thông báo", 1237, "links"),
)

TTB = Byline("Bài và ảnh: T.T.B", ("T.T.B",))
NVA = Byline("Tin, ảnh: N.V.A", ("N.V.A",))
TTB_LVH = Byline("Bài: T.T.B; Ảnh: L.V.H", ("T.T.B", "L.V.H"))
BAO_LONG_AN = Byline("Nguồn: Báo Long An", ())
VUSTA = Byline("Theo vusta.vn", ())


def _article(
    cms_id: int,
    tabid: int,
    published: str,
    title: str,
    byline: Byline | None,
    *body: str,
    images: tuple[Image, ...] = (),
    attachments: tuple[Attachment, ...] = (),
) -> Article:
    day = datetime.strptime(published, "%d/%m/%Y").date()
    return Article(cms_id, tabid, day, title, byline, body, images, attachments)


ARTICLES = (
    _article(
        402,
        620,
        "14/01/2019",
        "Liên hiệp các Hội KH&KT tỉnh Long An tổng kết hoạt động năm 2018",
        TTB,
        "Ngày 11/01/2019, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị tổng kết hoạt động "
        "năm 2018 và triển khai phương hướng, nhiệm vụ năm 2019. Dự Hội nghị có đại diện Ban Tuyên giáo Tỉnh uỷ, "
        "Sở Khoa học và Công nghệ, Sở Nội vụ cùng lãnh đạo 18 Hội thành viên và các đơn vị liên kết.",
        "Năm 2018, Liên hiệp Hội đã tổ chức 12 lớp tập huấn, phổ biến kiến thức khoa học kỹ thuật cho hơn 1.200 lượt "
        "hội viên và nông dân; thực hiện 03 đề án tư vấn, phản biện và giám định xã hội theo Quyết định số "
        "14/2014/QĐ-TTg ngày 14/02/2014 của Thủ tướng Chính phủ. Công tác phát triển hội viên được quan tâm, toàn hệ "
        "thống hiện có trên 6.500 hội viên.",
        "Bên cạnh kết quả đạt được, Hội nghị cũng chỉ ra một số hạn chế như: nguồn kinh phí hoạt động còn hạn hẹp, "
        "một số Hội thành viên chưa chủ động xây dựng kế hoạch phốihợp với các Sở, ngành.",
        "Năm 2019, Liên hiệp Hội tập trung triển khai Hội thi Sáng tạo kỹ thuật tỉnh lần thứ VII, đẩy mạnh công tác "
        "tư vấn, phản biện và tiếp tục củng cố tổ chức bộ máy theo Điều lệ.",
        images=(Image("/Portals/0/Images/2019/tongket2018.jpg", "Quang cảnh Hội nghị tổng kết năm 2018"),),
    ),
    _article(
        415,
        621,
        "12/03/2019",
        "Hiệu quả mô hình tưới tiết kiệm nước cho cây thanh long tại huyện Châu Thành",
        NVA,
        "Trong khuôn khổ Dự án ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất nông nghiệp, Hội Làm vườn tỉnh phối "
        "hợp với Trung tâm Khuyến nông xây dựng mô hình tưới nước tiết kiệm cho cây thanh long tại xã Thanh Phú "
        "Long, huyện Châu Thành với quy mô 5 ha.",
        "Hệ thống tưới nhỏ giọt kết hợp bón phân qua nước giúp giảm 40% lượng nước tưới và khoảng 30% công lao động "
        "so với cách tưới truyền thống. Năng suất thanh long trong mô hình đạt bình quân 35 tấn/ha/năm, cao hơn ruộng "
        "đối chứng từ 10 - 15%.",
        "Ông Nguyễn Văn Tư, hộ tham gia mô hình chia sẻ: “Trước đây mỗi lần tưới phải mất cả ngày, nay chỉ cần mở "
        "van là nước và phân thấm đều từng gốc, mùa khô cũng không lo thiếu nước”.",
        "Thời gian tới, mô hình sẽ được nhân rộng ra các xã ven sông Vàm Cỏ Tây, nơi thường xuyên chịu ảnh hưởng của "
        "hạn hán và xâm nhập mặn.",
        images=(
            Image("/Portals/0/Images/2019/thanhlong_tuoinhogiot.jpg", "Hệ thống tưới nhỏ giọt trên vườn thanh long"),
        ),
    ),
    _article(
        431,
        622,
        "20/05/2019",
        "Hội Làm vườn tỉnh tập huấn kỹ thuật trồng rau an toàn theo hướng VietGAP",
        None,
        "Từ ngày 14 đến 16/5/2019, Hội Làm vườn tỉnh Long An phối hợp với Chi cục Trồng trọt và Bảo vệ thực vật tổ "
        "chức 03 lớp tập huấn kỹ thuật trồng rau an toàn theo hướng VietGAP cho 120 hội viên tại các huyện Cần Đước, "
        "Cần Giuộc và Đức Hoà.",
        "Tại lớp tập huấn, học viên được hướng dẫn cách chọn đất, xử lý nguồn nước tưới, sử dụng phân bón hữu cơ và "
        "thuốc bảo vệ thực vật theo nguyên tắc “4 đúng”, ghi chép nhật ký sản xuất để truy xuất nguồn gốc.",
        "Kết thúc lớp học, các học viên đã đi tham quan thực tế tổ hợp tác rau an toàn ấp 3, xã Long Hựu Đông, huyện "
        "Cần Đước.",
    ),
    _article(
        447,
        620,
        "08/08/2019",
        "Phát động Hội thi Sáng tạo kỹ thuật tỉnh Long An lần thứ VII (2019 - 2020)",
        TTB,
        "Sáng ngày 06/8/2019, Ban Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Long An đã tổ chức Lễ phát động Hội thi lần "
        "thứ VII (2019 - 2020). Hội thi được tổ chức theo Quyết định số 2530/QĐ-UBND ngày 22/7/2019 của UBND tỉnh, do "
        "Liên hiệp các Hội KH&KT tỉnh làm Thường trực.",
        "Hội thi nhằm khơi dậy phong trào lao động sáng tạo, phát huy tài năng và trí tuệ của các tầng lớp nhân dân, "
        "góp phần đẩy mạnh ứng dụng tiến bộ khoa học và côngnghệ vào sản xuất và đời sống. Đối tượng dự thi là mọi cá "
        "nhân, tập thể đang sinh sống, làm việc trên địa bàn tỉnh.",
        "Các giải pháp dự thi thuộc 06 lĩnh vực: Cơ khí - Tự động hoá; Điện - Điện tử - Tin học; Nông - Lâm - Ngư "
        "nghiệp; Y - Dược; Tài nguyên - Môi trường; Giáo dục - Đào tạo. Thời hạn nhận hồ sơ đến hết ngày 30/6/2020."
        "\nThể lệ chi tiết xem tại tệp đính kèm.",
        attachments=(Attachment("/Portals/0/files/TheLe_HoiThi_SangTaoKyThuat_lanVII.pdf", "Thể lệ Hội thi"),),
    ),
    _article(
        463,
        621,
        "25/10/2019",
        "Ứng dụng chế phẩm sinh học xử lý rơm rạ sau thu hoạch",
        BAO_LONG_AN,
        "Thay vì đốt bỏ rơm rạ sau mỗi vụ lúa, nhiều nông dân ở huyện Tân Thạnh và Thạnh Hoá đã sử dụng chế phẩm sinh "
        "học Trichoderma để xử lý rơm rạ ngay trên ruộng, vừa giảm ô nhiễm môi trường vừa cải tạo đất.",
        "Theo Trạm Khuyến nông huyện Tân Thạnh, chỉ sau 15 - 20 ngày phun chế phẩm, rơm rạ đã phân huỷ gần hoàn toàn, "
        "bổ sung lượng lớn chất hữu cơ cho đất. Chi phí cho mỗi hecta chỉ khoảng 300.000 đồng.",
        "Ngành nông nghiệp tỉnh đang khuyến khích nhân rộng cách làm này trong vụ Đông Xuân 2019 - 2020.",
    ),
    _article(
        470,
        623,
        "03/12/2019",
        "Thông báo về việc tổ chức Cuộc thi Sáng tạo Thanh thiếu niên Nhi đồng tỉnh Long An lần thứ 13, năm 2019 - 2020",
        None,
        "Thực hiện Kế hoạch số 4125/KH-UBND ngày 15/11/2019 của UBND tỉnh, Liên hiệp các Hội Khoa học và Kỹ thuật "
        "tỉnh thông báo tổ chức Cuộc thi Sáng tạo Thanh thiếu niên Nhi đồng tỉnh Long An lần thứ 13, năm 2019 - 2020.",
        "Đối tượng dự thi là học sinh, thanh thiếu niên từ 6 đến 20 tuổi trên địa bàn tỉnh. Hồ sơ dự thi gửi về Văn "
        "phòng Liên hiệp Hội trước ngày 31/3/2020. Thể lệ và mẫu hồ sơ xem trong tệp đính kèm.",
        attachments=(Attachment("/Portals/0/files/TB_CuocThi_STTTNND_2019.pdf", "Thông báo và thể lệ Cuộc thi"),),
    ),
    _article(
        478,
        622,
        "16/01/2020",
        "Hội Y học tỉnh tổ chức hội thảo khoa học “Cập nhật điều trị bệnh đái tháo đường”",
        TTB_LVH,
        "Ngày 12/01/2020, Hội Y học tỉnh Long An phối hợp với Bệnh viện Đa khoa Long An tổ chức hội thảo khoa học "
        "“Cập nhật điều trị bệnh đái tháo đường” với sự tham dự của hơn 150 bác sĩ, dược sĩ đang công tác tại các cơ "
        "sở y tế trong tỉnh.",
        "Các báo cáo viên đã trình bày những khuyến cáo mới về chẩn đoán, điều trị và quản lý người bệnh đái tháo "
        "đường típ 2 tại tuyến cơ sở; chia sẻ kinh nghiệm tư vấn chế độ dinh dưỡng, vận động cho người bệnh.",
        "Đây là hoạt động thường niên nhằm nâng cao trình độ chuyên môn cho hội viên, góp phần nâng cao chất lượng "
        "khám chữa bệnh cho Nhân dân.",
        images=(Image("/Portals/0/Images/2020/hoiyhoc_hoithao.jpg", "Các đại biểu dự hội thảo"),),
    ),
    _article(
        489,
        621,
        "06/03/2020",
        "Khuyến cáo các giải pháp ứng phó hạn hán, xâm nhập mặn mùa khô 2019 - 2020",
        BAO_LONG_AN,
        "Mùa khô năm 2019 - 2020, xâm nhập mặn trên sông Vàm Cỏ Đông và Vàm Cỏ Tây xuất hiện sớm và sâu hơn trung "
        "bình nhiều năm. Độ mặn 4‰ đã vào sâu đến huyện Thủ Thừa và TP Tân An.",
        "Để chủ động ứng phó, ngành nông nghiệp khuyến cáo nông dân theo dõi chặt chẽ thông tin độ mặn, chỉ lấy nước "
        "khi độ mặn dưới 1‰; tranh thủ trữ nước ngọt trong ao, mương, kênh nội đồng.",
        "Đối với cây ăn trái, cần tủ gốc giữ ẩm, tưới tiết kiệm nước và hạn chế bón phân hoá học trong thời gian nắng "
        "hạn kéo dài. Đối với lúa Đông Xuân muộn, nên bơm rửa mặn và bón vôi trước khi xuống giống.",
        "Người nuôi thuỷ sản cần kiểm tra độ mặn, pH trong ao nuôi thường xuyên, không thả nuôi khi môi trường biến "
        "động bất thường.",
        "Mọi thông tin cần hỗ trợ kỹ thuật, người dân liên hệ Trạm Khuyến nông các huyện hoặc Chi cục Thủy lợi tỉnh.",
    ),
    _article(
        503,
        620,
        "29/06/2020",
        "Tư vấn, phản biện Đề án phát triển nông nghiệp ứng dụng công nghệ cao tỉnh Long An",
        TTB,
        "Ngày 26/6/2020, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh tổ chức Hội thảo tư vấn, phản biện Đề án phát "
        "triển nông nghiệp ứng dụng công nghệ cao tỉnh Long An giai đoạn 2020 - 2025, định hướng đến năm 2030 do Sở "
        "Nông nghiệp và Phát triển Nông thôn chủ trì soạn thảo.",
        "Tại Hội thảo, các nhà khoa học, chuyên gia đã đóng góp nhiều ý kiến về quy hoạch vùng sản xuất tập trung, cơ "
        "chế thu hút doanh nghiệp đầu tư, đào tạo nguồn nhân lực và liên kết tiêu thụ sản phẩm.",
        "Nhiều ý kiến đề nghị Đề án cần làm rõ tiêu chí xác định vùng nông nghiệp ứng dụng công nghệ cao theo Quyết "
        "định số 66/2015/QĐ-TTg ngày 25/12/2015 của Thủ tướng Chính phủ, đồng thời có giải pháp cụ thể hỗ trợ hộ "
        "nông dân nhỏ tham gia chuỗi giá trị.",
        "Liên hiệp Hội sẽ tổng hợp đầy đủ các ý kiến, gửi báo cáo kết quả tư vấn, phản biện đến UBND tỉnh và cơ quan "
        "soạn thảo.",
        images=(Image("/Portals/0/Images/2020/phanbien_nncnc.jpg", "Quang cảnh Hội thảo"),),
    ),
    _article(
        518,
        622,
        "15/09/2020",
        "Hội Kiến trúc sư tỉnh góp ý quy hoạch chung đô thị Cần Giuộc",
        NVA,
        "Ngày 10/9/2020, Hội Kiến trúc sư tỉnh Long An tổ chức buổi sinh hoạt chuyên đề góp ý đồ án điều chỉnh quy "
        "hoạch chung đô thị Cần Giuộc đến năm 2040.",
        "Các kiến trúc sư đã đề xuất bổ sung hệ thống thoát nước chống ngập, dành quỹ đất cho công viên cây xanh và "
        "không gian công cộng ven sông Cần Giuộc, đồng thời lưu ý việc kết nối giao thông với TP Hồ Chí Minh.",
        "Các ý kiến góp ý được Hội tổng hợp gửi Sở Xây dựng để hoàn chỉnh đồ án trước khi trình phê duyệt.",
    ),
    _article(
        526,
        621,
        "22/10/2020",
        "Chuyển đổi số trong sản xuất nông nghiệp: cơ hội cho nông dân Long An",
        TTB_LVH,
        "Chuyển đổi số đang mở ra nhiều cơ hội mới cho sản xuất nông nghiệp. Tại Long An, một số hợp tác xã đã bước "
        "đầu ứng dụng cảm biến đo độ ẩm đất, nhật ký điện tử và mã QR truy xuất nguồn gốc cho sản phẩm.",
        "Hợp tác xã Nông nghiệp Tân Tiến, huyện Thủ Thừa là một trong những đơn vị đi đầu. Mỗi lô rau của hợp tác xã "
        "đều được dán tem QR, người mua chỉ cần quét mã bằng điện thoại là biết ngày gieo trồng, loại phân bón đã dùng "
        "và ngày thu hoạch.",
        "Theo Giám đốc hợp tác xã, từ khi áp dụng truy xuất nguồn gốc, giá bán rau tăng 10 - 15% và đầu ra ổn định "
        "hơn nhờ các siêu thị tin tưởng ký hợp đồng bao tiêu.",
        "Tuy nhiên, việc chuyển đổi số trong nông nghiệp vẫn còn nhiều khó khăn: trình độ ứng dụng côngnghệ của nông "
        "dân còn hạn chế, chi phí đầu tư thiết bị cao, hạ tầng mạng ở vùng sâu chưa đồng bộ.",
        "Các chuyên gia cho rằng cần có chính sách hỗ trợ đào tạo kỹ năng số cho nông dân, khuyến khích doanh nghiệp "
        "công nghệ cung cấp giải pháp giá rẻ, phù hợp quy mô sản xuất nhỏ.",
        "Liên hiệp các Hội KH&KT tỉnh sẽ phối hợp với Hội Tin học tổ chức các lớp tập huấn về ứng dụng công nghệ số "
        "cho hội viên nông dân trong năm 2021.",
        images=(
            Image("/Portals/0/Images/2020/htx_tantien_qr.jpg", "Tem truy xuất nguồn gốc trên sản phẩm rau"),
            Image("/Portals/0/Images/2020/cambien_doam.jpg", "Cảm biến đo độ ẩm đất"),
        ),
    ),
    _article(
        537,
        620,
        "18/12/2020",
        "Tổng kết, trao giải Hội thi Sáng tạo kỹ thuật tỉnh Long An lần thứ VII",
        TTB,
        "Chiều ngày 16/12/2020, Ban Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Long An lần thứ VII (2019 - 2020) tổ chức "
        "Lễ tổng kết và trao giải. Hội thi nhận được 68 giải pháp của 95 tác giả, nhóm tác giả tham gia, tăng 12 giải "
        "pháp so với lần thứ VI.",
        "Hội đồng giám khảo đã chấm chọn 32 giải pháp đạt giải, gồm 02 giải Nhất, 05 giải Nhì, 10 giải Ba và 15 giải "
        "Khuyến khích. Giải Nhất thuộc về giải pháp “Máy sấy lúa sử dụng năng lượng mặt trời kết hợp sinh khối” của "
        "nhóm tác giả Trường Cao đẳng Long An và giải pháp “Quy trình nhân giống chuối cấy mô quy mô nông hộ” của tác "
        "giả Lê Văn Hùng, huyện Bến Lức.",
        "Phát biểu tại buổi lễ, Phó Chủ tịch UBND tỉnh đánh giá cao chất lượng các giải pháp dự thi, nhiều giải pháp "
        "có khả năng ứng dụng rộng rãi trong sản xuất và đời sống, mang lại hiệu quả kinh tế - xã hội thiết thực.",
        "Dịp này, Ban Tổ chức đã chọn 05 giải pháp tiêu biểu tham dự Hội thi Sáng tạo kỹ thuật toàn quốc lần thứ 16.",
        images=(
            Image("/Portals/0/Images/2020/traogiai_stkt_1.jpg", "Trao giải Nhất cho các tác giả"),
            Image("/Portals/0/Images/2020/traogiai_stkt_2.jpg", "Các tác giả đạt giải chụp ảnh lưu niệm"),
        ),
    ),
    _article(
        545,
        621,
        "19/01/2021",
        "Giống lúa thơm chất lượng cao thích ứng với biến đổi khí hậu",
        BAO_LONG_AN,
        "Vụ Đông Xuân 2020 - 2021, nông dân huyện Tân Hưng và Vĩnh Hưng đã đưa vào sản xuất thử nghiệm 200 ha giống "
        "lúa thơm chịu mặn, chịu hạn do Viện Lúa đồng bằng sông Cửu Long chọn tạo.",
        "Qua theo dõi, giống lúa có thời gian sinh trưởng 95 - 100 ngày, cứng cây, ít nhiễm sâu bệnh, năng suất ước "
        "đạt 6,5 - 7 tấn/ha. Gạo thơm, dẻo, được doanh nghiệp thu mua với giá cao hơn lúa thường 500 - 700 đồng/kg.",
        "Ngành nông nghiệp tỉnh đánh giá đây là giống có triển vọng, phù hợp với định hướng tái cơ cấu ngành hàng lúa "
        "gạo theo hướng nâng cao giá trị gia tăng và thích ứng với biến đổi khí hậu.",
    ),
    _article(
        558,
        622,
        "10/04/2021",
        "Hội Đông y tỉnh khám bệnh, cấp thuốc miễn phí cho người có hoàn cảnh khó khăn",
        TTB_LVH,
        "Nhân kỷ niệm Ngày Thầy thuốc Việt Nam 27/02 và hưởng ứng phong trào “Thầy thuốc như mẹ hiền”, Hội Đông y "
        "tỉnh Long An đã tổ chức khám bệnh, châm cứu, cấp thuốc miễn phí cho hơn 500 người có hoàn cảnh khó khăn tại "
        "xã Mỹ Lệ, huyện Cần Đước, tổng trị giá trên 60 triệu đồng.",
        "Bên cạnh đó, các lương y còn hướng dẫn người dân cách sử dụng một số cây thuốc nam sẵn có tại địa phương để "
        "phòng và chữa các bệnh thông thường.",
        images=(Image("/Portals/0/Images/2021/dongy_khambenh.jpg", "Lương y châm cứu cho người dân"),),
    ),
    _article(
        571,
        620,
        "28/07/2021",
        "Liên hiệp Hội tỉnh triển khai các biện pháp phòng, chống dịch COVID-19",
        None,
        "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ và các văn bản chỉ đạo của Tỉnh uỷ, "
        "UBND tỉnh về phòng, chống dịch COVID-19, Thường trực Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh đã ban hành "
        "văn bản đề nghị các Hội thành viên, đơn vị liên kết tạm dừng các hoạt động tập trung đông người.",
        "Các Hội chuyên ngành y tế như Hội Y học, Hội Đông y, Hội Điều dưỡng, Hội Dược học đã vận động hội viên tham "
        "gia tuyến đầu chống dịch, hỗ trợ lấy mẫu xét nghiệm, tiêm vắc xin và chăm sóc người bệnh tại các khu điều "
        "trị.",
        "Liên hiệp Hội cũng kêu gọi cán bộ, hội viên ủng hộ Quỹ phòng, chống dịch COVID-19 của tỉnh; đến nay đã vận "
        "động được hơn 250 triệu đồng và nhiều nhu yếu phẩm gửi đến các khu cách ly.",
    ),
    _article(
        583,
        621,
        "30/09/2021",
        "Ứng dụng bản đồ số trong quản lý vùng trồng và truy xuất nguồn gốc nông sản",
        TTB,
        "Sở Nông nghiệp và Phát triển Nông thôn tỉnh đang triển khai xây dựng cơ sở dữ liệu bản đồ số các vùng trồng "
        "thanh long, chanh không hạt, rau màu tập trung trên địa bàn tỉnh.",
        "Mỗi vùng trồng được cấp mã số, gắn với thông tin về diện tích, chủ hộ, quy trình canh tác và lịch sử sử dụng "
        "thuốc bảo vệ thực vật. Dữ liệu được cập nhật trực tuyến, phục vụ công tác quản lý và cấp mã số vùng trồng cho "
        "nông sản xuất khẩu.",
        "Theo đánh giá của ngành chức năng, ứng dụng bản đồ số giúp cơ quan quản lý theo dõi sát tình hình sản xuất, "
        "kịp thời cảnh báo dịch hại và hỗ trợ doanh nghiệp minh bạch nguồn gốc nông sản khi xuất khẩu sang các thị "
        "trường khó tính.",
        "Dự kiến đến cuối năm 2022, toàn tỉnh sẽ hoàn thành số hoá dữ liệu cho 100% vùng trồng cây ăn trái chủ lực.",
    ),
    _article(
        596,
        622,
        "24/11/2021",
        "Hội Tin học tỉnh tập huấn kỹ năng bảo đảm an toàn thông tin",
        NVA,
        "Ngày 20/11/2021, Hội Tin học tỉnh Long An tổ chức lớp tập huấn trực tuyến “Kỹ năng bảo đảm an toàn thông tin "
        "trong môi trường số” cho gần 200 cán bộ, công chức, hội viên.",
        "Nội dung tập huấn tập trung vào các hình thức lừa đảo qua mạng phổ biến, cách nhận diện thư điện tử giả mạo, "
        "bảo vệ tài khoản mạng xã hội và dữ liệu cá nhân, sao lưu dữ liệu phòng chống mã độc tống tiền.",
        "Hội Tin học hiện có 215 hội viên, là thành viên tích cực trong việc tư vấn, phản biện các đề án chuyển đổi số "
        "của tỉnh.",
    ),
    _article(
        602,
        623,
        "27/12/2021",
        "Thông báo về việc xét tặng Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam năm 2022",
        None,
        "Căn cứ Công văn số 1250/LHHVN-VIFOTEC ngày 10/12/2021 của Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam, "
        "Liên hiệp các Hội KH&KT tỉnh Long An thông báo đến các Hội thành viên, đơn vị liên kết, các doanh nghiệp và cá "
        "nhân trên địa bàn tỉnh về việc xét tặng Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam (VIFOTEC) năm 2022.",
        "Hồ sơ đăng ký gửi về Văn phòng Liên hiệp Hội trước ngày 15/5/2022. Mẫu hồ sơ xem trong tệp đính kèm.",
        attachments=(Attachment("/Portals/0/files/Mau ho so VIFOTEC 2022.docx", "Mẫu hồ sơ đăng ký"),),
    ),
    _article(
        611,
        620,
        "18/02/2022",
        "Hội nghị Ban Chấp hành Liên hiệp Hội tỉnh triển khai nhiệm vụ năm 2022",
        TTB,
        "Ngày 16/02/2022, Ban Chấp hành Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An khoá III tổ chức Hội nghị "
        "lần thứ 9 nhằm đánh giá kết quả hoạt động năm 2021 và triển khai chương trình công tác năm 2022.",
        "Năm 2021, dù chịu ảnh hưởng nặng nề của dịch COVID-19, Liên hiệp Hội vẫn hoàn thành 02 nhiệm vụ tư vấn, phản "
        "biện, tổ chức 08 lớp tập huấn trực tuyến và phát hành 04 số Bản tin Khoa học và Công nghệ.",
        "Năm 2022, Liên hiệp Hội tập trung chuẩn bị tốt các điều kiện tiến tới Đại hội đại biểu lần thứ IV, nhiệm kỳ "
        "2022 - 2027; tiếp tục thực hiện Chỉ thị số 42-CT/TW ngày 16/4/2010 của Bộ Chính trị về nâng cao chất lượng, "
        "hiệu quả hoạt động của Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam.",
    ),
    _article(
        624,
        621,
        "14/04/2022",
        "Nuôi tôm thẻ chân trắng công nghệ cao trong nhà màng ở Cần Giuộc",
        BAO_LONG_AN,
        "Những năm gần đây, mô hình nuôi tôm thẻ chân trắng công nghệ cao trong nhà màng phát triển mạnh ở các xã Tân "
        "Tập, Long Hựu Đông của huyện Cần Giuộc và Cần Đước.",
        "Khác với nuôi ao đất truyền thống, tôm được thả trong ao lót bạt, có mái che, hệ thống quạt nước và sục khí "
        "hoạt động liên tục. Nước thải được xử lý qua ao lắng, ao sinh học trước khi tái sử dụng, hạn chế dịch bệnh lây "
        "lan.",
        "Anh Trần Văn Phước, ở xã Tân Tập cho biết, mỗi năm gia đình anh nuôi được 3 vụ, năng suất bình quân 30 - 40 "
        "tấn/ha/vụ, gấp nhiều lần so với nuôi quảng canh.",
        "Tuy vậy, chi phí đầu tư ban đầu khá lớn, từ 1,5 - 2 tỉ đồng/ha, đòi hỏi người nuôi phải nắm vững kỹ thuật và "
        "quản lý chặt chẽ môi trường ao nuôi.",
        "Ngành nông nghiệp tỉnh khuyến cáo người dân chỉ mở rộng diện tích khi đã làm chủ quy trình, đồng thời liên "
        "kết với doanh nghiệp để ổn định đầu ra.",
        images=(Image("/Portals/0/Images/2022/tom_nhamang.jpg", "Ao nuôi tôm trong nhà màng"),),
    ),
    _article(
        637,
        622,
        "09/06/2022",
        "Hội Bảo vệ thiên nhiên và môi trường tỉnh hưởng ứng Ngày Môi trường thế giới",
        TTB_LVH,
        "Hưởng ứng Ngày Môi trường thế giới 05/6/2022 với chủ đề “Chỉ một Trái đất”, Hội Bảo vệ thiên nhiên và môi "
        "trường tỉnh Long An phối hợp với Tỉnh đoàn tổ chức ra quân thu gom rác thải, trồng 1.000 cây xanh dọc bờ kè "
        "sông Vàm Cỏ Tây, TP Tân An.",
        "Dịp này, Hội cũng tổ chức tuyên truyền về phân loại rác tại nguồn và hạn chế sử dụng túi ni lông khó phân "
        "huỷ cho hội viên và người dân tại các khu dân cư.",
        "Hội Bảo vệ thiên nhiên và môi trường tỉnh hiện làthành viên của Liên hiệp các Hội KH&KT tỉnh, với hơn 300 "
        "hội viên sinh hoạt ở 8 chi hội.",
        images=(Image("/Portals/0/Images/2022/ngaymoitruong.jpg", "Hội viên ra quân trồng cây xanh"),),
    ),
    _article(
        652,
        620,
        "23/08/2022",
        "Đại hội đại biểu Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An lần thứ IV, nhiệm kỳ 2022 - 2027",
        TTB,
        "Ngày 19/8/2022, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Đại hội đại biểu lần thứ IV, "
        "nhiệm kỳ 2022 - 2027. Dự Đại hội có lãnh đạo Liên hiệp các Hội KH&KT Việt Nam, lãnh đạo Ban Tuyên giáo Tỉnh "
        "ủy, UBND tỉnh cùng 120 đại biểu chính thức đại diện cho hơn 7.000 hội viên.",
        "Nhiệm kỳ 2017 - 2022, Liên hiệp Hội đã phát triển thêm 04 Hội thành viên, nâng tổng số lên 22 Hội và đơn vị; "
        "thực hiện 15 nhiệm vụ tư vấn, phản biện và giám định xã hội; tổ chức thành công 02 kỳ Hội thi Sáng tạo kỹ "
        "thuật và 04 Cuộc thi Sáng tạo Thanh thiếu niên Nhi đồng.",
        "Đại hội xác định mục tiêu nhiệm kỳ 2022 - 2027 là tiếp tục đổi mới nội dung, phương thức hoạt động; tập hợp, "
        "đoàn kết đội ngũ trí thức khoa học và công nghệ; nâng cao chất lượng tư vấn, phản biện và giám định xã hội, "
        "góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI.",
        "Đại hội đã bầu Ban Chấp hành khoá IV gồm 31 thành viên. Đồng chí Hoàng Đình Cán, UVBTV, Trưởng Ban Tuyên "
        "giáo Tỉnh ủy được bầu làm Chủ tịch Liên hiệp Hội.",
        "Dịp này, nhiều tập thể, cá nhân có thành tích xuất sắc trong nhiệm kỳ qua được nhận Bằng khen của Liên hiệp "
        "các Hội KH&KT Việt Nam và UBND tỉnh.",
        "Đại hội thông qua Nghị quyết và bế mạc trong không khí đoàn kết, phấn khởi.",
        images=(
            Image("/Portals/0/Images/2022/daihoi_IV_1.jpg", "Quang cảnh Đại hội"),
            Image("/Portals/0/Images/2022/daihoi_IV_2.jpg", "Ban Chấp hành khoá IV ra mắt Đại hội"),
        ),
    ),
    _article(
        665,
        621,
        "11/10/2022",
        "Hội thảo ứng dụng năng lượng mặt trời trong sản xuất nông nghiệp",
        NVA,
        "Ngày 07/10/2022, Sở Khoa học và Công nghệ phối hợp với Liên hiệp các Hội KH&KT tỉnh tổ chức hội thảo “Ứng "
        "dụng năng lượng mặt trời trong sản xuất nông nghiệp” tại huyện Đức Hoà.",
        "Các đại biểu đã được giới thiệu mô hình bơm nước tưới dùng pin năng lượng mặt trời, hệ thống chiếu sáng xua "
        "đuổi côn trùng và máy sấy nông sản bằng năng lượng mặt trời. Các mô hình giúp tiết kiệm 50 - 70% chi phí điện "
        "năng so với trước.",
        "Hội thảo cũng lưu ý việc lắp đặt hệ thống điện mặt trời phải bảo đảm an toàn, tuân thủ quy định về đấu nối "
        "và không ảnh hưởng đến đất sản xuất lúa.",
    ),
    _article(
        679,
        622,
        "16/12/2022",
        "Hội Y học tỉnh tổng kết hoạt động năm 2022",
        None,
        "Ngày 14/12/2022, Hội Y học tỉnh Long An tổ chức tổng kết hoạt động năm 2022. Trong năm, Hội đã tổ chức 06 hội "
        "thảo chuyên đề, 12 lớp đào tạo liên tục cho hơn 900 lượt hội viên; phối hợp khám sàng lọc bệnh không lây "
        "nhiễm cho 2.000 người cao tuổi.",
        "Năm 2023, Hội tiếp tục đẩy mạnh nghiên cứu khoa học, phấn đấu mỗi chi hội có ít nhất 01 đề tài cấp cơ sở được "
        "nghiệm thu.",
    ),
    _article(
        688,
        620,
        "10/02/2023",
        "Liên hiệp Hội tỉnh triển khai kế hoạch hoạt động năm 2023",
        TTB,
        "Ngày 08/02/2023, Thường trực Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị triển khai "
        "kế hoạch hoạt động năm 2023 với sự tham dự của lãnh đạo các Hội thành viên và đơn vị liên kết.",
        "Theo kế hoạch, năm 2023 Liên hiệp Hội sẽ thực hiện ít nhất 02 nhiệm vụ tư vấn, phản biện; tổ chức Hội thi "
        "Sáng tạo kỹ thuật tỉnh lần thứ VIII; phối hợp tổ chức Cuộc thi Sáng tạo Thanh thiếu niên Nhi đồng lần thứ 16 "
        "và phát hành 04 số Bản tin Khoa học và Công nghệ.",
        "Hội nghị cũng thống nhất tăng cường công tác tuyên truyền trên Trang thông tin điện tử của Liên hiệp Hội, đẩy "
        "mạnh ứng dụng côngnghệ thông tin trong quản lý hội viên.",
        "Liên hiệp Hội đề nghị các Hội thành viên gửi kế hoạch hoạt động năm 2023 về Văn phòng trước ngày 28/02/2023 "
        "để tổng hợp.",
    ),
    _article(
        697,
        621,
        "21/03/2023",
        "Sản xuất phân hữu cơ vi sinh từ phụ phẩm nông nghiệp",
        TTB_LVH,
        "Trong khuôn khổ nhiệm vụ khoa học và công nghệ cấp tỉnh, Trung tâm Ứng dụng tiến bộ khoa học và công nghệ "
        "Long An đã chuyển giao quy trình sản xuất phân hữu cơ vi sinh từ phụ phẩm nông nghiệp như rơm rạ, vỏ thanh "
        "long, phân chuồng cho 03 hợp tác xã.",
        "Quy trình sử dụng tổ hợp vi sinh vật phân giải cellulose, ủ trong 35 - 45 ngày. Sản phẩm phân bón đạt tiêu "
        "chuẩn theo Nghị định số 84/2019/NĐ-CP ngày 14/11/2019 của Chính phủ về quản lý phân bón.",
        "Việc sử dụng phân hữu cơ vi sinh giúp giảm 20 - 30% lượng phân hoá học, cải thiện độ tơi xốp của đất và góp "
        "phần xử lý triệt để nguồn phụ phẩm, hạn chế ô nhiễm môi trường.",
        "Sau chuyển giao, các hợp tác xã đã tự sản xuất được khoảng 150 tấn phân mỗi năm, phục vụ nhu cầu của thành "
        "viên và bán ra thị trường.",
        images=(Image("/Portals/0/Images/2023/phanhuuco_visinh.jpg", "Ủ phân hữu cơ vi sinh tại hợp tác xã"),),
    ),
    _article(
        709,
        622,
        "18/05/2023",
        "Hội Làm vườn tỉnh tổ chức hội thảo nâng cao chất lượng thanh long xuất khẩu",
        NVA,
        "Ngày 16/5/2023, tại huyện Châu Thành, Hội Làm vườn tỉnh Long An tổ chức hội thảo “Giải pháp nâng cao chất "
        "lượng thanh long xuất khẩu” với sự tham gia của hơn 100 hội viên, nhà vườn và đại diện doanh nghiệp thu mua.",
        "Các chuyên gia đã hướng dẫn kỹ thuật xử lý ra hoa trái vụ, bao trái, quản lý bệnh đốm trắng (bệnh tắc kè) và "
        "sử dụng thuốc bảo vệ thực vật trong danh mục cho phép, bảo đảm dư lượng đáp ứng yêu cầu của thị trường nhập "
        "khẩu.",
        "Doanh nghiệp cam kết bao tiêu sản phẩm cho các tổ hợp tác đạt chứng nhận VietGAP, GlobalGAP với giá cao hơn "
        "thị trường.",
    ),
    _article(
        718,
        620,
        "04/07/2023",
        "Tập huấn nâng cao năng lực tư vấn, phản biện và giám định xã hội năm 2023",
        TTB,
        "Từ ngày 29 đến 30/6/2023, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức lớp tập huấn nâng cao "
        "năng lực tư vấn, phản biện và giám định xã hội cho 80 học viên là cán bộ chủ chốt của các Hội thành viên, đơn "
        "vị liên kết.",
        "Học viên được truyền đạt các nội dung: cơ sở pháp lý của hoạt động tư vấn, phản biện và giám định xã hội; quy "
        "trình, kỹ năng tổ chức hội thảo phản biện; phương pháp viết báo cáo tư vấn, phản biện.",
        "Báo cáo viên nhắc lại quá trình hình thành Liên hiệp Hội tỉnh theo Quyết định số 45/2005/QĐ-UB ngày "
        "07/01/2005 của UBND tỉnh Long An, và nhấn mạnh vai trò của đội ngũ trí thức trong việc góp ý các chương trình, "
        "đề án phát triển kinh tế - xã hội của địa phương.",
        "Cũng tại lớp tập huấn, các học viên đã thảo luận, chia sẻ kinh nghiệm thực tế trong quá trình tham gia góp ý "
        "dự thảo các văn bản quy phạm pháp luật của tỉnh.",
        "Tài liệu tập huấn được đăng tải kèm theo bài viết này.",
        attachments=(Attachment("/Portals/0/files/TaiLieu_TapHuan_TVPB_2023.pdf", "Tài liệu tập huấn"),),
    ),
    _article(
        725,
        621,
        "29/08/2023",
        "Sử dụng thiết bị bay không người lái phun thuốc bảo vệ thực vật",
        BAO_LONG_AN,
        "Thời gian gần đây, việc sử dụng thiết bị bay không người lái (drone) để phun thuốc bảo vệ thực vật, bón phân, "
        "gieo sạ ngày càng phổ biến trên các cánh đồng lúa ở Tân Thạnh, Mộc Hoá, Thạnh Hoá.",
        "Với sức chứa 20 - 30 lít, mỗi chuyến bay drone có thể phun cho 1 - 1,5 ha trong khoảng 10 phút, nhanh gấp 20 "
        "lần so với phun thủ công. Lượng thuốc và nước sử dụng giảm đáng kể, người phun không tiếp xúc trực tiếp với "
        "hoá chất.",
        "Tuy nhiên, các chuyên gia lưu ý người sử dụng drone cần được đào tạo, có chứng chỉ điều khiển và tuân thủ các "
        "quy định về an toàn bay cũng như thời điểm phun thuốc để tránh ảnh hưởng đến ong và các ruộng lân cận.",
        "Hiện toàn tỉnh có khoảng 150 thiết bị bay phục vụ nông nghiệp, chủ yếu do các tổ dịch vụ và hợp tác xã đầu tư.",
        images=(Image("/Portals/0/Images/2023/drone_phunthuoc.jpg", "Thiết bị bay phun thuốc trên ruộng lúa"),),
    ),
    _article(
        731,
        622,
        "12/10/2023",
        "Hội Dược học tỉnh tập huấn thực hành tốt cơ sở bán lẻ thuốc",
        TTB_LVH,
        "Ngày 10/10/2023, Hội Dược học tỉnh Long An phối hợp với Sở Y tế tổ chức lớp tập huấn “Thực hành tốt cơ sở bán "
        "lẻ thuốc (GPP)” cho hơn 250 dược sĩ, chủ nhà thuốc trên địa bàn tỉnh.",
        "Nội dung tập huấn gồm: cập nhật các quy định mới về quản lý dược, kê đơn thuốc điện tử, kết nối liên thông cơ "
        "sở cung ứng thuốc và các lỗi thường gặp khi thẩm định GPP. Hội Dược học hiện là thành viên tích cực của Liên "
        "hiệp Hội tỉnh với 12 chi hội cơ sở.",
    ),
    _article(
        738,
        620,
        "19/12/2023",
        "Tổng kết và trao giải Hội thi Sáng tạo kỹ thuật tỉnh Long An lần thứ VIII (2022 - 2023)",
        TTB,
        "Sáng ngày 18/12/2023, tại Hội trường UBND tỉnh, Ban Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Long An lần thứ VIII "
        "(2022 - 2023) tổ chức Lễ tổng kết và trao giải. Hội thi được tổ chức theo Kế hoạch số 1186/KH-UBND ngày "
        "20/4/2022 của UBND tỉnh.",
        "Sau hơn một năm phát động, Hội thi nhận được 74 giải pháp của 112 tác giả, nhóm tác giả thuộc các lĩnh vực: Cơ "
        "khí - Tự động hoá; Điện - Điện tử - Tin học; Nông nghiệp; Y - Dược; Môi trường; Giáo dục.",
        "Hội đồng giám khảo đã xét chọn 35 giải pháp đạt giải, trong đó có 02 giải Nhất, 06 giải Nhì, 12 giải Ba và 15 "
        "giải Khuyến khích. Nhiều giải pháp đã được áp dụng thực tế, mang lại hiệu quả kinh tế cao như: “Hệ thống giám "
        "sát chất lượng nước ao nuôi tôm qua điện thoại thông minh”, “Máy bóc vỏ hạt điều bán tự động”.",
        "Phát biểu tại buổi lễ, đại diện lãnh đạo UBND tỉnh ghi nhận những đóng góp của Liên hiệp Hội trong việc khơi "
        "dậy phong trào lao động sáng tạo; đề nghị các sở,ngành tiếp tục hỗ trợ tác giả hoàn thiện, nhân rộng các giải "
        "pháp đạt giải.",
        "Ban Tổ chức cũng trao 05 Bằng khen của UBND tỉnh cho các tập thể, cá nhân có thành tích xuất sắc trong tổ chức "
        "Hội thi.",
        images=(
            Image("/Portals/0/Images/2023/traogiai_stkt_VIII_1.jpg", "Trao giải Nhất Hội thi"),
            Image("/Portals/0/Images/2023/traogiai_stkt_VIII_2.jpg", "Các tác giả đạt giải"),
        ),
    ),
    _article(
        743,
        620,
        "25/12/2023",
        "Liên hiệp các Hội KH&KT Long An tổ chức Hội nghị trí thức; Tổng kết hoạt động năm 2023",
        TTB,
        "Sáng ngày 22/12/202,tại Hội trường Tỉnh uỷ, số 188 Trương Định, Phường 1, Tp Tân An, \xa0Liên hiệp các hội "
        "Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị trí thức Khoa học và Công nghệ, quán triệt Chương trình số "
        "38-Ctr/Tu ngày 12/4/2023 của Ban Thường vụ Tỉnh uỷ thực hiện Nghị Quyết số 36-NQ/TW ngày 23/01/2023 của Bộ "
        "Chính trị về “Phát triển ứng dụng công nghệ sinh học phục vụ phát triển bền vững đất nước trong tình hình "
        "mới”. Thành phần dự Hội nghị gồm: Ban Chấp hành Liên Hiệp Hội, đại diện lãnh đạo các Sở,ngành có liên quan; "
        "lãnh đạo và hội viên các Hội thành viên, đơn vị Liên kết. Đồng chí Hoàng Đình Cán UVBTV, Trưởng Ban Tuyên giáo "
        "Tỉnh ủy, Chủ tịch Liên hiệp hội triển khai Chương trình, Nghị Quyết.",
        "\xa0 \xa0 \xa0 \xa0 \xa0 Hội nghị nghe 5 đơn vị tham gia thảo luận gồm: Sở tài nguyên và Mội trường, Sở Nông "
        "nghiệp và Phát triển Nông thôn, Sở Khoa học và Công nghệ, Hội làm vườn tỉnh,Công Ty Cổ phần nghiên cứu Bảo tồn "
        "và Phát triển Dược liệu Đồng Tháng Mười. Các ý kiến xoay quanh việc xây dựng Kế hoạch, cụ thể hóa Chương trình "
        "của Ban Thường vụ Tỉnh uỷ thực hiện Nghị Quyết số 36-NQ/TW ngày 23/01/2023 của Bộ Chính trị, phù hợp chức năng "
        "nhiệm vụ của cơ quan,đơn vị.\n"
        "Cũng tại Hội nghị trí thức Khoa học và Công nghệ sáng ngày 22/12/2023,\xa0Liên hiệp hội tỉnh đã tiến hành Tổng "
        "kết quả hoạt động năm 2023, xác\xa0định phương hướng nhiệm vụ trọng tâm năm 2024.\xa0",
        "Trong năm 2023, Liên hiệp hội tỉnh đã tập trung lãnh đạo, tổ chức thực hiện hoàn thành các nhiệm vụ được giao, "
        "như: Củng cố tổ chức bộ máy đi vào hoạt động ổn định; Xây dựng và triển khai Chương trình hoạt động toàn khóa "
        "của Liên hiệp Hội; thực hiện tốt công tác tư vấn,phản biện xã hội; công tác tuyên truyền, phổ biến pháp luật "
        "và kiến thức được các Hội thành viên và các đơn vị liên kết tích cực phối hợp triển khai thực hiện tốt các "
        "nhiệm vụ có liên quan, góp phần hoàn thành nhiệm vụ của Liên hiệp Hội năm 2023. Đồng thời, Hội nghị cũng chỉ "
        "ra những mặt hạn chế cần tập trung thực hiện tốt trong năm 2024 và những năm tiếp theo.",
        "Đạt được kết quả trên, trước hết là sự quan tâm lãnh, chỉ đạo của Tỉnh ủy, UBND tỉnh, hướng dẫn của Liên hiệp "
        "Hội Việt Nam; sự đoàn kết của BCH, chủ động của Thường trực Liên hiệp Hội và sự nỗ lực khắc phục khó khăn của "
        "các Hội thành viên, đơn vị Liên kết, bám sát nội dung và tình hình thực tế của địa phương, đơn vị tích cực hơn "
        "trong việc xây dựng Kế hoạch phối hợp thực hiện nhiệm vụ Nhà nước giao và nhiệm vụ có liên quan; cụ thể hóa "
        "các văn bản của cấp ủy Đảng, chính quyền, của Liên hiệp Hội; sự phốihợp hỗ trợ của các ban, ngành, đoàn thể, "
        "MTTQVN tỉnh đối với hoạt động của Liên hiệp Hội và nhiệm vụ Nhà nước giao.",
        "Hội nghị cũng đã trao tặng Giấy khen của Chủ tịch Liên hiệp hội cho 5 tập thể và 10 cá nhân có thành tích "
        "đóng góp cho hoạt động của Liên hiệp hội năm 2023./.",
        images=(
            Image("/Portals/0/Images/2023/hoinghitrithuc_2023_1.jpg", "Quang cảnh Hội nghị trí thức"),
            Image("/Portals/0/Images/2023/hoinghitrithuc_2023_2.jpg", "Trao Giấy khen cho các tập thể"),
        ),
    ),
    _article(
        745,
        622,
        "28/12/2023",
        "Hội Tin học tỉnh tổng kết năm 2023, ra mắt Câu lạc bộ Chuyển đổi số",
        NVA,
        "Chiều ngày 27/12/2023, Hội Tin học tỉnh Long An tổ chức Hội nghị tổng kết hoạt động năm 2023 và ra mắt Câu lạc "
        "bộ Chuyển đổi số với 35 thành viên là chuyên gia, doanh nghiệp công nghệ thông tin trên địa bàn tỉnh.",
        "Năm 2023, Hội đã phối hợp tổ chức 05 lớp tập huấn kỹ năng số cho cán bộ cơ sở, hỗ trợ 20 hợp tác xã đưa sản "
        "phẩm lên sàn thương mại điện tử; tham gia góp ý Đề án chuyển đổi số tỉnh Long An đến năm 2025, định hướng đến "
        "năm 2030.",
        "Câu lạc bộ Chuyển đổi số sẽ là nơi kết nối chuyên gia với doanh nghiệp nhỏ và vừa, hợp tác xã, hỗ trợ ứng dụng "
        "các giải pháp số phù hợp với điều kiện của địa phương.",
    ),
    _article(
        751,
        621,
        "17/01/2024",
        "Đổi mới sáng tạo - động lực phát triển kinh tế - xã hội",
        VUSTA,
        "Tại diễn đàn “Đổi mới sáng tạo vì phát triển bền vững” do Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam tổ "
        "chức, các nhà khoa học khẳng định đổi mới sáng tạo là động lực quan trọng để nâng cao năng suất lao động và sức "
        "cạnh tranh của nền kinh tế.",
        "Theo các chuyên gia, để thúc đẩy đổi mới sáng tạo ở địa phương, cần hoàn thiện cơ chế đặt hàng nhiệm vụ khoa "
        "học và công nghệ, tăng cường liên kết giữa viện, trường với doanh nghiệp và phát huy vai trò của các hội khoa "
        "học và kỹ thuật trong việc tập hợp trí thức.",
        "Diễn đàn cũng chia sẻ nhiều mô hình hay của các tỉnh,thành phố trong xây dựng hệ sinh thái khởi nghiệp đổi mới "
        "sáng tạo, hỗ trợ doanh nghiệp nhỏ và vừa tiếp cận công nghệ mới.",
        "Bạn đọc có thể xem toàn văn các tham luận trên trang [vusta.vn](https://vusta.vn/) của Liên hiệp các Hội Khoa "
        "học và Kỹ thuật Việt Nam.",
    ),
    _article(
        758,
        620,
        "07/03/2024",
        "Hội nghị Ban Chấp hành Liên hiệp Hội tỉnh lần thứ 4, khoá IV",
        TTB,
        "Ngày 05/3/2024, Ban Chấp hành Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An khoá IV tổ chức Hội nghị lần "
        "thứ 4 nhằm thông qua chương trình công tác năm 2024 và kiện toàn một số chức danh trong Ban Chấp hành.",
        "Năm 2024, Liên hiệp Hội tập trung triển khai Kế hoạch thực hiện Chương trình số 38-Ctr/TU ngày 12/4/2023 của "
        "Ban Thường vụ Tỉnh ủy; phát động Hội thi Sáng tạo kỹ thuật tỉnh lần thứ IX (2024 - 2025); tổ chức ít nhất 03 "
        "hội thảo tư vấn, phản biện các chương trình, đề án của tỉnh.",
        "Hội nghị đã thống nhất kết nạp Hội Khoa học Kinh tế tỉnh là thành viên thứ 23 của Liên hiệp Hội.",
    ),
    _article(
        762,
        623,
        "26/03/2024",
        "Thông báo Thể lệ Hội thi Sáng tạo kỹ thuật tỉnh Long An lần thứ IX (2024 - 2025)",
        None,
        "Thực hiện Kế hoạch số 815/KH-UBND ngày 15/3/2024 của UBND tỉnh, Ban Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh "
        "Long An lần thứ IX (2024 - 2025) thông báo Thể lệ Hội thi đến các cơ quan, đơn vị, doanh nghiệp và cá nhân trên "
        "địa bàn tỉnh.",
        "Thời gian nhận hồ sơ dự thi: từ ngày 01/4/2024 đến hết ngày 30/6/2025. Hồ sơ gửi trực tiếp hoặc qua đường bưu "
        "điện về Văn phòng Liên hiệp các Hội KH&KT tỉnh Long An.",
        "Mọi thắc mắc xin liên hệ Văn phòng Liên hiệp Hội, điện thoại (0272) 3 822 345 hoặc thư điện tử "
        "[lhhlongan@gmail.com](mailto:lhhlongan@gmail.com).",
        attachments=(
            Attachment("/Portals/0/files/TheLe_HoiThi_STKT_lanIX.pdf", "Thể lệ Hội thi lần thứ IX"),
            Attachment("/Portals/0/files/Mau_ho_so_du_thi_2024.docx", "Mẫu hồ sơ dự thi"),
        ),
    ),
    _article(
        766,
        622,
        "12/04/2024",
        "Hội Đông y tỉnh tổ chức hội thảo về bảo tồn và phát triển cây dược liệu",
        TTB_LVH,
        "Ngày 09/4/2024, Hội Đông y tỉnh Long An phối hợp với Công ty Cổ phần nghiên cứu Bảo tồn và Phát triển Dược "
        "liệu Đồng Tháp Mười tổ chức hội thảo “Bảo tồn và phát triển nguồn dược liệu vùng Đồng Tháp Mười”.",
        "Theo báo cáo tại hội thảo, vùng Đồng Tháp Mười của tỉnh có trên 200 loài cây thuốc, trong đó nhiều loài quý "
        "như sen, tràm, rau đắng đất, cỏ mực... Tuy nhiên, nguồn dược liệu tự nhiên đang suy giảm do chuyển đổi mục "
        "đích sử dụng đất.",
        "Các đại biểu đề xuất xây dựng vườn bảo tồn cây thuốc, hướng dẫn nông dân trồng dược liệu theo tiêu chuẩn "
        "GACP-WHO và hình thành chuỗi liên kết từ trồng trọt, chế biến đến tiêu thụ.",
        "Hội Đông y tỉnh sẽ tổng hợp các ý kiến, kiến nghị với Sở Y tế, Sở Nông nghiệp và PTNT xem xét đưa vào kế hoạch "
        "phát triển dược liệu của tỉnh.",
        images=(Image("/Portals/0/Images/2024/duoclieu_dongthapmuoi.jpg", "Vườn dược liệu vùng Đồng Tháp Mười"),),
    ),
    _article(
        771,
        621,
        "09/05/2024",
        "Ứng dụng công nghệ sinh học trong nhân giống cây trồng",
        None,
        "Thực hiện Nghị Quyết số 36-NQ/TW ngày 23/01/2023 của Bộ Chính trị về phát triển và ứng dụng công nghệ sinh "
        "học, nhiều cơ sở trên địa bàn tỉnh đã đầu tư phòng nuôi cấy mô để nhân giống cây trồng sạch bệnh.",
        "Phòng nuôi cấy mô của Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh hiện mỗi năm cung cấp khoảng "
        "200.000 cây giống chuối, lan, khoai môn sạch bệnh cho nông dân, với giá thấp hơn thị trường 10 - 20%.",
        "Ngoài ra, các chế phẩm vi sinh xử lý môi trường ao nuôi thuỷ sản, chế phẩm phòng trừ sâu bệnh sinh học cũng "
        "đang được chuyển giao rộng rãi, góp phần giảm chi phí và phát triển nông nghiệp bền vững.",
    ),
    _article(
        777,
        620,
        "17/06/2024",
        "Liên hiệp Hội tỉnh phản biện Đề án phát triển cây ăn trái chủ lực đến năm 2030",
        TTB,
        "Ngày 14/6/2024, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức hội thảo phản biện Đề án phát "
        "triển cây ăn trái chủ lực tỉnh Long An đến năm 2030 do Sở Nông nghiệp và Phát triển Nông thôn xây dựng.",
        "Đề án xác định 04 loại cây ăn trái chủ lực gồm thanh long, chanh không hạt, chuối và khóm (dứa), với mục tiêu "
        "đến năm 2030 có 70% diện tích được sản xuất theo các tiêu chuẩn GAP và được cấp mã số vùng trồng.",
        "Các chuyên gia góp ý, Đề án cần đánh giá kỹ tác động của biến đổi khí hậu, xâm nhập mặn tới vùng trồng; bổ "
        "sung giải pháp về giống, cơ giới hoá, chế biến sâu và xây dựng thương hiệu; làm rõ nguồn lực thực hiện theo "
        "từng giai đoạn.",
        "Thay mặt Liên hiệp Hội, đồng chí Phó Chủ tịch Thường trực cảm ơn các ý kiến đóng góp tâm huyết và cho biết kết "
        "quả phản biện sẽ được tổng hợp, gửi UBND tỉnh trong tháng 7/2024.",
        images=(Image("/Portals/0/Images/2024/phanbien_cayantrai.jpg", "Quang cảnh hội thảo phản biện"),),
    ),
    _article(
        781,
        622,
        "02/07/2024",
        "Hội Kiến trúc sư tỉnh phát động cuộc thi ảnh “Kiến trúc Long An - Xưa và Nay”",
        None,
        "Nhằm tôn vinh những giá trị kiến trúc đặc trưng của vùng đất Long An, Hội Kiến trúc sư tỉnh phát động cuộc thi "
        "ảnh “Kiến trúc Long An - Xưa và Nay” dành cho hội viên và những người yêu nhiếp ảnh trong và ngoài tỉnh.",
        "Tác phẩm dự thi gửi về Hội trước ngày 30/9/2024. Các tác phẩm đạt giải sẽ được trưng bày tại Nhà văn hoá Thanh "
        "Niên tỉnh nhân kỷ niệm Ngày Kiến trúc Việt Nam 27/4/2025.",
    ),
    _article(
        789,
        621,
        "15/08/2024",
        "Giải pháp tưới thông minh cho cây chanh không hạt",
        NVA,
        "Hợp tác xã chanh không hạt Thạnh Lợi, huyện Bến Lức đã lắp đặt hệ thống tưới thông minh điều khiển qua điện "
        "thoại cho 20 ha chanh của các thành viên.",
        "Các cảm biến đặt trong vườn liên tục đo độ ẩm đất, nhiệt độ, độ mặn của nguồn nước và gửi dữ liệu về ứng dụng "
        "trên điện thoại. Khi độ ẩm xuống thấp, hệ thống tự động bật máy bơm; khi nước tưới nhiễm mặn vượt ngưỡng, hệ "
        "thống gửi cảnh báo cho người trồng.",
        "Theo Giám đốc hợp tác xã, giải pháp giúp tiết kiệm 30% lượng nước, giảm một nửa công lao động và năng suất "
        "chanh tăng khoảng 15%.",
        "Đây là một trong những mô hình được Sở Khoa học và Công nghệ hỗ trợ kinh phí từ Chương trình đổi mới công "
        "nghệ tỉnh Long An đến năm 2030.",
        images=(Image("/Portals/0/Images/2024/tuoithongminh_chanh.jpg", "Điều khiển hệ thống tưới qua điện thoại"),),
    ),
    _article(
        794,
        620,
        "20/09/2024",
        "Liên hiệp Hội tỉnh sơ kết hoạt động 9 tháng đầu năm 2024",
        TTB,
        "Ngày 18/9/2024, Thường trực Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An tổ chức Hội nghị sơ kết hoạt "
        "động 9 tháng đầu năm và triển khai nhiệm vụ trọng tâm 3 tháng cuối năm 2024.",
        "Trong 9 tháng, Liên hiệp Hội đã thực hiện 03 nhiệm vụ tư vấn, phản biện; tổ chức 07 lớp tập huấn cho hơn 600 "
        "lượt hội viên; phát hành 03 số Bản tin Khoa học và Công nghệ.",
        "Hội thi Sáng tạo kỹ thuật tỉnh lần thứ IX đã nhận được 28 hồ sơ giải pháp. Cuộc thi Sáng tạo Thanh thiếu niên "
        "Nhi đồng lần thứ 17 có 156 mô hình, sản phẩm dự thi của học sinh các trường trung học.",
        "Công tác tuyên truyền được đẩy mạnh, Trang thông tin điện tử của Liên hiệp Hội đăng tải 45 tin, bài về hoạt "
        "động khoa học và côngnghệ của tỉnh.",
        "Các Hội thành viên tiếp tục duy trì sinh hoạt, nhiều Hội tổ chức hoạt động thiết thực như khám bệnh miễn phí, "
        "chuyển giao kỹ thuật, góp ý quy hoạch.",
        "Hội nghị cũng chỉ ra một số hạn chế:\n- Kinh phí hoạt động còn hạn hẹp;\n- Một số Hội thành viên chưa gửi báo "
        "cáo định kỳ đúng hạn;\n- Việc ứng dụng công nghệ thông tin trong quản lý hội viên còn chậm.",
        "Ba tháng cuối năm, Liên hiệp Hội tập trung hoàn thành các nhiệm vụ theo kế hoạch, chuẩn bị tổng kết năm 2024 "
        "và xây dựng chương trình công tác năm 2025.",
        "Hội nghị thống nhất đề nghị khen thưởng 04 tập thể và 08 cá nhân có thành tích xuất sắc trong 9 tháng đầu năm.",
    ),
)

STATIC_PAGES = (
    StaticPage(
        609,
        "Chức năng, nhiệm vụ, quyền hạn",
        1240,
        (
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An (gọi tắt là Liên hiệp Hội) được thành lập theo Quyết "
            "định số 45/2005/QĐ-UB ngày 07/01/2005 của Uỷ ban nhân dân tỉnh Long An, làthành viên của Liên hiệp các Hội "
            "Khoa học và Kỹ thuật Việt Nam.",
            "Liên hiệp Hội là tổ chức chính trị - xã hội, tập hợp, đoàn kết các hội khoa học và kỹ thuật, đội ngũ trí "
            "thức khoa học và công nghệ trên địa bàn tỉnh.",
            "I. CHỨC NĂNG",
            "Liên hiệp Hội có chức năng tập hợp, đoàn kết, phối hợp hoạt động của các hội thành viên; làm đầu mối giữa "
            "các hội thành viên với các cơ quan Đảng, Nhà nước; tư vấn, phản biện và giám định xã hội các chương trình, "
            "đề án phát triển kinh tế - xã hội của tỉnh.",
            "II. NHIỆM VỤ, QUYỀN HẠN",
            "1. Tập hợp, đoàn kết đội ngũ trí thức khoa học và công nghệ, động viên hội viên tham gia các hoạt động khoa "
            "học và côngnghệ, phát triển kinh tế - xã hội của địa phương.\n"
            "2. Tư vấn, phản biện và giám định xã hội theo Quyết định số 14/2014/QĐ-TTg ngày 14/02/2014 của Thủ tướng "
            "Chính phủ.\n"
            "3. Phổ biến kiến thức khoa học và công nghệ, tổ chức các hội thi, cuộc thi sáng tạo kỹ thuật.\n"
            "4. Bảo vệ quyền và lợi ích hợp pháp của hội viên, các hội thành viên.",
        ),
    ),
    StaticPage(
        610,
        "Cơ cấu tổ chức",
        1241,
        (
            "Ban Chấp hành Liên hiệp Hội khoá IV (nhiệm kỳ 2022 - 2027) gồm 31 uỷ viên, Ban Thường vụ gồm 09 ủy viên.",
            "Thường trực Liên hiệp Hội:\n- Chủ tịch: Đồng chí Hoàng Đình Cán, UVBTV, Trưởng Ban Tuyên giáo Tỉnh ủy\n"
            "- Phó Chủ tịch Thường trực: phụ trách công tác chuyên môn\n- Phó Chủ tịch: phụ trách công tác tư vấn, phản "
            "biện",
            "Các ban chuyên môn: Văn phòng; Ban Khoa học - Tư vấn, Phản biện; Ban Tổ chức - Phong trào.",
            "Hội thành viên: 23 Hội và đơn vị liên kết, trong đó có Hội Y học, Hội Đông y, Hội Dược học, Hội Làm vườn, "
            "Hội Kiến trúc sư, Hội Tin học, Hội Bảo vệ thiên nhiên và môi trường, Hội Khoa học Kinh tế...",
        ),
    ),
    StaticPage(
        611,
        "Liên hệ",
        1242,
        (
            "LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH LONG AN",
            "Địa chỉ: Số 03 Võ Văn Tần, Phường 2, TP Tân An, tỉnh Long An\n"
            "Điện thoại: (0272) 3 822 345 - Fax: (0272) 3 822 346\n"
            "Thư điện tử: [lhhlongan@gmail.com](mailto:lhhlongan@gmail.com)",
            "Giờ làm việc: Sáng 7 giờ - 11 giờ; Chiều 13 giờ 30 - 17 giờ, từ thứ Hai đến thứ Sáu.",
        ),
    ),
)

GENERATED = int(os.environ.get("REPLICA_GENERATED_ARTICLES", "0"))
ARTICLES += generated_articles(GENERATED)
_BY_ID = {a.cms_id: a for a in ARTICLES}
_CATEGORIES = {c.tabid: c for c in CATEGORIES}
_PAGES = {p.tabid: p for p in STATIC_PAGES}


def category(tabid: int) -> Category | None:
    return _CATEGORIES.get(tabid)


def static_page(tabid: int) -> StaticPage | None:
    return _PAGES.get(tabid)


def article(cms_id: int) -> Article | None:
    return _BY_ID.get(cms_id)


@cache
def articles_in(tabid: int) -> list[Article]:
    """A category's articles, newest first, as its list pages show them."""
    return sorted((a for a in ARTICLES if a.tabid == tabid), key=lambda a: a.cms_id, reverse=True)


def page_count(tabid: int) -> int:
    return max(1, -(-len(articles_in(tabid)) // ARTICLES_PER_PAGE))


def list_page(tabid: int, page: int) -> list[Article]:
    """The articles on page ``page`` (1-based) of a category; empty past the last page."""
    start = (page - 1) * ARTICLES_PER_PAGE
    return articles_in(tabid)[start : start + ARTICLES_PER_PAGE] if page >= 1 else []


def related(item: Article) -> list[Article]:
    """ "Các tin khác": the articles published just before this one in its category,
    topped up with the next newer ones when there are too few older ones."""
    siblings = [a for a in articles_in(item.tabid) if a.cms_id != item.cms_id]
    older = [a for a in siblings if a.cms_id < item.cms_id]
    newer = [a for a in reversed(siblings) if a.cms_id > item.cms_id]
    return (older + newer)[:RELATED_COUNT]
