namespace Outreach.Bot.Core;

/// <summary>Typed values shared along one turn's pipeline.</summary>
public sealed class TurnState
{
    private readonly Dictionary<Type, object> _values = [];

    public void Set<T>(T value)
        where T : class => _values[typeof(T)] = value;

    public T? Get<T>()
        where T : class => _values.TryGetValue(typeof(T), out var value) ? (T)value : null;
}
