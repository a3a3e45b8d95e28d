package dev.dojomcp.config;

public enum Transport {
    STDIO, HTTP;

    public static Transport parse(String variable, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "stdio" -> STDIO;
            case "http", "streamable-http", "streamable_http" -> HTTP;
            default -> throw new ConfigException(variable, "must be stdio or http");
        };
    }
}
