using System.Text;

namespace Cifar10.Pipelines.Reports;

/// <summary>Builds a GitHub-flavoured Markdown table.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    readonly List<string[]> _rows = [];

    /// <summary>Adds a row (cells in header order).</summary>
    public MarkdownTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", headers) + " |");
        text.AppendLine("|" + string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in _rows) text.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|"))) + " |");
        return text.ToString();
    }
}
