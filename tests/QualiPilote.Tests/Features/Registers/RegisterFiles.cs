using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using QualiPilote.Web.Features.Registers;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>Register files built for the tests, and the API call that imports them.</summary>
public static class RegisterFiles
{
    public const string Header = "reference;service;canal;recu_le;repondu_le;contact";

    /// <summary>The seed's 2020-2023 table (bilan 2023, section V) as a register: per channel and year, answered items of which so many
    /// on time (answered the next day) and the others late (answered 40 days later), plus items without contact.</summary>
    public static readonly (string Channel, int Year, int Answered, int OnTime, int WithoutContact)[] SeedTable =
    [
        ("courrier", 2020, 200, 170, 0), ("courrier", 2021, 460, 393, 0), ("courrier", 2022, 190, 181, 0), ("courrier", 2023, 500, 441, 3),
        ("courriel", 2020, 200, 151, 0), ("courriel", 2021, 267, 249, 0), ("courriel", 2022, 290, 250, 0), ("courriel", 2023, 280, 264, 0),
        ("reclamation", 2020, 25, 22, 0), ("reclamation", 2021, 12, 12, 0), ("reclamation", 2022, 9, 9, 0), ("reclamation", 2023, 1, 1, 4),
    ];

    public static string SeedTableCsv(params string[] services)
    {
        var csv = new StringBuilder(Header).Append('\n');
        var number = 0;
        foreach (var (channel, year, answered, onTime, withoutContact) in SeedTable)
        {
            var total = answered + withoutContact;
            for (var i = 0; i < total; i++)
            {
                var received = new DateOnly(year, 1, 5).AddDays(i * 340 / total);
                var answer = i >= answered ? "" : Date(received.AddDays(i < onTime ? 1 : 40));
                csv.Append(CultureInfo.InvariantCulture, $"S-{++number:00000};{services[i % services.Length]};{channel};{Date(received)};{answer};{(i >= answered ? "non" : "oui")}\n");
            }
        }
        return csv.ToString();
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Windows1252(string text) => FrenchText.Windows1252.GetBytes(text);

    public static async Task<HttpResponseMessage> ImportAsync(HttpClient api, string structure, string register, byte[] content, string fileName = "registre.csv",
        string query = "")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        return await api.PostAsync(new Uri($"/api/v1/structures/{structure}/registers/{register}{query}", UriKind.Relative), form);
    }
}
