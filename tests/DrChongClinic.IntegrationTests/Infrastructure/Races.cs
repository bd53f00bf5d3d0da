using System.Net;

namespace DrChongClinic.IntegrationTests.Infrastructure;

/// <summary>The same request sent many times at the same moment, as a double click or an impatient script does.</summary>
public static class Races
{
    /// <summary>Starts <paramref name="count"/> posts together; none may answer 500. The status and page text of each.</summary>
    public static async Task<(HttpStatusCode Status, string Text)[]> RunAsync(Func<Task<HttpResponseMessage>> post, int count)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            var response = await post();
            return (response.StatusCode, Text: Html.Parse(await response.Content.ReadAsStringAsync()).Body?.TextContent ?? "");
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(posts);
        Assert.DoesNotContain(answers, a => (int)a.StatusCode >= 500);
        return answers;
    }
}
