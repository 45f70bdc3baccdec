using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Tests.Shared;

namespace Cifar10.Core.Tests;

/// <summary>The download path, against a small archive served on 127.0.0.1.</summary>
public sealed class CifarDownloadTests : IDisposable
{
    readonly TempDirectory _temp = new();
    readonly HttpListener _server = new();
    readonly byte[] _archive;
    readonly string _url;

    public CifarDownloadTests()
    {
        _archive = MakeArchive();
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}/";
        _server.Prefixes.Add(_url);
        _server.Start();
        _ = Task.Run(Serve);
    }

    [Fact]
    public async Task Downloads_verifies_and_extracts_when_nothing_else_is_found()
    {
        var source = new CifarDownloadSource(new Uri(_url + "cifar-10-binary.tar.gz"), Convert.ToHexStringLower(MD5.HashData(_archive)));
        var locator = new CifarDataLocator { CacheDirectory = _temp.File("artifacts"), BesideRepositoryDirectory = null, DownloadSource = source };
        var directory = await WithoutEnvironmentVariable(() => locator.LocateAsync(null));
        Assert.Equal(Path.Combine(_temp.File("artifacts"), "data", CifarDataLocator.BatchesFolder), directory);
        using var data = CifarBinaryReader.ReadDataset(directory);
        Assert.Equal(50_000, data.Train.Count);
        // Second call finds the extracted copy without downloading.
        Assert.Equal(directory, await WithoutEnvironmentVariable(() => locator.LocateAsync(null)));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Path.GetDirectoryName(directory)!), p => Path.GetFileName(p).StartsWith('.'));
    }

    [Fact]
    public async Task A_wrong_md5_fails_and_leaves_nothing_behind()
    {
        var source = new CifarDownloadSource(new Uri(_url + "cifar-10-binary.tar.gz"), "c32a1d4ab5d03f1284b67883e8d87530");
        var locator = new CifarDataLocator { CacheDirectory = _temp.File("artifacts"), BesideRepositoryDirectory = null, DownloadSource = source };
        var error = await Assert.ThrowsAsync<CifarException>(() => WithoutEnvironmentVariable(() => locator.LocateAsync(null)));
        Assert.Contains("does not match the expected c32a1d4ab5d03f1284b67883e8d87530", error.Message);
        Assert.Contains("give a data directory, set CIFAR10_DATA, or put it in", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.File("artifacts/data")));
    }

    [Fact]
    public async Task An_unreachable_server_names_the_three_ways_to_provide_the_data()
    {
        var source = new CifarDownloadSource(new Uri($"http://127.0.0.1:{FreePort()}/missing.tar.gz"), "00");
        var locator = new CifarDataLocator { CacheDirectory = _temp.File("artifacts"), BesideRepositoryDirectory = null, DownloadSource = source };
        var error = await Assert.ThrowsAsync<CifarException>(() => WithoutEnvironmentVariable(() => locator.LocateAsync(null)));
        Assert.StartsWith("CIFAR-10 not found: give a data directory, set CIFAR10_DATA, or put it in", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task An_explicit_directory_wins_and_its_parent_is_accepted()
    {
        var folder = CifarFixtures.WriteValidFolder(_temp.File(CifarDataLocator.BatchesFolder));
        var locator = new CifarDataLocator { CacheDirectory = _temp.File("artifacts") };
        Assert.Equal(folder, await locator.LocateAsync(folder));
        Assert.Equal(folder, await locator.LocateAsync(_temp.Path));
        var error = await Assert.ThrowsAsync<InvalidSettingException>(() => locator.LocateAsync(_temp.File("nope")));
        Assert.Equal($"DataDirectory {_temp.File("nope")}: data directory does not exist.", error.Message);
    }

    [Fact]
    public async Task A_copy_beside_the_repository_is_found_without_options_or_environment()
    {
        var folder = CifarFixtures.WriteValidFolder(_temp.File(Path.Combine("shared", "cifar10", CifarDataLocator.BatchesFolder)));
        var locator = new CifarDataLocator { CacheDirectory = _temp.File("artifacts"), BesideRepositoryDirectory = _temp.File(Path.Combine("shared", "cifar10")) };
        Assert.Equal(folder, await WithoutEnvironmentVariable(() => locator.LocateAsync(null)));
    }

    [Fact]
    public async Task CIFAR10_HOME_moves_the_cache_and_a_download_goes_there()
    {
        var home = _temp.File("home");
        var folder = CifarFixtures.WriteValidFolder(Path.Combine(home, "data", CifarDataLocator.BatchesFolder));
        var located = await WithEnvironment(CifarHome.EnvironmentVariable, home, async () =>
        {
            Assert.Equal(Path.GetFullPath(home), CifarHome.Directory);
            return await new CifarDataLocator { BesideRepositoryDirectory = null }.LocateAsync(null);
        });
        Assert.Equal(Path.GetFullPath(folder), Path.GetFullPath(located));
    }

    [Fact]
    public async Task Without_CIFAR10_HOME_the_cache_is_per_user_not_the_working_directory()
    {
        var directory = await WithEnvironment(CifarHome.EnvironmentVariable, null, () => Task.FromResult(CifarHome.Directory));
        Assert.Equal("cifar10", Path.GetFileName(directory));
        Assert.True(Path.IsPathRooted(directory));
        Assert.False(directory.StartsWith(Environment.CurrentDirectory, StringComparison.Ordinal), directory);
    }

    static async Task<T> WithEnvironment<T>(string variable, string? value, Func<Task<T>> action)
    {
        var saved = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, value);
        try { return await WithoutEnvironmentVariable(action); }
        finally { Environment.SetEnvironmentVariable(variable, saved); }
    }

    static readonly SemaphoreSlim EnvironmentLock = new(1, 1);

    // The locator reads CIFAR10_DATA first; these tests need it unset while they run.
    static async Task<T> WithoutEnvironmentVariable<T>(Func<Task<T>> action)
    {
        await EnvironmentLock.WaitAsync();
        var saved = Environment.GetEnvironmentVariable(CifarDataLocator.EnvironmentVariable);
        Environment.SetEnvironmentVariable(CifarDataLocator.EnvironmentVariable, null);
        try { return await action(); }
        finally
        {
            Environment.SetEnvironmentVariable(CifarDataLocator.EnvironmentVariable, saved);
            EnvironmentLock.Release();
        }
    }

    byte[] MakeArchive()
    {
        var folder = CifarFixtures.WriteValidFolder(_temp.File("src/" + CifarDataLocator.BatchesFolder), randomPixels: false);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: true);
        Directory.Delete(_temp.File("src"), true);
        return buffer.ToArray();
    }

    async Task Serve()
    {
        while (_server.IsListening)
        {
            HttpListenerContext context;
            try { context = await _server.GetContextAsync(); } catch { return; }
            if (context.Request.Url!.AbsolutePath.EndsWith("cifar-10-binary.tar.gz"))
            {
                context.Response.ContentLength64 = _archive.Length;
                await context.Response.OutputStream.WriteAsync(_archive);
            }
            else context.Response.StatusCode = 404;
            context.Response.Close();
        }
    }

    static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Close();
        _temp.Dispose();
    }
}
