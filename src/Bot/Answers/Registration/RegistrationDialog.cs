using System.Globalization;
using Outreach.Bot.Core;
using Outreach.Bot.Dialogs;
using Outreach.Content.ContentPacks;
using Outreach.Content.Dialogs;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Members;
using Outreach.Content.UnitMatching;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Answers.Registration;

/// <summary>
/// Members placing themselves: a short dialog that asks her xã/phường, matches what she types against the communes of the
/// province of the Page/OA she wrote to (<see cref="PlaceIndexStore"/>: without diacritics, with typos, old names through
/// the 2025 mapping), confirms with choices (quick replies; numbered lines on Zalo, so a typed "2" picks the second), then
/// her chi hội where the commune has them. Offered on first contact and whenever she asks ("đổi xã"); never forced: "Bỏ
/// qua" leaves her in the account's unit, and a question typed instead of a place ends the dialog and is answered. Links'
/// refs, join codes and Zalo's address form arrive through <c>RegistrationDialog.Arrivals.cs</c>. Every write (dialog state,
/// her unit) is in the turn's transaction.
/// </summary>
public sealed partial class RegistrationDialog(
    DialogStateStore dialogs,
    MemberStore members,
    IAccountUnits accounts,
    PlaceIndexStore places,
    JoinCodeLookup joinCodes,
    UnitTreeStore units,
    TimeProvider time)
{
    public const string Name = "registration";
    private const string AskPlace = "ask_place";
    private const string Choose = "choose";
    private const int MaxBranches = 10;
    private const int MaxMisses = 2;

    /// <summary>
    /// Offers the dialog on first contact: she belongs to the account's unit until she chooses (so the province's news reach
    /// her), and is asked her xã/phường, unless she already chose a unit of her own. Nothing when the installation has no unit.
    /// </summary>
    public async Task OfferAsync(ITurnContext turnContext, MemberContext member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(member);
        if (member.Session is not { } session || member.ContactId is not { } contactId
            || await AccountUnitAsync(turnContext, member, cancellationToken) is not { } account)
        {
            return;
        }

        var current = session.Contact?.OrgUnitId;
        if (current is not null && current != account.Id)
        {
            return;
        }

        if (current is null)
        {
            await members.PlaceAsync(session.Transaction, contactId, account.Id, cancellationToken);
        }

        await AskAsync(turnContext, member, member.Knowledge.Texts.Get("registration_ask"), cancellationToken);
    }

    /// <summary>She asked to choose or change her commune ("đổi xã"): the question, whatever her unit.</summary>
    public async Task StartAsync(ITurnContext turnContext, MemberContext member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.Session is null || await AccountUnitAsync(turnContext, member, cancellationToken) is null)
        {
            await turnContext.SendActivityAsync(member.Knowledge.Texts.Get("registration_unavailable"), cancellationToken: cancellationToken);
            return;
        }

        await AskAsync(turnContext, member, member.Knowledge.Texts.Get("registration_ask"), cancellationToken);
    }

    /// <summary>True when the member is in the middle of this dialog.</summary>
    public static bool IsRunning(DialogState? state) => state?.Dialog == Name;

    /// <summary>
    /// Her message while the dialog runs. False when it is not for the dialog (a question): the dialog has ended and the
    /// caller answers it.
    /// </summary>
    public async Task<bool> ContinueAsync(ITurnContext turnContext, MemberContext member, DialogState state, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(state);
        var saved = RegistrationState.Read(state);
        var texts = member.Knowledge.Texts;
        if (state.Step == Choose && PlaceChoices.ChoiceNumber(text, saved.Choices.Count) is { } number)
        {
            await HandlePayloadAsync(turnContext, member, saved.Choices[number - 1], cancellationToken);
            return true;
        }

        if (Replies.IsOneOf(text, [.. texts.Words("dialog_cancel_words"), texts.Get("registration_skip"), "không", "ko", "khong biet", "không biết"]))
        {
            await SkipAsync(turnContext, member, cancellationToken);
            return true;
        }

        if (PlaceChoices.LooksLikeJoinCode(text, inDialog: true))
        {
            await JoinByCodeAsync(turnContext, member, text!, cancellationToken);
            return true;
        }

        if (PlaceChoices.LooksLikeQuestion(text))
        {
            await ClearAsync(member, cancellationToken);
            return false;
        }

        var offered = await MatchAsync(turnContext, member, text, cancellationToken);
        if (offered.Count > 0)
        {
            await OfferPlacesAsync(turnContext, member, offered, cancellationToken);
            return true;
        }

        // Nothing like a commune here. A place she wrote with another province's name ("phuong ba dinh ha noi") is not in this
        // province's list: she is told so. Otherwise a question the pack answers goes to the answer engine; else she is asked
        // again, twice.
        var other = await OtherProvinceAsync(turnContext, member, text, cancellationToken);
        if (other is null && !AnswerEngine.Decide(member.Knowledge, member.Ask(text)).IsFallback)
        {
            await ClearAsync(member, cancellationToken);
            return false;
        }

        if (saved.Misses + 1 >= MaxMisses)
        {
            await ClearAsync(member, cancellationToken);
            await turnContext.SendActivityAsync(texts.Get("registration_gave_up"), cancellationToken: cancellationToken);
            return true;
        }

        await SetAsync(member, AskPlace, saved with { Choices = [], Misses = saved.Misses + 1 }, cancellationToken);
        var reply = other is not null
            ? texts.Get("registration_other_province", ("text", Quote(text)), ("province", other.FullName), ("union", $"Hội LHPN {other.Type} {other.Name}"))
            : texts.Get("registration_not_found", ("text", Quote(text)));
        await Replies.SendAsync(turnContext, reply, [Skip(texts)], cancellationToken);
        return true;
    }

    /// <summary>A tap on one of the dialog's choices ("PLACE:…", "PLACE_AT:…", skip, retry).</summary>
    public async Task HandlePayloadAsync(ITurnContext turnContext, MemberContext member, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload == DialogPayloads.PlaceSkip)
        {
            await SkipAsync(turnContext, member, cancellationToken);
        }
        else if (payload == DialogPayloads.PlaceRetry)
        {
            await AskAsync(turnContext, member, member.Knowledge.Texts.Get("registration_ask"), cancellationToken);
        }
        else if (UnitIdOf(payload, DialogPayloads.PlaceAtPrefix) is { } unitId)
        {
            await PlaceAsync(turnContext, member, unitId, "registration_done", cancellationToken);
        }
        else if (UnitIdOf(payload, DialogPayloads.PlacePrefix) is { } communeId)
        {
            await CommuneChosenAsync(turnContext, member, communeId, cancellationToken);
        }
    }

    // A commune with chi hội: she is asked which (or "chưa rõ": the commune itself); otherwise she is placed.
    private async Task CommuneChosenAsync(ITurnContext turnContext, MemberContext member, long communeId, CancellationToken cancellationToken)
    {
        var texts = member.Knowledge.Texts;
        var subtree = await units.ListSubtreeAsync(communeId, communeId, includeInactive: false, cancellationToken);
        var commune = subtree.FirstOrDefault(u => u.Id == communeId);
        var branches = subtree.Where(u => u.ParentId == communeId).Take(MaxBranches).ToList();
        if (commune is null || branches.Count == 0)
        {
            await PlaceAsync(turnContext, member, communeId, "registration_done", cancellationToken);
            return;
        }

        var choices = branches.Select(b => new MenuItem(PlaceChoices.ShortName(b.Name), DialogPayloads.PlaceAtPrefix + Id(b.Id)))
            .Append(new MenuItem(texts.Get("registration_branch_unknown"), DialogPayloads.PlaceAtPrefix + Id(communeId)))
            .ToList();
        await OfferAsync(turnContext, member, texts.Get("registration_ask_branch", ("unit", commune.Name)), choices, cancellationToken);
    }

    private async Task PlaceAsync(ITurnContext turnContext, MemberContext member, long unitId, string doneKey, CancellationToken cancellationToken)
    {
        var texts = member.Knowledge.Texts;
        if (member.Session is not { } session || member.ContactId is not { } contactId)
        {
            return;
        }

        var placement = await members.PlaceAsync(session.Transaction, contactId, unitId, cancellationToken);
        switch (placement.Status)
        {
            case PlacementStatus.Placed:
                await ClearAsync(member, cancellationToken);
                await turnContext.SendActivityAsync(texts.Get(doneKey, ("unit", placement.UnitName ?? "")), cancellationToken: cancellationToken);
                break;
            case PlacementStatus.UnitInactive:
                await AskAsync(turnContext, member, texts.Get("registration_unit_inactive", ("unit", placement.UnitName ?? "")), cancellationToken);
                break;
            default:
                await AskAsync(turnContext, member, texts.Get("registration_ask"), cancellationToken);
                break;
        }
    }

    // Skipping leaves her where she is, or puts her in the account's unit when she has no unit yet.
    private async Task SkipAsync(ITurnContext turnContext, MemberContext member, CancellationToken cancellationToken)
    {
        await ClearAsync(member, cancellationToken);
        var account = await AccountUnitAsync(turnContext, member, cancellationToken);
        if (member.Session is { } session && member.ContactId is { } contactId && account is not null && session.Contact?.OrgUnitId is null)
        {
            await members.PlaceAsync(session.Transaction, contactId, account.Id, cancellationToken);
        }

        await turnContext.SendActivityAsync(
            member.Knowledge.Texts.Get("registration_skipped", ("unit", account?.Name ?? "Hội")), cancellationToken: cancellationToken);
    }

    private async Task<Content.Dvhc.DvhcProvince?> OtherProvinceAsync(ITurnContext turnContext, MemberContext member, string? text, CancellationToken cancellationToken) =>
        await AccountUnitAsync(turnContext, member, cancellationToken) is { } account && await places.GetAsync(account.Id, cancellationToken) is { } index
            ? index.OtherProvinceNamed(text)
            : null;

    private async Task<IReadOnlyList<PlaceMatch>> MatchAsync(ITurnContext turnContext, MemberContext member, string? text, CancellationToken cancellationToken)
    {
        if (await AccountUnitAsync(turnContext, member, cancellationToken) is not { } account
            || await places.GetAsync(account.Id, cancellationToken) is not { } index)
        {
            return [];
        }

        return PlaceChoices.Offer(index.Match(text, PlaceChoices.MaxOffered + 2));
    }

    private Task OfferPlacesAsync(ITurnContext turnContext, MemberContext member, IReadOnlyList<PlaceMatch> offered, CancellationToken cancellationToken)
    {
        var texts = member.Knowledge.Texts;
        var prompt = offered[0].IsSplit ? texts.Get("registration_choose_split", ("place", offered[0].MatchedName)) : texts.Get("registration_choose");
        var choices = offered.Select(m => new MenuItem(PlaceChoices.ShortName(m.UnitName), DialogPayloads.PlacePrefix + Id(m.UnitId))).ToList();
        choices.Add(new MenuItem(texts.Get("registration_retry"), DialogPayloads.PlaceRetry));
        return OfferAsync(turnContext, member, prompt, choices, cancellationToken);
    }

    // Sends the choices (and "Bỏ qua" last) and remembers their payloads in order, for a typed number.
    private async Task OfferAsync(ITurnContext turnContext, MemberContext member, string prompt, List<MenuItem> choices, CancellationToken cancellationToken)
    {
        choices.Add(Skip(member.Knowledge.Texts));
        await SetAsync(member, Choose, new RegistrationState(choices.Select(c => c.Payload).ToList(), 0), cancellationToken);
        await Replies.SendAsync(turnContext, prompt, choices, cancellationToken);
    }

    private async Task AskAsync(ITurnContext turnContext, MemberContext member, string prompt, CancellationToken cancellationToken)
    {
        await SetAsync(member, AskPlace, RegistrationState.Empty, cancellationToken);
        await Replies.SendAsync(turnContext, prompt, [Skip(member.Knowledge.Texts)], cancellationToken);
    }

    private async Task SetAsync(MemberContext member, string step, RegistrationState state, CancellationToken cancellationToken)
    {
        if (member.Session is { } session && member.ContactId is { } contactId)
        {
            await dialogs.SetAsync(session.Transaction, contactId, new DialogState(Name, step, state.Write()), time.GetUtcNow(), cancellationToken);
        }
    }

    private async Task ClearAsync(MemberContext member, CancellationToken cancellationToken)
    {
        if (member.Session is { } session && member.ContactId is { } contactId
            && IsRunning(await dialogs.GetAsync(session.Transaction, contactId, cancellationToken)))
        {
            await dialogs.ClearAsync(session.Transaction, contactId, cancellationToken);
        }
    }

    private async Task<AccountUnit?> AccountUnitAsync(ITurnContext turnContext, MemberContext member, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<AccountUnitHolder>() is { } held)
        {
            return held.Unit;
        }

        var unit = member.Session is { } session
            ? await accounts.FindAsync(session.Transaction, turnContext.Activity.ChannelId, turnContext.Activity.Recipient.Id, cancellationToken)
            : null;
        turnContext.TurnState.Set(new AccountUnitHolder(unit));
        return unit;
    }

    private static MenuItem Skip(PackTexts texts) => new(texts.Get("registration_skip"), DialogPayloads.PlaceSkip);

    private static long? UnitIdOf(string payload, string prefix) =>
        payload.StartsWith(prefix, StringComparison.Ordinal)
        && long.TryParse(payload.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return trimmed.Length <= 60 ? trimmed : trimmed[..60] + "…";
    }

    private sealed record AccountUnitHolder(AccountUnit? Unit);
}
