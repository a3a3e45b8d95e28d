package dev.dojomcp.config;

/** How the MCP server itself listens. Command-line flags override the environment. */
public record ServerSettings(Transport transport, String host, int port) {
    public static final String TRANSPORT = "MCP_TRANSPORT";
    public static final String HOST = "MCP_HOST";
    public static final String PORT = "MCP_PORT";

    public static ServerSettings from(Environment env, Transport transportFlag, String hostFlag, Integer portFlag) {
        Transport transport = transportFlag != null ? transportFlag
                : env.get(TRANSPORT).map(v -> Transport.parse(TRANSPORT, v)).orElse(Transport.STDIO);
        String host = hostFlag != null ? hostFlag : env.get(HOST).orElse("127.0.0.1");
        if (host.isBlank() || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw new ConfigException(HOST, "must be a host name or IP address");
        }
        int port = portFlag != null ? checkPort("--port", portFlag) : Settings.integer(env, PORT, 8000, 0, 65535);
        return new ServerSettings(transport, host, port);
    }

    /** Loopback by name or literal address; host names other than localhost are not resolved. */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    private static int checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(name, "must be between 0 and 65535");
        }
        return port;
    }
}
