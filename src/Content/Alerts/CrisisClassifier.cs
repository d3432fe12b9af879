using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using Outreach.Content.Storage;
using Outreach.Content.Text;

namespace Outreach.Content.Alerts;

/// <summary>
/// A learned second opinion on crisis messages: an ML.NET multiclass text classifier (character 4-grams and word 1–2-grams
/// over the message folded to plain letters with chat abbreviations spelled out, then L-BFGS maximum entropy) trained on
/// crisis-training.jsonl beside the pack: member messages written by people who never saw the pack, each labelled "none" or
/// with the crisis category its first number belongs to. The rules of crisis.yaml stay first; <see cref="CrisisDetector"/>
/// asks this only when they find no crisis. Training is deterministic (fixed seed, one thread): the same rows give the same
/// decisions. Thread-safe.
/// </summary>
public sealed partial class CrisisClassifier
{
    /// <summary>The label of an everyday message.</summary>
    public const string NoneLabel = "none";

    /// <summary>
    /// How sure the classifier must be (the probability of the crisis kinds that share one first number) before it calls a
    /// message the rules let pass a crisis. Chosen by leave-one-set-out cross-validation (<c>./outreach crisis-eval</c>,
    /// README "Asking the bot"): the lowest threshold that added no false alarm on any held-out set.
    /// </summary>
    public const float DefaultThreshold = 0.8f;

    private const string ResourceName = "Outreach.Content.Alerts.crisis-training.jsonl";
    private const int Seed = 20261207;

    private static readonly Lazy<CrisisClassifier> ShippedModel = new(
        () => new CrisisClassifier(Task.Run(() => CachedFit(ReadShipped(), ShippedCachePath()))), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Task<Trained> _training;
    private readonly ConcurrentBag<PredictionEngine<Input, Output>> _engines = [];

    private CrisisClassifier(Task<Trained> training) => _training = training;

    /// <summary>
    /// The classifier of the shipped crisis-training.jsonl: training starts in the background on first use (the first pack
    /// snapshot of the process) and takes a few seconds; the first message the rules let pass waits for it. Once per process:
    /// the rows are compiled into this assembly, so every pack version of the process shares them.
    /// </summary>
    public static CrisisClassifier Shipped => ShippedModel.Value;

    /// <summary>True once training has finished (asking then never waits).</summary>
    public bool IsTrained => _training.IsCompletedSuccessfully;

    /// <summary>How long training took (waits for it).</summary>
    public TimeSpan TrainingTime => Model.TrainingTime;

    /// <summary>True when the model was read from the cache an earlier process saved (waits for it).</summary>
    public bool FromCache => Model.FromCache;

    /// <summary>How many rows it was trained on (waits for training).</summary>
    public int Examples => Model.Examples;

    private Trained Model => _training.GetAwaiter().GetResult();

    /// <summary>The rows of crisis-training.jsonl (embedded in this assembly from src/Content/ContentPacks/pack).</summary>
    public static IReadOnlyList<CrisisExample> ReadShipped()
    {
        using var stream = typeof(CrisisClassifier).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("crisis-training.jsonl is not embedded.");
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd());
    }

