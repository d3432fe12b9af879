using System.Globalization;

namespace Outreach.Benchmarks;

/// <summary>
/// CPU time of processes read from /proc: one process, or a PostgreSQL cluster (the postmaster with its reaped children plus
/// every living child: backends, the WAL writer, autovacuum, the checkpointer).
/// </summary>
internal static class ProcessCpu
{
    /// <summary>User and system time of <paramref name="pid"/> (zero when it is gone or /proc is not there).</summary>
    public static TimeSpan Of(int pid)
    {
        try
        {
            var fields = StatFields(pid);
            return TimeSpan.FromMilliseconds((Field(fields, 11) + Field(fields, 12)) * 10);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// CPU time of the whole cluster: the postmaster with its reaped children (cutime, cstime) plus every living child.
    /// A backend that exits moves its time from the second part to the first, so the sum only grows.
    /// </summary>
    public static TimeSpan OfCluster(int postmaster)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string[] fields;
            try
            {
                fields = StatFields(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (pid == postmaster)
            {
                ticks += Field(fields, 11) + Field(fields, 12) + Field(fields, 13) + Field(fields, 14);
            }
            else if (Field(fields, 1) == postmaster)
            {
                ticks += Field(fields, 11) + Field(fields, 12);
            }
        }

        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public static int ParentOf(int pid) => (int)Field(StatFields(pid), 1);

    // The fields after the command name in /proc/PID/stat: state is 0, ppid 1, utime 11, stime 12, cutime 13, cstime 14.
    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static long Field(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
