using System.Text.Json;

namespace Cifar10.Tests.Shared;

/// <summary>Assertions on the RFC 7807 problem details the classifier endpoint answers errors with.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts <paramref name="response"/> is problem details with <paramref name="status"/> and a one-line detail containing <paramref name="expected"/>.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, int status, string expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail);
        Assert.DoesNotContain('\n', detail);
        return problem;
    }
}
