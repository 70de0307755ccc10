using System.Net;
using System.Net.Sockets;

namespace ShareFlow.Host.Tests.Support;

public static class TcpPorts
{
    /// <summary>A loopback port free at the moment of asking, for a listener the test starts itself.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
