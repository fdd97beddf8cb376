package org.incidentplatform.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.incidentplatform.deploy.support.Problems;
import org.incidentplatform.deploy.support.Repository;
import org.incidentplatform.deploy.support.ServiceModule;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Jib configuration in the POMs: every service is an image, built only on request, that
 * runs as a non-root user with container-aware JVM flags, carries OCI labels and the compose
 * health probe, and exposes the port its configuration listens on.
 */
class ImageBuildConfigurationTest {

    private static final String JIB = "plugin[artifactId='jib-maven-plugin']";
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @Test
    void theSharedJibConfigurationMakesSmallNonRootContainerAwareImages() {
        Problems problems = new Problems("pom.xml, pluginManagement of jib-maven-plugin");
        Document root = Repository.pom(Repository.file("pom.xml"));
        String jib = "/project/build/pluginManagement/plugins/" + JIB;
        problems.unless(!text(root, jib + "/version").isEmpty(), "no jib-maven-plugin in pluginManagement");
        problems.unless(text(root, jib + "/configuration/skip").equals("true"),
                "modules that are no service must be skipped (<skip>true</skip>); services switch it off");
        problems.unless(count(root, jib + "/executions") == 0, "Jib is bound to a phase: ./mvnw verify would build images");
        String base = text(root, jib + "/configuration/from/image");
        problems.unless(base.matches("eclipse-temurin:(2[1-9]|[3-9]\\d)[.\\w-]*-jre.*"),
                "the base image " + base + " is not a registry JRE 21+ image such as eclipse-temurin:21-jre");
        problems.unless(text(root, jib + "/configuration/to/image").equals("incident-platform/${project.artifactId}:latest"),
                "images are not named incident-platform/<service>:latest");
        String user = text(root, jib + "/configuration/container/user");
        problems.unless(user.matches("[1-9]\\d*(:\\d+)?"), "the container user " + user + " is not a numeric non-root uid");
        List<String> flags = texts(root, jib + "/configuration/container/jvmFlags/jvmFlag");
        problems.unless(flags.stream().anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage=")),
                "no -XX:MaxRAMPercentage: the heap would ignore the container's memory limit");
        problems.unless(flags.contains("-XX:+ExitOnOutOfMemoryError"),
                "no -XX:+ExitOnOutOfMemoryError: a JVM out of memory would limp on instead of being restarted");
        for (String label : List.of("title", "description", "source", "version", "revision")) {
            problems.unless(!text(root, jib + "/configuration/container/labels/org.opencontainers.image." + label).isEmpty(),
                    "no OCI label org.opencontainers.image." + label);
        }
        String updateChecker = text(root, jib + "/configuration/container/environment/" + ServiceModule.UPDATE_CHECKER_DISABLED);
        problems.unless(updateChecker.equals("true"), "the images set " + ServiceModule.UPDATE_CHECKER_DISABLED + "="
                + updateChecker + ", not true: Axon's update checker would report usage to AxonIQ");
        String probe = jib + "/configuration/extraDirectories/paths/path";
        problems.unless(text(root, probe + "/into").equals("/opt/healthcheck")
                && text(root, probe + "/from").endsWith("/deploy-validation/target/classes"),
                "the compose health probe (" + HealthCheck.class.getName() + ") is not copied to /opt/healthcheck");
        problems.assertNone();
    }

    @Test
    void everyServiceIsAnImageExposingItsDefaultPort() {
        Problems problems = new Problems("service POMs");
        for (ServiceModule service : Repository.services()) {
            Path pom = Repository.file(service.name() + "/pom.xml");
            Document document = Repository.pom(pom);
            String jib = "/project/build/plugins/" + JIB;
            if (count(document, jib) == 0) {
                problems.add(pom + " does not declare jib-maven-plugin in <build><plugins>");
                continue;
            }
            problems.unless(text(document, jib + "/configuration/skip").equals("false"), pom + " does not set <skip>false</skip>");
            problems.unless(count(document, jib + "/executions") == 0, pom + " binds Jib to a phase");
            List<String> ports = texts(document, jib + "/configuration/container/ports/port");
            problems.unless(ports.equals(List.of(String.valueOf(service.defaultPort()))),
                    pom + " exposes " + ports + ", but the service listens on " + service.defaultPort());
        }
        problems.assertNone();
    }

    private static String text(Document document, String expression) {
        try {
            return XPATH.evaluate(expression, document).trim();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    private static List<String> texts(Document document, String expression) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = nodes(document, expression);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            texts.add(node.getTextContent().trim());
        }
        return texts;
    }

    private static int count(Document document, String expression) {
        return nodes(document, expression).getLength();
    }

    private static NodeList nodes(Document document, String expression) {
        try {
            return (NodeList) XPATH.evaluate(expression, document, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
