import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds Seuil's installers from the shaded jar: a jar holding only this system's sqlite natives,
 * a jlink runtime of the modules jdeps finds (plus those loaded by name), an app image, and this
 * system's package (.deb, .msi or .dmg), all in {@code target/installer}.
 *
 * <p>Run by the {@code installer} Maven profile through the source launcher ({@code java
 * installer/Packager.java}), so it needs no plugin beyond those the build already resolves
 * offline, and runs the same on Linux, Windows and macOS. jdeps, jlink and jpackage are called
 * in-process through {@link ToolProvider}, from the JDK that runs Maven. The jpackage options
 * themselves live in {@code installer/jpackage/*.args}, shared with the manual commands in
 * {@code docs/installers.md}.
 *
 * <p>Arguments (after a {@code --}; what comes before it is the plugin's class path, ignored):
 * {@code os version keep-natives extra-modules}, e.g. {@code linux 0.1.0-SNAPSHOT
 * Linux/x86_64,Linux/aarch64 jdk.crypto.ec,jdk.localedata}.
 */
public final class Packager {
    private static final String SQLITE_NATIVES = "org/sqlite/native/";

    private final String os;
    private final String version;
    private final List<String> keptNatives;
    private final String extraModules;
    private final Path target = Path.of("target");
    private final Path out = target.resolve("installer");

    private Packager(String os, String version, List<String> keptNatives, String extraModules) {
        this.os = os;
        this.version = version;
        this.keptNatives = keptNatives;
        this.extraModules = extraModules;
    }

    public static void main(String[] args) {
        List<String> all = Arrays.asList(args);
        int separator = all.indexOf("--");
        List<String> own = separator < 0 ? all : all.subList(separator + 1, all.size());
        if (own.size() != 4) {
            System.err.println("usage: java installer/Packager.java [...] -- OS VERSION KEEP-NATIVES EXTRA-MODULES");
            System.exit(2);
        }
        if (!List.of("linux", "windows", "macos").contains(own.get(0))) {
            System.err.println("installer: no installer for this system (" + System.getProperty("os.name")
                    + "): jpackage builds .deb on Linux, .msi on Windows, .dmg on macOS");
            System.exit(2);
        }
        try {
            new Packager(own.get(0), own.get(1), List.of(own.get(2).split(",")), own.get(3)).build();
        } catch (IOException | RuntimeException e) {
            System.err.println("installer: " + e.getMessage());
            System.exit(1);
        }
    }

    private void build() throws IOException {
        Path shaded = target.resolve("seuil.jar");
        if (!Files.isRegularFile(shaded)) {
            throw new IllegalStateException(shaded + " is missing: run the package phase first");
        }
        deleteTree(out);
        Path input = Files.createDirectories(out.resolve("input"));
        Path jar = input.resolve("seuil.jar");
        int dropped = copyWithoutOtherNatives(shaded, jar);
        System.out.printf("installer: %s without %d other systems' sqlite natives (%s -> %s)%n",
                jar, dropped, megabytes(Files.size(shaded)), megabytes(Files.size(jar)));

        String modules = run("jdeps", "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", "17", jar.toString()).trim() + "," + extraModules;
        System.out.println("installer: runtime modules " + modules);

        Path runtime = out.resolve("runtime");
        run("jlink", "--add-modules", modules, "--include-locales=en,fr", "--strip-debug",
                "--no-header-files", "--no-man-pages",
                "--generate-cds-archive", "--output", runtime.toString());
        // The archive for heaps over 32 GB (uncompressed object pointers): ~10 MB no desktop uses.
        Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));

        // jpackage wants a plain number: 0.1.0-SNAPSHOT is packaged as 0.1.0.
        String appVersion = version.replaceFirst("-.*$", "");
        Path images = out.resolve("image");
        run("jpackage", "--type", "app-image", "@installer/jpackage/common.args", "@installer/jpackage/app.args",
                "@installer/jpackage/" + os + "-app.args", "--app-version", appVersion,
                "--input", input.toString(), "--runtime-image", runtime.toString(),
                "--dest", images.toString());
        Path image;
        try (Stream<Path> built = Files.list(images)) {
            image = built.findFirst().orElseThrow(() -> new IllegalStateException("jpackage made no app image"));
        }
        copyMapWriter(image);
        System.out.printf("installer: app image %s (%s)%n", image, megabytes(treeSize(image)));

        run("jpackage", "@installer/jpackage/common.args", "@installer/jpackage/" + os + "-package.args",
                "--app-version", appVersion, "--app-image", image.toString(), "--dest", out.toString());
        try (Stream<Path> built = Files.list(out)) {
            for (Path p : (Iterable<Path>) built.filter(Files::isRegularFile)::iterator) {
                System.out.printf("installer: package %s (%s)%n", p, megabytes(Files.size(p)));
            }
        }
    }

    /**
     * Ships the jars of `seuil maps build` (target/mapwriter, made by -Pmapwriter) in a
     * mapwriter/ folder beside seuil.jar, where MapWriterRuntime looks. They are copied into the
     * app image, not into jpackage's --input: jpackage puts every jar of --input on the class
     * path, and the writer's mapsforge 0.4.1 and protobuf 2.6 must not be on the app's.
     */
    private void copyMapWriter(Path image) throws IOException {
        Path jars = target.resolve("mapwriter");
        if (!Files.isDirectory(jars)) {
            System.out.println("installer: no target/mapwriter (build with -Pmapwriter to ship `seuil maps build`)");
            return;
        }
        Path appJar;
        try (Stream<Path> files = Files.walk(image)) {
            appJar = files.filter(p -> p.getFileName().toString().equals("seuil.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seuil.jar in the app image " + image));
        }
        Path folder = Files.createDirectories(appJar.resolveSibling("mapwriter"));
        long bytes = 0;
        try (Stream<Path> files = Files.list(jars)) {
            for (Path jar : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                Files.copy(jar, folder.resolve(jar.getFileName()));
                bytes += Files.size(jar);
            }
        }
        System.out.printf("installer: map writer jars in %s (%s)%n", folder, megabytes(bytes));
    }

    /** Copies the jar, leaving out the sqlite natives of every system but the kept ones. */
    private int copyWithoutOtherNatives(Path from, Path to) throws IOException {
        int dropped = 0;
        try (ZipFile zip = new ZipFile(from.toFile());
             ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(to))) {
            copy.setLevel(9);
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (isOtherSystemsNative(entry.getName())) {
                    dropped++;
                    continue;
                }
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                copy.putNextEntry(kept);
                zip.getInputStream(entry).transferTo(copy);
                copy.closeEntry();
            }
        }
        return dropped;
    }

    private boolean isOtherSystemsNative(String name) {
        if (!name.startsWith(SQLITE_NATIVES) || name.endsWith("/")) {
            return false;
        }
        String systemAndArch = name.substring(SQLITE_NATIVES.length());
        return keptNatives.stream().noneMatch(kept -> systemAndArch.startsWith(kept + "/"));
    }

    /** Runs a JDK tool in this process; returns what it printed, or fails with what it said. */
    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                tool + " is not in this JDK (" + System.getProperty("java.home") + "): use a full JDK 17 or newer"));
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        System.out.println("installer: " + tool + " " + String.join(" ", args));
        int status = provider.run(new PrintWriter(output, true), new PrintWriter(errors, true), args);
        if (!errors.toString().isBlank()) {
            System.err.print(errors);
        }
        if (status != 0) {
            throw new IllegalStateException(tool + " failed (exit " + status + "): " + output + errors);
        }
        return output.toString();
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_000_000.0);
    }
}
