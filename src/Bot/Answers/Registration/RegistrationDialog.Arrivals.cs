using System.Text.Json;
using Outreach.Bot.Core;
using Outreach.Bot.Dialogs;
using Outreach.Content.ContentPacks;
using Outreach.Content.UnitMatching;

namespace Outreach.Bot.Answers.Registration;

/// <summary>The other ways a member places herself: a link's ref (Messenger), a join code (typed), Zalo's address form.</summary>
public sealed partial class RegistrationDialog
{
    private const double FormScore = 0.9;
    private const int MaxCodeSuggestions = 3;

    /// <summary>
    /// <c>m.me/&lt;page&gt;?ref=&lt;unit code&gt;</c>: she belongs to the unit whose code is the ref (a merged unit's survivor).
    /// False (nothing changed, nothing sent) for an unknown or deactivated unit: the caller offers the dialog instead.
    /// </summary>
    public async Task<bool> PlaceByRefAsync(ITurnContext turnContext, MemberContext member, string? reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var code = reference?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 100 || member.Session is not { } session || member.ContactId is not { } contactId
            || await units.FindByCodeAsync(code, cancellationToken) is not { IsActive: true } unit)
        {
            return false;
        }

        var placement = await members.PlaceAsync(session.Transaction, contactId, unit.Id, cancellationToken);
        if (!placement.IsPlaced)
        {
            return false;
        }

        await ClearAsync(member, cancellationToken);
        await turnContext.SendActivityAsync(member.Knowledge.Texts.Get("registration_done", ("unit", placement.UnitName ?? unit.Name)), cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>A join code typed outside the dialog ("123456", "mã 123 456"): handled when it looks like one.</summary>
    public async Task<bool> TryJoinCodeAsync(ITurnContext turnContext, MemberContext member, string? text, CancellationToken cancellationToken)
    {
        if (member?.Session is null || !PlaceChoices.LooksLikeJoinCode(text, inDialog: false))
        {
            return false;
        }

        await JoinByCodeAsync(turnContext, member, text!, cancellationToken);
        return true;
    }

    // The code's unit (placed at once: the code is her explicit choice), or the nearest codes offered back, or asked again.
    private async Task JoinByCodeAsync(ITurnContext turnContext, MemberContext member, string text, CancellationToken cancellationToken)
    {
        var texts = member.Knowledge.Texts;
        var typed = JoinCode.Normalize(text) ?? text;
        var match = await joinCodes.FindAsync(text, null, MaxCodeSuggestions, cancellationToken);
        if (match.Unit is { } unit)
        {
            await PlaceAsync(turnContext, member, unit.Id, "registration_done", cancellationToken);
            return;
        }

        if (match.Suggestions.Count > 0)
        {
            var choices = match.Suggestions
                .Select(s => new MenuItem($"{PlaceChoices.ShortName(s.Unit.Name)} ({JoinCode.Display(s.Unit.JoinCode)})", DialogPayloads.PlaceAtPrefix + Id(s.Unit.Id)))
                .ToList();
            await OfferAsync(turnContext, member, texts.Get("registration_code_suggest", ("code", JoinCode.Display(typed))), choices, cancellationToken);
            return;
        }

        await AskAsync(turnContext, member, texts.Get("registration_code_unknown", ("code", JoinCode.Display(typed))), cancellationToken);
    }

    /// <summary>
    /// Zalo's <c>user_submit_info</c> (ward, district, city as she filled them): when she has not chosen a unit of her own, one
    /// clear match places her (and she is told so); several are offered as choices; none changes nothing.
    /// </summary>
    public async Task SubmittedInfoAsync(ITurnContext turnContext, MemberContext member, string? submitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var (ward, district) = Address(submitted);
        if (ward is null || member.Session is not { } session || await AccountUnitAsync(turnContext, member, cancellationToken) is not { } account
            || (session.Contact?.OrgUnitId is { } current && current != account.Id)
            || await places.GetAsync(account.Id, cancellationToken) is not { } index)
        {
            return;
        }

        var offered = PlaceChoices.Offer(index.Match(district is null ? ward : $"{ward}, {district}", PlaceChoices.MaxOffered + 2));
        if (offered.Count == 1 && offered[0].Score >= FormScore && !offered[0].IsSplit)
        {
            await PlaceAsync(turnContext, member, offered[0].UnitId, "registration_done_form", cancellationToken);
        }
        else if (offered.Count > 0)
        {
            await OfferPlacesAsync(turnContext, member, offered, cancellationToken);
        }
    }

    private static (string? Ward, string? District) Address(string? submitted)
    {
        if (string.IsNullOrWhiteSpace(submitted))
        {
            return (null, null);
        }

        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(submitted) ?? [];
            var ward = fields.GetValueOrDefault("ward");
            var district = fields.GetValueOrDefault("district");
            return (string.IsNullOrWhiteSpace(ward) ? null : Trim(ward), string.IsNullOrWhiteSpace(district) ? null : Trim(district));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Trim(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length > 200 ? trimmed[..200] : trimmed;
    }
}
