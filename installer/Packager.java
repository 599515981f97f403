import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * Linux/x86_64,Linux/aarch64 jdk.crypto.ec,jdk.localedata}, then optionally the Monocle jar
 * ({@code org.testfx:openjfx-monocle}) that lets the class list for class-data sharing be recorded
 * without a display (docs/decisions/0007-app-class-data-sharing.md).
 */
public final class Packager {
    private static final String SQLITE_NATIVES = "org/sqlite/native/";

    private final String os;
    private final String version;
    private final List<String> keptNatives;
    private final String extraModules;
    private final Path monocle;
    private final Path target = Path.of("target");
    private final Path out = target.resolve("installer");

    private Packager(String os, String version, List<String> keptNatives, String extraModules, Path monocle) {
        this.os = os;
        this.version = version;
        this.keptNatives = keptNatives;
        this.extraModules = extraModules;
        this.monocle = monocle;
    }

    public static void main(String[] args) {
        List<String> all = Arrays.asList(args);
        int separator = all.indexOf("--");
        List<String> own = separator < 0 ? all : all.subList(separator + 1, all.size());
        if (own.size() != 4 && own.size() != 5) {
            System.err.println("usage: java installer/Packager.java [...] -- OS VERSION KEEP-NATIVES EXTRA-MODULES [MONOCLE-JAR]");
            System.exit(2);
        }
        if (!List.of("linux", "windows", "macos").contains(own.get(0))) {
            System.err.println("installer: no installer for this system (" + System.getProperty("os.name")
                    + "): jpackage builds .deb on Linux, .msi on Windows, .dmg on macOS");
            System.exit(2);
        }
        try {
            new Packager(own.get(0), own.get(1), List.of(own.get(2).split(",")), own.get(3),
                    own.size() == 5 ? Path.of(own.get(4)) : null).build();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("installer: " + e.getMessage());
            System.exit(1);
        }
    }

    private void build() throws IOException, InterruptedException {
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
        if (os.equals("linux")) {
            copyNativesBesideJar(jar);
        }

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
        Path classList = null;
        if (os.equals("linux")) {
            classList = recordClassList(runtime, appJar(image));
            copyStartScript(image);
        }
        System.out.printf("installer: app image %s (%s)%n", image, megabytes(treeSize(image)));

        run("jpackage", "@installer/jpackage/common.args", "@installer/jpackage/" + os + "-package.args",
                "--app-version", appVersion, "--app-image", image.toString(), "--dest", out.toString());
        try (Stream<Path> built = Files.list(out)) {
            for (Path p : (Iterable<Path>) built.filter(Files::isRegularFile)::iterator) {
                System.out.printf("installer: package %s (%s)%n", p, megabytes(Files.size(p)));
            }
        }
        if (classList != null) {
            // After the package, which makes its own archive at install time (postinst): this one is
            // for the app image run in place, from this path only.
            dumpArchive(image.resolve("lib/runtime"), appJar(image), classList);
        }
    }

    /**
     * Writes {@code seuil.classlist} beside the jar: the classes (and lambda shapes) Seuil loads
     * from its start to its first frame, and those of an OSM import. The app is run once on a
     * store of three places, headless through Monocle with the software renderer, with
     * {@code -XX:DumpLoadedClassList}; Monocle's own classes are left out of the list. The
     * launcher uses the archive made from this list (postinst, {@link #dumpArchive}) through
     * {@code -XX:SharedArchiveFile} in linux-app.args. Returns null, after saying why, when the
     * list cannot be recorded: the package then starts without the archive, as before.
     */
    private Path recordClassList(Path runtime, Path jar) throws IOException, InterruptedException {
        if (monocle == null || !Files.isRegularFile(monocle)) {
            System.out.println("installer: WARNING no Monocle jar (" + monocle + "): no class-data-sharing archive;"
                    + " the app starts without it");
            return null;
        }
        Path work = Files.createDirectories(out.resolve("classlist"));
        Path javaCommand = runtime.resolve("bin/java");
        Path store = work.resolve("seed.db");
        Path importList = work.resolve("import.classlist");
        Path appList = work.resolve("app.classlist");
        boolean imported = runJava(work, "import", List.of(javaCommand.toString(), "-XX:DumpLoadedClassList=" + importList,
                "-cp", jar.toString(), "org.seuil.cli.Main", "import", "osm", Path.of("installer/cds/seed.osm").toString(),
                "--db", store.toString()));
        boolean opened = imported && runJava(work, "app", List.of(javaCommand.toString(), "-XX:DumpLoadedClassList=" + appList,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djavafx.cachedir=" + work.resolve("openjfx"), "-Dseuil.measureStartup=exit",
                "-cp", jar + java.io.File.pathSeparator + monocle, "org.seuil.cli.Main",
                "app", "--db", store.toString(), "--data-dir", work.resolve("data").toString()));
        if (!opened) {
            return null;
        }
        Set<String> lines = new LinkedHashSet<>(Files.readAllLines(appList));
        lines.addAll(Files.readAllLines(importList));
        lines.removeIf(line -> line.contains("com/sun/glass/ui/monocle/"));
        Path list = jar.resolveSibling("seuil.classlist");
        Files.write(list, lines);
        System.out.printf("installer: class list %s (%d lines)%n", list, lines.size());
        return list;
    }

