using System.Globalization;
using QualiPilote.Web.Shared;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QualiPilote.Web.Features.Referentials;

/// <summary>Reads the referential data format (French keys, see referentials/*.yaml). JSON is read by the same
/// parser, YAML being a superset of it, so that both formats report the line of each error.</summary>
public static class ReferentialYamlReader
{
    /// <summary>Reads the document, or returns null when the file is not readable at all (the reason is in <paramref name="errors"/>).</summary>
    public static ReferentialDocument? Read(TextReader text, List<FieldError> errors)
    {
        var document = new ReferentialDocument();
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            errors.Add(new FieldError(checked((int)e.Start.Line), "fichier", $"syntaxe invalide ({FirstSentence(e.Message)})."));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated lists or quotes, without a position.
            errors.Add(new FieldError(null, "fichier", "syntaxe invalide : une liste, une accolade ou des guillemets ne sont pas refermés."));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new FieldError(1, "fichier", "le fichier doit décrire un référentiel (clés referentiel, nom, version, date_effet, modules)."));
            return null;
        }

        document.Code = Text(root, "referentiel");
        document.Name = Text(root, "nom");
        document.Version = Text(root, "version");
        document.Notice = Text(root, "avertissement");
        document.EffectiveFrom = Date(root, "date_effet", errors);
        document.RequiredBusinessModules = Integer(root, "modules_metier_requis", errors) ?? 0;

        foreach (var moduleNode in Sequence(root, "modules", errors))
        {
            var module = new ModuleDocument
            {
                Line = LineOf(moduleNode),
                Number = Integer(moduleNode, "numero", errors),
                Title = Text(moduleNode, "titre"),
                IsMandatory = Boolean(moduleNode, "socle", errors),
                OfficialTextMissing = Boolean(moduleNode, "a_importer", errors) ?? false,
            };
            document.Modules.Add(module);
            foreach (var engagementNode in Sequence(moduleNode, "engagements", errors))
            {
                var engagement = new EngagementDocument
                {
                    Line = LineOf(engagementNode),
                    Number = Integer(engagementNode, "numero", errors),
                    Text = Text(engagementNode, "texte"),
                    OfficialTextMissing = Boolean(engagementNode, "a_importer", errors) ?? false,
                };
                module.Engagements.Add(engagement);
                foreach (var requirementNode in Sequence(engagementNode, "sous_engagements", errors))
                {
                    engagement.Requirements.Add(new RequirementDocument
                    {
                        Line = LineOf(requirementNode),
                        Text = requirementNode is YamlScalarNode scalar ? scalar.Value : Text(requirementNode, "texte"),
                        OfficialTextMissing = requirementNode is YamlMappingNode && (Boolean(requirementNode, "a_importer", errors) ?? false),
                    });
                }
            }
        }
        return document;
    }

    private static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    private static string FirstSentence(string message)
    {
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message[(index + 3)..].Trim() : message;
    }

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Text(YamlNode node, string key) =>
        Child(node, key) is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value) && value != "null" ? value.Trim() : null;

    private static int? Integer(YamlNode node, string key, List<FieldError> errors)
    {
        var child = Child(node, key);
        if (child is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(new FieldError(LineOf(child), key, $"« {value} » n'est pas un nombre entier."));
        return null;
    }

    private static bool? Boolean(YamlNode node, string key, List<FieldError> errors)
    {
        var child = Child(node, key);
        if (child is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!YesNo.TryParse(value, out var parsed))
        {
            errors.Add(new FieldError(LineOf(child), key, $"« {value} » : valeur attendue true/false (ou oui/non)."));
        }
        return parsed;
    }

    private static DateOnly? Date(YamlNode node, string key, List<FieldError> errors)
    {
        var child = Child(node, key);
        if (child is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (FrenchDates.TryParse(value, out var date))
        {
            return date;
        }
        errors.Add(new FieldError(LineOf(child), key, $"« {value} » n'est pas une date (formats attendus : 2024-02-01 ou 01/02/2024)."));
        return null;
    }

    private static IEnumerable<YamlNode> Sequence(YamlNode node, string key, List<FieldError> errors)
    {
        var child = Child(node, key);
        switch (child)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children;
            default:
                errors.Add(new FieldError(LineOf(child), key, "une liste est attendue."));
                return [];
        }
    }
}
