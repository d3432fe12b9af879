namespace Outreach.Content.Contacts;

/// <summary>
/// Which members a staff member sees: those whose contact belongs to her unit or a unit below it. A contact with no org unit
/// (she never said where she lives) is seen only by staff of a top-level unit (one with no parent), who answer for everyone
/// nobody else can place. Both fragments expect the contact as <c>c</c> and the parameter <c>@scopeUnitId</c>.
/// </summary>
public static class ContactScope
{
    /// <summary>Adds the contact's unit (<c>cu</c>) and the staff member's unit (<c>scope</c>); an unknown unit sees nothing.</summary>
    public const string Join =
        "LEFT JOIN org_units cu ON cu.id = c.org_unit_id " +
        "CROSS JOIN (SELECT path, parent_id IS NULL AS is_top FROM org_units WHERE id = @scopeUnitId) scope";

    /// <summary>True for a contact the scope's staff may see (a range scan on the units' path index).</summary>
    public const string Where = "(cu.path LIKE scope.path || '%' OR (c.org_unit_id IS NULL AND scope.is_top))";

    /// <summary>A condition on a row with a contact id column: that contact is in scope.</summary>
    public static string Contains(string contactIdColumn) =>
        $"EXISTS (SELECT 1 FROM contacts c {Join} WHERE c.id = {contactIdColumn} AND {Where})";
}
