using System.Security.Cryptography;
using System.Text;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Verantwoording;

/// <summary>The pseudonym of a data subject in the processing log: HMAC-SHA256 with a secret key over the subject's
/// normalised identifying fields (<see cref="Subject.Sleutel"/>). Stable, so an AVG art. 15 request can find every
/// record of one person, but not reversible, and never the name or BSN itself.</summary>
public sealed class Pseudonimisering(byte[] key)
{
    public const string Section = "Casus:Pseudonimisering:Sleutel";

    /// <summary>Development and tests only: a fixed, public key (production requires <see cref="Section"/>).</summary>
    public static readonly byte[] OntwikkelSleutel = SHA256.HashData("casus-ontwikkeling-pseudoniemen"u8);

    public string Van(Subject subject) => Van(subject.Sleutel);

    /// <summary>The pseudonym of the data subject identified by <paramref name="sleutel"/> (<see cref="Subject.Sleutel"/>, or a
    /// signaal's representative, <c>Indiener.Sleutel</c>).</summary>
    public string Van(string sleutel) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(sleutel)));
}
