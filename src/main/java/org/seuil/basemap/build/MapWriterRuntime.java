package org.seuil.basemap.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jars of mapsforge-map-writer 0.4.1 and osmosis 0.45, found on disk and loaded in a class
 * loader of their own. They are not in the app's jar, for two reasons: they weigh 9.6 MB that
 * most users never need, and they cannot share a class path with the app: the writer needs
 * mapsforge-core 0.4.1 (the renderer uses 0.25.0, same package names, different API), and
 * osmosis-pbf needs protobuf 2.6 where the app's OSM reader uses protobuf 3.
 */
public record MapWriterRuntime(List<Path> jars) {
    /** The writer's Maven coordinates ({@code group:artifact:version}), from mapwriter-classpath.txt. */
    public static final List<Artifact> ARTIFACTS = readArtifacts();

    public MapWriterRuntime {
        jars = List.copyOf(jars);
        if (jars.size() != ARTIFACTS.size()) {
            throw new IllegalArgumentException("expected " + ARTIFACTS.size() + " jars, got " + jars.size());
        }
    }

    /** One Maven artifact of the writer's class path. */
    public record Artifact(String group, String name, String version) {
        public String fileName() {
            return name + "-" + version + ".jar";
        }

        /** Where Maven keeps it in a local repository. */
        public Path inRepository(Path repository) {
            Path path = repository;
            for (String part : group.split("\\.")) {
                path = path.resolve(part);
            }
            return path.resolve(name).resolve(version).resolve(fileName());
        }

        @Override
        public String toString() {
            return group + ":" + name + ":" + version;
        }
    }

    /**
     * The writer from the first place that holds every jar: each folder (its jars named
     * {@code artifact-version.jar}, as {@code mvn -Pmapwriter package} leaves them), then the
     * local Maven repository if given.
     */
    public static Optional<MapWriterRuntime> locate(List<Path> folders, Path mavenRepository) {
        for (Path folder : folders) {
            Optional<MapWriterRuntime> found = complete(ARTIFACTS.stream().map(a -> folder.resolve(a.fileName())).toList());
            if (found.isPresent()) {
                return found;
            }
        }
        if (mavenRepository != null) {
            return complete(ARTIFACTS.stream().map(a -> a.inRepository(mavenRepository)).toList());
        }
        return Optional.empty();
    }

    private static Optional<MapWriterRuntime> complete(List<Path> candidates) {
        return candidates.stream().allMatch(Files::isRegularFile) ? Optional.of(new MapWriterRuntime(candidates)) : Optional.empty();
    }

    /**
     * Where {@code seuil maps build} looks, in order: the system property
     * {@code seuil.mapwriter.dir}, {@code mapwriter/} beside the app's jar (the installed package),
     * {@code <data folder>/mapwriter/}.
     */
    public static List<Path> defaultFolders(Path dataFolder) {
        List<Path> folders = new ArrayList<>();
        String property = System.getProperty("seuil.mapwriter.dir");
        if (property != null && !property.isBlank()) {
            folders.add(Path.of(property));
        }
        try {
            Path code = Path.of(MapWriterRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (code.getParent() != null) {
                folders.add(code.getParent().resolve("mapwriter"));
            }
        } catch (Exception e) {
            // no code source (an unusual class loader): the other places still count
        }
        folders.add(dataFolder.resolve("mapwriter"));
        return folders;
    }

    /** The local Maven repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
    public static Path defaultMavenRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** What to tell someone who has not got the writer: where it was looked for and how to get it. */
    public static String missingMessage(List<Path> folders, Path mavenRepository) {
        StringBuilder text = new StringBuilder();
        text.append("seuil maps build needs mapsforge-map-writer 0.4.1 and osmosis 0.45 (")
                .append(ARTIFACTS.size()).append(" jars, about 10 MB), which are not part of the app.\n");
        text.append("Looked for them in:\n");
        for (Path folder : folders) {
            text.append("  ").append(folder).append('\n');
        }
        if (mavenRepository != null) {
            text.append("  ").append(mavenRepository).append(" (the local Maven repository)\n");
        }
        text.append("To get them, either:\n");
        text.append("  - in Seuil's source folder run `mvn -Pmapwriter -DskipTests package`, then copy target/mapwriter/\n");
        text.append("    to ").append(folders.get(folders.size() - 1)).append(" (or pass --writer-dir target/mapwriter);\n");
        text.append("  - or download these jars from Maven Central into one of the folders above:\n");
        for (Artifact a : ARTIFACTS) {
            text.append("      ").append(a).append('\n');
        }
        return text.toString();
    }

    /**
     * A class loader over the writer's jars whose parent is the platform loader: nothing of the
     * app's class path (mapsforge 0.25, protobuf 3) is visible to it.
     */
    public URLClassLoader classLoader() {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jars.get(i) + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("seuil-mapwriter", urls, ClassLoader.getPlatformClassLoader());
    }

    private static List<Artifact> readArtifacts() {
        String resource = "mapwriter-classpath.txt";
        try (InputStream in = MapWriterRuntime.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            List<Artifact> artifacts = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(":");
                if (parts.length != 3) {
                    throw new IllegalStateException(resource + " line " + number + ": expected group:artifact:version, got " + line);
                }
                artifacts.add(new Artifact(parts[0], parts[1], parts[2]));
            }
            return List.copyOf(artifacts);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }
}
