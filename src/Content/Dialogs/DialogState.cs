namespace Outreach.Content.Dialogs;

/// <summary>A member's running dialog: which one, at which step, with what it has gathered so far (JSON).</summary>
public sealed record DialogState(string Dialog, string Step, string Data);
