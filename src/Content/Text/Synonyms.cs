namespace Outreach.Content.Text;

/// <summary>
/// Ways members say the same thing, folded into one wording before matching, on both sides (the member's message and the
/// pack's entries): "heo" and "lợn", "ly dị" and "ly hôn", "có bầu" and "mang thai", "sổ đỏ" and "thế chấp". So an entry
/// written one way answers a question asked the other way, whatever words the entry's author happened to use.
/// <para>
/// Phrases are matched like crisis cues: a syllable typed with accents must be that word, one typed plain may be any word
/// that folds to it; the longest phrase wins. Only concepts members ask about are listed, each to the wording the pack uses.
/// </para>
/// </summary>
public static class Synonyms
{
    /// <summary>What a phrase about something outside the union's work (football, lottery, the weather) reads as: a word no
    /// entry uses.</summary>
    public const string OffTopicWord = "offtopic";

    // Each row: the wording the pack uses, then the other ways to say it.
    private static readonly (string Canonical, string[] Variants)[] Rows =
    [
        // Family, people.
        ("lợn", ["heo"]),
        ("chồng", ["ông xã", "phu quân"]),
        ("vợ", ["bà xã"]),
        ("con", ["con cái"]),
        ("người già", ["người cao tuổi", "cụ già", "người lớn tuổi", "ông bà già", "bà cụ", "ông cụ"]),
        ("khuyết tật", ["tàn tật", "tàn tật", "người khuyết tật", "bị liệt", "khiếm thị", "khiếm thính"]),
        ("mẹ đơn thân", ["nuôi con một mình", "một mình nuôi con", "mẹ một mình nuôi con", "mẹ bỉm đơn thân", "làm mẹ đơn thân", "phụ nữ đơn thân", "single mom"]),
        ("nam giới", ["đàn ông", "người đàn ông"]),
        ("mồ côi", ["không cha không mẹ", "mất cha mẹ", "mất bố mẹ"]),
        ("dân tộc thiểu số", ["đồng bào dân tộc", "người dân tộc", "bà con dân tộc", "vùng dân tộc", "người đồng bào"]),
        ("hộ nghèo", ["nhà nghèo", "gia đình nghèo", "sổ hộ nghèo"]),

        // Money and loans.
        ("vay vốn", ["vay vốn", "vay", "vay tiền", "mượn tiền", "vay ít tiền", "vay ít vốn", "vay một ít", "xin vốn", "vay ưu đãi", "vốn ưu đãi", "cần vốn", "thiếu vốn", "cần tiền làm ăn", "cần ít vốn", "mượn vốn"]),
        ("thế chấp", ["sổ đỏ", "tài sản bảo đảm", "tài sản đảm bảo", "cầm cố", "giấy chứng nhận quyền sử dụng đất"]),
        ("quá hạn", ["trễ hạn", "chậm trả", "không trả được nợ", "chưa trả được nợ", "không trả nổi", "nợ xấu", "đến hạn mà chưa trả", "trả không kịp"]),
        ("trả nợ trước hạn", ["trả trước hạn", "trả nợ sớm", "trả sớm", "trả hết nợ sớm", "trả hết nợ vay sớm", "tất toán", "tất toán khoản vay"]),
        ("gia hạn nợ", ["khoanh nợ", "giãn nợ", "hoãn nợ", "lùi hạn trả nợ", "gia hạn khoản vay", "xin gia hạn nợ"]),
        ("lãi suất", ["lãi suất", "tiền lãi", "lãi vay", "lời bao nhiêu", "không lãi", "lãi"]),
        ("giấy tờ", ["hồ sơ", "thủ tục", "giấy má"]),
        // A small business in trouble ("cái tiệm tạp hóa sắp sập", "buôn bán ế quá"): the union's startup support.
        ("làm ăn thua lỗ", ["thua lỗ", "lỗ vốn", "làm ăn lỗ", "buôn bán ế", "bán ế", "ế ẩm", "ế khách", "vắng khách", "sập tiệm",
            "tiệm sắp sập", "quán sắp sập", "sạp sắp sập", "sắp đóng cửa", "dẹp tiệm", "sắp dẹp tiệm", "phá sản", "vực dậy"]),
        ("cửa hàng", ["tiệm tạp hóa", "tạp hóa", "cửa tiệm", "sạp hàng", "sạp"]),
        ("khởi nghiệp", ["khởi sự kinh doanh", "mở tiệm", "mở quán", "mở cửa hàng", "mở tiệm tạp hóa", "làm ăn buôn bán", "mở xưởng"]),
        ("chấp hành xong án phạt tù", ["ra tù", "đi tù về", "mãn hạn tù", "ra trại", "từng đi tù", "từng ngồi tù", "hết án tù", "tù về"]),
        ("tín dụng đen", ["vay nặng lãi", "vay app", "app vay tiền", "vay qua app", "vay online", "cho vay nặng lãi", "app vay", "app nào vay", "ứng dụng vay", "ứng dụng cho vay", "vay trên mạng", "vay qua mạng"]),

        // Work, jobs, trafficking.
        ("học nghề", ["dạy nghề", "đào tạo nghề", "học một cái nghề", "học may", "học làm", "học tin học", "học vi tính", "lớp tin học", "tin học văn phòng", "học kỹ năng", "khóa học nghề", "học thêm nghề", "lớp dạy", "dạy làm", "lớp học làm", "học làm bánh", "dạy nấu ăn"]),
        ("bảo hiểm thất nghiệp", ["bảo hiểm thất nghiệp"]),
        ("không có việc", ["thất nghiệp", "mất việc", "mất việc làm", "bị nghỉ việc", "không có việc làm"]),
        ("việc làm", ["tìm việc", "kiếm việc", "xin việc", "công ăn việc làm", "giới thiệu việc"]),
        ("xuất khẩu lao động", ["đi lao động nước ngoài", "đi làm nước ngoài", "đi làm ở nước ngoài", "làm việc ở nước ngoài", "đi làm bên nước ngoài", "đi xuất khẩu"]),
        ("mua bán người", ["buôn người", "buôn bán người", "lừa bán", "bị bán", .. AcrossTheBorder()]),
        ("chuyển tiền", ["chuyển khoản", "gửi tiền", "nạp tiền"]),
        ("lừa đảo", ["lừa tiền", "lừa gạt", "bị lừa mất tiền", "bị lừa đầu tư", "app đầu tư", "đầu tư online", "đầu tư trên mạng", "đầu tư qua mạng", "giả làm con", "giả làm người nhà", "giả làm người quen", "giả mạo", "giả danh", "mạo danh", "xưng là công an", "xưng công an", "scam", "trúng thưởng", "nhận thưởng", "nộp phí nhận", "đường link lạ", "link lạ", "tin nhắn lạ", "cuộc gọi lạ"]),
        ("quấy rối", ["gạ gẫm", "gạ tình", "sàm sỡ", "động chạm", "nói lời tục tĩu", "trêu ghẹo", "quấy rối tình dục", "vỗ mông", "sờ mông", "bóp mông", "nói bậy", "câu bậy bạ", "nói tục", "lời lẽ bậy bạ", "sờ soạng", "đụng chạm", "chọc ghẹo", "trêu chọc", "buông lời trêu ghẹo", "huýt sáo trêu"]),

        // Family law.
        ("ly hôn", ["ly dị", "li hôn", "li dị", "divorce", "bỏ nhau", "ra tòa", "đơn ly hôn", "chia tay chồng", "bỏ chồng"]),
        ("nuôi con", ["quyền nuôi con", "giành nuôi con", "ai nuôi con"]),
        ("cấp dưỡng", ["tiền nuôi con", "chu cấp", "trợ cấp nuôi con"]),
        ("tảo hôn", ["cưới sớm", "lấy chồng sớm", "kết hôn sớm", "tuổi kết hôn", "mấy tuổi được lấy chồng", "mấy tuổi lấy chồng", "mấy tuổi được cưới", "bao nhiêu tuổi được kết hôn", "bao nhiêu tuổi được lấy chồng"]),
        ("bạo lực gia đình", ["bạo hành gia đình", "bạo lực trong gia đình"]),
        // Coercive control: her phone read, her friends forbidden, her every step reported ("đi đâu cũng phải chụp hình gửi").
        ("kiểm soát", ["kiểm tra điện thoại", "xem điện thoại em", "xem điện thoại vợ", "lục điện thoại", "soi điện thoại", "đọc tin nhắn của em",
            "đọc trộm tin nhắn", "cấm nói chuyện với bạn bè", "không cho nói chuyện với bạn bè", "cấm gặp bạn bè", "không cho gặp bạn bè",
            "cấm đi chơi với bạn", "cấm giao tiếp", "đi đâu cũng phải báo", "đi đâu cũng phải xin phép", "đi đâu cũng phải chụp hình",
            "đi đâu cũng phải gửi hình", "phải chụp hình gửi", "bắt chụp hình gửi", "bắt gửi định vị", "theo dõi định vị", "gắn định vị",
            "kiểm soát từng bước"]),

        ("buồn quá", ["buồn ghê", "buồn thiệt", "buồn lắm", "buồn hiu", "buồn thúi ruột", "tủi thân quá", "tủi quá"]),
        ("hihi", ["hi hi", "hi hi hi", "hì hì", "hí hí", "he he", "hé hé", "ha ha", "ha ha ha"]),
        ("buồn cười quá", ["cười muốn xỉu", "cười xỉu", "cười đau bụng", "cười bể bụng", "cười té ghế", "mắc cười quá", "tức cười quá", "cười ra nước mắt", "hài quá", "hài ghê"]),
        ("mệt quá", ["mệt chết đi được", "mệt chết", "mệt muốn chết", "mệt xỉu", "mệt rã rời", "mệt lả", "mệt muốn xỉu"]),
        ("chửi mắng", ["đồ ăn bám", "đồ ăn hại", "ăn bám", "ăn hại", "đồ vô dụng", "vô tích sự", "chửi bới", "mắng chửi", "chửi rủa", "sỉ nhục", "lăng mạ", "nhiếc móc", "chì chiết", "nói nặng lời", "mắng nhiếc", "chửi"]),
        ("giữ hết tiền lương", ["giữ sổ lương", "giữ sổ lương hưu", "giữ lương hưu", "lấy hết lương", "lấy hết tiền lương", "cầm hết tiền", "thu hết tiền", "giữ tiền lương", "cầm hết lương", "giữ hết lương", "xin từng đồng", "phải xin từng đồng", "tiêu gì cũng phải xin", "bắt đưa hết tiền", "bắt nộp hết tiền", "lấy hết tiền"]),
        ("cấm tiếp xúc", ["cấm lại gần", "cấm bén mảng", "bén mảng", "không cho lại gần", "không được lại gần", "lại gần mẹ con",
            // with the man named between: "cấm ổng lại gần", "không cho nó tới nhà"
            "cấm ổng lại gần", "không cho ổng lại gần", "cấm ổng tới gần", "cấm ổng đến gần", "cấm ổng đến nhà", "cấm ổng tới nhà", "cấm nó lại gần", "không cho nó lại gần", "cấm nó tới gần", "cấm nó đến gần", "cấm nó đến nhà", "cấm nó tới nhà", "cấm hắn lại gần", "không cho hắn lại gần", "cấm hắn tới gần", "cấm hắn đến gần", "cấm hắn đến nhà", "cấm hắn tới nhà", "cấm anh ta lại gần", "không cho anh ta lại gần", "cấm anh ta tới gần", "cấm anh ta đến gần", "cấm anh ta đến nhà", "cấm anh ta tới nhà", "cấm ảnh lại gần", "không cho ảnh lại gần", "cấm ảnh tới gần", "cấm ảnh đến gần", "cấm ảnh đến nhà", "cấm ảnh tới nhà", "cấm chồng lại gần", "không cho chồng lại gần", "cấm chồng tới gần", "cấm chồng đến gần", "cấm chồng đến nhà", "cấm chồng tới nhà", "cấm chồng cũ lại gần", "không cho chồng cũ lại gần", "cấm chồng cũ tới gần", "cấm chồng cũ đến gần", "cấm chồng cũ đến nhà", "cấm chồng cũ tới nhà", "cấm người đó lại gần", "không cho người đó lại gần", "cấm người đó tới gần", "cấm người đó đến gần", "cấm người đó đến nhà", "cấm người đó tới nhà", "cấm thằng đó lại gần", "không cho thằng đó lại gần", "cấm thằng đó tới gần", "cấm thằng đó đến gần", "cấm thằng đó đến nhà", "cấm thằng đó tới nhà", "cấm ông ta lại gần", "không cho ông ta lại gần", "cấm ông ta tới gần", "cấm ông ta đến gần", "cấm ông ta đến nhà", "cấm ông ta tới nhà"]),
        ("giữ bí mật", ["giữ kín", "lộ danh tính", "bị lộ", "biết ai báo", "biết em báo", "biết là em báo", "biết tôi báo", "biết là tôi báo", "biết mình báo"]),
        ("bảo hiểm xã hội tự nguyện", ["tự đóng bảo hiểm", "đóng bảo hiểm cho mình", "tự đóng bảo hiểm xã hội", "bảo hiểm hưu trí"]),
        ("thẻ bảo hiểm y tế", ["thẻ bảo hiểm", "thẻ khám bệnh"]),
        // Is a card still valid: "còn hạn không", "còn dùng được nữa không", "hết hạn chưa".
        // Asked, not told: "khoản vay còn hạn 2 năm" is no card.
        ("hết hạn", ["còn hạn không", "còn hạn hông", "còn hạn sử dụng", "còn dùng được không", "còn dùng được nữa không", "còn xài được không",
            "còn xài được nữa không", "còn giá trị không", "còn giá trị sử dụng", "hết hạn chưa", "quá hạn sử dụng"]),
        ("ra máu bất thường", ["ra máu giữa kỳ kinh", "ra máu giữa kỳ", "rong kinh", "kinh nguyệt bất thường", "chảy máu ngoài kỳ kinh", "ra huyết"]),
        ("khám thai", ["đi khám thai", "khám bầu", "siêu âm thai"]),
        ("bình đẳng giới", ["nam nữ bình đẳng", "bình đẳng nam nữ", "trọng nam khinh nữ", "định kiến giới", "con gái không cần học", "con gái thì không cần học", "con gái không cần cho đi học", "không cần cho đi học", "phải đẻ con trai", "phải sinh con trai", "nối dõi", "nối dõi tông đường"]),
        // Giving to help others ("muốn góp tiền giúp người khác"): money or goods named, so "góp vốn", "góp tiết kiệm" stay theirs.
        ("quyên góp", ["góp tiền giúp", "góp ít tiền", "góp chút tiền", "góp chút ít", "góp chút đỉnh", "ủng hộ tiền", "ủng hộ ít tiền",
            "ủng hộ chút ít", "ủng hộ chút đỉnh", "đóng góp giúp", "đóng góp ít tiền", "đóng góp chút ít", "góp gạo", "ủng hộ gạo",
            "góp sức giúp", "làm từ thiện"]),
        ("tổ hợp tác", ["lập tổ", "tổ sản xuất", "nhóm sản xuất", "làm ăn chung", "bán chung"]),

        // Health.
        ("quả bầu", ["trái bầu", "canh bầu"]),
        ("mang thai", ["bầu", "có bầu", "có thai", "mang bầu", "bầu bí", "đang bầu", "bà bầu"]),
        ("sinh con", ["đẻ con", "sinh em bé", "sinh nở", "đi đẻ"]),
        ("tránh thai", ["ngừa thai", "đặt vòng", "thuốc tránh thai", "bao cao su", "kế hoạch hóa gia đình", "triệt sản", "cấy que"]),
        ("trầm cảm sau sinh", ["buồn sau sinh", "chán nản sau sinh", "khóc nhiều sau sinh", "stress sau sinh", "trầm cảm sau đẻ"]),
        ("vắc xin hpv", ["vaccine hpv", "vacxin hpv", "tiêm hpv", "tiêm phòng hpv", "tiêm phòng ung thư cổ tử cung", "tiêm ngừa ung thư cổ tử cung"]),
        ("khám sàng lọc", ["tầm soát", "kiểm tra sức khỏe", "khám sức khỏe định kỳ"]),
        ("khám phụ khoa", ["khám bệnh phụ nữ", "khám bệnh phụ khoa", "khám bệnh đàn bà"]),
        ("ung thư vú", ["k vú", "bướu vú"]),
        ("vú", ["ngực", "bầu ngực"]),
        ("khối u", ["cục cứng", "cục u", "u cục", "nổi cục"]),
        ("chờ", ["đợi", "chờ đợi"]),

        // Papers, apps, the union.
        ("vneid", ["định danh điện tử", "tài khoản định danh", "ứng dụng định danh", "căn cước điện tử", "vn eid"]),
        ("điện thoại thông minh", ["điện thoại cảm ứng", "smartphone"]),
        // An x-ray is "chụp phim": not a film (the off-topic "phim" below).
        ("chụp x quang", ["chụp phim", "chụp film", "chụp x-quang", "chụp xquang", "chụp hình phổi"]),
        ("căn cước", ["căn cước công dân", "chứng minh nhân dân", "chứng minh thư", "cmnd"]),
        ("hội phụ nữ", ["hội liên hiệp phụ nữ", "hội phụ nữ việt nam", "women's union"]),
        ("chuyển sinh hoạt", ["chuyển hội", "chuyển nơi sinh hoạt", "sinh hoạt hội ở nơi mới", "đổi chi hội"]),
        ("đường dây nóng", ["hotline", "tổng đài khẩn cấp"]),
        ("xin chào", ["chào buổi sáng", "chào buổi tối", "chào buổi chiều"]),
        ("lợi ích", ["lợi gì", "có lợi", "được lợi", "ích lợi"]),
        ("sáp nhập", ["sát nhập", "xã nhập", "nhập xã", "gộp xã", "nhập tỉnh", "gộp tỉnh"]),

        // Outside the union's work: each of these reads as one word no entry uses, so it counts against every entry's
        // confidence like an unknown syllable and such a question falls through to the polite "ngoài phạm vi" fallback
        // instead of matching an entry on a word it shares by chance ("bão like trên facebook", "MU đá mấy giờ").
        (OffTopicWord, [
            // Sport, games, entertainment.
            "bóng đá", "đá banh", "đá bóng", "trận đấu", "tỉ số", "tỷ số", "world cup", "ngoại hạng anh", "đội tuyển", "đá mấy giờ",
            "mấy giờ đá", "cầu thủ", "thủ môn", "tiền đạo", "hậu vệ", "trung vệ", "tung lưới", "thủng lưới", "ghi bàn", "bàn thắng", "sút phạt",
            "đá phạt", "phạt đền", "cột dọc", "xà ngang", "việt vị", "trọng tài", "vô địch", "sea games", "aff cup", "huấn luyện viên",
            // The national teams ("tối nay VN đá với Thái mấy giờ").
            "việt nam đá", "vn đá", "việt nam sút", "tuyển việt nam", "tuyển nữ", "đội tuyển nữ", "đá với thái", "đá với thái lan",
            "đá với indo", "đá với indonesia", "đá với malaysia", "đá với mã lai", "đá với philippines", "đá với lào", "đá với campuchia",
            "đá với singapore", "đá với myanmar", "đá với trung quốc", "đá với hàn quốc", "đá với nhật", "đá với nhật bản", "chơi game", "game online", "game", "chơi liên quân", "liên quân mobile", "free fire", "pubg", "roblox", "minecraft", "lên rank",
            "leo rank", "khóa nick", "bị khóa nick", "nick game", "acc game", "ca sĩ", "idol", "phim hay", "truyện cười", "chuyện cười", "kể chuyện cười",
            "phim", "bộ phim", "xem phim", "coi phim", "phim truyền hình", "phim hoạt hình", "cảnh phim",
            // Phones to repair, homework to solve.
            "màn hình cảm ứng", "cảm ứng", "bị đơ", "đơ màn hình", "sửa điện thoại", "điện thoại bị hư", "điện thoại bị đơ", "bài toán", "giải toán", "bài tập toán",
            "giải giùm bài", "giải giúp bài",
            // Elections (also keeps "bầu" of "bầu cử" from reading as a pregnancy).
            "bầu cử", "đi bầu", "ứng cử", "đại biểu quốc hội",
            // Weather.
            "thời tiết", "dự báo thời tiết", "trời có mưa", "có mưa không", "có mưa ko", "nhiệt độ ngoài trời",
            // Lottery, markets, money games.
            "xổ số", "vé số", "số đề", "lô đề", "đánh đề", "đánh con gì", "đánh số gì", "con gì trúng", "con số may mắn", "vietlott", "tiền ảo", "coin", "bitcoin", "chứng khoán", "cổ phiếu",
            "giá vàng", "giá đô", "tỷ giá", "tỉ giá", "giá xăng",
            // Fortune-telling.
            "tử vi", "xem bói", "cung hoàng đạo", "phong thủy", "sao hạn", "giải hạn", "xem tuổi", "hợp tuổi", "khắc tuổi", "xung khắc",
            "tuổi tý", "tuổi sửu", "tuổi dần", "tuổi mão", "tuổi mẹo", "tuổi thìn", "tuổi tỵ", "tuổi ngọ", "tuổi mùi", "tuổi thân", "tuổi dậu",
            "tuổi tuất", "tuổi hợi", "xem ngày", "coi ngày", "ngày đẹp", "ngày lành tháng tốt",
            // Customs of funerals and weddings.
            "phúng viếng", "đi phúng", "tiền phúng", "phong bì", "đám tang", "đám ma", "đám giỗ", "tiền mừng cưới", "mừng cưới",
            // Followers and likes, phone plans.
            "bão like", "tăng like", "mua like", "hack like", "tăng follow", "tăng tương tác", "gói cước", "sim số đẹp", "nạp thẻ điện thoại", "nạp thẻ", "thẻ cào",
            // Topping up a phone (a scam that asks for a top-up says "lừa", which the scams entry answers however it is paid).
            "nạp tiền điện thoại", "nạp tiền vào điện thoại", "nạp tiền cho điện thoại", "nạp điện thoại", "nạp card", "nạp card điện thoại",
            "nạp data", "mua data", "gói data", "nạp 3g", "nạp 4g", "gói 4g",
            // Pests in the house or the garden (not the union's work; sick livestock is, for a loan to start again).
            "diệt chuột", "bẫy chuột", "thuốc diệt chuột", "chuột phá", "đuổi chuột", "diệt gián", "diệt kiến", "diệt mối", "diệt muỗi",
            // Storm forecasts (a storm that threatens her is the crisis side's).
            "bão số mấy", "cơn bão số", "tin bão", "dự báo bão", "đường đi của bão", "áp thấp nhiệt đới",
            // Other apps' accounts.
            "mật khẩu zalo", "mật khẩu facebook", "mật khẩu fb", "pass zalo", "pass fb", "quên mật khẩu zalo", "quên mật khẩu facebook",
            "quên mật khẩu fb", "quên pass zalo", "quên pass fb", "lấy lại zalo", "lấy lại facebook", "lấy lại nick", "hack nick",
            "bị hack nick", "bị hack facebook", "bị hack zalo",
            // School drills, earthquakes.
            "động đất", "diễn tập động đất",
            // Online shops and deliveries, SIM cards and carriers (a scam told with a shop's name, "shipper", "mua hàng
            // online" or "đơn hàng giả" stays a scam: those words are not listed).
            "giao hàng chậm", "giao hàng trễ", "giao hàng lâu",
            "hàng giao chậm", "mã giảm giá",
            "sim chính chủ", "đăng ký sim", "đăng ký thông tin sim", "chuẩn hóa thông tin thuê bao", "thuê bao", "nhà mạng",
            "viettel", "mobifone", "vinaphone", "vietnamobile", "khóa sim", "sim bị khóa", "cắt sim",
            "bình chữa cháy", "bình cứu hỏa", "bình chữa cháy mini",
            // Medicine for sick poultry and pigs (a loan to restock after an epidemic is the union's work: not listed).
            "thuốc cho gà", "thuốc cho vịt", "thuốc cho heo", "thuốc cho lợn", "thuốc thú y", "gà bị rù", "gà rù",
            "wifi", "mật khẩu wifi", "pass wifi", "cục wifi", "mạng wifi", "cáp quang",
            // Recipes and cooking tips (a cooking class to learn a trade is "học nghề", not listed here).
            "công thức nấu", "cách nấu", "nấu món", "món ngon", "luộc gà", "chặt gà", "chặt thịt", "đẹp miếng", "nướng thịt",
            "chín đều", "đánh vảy", "kho cá", "kho thịt", "ướp thịt", "làm nước chấm", "cúng giỗ", "mâm cỗ", "mâm cúng",
            // A book's, a song's or a film's name, a novel's plot; essays and proverbs for school; war history.
            "tên phim", "tên truyện", "tên bài hát", "tên sách", "đọc truyện", "truyện ngôn tình", "tiểu thuyết", "nữ chính", "nam chính",
            "lời bài hát", "hợp âm", "đề văn", "bài văn", "tập làm văn", "văn nghị luận", "tục ngữ", "thành ngữ", "ca dao",
            "người có công", "đi kháng chiến", "thời kháng chiến", "thương binh", "liệt sĩ",
            // History lessons (the union's own history is "lịch sử của hội", not listed).
            "đánh giặc", "chống giặc", "khởi nghĩa", "cuộc khởi nghĩa", "môn sử", "môn lịch sử", "bài lịch sử", "bài sử", "học sử", "đề sử",
            "hai bà trưng", "bà triệu", "triều đại", "đời vua",
            // Exercises and massage for a tired body (a screening or an x-ray is the union's topic; a workout is not).
            // (Not "bài tập" alone: "cô giáo ra bài tập hỏi khi có cháy thì gọi số mấy" asks the union's emergency numbers.)
            "bài tập nào", "có bài tập", "bài tập thể dục", "tập thể dục", "tập gym", "tập yoga", "bấm huyệt", "bài tập giãn cơ",
            // Fishing and seasonal food ("mùa nước nổi" fish: not a flood).
            // (Not a fish's name alone: "mắm cá linh" may be a product to show at a women's startup day.)
            "câu cá", "đi câu", "canh chua", "nấu canh", "bông điên điển", "ngon số dzách", "ngon số một", "ngon bá cháy",
            // Burning off the stubble (a fire that spreads is the crisis side's).
            "đốt đồng", "đốt rơm", "đốt rơm rạ", "đốt gốc rạ",
            // Teeth (not a screening the union runs).
            "đánh răng", "chân răng", "sâu răng", "niềng răng", "nha khoa", "nhổ răng",
            // Party and board games, a martial art's belts (a chi hội's club or team, volleyball, badminton, and a self-defence
            // class for women are the union's: not listed).
            "ma sói", "cờ cá ngựa", "cờ tỷ phú", "cờ tướng", "cờ vua", "bài uno", "luật chơi", "sudoku", "rubik", "xúc xắc",
            "taekwondo", "karate", "vovinam", "đai vàng", "đai xanh", "đai đen",
            // More recipes and kitchen tips (a cooking class to learn a trade is "dạy nấu ăn", not listed).
            "bánh bông lan", "nấu chè", "muối dưa", "muối cà", "nồi chiên không dầu", "nồi chiên", "trà sữa", "pha cà phê",
            "gỏi gà", "xé phay", "cách làm món", "cách chiên", "cách xào", "cách rang", "cách ướp", "cách muối", "cách pha",
            "cách làm bánh",
            // Songs and shows (a chi hội's singing for a festival is "tập hát", "văn nghệ": not listed).
            "bolero", "nhạc bolero", "nhạc vàng", "nhạc trẻ", "ca khúc", "hát karaoke", "tập cuối", "diễn viên", "đóng vai",
            // Translations ("dịch giùm em câu này sang tiếng Hàn"); an epidemic, "dịch bệnh", is not one.
            "dịch giùm", "dịch giúp", "dịch dùm", "dịch hộ", "dịch sang tiếng", "dịch ra tiếng", "dịch câu", "jackpot",
        ]),

        // Openers and hedges that say nothing about the topic ("nghe nói…", "cho em hỏi…", "thật ra…"): read as a particle, so
        // they count neither for nor against an entry.
        ("ạ", ["nghe nói", "nghe bảo", "nghe đồn", "người ta bảo", "người ta nói", "cho hỏi", "cho em hỏi", "cho chị hỏi", "cho tôi hỏi",
               "cho mình hỏi", "cho cháu hỏi", "em muốn hỏi", "chị muốn hỏi", "tôi muốn hỏi", "xin hỏi", "hỏi chút", "thật ra", "thực ra",
               "đùa thôi", "nói thật", "các chị ơi", "mọi người ơi"]),

        // Southern and central words for the pack's ("vô hội" is "vào hội", "được hông" is "được không").
        ("vào hội", ["vô hội", "dô hội", "zô hội", "tham gia hội", "tham gia hoạt động hội", "tham gia hoạt động của hội", "gia nhập hội", "xin vào hội", "làm hội viên"]),
        ("không", ["hông", "hổng"]),
        ("làm sao", ["làm răng", "răng rứa", "làm răng rứa", "làm răng đây"]),
        // "răng mà", "răng không" (central "sao"), "năm ni", "bữa ni" ("nay"), "chừ" ("bây giờ"), "mần" ("làm"), "mún"
        // ("muốn"), "dzậy", "zậy" ("vậy"): a syllable alone only where it means nothing else ("răng" alone is a tooth).
        ("sao mà", ["răng mà"]),
        ("sao không", ["răng không", "răng hông", "răng chưa", "răng lại không"]),
        ("tại sao", ["vì răng", "tại răng"]),
        ("năm nay", ["năm ni"]),
        ("hôm nay", ["bữa ni", "hôm ni", "bữa nay"]),
        ("tháng này", ["tháng ni"]),
        ("bây giờ", ["chừ", "bây chừ", "giờ ni"]),
        ("làm", ["mần"]),
        ("về", ["dìa"]),
        ("muốn", ["mún", "mốn"]),
        ("vậy", ["dzậy", "zậy", "dzị", "zị"]),
        ("gì", ["dzì", "zì"]),
        ("chứ", ["chớ"]),
        ("ở đâu", ["ở mô", "chỗ mô", "đi mô", "nơi mô", "mô rứa"]),
        // Central "mô" after a time word is "nào": "ngày mô", "khi mô", "bữa mô".
        ("ngày nào", ["ngày mô", "bữa mô"]),
        ("khi nào", ["khi mô", "lúc mô", "hồi mô", "chừ mô"]),
        ("tháng nào", ["tháng mô"]),
        ("gì", ["cái chi", "làm chi", "chi rứa", "để chi", "chi vậy"]),
        ("quên mật khẩu", ["quên mình", "quên pass", "quên password", "mất mật khẩu", "không nhớ mật khẩu"]),
        ("bao lâu", ["bao nhiêu lâu", "mấy lâu"]),
        // Is a programme still running: "939 còn ko hay hết r".
        ("còn hiệu lực", ["còn không hay hết", "còn hay hết", "còn hay đã hết", "còn không hay đã hết", "còn không hay là hết"]),
        ("quá", ["ghê", "quá trời", "dữ thần", "quá xá", "quá chời"]),
    ];

