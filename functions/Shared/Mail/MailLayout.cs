using System.Net;
using System.Text;

namespace Covacha.Shared.Mail;

/// <summary>
/// Renders a mail from its parts as plain text and as HTML. Every piece of data is HTML-escaped
/// (a display name like <c>&lt;b&gt;Ana</c> arrives as text), and the one link is also escaped
/// for its attribute; nothing in a template is raw HTML from data.
/// </summary>
public static class MailLayout
{
    public static OutgoingMail Render(string to, string subject, string greeting, IReadOnlyList<string> paragraphs,
        MailButton? button = null, string? footer = null)
    {
        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (button is not null)
        {
            text.Append(button.Label).Append(":\n").Append(button.Url).Append("\n\n");
        }

        if (footer is not null)
        {
            text.Append("-- \n").Append(footer).Append('\n');
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Escape(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2328;line-height:1.5;max-width:560px;margin:24px auto;padding:0 16px\">")
            .Append("<p>").Append(Escape(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(Escape(paragraph)).Append("</p>");
        }

        if (button is not null)
        {
            html.Append("<p><a href=\"").Append(Escape(button.Url))
                .Append("\" style=\"display:inline-block;background:#0b5cad;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none\">")
                .Append(Escape(button.Label)).Append("</a></p>")
                .Append("<p style=\"font-size:13px;color:#57606a\">").Append(Escape(button.Url)).Append("</p>");
        }

        if (footer is not null)
        {
            html.Append("<hr style=\"border:none;border-top:1px solid #d0d7de\"><p style=\"font-size:13px;color:#57606a\">")
                .Append(Escape(footer)).Append("</p>");
        }

        html.Append("</body></html>");
        return new OutgoingMail(to, subject, text.ToString(), html.ToString());
    }

    private static string Escape(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>The call to action of a mail: a label and the absolute link it opens.</summary>
public sealed record MailButton(string Label, string Url);
