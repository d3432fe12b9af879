using Outreach.Content.Channels;
using Outreach.Content.Reports;
using Outreach.Content.Time;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Outreach.Content.Members;

/// <summary>
/// Writes the members page's list as .xlsx (SpreadCheetah, one sheet <c>hoi-vien</c>): name as the platform gives it, channel,
/// unit, status, joined and last interaction (Excel dates in Vietnamese time, shown dd/MM/yyyy, so they sort and filter as
/// dates), whether her window is open, topics by their Vietnamese names. Never her platform id. Every cell is a typed value
/// (text stays text: a name that starts with '=' is never a formula). The header row is bold and frozen, as the reports'.
/// </summary>
public static class MemberSheetWriter
{
    public const string SheetName = "hoi-vien";

    /// <summary>How the dates show: the Vietnamese day.</summary>
    public const string DateFormat = "dd/MM/yyyy";

    private static readonly string[] Columns =
        ["Mã hội viên", "Tên (trên nền tảng)", "Kênh", "Đơn vị", "Tình trạng", "Tham gia", "Tương tác gần nhất", "Đang nhắn được", "Chủ đề"];

    private static readonly double[] Widths = [12, 28, 14, 28, 16, 14, 18, 14, 40];

    public static async Task WriteAsync(Stream output, IEnumerable<MemberRow> members, ChannelCatalog channels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(channels);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken);
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = ReachExports.HeaderFill } });
        var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom(DateFormat) });
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < Widths.Length; i++)
        {
            options.Column(i + 1).Width = Widths[i];
        }

        await spreadsheet.StartWorksheetAsync(SheetName, options, cancellationToken);
        await spreadsheet.AddHeaderRowAsync(Columns, header, cancellationToken);
        foreach (var m in members)
        {
            await spreadsheet.AddRowAsync(
                [
                    new Cell(m.ContactId),
                    new Cell(m.DisplayName ?? ""),
                    new Cell(channels.DisplayName(m.Channel)),
                    new Cell(m.OrgUnitName ?? "(chưa chọn đơn vị)"),
                    new Cell(StatusText(m.Status)),
                    new Cell(Local(m.JoinedAt), date),
                    m.LastInteractionAt is { } at ? new Cell(Local(at), date) : new Cell(""),
                    new Cell(m.IsWindowOpen ? "có" : "không"),
                    new Cell(string.Join(", ", m.Topics)),
                ],
                cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>A member's status in Vietnamese.</summary>
    public static string StatusText(string status) => status switch
    {
        Contacts.ContactStatuses.Active => "đang theo dõi",
        Contacts.ContactStatuses.Unfollowed => "đã bỏ theo dõi",
        Contacts.ContactStatuses.Blocked => "đã chặn",
        Contacts.ContactStatuses.Erased => "đã xóa dữ liệu",
        _ => status,
    };

    // The wall-clock time in Vietnam, as the cell's date (Excel dates carry no zone).
    private static DateTime Local(DateTimeOffset instant) => VietnamTime.ToLocal(instant).DateTime;
}
