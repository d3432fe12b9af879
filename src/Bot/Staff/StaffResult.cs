using System.Diagnostics.CodeAnalysis;

namespace Outreach.Bot.Staff;

/// <summary>
/// What a staff service answers: a value, or why not (<see cref="StaffRefusal"/>). Services never speak HTTP; the JSON API
/// (ApiResults) and the console (Pages) turn a refusal into their own 404, 403, 409 or 400. A service method returns the value
/// itself (<c>return post;</c>) or a refusal (<c>return StaffRefusal.NotFound();</c>); both convert implicitly.
/// </summary>
public readonly struct StaffResult<T>
{
    internal StaffResult(T? value, StaffRefusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public StaffRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsOk => Refusal is null;

    public static implicit operator StaffResult<T>(T value) => new(value, null);

    public static implicit operator StaffResult<T>(StaffRefusal refusal) => new(default, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    /// <summary>The same refusal for another value type (a step that needs the post refused: so is the whole action).</summary>
    public StaffResult<TOther> Then<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsOk ? StaffResult.Ok(map(Value)) : Refusal;
    }
}

/// <summary>Builds a <see cref="StaffResult{T}"/> where the implicit conversion cannot (a value of an interface type).</summary>
public static class StaffResult
{
    public static StaffResult<T> Ok<T>(T value) => new(value, null);
}

/// <summary>Why a staff service refused, in Vietnamese; the kind decides the status code.</summary>
public sealed record StaffRefusal(StaffRefusalKind Kind, string Reason, string? Title = null)
{
    /// <summary>Each field's problems (for <see cref="StaffRefusalKind.Invalid"/>), keyed by the field's name in the API and the forms.</summary>
    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    /// <summary>It does not exist for her: a wrong id and another unit's object look the same.</summary>
    public static StaffRefusal NotFound(string reason = "Không tìm thấy.", string? title = null) => new(StaffRefusalKind.NotFound, reason, title);

    /// <summary>She sees it but her role or unit does not allow this.</summary>
    public static StaffRefusal Forbidden(string reason) => new(StaffRefusalKind.Forbidden, reason);

    /// <summary>It changed meanwhile, or is not in a state that allows this.</summary>
    public static StaffRefusal Conflict(string title, string reason) => new(StaffRefusalKind.Conflict, reason, title);

    /// <summary>Her input is wrong: each field with its problems.</summary>
    public static StaffRefusal Invalid(IReadOnlyDictionary<string, string[]> problems, string title = "Dữ liệu chưa hợp lệ") =>
        new(StaffRefusalKind.Invalid, string.Join(" ", (problems ?? throw new ArgumentNullException(nameof(problems))).Values.SelectMany(p => p)), title)
        {
            Problems = problems,
        };

    public static StaffRefusal Invalid(string field, string problem, string title = "Dữ liệu chưa hợp lệ") =>
        Invalid(new Dictionary<string, string[]> { [field] = [problem] }, title);
}

/// <summary>The kinds of refusal (404, 403, 409, 400 as the adapters say them).</summary>
public enum StaffRefusalKind
{
    NotFound = 0,
    Forbidden = 1,
    Conflict = 2,
    Invalid = 3,
}
