using System.Text;
using Outreach.Content.UnitSheets;
using Outreach.Testing;

namespace Outreach.Content.Tests.UnitSheets;

public sealed class UnitSheetReaderTests
{
    [Fact]
    public void Read_TypicalSheet_GivesTrimmedRowsWithTheirSpreadsheetNumbers()
    {
        using var file = Workbooks.Build([
            ["Mã đơn vị", "Tên", "Ghi chú", "Cấp", "Ma don vi cap tren"],
            [],
            ["25210", " Phường Đồng Xoài ", "x", "xa", "75"],
            ["00004", "Phường Ba Đình", "", "Xã/Phường/Đặc khu", "01"],
        ]);

        var sheet = UnitSheetReader.Read(file);

        Assert.Empty(sheet.Errors);
        Assert.Equal(
            [new UnitSheetRow(3, "25210", "Phường Đồng Xoài", "xa", "75"), new UnitSheetRow(4, "00004", "Phường Ba Đình", "Xã/Phường/Đặc khu", "01")],
            sheet.Rows);
    }

    [Fact]
    public void Read_CellWithAFormula_IsAnErrorOfItsRowAndTheRowIsNotRead()
    {
        using var file = Workbooks.Units(["a", "Xã A", "xa", "75"], ["b", "=CONCAT(\"Xã \",\"B\")", "xa", "75"]);

        var sheet = UnitSheetReader.Read(file);

        Assert.Equal("a", Assert.Single(sheet.Rows).Code);
        var error = Assert.Single(sheet.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal("Dòng 3: ô B3 là công thức; chỉ nhập được giá trị (hãy dán dạng giá trị).", error.Message);
    }

    [Fact]
    public void Read_NoSheetNamedDonVi_AmongSeveral_IsRefusedNamingTheSheets()
    {
        using var file = Workbooks.Build([Workbooks.Header, ["a", "Xã A", "xa", "75"]], "Sheet1", null, "Sheet2");

        var sheet = UnitSheetReader.Read(file);

        Assert.Empty(sheet.Rows);
        Assert.Equal("Không tìm thấy trang tính 'don-vi' (tệp có: 'Sheet1', 'Sheet2').", Assert.Single(sheet.Errors).Message);
    }

    [Fact]
    public void Read_TheOnlySheetUnderAnotherName_IsRead()
    {
        using var file = Workbooks.Build([Workbooks.Header, ["a", "Xã A", "xa", "75"]], "Trang tính 1");

        Assert.Single(UnitSheetReader.Read(file).Rows);
    }

    [Fact]
    public void Read_HeaderWithoutTheParentColumn_IsRefused()
    {
        using var file = Workbooks.Build([["Mã", "Tên", "Cấp"], ["a", "Xã A", "xa"]]);

        Assert.Equal("Trang tính 'don-vi', dòng tiêu đề 1: thiếu cột 'Mã đơn vị cấp trên'.", Assert.Single(UnitSheetReader.Read(file).Errors).Message);
    }

    [Fact]
    public void Read_DeclaredSizeOf50000Rows_IsRefusedBeforeAnyRow()
    {
        using var file = Workbooks.Build([Workbooks.Header, ["a", "Xã A", "xa", "75"]], declaredRange: "A1:D50001");

        var sheet = UnitSheetReader.Read(file);

        Assert.Empty(sheet.Rows);
        Assert.Equal(UnitSheetMessages.TooManyRows, Assert.Single(sheet.Errors).Message);
        Assert.Contains("50.000", UnitSheetMessages.TooManyRows, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_50000DataRowsWithoutADeclaredSize_IsRefused()
    {
        var rows = Enumerable.Range(1, 50_000).Select(i => new[] { $"c{i}", $"Chi hội {i}", "chi_hoi", "x" }).Prepend(Workbooks.Header);
        using var file = Workbooks.Build(rows);

        Assert.Equal(UnitSheetMessages.TooManyRows, Assert.Single(UnitSheetReader.Read(file).Errors).Message);
    }

    [Fact]
    public void Read_NotAnXlsx_IsRefused()
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("ma,ten,cap\n1,Xã A,xa\n"));

        Assert.Equal(UnitSheetMessages.NotAWorkbook, Assert.Single(UnitSheetReader.Read(file).Errors).Message);
    }
}

public sealed class UnitSheetWriterTests
{
    [Fact]
    public async Task WriteAsync_NameThatLooksLikeAFormula_IsWrittenAsText()
    {
        var unit = new Outreach.Content.UnitTree.UnitNode(7, null, "tinh", "t1", "482137", null, "=HYPERLINK(\"http://x\",\"y\")", "/7/", 0, true, null);
        using var file = new MemoryStream();

        await UnitSheetWriter.WriteAsync(file, [unit], TestContext.Current.CancellationToken);
        file.Position = 0;
        var sheet = UnitSheetReader.Read(file);

        Assert.Empty(sheet.Errors);
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", Assert.Single(sheet.Rows).Name);
    }
}
