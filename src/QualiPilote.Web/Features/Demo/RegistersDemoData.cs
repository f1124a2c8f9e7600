using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.PublicResults;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Demo;

/// <summary>Registers of the demo Savoie prefecture, built so that importing them gives the seed's own 2020-2023 table
/// (bilan 2023, section V): response rates 85,00 / 85,43 / 95,26 / 88,20 % for mail, 75,50 / 93,26 / 86,21 / 94,29 % for e-mail,
/// 88 / 100 / 100 / 100 % for complaints (2023: 5 filed, 4 without a readable address), answered calls 89,33 / 95,41 / 90,81 %
/// with the seed's comments and 2020's 74,53 % entered by hand, 2 772 then 3 250 visitors at the general reception, 2 581 at the PAN.
/// 2024-2026 continue the story up to 20/11/2026, with e-mail answers slipping in the current quarter (an alert on the home page).
/// Everything goes through the real importers, so tallies and batches are those a referent would get.</summary>
public sealed class RegistersDemoData(AppDbContext db, IndicatorCatalogue catalogue, CorrespondenceImporter correspondence, CallsImporter calls,
    AttendanceImporter attendance, DeadlineEditor deadlines)
{
    /// <summary>The demo registers stop here, so that the demo tells the same story whatever day it is started.</summary>
    public static readonly DateOnly LastDay = new(2026, 11, 20);

    private sealed record Spec(CorrespondenceChannel Channel, DateOnly From, DateOnly To, int Answered, int OnTime, int Overdue = 0, int Pending = 0, int OutOfPerimeter = 0, int WithoutContact = 0);

    private static readonly string[] MailServices = ["DCL", "DCL-BI", "DCL", "SG", "CAB", "DCL", "DS", "DCL-BI", "SG", "CAB"];
    private static readonly string[] EmailServices = ["DCL-BI", "DCL", "CAB-SICOM", "DCL", "SG", "DS-SIDPC", "DCL-BI", "CAB"];
    private static readonly string[] ComplaintServices = ["DCL-BI", "DCL", "DCL-BI", "SG"];

    public async Task SeedAsync(Structure savoie, CancellationToken cancellationToken = default)
    {
        await catalogue.EnsureAsync(cancellationToken);
        var manager = new UserScope("demo", isNationalAdmin: true, []);
        foreach (var (channel, days, from) in new[]
        {
            (CorrespondenceChannel.Mail, 15, new DateOnly(2013, 1, 1)), (CorrespondenceChannel.Mail, 10, new DateOnly(2020, 1, 1)),
            (CorrespondenceChannel.Complaint, 15, new DateOnly(2013, 1, 1)), (CorrespondenceChannel.Complaint, 10, new DateOnly(2020, 1, 1)),
            (CorrespondenceChannel.Email, 5, new DateOnly(2013, 1, 1)),
        })
        {
            await deadlines.SaveAsync(savoie, new DeadlineInput { Channel = channel, EffectiveFrom = from, Days = days, WorkingDays = true }, cancellationToken);
        }
        var rules = await DeadlineCalculator.LoadAsync(db, savoie.Id, cancellationToken);

        await ImportAsync(correspondence.ImportAsync(savoie, manager, null, Csv(CorrespondenceFile(rules)), "registre-courriers-2020-2026.csv", cancellationToken));
        await ImportAsync(calls.ImportAsync(savoie, null, Csv(CallsFile()), "memobox-appels-2021-2026.csv", cancellationToken));
        await ImportAsync(attendance.ImportAsync(savoie, null, Csv(AttendanceFile()), "frequentation-2022-2026.csv", cancellationToken));
        await SeedIndicatorSettingsAsync(savoie, cancellationToken);
    }

    private static async Task ImportAsync(Task<RegisterImportResult> import)
    {
        var result = await import;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Registre de démonstration invalide : " + string.Join(" ; ", result.Errors));
        }
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static IEnumerable<Spec> CorrespondenceSpecs()
    {
        static Spec Year(CorrespondenceChannel channel, int year, int answered, int onTime, int outOfPerimeter = 0, int withoutContact = 0) =>
            new(channel, new DateOnly(year, 1, 2), new DateOnly(year, 12, 22), answered, onTime, OutOfPerimeter: outOfPerimeter, WithoutContact: withoutContact);
        static Spec Quarter(CorrespondenceChannel channel, int quarter, int answered, int onTime) =>
            new(channel, Period.OfQuarter(2026, quarter).Start, Period.OfQuarter(2026, quarter).End.AddDays(-5), answered, onTime);

        var mail = CorrespondenceChannel.Mail;
        var email = CorrespondenceChannel.Email;
        var complaint = CorrespondenceChannel.Complaint;
        return
        [
            Year(mail, 2020, 200, 170, 12), Year(mail, 2021, 460, 393, 15), Year(mail, 2022, 190, 181, 9), Year(mail, 2023, 500, 441, 14, 3),
            Year(mail, 2024, 480, 421, 10), Year(mail, 2025, 470, 426, 11),
            Quarter(mail, 1, 120, 103), Quarter(mail, 2, 118, 104), Quarter(mail, 3, 110, 95),
            new(mail, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 30), 90, 74, Overdue: 3, Pending: 6),
            Year(email, 2020, 200, 151), Year(email, 2021, 267, 249), Year(email, 2022, 290, 250), Year(email, 2023, 280, 264),
            Year(email, 2024, 300, 276), Year(email, 2025, 310, 282),
            Quarter(email, 1, 80, 74), Quarter(email, 2, 82, 75), Quarter(email, 3, 78, 70),
            new(email, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 30), 60, 43, Overdue: 2, Pending: 5),
            Year(complaint, 2020, 25, 22), Year(complaint, 2021, 12, 12), Year(complaint, 2022, 9, 9),
            Year(complaint, 2023, 1, 1, withoutContact: 4), Year(complaint, 2024, 8, 8), Year(complaint, 2025, 11, 10),
            Quarter(complaint, 1, 3, 3), Quarter(complaint, 2, 2, 2), Quarter(complaint, 3, 4, 4),
            new(complaint, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 30), 2, 2),
        ];
    }

    private static string CorrespondenceFile(DeadlineCalculator rules)
    {
        var csv = new StringBuilder("reference;service;canal;recu_le;repondu_le;contact;perimetre\n");
        var numbers = new Dictionary<int, int>();
        foreach (var spec in CorrespondenceSpecs())
        {
            var services = spec.Channel switch
            {
                CorrespondenceChannel.Mail => MailServices,
                CorrespondenceChannel.Email => EmailServices,
                _ => ComplaintServices,
            };
            var days = WorkingDaysBetween(spec.From, spec.To);
            var late = spec.Answered - spec.OnTime;
            var total = spec.Answered + spec.Overdue + spec.OutOfPerimeter + spec.WithoutContact;
            for (var i = 0; i < total; i++)
            {
                var received = days[(int)((long)i * days.Count / total)];
                var due = rules.DueOn(spec.Channel, received);
                var allowed = due.DayNumber - received.DayNumber;
                string answered;
                var contact = "oui";
                var perimeter = "oui";
                if (i < spec.Answered)
                {
                    // Late answers are spread evenly among the answered items.
                    var isLate = late > 0 && (long)i * late / spec.Answered != (long)(i + 1) * late / spec.Answered;
                    var lateAnswer = due.AddDays(1 + i % 9);
                    answered = Text(isLate ? (lateAnswer > LastDay ? LastDay : lateAnswer) : received.AddDays(1 + i % allowed));
                }
                else if (i < spec.Answered + spec.Overdue)
                {
                    answered = "";
                }
                else if (i < spec.Answered + spec.Overdue + spec.OutOfPerimeter)
                {
                    answered = Text(received.AddDays(2 + i % 20));
                    perimeter = "non";
                }
                else
                {
                    answered = "";
                    contact = "non";
                }
                csv.Append(Reference(spec.Channel, received.Year, numbers)).Append(';').Append(services[i % services.Length]).Append(';')
                    .Append(spec.Channel.FileValue()).Append(';').Append(Text(received)).Append(';').Append(answered).Append(';')
                    .Append(contact).Append(';').Append(perimeter).Append('\n');
            }
            var lastDays = WorkingDaysBetween(LastDay.AddDays(-4), LastDay);
            for (var i = 0; i < spec.Pending; i++)
            {
                var received = lastDays[i % lastDays.Count];
                csv.Append(Reference(spec.Channel, received.Year, numbers)).Append(';').Append(services[0]).Append(';')
                    .Append(spec.Channel.FileValue()).Append(';').Append(Text(received)).Append(";;oui;oui\n");
            }
        }
        return csv.ToString();
    }

    private static string Reference(CorrespondenceChannel channel, int year, Dictionary<int, int> numbers)
    {
        var next = numbers.GetValueOrDefault(year) + 1;
        numbers[year] = next;
        var prefix = channel switch { CorrespondenceChannel.Mail => "CO", CorrespondenceChannel.Email => "CE", _ => "RE" };
        return $"{prefix}-{year}-{next:00000}";
    }

    private static string CallsFile()
    {
        var csv = new StringBuilder("debut;fin;presentes;decroches\n");
        var years = new (int Year, int Presented, int Answered)[] { (2021, 22500, 20099), (2022, 24000, 22898), (2023, 25000, 22703), (2024, 25500, 23333), (2025, 26000, 23946) };
        foreach (var (year, presented, answered) in years)
        {
            var byQuarter = Split(presented, [26, 25, 22, 27]);
            var answeredByQuarter = Split(answered, byQuarter.Select(p => (double)p).ToArray());
            for (var q = 1; q <= 4; q++)
            {
                var period = Period.OfQuarter(year, q);
                csv.Append(CultureInfo.InvariantCulture, $"{Text(period.Start)};{Text(period.End.AddDays(-1))};{byQuarter[q - 1]};{answeredByQuarter[q - 1]}\n");
            }
        }
        foreach (var (q, presented, answered) in new[] { (1, 6800, 6222), (2, 6600, 6065), (3, 5900, 5428) })
        {
            var period = Period.OfQuarter(2026, q);
            csv.Append(CultureInfo.InvariantCulture, $"{Text(period.Start)};{Text(period.End.AddDays(-1))};{presented};{answered}\n");
        }
        csv.Append(CultureInfo.InvariantCulture, $"{Text(new DateOnly(2026, 10, 1))};{Text(LastDay)};4300;3784\n");
        return csv.ToString();
    }

    private static readonly double[] Seasons = [7, 8, 9, 9, 8, 9, 8, 6, 10, 10, 9, 7];

    private static string AttendanceFile()
    {
        var csv = new StringBuilder("mois;site;categorie;nombre\n");
        var reception = new (int Year, int Visitors)[] { (2022, 2772), (2023, 3250), (2024, 3400), (2025, 3520), (2026, 2900) };
        var pan = new (int Year, int Visitors)[] { (2023, 2581), (2024, 2700), (2025, 2850), (2026, 2420) };
        var categories = new (string Code, double Weight)[] { ("cartes-grises", 38), ("permis-de-conduire", 27), ("cni-passeport", 12), ("sia", 5), ("etrangers", 10), ("autres", 8) };
        foreach (var (year, visitors) in reception)
        {
            var months = Months(year);
            var split = Split(visitors, Seasons[..months]);
            for (var m = 0; m < months; m++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{year}-{m + 1:00};accueil-general;;{split[m]}\n");
            }
        }
        foreach (var (year, visitors) in pan)
        {
            var months = Months(year);
            var split = Split(visitors, Seasons[..months]);
            for (var m = 0; m < months; m++)
            {
                var byCategory = Split(split[m], categories.Select(c => c.Weight).ToArray());
                for (var c = 0; c < categories.Length; c++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{year}-{m + 1:00};pan;{categories[c].Code};{byCategory[c]}\n");
                }
            }
        }
        return csv.ToString();
    }

    private static int Months(int year) => year == LastDay.Year ? LastDay.Month - 1 : 12;

    private async Task SeedIndicatorSettingsAsync(Structure savoie, CancellationToken cancellationToken)
    {
        var indicators = await db.Set<Indicator>().Where(i => i.StructureId == null).ToDictionaryAsync(i => i.Code, cancellationToken);
        foreach (var code in new[] { "delai-courriers", "delai-courriels", "delai-reclamations" })
        {
            db.Add(new LocalTarget { StructureId = savoie.Id, IndicatorId = indicators[code].Id, FromYear = 2020, Target = 80, AlertThreshold = 75 });
        }
        foreach (var code in new[] { "delai-courriers", "delai-courriels", "delai-reclamations", "appels-decroches", "frequentation-accueil" })
        {
            db.Add(new PublishedIndicator { StructureId = savoie.Id, IndicatorId = indicators[code].Id });
        }
        // The referent published each quarter some days after it ended, and 2025 with the annual report; the quarter the registers
        // are still filling (T4 2026) is not published.
        foreach (var quarter in new[] { "2025-T1", "2025-T2", "2025-T3", "2025-T4", "2026-T1", "2026-T2", "2026-T3" })
        {
            var period = Period.OfQuarter(int.Parse(quarter[..4], CultureInfo.InvariantCulture), quarter[^1] - '0');
            db.Add(new PublishedPeriod { StructureId = savoie.Id, Period = quarter, PublishedAt = period.End.AddDays(12).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), PublishedBy = DemoData.SavoieReferent.FullName });
        }
        db.Add(new PublishedPeriod { StructureId = savoie.Id, Period = "2025", PublishedAt = new DateTime(2026, 3, 20, 8, 0, 0, DateTimeKind.Utc), PublishedBy = DemoData.SavoieReferent.FullName });
        var entered = new (string Code, string Period, double? Value, string? Comment)[]
        {
            ("appels-decroches", "2020", 74.53, "Année COVID – indicateur alors suivi sous l'intitulé « taux d'appels perdus »"),
            ("appels-decroches", "2021", null, "Changement appellation de l'indicateur + MAJ de l'application par le support"),
            ("appels-decroches", "2022", null, "Rattachement DDETSPP-Mérande le 25/10/22"),
            ("appels-decroches", "2023", null, "Problèmes dus au rattachement de la DDETSPP. Intervention de l'agent de téléphonie"),
            ("engagement-reseaux-sociaux", "2023", 11.4, "Plus de 11 %, très au-dessus de la cible nationale de 2 %"),
            ("engagement-reseaux-sociaux", "2024", 10.8, null), ("engagement-reseaux-sociaux", "2025", 9.6, null),
            ("engagement-reseaux-sociaux", "2026-T1", 9.1, null), ("engagement-reseaux-sociaux", "2026-T2", 8.7, null), ("engagement-reseaux-sociaux", "2026-T3", 9.4, null),
            ("sp-satisfaction-telephone", "2024", 78, "Enquête générale de satisfaction complétée des questions SP+"), ("sp-satisfaction-telephone", "2025", 80, null),
            ("sp-ressenti-accueil", "2024", 92, null), ("sp-ressenti-accueil", "2025", 93, null),
            ("sp-ressenti-contact", "2024", 81, null), ("sp-ressenti-contact", "2025", 83, null),
            ("sp-ressenti-accompagnement", "2024", 86, null), ("sp-ressenti-accompagnement", "2025", 87, null),
            ("sp-ressenti-delais", "2024", 74, null), ("sp-ressenti-delais", "2025", 77, null),
            ("sp-ressenti-information", "2024", 88, null), ("sp-ressenti-information", "2025", 89, null),
        };
        foreach (var (code, period, value, comment) in entered)
        {
            db.Add(new IndicatorValue
            {
                StructureId = savoie.Id,
                IndicatorId = indicators[code].Id,
                Period = period,
                Value = value,
                Comment = comment,
                EnteredBy = "Cellule de la performance (reprise du bilan)",
                EnteredAt = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<DateOnly> WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (FrenchHolidays.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }
        return days;
    }

    /// <summary>Splits a total into integer parts proportional to weights, summing exactly to the total (largest remainders).</summary>
    private static int[] Split(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var parts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var index in exact.Select((e, i) => (Remainder: e - Math.Floor(e), i)).OrderByDescending(x => x.Remainder).Take(total - parts.Sum()).Select(x => x.i))
        {
            parts[index]++;
        }
        return parts;
    }

    private static string Text(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
