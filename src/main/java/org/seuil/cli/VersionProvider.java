package org.seuil.cli;

import picocli.CommandLine;

/** The version written in the jar's manifest by the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"seuil " + (version == null ? "development build" : version)};
    }
}
