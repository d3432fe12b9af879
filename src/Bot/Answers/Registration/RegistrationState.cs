using System.Text.Json;
using Outreach.Content.Dialogs;

namespace Outreach.Bot.Answers.Registration;

/// <summary>
/// What the registration dialog keeps between turns (dialog_states.data): the payloads of the choices it offered, in order
/// (so a typed "2" on Zalo, where choices are numbered lines, means the second), and how many times her words found nothing.
/// </summary>
internal sealed record RegistrationState(IReadOnlyList<string> Choices, int Misses)
{
    public static RegistrationState Empty { get; } = new([], 0);

    public static RegistrationState Read(DialogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            return JsonSerializer.Deserialize<RegistrationState>(state.Data, JsonSerializerOptions.Web) ?? Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    public string Write() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
}
