using System.Text.RegularExpressions;

namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// A small structural reader of PromQL, enough to catch broken expressions and unknown metric
/// names: balanced brackets, well-formed label matchers and range durations, known functions and
/// aggregations, and the metric selectors an expression reads.
/// </summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "rate", "irate", "increase", "delta", "idelta", "deriv", "histogram_quantile", "absent", "absent_over_time",
        "avg_over_time", "max_over_time", "min_over_time", "sum_over_time", "count_over_time", "clamp_min", "clamp_max",
        "abs", "ceil", "floor", "round", "time", "timestamp", "vector", "scalar", "label_replace", "predict_linear",
    };

    private static readonly HashSet<string> Aggregations = new(StringComparer.Ordinal)
    {
        "sum", "avg", "min", "max", "count", "topk", "bottomk", "quantile", "stddev", "stdvar", "group", "count_values",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
    };

    /// <summary>The metric names an expression selects; throws <see cref="FormatException"/> when it is not PromQL-shaped.</summary>
    public static IReadOnlyList<string> Metrics(string expression)
    {
        CheckBalanced(expression);
        var metrics = new List<string>();

        // Label matchers: {name op "value", ...}
        var withoutMatchers = Matchers().Replace(expression, m =>
        {
            var inner = m.Groups[1].Value;
            if (inner.Trim().Length > 0 && !inner.Split(',').All(p => Matcher().IsMatch(p.Trim())))
            {
                throw new FormatException($"malformed label matchers {{{inner}}} in: {expression}");
            }

            return " ";
        });
        foreach (Match range in Ranges().Matches(withoutMatchers))
        {
            if (!Duration().IsMatch(range.Groups[1].Value))
            {
                throw new FormatException($"malformed range [{range.Groups[1].Value}] in: {expression}");
            }
        }

        var plain = Grouping().Replace(Ranges().Replace(withoutMatchers, " "), " ");
        foreach (Match token in Identifier().Matches(plain))
        {
            var name = token.Groups[1].Value;
            var call = token.Groups[2].Success;
            if (Keywords.Contains(name))
            {
                continue;
            }

            if (call)
            {
                if (!Functions.Contains(name) && !Aggregations.Contains(name))
                {
                    throw new FormatException($"unknown function {name}() in: {expression}");
                }
            }
            else if (!Aggregations.Contains(name))
            {
                metrics.Add(name);
            }
        }

        if (metrics.Count == 0)
        {
            throw new FormatException($"no metric selected in: {expression}");
        }

        return metrics;
    }

    private static void CheckBalanced(string expression)
    {
        var stack = new Stack<char>();
        var inString = false;
        foreach (var c in expression)
        {
            if (c == '"')
            {
                inString = !inString;
                continue;
            }

            if (inString)
            {
                continue;
            }

            switch (c)
            {
                case '(' or '{' or '[':
                    stack.Push(c);
                    break;
                case ')' or '}' or ']':
                    var open = stack.Count > 0 ? stack.Pop() : '\0';
                    if ((open, c) is not (('(', ')') or ('{', '}') or ('[', ']')))
                    {
                        throw new FormatException($"unbalanced '{c}' in: {expression}");
                    }

                    break;
            }
        }

        if (stack.Count > 0 || inString)
        {
            throw new FormatException($"unclosed bracket or string in: {expression}");
        }
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"^[a-zA-Z_][a-zA-Z0-9_]*\s*(=~|!~|!=|=)\s*""[^""]*""$")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"^\d+[smhdwy](:\d*[smhdwy])?$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?")]
    private static partial Regex Identifier();
}
