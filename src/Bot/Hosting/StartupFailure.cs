using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.Content.Storage;

namespace Outreach.Bot.Hosting;

/// <summary>Turns the exceptions a bad configuration produces at start-up into one message an operator can act on (in Vietnamese).</summary>
internal static class StartupFailure
{
    private const string Prefix = "Lỗi khởi động: ";

    public static string? Describe(Exception exception)
    {
        var root = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        return root switch
        {
            LocalPostgresException e => Prefix + "không chạy được PostgreSQL riêng. " + e.Message,
            DatabaseStartupException e => Prefix + DescribeDatabase(e),
            ArgumentException e when e.Message.Contains("connection string", StringComparison.OrdinalIgnoreCase) =>
                Prefix + "ConnectionStrings:Outreach không hợp lệ: " + e.Message,
            IOException { InnerException: AddressInUseException } e =>
                Prefix + $"cổng nghe đã có chương trình khác dùng ({e.Message}). Đổi cổng bằng --urls hoặc biến ASPNETCORE_URLS.",
            IOException { InnerException: SocketException } e =>
                Prefix + $"không mở được địa chỉ nghe ({e.Message}). Kiểm tra --urls hoặc ASPNETCORE_URLS.",
            InvalidListenAddressException =>
                Prefix + $"địa chỉ nghe không hợp lệ: {root.Message}. Ví dụ đúng: --urls http://127.0.0.1:5080",
            OptionsValidationException e => Prefix + "cấu hình không hợp lệ: " + string.Join("; ", e.Failures),
            _ => null,
        };
    }

    private static string DescribeDatabase(DatabaseStartupException e) => e.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
            $"PostgreSQL {e.Endpoint} từ chối đăng nhập: {p.MessageText}. Kiểm tra tên và mật khẩu trong ConnectionStrings:Outreach.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } p =>
            $"cơ sở dữ liệu {e.Endpoint} không tồn tại: {p.MessageText}. Tạo nó trước, hoặc sửa ConnectionStrings:Outreach.",
        { } inner => $"không kết nối được PostgreSQL {e.Endpoint}: {Innermost(inner).Message}. Kiểm tra máy chủ cơ sở dữ liệu và " +
            "ConnectionStrings:Outreach, hoặc bỏ cấu hình này để Outreach tự chạy PostgreSQL riêng.",
        null => e.Message,
    };

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
