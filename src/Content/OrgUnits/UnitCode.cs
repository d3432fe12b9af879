namespace Outreach.Content.OrgUnits;

/// <summary>An org unit's code (e.g. a province's "binh-phuoc", used by the content pack) and its level.</summary>
public sealed record UnitCode(string Code, string Level);
