package com.storefront.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Stand-in commands (pulumi, aws, git) for the script tests: each logs its call, then runs a body. */
public final class StandIns {

    private StandIns() {}

    /**
     * Writes {@code bin/name}: it appends one line per call to {@code log} (multi-line JSON arguments
     * folded onto it), sets {@code BIN} for the body, then runs {@code body}.
     */
    public static void write(Path bin, Path log, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(
                file,
                "#!/usr/bin/env bash\nBIN='" + bin + "'\n{ printf '%s' \"" + name + " $*\" | tr '\\n' ' '; echo; } >> '"
                        + log + "'\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
