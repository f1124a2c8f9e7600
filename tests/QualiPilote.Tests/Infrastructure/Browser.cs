using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Infrastructure;

/// <summary>Plays a user in front of the pages: keeps cookies, does not follow redirects (so tests see them),
/// reads pages with AngleSharp and submits their forms with the antiforgery token they carry.</summary>
public sealed class Browser(HttpClient client, CookieContainer? cookies = null) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IHtmlDocument, string> Urls = [];

    public HttpClient Client { get; } = client;

    public static Browser Anonymous(AppFactory factory)
    {
        var cookies = new CookieContainer();
        return new(factory.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>The Cookie header this browser sends to <paramref name="address"/>.</summary>
    public string Cookies(Uri address) => cookies?.GetCookieHeader(address) ?? "";

    public static async Task<Browser> LoginAsync(AppFactory factory, string email, string password = DemoData.Password)
    {
        var browser = Anonymous(factory);
        var page = await browser.GetPageAsync("/connexion");
        var response = await browser.SubmitAsync(page, "main form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/connexion", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Connexion de {email} refusée ({response.StatusCode}).");
        }
        return browser;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GETs a page that must answer 200, and parses it.</summary>
    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} : {(int)response.StatusCode} {response.StatusCode}{Environment.NewLine}{html[..Math.Min(html.Length, 2000)]}");
        }
        var page = Parse(html);
        Urls.AddOrUpdate(page, url);
        return page;
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    /// <summary>Submits a form of the page: its current fields (hidden ones and the antiforgery token included),
    /// with <paramref name="values"/> replacing fields of the same name. For a checkbox list, a value of several lines
    /// checks one box per line. Files go in <paramref name="files"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string formSelector, Dictionary<string, string> values,
        Dictionary<string, (string FileName, byte[] Content)>? files = null, string? action = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"Aucun formulaire « {formSelector} » dans la page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled && input.Type is not ("submit" or "file" or "button"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.SelectedOptions.Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name, textArea.Value));
                    break;
            }
        }
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            var isList = form.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == name && i.Type == "checkbox");
            fields.AddRange(isList
                ? value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(v => new KeyValuePair<string, string>(name, v))
                : [new KeyValuePair<string, string>(name, value)]);
        }

        var target = action
            ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? null : form.GetAttribute("action"))
            ?? (Urls.TryGetValue(page, out var url) ? url : throw new InvalidOperationException("Page sans adresse : lisez-la avec GetPageAsync."));
        HttpContent content;
        if (files is not null || form.Enctype == "multipart/form-data")
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }
            foreach (var (name, (fileName, bytes)) in files ?? [])
            {
                multipart.Add(new ByteArrayContent(bytes), name, fileName);
            }
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }
        return await Client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>Posts to any page with a valid antiforgery token (taken from the home page's logout or any form).</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string>? values = null)
    {
        var token = await AntiforgeryTokenAsync();
        var fields = new List<KeyValuePair<string, string>>(values ?? []) { new("__RequestVerificationToken", token) };
        return await Client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private string? _token;

    private async Task<string> AntiforgeryTokenAsync()
    {
        if (_token is not null)
        {
            return _token;
        }
        foreach (var url in new[] { "/", "/connexion" })
        {
            var page = Parse(await (await GetAsync(url)).Content.ReadAsStringAsync());
            if (page.QuerySelector("input[name=__RequestVerificationToken]") is IHtmlInputElement input)
            {
                return _token = input.Value;
            }
        }
        throw new InvalidOperationException("Aucun jeton antiforgery trouvé.");
    }

    public void Dispose() => Client.Dispose();
}