    /** Runs a JVM for the class list with the data folder in {@code work}; false, after saying why, if it failed. */
    private static boolean runJava(Path work, String name, List<String> command) throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SEUIL_HOME", work.resolve("data").toString());
        System.out.println("installer: " + String.join(" ", command));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            System.out.println("installer: WARNING " + name + " run for the class list did not end within 5 minutes (" + log
                    + "): no class-data-sharing archive");
            return false;
        }
        if (process.exitValue() != 0) {
            System.out.println("installer: WARNING " + name + " run for the class list failed (exit " + process.exitValue()
                    + ", see " + log + "): no class-data-sharing archive");
            return false;
        }
        return true;
    }

    /**
     * Dumps the class-data-sharing archive {@code seuil.jsa} beside the jar, with the runtime the
     * launcher uses. JDK 17 ties it to the jar's absolute path, size and time, and to the runtime:
     * elsewhere, or after the jar changes, the JVM ignores it silently (and starts without class
     * sharing). A failure only leaves no archive.
     */
    private void dumpArchive(Path runtime, Path jar, Path classList) throws IOException, InterruptedException {
        Path archive = jar.resolveSibling("seuil.jsa");
        List<String> command = List.of(runtime.resolve("bin/java").toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList.toAbsolutePath(), "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-cp", jar.toAbsolutePath().toString());
        System.out.println("installer: " + String.join(" ", command));
        Path log = out.resolve("classlist/dump.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(archive)) {
            process.destroyForcibly();
            Files.deleteIfExists(archive);
            System.out.println("installer: WARNING the class-data-sharing archive could not be dumped (see " + log + ")");
            return;
        }
        System.out.printf("installer: class-data-sharing archive %s (%s)%n", archive, megabytes(Files.size(archive)));
    }

    private static Path appJar(Path image) throws IOException {
        try (Stream<Path> files = Files.walk(image)) {
            return files.filter(p -> p.getFileName().toString().equals("seuil.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seuil.jar in the app image " + image))
                    .toAbsolutePath();
        }
    }

    /**
     * Puts installer/linux/seuil-start beside the native launcher: the desktop entry and
     * /usr/bin/seuil run it, as the JDK 17 launcher spends about half a second asking rpm and
     * dpkg which package owns it at every start (see the script).
     */
    private static void copyStartScript(Path image) throws IOException {
        Path script = Files.copy(Path.of("installer/linux/seuil-start"), image.resolve("bin/seuil-start"));
        script.toFile().setExecutable(true, false);
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
        Path folder = Files.createDirectories(appJar(image).resolveSibling("mapwriter"));
        long bytes = 0;
        try (Stream<Path> files = Files.list(jars)) {
            for (Path jar : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".jar"))::iterator) {
                Files.copy(jar, folder.resolve(jar.getFileName()));
                bytes += Files.size(jar);
            }
        }
        System.out.printf("installer: map writer jars in %s (%s)%n", folder, megabytes(bytes));
    }

    /**
     * Puts this system's native libraries beside the jar, where they are loaded as they are:
     * JavaFX looks beside the jar it was loaded from first, and sqlite-jdbc in
     * {@code org.sqlite.lib.path} (linux-app.args). Otherwise both copy their libraries out of the
     * jar at every start, JavaFX after an MD5 of each, about 0.3 s of CPU before the first frame.
     * The jar keeps its copies, used if these cannot be loaded.
     */
    private static void copyNativesBesideJar(Path jar) throws IOException {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> System.getProperty("os.arch");
        };
        String sqlite = SQLITE_NATIVES + "Linux/" + arch + "/libsqlitejdbc.so";
        List<String> copied = new java.util.ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                boolean javafx = !name.contains("/") && name.endsWith(".so");
                if (javafx || name.equals(sqlite)) {
                    Path file = jar.resolveSibling(Path.of(name).getFileName().toString());
                    try (var in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                    copied.add(file.getFileName().toString());
                }
            }
        }
        if (!copied.contains("libsqlitejdbc.so") || !copied.contains("libglass.so")) {
            throw new IllegalStateException(jar + " lacks this system's JavaFX or sqlite natives (found " + copied + ")");
        }
        System.out.printf("installer: native libraries beside the jar: %s%n", String.join(" ", copied));
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
