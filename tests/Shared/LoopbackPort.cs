using System.Net;
using System.Net.Sockets;

namespace Cifar10.Tests.Shared;

/// <summary>Loopback ports for servers a test starts as child processes with a fixed address.</summary>
public static class LoopbackPort
{
    /// <summary>A port free right now (the OS picks it; a test binds it soon after).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
