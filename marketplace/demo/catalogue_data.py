"""Demo catalogue content for the OCOP marketplace.

Pure data, no Django imports: categories, cooperatives, products and the colour palettes used to
draw placeholder product images. Names, places and numbers follow the project's seed articles
(Phú Thọ, Thái Nguyên, Sơn La, Vĩnh Phúc) and well-known OCOP specialities of other provinces.

Places use the two-level administrative units in force since 1 July 2025: ``province_code`` and
``ward_name`` are spelled exactly as in the ``vietnam-provinces`` package. Pre-2025 district
names appear only inside the story text. Prices are whole đồng (VND has no minor unit).
GTINs are GTIN-13 with Vietnam's GS1 prefix 893 and a valid mod-10 check digit; products of
cooperatives without GS1 membership have ``gtin`` set to None. Phone numbers and e-mail
addresses are fictitious (``ocop.example``).
"""

CATEGORIES = [
    {
        "slug": "che-tra",
        "name": "Chè và trà",
        "name_en": "Tea",
        "description": (
            "Chè búp, trà xanh, Ô long và chè Shan tuyết từ các vùng chè nổi tiếng như Tân Cương, "
            "Mộc Châu và trung du Phú Thọ."
        ),
        "description_en": (
            "Tea buds, green tea, oolong and Shan tuyết tea from famous tea country such as Tân "
            "Cương, Mộc Châu and the Phú Thọ midlands."
        ),
    },
    {
        "slug": "gao",
        "name": "Gạo và nếp",
        "name_en": "Rice",
        "description": (
            "Gạo thơm đặc sản và nếp vùng cao, xay xát và đóng gói ngay tại hợp tác xã sau mỗi vụ "
            "thu hoạch."
        ),
        "description_en": (
            "Fragrant speciality rice and highland sticky rice, milled and packed at the "
            "cooperative after each harvest."
        ),
    },
    {
        "slug": "mat-ong",
        "name": "Mật ong",
        "name_en": "Honey",
        "description": (
            "Mật ong nguyên chất từ hoa nhãn, hoa bạc hà, hoa cà phê và hoa rừng, quay khi đã vít "
            "nắp và kiểm nghiệm theo từng lô."
        ),
        "description_en": (
            "Pure honey from longan, mint, coffee and forest flowers, extracted once the combs "
            "are capped and tested lot by lot."
        ),
    },
    {
        "slug": "trai-cay",
        "name": "Trái cây",
        "name_en": "Fruit",
        "description": (
            "Trái cây tươi theo mùa từ các vùng chỉ dẫn địa lý: cam Cao Phong, bưởi Đoan Hùng, "
            "nhãn lồng Hưng Yên, mận hậu Sơn La."
        ),
        "description_en": (
            "Fresh seasonal fruit from geographical-indication areas: Cao Phong oranges, Đoan "
            "Hùng pomelos, Hưng Yên longans, Sơn La plums."
        ),
    },
    {
        "slug": "dac-san-che-bien",
        "name": "Đặc sản chế biến",
        "name_en": "Dried and processed food",
        "description": (
            "Đồ khô và đặc sản chế biến như miến dong, long nhãn, kẹo dừa, đường thốt nốt, măng "
            "khô. Dễ bảo quản, hợp làm quà biếu."
        ),
        "description_en": (
            "Dried and processed specialities such as glass noodles, dried longan, coconut candy, "
            "palm sugar and dried bamboo shoots. Easy to keep and good as gifts."
        ),
    },
    {
        "slug": "duoc-lieu",
        "name": "Dược liệu",
        "name_en": "Herbs and medicinal products",
        "description": (
            "Thảo dược, tinh dầu và bài thuốc dân gian của đồng bào vùng cao, trồng dưới tán rừng "
            "và sơ chế thủ công."
        ),
        "description_en": (
            "Herbs, essential oils and folk remedies of the highland peoples, grown under the "
            "forest canopy and prepared by hand."
        ),
    },
    {
        "slug": "thu-cong-my-nghe",
        "name": "Thủ công mỹ nghệ",
        "name_en": "Handicrafts",
        "description": (
            "Gốm Bát Tràng, mây tre đan Phú Vinh, thổ cẩm và đồ thêu tay của các làng nghề truyền "
            "thống."
        ),
        "description_en": (
            "Bát Tràng ceramics, Phú Vinh rattan and bamboo, brocade and hand embroidery from "
            "traditional craft villages."
        ),
    },
    {
        "slug": "do-uong",
        "name": "Đồ uống",
        "name_en": "Drinks",
        "description": (
            "Cà phê rang mộc Tây Nguyên và Tây Bắc, nước ép trái cây và đồ uống truyền thống của "
            "các địa phương."
        ),
        "description_en": (
            "Natural-roasted coffee from the Central Highlands and the Northwest, fruit juices "
            "and traditional drinks of each region."
        ),
    },
    {
        "slug": "nuoc-mam-gia-vi",
        "name": "Nước mắm và gia vị",
        "name_en": "Fish sauce and spices",
        "description": (
            "Nước mắm truyền thống ủ thùng gỗ, tiêu, quế và các loại gia vị đặc sản vùng miền."
        ),
        "description_en": (
            "Traditional fish sauce aged in wooden barrels, pepper, cinnamon and regional spices."
        ),
    },
]

