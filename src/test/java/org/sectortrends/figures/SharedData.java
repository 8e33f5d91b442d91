package org.sectortrends.figures;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared evaluation material, which tests read at run time and never copy. */
final class SharedData {

    private SharedData() {
    }

    /** The file under {@code ${sectortrends.shared}}; the test is skipped when it is absent. */
    static Path require(String relative) {
        Path root = Path.of(System.getProperty("sectortrends.shared", "../shared"));
        Path file = root.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared file not available: " + file);
        return file;
    }
}
