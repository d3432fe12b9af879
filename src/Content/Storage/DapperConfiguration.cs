using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Outreach.Content.Broadcasts;

namespace Outreach.Content.Storage;

/// <summary>
/// Dapper's global settings, applied once when this assembly loads (stores may be used without the DI extension, as tests do).
/// Npgsql reads timestamptz as a UTC DateTime and arrays as System.Array; our records use DateTimeOffset, string[] and long[].
/// </summary>
internal static class DapperConfiguration
{
#pragma warning disable CA2255 // A module initializer is the one place that runs before any store, in the host and in tests alike.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new StringArrayHandler());
        SqlMapper.AddTypeHandler(new LongArrayHandler());
        SqlMapper.AddTypeHandler(new AudienceHandler());
        SqlMapper.AddTypeHandler(new LongListHandler());
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset offset => offset,
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a DateTimeOffset."),
        };
    }

    private sealed class StringArrayHandler : SqlMapper.TypeHandler<string[]>
    {
        public override void SetValue(IDbDataParameter parameter, string[]? value) => parameter.Value = value ?? [];

        public override string[] Parse(object value) => value as string[] ?? [];
    }

    // posts.audience (jsonb) is read as text and becomes the Audience value it holds.
    private sealed class AudienceHandler : SqlMapper.TypeHandler<Audience>
    {
        public override void SetValue(IDbDataParameter parameter, Audience? value) =>
            parameter.Value = value is null ? DBNull.Value : JsonSerializer.Serialize(value, Audience.Json);

        public override Audience Parse(object value) => value is string json
            ? JsonSerializer.Deserialize<Audience>(json, Audience.Json) ?? throw new DataException("An empty audience.")
            : throw new DataException($"Cannot read {value.GetType().Name} as an audience.");
    }

    // posts.edited_by (bigint[]) read into an IReadOnlyList<long>.
    private sealed class LongListHandler : SqlMapper.TypeHandler<IReadOnlyList<long>>
    {
        public override void SetValue(IDbDataParameter parameter, IReadOnlyList<long>? value) => parameter.Value = value?.ToArray() ?? [];

        public override IReadOnlyList<long> Parse(object value) => value as long[] ?? [];
    }

    private sealed class LongArrayHandler : SqlMapper.TypeHandler<long[]>
    {
        public override void SetValue(IDbDataParameter parameter, long[]? value) => parameter.Value = value ?? [];

        public override long[] Parse(object value) => value as long[] ?? [];
    }
}
