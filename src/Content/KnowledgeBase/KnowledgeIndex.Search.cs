using System.Buffers;

namespace Outreach.Content.KnowledgeBase;

/// <summary>The ranking of one query.</summary>
public sealed partial class KnowledgeIndex
{
    /// <summary>
    /// The best eligible entries for <paramref name="terms"/>, best first. Confidence is the share of the query's weight
    /// (inverse document frequency of each term, syllables the pack never uses included) that the entry matched: 1 when every
    /// term matched once in an entry of average length, near 0 when the question is about something the pack does not cover.
    /// It is then scaled by how much of the entry's closest question the query covers (<see cref="MatchingOptions.QuestionCoverageWeight"/>):
    /// "đặt vé xe khách" shares "xe khách" with "bị sờ soạng trên xe khách" but covers little of that question.
    /// </summary>
    public IReadOnlyList<ScoredEntry> Search(IReadOnlyList<QueryTerm> terms, Func<KnowledgeEntry, bool> isEligible, int take)
    {
        ArgumentNullException.ThrowIfNull(isEligible);
        return SearchWhere(terms, doc => isEligible(_entries[doc]), take);
    }

    /// <summary>As <see cref="Search"/>, with eligibility by position in <see cref="Entries"/> (a precomputed mask, such as
    /// <see cref="KnowledgeSnapshot.EligibleMask"/>, is much cheaper than a lookup per entry). When <paramref name="within"/> is
    /// given, <paramref name="isEligible"/> must be false wherever it is: entries outside it are not scored at all (with thousands
    /// of units' own entries, most postings belong to entries the member cannot get).</summary>
    public IReadOnlyList<ScoredEntry> SearchWhere(IReadOnlyList<QueryTerm> terms, Func<int, bool> isEligible, int take, bool[]? within = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(isEligible);
        var count = _entries.Length;
        var scores = ArrayPool<float>.Shared.Rent(count);
        var best = ArrayPool<float>.Shared.Rent(count);
        try
        {
            Array.Clear(scores, 0, count);
            Array.Clear(best, 0, count);
            var denominator = within is null ? Accumulate(terms, scores, best) : AccumulateWithin(terms, scores, best, within);
            if (denominator <= 0)
            {
                return [];
            }

            var candidates = Rank(scores, denominator, isEligible, Math.Max(take, _options.RerankCandidates));
            if (_options.QuestionCoverageWeight > 0)
            {
                Rerank(terms, candidates);
            }

            return candidates.Take(take).Select(c => new ScoredEntry(_entries[c.Doc], c.Score, c.Confidence)).ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<float>.Shared.Return(best);
        }
    }

    /// <summary>
    /// The score and confidence of one entry for <paramref name="terms"/>, as <see cref="SearchWhere"/> would give it, without
    /// scoring the others (a clause of a long message checked against the entry the whole message matched best).
    /// </summary>
    public ScoredEntry? ScoreOf(IReadOnlyList<QueryTerm> terms, KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(entry);
        if (!_docOf.TryGetValue(entry, out var doc))
        {
            return null;
        }

        var score = 0f;
        var denominator = 0f;
        foreach (var term in terms)
        {
            if (!_folded.TryGetValue(term.Folded, out var foldedPostings))
            {
                denominator += _maxInformation * (term.IsPair ? _options.UnknownPairWeight : _options.UnknownWeight) * term.Weight;
                continue;
            }

            var weight = Information(foldedPostings.Length) * term.Weight;
            denominator += weight;
            var credit = Find(foldedPostings, doc) is { } folded ? (term.IsMarked ? _options.FoldedCredit : 1f) * Saturate(folded) : 0f;
            if (term.IsMarked && _exact.TryGetValue(term.Exact, out var exactPostings) && Find(exactPostings, doc) is { } exact)
            {
                credit = Math.Max(credit, Saturate(exact));
            }

            score += weight * credit;
        }

        if (score <= 0 || denominator <= 0)
        {
            return null;
        }

        var candidates = new List<Candidate> { new(doc, score, Math.Min(1.0, score / denominator)) };
        if (_options.QuestionCoverageWeight > 0)
        {
            Rerank(terms, candidates);
        }

        return new ScoredEntry(entry, candidates[0].Score, candidates[0].Confidence);
    }