    /// <summary>Rows of JSON Lines <c>{"text","label"}</c>; blank lines are skipped.</summary>
    public static List<CrisisExample> Read(string jsonLines)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        return jsonLines.Split('\n')
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonSerializer.Deserialize<CrisisExample>(line) ?? throw new InvalidDataException(line))
            .ToList();
    }

    /// <summary>Trains on <paramref name="examples"/>: the same rows in the same order give the same model.</summary>
    public static CrisisClassifier Train(IReadOnlyList<CrisisExample> examples) => Train(examples, CrisisFeatures.Shipped);

    /// <summary>As <see cref="Train(IReadOnlyList{CrisisExample})"/> with other features (<c>crisis-eval</c> measures them).</summary>
    public static CrisisClassifier Train(IReadOnlyList<CrisisExample> examples, CrisisFeatures features)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(features);
        return new CrisisClassifier(Task.FromResult(Fit(examples, features)));
    }

    /// <summary>
    /// Where the shipped model is kept between processes: the temp directory, named for this build of the assembly (its
    /// module version id changes with every build, so new rows or a new text preparation never load an old model).
    /// </summary>
    public static string ShippedCachePath() => Path.Combine(
        Path.GetTempPath(), "outreach-crisis-model", typeof(CrisisClassifier).Module.ModuleVersionId.ToString("N") + ".zip");

    /// <summary>
    /// The model of <paramref name="examples"/> read from <paramref name="cachePath"/> when an earlier process of the same
    /// build saved it there (milliseconds instead of seconds of training: a restarted gateway's first messages do not wait),
    /// else trained and saved. A file that cannot be read is trained over; a cache that cannot be written is only skipped.
    /// </summary>
    public static CrisisClassifier TrainCached(IReadOnlyList<CrisisExample> examples, string cachePath)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentException.ThrowIfNullOrEmpty(cachePath);
        return new CrisisClassifier(Task.FromResult(CachedFit(examples, cachePath)));
    }

    private static Trained CachedFit(IReadOnlyList<CrisisExample> examples, string cachePath)
    {
        if (File.Exists(cachePath))
        {
            try
            {
                var watch = Stopwatch.StartNew();
                var context = new MLContext(Seed);
                var transformer = context.Model.Load(cachePath, out var inputSchema);
                var slots = default(VBuffer<ReadOnlyMemory<char>>);
                transformer.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref slots);
                return new Trained(context, transformer, slots.DenseValues().Select(v => v.ToString()).ToArray(), watch.Elapsed, examples.Count)
                {
                    FromCache = true,
                };
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or FormatException or ArgumentException or UnauthorizedAccessException)
            {
                // A half-written or foreign file: train again and overwrite it.
            }
        }

        var trained = Fit(examples, CrisisFeatures.Shipped);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cachePath)!);
            AtomicFile.Write(cachePath, partial => trained.Context.Model.Save(trained.Transformer, trained.Schema, partial));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No cache this time; the next process trains too.
        }

        return trained;
    }

    private static Trained Fit(IReadOnlyList<CrisisExample> examples, CrisisFeatures features)
    {
        var watch = Stopwatch.StartNew();
        var context = new MLContext(Seed);
        var data = context.Data.LoadFromEnumerable(examples.Select(e => new Row { Text = Prepare(e.Text), Typed = PrepareTyped(e.Text), Label = e.Label }).ToList());
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = true,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = features.WordNgrams, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = features.CharNgrams, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = context.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(context.Transforms.Text.FeaturizeText("Features", featurizer, nameof(Row.Text), nameof(Row.Typed)))
            .Append(context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = 0.01f,
                L1Regularization = 0f,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 100,
            }));
        var model = pipeline.Fit(data);
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)["Score"].GetSlotNames(ref slots);
        var labels = slots.DenseValues().Select(s => s.ToString()).ToArray();
        return new Trained(context, model, labels, watch.Elapsed, examples.Count) { Schema = data.Schema };
    }

    /// <summary>The text the classifier reads: plain letters, chat abbreviations spelled out ("ck e" → "chong em").</summary>
    public static string Prepare(string? text)
    {
        var tokens = VietnameseText.Tokenize(CrisisSpelling.Normalize(text));
        var expanded = EnglishText.LooksEnglish(tokens) ? tokens : ChatAbbreviations.Expand(tokens);
        return string.Join(' ', expanded.Select(t => t.Folded));
    }

    /// <summary>
    /// The words as typed, accents kept ("chạy" is not "cháy"), abbreviations spelled out: a syllable typed with its accents
    /// says which word it is, one typed plain says only its letters.
    /// </summary>
    public static string PrepareTyped(string? text)
    {
        var tokens = VietnameseText.Tokenize(CrisisSpelling.Normalize(text));
        var expanded = EnglishText.LooksEnglish(tokens) ? tokens : ChatAbbreviations.Expand(tokens);
        return string.Join(' ', expanded.Select(t => t.IsMarked ? t.Exact : t.Folded));
    }

    /// <summary>The most likely first number's crisis kind and its probability (the sum over kinds sharing that number).</summary>
    public CrisisOpinion Predict(string? text)
    {
        var scores = Score(text);
        var labels = Model.Labels;
        var byNumber = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != NoneLabel && CrisisCategoryNames.TryParse(labels[i], out var category))
            {
                var number = FirstNumber(category);
                byNumber[number] = byNumber.GetValueOrDefault(number) + scores[i];
            }
        }

        if (byNumber.Count == 0)
        {
            return new CrisisOpinion(null, 0f);
        }

        var best = byNumber.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
        CrisisCategory? kind = null;
        var top = -1f;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != NoneLabel && CrisisCategoryNames.TryParse(labels[i], out var category) && FirstNumber(category) == best.Key && scores[i] > top)
            {
                kind = category;
                top = scores[i];
            }
        }

        return new CrisisOpinion(kind, best.Value);
    }

    /// <summary>
    /// The opinions of a long message's passages (its sentences of at least <see cref="PassageMinWords"/> words), when it has
    /// two or more: in a long message one alarming sentence is diluted by the rest of the story.
    /// </summary>
    public IReadOnlyList<CrisisOpinion> PredictPassages(string? text) => [.. Passages(text).Select(Predict)];

    /// <summary>The shortest sentence scored on its own (<see cref="PredictPassages"/>).</summary>
    public const int PassageMinWords = 4;

    /// <summary>The sentences of a message (split at '.', '!', '?', '…', a new line) of at least <see cref="PassageMinWords"/> words, when there are two or more.</summary>
    public static IReadOnlyList<string> Passages(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var passages = SentenceEnd().Split(text)
            .Where(p => VietnameseText.Tokenize(p).Count >= PassageMinWords)
            .Select(p => p.Trim())
            .ToList();
        return passages.Count >= 2 ? passages : [];
    }

    /// <summary>The crisis the classifier sees with at least <paramref name="threshold"/> probability, else null.</summary>
    public CrisisAssessment? Assess(string? text, float threshold) => Assess(text, new CrisisPolicy(threshold, [], Passages: false), []);

    /// <summary>The crisis the classifier sees at <see cref="DefaultThreshold"/> (no gate), else null.</summary>
    public CrisisAssessment? Assess(string? text) => Assess(text, DefaultThreshold);

    /// <summary>
    /// The crisis the classifier sees under <paramref name="policy"/> (the pack's is <see cref="CrisisPolicy.Of"/>), else null.
    /// <paramref name="cues"/> are the crisis groups the rules found in the message (<see cref="CrisisAssessment.Cues"/>),
    /// which open a gate (a lower threshold for one first number).
    /// </summary>
    public CrisisAssessment? Assess(string? text, CrisisPolicy policy, IReadOnlyCollection<string> cues)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(cues);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var opinion = policy.Decide(Predict(text), policy.Passages ? PredictPassages(text) : [], cues);
        return opinion?.Category is { } category
            ? new CrisisAssessment([category], EnglishText.LooksEnglish(VietnameseText.Tokenize(text))) { Cues = [LearnedCue], Learned = opinion }
            : null;
    }

    /// <summary>The cue an assessment of the classifier lists (<c>ask --json</c> shows why a message was a crisis).</summary>
    public const string LearnedCue = "learned";

    /// <summary>The number a crisis kind's reply opens with.</summary>
    public static string FirstNumber(CrisisCategory category) => category switch
    {
        CrisisCategory.Injury or CrisisCategory.Poisoning or CrisisCategory.SelfHarm or CrisisCategory.Medical => "115",
        CrisisCategory.Fire => "114",
        CrisisCategory.Disaster => "112",
        CrisisCategory.Child => "111",
        CrisisCategory.Abuse => "1900",
        _ => "113",
    };

    private float[] Score(string? text)
    {
        if (!_engines.TryTake(out var engine))
        {
            engine = Model.Context.Model.CreatePredictionEngine<Input, Output>(Model.Transformer);
        }

        try
        {
            return engine.Predict(new Input { Text = Prepare(text), Typed = PrepareTyped(text) }).Score ?? [];
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    // '.', '!', '?', '…' or a new line, but not the point inside "2.927".
    [GeneratedRegex(@"(?<!\d)[.!?…\n]+|[.!?…\n]+(?!\d)")]
    private static partial Regex SentenceEnd();

    private sealed record Trained(MLContext Context, ITransformer Transformer, string[] Labels, TimeSpan TrainingTime, int Examples)
    {
        /// <summary>The schema the model was trained on (saved with it).</summary>
        public DataViewSchema? Schema { get; init; }

        /// <summary>True when read from the cache file rather than trained.</summary>
        public bool FromCache { get; init; }
    }

    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string Typed { get; set; } = "";

        public string Label { get; set; } = "";
    }

    // The label column is unused when predicting; the pipeline's key mapping still asks for it.
    private sealed class Input
    {
        public string Text { get; set; } = "";

        public string Typed { get; set; } = "";

        public string Label { get; set; } = "";
    }

    private sealed class Output
    {
        public float[]? Score { get; set; }
    }
}

