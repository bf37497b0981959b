package dev.wharf.engine.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Date;

/** The headers dockerd puts on every reply; clients negotiate with Api-Version and read Ostype. */
public final class StandardHeaders {
    public static final String SERVER = "Wharf/0.1.0 (linux)";

    private StandardHeaders() {}

    static void apply(HttpHeaders headers) {
        headers.set("Api-Version", ApiVersion.MAX.toString());
        headers.set("Docker-Experimental", "false");
        headers.set("Ostype", "linux");
        headers.set("Server", SERVER);
        headers.set("Date", DateFormatter.format(new Date()));
    }
}
