package dev.dojomcp.cli;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Transport;
import picocli.CommandLine;

final class TransportConverter implements CommandLine.ITypeConverter<Transport> {
    @Override
    public Transport convert(String value) {
        try {
            return Transport.parse("--transport", value);
        } catch (ConfigException e) {
            throw new CommandLine.TypeConversionException("must be stdio or http");
        }
    }
}
