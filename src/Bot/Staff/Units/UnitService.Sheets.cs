using Outreach.Bot.Staff.Auth;
using Outreach.Content.Dvhc;
using Outreach.Content.Targets;
using Outreach.Content.UnitSheets;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Units;

public sealed partial class UnitService
{
    /// <summary>The largest spreadsheet accepted (a province of 50,000 rows fits in a few megabytes).</summary>
    public const int MaxImportBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Imports a unit sheet (.xlsx: code, name, level, parent code) below <paramref name="rootId"/> (her unit when null), admins
    /// only. A dry run answers what would change; otherwise the sheet is applied in one transaction only when every row is right.
    /// Bad rows are in the plan, each with its Vietnamese error; a file that cannot be read at all is invalid input on "file".
    /// </summary>
    public async Task<StaffResult<UnitImportResult>> ImportAsync(
        StaffSession session, long? rootId, Stream? file, bool dryRun, CancellationToken ct)
    {
        var root = rootId ?? (session ?? throw new ArgumentNullException(nameof(session))).Unit.Id;
        if (await CheckAsync(session, root, ct) is { } refusal)
        {
            return refusal;
        }

        if (file is null)
        {
            return StaffRefusal.Invalid("file", "Chọn tệp bảng tính (.xlsx) cần nhập.");
        }

        var buffer = await CopyAsync(file, ct);
        if (buffer is null)
        {
            return StaffRefusal.Invalid("file", $"Tệp lớn hơn {VietnameseFormat.Number(MaxImportBytes / (1024 * 1024))} MB; hãy chia nhỏ theo từng huyện hoặc xã.");
        }

        var sheet = UnitSheetReader.Read(buffer);
        var outcome = await imports.ImportAsync(Actor(session), root, sheet, dryRun, ct);
        return await ResultAsync(session, root, outcome, dryRun, ct);
    }

    /// <summary>
    /// Adds to a unit of hers (a province) the communes and wards the 2025 reform gave <paramref name="provinceCode"/> (the unit's
    /// own province when null: <see cref="UnitProvince"/>), in one step; refused under a unit of another province; existing ones stay as they are. Admins only.
    /// </summary>
    public async Task<StaffResult<UnitImportResult>> SeedAsync(
        StaffSession session, long? unitId, string? provinceCode, bool dryRun, CancellationToken ct)
    {
        var root = unitId ?? (session ?? throw new ArgumentNullException(nameof(session))).Unit.Id;
        if (await CheckAsync(session, root, ct) is { } refusal)
        {
            return refusal;
        }

        var unit = (await tree.FindAsync(session.Unit.Id, root, ct))!;
        var code = string.IsNullOrWhiteSpace(provinceCode) ? ProvinceOf(unit)?.Code : provinceCode.Trim();
        if (code is null || DvhcData.Load().Province(code) is null)
        {
            return StaffRefusal.Invalid("province", code is null ? "Chọn tỉnh, thành phố (theo danh mục sau sáp nhập 2025)." : DvhcMessages.UnknownProvince(code));
        }

        var outcome = await seeder.SeedAsync(Actor(session), root, code, dryRun, ct);
        return await ResultAsync(session, root, outcome, dryRun, ct);
    }

    private async Task<StaffResult<UnitImportResult>> ResultAsync(
        StaffSession session, long root, UnitImportOutcome outcome, bool dryRun, CancellationToken ct)
    {
        if (outcome.Status == UnitOutcomeStatus.NotFound)
        {
            return NotFound();
        }

        if (outcome.Status == UnitOutcomeStatus.Invalid)
        {
            return StaffRefusal.Invalid("province", string.Join(" ", outcome.Plan!.Errors.Select(e => e.Message)));
        }

        var unit = (await tree.FindAsync(session.Unit.Id, root, ct))!;
        return new UnitImportResult(unit, outcome.Plan!, dryRun, outcome.Applied);
    }

    // The upload in memory (the reader needs to seek), or null when it is larger than allowed.
    private static async Task<MemoryStream?> CopyAsync(Stream file, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxImportBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
