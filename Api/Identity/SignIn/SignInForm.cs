namespace BoxOffice.Api.Identity.SignIn;

/// <summary>Reads the form of a sign-in or token request; null when it cannot be read, so that is a 400, not a 500.</summary>
public static class SignInForm
{
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return null; // over the form limits, or multipart without its boundary
        }
        catch (IOException ex) when (ex is not BadHttpRequestException)
        {
            return null; // a multipart body cut short; a body too large or too slow stays the server's refusal
        }
    }
}
