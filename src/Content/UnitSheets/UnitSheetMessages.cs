using Outreach.Content.Targets;

namespace Outreach.Content.UnitSheets;

/// <summary>The Vietnamese errors of a unit sheet import, each naming its row.</summary>
public static class UnitSheetMessages
{
    public const string NotAWorkbook = "Tệp không phải bảng tính Excel (.xlsx) hợp lệ.";

    public static string TooManyRows =>
        $"Bảng tính có từ {VietnameseFormat.Number(UnitSheetColumns.MaxRows)} dòng trở lên; hãy chia nhỏ (mỗi tỉnh một tệp) rồi nhập lại.";

    public static string WrongSheet(IEnumerable<string> sheets) =>
        $"Không tìm thấy trang tính '{UnitSheetColumns.SheetName}' (tệp có: {string.Join(", ", sheets.Select(s => $"'{s}'"))}).";

    public static string MissingColumns(string sheet, int row, IEnumerable<string> columns) =>
        $"Trang tính '{sheet}', dòng tiêu đề {row}: thiếu cột {string.Join(", ", columns.Select(c => $"'{c}'"))}.";

    public static string Empty(string sheet) => $"Trang tính '{sheet}' không có dữ liệu.";

    public static string Formula(int row, string cell) => $"Dòng {row}: ô {cell} là công thức; chỉ nhập được giá trị (hãy dán dạng giá trị).";

    public static string CodeMissing(int row) => $"Dòng {row}: thiếu mã đơn vị.";

    public static string DuplicateCode(int row, string code, int first) => $"Dòng {row}: mã '{code}' trùng với dòng {first}.";

    public static string CodeOutside(int row, string code) => $"Dòng {row}: mã '{code}' đã được dùng cho một đơn vị ngoài phạm vi nhập.";

    public static string UnknownReference(int row, string code) => $"Dòng {row}: không có đơn vị '{code}' trong phạm vi nhập.";

    public static string ParentMissing(int row) => $"Dòng {row}: thiếu mã đơn vị cấp trên.";

    public static string ParentNotFound(int row, string code) => $"Dòng {row}: không tìm thấy đơn vị cấp trên có mã '{code}'.";

    public static string Cycle(int row, IEnumerable<string> chain) => $"Dòng {row}: vòng lặp đơn vị cấp trên: {string.Join(" → ", chain)}.";

    public static string LevelUnknown(int row, string level, IEnumerable<string> known) =>
        $"Dòng {row}: không có cấp đơn vị '{level}' (dùng một trong: {string.Join(", ", known)}).";

    public static string LevelUnder(int row, string level, string parentLevel, string parentCode) =>
        $"Dòng {row}: đơn vị cấp '{level}' không thể nằm dưới đơn vị cấp '{parentLevel}' (mã '{parentCode}').";

    public static string LevelChanged(int row, string code, string current) =>
        $"Dòng {row}: đơn vị '{code}' đang là cấp '{current}'; bảng tính không đổi cấp đơn vị.";

    public static string RootMoved(int row, string code) => $"Dòng {row}: '{code}' là đơn vị gốc của lần nhập; để trống mã đơn vị cấp trên.";

    public static string Row(int row, string message) => $"Dòng {row}: {message}";
}