    // Lured or taken over the border ("bị người ta dụ qua Trung Quốc", "bị lừa sang bên kia biên giới"): trafficking,
    // however she words the luring.
    private static IEnumerable<string> AcrossTheBorder() =>
        from verb in "dụ lừa đưa bán dắt dẫn đem chở gạt".Split(' ')
        from across in "qua sang".Split(' ')
        from place in "trung quốc|biên giới|bên kia biên giới|bên tàu|bên trung".Split('|')
        select $"{verb} {across} {place}";

    private static readonly Dictionary<string, List<(TextToken[] Phrase, TextToken[] Canonical)>> ByFirstToken = Build();

    /// <summary>Every syllable of every listed phrase (so spelling correction leaves "heo" alone).</summary>
    public static IEnumerable<string> Vocabulary =>
        Rows.SelectMany(r => r.Variants.Append(r.Canonical)).SelectMany(p => VietnameseText.Tokenize(p)).Select(t => t.Folded).Distinct();

    /// <summary>The tokens with every listed wording replaced by the pack's; <paramref name="weights"/> follow (the lowest of a phrase).</summary>
    public static (List<TextToken> Tokens, List<float> Weights) Normalize(IReadOnlyList<TextToken> tokens, IReadOnlyList<float>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<TextToken>(tokens.Count);
        var resultWeights = new List<float>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var best = Longest(tokens, i);
            if (best is { } match)
            {
                var weight = Enumerable.Range(i, match.Phrase.Length).Min(k => weights?[k] ?? 1f);
                result.AddRange(match.Canonical);
                resultWeights.AddRange(Enumerable.Repeat(weight, match.Canonical.Length));
                i += match.Phrase.Length;
            }
            else
            {
                result.Add(tokens[i]);
                resultWeights.Add(weights?[i] ?? 1f);
                i++;
            }
        }

