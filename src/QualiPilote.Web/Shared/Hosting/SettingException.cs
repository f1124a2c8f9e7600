namespace QualiPilote.Web.Shared.Hosting;

/// <summary>A setting the operator must fix: the app prints this one French line, without a stack trace, and exits with
/// <see cref="ExitCode"/>. The setting is named as an environment variable (<c>Database__Provider</c>), the way the
/// README and a systemd unit write it.</summary>
public sealed class SettingException(string setting, string problem, Exception? inner = null)
    : Exception($"Configuration : {ToVariable(setting)} – {problem}", inner)
{
    public const int ExitCode = 1;

    public string Setting { get; } = ToVariable(setting);

    private static string ToVariable(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);
}
