using System.Collections.Frozen;

namespace ShareFlow.Domain.Calendar;

/// <summary>A festival (节日) that a holiday break or a make-up workday belongs to.</summary>
public sealed record Festival(string Chinese, string English)
{
    public static readonly Festival NewYear = new("元旦", "New Year's Day");
    public static readonly Festival SpringFestival = new("春节", "Spring Festival");
    public static readonly Festival Qingming = new("清明节", "Qingming Festival");
    public static readonly Festival LabourDay = new("劳动节", "Labour Day");
    public static readonly Festival DragonBoat = new("端午节", "Dragon Boat Festival");
    public static readonly Festival MidAutumn = new("中秋节", "Mid-Autumn Festival");
    public static readonly Festival NationalDay = new("国庆节", "National Day");
    public static readonly Festival NationalDayAndMidAutumn = new("国庆节、中秋节", "National Day and Mid-Autumn Festival");
    public static readonly Festival MidAutumnAndNationalDay = new("中秋节、国庆节", "Mid-Autumn Festival and National Day");
    public static readonly Festival VictoryDay70 = new(
        "抗日战争暨世界反法西斯战争胜利70周年纪念日",
        "70th Anniversary of the Victory of the War of Resistance against Japanese Aggression and the World Anti-Fascist War");

    // The notices of 2008-2010 write some festivals by their colloquial names; they are the same festivals.
    private static readonly FrozenDictionary<string, Festival> KnownByChineseName = new Dictionary<string, Festival>(StringComparer.Ordinal)
    {
        [NewYear.Chinese] = NewYear,
        [SpringFestival.Chinese] = SpringFestival,
        [Qingming.Chinese] = Qingming,
        [LabourDay.Chinese] = LabourDay,
        ["“五一”"] = LabourDay,
        ["“五一”国际劳动节"] = LabourDay,
        ["五一"] = LabourDay,
        [DragonBoat.Chinese] = DragonBoat,
        [MidAutumn.Chinese] = MidAutumn,
        [NationalDay.Chinese] = NationalDay,
        ["“十一”"] = NationalDay,
        ["十一"] = NationalDay,
        [NationalDayAndMidAutumn.Chinese] = NationalDayAndMidAutumn,
        [MidAutumnAndNationalDay.Chinese] = MidAutumnAndNationalDay,
        [VictoryDay70.Chinese] = VictoryDay70,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The festival a notice names. Known names (and their colloquial forms) map to one festival with its English name;
    /// an unknown name keeps the Chinese as given and uses <paramref name="english"/> or, failing that, the Chinese again.
    /// </summary>
    public static Festival FromName(string chinese, string? english = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chinese);
        var trimmed = chinese.Trim();
        if (KnownByChineseName.TryGetValue(trimmed, out var known))
        {
            return known;
        }

        return new Festival(trimmed, string.IsNullOrWhiteSpace(english) ? trimmed : english.Trim());
    }
}
