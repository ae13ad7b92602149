using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Verantwoording;

namespace Casus.Api.Tests.HttpGedrag;

/// <summary>A real unexpected failure (here: the database refuses the audit record of a successful command with an error
/// nobody planned for) is 500 <c>interne-fout</c> with Dutch text and the trace id, and tells nothing of the inside: no exception type,
/// message, SQL state or stack trace. Nothing was committed, and the failure itself is in the audit log.</summary>
public sealed class InterneFoutTests(CasusApi api) : IClassFixture<CasusApi>
{
    private const string Geheim = "interne-sabotage-7f3a";

    [Fact]
    public async Task An_unexpected_exception_is_500_interne_fout_without_internal_detail()
    {
        var client = api.Client();
        var id = await client.NewCasus();
        var versie = await client.Version(id);
        var db = new LogReader(api.ConnectionString);
        await db.Execute($"""
            create function casus.sabotage() returns trigger language plpgsql as $$ begin raise exception '{Geheim}'; end $$;
            create trigger sabotage before insert on casus.auditlog for each row when (new.resultaat < 400) execute function casus.sabotage();
            """);

        var response = await client.Command(id, "verkenning", Examples.Verkenning);

        response.AssertStatus(HttpStatusCode.InternalServerError);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("interne-fout", response.Code);
        Assert.Equal("Interne fout", response.Body!["title"]!.GetValue<string>());
        Assert.StartsWith("Er ging iets mis", response.Body["detail"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", response.Body["traceId"]!.GetValue<string>());
        var tekst = response.Body.ToJsonString();
        foreach (var intern in new[] { Geheim, "Exception", "Npgsql", "P0001", "plpgsql", " at ", "Casus.Api", ".cs" })
            Assert.DoesNotContain(intern, tekst, StringComparison.OrdinalIgnoreCase);

        await db.Execute("drop trigger sabotage on casus.auditlog; drop function casus.sabotage();");
        Assert.Equal(versie, await client.Version(id));
        var audit = await db.Rows("select resultaat, reden from casus.auditlog where casus_id = $1 and resultaat >= 500", id);
        Assert.StartsWith("onverwachte fout: ", (string)Assert.Single(audit)["reden"]!);
    }
}
