namespace Outreach.Content.OrgUnits;

/// <summary>One unit of the union's tree (province, commune, chi hội, tổ…). <see cref="Path"/> lists the ids from the root, as '/1/5/12/'.</summary>
public sealed record OrgUnit(long Id, long? ParentId, string Level, string? Code, string Name, string Path, int Depth);
