package org.incidentplatform.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The repository this module lives in: its root, its POMs and its service modules. */
public final class Repository {

    private static final Path ROOT = findRoot();

    private Repository() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path file(String relativePath) {
        return ROOT.resolve(relativePath);
    }

    /**
     * The modules of the root POM that are Spring Boot services: those with a
     * {@code src/main/resources/application.yml}. A new service is picked up without a change here.
     */
    public static List<ServiceModule> services() {
        List<ServiceModule> services = new ArrayList<>();
        for (String module : modules()) {
            Path configuration = ROOT.resolve(module).resolve("src/main/resources/application.yml");
            if (Files.isRegularFile(configuration)) {
                services.add(ServiceModule.read(module, configuration));
            }
        }
        return services;
    }

    /** The Java sources under {@code <module>/src/main/java}, sorted; empty when there are none. */
    public static List<Path> mainSources(String module) {
        Path sources = ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> modules() {
        NodeList nodes = pom(file("pom.xml")).getElementsByTagName("module");
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        return modules;
    }

    public static Document pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot parse " + file, e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("deploy-validation"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("Run the tests from inside the repository: no parent of "
                + Path.of("").toAbsolutePath() + " holds pom.xml and deploy-validation/");
    }
}
