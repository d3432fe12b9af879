namespace Outreach.Content.Unanswered;

/// <summary>
/// A group of open missed questions with the same wording, as the queue lists it: the latest question (its id names the
/// group), how often and by how many members it was asked, when last, and why each was missed.
/// </summary>
public sealed record QuestionGroup(long LatestId, string Sample, int Count, int Members, DateTimeOffset LastAskedAt, string[] Reasons);

/// <summary>One missed question of a group: who asked (name, channel, unit), when, what, and what the bot made of it.</summary>
public sealed record QuestionListing(
    long Id, long ContactId, string? DisplayName, string Channel, string? OrgUnitName, DateTimeOffset AskedAt, string Text, string Missed,
    string Status, string? EntryId, float Confidence);

/// <summary>Questions asked and answered in one ISO week (Monday, Asia/Ho_Chi_Minh).</summary>
public sealed record WeekAnswers(DateOnly WeekStart, int Asked, int Answered);

/// <summary>How members judged an entry's answers: answers given, "Hữu ích", "Chưa đúng".</summary>
public sealed record EntryFeedback(string EntryId, int Answers, int Useful, int Wrong);