/// <summary>One training row of crisis-training.jsonl: a member's message and "none" or a crisis kind ("self_harm").</summary>
public sealed record CrisisExample(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("label")] string Label);

/// <summary>What the classifier thinks: the crisis kind of the likeliest first number (null when it knows none) and how sure.</summary>
public sealed record CrisisOpinion(CrisisCategory? Category, float Probability);

/// <summary>The classifier's features: word n-grams (1 to <see cref="WordNgrams"/>) and character <see cref="CharNgrams"/>-grams.</summary>
public sealed record CrisisFeatures(int WordNgrams, int CharNgrams)
{
    /// <summary>What the shipped model is trained with.</summary>
    public static readonly CrisisFeatures Shipped = new(2, 4);
}

/// <summary>
/// A lower threshold for one first number, open when the rules found a cue of one of <see cref="Groups"/> in the message.
/// The pack's are in crisis-gates.yaml (<see cref="CrisisRules.Gates"/>).
/// </summary>
public sealed record CrisisGate(string Number, float Threshold, IReadOnlyList<string> Groups)
{
    /// <summary>The first numbers a gate may open (those of <see cref="CrisisClassifier.FirstNumber"/>'s crisis kinds but 1900).</summary>
    public static readonly IReadOnlyList<string> Numbers = ["111", "112", "113", "114", "115"];
}

