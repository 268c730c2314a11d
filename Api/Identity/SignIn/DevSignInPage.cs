using System.Text;
using System.Text.Encodings.Web;

namespace BoxOffice.Api.Identity.SignIn;

/// <summary>
/// The dev issuer's sign-in page, the local stand-in for Cognito's managed login: a user name, the groups to carry,
/// no password. Plain HTML without script; every value is HTML-encoded.
/// </summary>
public static class DevSignInPage
{
    /// <summary>Scripts none, styles only this page's own; the form may post here only (its redirect then goes to the site).</summary>
    public static string ContentSecurityPolicy(string siteOrigin) =>
        $"default-src 'none'; style-src 'unsafe-inline'; form-action 'self' {siteOrigin}; frame-ancestors 'none'; base-uri 'none'";

    public static string Form(AuthorizeRequest request, string adminGroup, string? username, string? usernameError)
    {
        var enc = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(Head("Sign in"));
        html.Append("<main><h1>Sign in</h1><p class=\"note\">Local dev issuer: no password. In AWS this is Cognito's managed login.</p>");
        html.Append("<form method=\"post\" action=\"/dev/oauth2/authorize\">");
        foreach (var (name, value) in request.Fields())
        {
            if (value is not null) html.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{enc.Encode(value)}\">");
        }
        html.Append("<label for=\"username\">User name</label>");
        html.Append($"<input id=\"username\" name=\"username\" autocomplete=\"username\" required maxlength=\"128\" autofocus value=\"{enc.Encode(username ?? "")}\"");
        html.Append(usernameError is null ? ">" : $" aria-invalid=\"true\" aria-describedby=\"username-error\"><p id=\"username-error\" class=\"error\">{enc.Encode(usernameError)}</p>");
        html.Append("<fieldset><legend>Groups</legend>");
        html.Append($"<label class=\"check\"><input type=\"checkbox\" name=\"groups\" value=\"{enc.Encode(adminGroup)}\"> {enc.Encode(adminGroup)}: manage shows, posters, reports</label>");
        html.Append("</fieldset><button type=\"submit\">Sign in</button></form></main></body></html>");
        return html.ToString();
    }

    public static string Refusal(string message)
    {
        var enc = HtmlEncoder.Default;
        return Head("Sign-in refused") + $"<main><h1>Sign-in refused</h1><p class=\"error\">{enc.Encode(message)}</p></main></body></html>";
    }

    private static string Head(string title) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{title} · Box office (local)</title><style>" +
        "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f1ea;color:#1d1b18}" +
        "main{max-width:24rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 4px #0002}" +
        "h1{margin-top:0}label{display:block;font-weight:600;margin:.75rem 0 .25rem}" +
        "input:not([type=checkbox]){width:100%;box-sizing:border-box;padding:.6rem;font:inherit;border:1px solid #8a8378;border-radius:.4rem}" +
        "fieldset{border:1px solid #d6d0c4;border-radius:.4rem;margin:1rem 0}.check{font-weight:400}" +
        "button{font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#8c1c13;color:#fff;cursor:pointer}" +
        "button:focus-visible,input:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}" +
        ".note{color:#5b554c;font-size:.9rem}.error{color:#a51d2d;font-weight:600}" +
        "</style></head><body>";
}
