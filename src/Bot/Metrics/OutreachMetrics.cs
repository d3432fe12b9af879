using System.Diagnostics.Metrics;

namespace Outreach.Bot.Metrics;

/// <summary>
/// The gateway's own instruments (meter <c>Outreach</c>), exported on <c>/metrics</c> for Prometheus: what operators watch
/// (issue 15.15). Events are counted where they happen; levels that live in the database (backlog, open alerts, broadcast
/// progress) are read by <see cref="MetricsSampler"/> and observed from its last sample.
/// </summary>
public sealed class OutreachMetrics
{
    public const string MeterName = "Outreach";

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _turns;
    private readonly Counter<long> _outboxFailures;
    private readonly Counter<long> _webhookRejections;

    public OutreachMetrics(IMeterFactory meters, MetricsSample sample)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(sample);
        var meter = meters.Create(MeterName);
        _turnDuration = meter.CreateHistogram<double>(
            "outreach.turn.duration", "s", "Time from claiming an inbox event to committing its turn (replies included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _turns = meter.CreateCounter<long>("outreach.turns", "{turn}", "Turns run, by result (done, failed).");
        _outboxFailures = meter.CreateCounter<long>(
            "outreach.outbox.failures", "{message}", "Replies that could not be sent and were marked failed, by channel and reason.");
        _webhookRejections = meter.CreateCounter<long>(
            "outreach.webhook.rejections", "{request}", "Webhook calls refused (bad or missing signature, unreadable body), by channel and HTTP status.");

        meter.CreateObservableGauge("outreach.inbox.backlog", () => sample.Current.InboxBacklog, "{event}",
            "Inbox events waiting for their turn (pending or processing).");
        meter.CreateObservableGauge("outreach.inbox.oldest_age", () => sample.Current.InboxOldestAgeSeconds, "s",
            "Age of the oldest inbox event still waiting (0 when none).");
        meter.CreateObservableGauge("outreach.outbox.backlog", () => sample.Current.OutboxBacklog, "{message}",
            "Replies waiting to be sent (pending or sending).");
        meter.CreateObservableGauge("outreach.crisis.alerts_open", () => sample.Current.CrisisAlertsOpen, "{alert}",
            "Crisis alerts no staff member has acknowledged yet.");
        meter.CreateObservableGauge("outreach.broadcast.deliveries", ObserveDeliveries, "{delivery}",
            "Deliveries of the broadcasts now sending, by status (queued, sending, sent, failed, …).");

        IEnumerable<Measurement<long>> ObserveDeliveries() => sample.Current.SendingDeliveries
            .Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("status", d.Key)));
    }

    /// <summary>One turn ran: its result and how long it took.</summary>
    public void TurnRan(TimeSpan elapsed, bool succeeded)
    {
        var result = new KeyValuePair<string, object?>("result", succeeded ? "done" : "failed");
        _turnDuration.Record(elapsed.TotalSeconds, result);
        _turns.Add(1, result);
    }

    /// <summary>A reply was marked failed.</summary>
    public void ReplyFailed(string channel, string reason) =>
        _outboxFailures.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A webhook call was refused.</summary>
    public void WebhookRejected(string channel, int status) =>
        _webhookRejections.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("status", status));
}
