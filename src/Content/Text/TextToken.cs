namespace Outreach.Content.Text;

/// <summary>
/// One syllable (or number, or foreign word) of a message, in two forms:
/// <see cref="Exact"/> keeps the letters' marks (â ă ê ô ơ ư đ) with the tone as a trailing digit, so "hoà" and "hòa" agree
/// and "chồng" ≠ "chống"; <see cref="Folded"/> is plain ASCII, so "chong" matches both.
/// </summary>
public readonly record struct TextToken(string Exact, string Folded)
{
    /// <summary>True when the member typed diacritics (or đ) on this syllable.</summary>
    public bool IsMarked => !string.Equals(Exact, Folded, StringComparison.Ordinal);

    /// <summary>True when this token is a run of digits.</summary>
    public bool IsNumber => Folded.Length > 0 && char.IsAsciiDigit(Folded[0]);

    public override string ToString() => Exact;
}
