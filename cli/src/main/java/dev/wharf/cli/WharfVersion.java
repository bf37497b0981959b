package dev.wharf.cli;

import picocli.CommandLine.IVersionProvider;

/** The client's version, shown by --version and `wharf version`. */
public final class WharfVersion implements IVersionProvider {

    public static final String VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {"Wharf version " + VERSION};
    }
}