COOPERATIVES = [
    {
        "slug": "htx-che-cam-my",
        "name": "Hợp tác xã Chè Cam My",
        "province_code": 25,
        "ward_name": "Xã Cự Đồng",
        "address": "Khu 3, Xã Cự Đồng, Phú Thọ",
        "phone": "+84 912 483 726",
        "email": "htx-che-cam-my@ocop.example",
        "founded_year": 2016,
        "members_count": 15,
        "story": (
            "Hợp tác xã Chè Cam My ra đời ở xã Tất Thắng, huyện Thanh Sơn cũ (nay là xã Cự Đồng, "
            "tỉnh Phú Thọ), nơi những đồi chè trung du nối nhau dưới chân núi. Hợp tác xã hiện có "
            "hơn 15 ha chè đạt chứng nhận VietGAP, hái búp một tôm hai lá và sao trên chảo gang. "
            "Bà Nguyễn Thị Cẩm My, phó giám đốc, cho biết hai năm gần đây hợp tác xã đã đưa sản "
            "phẩm lên trang nongsan.phutho.gov.vn, lập website và fanpage riêng, nhờ vậy khách ở "
            "các tỉnh, thành phố khác biết đến và đặt mua chè xanh Cam My ngày càng nhiều."
        ),
        "story_en": (
            "Cam My Tea Cooperative was founded in Tất Thắng commune, former Thanh Sơn district "
            "(now Cự Đồng commune, Phú Thọ province), where midland tea hills roll along the foot "
            "of the mountains. The cooperative farms more than 15 ha of VietGAP-certified tea, "
            "picking one bud and two leaves and pan-roasting them in cast-iron woks. Deputy "
            "director Nguyễn Thị Cẩm My says that over the past two years the cooperative has "
            "listed its products on nongsan.phutho.gov.vn and set up its own website and fanpage, "
            "so more and more customers in other provinces and cities know and order Cam My green "
            "tea."
        ),
    },
    {
        "slug": "htx-buoi-chi-dam",
        "name": "Hợp tác xã Bưởi Chí Đám",
        "province_code": 25,
        "ward_name": "Xã Chí Đám",
        "address": "Khu 8, Xã Chí Đám, Phú Thọ",
        "phone": "+84 975 216 438",
        "email": "htx-buoi-chi-dam@ocop.example",
        "founded_year": 2013,
        "members_count": 42,
        "story": (
            "Bưởi Sửu Chí Đám và bưởi Bằng Luân là hai giống làm nên thương hiệu bưởi Đoan Hùng, "
            "trồng trên đất phù sa ven sông Lô của huyện Đoan Hùng cũ, nay thuộc tỉnh Phú Thọ. Hợp "
            "tác xã Bưởi Chí Đám tập hợp các hộ trồng bưởi lâu năm, canh tác theo VietGAP, bón "
            "phân hữu cơ và bao trái để quả vỏ mỏng, tép vàng, vị ngọt thanh. Mùa thu hoạch từ "
            "tháng 10 đến trước Tết, hợp tác xã tuyển từng quả, dán tem truy xuất rồi giao đi khắp "
            "cả nước; vỏ bưởi được tận dụng để chưng cất tinh dầu và làm mứt."
        ),
        "story_en": (
            "Sửu Chí Đám and Bằng Luân pomelos are the two varieties behind the Đoan Hùng pomelo "
            "brand, grown on the alluvial soil of the Lô River in former Đoan Hùng district, now "
            "part of Phú Thọ province. Chí Đám Pomelo Cooperative brings together long-standing "
            "growers who farm to VietGAP, use organic fertiliser and bag the fruit so that it has "
            "a thin rind, golden segments and a clean sweetness. From October until Tết the "
            "cooperative grades every fruit, labels it for traceability and ships it across the "
            "country; the peel is distilled into essential oil or candied."
        ),
    },
    {
        "slug": "htx-cam-cao-phong",
        "name": "Hợp tác xã Cam Cao Phong",
        "province_code": 25,
        "ward_name": "Xã Cao Phong",
        "address": "Khu 2, Xã Cao Phong, Phú Thọ",
        "phone": "+84 868 305 912",
        "email": "htx-cam-cao-phong@ocop.example",
        "founded_year": 2014,
        "members_count": 37,
        "story": (
            "Cam Cao Phong nổi tiếng từ thời nông trường quốc doanh những năm 1960 trên vùng đồi "
            "huyện Cao Phong cũ của tỉnh Hòa Bình, nay là xã Cao Phong, tỉnh Phú Thọ. Hợp tác xã "
            "Cam Cao Phong được các hộ trồng cam thành lập năm 2014 để cùng làm theo quy trình "
            "VietGAP, tưới nhỏ giọt và ghi nhật ký canh tác trên điện thoại. Ngoài cam đường canh "
            "và cam lòng vàng bán tươi từ tháng 11 đến Tết, hợp tác xã còn làm nước cam thanh "
            "trùng và cam sấy dẻo để đỡ áp lực tiêu thụ mỗi khi được mùa."
        ),
        "story_en": (
            "Cao Phong oranges have been famous since the state farm of the 1960s on the hills of "
            "former Cao Phong district in Hòa Bình province, now Cao Phong commune in Phú Thọ "
            "province. Orange growers set up Cao Phong Orange Cooperative in 2014 to farm together "
            "to VietGAP, with drip irrigation and a crop diary kept on their phones. Besides fresh "
            "đường canh and lòng vàng oranges sold from November until Tết, the cooperative makes "
            "pasteurised orange juice and soft-dried orange slices to ease the pressure on sales "
            "in bumper years."
        ),
    },
    {
        "slug": "htx-tho-cam-ban-lac",
        "name": "Hợp tác xã Dệt thổ cẩm Bản Lác",
        "province_code": 25,
        "ward_name": "Xã Mai Hạ",
        "address": "Bản Lác, Xã Mai Hạ, Phú Thọ",
        "phone": "+84 389 617 254",
        "email": "htx-tho-cam-ban-lac@ocop.example",
        "founded_year": 2011,
        "members_count": 24,
        "story": (
            "Bản Lác thuộc xã Chiềng Châu, huyện Mai Châu cũ của tỉnh Hòa Bình, nay là xã Mai Hạ, "
            "tỉnh Phú Thọ, là bản du lịch cộng đồng của người Thái trắng. Hợp tác xã Dệt thổ cẩm "
            "Bản Lác gồm các chị em vẫn giữ khung cửi dưới gầm nhà sàn, tự nhuộm sợi và dệt hoa "
            "văn truyền thống. Mỗi chiếc khăn mất từ hai đến năm ngày dệt tay. Khách có thể ghé "
            "xưởng xem dệt và đặt hàng theo màu; sản phẩm bán trên sàn giúp phụ nữ trong bản có "
            "thu nhập đều đặn quanh năm."
        ),
        "story_en": (
            "Bản Lác, in Chiềng Châu commune of former Mai Châu district in Hòa Bình province (now "
            "Mai Hạ commune, Phú Thọ province), is a community-tourism village of the White Thái "
            "people. The members of Bản Lác Brocade Weaving Cooperative still keep their looms "
            "beneath their stilt houses, dye their own yarn and weave traditional patterns. Each "
            "scarf takes two to five days of hand weaving. Visitors can drop by the workshop to "
            "watch the weaving and order in the colours they like, and sales on the marketplace "
            "give the women of the village a steady income all year round."
        ),
    },
    {
        "slug": "htx-mat-ong-tam-dao",
        "name": "Hợp tác xã Mật ong Tam Đảo",
        "province_code": 25,
        "ward_name": "Xã Tam Đảo",
        "address": "Thôn Đồng Bùa, Xã Tam Đảo, Phú Thọ",
        "phone": "+84 934 572 068",
        "email": "htx-mat-ong-tam-dao@ocop.example",
        "founded_year": 2018,
        "members_count": 11,
        "story": (
            "Hợp tác xã Mật ong Tam Đảo nằm dưới chân dãy Tam Đảo, thuộc huyện Tam Đảo cũ của tỉnh "
            "Vĩnh Phúc, nay là xã Tam Đảo, tỉnh Phú Thọ. Các thành viên nuôi ong nội ven vườn quốc "
            "gia, để ong tự lấy mật hoa rừng và chỉ quay mật khi cầu ong đã vít nắp, nên mật đặc "
            "và thơm. Hợp tác xã còn trồng và sấy trà hoa vàng, loài cây quý của vùng núi Tam Đảo. "
            "Mỗi mẻ mật đều được ghi ngày quay, vị trí đặt đàn và gửi mẫu kiểm nghiệm độ ẩm trước "
            "khi đóng chai."
        ),
        "story_en": (
            "Tam Đảo Honey Cooperative sits at the foot of the Tam Đảo range, in former Tam Đảo "
            "district of Vĩnh Phúc province, now Tam Đảo commune in Phú Thọ province. Members keep "
            "native bees beside the national park, let them forage on wild flowers and only "
            "extract honey once the combs are capped, so the honey is thick and fragrant. The "
            "cooperative also grows and dries golden camellia, a prized plant of the Tam Đảo "
            "mountains. Every batch is recorded with its extraction date and hive location, and a "
            "sample is tested for moisture before bottling."
        ),
    },
    {
        "slug": "htx-che-tan-cuong",
        "name": "Hợp tác xã Chè Tân Cương",
        "province_code": 19,
        "ward_name": "Xã Tân Cương",
        "address": "Xóm Hồng Thái 2, Xã Tân Cương, Thái Nguyên",
        "phone": "+84 984 261 537",
        "email": "htx-che-tan-cuong@ocop.example",
        "founded_year": 2009,
        "members_count": 28,
        "story": (
            "Tân Cương là vùng chè đặc sản nổi tiếng nhất Thái Nguyên, nằm phía tây thành phố Thái "
            "Nguyên cũ, nay là xã Tân Cương. Hợp tác xã Chè Tân Cương được thành lập năm 2009 bởi "
            "các hộ có truyền thống làm chè ba đời. Búp chè được hái từ sáng sớm, vò và sao bằng "
            "tôn quay rồi lên hương trên chảo gang để nước xanh, vị chát dịu và hậu ngọt. Hợp tác "
            "xã có vùng chè sản xuất theo VietGAP, đón khách trải nghiệm hái và sao chè, và bán "
            "hàng qua các sàn thương mại điện tử của tỉnh."
        ),
        "story_en": (
            "Tân Cương is Thái Nguyên's most famous speciality tea area, west of the former Thái "
            "Nguyên city and now Tân Cương commune. Tân Cương Tea Cooperative was founded in 2009 "
            "by families who have made tea for three generations. Buds are picked early in the "
            "morning, rolled and roasted in rotating drums, then finished in cast-iron pans to "
            "bring out the aroma, giving a green liquor, gentle astringency and a sweet "
            "aftertaste. The cooperative farms to VietGAP, welcomes visitors to pick and roast "
            "tea, and sells through the province's e-commerce platforms."
        ),
    },
    {
        "slug": "htx-mien-dong-con-minh",
        "name": "Hợp tác xã Miến dong Côn Minh",
        "province_code": 19,
        "ward_name": "Xã Côn Minh",
        "address": "Thôn Nà Mòn, Xã Côn Minh, Thái Nguyên",
        "phone": "+84 358 924 170",
        "email": "htx-mien-dong-con-minh@ocop.example",
        "founded_year": 2015,
        "members_count": 19,
        "story": (
            "Xã Côn Minh thuộc huyện Na Rì cũ của tỉnh Bắc Kạn, nay thuộc tỉnh Thái Nguyên, là "
            "vùng trồng dong riềng và làm miến dong lâu đời của đồng bào Tày. Hợp tác xã Miến dong "
            "Côn Minh chọn củ dong riềng đỏ, lọc tinh bột nhiều lần bằng nước suối rồi tráng bánh, "
            "phơi nắng và cắt sợi, không dùng chất tẩy trắng. Sợi miến dai, trong, nấu không bị "
            "nát. Mùa làm miến kéo dài từ tháng 11 đến tháng 2 âm lịch, khi cả thôn phủ kín những "
            "giàn phơi."
        ),
        "story_en": (
            "Côn Minh commune, in former Na Rì district of Bắc Kạn province and now part of Thái "
            "Nguyên province, is where Tày families have long grown canna and made canna-starch "
            "noodles. Côn Minh Canna Noodle Cooperative selects red canna roots, washes the starch "
            "several times in stream water, then steams it into sheets, sun-dries them and cuts "
            "them into strands, without any bleaching agent. The noodles are chewy and translucent "
            "and do not break up when cooked. Noodle season runs from the 11th to the 2nd lunar "
            "month, when drying racks cover the whole village."
        ),
    },
    {
        "slug": "htx-che-chieng-son",
        "name": "Hợp tác xã Chè Chiềng Sơn",
        "province_code": 14,
        "ward_name": "Xã Chiềng Sơn",
        "address": "Bản Pa Kha, Xã Chiềng Sơn, Sơn La",
        "phone": "+84 915 738 402",
        "email": "htx-che-chieng-son@ocop.example",
        "founded_year": 2012,
        "members_count": 46,
        "story": (
            "Cao nguyên Mộc Châu mát quanh năm, nhiều sương mù, rất hợp với cây chè. Hợp tác xã "
            "Chè Chiềng Sơn ở xã Chiềng Sơn, huyện Mộc Châu cũ của tỉnh Sơn La, trồng chè Ô long "
            "trên đồi thấp và chè Shan tuyết cổ thụ trên núi cao. Thành viên là người Thái, người "
            "Mông và người Kinh, cùng làm theo một quy trình và ghi nhật ký từng lứa hái. Sản phẩm "
            "của hợp tác xã nằm trong số 59 sản phẩm OCOP của Sơn La được bày bán trên các sàn "
            "thương mại điện tử, giúp chè Mộc Châu đến được với khách ở xa."
        ),
        "story_en": (
            "The Mộc Châu plateau is cool all year round and often misty, ideal for tea. Chiềng "
            "Sơn Tea Cooperative, in Chiềng Sơn commune of former Mộc Châu district, Sơn La, grows "
            "oolong on the lower hills and ancient Shan tuyết tea trees higher up the mountains. "
            "Its Thái, Hmong and Kinh members follow a single process and keep a diary for every "
            "picking. The cooperative's products are among the 59 Sơn La OCOP products listed on "
            "e-commerce platforms, which carry Mộc Châu tea to faraway customers."
        ),
    },
    {
        "slug": "htx-nong-san-co-noi",
        "name": "Hợp tác xã Nông sản Cò Nòi",
        "province_code": 14,
        "ward_name": "Xã Mai Sơn",
        "address": "Tiểu khu 4, Xã Mai Sơn, Sơn La",
        "phone": "+84 326 158 947",
        "email": "htx-nong-san-co-noi@ocop.example",
        "founded_year": 2017,
        "members_count": 33,
        "story": (
            "Hợp tác xã Nông sản Cò Nòi ở vùng Hát Lót – Cò Nòi, huyện Mai Sơn cũ, nay là xã Mai "
            "Sơn, tỉnh Sơn La. Trên những đồi cao, thành viên trồng cà phê Arabica xen với mận hậu "
            "và xoài. Cà phê được hái chín chọn lọc, sơ chế ướt, phơi trên giàn rồi rang mộc tại "
            "xưởng của hợp tác xã. Nhờ tham gia các tổ công nghệ số cộng đồng của tỉnh, các thành "
            "viên đã quen bán hàng trên sàn thương mại điện tử và livestream vào mùa mận, mùa cà "
            "phê, thay vì chờ thương lái đến mua."
        ),
        "story_en": (
            "Cò Nòi Farm Produce Cooperative works in the Hát Lót – Cò Nòi area of former Mai Sơn "
            "district, now Mai Sơn commune, Sơn La province. On the high hills, members grow "
            "Arabica coffee interplanted with plums and mangoes. The coffee is selectively picked "
            "when ripe, wet-processed, dried on raised beds and roasted without additives at the "
            "cooperative's workshop. Through the province's community digital technology groups, "
            "members have learned to sell on e-commerce platforms and by livestream in plum and "
            "coffee season, instead of waiting for traders to come and buy."
        ),
    },
    {
        "slug": "htx-gom-bat-trang",
        "name": "Hợp tác xã Gốm Bát Tràng",
        "province_code": 1,
        "ward_name": "Xã Bát Tràng",
        "address": "Thôn Giang Cao, Xã Bát Tràng, Thành phố Hà Nội",
        "phone": "+84 904 617 385",
        "email": "htx-gom-bat-trang@ocop.example",
        "founded_year": 2008,
        "members_count": 64,
        "story": (
            "Làng gốm Bát Tràng ven sông Hồng, thuộc huyện Gia Lâm cũ, nay là xã Bát Tràng, thành "
            "phố Hà Nội, đã có lịch sử hơn năm trăm năm. Hợp tác xã Gốm Bát Tràng quy tụ các lò "
            "gia đình ở thôn Giang Cao và thôn Bát Tràng, giữ các dòng men truyền thống như men "
            "lam, men rạn, men hỏa biến. Mỗi sản phẩm được tạo dáng, vẽ tay và nung ở khoảng 1.200 "
            "đến 1.300 độ C. Hợp tác xã nhận làm quà tặng theo yêu cầu và đóng gói chống va đập "
            "khi giao hàng đi xa."
        ),
        "story_en": (
            "The Bát Tràng pottery village on the Red River, in former Gia Lâm district and now "
            "Bát Tràng commune, Hà Nội, has a history of more than five hundred years. Bát Tràng "
            "Pottery Cooperative brings together family kilns in Giang Cao and Bát Tràng villages "
            "and keeps traditional glazes alive: blue-and-white, crackle and flambé. Every piece "
            "is shaped, painted by hand and fired at about 1,200 to 1,300 °C. The cooperative "
            "takes custom gift orders and packs every parcel against knocks for long-distance "
            "delivery."
        ),
    },
    {
        "slug": "htx-may-tre-phu-vinh",
        "name": "Hợp tác xã Mây tre đan Phú Vinh",
        "province_code": 1,
        "ward_name": "Xã Phú Nghĩa",
        "address": "Thôn Phú Vinh, Xã Phú Nghĩa, Thành phố Hà Nội",
        "phone": "+84 963 284 519",
        "email": "htx-may-tre-phu-vinh@ocop.example",
        "founded_year": 2010,
        "members_count": 85,
        "story": (
            "Làng Phú Vinh thuộc huyện Chương Mỹ cũ, nay là xã Phú Nghĩa, thành phố Hà Nội, có "
            "nghề mây tre đan hơn 400 năm. Hợp tác xã Mây tre đan Phú Vinh liên kết hơn 80 hộ thợ, "
            "phần lớn là phụ nữ lớn tuổi làm tại nhà lúc nông nhàn. Sợi mây được luộc, phơi, chuốt "
            "rồi đan hoàn toàn bằng tay, sau đó hun khói để chống mốc. Nhiều thợ ngoài năm mươi "
            "tuổi đã học chụp ảnh sản phẩm bằng điện thoại để đăng bán, để không ai bị bỏ lại phía "
            "sau khi làng nghề lên sàn."
        ),
        "story_en": (
            "Phú Vinh village, in former Chương Mỹ district and now Phú Nghĩa commune, Hà Nội, has "
            "practised rattan and bamboo weaving for more than 400 years. Phú Vinh Rattan Weaving "
            "Cooperative links over 80 artisan households, mostly older women who weave at home "
            "between farming seasons. The rattan is boiled, dried and split, woven entirely by "
            "hand, then smoked to prevent mould. Many weavers over fifty have learned to "
            "photograph their work on a phone and list it for sale, so that no one is left behind "
            "as the craft village goes online."
        ),
    },
    {
        "slug": "htx-lua-tom-hoa-tu",
        "name": "Hợp tác xã Lúa tôm Hòa Tú",
        "province_code": 92,
        "ward_name": "Xã Hòa Tú",
        "address": "Ấp Hòa Hưng, Xã Hòa Tú, Thành phố Cần Thơ",
        "phone": "+84 939 471 826",
        "email": "htx-lua-tom-hoa-tu@ocop.example",
        "founded_year": 2012,
        "members_count": 57,
        "story": (
            "Xã Hòa Tú thuộc huyện Mỹ Xuyên cũ của tỉnh Sóc Trăng, nay thuộc thành phố Cần Thơ, là "
            "vùng luân canh tôm – lúa: mùa khô nuôi tôm, mùa mưa trồng lúa trên cùng một thửa "
            "ruộng. Hợp tác xã Lúa tôm Hòa Tú trồng các giống ST25 và ST24 do kỹ sư Hồ Quang Cua "
            "và cộng sự lai tạo, gần như không cần phân hóa học vì đất đã giàu dinh dưỡng sau vụ "
            "tôm. Gạo được xay xát, đóng gói ngay tại hợp tác xã và có tem truy xuất theo từng vụ, "
            "từng cánh đồng."
        ),
        "story_en": (
            "Hòa Tú commune, in former Mỹ Xuyên district of Sóc Trăng province and now part of Cần "
            "Thơ city, practises shrimp–rice rotation: shrimp in the dry season and rice in the "
            "rainy season on the same field. Hòa Tú Shrimp-Rice Cooperative grows the ST25 and "
            "ST24 varieties bred by engineer Hồ Quang Cua and his colleagues, with almost no "
            "chemical fertiliser because the soil is rich after the shrimp crop. The rice is "
            "milled and packed at the cooperative and carries a traceability label for each season "
            "and each field."
        ),
    },
    {
        "slug": "htx-nuoc-mam-ham-ninh",
        "name": "Hợp tác xã Nước mắm Hàm Ninh",
        "province_code": 91,
        "ward_name": "Đặc khu Phú Quốc",
        "address": "Ấp Rạch Hàm, Đặc khu Phú Quốc, An Giang",
        "phone": "+84 947 305 618",
        "email": "htx-nuoc-mam-ham-ninh@ocop.example",
        "founded_year": 2011,
        "members_count": 22,
        "story": (
            "Làng chài Hàm Ninh nằm ở bờ đông đảo Phú Quốc, trước thuộc tỉnh Kiên Giang, nay là "
            "đặc khu Phú Quốc, tỉnh An Giang. Hợp tác xã Nước mắm Hàm Ninh chỉ dùng cá cơm đánh "
            "bắt quanh đảo, ướp muối ngay trên thuyền theo tỉ lệ truyền thống và ủ chượp trong "
            "thùng gỗ bời lời từ 12 đến 15 tháng. Nước mắm Phú Quốc là sản phẩm được bảo hộ chỉ "
            "dẫn địa lý, nước mắm màu cánh gián, thơm và hậu ngọt. Ngoài nước mắm, hợp tác xã còn "
            "bán tiêu và rượu sim của các hộ thành viên."
        ),
        "story_en": (
            "The fishing village of Hàm Ninh lies on the east coast of Phú Quốc island, formerly "
            "in Kiên Giang province and now Phú Quốc special zone, An Giang province. Hàm Ninh "
            "Fish Sauce Cooperative uses only anchovies caught around the island, salted on board "
            "in the traditional ratio and fermented in wooden bời lời barrels for 12 to 15 months. "
            "Phú Quốc fish sauce is protected by a geographical indication: it is amber-brown, "
            "fragrant and sweet on the finish. Besides fish sauce, the cooperative sells pepper "
            "and rose-myrtle wine made by member households."
        ),
    },
    {
        "slug": "htx-thot-not-tri-ton",
        "name": "Hợp tác xã Thốt nốt Tri Tôn",
        "province_code": 91,
        "ward_name": "Xã Tri Tôn",
        "address": "Ấp Phước Lọc, Xã Tri Tôn, An Giang",
        "phone": "+84 365 829 104",
        "email": "htx-thot-not-tri-ton@ocop.example",
        "founded_year": 2016,
        "members_count": 31,
        "story": (
            "Vùng Bảy Núi thuộc huyện Tri Tôn cũ của tỉnh An Giang có hàng chục nghìn cây thốt nốt "
            "mọc trên bờ ruộng. Hợp tác xã Thốt nốt Tri Tôn gồm các hộ đồng bào Khmer trèo cây lấy "
            "nước thốt nốt mỗi sáng trong mùa khô, rồi nấu thành đường trên bếp củi theo cách của "
            "ông bà. Hợp tác xã còn trồng lúa mùa nàng Nhen thơm, giống lúa đặc sản của Bảy Núi. "
            "Nhờ sản phẩm được công nhận OCOP và bán trên mạng, nghề leo thốt nốt vốn vất vả đã "
            "mang lại thu nhập khá hơn cho bà con."
        ),
        "story_en": (
            "The Seven Mountains area of former Tri Tôn district, An Giang province, has tens of "
            "thousands of palmyra palms growing on the rice-field dykes. Tri Tôn Palm Sugar "
            "Cooperative is made up of Khmer households who climb the palms every morning in the "
            "dry season to collect the sap, then boil it into sugar over wood fires as their "
            "grandparents did. The cooperative also grows fragrant Nàng Nhen rice, a speciality of "
            "the Seven Mountains. With OCOP recognition and online sales, the hard work of palm "
            "climbing now brings families a better income."
        ),
    },
    {
        "slug": "htx-nhan-long-hong-chau",
        "name": "Hợp tác xã Nhãn lồng Hồng Châu",
        "province_code": 33,
        "ward_name": "Phường Hồng Châu",
        "address": "Tổ dân phố Quảng Châu 2, Phường Hồng Châu, Hưng Yên",
        "phone": "+84 972 648 301",
        "email": "htx-nhan-long-hong-chau@ocop.example",
        "founded_year": 2014,
        "members_count": 26,
        "story": (
            "Nhãn lồng Hưng Yên gắn với phố Hiến xưa và từng là sản vật tiến vua. Hợp tác xã Nhãn "
            "lồng Hồng Châu ở vùng bãi ven sông Hồng thuộc xã Quảng Châu, thành phố Hưng Yên cũ, "
            "nay là phường Hồng Châu. Vườn nhãn được chăm theo hướng VietGAP, tỉa cành sau thu "
            "hoạch và bao chùm quả để quả to, cùi dày, ráo nước. Mùa nhãn chỉ kéo dài chừng một "
            "tháng vào tháng 7, tháng 8, nên hợp tác xã sấy long nhãn và đặt đàn ong lấy mật hoa "
            "nhãn để có hàng bán quanh năm."
        ),
        "story_en": (
            "Hưng Yên longan is tied to the old trading town of Phố Hiến and was once offered as "
            "tribute to the king. Hồng Châu Longan Cooperative farms the Red River floodplain in "
            "Quảng Châu commune of former Hưng Yên city, now Hồng Châu ward. The orchards are "
            "tended to VietGAP standards, pruned after harvest and the fruit clusters bagged so "
            "that the longans are large, thick-fleshed and dry. The season lasts only about a "
            "month in July and August, so the cooperative dries longan flesh and keeps bees for "
            "longan-blossom honey to have goods to sell all year."
        ),
    },
    {
        "slug": "htx-mat-ong-bac-ha-meo-vac",
        "name": "Hợp tác xã Mật ong bạc hà Mèo Vạc",
        "province_code": 8,
        "ward_name": "Xã Mèo Vạc",
        "address": "Tổ dân phố 3, Xã Mèo Vạc, Tuyên Quang",
        "phone": "+84 833 516 274",
        "email": "htx-mat-ong-bac-ha-meo-vac@ocop.example",
        "founded_year": 2013,
        "members_count": 52,
        "story": (
            "Từ tháng 10 đến tháng 12, cao nguyên đá Đồng Văn phủ tím hoa bạc hà dại, nguồn mật "
            "quý của giống ong nội. Hợp tác xã Mật ong bạc hà Mèo Vạc ở thị trấn Mèo Vạc cũ của "
            "tỉnh Hà Giang, nay là xã Mèo Vạc, tỉnh Tuyên Quang, có thành viên chủ yếu là người "
            "Mông. Mỗi năm chỉ thu một vụ nên sản lượng ít; mật có vị ngọt thanh, thơm mùi bạc hà "
            "và dễ kết tinh khi trời lạnh. Hợp tác xã ghi nhật ký từng đàn ong và kiểm nghiệm từng "
            "lô để khách yên tâm về nguồn gốc."
        ),
        "story_en": (
            "From October to December the Đồng Văn karst plateau turns purple with wild mint "
            "flowers, a precious nectar source for native bees. Mèo Vạc Mint Honey Cooperative, in "
            "former Mèo Vạc town of Hà Giang province and now Mèo Vạc commune, Tuyên Quang "
            "province, has mostly Hmong members. There is only one harvest a year, so quantities "
            "are small; the honey is delicately sweet, smells of mint and crystallises easily in "
            "cold weather. The cooperative keeps a diary for every colony and tests every lot so "
            "that customers can trust where it comes from."
        ),
    },
    {
        "slug": "htx-thao-duoc-ta-phin",
        "name": "Hợp tác xã Thảo dược Tả Phìn",
        "province_code": 15,
        "ward_name": "Xã Tả Phìn",
        "address": "Thôn Sả Xéng, Xã Tả Phìn, Lào Cai",
        "phone": "+84 397 042 581",
        "email": "htx-thao-duoc-ta-phin@ocop.example",
        "founded_year": 2015,
        "members_count": 38,
        "story": (
            "Tả Phìn là xã của người Dao đỏ thuộc thị xã Sa Pa cũ, tỉnh Lào Cai. Phụ nữ Dao đỏ giữ "
            "bài thuốc tắm lá truyền đời với hàng chục loại lá rừng. Hợp tác xã Thảo dược Tả Phìn "
            "trồng lại cây thuốc dưới tán rừng, sấy khô và đóng gói lá tắm, nấu cao, đồng thời bán "
            "các sản phẩm thêu tay của chị em trong thôn. Khách du lịch có thể đến thôn Sả Xéng để "
            "tắm lá thuốc và học cách nhận biết từng loại cây. Hợp tác xã chưa có mã vạch GS1 nên "
            "dùng mã QR riêng của sàn."
        ),
        "story_en": (
            "Tả Phìn is a Red Dao commune in former Sa Pa town, Lào Cai province. Red Dao women "
            "keep a herbal bath recipe handed down through generations, using dozens of forest "
            "leaves. Tả Phìn Herbal Cooperative replants medicinal plants under the forest canopy, "
            "dries and packs the bath leaves, boils them down into a concentrate, and also sells "
            "embroidery made by women in the village. Visitors can come to Sả Xéng village to take "
            "a herbal bath and learn to recognise each plant. The cooperative has no GS1 barcodes "
            "yet, so it uses the marketplace's own QR codes."
        ),
    },
    {
        "slug": "htx-que-van-yen",
        "name": "Hợp tác xã Quế Văn Yên",
        "province_code": 15,
        "ward_name": "Xã Châu Quế",
        "address": "Thôn Khe Lép, Xã Châu Quế, Lào Cai",
        "phone": "+84 867 390 425",
        "email": "htx-que-van-yen@ocop.example",
        "founded_year": 2012,
        "members_count": 68,
        "story": (
            "Văn Yên là vùng quế lớn nhất miền Bắc, trước thuộc tỉnh Yên Bái, nay nằm trong tỉnh "
            "Lào Cai. Hợp tác xã Quế Văn Yên ở xã Châu Quế, huyện Văn Yên cũ, liên kết các hộ "
            "người Dao và người Kinh trồng quế trên đồi dốc, bóc vỏ theo mùa và phơi nắng tự "
            "nhiên. Quế được trồng theo hướng hữu cơ, không phun thuốc diệt cỏ, có hàm lượng tinh "
            "dầu cao, vị cay ngọt và thơm ấm. Ngoài quế thanh và bột quế, hợp tác xã chưng cất "
            "tinh dầu từ lá, cành quế và phơi măng tre Bát Độ."
        ),
        "story_en": (
            "Văn Yên is the largest cinnamon-growing area in northern Vietnam, formerly in Yên Bái "
            "province and now in Lào Cai province. Văn Yên Cinnamon Cooperative, in Châu Quế "
            "commune of former Văn Yên district, links Dao and Kinh households who grow cinnamon "
            "on steep hills, strip the bark in season and dry it in the sun. The trees are farmed "
            "along organic lines without herbicides; the bark is rich in essential oil, "
            "sweet-spicy and warmly fragrant. Besides cinnamon sticks and powder, the cooperative "
            "distils oil from cinnamon leaves and twigs and sun-dries Bát Độ bamboo shoots."
        ),
    },
    {
        "slug": "htx-nep-tu-le",
        "name": "Hợp tác xã Nếp Tú Lệ",
        "province_code": 15,
        "ward_name": "Xã Tú Lệ",
        "address": "Bản Lướt, Xã Tú Lệ, Lào Cai",
        "phone": "+84 829 615 037",
        "email": "htx-nep-tu-le@ocop.example",
        "founded_year": 2019,
        "members_count": 17,
        "story": (
            "Thung lũng Tú Lệ thuộc huyện Văn Chấn cũ của tỉnh Yên Bái, nay là xã Tú Lệ, tỉnh Lào "
            "Cai, nổi tiếng với giống nếp Tan hạt tròn, dẻo và thơm. Hợp tác xã Nếp Tú Lệ của đồng "
            "bào Thái ở Bản Lướt chỉ cấy mỗi năm một vụ trên ruộng bậc thang, tưới bằng nước suối "
            "đầu nguồn. Tháng 9, tháng 10, bà con gặt lúa non để làm cốm bằng cách rang và giã "
            "tay. Vì sản lượng ít, hợp tác xã chưa đăng ký mã vạch GS1 mà dùng mã QR riêng của sàn "
            "để khách tra cứu nguồn gốc."
        ),
        "story_en": (
            "The Tú Lệ valley, in former Văn Chấn district of Yên Bái province and now Tú Lệ "
            "commune, Lào Cai province, is famous for its Tan sticky rice with round, soft, "
            "fragrant grains. Tú Lệ Sticky Rice Cooperative, run by Thái families in Bản Lướt, "
            "plants just one crop a year on terraced fields watered from mountain streams. In "
            "September and October they harvest young rice to make cốm, roasted and pounded by "
            "hand. Because volumes are small, the cooperative has not registered GS1 barcodes and "
            "uses the marketplace's own QR codes so that customers can look up the origin."
        ),
    },
    {
        "slug": "htx-dua-mo-cay",
        "name": "Hợp tác xã Dừa Mỏ Cày",
        "province_code": 86,
        "ward_name": "Xã Mỏ Cày",
        "address": "Khu phố 7, Xã Mỏ Cày, Vĩnh Long",
        "phone": "+84 918 527 364",
        "email": "htx-dua-mo-cay@ocop.example",
        "founded_year": 2010,
        "members_count": 73,
        "story": (
            "Mỏ Cày Nam thuộc tỉnh Bến Tre cũ, nay là xã Mỏ Cày, tỉnh Vĩnh Long, là trung tâm của "
            "xứ dừa. Hợp tác xã Dừa Mỏ Cày thu mua dừa khô của các hộ thành viên, nấu kẹo dừa từ "
            "nước cốt dừa tươi, mạch nha và đường, rồi cắt và gói bằng tay trong bánh tráng. Gáo "
            "dừa được những người thợ lớn tuổi làm thành chén, muỗng; nước dừa được đóng chai. "
            "Vườn dừa của thành viên canh tác theo hướng hữu cơ, không dùng thuốc diệt cỏ, để giữ "
            "chứng nhận cho dừa xuất khẩu."
        ),
        "story_en": (
            "Mỏ Cày Nam, in former Bến Tre province and now Mỏ Cày commune, Vĩnh Long province, is "
            "the heart of coconut country. Mỏ Cày Coconut Cooperative buys mature coconuts from "
            "member households and cooks coconut candy from fresh coconut cream, malt syrup and "
            "sugar, then cuts and wraps each piece by hand in rice paper. Older artisans turn the "
            "shells into bowls and spoons, and the coconut water is bottled. Members farm their "
            "coconut groves along organic lines without herbicides to keep the certification "
            "needed for export."
        ),
    },
    {
        "slug": "htx-ca-phe-ea-tul",
        "name": "Hợp tác xã Cà phê Ea Tul",
        "province_code": 66,
        "ward_name": "Xã Ea Tul",
        "address": "Thôn 3, Xã Ea Tul, Đắk Lắk",
        "phone": "+84 763 841 259",
        "email": "htx-ca-phe-ea-tul@ocop.example",
        "founded_year": 2017,
        "members_count": 95,
        "story": (
            "Xã Ea Tul thuộc huyện Cư M'gar cũ, nằm giữa vùng đất đỏ bazan của tỉnh Đắk Lắk. Hợp "
            "tác xã Cà phê Ea Tul gồm các hộ người Ê Đê và người Kinh trồng cà phê Robusta xen sầu "
            "riêng, mắc ca và hồ tiêu. Thành viên chỉ hái khi quả chín trên 90%, phơi trên giàn "
            "cao và rang mộc, không tẩm hương liệu. Hợp tác xã đạt chứng nhận 4C và đang số hóa "
            "bản đồ vùng trồng để chứng minh cà phê không gây mất rừng, đáp ứng quy định mới của "
            "thị trường châu Âu."
        ),
        "story_en": (
            "Ea Tul commune, in former Cư M'gar district, lies in the red basalt heartland of Đắk "
            "Lắk province. Ea Tul Coffee Cooperative brings together Ê Đê and Kinh households who "
            "grow Robusta coffee interplanted with durian, macadamia and black pepper. Members "
            "only pick when more than 90% of the cherries are ripe, dry them on raised beds and "
            "roast them plain, with no added flavourings. The cooperative is 4C certified and is "
            "digitising maps of its farms to prove that its coffee causes no deforestation, as the "
            "new European market rules require."
        ),
    },
]

