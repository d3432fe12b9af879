namespace Outreach.Content.UnitTree;

/// <summary>The Vietnamese errors of tree operations and imports (staff read them in the console and the API).</summary>
public static class UnitTreeMessages
{
    public const string NotFound = "Không tìm thấy đơn vị (hoặc đơn vị nằm ngoài phạm vi quản lý của bạn).";

    public static string NameMissing => "Tên đơn vị không được để trống.";

    public static string NameTooLong(int length) =>
        $"Tên đơn vị dài {length} ký tự, vượt quá giới hạn {UnitRules.MaxNameLength} ký tự.";

    public static string NameLooksLikeFormula => "Tên đơn vị không được bắt đầu bằng '=', '+', '-' hoặc '@' (dễ bị bảng tính hiểu là công thức).";

    public static string NameHasControlCharacters => "Tên đơn vị có ký tự điều khiển (xuống dòng, tab…); hãy viết trên một dòng.";

    public static string CodeInvalid(string code) =>
        $"Mã '{Shorten(code)}' không hợp lệ: chỉ dùng chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới, tối đa {UnitRules.MaxCodeLength} ký tự, bắt đầu bằng chữ hoặc số.";

    public static string CodeTaken(string code) => $"Mã '{code}' đã được dùng cho một đơn vị khác.";

    public static string LevelUnknown(string level) => $"Không có cấp đơn vị '{Shorten(level)}'.";

    public static string LevelUnderLevel(UnitLevel level, UnitLevel parent) =>
        $"Đơn vị cấp '{level.NameVi}' không thể nằm dưới đơn vị cấp '{parent.NameVi}' (chỉ đặt cấp thấp hơn dưới cấp cao hơn).";

    public static string ParentInactive(string parentName) => $"Đơn vị cấp trên '{parentName}' đã ngừng hoạt động.";

    public static string UnitInactive(string name) => $"Đơn vị '{name}' đã ngừng hoạt động.";

    public static string UnitMerged(string name) => $"Đơn vị '{name}' đã được sáp nhập; hãy thao tác trên đơn vị tiếp nhận.";

    public static string MoveUnderItself => "Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị trực thuộc nó.";

    public static string MoveOwnUnit => "Không thể chuyển, ngừng hoạt động hay sáp nhập đơn vị của chính bạn.";

    public static string MergeIntoItself => "Không thể sáp nhập một đơn vị vào chính nó.";

    public static string MergeIntoDescendant => "Không thể sáp nhập một đơn vị vào đơn vị trực thuộc nó.";

    public static string MergeIntoLowerLevel(UnitLevel merged, UnitLevel survivor) =>
        $"Không thể sáp nhập đơn vị cấp '{merged.NameVi}' vào đơn vị cấp thấp hơn ('{survivor.NameVi}').";

    public static string SurvivorInactive(string name) => $"Đơn vị tiếp nhận '{name}' đã ngừng hoạt động.";

    public static string ReactivateMerged(string name) => $"Đơn vị '{name}' đã được sáp nhập nên không thể hoạt động lại.";

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");
}