        return (result, resultWeights);
    }

    private static (TextToken[] Phrase, TextToken[] Canonical)? Longest(IReadOnlyList<TextToken> tokens, int start)
    {
        if (!ByFirstToken.TryGetValue(tokens[start].Folded, out var candidates))
        {
            return null;
        }

        (TextToken[] Phrase, TextToken[] Canonical)? best = null;
        foreach (var candidate in candidates)
        {
            if ((best is null || candidate.Phrase.Length > best.Value.Phrase.Length) && MatchesAt(tokens, start, candidate.Phrase))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static bool MatchesAt(IReadOnlyList<TextToken> tokens, int start, TextToken[] phrase)
    {
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            var typed = tokens[start + k];
            if (!string.Equals(typed.Folded, phrase[k].Folded, StringComparison.Ordinal)
                || (typed.IsMarked && !string.Equals(typed.Exact, phrase[k].Exact, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, List<(TextToken[], TextToken[])>> Build()
    {
        var index = new Dictionary<string, List<(TextToken[], TextToken[])>>(StringComparer.Ordinal);
        foreach (var (canonical, variants) in Rows)
        {
            var to = VietnameseText.Tokenize(canonical).ToArray();
            foreach (var variant in variants.Distinct(StringComparer.Ordinal))
            {
                var from = VietnameseText.Tokenize(variant).ToArray();
                if (!index.TryGetValue(from[0].Folded, out var list))
                {
                    list = [];
                    index[from[0].Folded] = list;
                }

                list.Add((from, to));
            }
        }

        return index;
    }
}
