using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Outreach.Content.KeyRing;

namespace Outreach.Bot.Hosting;

/// <summary>
/// Data Protection's key repository on PostgreSQL (<see cref="DataProtectionKeyStore"/>): every host reads and adds the same
/// keys.
/// </summary>
internal sealed class PostgresXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => store.ReadAll().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