    /// <summary>
    /// True when every syllable of the query (forms of address and particles aside) is a word of the entry's questions or
    /// title: the query names nothing the entry does not ("vay vốn" for the general loan entry; not "vay sửa nhà").
    /// </summary>
    public bool QuestionsName(IReadOnlyList<QueryTerm> terms, KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(entry);
        if (!_docOf.TryGetValue(entry, out var doc))
        {
            return false;
        }

        var words = _questions[doc].SelectMany(q => q).ToHashSet();
        var any = false;
        foreach (var term in terms)
        {
            if (term.IsPair || term.Weight < 1f)
            {
                continue;
            }

            if (!_termIds.TryGetValue(term.Folded, out var id) || !words.Contains(id))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    // A document's posting in a list ordered by document, if it has one.
    private static Posting? Find(Posting[] postings, int doc)
    {
        int low = 0, high = postings.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var at = postings[middle].Doc;
            if (at == doc)
            {
                return postings[middle];
            }

            if (at < doc)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    // Scales each candidate's confidence by the coverage of its closest question, then orders them by it.
    private void Rerank(IReadOnlyList<QueryTerm> terms, List<Candidate> candidates)
    {
        var query = new HashSet<int>();
        foreach (var term in terms)
        {
            if (_termIds.TryGetValue(term.Folded, out var id))
            {
                query.Add(id);
            }
        }

        var weight = _options.QuestionCoverageWeight;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            candidates[i] = c with { Confidence = c.Confidence * ((1 - weight) + weight * QuestionCoverage(c.Doc, query)) };
        }

        candidates.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
    }

    // The largest share (by information) of one of the entry's questions that the query contains.
    private double QuestionCoverage(int doc, HashSet<int> query)
    {
        var best = 0.0;
        foreach (var question in _questions[doc])
        {
            double covered = 0, total = 0;
            foreach (var term in question)
            {
                var information = _information[term];
                total += information;
                covered += query.Contains(term) ? information : 0;
            }

            best = Math.Max(best, total <= 0 ? 0 : covered / total);
        }

        return best;
    }

    private float Accumulate(IReadOnlyList<QueryTerm> terms, float[] scores, float[] best)
    {
        var denominator = 0f;
        foreach (var term in terms)
        {
            if (!_folded.TryGetValue(term.Folded, out var foldedPostings))
            {
                // An unknown syllable counts against confidence; an unknown pair of known syllables does not.
                denominator += _maxInformation * (term.IsPair ? _options.UnknownPairWeight : _options.UnknownWeight) * term.Weight;
                continue;
            }

            var weight = Information(foldedPostings.Length) * term.Weight;
            denominator += weight;
            var foldedCredit = term.IsMarked ? _options.FoldedCredit : 1f;
            foreach (var posting in foldedPostings)
            {
                best[posting.Doc] = foldedCredit * Saturate(posting);
            }

            if (term.IsMarked && _exact.TryGetValue(term.Exact, out var exactPostings))
            {
                foreach (var posting in exactPostings)
                {
                    best[posting.Doc] = Math.Max(best[posting.Doc], Saturate(posting));
                }
            }

            foreach (var posting in foldedPostings)
            {
                scores[posting.Doc] += weight * best[posting.Doc];
                best[posting.Doc] = 0;
            }
        }

        return denominator;
    }

    // As Accumulate, skipping the postings of entries outside the mask (their scores stay 0 and Rank never looks at them).
    private float AccumulateWithin(IReadOnlyList<QueryTerm> terms, float[] scores, float[] best, bool[] within)
    {
        var denominator = 0f;
        foreach (var term in terms)
        {
            if (!_folded.TryGetValue(term.Folded, out var foldedPostings))
            {
                denominator += _maxInformation * (term.IsPair ? _options.UnknownPairWeight : _options.UnknownWeight) * term.Weight;
                continue;
            }

            var weight = Information(foldedPostings.Length) * term.Weight;
            denominator += weight;
            var foldedCredit = term.IsMarked ? _options.FoldedCredit : 1f;
            foreach (var posting in foldedPostings)
            {
                if (within[posting.Doc])
                {
                    best[posting.Doc] = foldedCredit * Saturate(posting);
                }
            }

            if (term.IsMarked && _exact.TryGetValue(term.Exact, out var exactPostings))
            {
                foreach (var posting in exactPostings)
                {
                    if (within[posting.Doc])
                    {
                        best[posting.Doc] = Math.Max(best[posting.Doc], Saturate(posting));
                    }
                }
            }

            foreach (var posting in foldedPostings)
            {
                if (within[posting.Doc])
                {
                    scores[posting.Doc] += weight * best[posting.Doc];
                    best[posting.Doc] = 0;
                }
            }
        }

        return denominator;
    }

    // BM25's term-frequency part, scaled so one occurrence in an entry of average length gives 1.
    private float Saturate(Posting posting) => posting.Tf * (_options.K1 + 1) / (posting.Tf + _lengthNorm[posting.Doc]);

    private List<Candidate> Rank(float[] scores, float denominator, Func<int, bool> isEligible, int take)
    {
        var ranked = new List<Candidate>(take + 1);
        for (var doc = 0; doc < _entries.Length; doc++)
        {
            var score = scores[doc];
            if (score <= 0 || (ranked.Count == take && score <= ranked[^1].Score) || !isEligible(doc))
            {
                continue;
            }

            var position = ranked.FindIndex(r => r.Score < score);
            ranked.Insert(position < 0 ? ranked.Count : position, new Candidate(doc, score, Math.Min(1.0, score / denominator)));
            if (ranked.Count > take)
            {
                ranked.RemoveAt(ranked.Count - 1);
            }
        }

        return ranked;
    }

    private readonly record struct Candidate(int Doc, double Score, double Confidence);
}

/// <summary>An entry and how well it matched: the raw score and the confidence (0–1).</summary>
public sealed record ScoredEntry(KnowledgeEntry Entry, double Score, double Confidence);
