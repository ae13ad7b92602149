using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Casussen;

/// <summary>What one casus command costs the database, counted from Npgsql's own activities on the request's trace: a
/// command reads its casus and what it needs for the accountability records, and no documents of other kinds of streams
/// (each such read is a round trip on every command; three inline projections once did that).</summary>
public sealed class RondgangenTests(CasusApi api) : IClassFixture<CasusApi>
{
    [Fact]
    public async Task A_casus_command_reads_no_documents_of_other_kinds_of_streams()
    {
        var client = api.Client();
        var id = await client.NewCasus();
        await client.Commands(id, Examples.ToInformatieDelen);
        var trace = ActivityTraceId.CreateRandom();
        var opdrachten = new ConcurrentQueue<string>();
        // Wolverine's handlers of the facts the command published run on the same trace, after the commit and concurrently
        // with the answer: their statements are theirs, not the command's. Listening to Wolverine gives them a parent to
        // tell them by (without a listener Wolverine starts no activity, and they would hang under the request's).
        using var luisteraar = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Wolverine",
            Sample = (ref ActivityCreationOptions<ActivityContext> o) =>
                o.TraceId == trace ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = a =>
            {
                if (a.Source.Name != "Npgsql") return;
                for (var ouder = a.Parent; ouder is not null; ouder = ouder.Parent)
                    if (ouder.Source.Name == "Wolverine") return;
                opdrachten.Enqueue(a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(luisteraar);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/casussen/{id}/informatieverzoeken") { Content = JsonContent.Create(Examples.Verzoek) };
        request.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");
        (await client.Send(request)).AssertStatus(HttpStatusCode.OK);

        var gelezen = opdrachten.ToList();
        Assert.NotEmpty(gelezen);
        Assert.DoesNotContain(gelezen, o => o.Contains("mt_doc_ondermijningsbeeld", StringComparison.Ordinal)
            || o.Contains("mt_doc_vernietigingslijst", StringComparison.Ordinal) || o.Contains("mt_doc_bestuurlijksignaal", StringComparison.Ordinal));
        Assert.True(gelezen.Count <= 3, $"{gelezen.Count} round trips:\n{string.Join("\n---\n", gelezen)}");
    }
}
