namespace QualiPilote.Web.Features.Registers;

/// <summary>Changes to the monthly tallies, accumulated in memory while a register is written (a few thousand keys at most,
/// whatever the number of rows), then applied in one save.</summary>
public sealed class TallyDelta
{
    public readonly record struct Key(string IndicatorCode, DateOnly Month, int? ServiceId, string Category, DateOnly? DueOn);

    public sealed class Counts
    {
        public long Numerator { get; set; }
        public long Denominator { get; set; }
        public long Excluded { get; set; }
        public long Open { get; set; }

        public bool IsZero => Numerator == 0 && Denominator == 0 && Excluded == 0 && Open == 0;
    }

    public Dictionary<Key, Counts> Entries { get; } = [];

    public bool IsEmpty => Entries.Values.All(c => c.IsZero);

    private Counts At(Key key)
    {
        if (!Entries.TryGetValue(key, out var counts))
        {
            counts = new Counts();
            Entries[key] = counts;
        }
        return counts;
    }

    /// <summary>Adds (sign 1) or removes (sign -1) an item's contribution to its channel's indicator.</summary>
    public void AddCorrespondence(CorrespondenceChannel channel, int serviceId, DateOnly receivedOn, DateOnly? answeredOn, DateOnly dueOn, bool counted, int sign = 1) =>
        AddCorrespondence(channel, serviceId, receivedOn, counted, answeredOn is { } answered ? answered <= dueOn : null, dueOn, sign);

    /// <summary>Adds <paramref name="count"/> items of one kind: <paramref name="onTime"/> is null for unanswered items.</summary>
    public void AddCorrespondence(CorrespondenceChannel channel, int serviceId, DateOnly receivedOn, bool counted, bool? onTime, DateOnly dueOn, long count)
    {
        var month = new DateOnly(receivedOn.Year, receivedOn.Month, 1);
        var code = channel.IndicatorCode();
        if (!counted)
        {
            At(new Key(code, month, serviceId, "", null)).Excluded += count;
        }
        else if (onTime is { } inTime)
        {
            var counts = At(new Key(code, month, serviceId, "", null));
            counts.Denominator += count;
            if (inTime)
            {
                counts.Numerator += count;
            }
        }
        else
        {
            At(new Key(code, month, serviceId, "", dueOn)).Open += count;
        }
    }

    public void Add(Key key, long numerator, long denominator)
    {
        var counts = At(key);
        counts.Numerator += numerator;
        counts.Denominator += denominator;
    }
}