PRODUCTS = [
    {
        "cooperative": "htx-che-cam-my",
        "category": "che-tra",
        "title": "Chè xanh Cam My 200 g",
        "title_en": "Cam My green tea 200 g",
        "description": (
            "Chè búp một tôm hai lá từ đồi chè VietGAP của hợp tác xã, sao chảo gang cho cánh "
            "xoăn, nước xanh vàng, vị chát dịu và hậu ngọt. Pha với nước khoảng 85 độ C, hãm 2–3 "
            "phút."
        ),
        "description_en": (
            "One bud and two leaves picked from the cooperative's VietGAP tea hills and roasted "
            "in a cast-iron pan for tightly curled leaves, a green-gold cup, gentle astringency "
            "and a sweet finish. Brew with water at about 85 °C for 2–3 minutes."
        ),
        "price": 85000,
        "stock": 120,
        "net_content": "200 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 4,
        "gtin": "8936042100014",
    },
    {
        "cooperative": "htx-che-cam-my",
        "category": "che-tra",
        "title": "Chè búp VietGAP Cam My 500 g",
        "title_en": "Cam My VietGAP tea buds 500 g",
        "description": (
            "Túi lớn cho gia đình và quán nước, cùng nguyên liệu với chè xanh Cam My. Chè được sao "
            "hai lần để khô đều, giữ hương cốm non. Mỗi lô có nhật ký hái và kết quả kiểm nghiệm "
            "dư lượng."
        ),
        "description_en": (
            "A large bag for families and tea stalls, made from the same leaves as Cam My green "
            "tea. Roasted twice to dry evenly and keep the scent of young green rice. Every lot "
            "has its picking log and a pesticide-residue test."
        ),
        "price": 190000,
        "stock": 75,
        "net_content": "500 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 4,
        "gtin": "8936042100021",
    },
    {
        "cooperative": "htx-che-cam-my",
        "category": "che-tra",
        "title": "Trà móc câu Cam My hộp thiếc 100 g",
        "title_en": "Cam My hook-shaped tea, 100 g tin",
        "description": (
            "Chỉ hái búp non vào đầu vụ xuân, sao nhỏ lửa cho cánh cong như móc câu. Nước trà xanh "
            "trong, thơm mùi cốm, hợp để tiếp khách. Hộp thiếc kín giữ hương lâu sau khi mở."
        ),
        "description_en": (
            "Only young buds picked early in the spring harvest, roasted over a low fire until "
            "the leaves curl like fish hooks. A clear green cup that smells of young rice, good "
            "for welcoming guests. The sealed tin keeps the aroma long after opening."
        ),
        "price": 120000,
        "stock": 60,
        "net_content": "100 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 4,
        "gtin": "8936042100038",
    },
    {
        "cooperative": "htx-che-cam-my",
        "category": "che-tra",
        "title": "Trà xanh túi lọc Cam My 25 gói",
        "title_en": "Cam My green tea, 25 tea bags",
        "description": (
            "Trà xanh nghiền vừa đóng túi lọc 2 g, tiện dùng ở văn phòng. Hãm một túi với 150 ml "
            "nước nóng trong 3 phút; có thể pha lạnh trong 6 giờ để uống mát."
        ),
        "description_en": (
            "Medium-ground green tea in 2 g bags, handy at the office. Steep one bag in 150 ml of "
            "hot water for 3 minutes, or cold-brew it for 6 hours for a cool drink."
        ),
        "price": 65000,
        "stock": 140,
        "net_content": "50 g (25 gói x 2 g)",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 3,
        "gtin": "8936042100045",
    },
    {
        "cooperative": "htx-che-cam-my",
        "category": "che-tra",
        "title": "Hộp quà chè Cam My 2 x 200 g",
        "title_en": "Cam My tea gift box, 2 x 200 g",
        "description": (
            "Hai gói chè xanh Cam My đặt trong hộp giấy kraft in hoa văn trống đồng, kèm thiệp "
            "giới thiệu vùng chè Thanh Sơn. Phù hợp làm quà Tết và quà tặng đối tác."
        ),
        "description_en": (
            "Two packs of Cam My green tea in a kraft-paper box printed with bronze-drum "
            "patterns, with a card about the Thanh Sơn tea country. A fitting Tết present or "
            "business gift."
        ),
        "price": 250000,
        "stock": 35,
        "net_content": "400 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 4,
        "gtin": "8936042100052",
    },
    {
        "cooperative": "htx-buoi-chi-dam",
        "category": "trai-cay",
        "title": "Bưởi Sửu Chí Đám hộp 2 quả",
        "title_en": "Sửu Chí Đám pomelo, box of 2",
        "description": (
            "Bưởi Sửu quả nhỏ, vỏ mỏng, tép vàng óng, mọng nước và ngọt thanh, không the đắng. Quả "
            "được hái khi đủ tuổi và để 1–2 tuần cho ráo vỏ trước khi giao, ăn ngon nhất sau khi "
            "nhận 3–5 ngày."
        ),
        "description_en": (
            "Sửu pomelos are small, thin-skinned and juicy, with golden sweet segments and no "
            "bitterness. Picked when fully mature and rested 1–2 weeks for the peel to dry before "
            "shipping; best 3–5 days after they arrive."
        ),
        "price": 150000,
        "stock": 60,
        "net_content": "2 quả (khoảng 1,8 kg)",
        "shelf_life_months": 2,
        "storage": "Để nơi thoáng mát hoặc ngăn mát tủ lạnh, không xếp chồng nặng.",
        "storage_en": "Keep in a cool place or in the fridge; do not stack heavy things on top.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-buoi-chi-dam",
        "category": "trai-cay",
        "title": "Bưởi Bằng Luân túi lưới 3 quả",
        "title_en": "Bằng Luân pomelo, net bag of 3",
        "description": (
            "Bưởi Bằng Luân quả tròn, múi to, tép trắng ngà, vị ngọt mát có chút chua nhẹ. Bưởi để "
            "được lâu ở nơi thoáng mát nên hợp để bày mâm ngũ quả ngày Tết."
        ),
        "description_en": (
            "Round Bằng Luân pomelos with large segments, ivory flesh and a cool sweetness with a "
            "hint of sourness. They keep well in a cool, airy place, so they suit the five-fruit "
            "tray of Tết."
        ),
        "price": 135000,
        "stock": 45,
        "net_content": "3 quả (khoảng 3 kg)",
        "shelf_life_months": 2,
        "storage": "Để nơi thoáng mát hoặc ngăn mát tủ lạnh, không xếp chồng nặng.",
        "storage_en": "Keep in a cool place or in the fridge; do not stack heavy things on top.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-buoi-chi-dam",
        "category": "duoc-lieu",
        "title": "Tinh dầu vỏ bưởi Đoan Hùng 50 ml",
        "title_en": "Đoan Hùng pomelo peel essential oil 50 ml",
        "description": (
            "Chưng cất hơi nước từ vỏ bưởi tươi, không pha dầu nền. Nhỏ vài giọt vào máy xông hoặc "
            "pha với dầu dừa để ủ tóc, giúp tóc chắc và thơm. Không dùng trực tiếp lên da chưa pha "
            "loãng."
        ),
        "description_en": (
            "Steam-distilled from fresh pomelo peel with no carrier oil added. Add a few drops to "
            "a diffuser, or mix with coconut oil as a hair mask for stronger, fragrant hair. Do "
            "not apply undiluted to the skin."
        ),
        "price": 95000,
        "stock": 80,
        "net_content": "50 ml",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936058700017",
    },
    {
        "cooperative": "htx-buoi-chi-dam",
        "category": "dac-san-che-bien",
        "title": "Mứt vỏ bưởi Đoan Hùng 200 g",
        "title_en": "Đoan Hùng candied pomelo peel 200 g",
        "description": (
            "Vỏ bưởi được ngâm bỏ đắng, sên với đường phèn đến khi trong và dẻo. Vị ngọt dịu, thơm "
            "tinh dầu bưởi, dùng kèm trà khi tiếp khách ngày Tết."
        ),
        "description_en": (
            "Pomelo peel soaked to remove its bitterness, then cooked with rock sugar until clear "
            "and chewy. Gently sweet and scented with pomelo oil; served with tea when guests "
            "visit at Tết."
        ),
        "price": 55000,
        "stock": 90,
        "net_content": "200 g",
        "shelf_life_months": 6,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936058700024",
    },
    {
        "cooperative": "htx-cam-cao-phong",
        "category": "trai-cay",
        "title": "Cam Cao Phong thùng 5 kg",
        "title_en": "Cao Phong oranges, 5 kg box",
        "description": (
            "Cam đường canh Cao Phong vỏ mỏng, mọng nước, vị ngọt đậm xen chút chua. Cam được hái "
            "trong ngày, lau sạch, không dùng chất bảo quản và đóng thùng carton có lỗ thoáng."
        ),
        "description_en": (
            "Cao Phong sugar oranges with thin peel, plenty of juice and a rich sweetness with a "
            "touch of sourness. Picked the same day, wiped clean, with no preservatives, and "
            "packed in ventilated cartons."
        ),
        "price": 225000,
        "stock": 70,
        "net_content": "5 kg",
        "shelf_life_months": 1,
        "storage": "Để nơi thoáng mát hoặc ngăn mát tủ lạnh, không xếp chồng nặng.",
        "storage_en": "Keep in a cool place or in the fridge; do not stack heavy things on top.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-cam-cao-phong",
        "category": "trai-cay",
        "title": "Cam lòng vàng Cao Phong 3 kg",
        "title_en": "Cao Phong yellow-flesh oranges 3 kg",
        "description": (
            "Giống cam lòng vàng chín muộn, ruột vàng cam, ít hạt và thơm. Chín rộ từ tháng 12 đến "
            "trước Tết; dùng ăn tươi hoặc vắt nước."
        ),
        "description_en": (
            "A late-ripening yellow-flesh variety with golden pulp, few seeds and a lovely scent. "
            "In season from December until Tết; eat fresh or squeeze for juice."
        ),
        "price": 150000,
        "stock": 50,
        "net_content": "3 kg",
        "shelf_life_months": 1,
        "storage": "Để nơi thoáng mát hoặc ngăn mát tủ lạnh, không xếp chồng nặng.",
        "storage_en": "Keep in a cool place or in the fridge; do not stack heavy things on top.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-cam-cao-phong",
        "category": "do-uong",
        "title": "Nước cam Cao Phong thanh trùng 330 ml",
        "title_en": "Cao Phong pasteurised orange juice 330 ml",
        "description": (
            "Nước cam vắt từ cam Cao Phong, thanh trùng nhanh và đóng chai thủy tinh, không thêm "
            "đường và chất bảo quản. Lắc đều và dùng lạnh."
        ),
        "description_en": (
            "Juice squeezed from Cao Phong oranges, flash-pasteurised and bottled in glass, with "
            "no added sugar or preservatives. Shake well and serve chilled."
        ),
        "price": 35000,
        "stock": 150,
        "net_content": "330 ml",
        "shelf_life_months": 6,
        "storage": "Bảo quản ở nhiệt độ thường; sau khi mở nắp để ngăn mát và dùng trong 3 ngày.",
        "storage_en": (
            "Store at room temperature; once opened, refrigerate and drink within 3 days."
        ),
        "ocop_stars": 3,
        "gtin": "8936113000014",
    },
    {
        "cooperative": "htx-cam-cao-phong",
        "category": "dac-san-che-bien",
        "title": "Cam sấy dẻo Cao Phong 200 g",
        "title_en": "Cao Phong soft-dried orange slices 200 g",
        "description": (
            "Cam thái lát sấy lạnh, giữ cả vỏ nên có vị ngọt chua và thơm tinh dầu. Dùng ăn vặt, "
            "pha trà hoặc trang trí bánh."
        ),
        "description_en": (
            "Orange slices freeze-dried with their peel, so they stay sweet, tangy and fragrant "
            "with citrus oil. A snack, a tea infusion or a cake decoration."
        ),
        "price": 75000,
        "stock": 85,
        "net_content": "200 g",
        "shelf_life_months": 9,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936113000021",
    },
    {
        "cooperative": "htx-tho-cam-ban-lac",
        "category": "thu-cong-my-nghe",
        "title": "Khăn thổ cẩm Mai Châu dệt tay",
        "title_en": "Mai Châu hand-woven brocade scarf",
        "description": (
            "Khăn dệt bằng khung cửi gỗ từ sợi bông nhuộm màu, hoa văn trám và hoa văn chân chó "
            "của người Thái trắng. Khổ 40 x 180 cm, dùng quàng cổ hoặc làm khăn trải bàn nhỏ."
        ),
        "description_en": (
            "Woven on a wooden loom from dyed cotton yarn, with the diamond and dog-paw patterns "
            "of the White Thái people. 40 × 180 cm: wear it as a scarf or use it as a small table "
            "runner."
        ),
        "price": 180000,
        "stock": 25,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-tho-cam-ban-lac",
        "category": "thu-cong-my-nghe",
        "title": "Túi đeo chéo thổ cẩm Bản Lác",
        "title_en": "Bản Lác brocade crossbody bag",
        "description": (
            "Túi may từ vải thổ cẩm dệt tay, lót vải bố, có khóa kéo và ngăn nhỏ bên trong. Mỗi "
            "chiếc mang một phối màu riêng nên không chiếc nào giống hệt chiếc nào."
        ),
        "description_en": (
            "A bag sewn from hand-woven brocade, lined with canvas, with a zip and a small inner "
            "pocket. Each one has its own mix of colours, so no two are exactly alike."
        ),
        "price": 250000,
        "stock": 18,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-tho-cam-ban-lac",
        "category": "thu-cong-my-nghe",
        "title": "Khăn trải bàn thổ cẩm 1,5 m",
        "title_en": "Brocade table runner 1.5 m",
        "description": (
            "Tấm dệt khổ lớn, nhiều màu, dệt trong khoảng năm ngày. Giặt tay bằng nước lạnh, phơi "
            "trong bóng râm để giữ màu."
        ),
        "description_en": (
            "A wide, many-coloured piece that takes about five days to weave. Hand-wash in cold "
            "water and dry in the shade to keep the colours bright."
        ),
        "price": 450000,
        "stock": 3,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-mat-ong-tam-dao",
        "category": "mat-ong",
        "title": "Mật ong rừng Tam Đảo 500 ml",
        "title_en": "Tam Đảo wild-flower honey 500 ml",
        "description": (
            "Mật ong nội lấy từ hoa rừng chân núi Tam Đảo, màu hổ phách sẫm, vị ngọt đậm, hậu hơi "
            "đắng nhẹ. Dùng pha nước ấm buổi sáng, chấm bánh hoặc ướp thịt nướng."
        ),
        "description_en": (
            "Honey from native bees foraging on the forest flowers at the foot of Tam Đảo "
            "mountain: dark amber, richly sweet, with a slightly bitter finish. Stir into warm "
            "water in the morning, drizzle on cakes or use in marinades for grilled meat."
        ),
        "price": 280000,
        "stock": 40,
        "net_content": "500 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-mat-ong-tam-dao",
        "category": "mat-ong",
        "title": "Mật ong rừng Tam Đảo 1 lít",
        "title_en": "Tam Đảo wild-flower honey 1 litre",
        "description": (
            "Chai lớn cùng lô với chai 500 ml, quay khi cầu đã vít nắp nên độ ẩm thấp. Mật có thể "
            "kết tinh khi trời lạnh; ngâm chai vào nước ấm để mật lỏng lại."
        ),
        "description_en": (
            "A large bottle from the same lot as the 500 ml one, extracted only once the combs "
            "were capped, so it is low in moisture. It may crystallise in cold weather; stand the "
            "bottle in warm water to make it runny again."
        ),
        "price": 520000,
        "stock": 22,
        "net_content": "1 lít",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-mat-ong-tam-dao",
        "category": "duoc-lieu",
        "title": "Trà hoa vàng Tam Đảo 50 g",
        "title_en": "Tam Đảo golden camellia tea 50 g",
        "description": (
            "Hoa trà vàng hái khi vừa nở, sấy lạnh giữ nguyên cánh. Nước trà vàng sáng, vị ngọt "
            "hậu; hãm 2–3 bông với nước 90 độ C, có thể pha lại nhiều lần."
        ),
        "description_en": (
            "Golden camellia flowers picked as they open and cold-dried whole. A bright yellow "
            "cup with a sweet aftertaste: steep 2–3 flowers in 90 °C water, several times over."
        ),
        "price": 350000,
        "stock": 15,
        "net_content": "50 g",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-che-tan-cuong",
        "category": "che-tra",
        "title": "Chè Tân Cương đặc biệt 200 g",
        "title_en": "Tân Cương special grade tea 200 g",
        "description": (
            "Búp chè non hái sớm, sao tôn quay và lên hương trên chảo gang. Cánh chè nhỏ, xoăn "
            "chặt, nước xanh vàng sánh, hương cốm rõ, vị chát nhẹ rồi ngọt sâu. Pha 8 g chè với "
            "150 ml nước khoảng 85 độ C."
        ),
        "description_en": (
            "Young buds picked early, withered, rolled and scented in a cast-iron pan. Small, "
            "tightly curled leaves give a thick green-gold cup with a clear young-rice aroma, "
            "light astringency and a deep sweetness. Brew 8 g of tea with 150 ml of water at "
            "about 85 °C."
        ),
        "price": 150000,
        "stock": 110,
        "net_content": "200 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 5,
        "gtin": "8935081200013",
    },
    {
        "cooperative": "htx-che-tan-cuong",
        "category": "che-tra",
        "title": "Chè nõn tôm Tân Cương 100 g",
        "title_en": "Tân Cương young bud tea 100 g",
        "description": (
            "Chỉ lấy phần nõn và một lá non, cánh chè trắng mốc tuyết. Nước trà trong, thơm hoa, "
            "vị ngọt thanh; hợp với người mới uống trà."
        ),
        "description_en": (
            "Only the bud and one young leaf, silvery with fine down. A clear, flowery cup with a "
            "clean sweetness; a good start for new tea drinkers."
        ),
        "price": 220000,
        "stock": 40,
        "net_content": "100 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 4,
        "gtin": "8935081200020",
    },
    {
        "cooperative": "htx-che-tan-cuong",
        "category": "che-tra",
        "title": "Chè móc câu Tân Cương 500 g",
        "title_en": "Tân Cương hook-shaped tea 500 g",
        "description": (
            "Loại chè uống hằng ngày được nhiều gia đình miền Bắc chọn. Cánh chè cong, đều, nước "
            "đậm và bền, pha được 3–4 nước."
        ),
        "description_en": (
            "The everyday tea of many northern families. Evenly curved leaves give a strong, "
            "lasting brew that stands 3–4 infusions."
        ),
        "price": 250000,
        "stock": 65,
        "net_content": "500 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 4,
        "gtin": "8935081200037",
    },
    {
        "cooperative": "htx-che-tan-cuong",
        "category": "che-tra",
        "title": "Trà xanh Tân Cương túi lọc 50 gói",
        "title_en": "Tân Cương green tea, 50 tea bags",
        "description": (
            "Chè Tân Cương nghiền đóng túi lọc 2 g, giữ vị chát dịu đặc trưng. Hãm 3 phút với nước "
            "nóng, dùng ở văn phòng hoặc khi đi công tác."
        ),
        "description_en": (
            "Ground Tân Cương tea in 2 g bags with its typical gentle astringency. Steep for 3 "
            "minutes in hot water, at the office or on business trips."
        ),
        "price": 95000,
        "stock": 130,
        "net_content": "100 g (50 gói x 2 g)",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 3,
        "gtin": "8935081200044",
    },
    {
        "cooperative": "htx-che-tan-cuong",
        "category": "che-tra",
        "title": "Hộp quà Tết chè Tân Cương",
        "title_en": "Tân Cương tea Tết gift box",
        "description": (
            "Hộp sơn mài đỏ đựng hai hộp thiếc chè đặc biệt 200 g, kèm bộ chén nhỏ. Mẫu hộp làm "
            "theo mùa Tết với số lượng có hạn."
        ),
        "description_en": (
            "A red lacquer box holding two tins of special grade tea (200 g each) and a set of "
            "small cups. A limited Tết edition."
        ),
        "price": 650000,
        "stock": 4,
        "net_content": "1 hộp (2 x 200 g)",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 5,
        "gtin": "8935081200051",
    },
    {
        "cooperative": "htx-mien-dong-con-minh",
        "category": "dac-san-che-bien",
        "title": "Miến dong Côn Minh 500 g",
        "title_en": "Côn Minh canna starch glass noodles 500 g",
        "description": (
            "Miến làm hoàn toàn từ tinh bột dong riềng, phơi nắng tự nhiên, sợi nhỏ, dai và trong. "
            "Ngâm nước lạnh 5 phút trước khi nấu; hợp với miến gà, miến xào và lẩu."
        ),
        "description_en": (
            "Glass noodles made only from canna starch and dried in the sun: thin, chewy and "
            "clear. Soak in cold water for 5 minutes before cooking; good in chicken noodle soup, "
            "stir-fries and hot pots."
        ),
        "price": 65000,
        "stock": 160,
        "net_content": "500 g",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-mien-dong-con-minh",
        "category": "dac-san-che-bien",
        "title": "Miến dong Côn Minh túi 1 kg",
        "title_en": "Côn Minh canna starch glass noodles 1 kg",
        "description": (
            "Túi tiết kiệm cho gia đình và quán ăn, cùng lô với gói 500 g. Miến không chứa chất "
            "tẩy trắng hay hàn the, nấu lâu vẫn không nát."
        ),
        "description_en": (
            "A value bag for families and restaurants, from the same lot as the 500 g pack. No "
            "bleach or borax, so the noodles stay firm even after long cooking."
        ),
        "price": 120000,
        "stock": 95,
        "net_content": "1 kg",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-mien-dong-con-minh",
        "category": "dac-san-che-bien",
        "title": "Bột dong riềng Na Rì 500 g",
        "title_en": "Na Rì canna starch 500 g",
        "description": (
            "Tinh bột dong riềng lọc nhiều lần, trắng mịn. Dùng nấu chè, làm bánh hoặc khuấy với "
            "nước ấm cho trẻ nhỏ và người ốm dễ tiêu."
        ),
        "description_en": (
            "Canna starch filtered several times until fine and white. Use it in sweet soups and "
            "cakes, or stir it into warm water as an easily digested drink for children and the "
            "sick."
        ),
        "price": 70000,
        "stock": 60,
        "net_content": "500 g",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-mien-dong-con-minh",
        "category": "mat-ong",
        "title": "Mật ong rừng Na Rì 500 ml",
        "title_en": "Na Rì wild honey 500 ml",
        "description": (
            "Mật ong do các hộ trong hợp tác xã nuôi ong nội ven rừng Na Rì. Mật màu vàng sẫm, "
            "thơm hoa rừng, vị ngọt đậm; mỗi năm chỉ có vài trăm chai."
        ),
        "description_en": (
            "Honey from native bees kept by the cooperative's households at the edge of the Na Rì "
            "forest. Dark golden, scented with forest flowers and richly sweet; only a few "
            "hundred bottles a year."
        ),
        "price": 250000,
        "stock": 12,
        "net_content": "500 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-che-chieng-son",
        "category": "che-tra",
        "title": "Trà Ô long Mộc Châu 200 g",
        "title_en": "Mộc Châu oolong tea 200 g",
        "description": (
            "Trà Ô long giống Kim Tuyên trồng trên cao nguyên Mộc Châu, lên men nhẹ và vo viên. "
            "Nước vàng sáng, thơm hoa sữa, vị ngọt hậu; mỗi lần hãm được 5–6 nước."
        ),
        "description_en": (
            "Kim Tuyên oolong grown on the Mộc Châu plateau, lightly oxidised and rolled into "
            "pearls. A bright golden cup with a milky floral scent and a sweet aftertaste; 5–6 "
            "infusions per steep."
        ),
        "price": 180000,
        "stock": 85,
        "net_content": "200 g",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 4,
        "gtin": "8936227400014",
    },
    {
        "cooperative": "htx-che-chieng-son",
        "category": "che-tra",
        "title": "Chè Shan tuyết Mộc Châu 100 g",
        "title_en": "Mộc Châu Shan tuyết tea 100 g",
        "description": (
            "Búp chè Shan tuyết cổ thụ phủ lông tơ trắng, hái trên núi cao và sao thủ công. Nước "
            "vàng óng, hương khói nhẹ, vị đậm và ngọt sâu."
        ),
        "description_en": (
            "Buds of ancient Shan tuyết tea trees, covered in white down, picked high in the "
            "mountains and roasted by hand. A golden cup with a light smoky note, full-bodied and "
            "deeply sweet."
        ),
        "price": 150000,
        "stock": 55,
        "net_content": "100 g",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 4,
        "gtin": "8936227400021",
    },
    {
        "cooperative": "htx-che-chieng-son",
        "category": "che-tra",
        "title": "Trà xanh Mộc Châu 200 g",
        "title_en": "Mộc Châu green tea 200 g",
        "description": (
            "Trà xanh sao khô từ đồi chè Mộc Châu, cánh chè to, nước xanh, vị chát vừa. Dùng hằng "
            "ngày hoặc pha trà đá."
        ),
        "description_en": (
            "Green tea dry-roasted from the Mộc Châu tea hills: large leaves, a green cup and "
            "moderate astringency. For every day, or as iced tea."
        ),
        "price": 90000,
        "stock": 120,
        "net_content": "200 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 3,
        "gtin": "8936227400038",
    },
    {
        "cooperative": "htx-che-chieng-son",
        "category": "che-tra",
        "title": "Hồng trà Mộc Châu 100 g",
        "title_en": "Mộc Châu black tea 100 g",
        "description": (
            "Hồng trà lên men hoàn toàn từ búp chè Shan, nước đỏ nâu, thơm mật ong. Uống nóng hoặc "
            "pha với sữa tươi Mộc Châu."
        ),
        "description_en": (
            "Fully oxidised black tea from Shan buds: a reddish-brown cup with a honey scent. "
            "Drink it hot or with fresh Mộc Châu milk."
        ),
        "price": 110000,
        "stock": 45,
        "net_content": "100 g",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 3,
        "gtin": "8936227400045",
    },
    {
        "cooperative": "htx-nong-san-co-noi",
        "category": "do-uong",
        "title": "Cà phê Arabica Sơn La rang xay 500 g",
        "title_en": "Sơn La Arabica ground coffee 500 g",
        "description": (
            "Arabica Catimor trồng ở độ cao trên 800 m, sơ chế ướt và rang mộc mức vừa. Vị chua "
            "thanh của trái cây, thơm caramel, hậu ngọt. Xay vừa, hợp pha phin hoặc pha máy."
        ),
        "description_en": (
            "Catimor Arabica grown above 800 m, wet-processed and medium-roasted with nothing "
            "added. Fruity acidity, caramel notes and a sweet finish. Medium grind for a phin "
            "filter or an espresso machine."
        ),
        "price": 180000,
        "stock": 70,
        "net_content": "500 g",
        "shelf_life_months": 12,
        "storage": (
            "Đóng kín túi có van một chiều, để nơi khô mát; ngon nhất trong 2 tháng sau khi mở."
        ),
        "storage_en": (
            "Reseal the valve bag and keep cool and dry; best within 2 months of opening."
        ),
        "ocop_stars": 4,
        "gtin": "8936291800017",
    },
    {
        "cooperative": "htx-nong-san-co-noi",
        "category": "do-uong",
        "title": "Cà phê Arabica Sơn La hạt rang 1 kg",
        "title_en": "Sơn La Arabica coffee, roasted beans 1 kg",
        "description": (
            "Hạt rang nguyên, đóng túi có van một chiều cho quán cà phê và người tự xay tại nhà. "
            "Ngày rang in trên túi; ngon nhất trong 1–4 tuần sau khi rang."
        ),
        "description_en": (
            "Whole roasted beans in one-way-valve bags, for cafés and for grinding at home. The "
            "roast date is printed on the bag; best 1–4 weeks after roasting."
        ),
        "price": 340000,
        "stock": 40,
        "net_content": "1 kg",
        "shelf_life_months": 12,
        "storage": (
            "Đóng kín túi có van một chiều, để nơi khô mát; ngon nhất trong 2 tháng sau khi mở."
        ),
        "storage_en": (
            "Reseal the valve bag and keep cool and dry; best within 2 months of opening."
        ),
        "ocop_stars": 4,
        "gtin": "8936291800024",
    },
    {
        "cooperative": "htx-nong-san-co-noi",
        "category": "trai-cay",
        "title": "Mận hậu Sơn La hộp 2 kg",
        "title_en": "Sơn La plums, 2 kg box",
        "description": (
            "Mận hậu quả to, vỏ xanh phớt đỏ, giòn và chua ngọt. Chỉ có vào tháng 5 đến tháng 7; "
            "ngoài mùa, mời quý khách đặt trước cho vụ sau."
        ),
        "description_en": (
            "Large hậu plums with green skin blushed red, crisp and sweet-sour. In season from "
            "May to July only; out of season, order ahead for the next harvest."
        ),
        "price": 90000,
        "stock": 0,
        "net_content": "2 kg",
        "shelf_life_months": 1,
        "storage": "Để nơi thoáng mát hoặc ngăn mát tủ lạnh, không xếp chồng nặng.",
        "storage_en": "Keep in a cool place or in the fridge; do not stack heavy things on top.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-nong-san-co-noi",
        "category": "trai-cay",
        "title": "Xoài tròn Sơn La 2 kg",
        "title_en": "Sơn La round mangoes 2 kg",
        "description": (
            "Giống xoài tròn bản địa quả nhỏ, thơm đậm, thịt vàng, ngọt xen chua nhẹ. Hái khi vừa "
            "già, để 2–3 ngày là chín đều."
        ),
        "description_en": (
            "A small native round mango with golden flesh, an intense aroma and sweetness with a "
            "hint of tartness. Picked just mature; ripens evenly in 2–3 days."
        ),
        "price": 110000,
        "stock": 30,
        "net_content": "2 kg",
        "shelf_life_months": 1,
        "storage": "Để nơi thoáng mát hoặc ngăn mát tủ lạnh, không xếp chồng nặng.",
        "storage_en": "Keep in a cool place or in the fridge; do not stack heavy things on top.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-nong-san-co-noi",
        "category": "mat-ong",
        "title": "Mật ong hoa cà phê Sơn La 500 ml",
        "title_en": "Sơn La coffee-blossom honey 500 ml",
        "description": (
            "Ong lấy mật khi đồi cà phê nở trắng hoa vào tháng 2, tháng 3. Mật màu nâu nhạt, thơm "
            "nhẹ mùi cà phê, vị ngọt dịu."
        ),
        "description_en": (
            "Bees collect this honey when the coffee hills are white with blossom in February and "
            "March. Light brown, with a faint coffee aroma and a gentle sweetness."
        ),
        "price": 180000,
        "stock": 55,
        "net_content": "500 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 3,
        "gtin": "8936291800031",
    },
    {
        "cooperative": "htx-nong-san-co-noi",
        "category": "dac-san-che-bien",
        "title": "Mận hậu sấy dẻo 300 g",
        "title_en": "Soft-dried Sơn La plums 300 g",
        "description": (
            "Mận hậu chín được ngâm đường ít ngọt rồi sấy lạnh, giữ vị chua dịu và màu đỏ tự "
            "nhiên. Món ăn vặt có quanh năm khi mùa mận đã qua."
        ),
        "description_en": (
            "Ripe hậu plums steeped in a little sugar and cold-dried, keeping their mild tang and "
            "natural red colour. A snack all year round, long after plum season."
        ),
        "price": 85000,
        "stock": 100,
        "net_content": "300 g",
        "shelf_life_months": 9,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936291800048",
    },
    {
        "cooperative": "htx-gom-bat-trang",
        "category": "thu-cong-my-nghe",
        "title": "Bộ ấm chén men lam Bát Tràng",
        "title_en": "Bát Tràng blue-and-white tea set",
        "description": (
            "Bộ gồm một ấm 350 ml, sáu chén, khay và tống, vẽ tay họa tiết sen và trúc trên men "
            "lam. Men không chì, dùng được với nước sôi và máy rửa bát."
        ),
        "description_en": (
            "A 350 ml teapot, six cups, a tray and a serving pitcher, hand-painted with lotus and "
            "bamboo in cobalt blue glaze. Lead-free glaze, safe with boiling water and in the "
            "dishwasher."
        ),
        "price": 650000,
        "stock": 22,
        "net_content": "1 bộ",
        "shelf_life_months": None,
        "storage": "Rửa bằng nước ấm và nước rửa chén; tránh va đập mạnh.",
        "storage_en": "Wash with warm water and dish soap; avoid hard knocks.",
        "ocop_stars": 4,
        "gtin": "8935440600010",
    },
    {
        "cooperative": "htx-gom-bat-trang",
        "category": "thu-cong-my-nghe",
        "title": "Bình hút lộc men rạn cao 30 cm",
        "title_en": "Crackle-glaze fortune jar, 30 cm",
        "description": (
            "Bình hút lộc dáng tròn, men rạn cổ đắp nổi hoa văn, vẽ chữ Phúc. Mỗi chiếc được nung "
            "riêng nên đường rạn không lặp lại; kèm hộp gỗ lót nhung."
        ),
        "description_en": (
            "A round fortune jar in antique crackle glaze with raised patterns and the character "
            "Phúc (blessing). Each jar is fired on its own, so its crackle never repeats; comes "
            "in a velvet-lined wooden box."
        ),
        "price": 1250000,
        "stock": 2,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 4,
        "gtin": "8935440600027",
    },
    {
        "cooperative": "htx-gom-bat-trang",
        "category": "thu-cong-my-nghe",
        "title": "Lọ hoa men hỏa biến cao 25 cm",
        "title_en": "Flambé-glaze vase, 25 cm",
        "description": (
            "Men hỏa biến đổi màu theo lửa lò nên mỗi lọ có sắc xanh, tím, nâu khác nhau. Đáy lọ "
            "tráng men kín, cắm hoa tươi không bị thấm nước."
        ),
        "description_en": (
            "Flambé glaze changes colour with the kiln's fire, so each vase has its own blues, "
            "purples and browns. The inside is fully glazed: fresh flowers will not seep through."
        ),
        "price": 480000,
        "stock": 12,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Rửa bằng nước ấm và nước rửa chén; tránh va đập mạnh.",
        "storage_en": "Wash with warm water and dish soap; avoid hard knocks.",
        "ocop_stars": 4,
        "gtin": "8935440600034",
    },
    {
        "cooperative": "htx-gom-bat-trang",
        "category": "thu-cong-my-nghe",
        "title": "Bộ bát đĩa men lam 10 món",
        "title_en": "Blue-and-white tableware set, 10 pieces",
        "description": (
            "Gồm bốn bát cơm, bốn đĩa, một bát tô và một đĩa lớn, vẽ hoa cúc dây. Dùng được trong "
            "lò vi sóng và máy rửa bát."
        ),
        "description_en": (
            "Four rice bowls, four plates, a serving bowl and a large platter, painted with "
            "climbing chrysanthemums. Microwave and dishwasher safe."
        ),
        "price": 780000,
        "stock": 15,
        "net_content": "1 bộ (10 món)",
        "shelf_life_months": None,
        "storage": "Rửa bằng nước ấm và nước rửa chén; tránh va đập mạnh.",
        "storage_en": "Wash with warm water and dish soap; avoid hard knocks.",
        "ocop_stars": 3,
        "gtin": "8935440600041",
    },
    {
        "cooperative": "htx-gom-bat-trang",
        "category": "thu-cong-my-nghe",
        "title": "Cốc sứ vẽ tay Bát Tràng 350 ml",
        "title_en": "Bát Tràng hand-painted mug 350 ml",
        "description": (
            "Cốc sứ dáng trụ, vẽ tay phong cảnh làng quê. Có thể in tên hoặc logo theo yêu cầu khi "
            "đặt từ 50 chiếc."
        ),
        "description_en": (
            "A straight porcelain mug hand-painted with a village landscape. Names or logos can "
            "be added on orders of 50 or more."
        ),
        "price": 95000,
        "stock": 180,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Rửa bằng nước ấm và nước rửa chén; tránh va đập mạnh.",
        "storage_en": "Wash with warm water and dish soap; avoid hard knocks.",
        "ocop_stars": 3,
        "gtin": "8935440600058",
    },
    {
        "cooperative": "htx-may-tre-phu-vinh",
        "category": "thu-cong-my-nghe",
        "title": "Giỏ mây đan tay Phú Vinh cỡ vừa",
        "title_en": "Phú Vinh hand-woven rattan basket, medium",
        "description": (
            "Giỏ mây đan kiểu mắt cáo, quai cầm bọc mây, đường kính 30 cm. Dùng đựng hoa quả, đồ "
            "đi chợ hoặc làm giỏ quà Tết."
        ),
        "description_en": (
            "A rattan basket in an open lattice weave with a rattan-wrapped handle, 30 cm across. "
            "For fruit, market shopping or a Tết gift hamper."
        ),
        "price": 220000,
        "stock": 40,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-may-tre-phu-vinh",
        "category": "thu-cong-my-nghe",
        "title": "Khay mây chữ nhật Phú Vinh",
        "title_en": "Phú Vinh rectangular rattan tray",
        "description": (
            "Khay mây khung tre, đáy đan dày, kích thước 40 x 28 cm. Dùng bày ấm chén, đựng bánh "
            "kẹo hoặc làm khay phục vụ ở homestay."
        ),
        "description_en": (
            "A rattan tray on a bamboo frame with a densely woven base, 40 × 28 cm. For a tea "
            "set, sweets, or as a serving tray in a homestay."
        ),
        "price": 160000,
        "stock": 55,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-may-tre-phu-vinh",
        "category": "thu-cong-my-nghe",
        "title": "Chụp đèn mây tre đan",
        "title_en": "Woven rattan and bamboo lampshade",
        "description": (
            "Chụp đèn hình giọt nước đan từ mây và nan tre, cho ánh sáng hắt hoa văn lên tường. "
            "Đường kính 35 cm, lắp vừa đuôi đèn E27."
        ),
        "description_en": (
            "A teardrop lampshade woven from rattan and bamboo strips that casts patterned light "
            "on the walls. 35 cm across, fits an E27 lamp holder."
        ),
        "price": 350000,
        "stock": 4,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-may-tre-phu-vinh",
        "category": "thu-cong-my-nghe",
        "title": "Hộp mây đựng trà có nắp",
        "title_en": "Lidded rattan tea box",
        "description": (
            "Hộp mây lót giấy dó, nắp đậy khít, vừa hai gói chè 200 g. Thường dùng làm vỏ hộp quà "
            "chè hoặc đựng đồ khô trong bếp."
        ),
        "description_en": (
            "A rattan box lined with dó paper with a snug lid; holds two 200 g packs of tea. Used "
            "as a tea gift box or for dry goods in the kitchen."
        ),
        "price": 145000,
        "stock": 65,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-lua-tom-hoa-tu",
        "category": "gao",
        "title": "Gạo ST25 túi 5 kg",
        "title_en": "ST25 rice, 5 kg bag",
        "description": (
            "Gạo ST25 hạt dài, trắng trong, cơm dẻo, thơm mùi lá dứa và vẫn mềm khi để nguội. Vo "
            "nhẹ một lần, nấu với tỉ lệ nước ít hơn gạo thường."
        ),
        "description_en": (
            "Long-grain ST25 rice, white and translucent, that cooks soft and sticky with a "
            "pandan scent and stays tender when cool. Rinse lightly once and use a little less "
            "water than for ordinary rice."
        ),
        "price": 185000,
        "stock": 160,
        "net_content": "5 kg",
        "shelf_life_months": 12,
        "storage": "Để nơi khô thoáng, kê cao khỏi sàn, buộc kín miệng túi sau khi mở.",
        "storage_en": "Keep in a dry, airy place off the floor; tie the bag shut after opening.",
        "ocop_stars": 5,
        "gtin": "8936335100011",
    },
    {
        "cooperative": "htx-lua-tom-hoa-tu",
        "category": "gao",
        "title": "Gạo ST25 túi 2 kg",
        "title_en": "ST25 rice, 2 kg bag",
        "description": (
            "Cùng lô với túi 5 kg, đóng túi nhỏ hút chân không cho gia đình ít người hoặc làm quà. "
            "Hạt gạo được xay trong vòng 30 ngày trước khi giao."
        ),
        "description_en": (
            "From the same lot as the 5 kg bag, vacuum-packed in a smaller bag for small "
            "households or as a gift. Milled within 30 days before delivery."
        ),
        "price": 78000,
        "stock": 200,
        "net_content": "2 kg",
        "shelf_life_months": 12,
        "storage": "Để nơi khô thoáng, kê cao khỏi sàn, buộc kín miệng túi sau khi mở.",
        "storage_en": "Keep in a dry, airy place off the floor; tie the bag shut after opening.",
        "ocop_stars": 5,
        "gtin": "8936335100028",
    },
    {
        "cooperative": "htx-lua-tom-hoa-tu",
        "category": "gao",
        "title": "Gạo ST25 lúa tôm túi 5 kg",
        "title_en": "ST25 shrimp-rice farming rice, 5 kg bag",
        "description": (
            "Lúa trồng trên ruộng nuôi tôm mùa khô, không phun thuốc diệt cỏ và hầu như không bón "
            "phân hóa học. Cơm thơm, ngọt đậm; mỗi túi có mã truy xuất theo cánh đồng."
        ),
        "description_en": (
            "Rice grown in fields that raise shrimp in the dry season, without herbicides and "
            "with almost no chemical fertiliser. Fragrant, richly sweet rice; each bag has a "
            "field-level traceability code."
        ),
        "price": 220000,
        "stock": 90,
        "net_content": "5 kg",
        "shelf_life_months": 12,
        "storage": "Để nơi khô thoáng, kê cao khỏi sàn, buộc kín miệng túi sau khi mở.",
        "storage_en": "Keep in a dry, airy place off the floor; tie the bag shut after opening.",
        "ocop_stars": 4,
        "gtin": "8936335100035",
    },
    {
        "cooperative": "htx-lua-tom-hoa-tu",
        "category": "gao",
        "title": "Gạo ST24 túi 5 kg",
        "title_en": "ST24 rice, 5 kg bag",
        "description": (
            "Giống ST24 hạt dài, thơm nhẹ, cơm mềm và ráo. Giá mềm hơn ST25, hợp cho bữa cơm hằng "
            "ngày."
        ),
        "description_en": (
            "Long-grain ST24 with a light fragrance that cooks soft and fluffy. Cheaper than "
            "ST25, for everyday meals."
        ),
        "price": 165000,
        "stock": 120,
        "net_content": "5 kg",
        "shelf_life_months": 12,
        "storage": "Để nơi khô thoáng, kê cao khỏi sàn, buộc kín miệng túi sau khi mở.",
        "storage_en": "Keep in a dry, airy place off the floor; tie the bag shut after opening.",
        "ocop_stars": 4,
        "gtin": "8936335100042",
    },
    {
        "cooperative": "htx-lua-tom-hoa-tu",
        "category": "gao",
        "title": "Gạo lứt ST25 túi 1 kg",
        "title_en": "ST25 brown rice, 1 kg bag",
        "description": (
            "Gạo lứt giữ lớp cám, giàu chất xơ, nấu mềm hơn gạo lứt thường. Ngâm 2 giờ trước khi "
            "nấu hoặc rang lên để pha trà gạo lứt."
        ),
        "description_en": (
            "Brown rice that keeps its bran, rich in fibre and softer than ordinary brown rice. "
            "Soak for 2 hours before cooking, or toast it to make brown rice tea."
        ),
        "price": 55000,
        "stock": 75,
        "net_content": "1 kg",
        "shelf_life_months": 9,
        "storage": "Để nơi khô thoáng, kê cao khỏi sàn, buộc kín miệng túi sau khi mở.",
        "storage_en": "Keep in a dry, airy place off the floor; tie the bag shut after opening.",
        "ocop_stars": 3,
        "gtin": "8936335100059",
    },
    {
        "cooperative": "htx-nuoc-mam-ham-ninh",
        "category": "nuoc-mam-gia-vi",
        "title": "Nước mắm Phú Quốc 40 độ đạm 500 ml",
        "title_en": "Phú Quốc fish sauce 40°N 500 ml",
        "description": (
            "Nước mắm nhĩ rút từ thùng gỗ sau hơn 12 tháng ủ cá cơm và muối, đạt 40 độ đạm. Màu "
            "cánh gián, thơm, mặn đằm và hậu ngọt; dùng chấm trực tiếp hoặc pha nước chấm."
        ),
        "description_en": (
            "First-draw fish sauce from wooden barrels after more than 12 months of fermenting "
            "anchovies and salt, at 40° of protein. Amber-coloured, fragrant, rounded saltiness "
            "and a sweet finish; for dipping as it is or in dipping sauces."
        ),
        "price": 120000,
        "stock": 110,
        "net_content": "500 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp sau khi dùng, để nơi thoáng mát, tránh ánh nắng.",
        "storage_en": "Close the lid after use; keep in a cool place out of the sun.",
        "ocop_stars": 4,
        "gtin": "8935771900018",
    },
    {
        "cooperative": "htx-nuoc-mam-ham-ninh",
        "category": "nuoc-mam-gia-vi",
        "title": "Nước mắm nhĩ cá cơm 43 độ đạm 250 ml",
        "title_en": "Anchovy first-press fish sauce 43°N 250 ml",
        "description": (
            "Giọt nước mắm đầu tiên của thùng chượp, độ đạm cao, sánh và thơm. Chỉ cần vài giọt "
            "cho món luộc, cơm trắng hoặc trứng chiên."
        ),
        "description_en": (
            "The first drops from the fermenting barrel: rich in protein, thick and fragrant. A "
            "few drops are enough on boiled vegetables, rice or fried eggs."
        ),
        "price": 135000,
        "stock": 45,
        "net_content": "250 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp sau khi dùng, để nơi thoáng mát, tránh ánh nắng.",
        "storage_en": "Close the lid after use; keep in a cool place out of the sun.",
        "ocop_stars": 5,
        "gtin": "8935771900025",
    },
    {
        "cooperative": "htx-nuoc-mam-ham-ninh",
        "category": "nuoc-mam-gia-vi",
        "title": "Nước mắm Phú Quốc 35 độ đạm 1 lít",
        "title_en": "Phú Quốc fish sauce 35°N 1 litre",
        "description": (
            "Chai lớn dùng nêm nếm hằng ngày, vị mặn vừa và thơm cá cơm. Đóng chai thủy tinh, nắp "
            "nhựa chống rò."
        ),
        "description_en": (
            "A large bottle for everyday seasoning, moderately salty and fragrant with anchovy. "
            "Glass bottle with a leak-proof cap."
        ),
        "price": 150000,
        "stock": 80,
        "net_content": "1 lít",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp sau khi dùng, để nơi thoáng mát, tránh ánh nắng.",
        "storage_en": "Close the lid after use; keep in a cool place out of the sun.",
        "ocop_stars": 4,
        "gtin": "8935771900032",
    },
    {
        "cooperative": "htx-nuoc-mam-ham-ninh",
        "category": "nuoc-mam-gia-vi",
        "title": "Tiêu đen Phú Quốc 200 g",
        "title_en": "Phú Quốc black pepper 200 g",
        "description": (
            "Hạt tiêu chín phơi nắng, to và chắc, cay nồng, thơm. Xay ngay trước khi dùng để giữ "
            "hương; hợp với muối tiêu chanh ăn hải sản."
        ),
        "description_en": (
            "Ripe peppercorns dried in the sun: large, firm, pungent and aromatic. Grind just "
            "before use to keep the aroma; mix with salt and lime for seafood."
        ),
        "price": 90000,
        "stock": 95,
        "net_content": "200 g",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8935771900049",
    },
    {
        "cooperative": "htx-nuoc-mam-ham-ninh",
        "category": "do-uong",
        "title": "Rượu sim Phú Quốc 500 ml",
        "title_en": "Phú Quốc rose-myrtle wine 500 ml",
        "description": (
            "Rượu ngâm từ trái sim rừng chín với rượu gạo, màu tím đỏ, vị chát ngọt. Độ cồn 13%; "
            "không bán cho người dưới 18 tuổi."
        ),
        "description_en": (
            "Ripe wild rose-myrtle berries steeped in rice wine: purple-red, tart and sweet. 13% "
            "alcohol; not sold to anyone under 18."
        ),
        "price": 150000,
        "stock": 60,
        "net_content": "500 ml",
        "shelf_life_months": 36,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8935771900056",
    },
    {
        "cooperative": "htx-thot-not-tri-ton",
        "category": "dac-san-che-bien",
        "title": "Đường thốt nốt Tri Tôn 500 g",
        "title_en": "Tri Tôn palm sugar 500 g",
        "description": (
            "Nước thốt nốt lấy buổi sáng được nấu ngay trên bếp củi đến khi sánh, đổ khuôn thành "
            "từng bánh. Vị ngọt thanh, thơm mùi khói; dùng nấu chè, kho cá hoặc pha cà phê."
        ),
        "description_en": (
            "Palmyra sap collected in the morning is boiled over a wood fire until thick, then "
            "poured into moulds. Clean sweetness with a smoky note; for sweet soups, braised fish "
            "or coffee."
        ),
        "price": 60000,
        "stock": 140,
        "net_content": "500 g",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 4,
        "gtin": "8936406200015",
    },
    {
        "cooperative": "htx-thot-not-tri-ton",
        "category": "do-uong",
        "title": "Nước thốt nốt thanh trùng 250 ml",
        "title_en": "Pasteurised palmyra sap drink 250 ml",
        "description": (
            "Nước thốt nốt tươi lọc sạch, thanh trùng và đóng chai trong ngày. Vị ngọt mát tự "
            "nhiên, ngon nhất khi uống lạnh."
        ),
        "description_en": (
            "Fresh palmyra sap, filtered, pasteurised and bottled the same day. Naturally sweet "
            "and refreshing, best chilled."
        ),
        "price": 18000,
        "stock": 180,
        "net_content": "250 ml",
        "shelf_life_months": 3,
        "storage": "Bảo quản ở nhiệt độ thường; sau khi mở nắp để ngăn mát và dùng trong 3 ngày.",
        "storage_en": (
            "Store at room temperature; once opened, refrigerate and drink within 3 days."
        ),
        "ocop_stars": 3,
        "gtin": "8936406200022",
    },
    {
        "cooperative": "htx-thot-not-tri-ton",
        "category": "gao",
        "title": "Gạo nàng Nhen Bảy Núi túi 2 kg",
        "title_en": "Bảy Núi Nàng Nhen rice, 2 kg bag",
        "description": (
            "Lúa mùa nàng Nhen chỉ cấy một vụ mỗi năm trên ruộng chân núi, hạt nhỏ, cơm dẻo và "
            "thơm đậm. Gạo đạt chỉ dẫn địa lý và là đặc sản của đồng bào Khmer vùng Bảy Núi."
        ),
        "description_en": (
            "Nàng Nhen rice is planted once a year in the fields at the foot of the mountains: "
            "small grains that cook sticky and very fragrant. A geographical-indication "
            "speciality of the Khmer people of Bảy Núi."
        ),
        "price": 90000,
        "stock": 70,
        "net_content": "2 kg",
        "shelf_life_months": 12,
        "storage": "Để nơi khô thoáng, kê cao khỏi sàn, buộc kín miệng túi sau khi mở.",
        "storage_en": "Keep in a dry, airy place off the floor; tie the bag shut after opening.",
        "ocop_stars": 4,
        "gtin": "8936406200039",
    },
    {
        "cooperative": "htx-thot-not-tri-ton",
        "category": "dac-san-che-bien",
        "title": "Mật thốt nốt nguyên chất 500 ml",
        "title_en": "Pure palmyra syrup 500 ml",
        "description": (
            "Nước thốt nốt cô đặc ở dạng lỏng, màu hổ phách, dùng thay đường để pha trà, rưới bánh "
            "hoặc làm nước sốt. Không pha đường tinh luyện."
        ),
        "description_en": (
            "Liquid palmyra sugar, amber-coloured, to sweeten tea, pour over cakes or make sauces "
            "instead of sugar. No refined sugar added."
        ),
        "price": 85000,
        "stock": 50,
        "net_content": "500 ml",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936406200046",
    },
    {
        "cooperative": "htx-nhan-long-hong-chau",
        "category": "trai-cay",
        "title": "Nhãn lồng Hưng Yên hộp 2 kg",
        "title_en": "Hưng Yên longan, 2 kg box",
        "description": (
            "Nhãn lồng quả to, cùi dày, giòn, ráo nước và ngọt sắc. Chỉ bán trong mùa tháng 7, "
            "tháng 8; nhãn cắt cành buổi sáng và giao trong ngày tới các tỉnh lân cận."
        ),
        "description_en": (
            "Large lồng longans with thick, crisp, dry flesh and an intense sweetness. Sold only "
            "in July and August; the branches are cut in the morning and delivered the same day "
            "to nearby provinces."
        ),
        "price": 160000,
        "stock": 0,
        "net_content": "2 kg",
        "shelf_life_months": 1,
        "storage": "Để ngăn mát tủ lạnh, dùng trong 5–7 ngày.",
        "storage_en": "Keep in the fridge and eat within 5–7 days.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-nhan-long-hong-chau",
        "category": "dac-san-che-bien",
        "title": "Long nhãn sấy khô Hưng Yên 500 g",
        "title_en": "Hưng Yên dried longan flesh 500 g",
        "description": (
            "Cùi nhãn lồng bóc tay, sấy than hoa đến khi dẻo, màu nâu vàng, không lưu huỳnh. Dùng "
            "nấu chè long nhãn hạt sen, pha trà hoặc ăn trực tiếp."
        ),
        "description_en": (
            "Longan flesh peeled by hand and dried over charcoal until chewy and golden brown, "
            "with no sulphur. For longan and lotus seed sweet soup, for tea, or to eat as it is."
        ),
        "price": 220000,
        "stock": 80,
        "net_content": "500 g",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 4,
        "gtin": "8935884000018",
    },
    {
        "cooperative": "htx-nhan-long-hong-chau",
        "category": "mat-ong",
        "title": "Mật ong hoa nhãn 500 ml",
        "title_en": "Longan blossom honey 500 ml",
        "description": (
            "Mật ong quay vào mùa nhãn nở hoa tháng 2, tháng 3, màu vàng sáng, thơm đặc trưng hoa "
            "nhãn, vị ngọt dịu. Pha với chanh và nước ấm hoặc dùng chấm bánh."
        ),
        "description_en": (
            "Honey extracted while the longan trees flower in February and March: bright gold, "
            "with the distinctive scent of longan blossom and a gentle sweetness. Mix with lime "
            "and warm water, or drizzle on cakes."
        ),
        "price": 165000,
        "stock": 100,
        "net_content": "500 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 4,
        "gtin": "8935884000025",
    },
    {
        "cooperative": "htx-nhan-long-hong-chau",
        "category": "mat-ong",
        "title": "Mật ong hoa nhãn 1 lít",
        "title_en": "Longan blossom honey 1 litre",
        "description": (
            "Chai lớn cùng vụ với chai 500 ml, tiết kiệm cho gia đình dùng thường xuyên. Mật có "
            "thể kết tinh khi trời rét, đó là hiện tượng tự nhiên."
        ),
        "description_en": (
            "A large bottle from the same harvest as the 500 ml one, for families who use honey "
            "often. It may crystallise in cold weather; that is natural."
        ),
        "price": 300000,
        "stock": 45,
        "net_content": "1 lít",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 4,
        "gtin": "8935884000032",
    },
    {
        "cooperative": "htx-mat-ong-bac-ha-meo-vac",
        "category": "mat-ong",
        "title": "Mật ong bạc hà Mèo Vạc 500 ml",
        "title_en": "Mèo Vạc mint-flower honey 500 ml",
        "description": (
            "Mật ong của ong nội lấy từ hoa bạc hà dại trên cao nguyên đá, màu vàng nhạt, thơm mùi "
            "bạc hà và ngọt thanh. Mật dễ kết tinh mịn như mỡ khi trời lạnh."
        ),
        "description_en": (
            "Honey from native bees foraging on wild mint flowers of the stone plateau: pale "
            "gold, mint-scented and cleanly sweet. It crystallises finely, like butter, in cold "
            "weather."
        ),
        "price": 380000,
        "stock": 35,
        "net_content": "500 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-mat-ong-bac-ha-meo-vac",
        "category": "mat-ong",
        "title": "Mật ong bạc hà Mèo Vạc 250 ml",
        "title_en": "Mèo Vạc mint-flower honey 250 ml",
        "description": (
            "Chai nhỏ để dùng thử hoặc mang theo khi đi xa, cùng vụ mật tháng 11. Pha một thìa với "
            "nước ấm khi bị đau họng."
        ),
        "description_en": (
            "A small bottle to try or to take on a trip, from the same November harvest. Stir a "
            "spoonful into warm water for a sore throat."
        ),
        "price": 210000,
        "stock": 48,
        "net_content": "250 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-mat-ong-bac-ha-meo-vac",
        "category": "mat-ong",
        "title": "Hộp quà mật ong bạc hà 2 chai 250 ml",
        "title_en": "Mint-flower honey gift box, 2 x 250 ml",
        "description": (
            "Hai chai mật ong bạc hà đặt trong hộp gỗ thông khắc hình hoa tam giác mạch. Phù hợp "
            "làm quà biếu; số lượng hộp mỗi vụ có hạn."
        ),
        "description_en": (
            "Two bottles of mint-flower honey in a pine box carved with buckwheat flowers. A fine "
            "gift; a limited number of boxes each harvest."
        ),
        "price": 450000,
        "stock": 3,
        "net_content": "500 ml (2 x 250 ml)",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-mat-ong-bac-ha-meo-vac",
        "category": "do-uong",
        "title": "Rượu ngô men lá Mèo Vạc 500 ml",
        "title_en": "Mèo Vạc corn liquor with leaf yeast 500 ml",
        "description": (
            "Rượu nấu từ ngô bản địa ủ men lá rừng theo cách của người Mông, vị êm và thơm. Độ cồn "
            "35%; không bán cho người dưới 18 tuổi."
        ),
        "description_en": (
            "Spirit distilled from native corn fermented with forest-leaf yeast the Hmong way: "
            "smooth and fragrant. 35% alcohol; not sold to anyone under 18."
        ),
        "price": 90000,
        "stock": 70,
        "net_content": "500 ml",
        "shelf_life_months": 36,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-thao-duoc-ta-phin",
        "category": "duoc-lieu",
        "title": "Lá tắm người Dao đỏ Tả Phìn 200 g",
        "title_en": "Tả Phìn Red Dao herbal bath leaves 200 g",
        "description": (
            "Hỗn hợp hơn 20 loại lá rừng phơi khô theo bài thuốc của người Dao đỏ. Đun một gói với "
            "5 lít nước trong 30 phút, pha thêm nước ấm để ngâm mình, giúp giảm mỏi mệt."
        ),
        "description_en": (
            "A blend of more than 20 dried forest leaves from a Red Dao remedy. Boil one pack in "
            "5 litres of water for 30 minutes, then add warm water for a soak that eases "
            "tiredness."
        ),
        "price": 45000,
        "stock": 150,
        "net_content": "200 g",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-thao-duoc-ta-phin",
        "category": "duoc-lieu",
        "title": "Cao lá tắm Dao đỏ 500 ml",
        "title_en": "Red Dao herbal bath concentrate 500 ml",
        "description": (
            "Nước lá tắm nấu cô đặc, tiện dùng trong căn hộ. Pha 50 ml với bồn nước ấm hoặc 20 ml "
            "với chậu ngâm chân."
        ),
        "description_en": (
            "Bath-leaf infusion boiled down to a concentrate, easy to use in a flat. Add 50 ml to "
            "a warm bath, or 20 ml to a foot bath."
        ),
        "price": 150000,
        "stock": 60,
        "net_content": "500 ml",
        "shelf_life_months": 12,
        "storage": "Đậy kín nắp sau khi dùng, để nơi thoáng mát, tránh ánh nắng.",
        "storage_en": "Close the lid after use; keep in a cool place out of the sun.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-thao-duoc-ta-phin",
        "category": "duoc-lieu",
        "title": "Trà giảo cổ lam Sa Pa 200 g",
        "title_en": "Sa Pa jiaogulan tea 200 g",
        "description": (
            "Giảo cổ lam năm lá trồng dưới tán rừng, cắt cả thân lá và sấy khô. Hãm 5 g với nước "
            "sôi, vị đắng nhẹ rồi ngọt hậu."
        ),
        "description_en": (
            "Five-leaf jiaogulan grown under the forest canopy, cut with its stems and dried. "
            "Steep 5 g in boiling water: lightly bitter, then sweet."
        ),
        "price": 120000,
        "stock": 75,
        "net_content": "200 g",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín túi sau khi dùng.",
        "storage_en": "Keep in a cool, dry place out of the sun; reseal the bag after use.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-thao-duoc-ta-phin",
        "category": "duoc-lieu",
        "title": "Tam thất bắc củ khô 200 g",
        "title_en": "Dried northern notoginseng root 200 g",
        "description": (
            "Củ tam thất trồng trên 3 năm ở độ cao trên 1.500 m, phơi khô. Thường được thái lát "
            "hầm gà hoặc nghiền bột; tham khảo thầy thuốc trước khi dùng thường xuyên."
        ),
        "description_en": (
            "Notoginseng roots grown for over 3 years above 1,500 m and sun-dried. Usually sliced "
            "into chicken stews or ground into powder; ask a doctor before taking it regularly."
        ),
        "price": 380000,
        "stock": 20,
        "net_content": "200 g",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-thao-duoc-ta-phin",
        "category": "thu-cong-my-nghe",
        "title": "Túi thêu tay người Dao đỏ Tả Phìn",
        "title_en": "Tả Phìn Red Dao hand-embroidered bag",
        "description": (
            "Túi vải chàm thêu chỉ đỏ, vàng theo hoa văn truyền thống của phụ nữ Dao đỏ. Mỗi chiếc "
            "thêu mất khoảng một tuần."
        ),
        "description_en": (
            "An indigo cloth bag embroidered in red and yellow thread with the traditional "
            "patterns of Red Dao women. Each one takes about a week to embroider."
        ),
        "price": 280000,
        "stock": 14,
        "net_content": "1 chiếc",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-que-van-yen",
        "category": "nuoc-mam-gia-vi",
        "title": "Quế thanh Văn Yên 500 g",
        "title_en": "Văn Yên cinnamon sticks 500 g",
        "description": (
            "Vỏ quế cạo sạch, cắt thanh 20 cm và phơi khô tự nhiên, dày và nhiều dầu. Dùng nấu "
            "phở, kho thịt, pha trà hoặc làm thơm nhà."
        ),
        "description_en": (
            "Cinnamon bark scraped clean, cut into 20 cm sticks and dried naturally: thick and "
            "rich in oil. For phở, braised pork, tea, or to scent the house."
        ),
        "price": 95000,
        "stock": 110,
        "net_content": "500 g",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 4,
        "gtin": "8936519300015",
    },
    {
        "cooperative": "htx-que-van-yen",
        "category": "nuoc-mam-gia-vi",
        "title": "Bột quế Văn Yên 100 g",
        "title_en": "Văn Yên cinnamon powder 100 g",
        "description": (
            "Quế nguyên chất xay mịn, không pha tạp. Rắc lên cà phê, bánh ngọt, sữa chua hoặc ướp "
            "thịt nướng."
        ),
        "description_en": (
            "Pure cinnamon, finely ground with nothing added. Sprinkle on coffee, cakes or "
            "yoghurt, or use in marinades for grilled meat."
        ),
        "price": 45000,
        "stock": 150,
        "net_content": "100 g",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936519300022",
    },
    {
        "cooperative": "htx-que-van-yen",
        "category": "duoc-lieu",
        "title": "Tinh dầu quế Văn Yên 10 ml",
        "title_en": "Văn Yên cinnamon essential oil 10 ml",
        "description": (
            "Chưng cất từ lá và cành quế, mùi ấm và cay. Nhỏ 2–3 giọt vào máy khuếch tán để khử "
            "mùi và đuổi muỗi; không uống và tránh tiếp xúc với mắt."
        ),
        "description_en": (
            "Distilled from cinnamon leaves and twigs: a warm, spicy scent. 2–3 drops in a "
            "diffuser freshen the air and keep mosquitoes away; do not swallow, and keep away "
            "from the eyes."
        ),
        "price": 65000,
        "stock": 130,
        "net_content": "10 ml",
        "shelf_life_months": 24,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936519300039",
    },
    {
        "cooperative": "htx-que-van-yen",
        "category": "dac-san-che-bien",
        "title": "Măng tre Bát Độ khô 500 g",
        "title_en": "Dried Bát Độ bamboo shoots 500 g",
        "description": (
            "Măng tre Bát Độ luộc chín, xé sợi và phơi nắng, không lưu huỳnh. Ngâm nước vo gạo một "
            "đêm, luộc lại trước khi nấu với chân giò hoặc xào."
        ),
        "description_en": (
            "Bát Độ bamboo shoots boiled, shredded and sun-dried, with no sulphur. Soak overnight "
            "in rice-rinsing water and boil again before cooking with pork hock or stir-frying."
        ),
        "price": 140000,
        "stock": 60,
        "net_content": "500 g",
        "shelf_life_months": 12,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936519300046",
    },
    {
        "cooperative": "htx-nep-tu-le",
        "category": "gao",
        "title": "Gạo nếp Tú Lệ túi 2 kg",
        "title_en": "Tú Lệ sticky rice, 2 kg bag",
        "description": (
            "Nếp Tan Tú Lệ hạt tròn, trắng đục, đồ xôi dẻo, thơm và không bị nát. Ngâm gạo 4–6 giờ "
            "trước khi đồ."
        ),
        "description_en": (
            "Tú Lệ Tan sticky rice: round, milky-white grains that steam into soft, fragrant "
            "sticky rice without turning mushy. Soak for 4–6 hours before steaming."
        ),
        "price": 110000,
        "stock": 65,
        "net_content": "2 kg",
        "shelf_life_months": 12,
        "storage": "Để nơi khô thoáng, kê cao khỏi sàn, buộc kín miệng túi sau khi mở.",
        "storage_en": "Keep in a dry, airy place off the floor; tie the bag shut after opening.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-nep-tu-le",
        "category": "gao",
        "title": "Gạo nếp Tú Lệ túi 5 kg",
        "title_en": "Tú Lệ sticky rice, 5 kg bag",
        "description": (
            "Túi lớn cho gia đình gói bánh chưng, nấu xôi và làm rượu nếp. Gạo vụ mới thu hoạch "
            "tháng 10, xay trước khi giao."
        ),
        "description_en": (
            "A large bag for families wrapping bánh chưng, steaming sticky rice or making rice "
            "wine. New-crop rice harvested in October, milled just before delivery."
        ),
        "price": 260000,
        "stock": 30,
        "net_content": "5 kg",
        "shelf_life_months": 12,
        "storage": "Để nơi khô thoáng, kê cao khỏi sàn, buộc kín miệng túi sau khi mở.",
        "storage_en": "Keep in a dry, airy place off the floor; tie the bag shut after opening.",
        "ocop_stars": 4,
        "gtin": None,
    },
    {
        "cooperative": "htx-nep-tu-le",
        "category": "dac-san-che-bien",
        "title": "Cốm Tú Lệ 500 g",
        "title_en": "Tú Lệ young rice flakes 500 g",
        "description": (
            "Cốm làm từ lúa nếp non rang trên chảo gang và giã tay, hạt dẹt, xanh và thơm. Chỉ có "
            "vào mùa gặt tháng 9, tháng 10; đóng túi hút chân không và giữ lạnh."
        ),
        "description_en": (
            "Young sticky rice toasted in a cast-iron pan and pounded by hand into flat, green, "
            "fragrant flakes. Only at the September–October harvest; vacuum-packed and kept cold."
        ),
        "price": 90000,
        "stock": 0,
        "net_content": "500 g",
        "shelf_life_months": 1,
        "storage": "Giữ ngăn mát tủ lạnh, dùng trong 15 ngày.",
        "storage_en": "Keep in the fridge and use within 15 days.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-dua-mo-cay",
        "category": "dac-san-che-bien",
        "title": "Kẹo dừa sầu riêng Mỏ Cày 400 g",
        "title_en": "Mỏ Cày durian coconut candy 400 g",
        "description": (
            "Kẹo nấu từ nước cốt dừa tươi, mạch nha và cơm sầu riêng, dẻo và béo. Mỗi viên gói lớp "
            "bánh tráng ăn được và giấy sáp."
        ),
        "description_en": (
            "Candy cooked from fresh coconut milk, malt and durian flesh: chewy and rich. Each "
            "piece is wrapped in edible rice paper and wax paper."
        ),
        "price": 45000,
        "stock": 170,
        "net_content": "400 g",
        "shelf_life_months": 6,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 4,
        "gtin": "8935126700010",
    },
    {
        "cooperative": "htx-dua-mo-cay",
        "category": "dac-san-che-bien",
        "title": "Kẹo dừa lá dứa Mỏ Cày 400 g",
        "title_en": "Mỏ Cày pandan coconut candy 400 g",
        "description": (
            "Kẹo dừa màu xanh tự nhiên từ nước lá dứa, thơm và ngọt vừa. Món quà quen thuộc của xứ "
            "dừa."
        ),
        "description_en": (
            "Coconut candy coloured naturally green with pandan leaf juice, fragrant and not too "
            "sweet. The well-known gift of the coconut country."
        ),
        "price": 42000,
        "stock": 160,
        "net_content": "400 g",
        "shelf_life_months": 6,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 4,
        "gtin": "8935126700027",
    },
    {
        "cooperative": "htx-dua-mo-cay",
        "category": "dac-san-che-bien",
        "title": "Dầu dừa ép lạnh 250 ml",
        "title_en": "Cold-pressed coconut oil 250 ml",
        "description": (
            "Dầu ép lạnh từ cơm dừa tươi, trong và thơm nhẹ. Dùng nấu ăn ở nhiệt độ vừa, dưỡng da "
            "và dưỡng tóc; đông đặc dưới 24 độ C là bình thường."
        ),
        "description_en": (
            "Cold-pressed from fresh coconut meat: clear and lightly fragrant. For cooking at "
            "moderate heat and for skin and hair; it turns solid below 24 °C, which is normal."
        ),
        "price": 75000,
        "stock": 90,
        "net_content": "250 ml",
        "shelf_life_months": 18,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8935126700034",
    },
    {
        "cooperative": "htx-dua-mo-cay",
        "category": "thu-cong-my-nghe",
        "title": "Bộ chén gáo dừa 4 chiếc",
        "title_en": "Coconut shell bowl set of 4",
        "description": (
            "Chén làm từ gáo dừa già, mài nhẵn và phủ dầu dừa. Dùng đựng đồ khô, salad hoặc làm đồ "
            "trang trí; không dùng cho đồ quá nóng."
        ),
        "description_en": (
            "Bowls made from mature coconut shells, sanded smooth and finished with coconut oil. "
            "For dry snacks, salads or decoration; not for very hot food."
        ),
        "price": 150000,
        "stock": 40,
        "net_content": "1 bộ (4 chiếc)",
        "shelf_life_months": None,
        "storage": "Để nơi khô ráo, tránh ẩm mốc; lau bằng khăn mềm.",
        "storage_en": "Keep dry and away from damp; wipe with a soft cloth.",
        "ocop_stars": 3,
        "gtin": None,
    },
    {
        "cooperative": "htx-dua-mo-cay",
        "category": "do-uong",
        "title": "Nước dừa xiêm đóng chai 330 ml",
        "title_en": "Bottled green coconut water 330 ml",
        "description": (
            "Nước dừa xiêm xanh lọc lạnh và thanh trùng, không thêm đường. Vị ngọt mát tự nhiên, "
            "uống lạnh ngon nhất."
        ),
        "description_en": (
            "Green coconut water, cold-filtered and pasteurised, with no added sugar. Naturally "
            "sweet and refreshing, best chilled."
        ),
        "price": 22000,
        "stock": 190,
        "net_content": "330 ml",
        "shelf_life_months": 6,
        "storage": "Bảo quản ở nhiệt độ thường; sau khi mở nắp để ngăn mát và dùng trong 3 ngày.",
        "storage_en": (
            "Store at room temperature; once opened, refrigerate and drink within 3 days."
        ),
        "ocop_stars": 3,
        "gtin": "8935126700041",
    },
    {
        "cooperative": "htx-ca-phe-ea-tul",
        "category": "do-uong",
        "title": "Cà phê Robusta Ea Tul rang xay 500 g",
        "title_en": "Ea Tul Robusta ground coffee 500 g",
        "description": (
            "Robusta hái chín, phơi giàn và rang mộc đậm, không tẩm bơ hay hương liệu. Vị đắng "
            "đậm, hậu ngọt, hợp pha phin hoặc làm cà phê sữa đá."
        ),
        "description_en": (
            "Ripe-picked Robusta, dried on raised beds and dark-roasted with no butter or "
            "flavourings. Bold and bitter with a sweet finish; for a phin filter or iced coffee "
            "with condensed milk."
        ),
        "price": 135000,
        "stock": 150,
        "net_content": "500 g",
        "shelf_life_months": 12,
        "storage": (
            "Đóng kín túi có van một chiều, để nơi khô mát; ngon nhất trong 2 tháng sau khi mở."
        ),
        "storage_en": (
            "Reseal the valve bag and keep cool and dry; best within 2 months of opening."
        ),
        "ocop_stars": 4,
        "gtin": "8936660500012",
    },
    {
        "cooperative": "htx-ca-phe-ea-tul",
        "category": "do-uong",
        "title": "Cà phê hạt Robusta chọn lọc 1 kg",
        "title_en": "Selected Robusta coffee, roasted beans 1 kg",
        "description": (
            "Hạt sàng cỡ 18, loại bỏ hạt đen vỡ, rang vừa cho vị sô-cô-la và hạt rang. Dùng cho "
            "máy pha espresso hoặc xay tại nhà."
        ),
        "description_en": (
            "Screen-18 beans with broken and black beans removed, medium-roasted for chocolate "
            "and roasted-nut notes. For espresso machines or grinding at home."
        ),
        "price": 260000,
        "stock": 60,
        "net_content": "1 kg",
        "shelf_life_months": 12,
        "storage": (
            "Đóng kín túi có van một chiều, để nơi khô mát; ngon nhất trong 2 tháng sau khi mở."
        ),
        "storage_en": (
            "Reseal the valve bag and keep cool and dry; best within 2 months of opening."
        ),
        "ocop_stars": 4,
        "gtin": "8936660500029",
    },
    {
        "cooperative": "htx-ca-phe-ea-tul",
        "category": "do-uong",
        "title": "Cà phê phin giấy Ea Tul 10 gói",
        "title_en": "Ea Tul drip bag coffee, 10 bags",
        "description": (
            "Mỗi gói 15 g cà phê xay sẵn trong phin giấy, chỉ cần móc lên cốc và rót nước sôi. "
            "Tiện mang đi làm, đi du lịch."
        ),
        "description_en": (
            "Each bag holds 15 g of ground coffee in a paper filter: hook it on a cup and pour on "
            "boiling water. Handy at work and when travelling."
        ),
        "price": 80000,
        "stock": 120,
        "net_content": "150 g (10 gói x 15 g)",
        "shelf_life_months": 12,
        "storage": (
            "Đóng kín túi có van một chiều, để nơi khô mát; ngon nhất trong 2 tháng sau khi mở."
        ),
        "storage_en": (
            "Reseal the valve bag and keep cool and dry; best within 2 months of opening."
        ),
        "ocop_stars": 3,
        "gtin": "8936660500036",
    },
    {
        "cooperative": "htx-ca-phe-ea-tul",
        "category": "mat-ong",
        "title": "Mật ong hoa cà phê Đắk Lắk 500 ml",
        "title_en": "Đắk Lắk coffee-blossom honey 500 ml",
        "description": (
            "Ong đặt giữa vườn cà phê khi hoa nở rộ sau đợt tưới đầu mùa khô. Mật màu hổ phách "
            "nhạt, thơm hoa, vị ngọt đậm."
        ),
        "description_en": (
            "The hives stand among the coffee gardens when they burst into flower after the first "
            "watering of the dry season. Pale amber, flowery and richly sweet."
        ),
        "price": 160000,
        "stock": 85,
        "net_content": "500 ml",
        "shelf_life_months": 24,
        "storage": "Đậy kín nắp, để nơi thoáng mát; không cần để tủ lạnh.",
        "storage_en": "Close the lid tightly and keep in a cool place; no need to refrigerate.",
        "ocop_stars": 3,
        "gtin": "8936660500043",
    },
    {
        "cooperative": "htx-ca-phe-ea-tul",
        "category": "dac-san-che-bien",
        "title": "Hạt mắc ca sấy nứt vỏ 500 g",
        "title_en": "Cracked-shell dried macadamia nuts 500 g",
        "description": (
            "Mắc ca trồng xen trong vườn cà phê, sấy nứt vỏ sẵn, kèm dụng cụ tách. Nhân béo, giòn "
            "và thơm, dùng ăn vặt hoặc làm sữa hạt."
        ),
        "description_en": (
            "Macadamias grown among the coffee trees, dried with their shells already cracked and "
            "sold with an opener. Rich, crunchy and fragrant; a snack or a base for nut milk."
        ),
        "price": 195000,
        "stock": 75,
        "net_content": "500 g",
        "shelf_life_months": 9,
        "storage": "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
        "storage_en": "Keep in a cool, dry place out of direct sunlight.",
        "ocop_stars": 3,
        "gtin": "8936660500050",
    },
]

PALETTES = {
    "che-tra": [(74, 103, 65), (143, 168, 108), (214, 222, 181)],
    "gao": [(241, 233, 210), (214, 196, 154), (168, 140, 94)],
    "mat-ong": [(196, 130, 36), (232, 178, 68), (122, 74, 22)],
    "trai-cay": [(232, 136, 44), (196, 72, 48), (140, 170, 72)],
    "dac-san-che-bien": [(150, 96, 60), (201, 160, 112), (98, 66, 44)],
    "duoc-lieu": [(96, 110, 70), (160, 140, 90), (70, 84, 60)],
    "thu-cong-my-nghe": [(44, 78, 128), (178, 120, 80), (226, 214, 190)],
    "do-uong": [(92, 56, 38), (166, 112, 72), (224, 196, 160)],
    "nuoc-mam-gia-vi": [(140, 70, 32), (190, 120, 60), (60, 40, 30)],
}