/// <summary>
/// When the classifier's opinion counts: at least <see cref="Threshold"/> for the likeliest first number, or a gate's lower
/// threshold when the message has one of its cues; with <see cref="Passages"/>, a long message's most alarming sentence may
/// count too (at the same thresholds). Chosen by leave-one-set-out cross-validation (<c>./outreach crisis-eval</c>); the
/// pack's is <see cref="Of"/>.
/// </summary>
public sealed record CrisisPolicy(float Threshold, IReadOnlyList<CrisisGate> Gates, bool Passages)
{
    /// <summary>
    /// The pack's policy, what the gateway uses: <see cref="CrisisClassifier.DefaultThreshold"/> for every first number, the
    /// gates of crisis-gates.yaml (<see cref="CrisisRules.Gates"/>: 111 behind a child's cue, 112 behind water, wind or a
    /// slope), the whole message only (scoring its sentences apart added false alarms).
    /// </summary>
    public static CrisisPolicy Of(CrisisRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(CrisisClassifier.DefaultThreshold, rules.Gates ?? [], Passages: false);
    }

    /// <summary>True when <paramref name="other"/> decides as this policy does (the same thresholds, gates and passages).</summary>
    public bool DecidesAs(CrisisPolicy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Threshold == other.Threshold && Passages == other.Passages && Gates.Count == other.Gates.Count
            && Gates.Zip(other.Gates).All(g => g.First.Number == g.Second.Number && g.First.Threshold == g.Second.Threshold && g.First.Groups.SequenceEqual(g.Second.Groups));
    }

    /// <summary>The threshold of <paramref name="number"/> for a message with <paramref name="cues"/>.</summary>
    public float ThresholdFor(string number, IReadOnlyCollection<string> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var threshold = Threshold;
        foreach (var gate in Gates)
        {
            if (gate.Number == number && gate.Threshold < threshold && gate.Groups.Any(cues.Contains))
            {
                threshold = gate.Threshold;
            }
        }

        return threshold;
    }

    /// <summary>The opinion that counts (the whole message's, else its most alarming passage's), or null.</summary>
    public CrisisOpinion? Decide(CrisisOpinion whole, IReadOnlyList<CrisisOpinion> passages, IReadOnlyCollection<string> cues)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(passages);
        CrisisOpinion? best = Counts(whole, cues) ? whole : null;
        if (best is null && Passages)
        {
            foreach (var passage in passages)
            {
                if (Counts(passage, cues) && (best is null || passage.Probability > best.Probability))
                {
                    best = passage;
                }
            }
        }

        return best;
    }

    private bool Counts(CrisisOpinion opinion, IReadOnlyCollection<string> cues) =>
        opinion.Category is { } category && opinion.Probability >= ThresholdFor(CrisisClassifier.FirstNumber(category), cues);
}
