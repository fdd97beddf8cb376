package org.incidentplatform.deploy;

import static org.incidentplatform.deploy.support.Rendered.mainContainer;
import static org.incidentplatform.deploy.support.Rendered.resolvePort;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.incidentplatform.deploy.support.Problems;
import org.incidentplatform.deploy.support.Rendered;
import org.incidentplatform.deploy.support.Repository;
import org.incidentplatform.deploy.support.ServiceModule;
import org.incidentplatform.deploy.support.Yamls;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service runs in k8s/base and in every overlay as its Actuator, its configuration and
 * the platform's security baseline require. Each test renders the kustomization (see
 * {@link org.incidentplatform.deploy.support.Kustomize}) and lists every violation it finds.
 */
class KubernetesWorkloadsTest {

    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    static Stream<Named<Rendered>> variants() {
        return Rendered.variants();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyServiceIsADeploymentWithAServiceOnItsDefaultPort(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        for (ServiceModule service : Repository.services()) {
            String name = service.name();
            Optional<Map<String, Object>> deployment = k8s.find("Deployment", name);
            if (deployment.isEmpty()) {
                problems.add("no Deployment " + name);
                continue;
            }
            Optional<Map<String, Object>> container = mainContainer(deployment.get());
            if (container.isEmpty()) {
                problems.add("Deployment " + name + " has no container named " + name);
                continue;
            }
            String image = String.valueOf(container.get().get("image"));
            problems.unless(image.matches("(.+/)?incident-platform/" + name + "(:[^/]+)?(@.+)?"),
                    "Deployment " + name + " runs image " + image + ", not the incident-platform/" + name + " image Jib builds");
            List<Integer> containerPorts = Yamls.maps(container.get(), "ports").stream()
                    .map(port -> (Integer) port.get("containerPort")).toList();
            problems.unless(containerPorts.contains(service.defaultPort()), "Deployment " + name
                    + " declares container ports " + containerPorts + ", not its default port " + service.defaultPort());
            Optional<Map<String, Object>> svc = k8s.find("Service", name);
            if (svc.isEmpty()) {
                problems.add("no Service " + name);
            } else {
                problems.unless(Rendered.selects(Yamls.map(svc.get(), "spec.selector"),
                        Yamls.map(deployment.get(), "spec.template.metadata.labels")),
                        "Service " + name + " does not select the pods of Deployment " + name);
                for (Map<String, Object> port : Yamls.maps(svc.get(), "spec.ports")) {
                    Optional<Integer> target = resolvePort(port.getOrDefault("targetPort", port.get("port")), container.get());
                    problems.unless(target.equals(Optional.of(service.defaultPort())), "Service " + name + " port "
                            + port.get("port") + " targets " + port.get("targetPort") + ", not " + service.defaultPort());
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyServiceHasStartupLivenessAndReadinessProbesOnItsActuatorGroups(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        for (ServiceModule service : Repository.services()) {
            k8s.find("Deployment", service.name()).flatMap(Rendered::mainContainer).ifPresent(container -> {
                checkProbe(problems, service, container, "startupProbe", LIVENESS);
                checkProbe(problems, service, container, "livenessProbe", LIVENESS);
                checkProbe(problems, service, container, "readinessProbe", READINESS);
            });
        }
        problems.assertNone();
    }

    private static void checkProbe(Problems problems, ServiceModule service, Map<String, Object> container,
            String probe, String path) {
        String where = "Deployment " + service.name() + " " + probe;
        Optional<Object> httpGet = Yamls.at(container, probe + ".httpGet");
        if (httpGet.isEmpty()) {
            problems.add(where + " is missing (wanted an HTTP GET of " + path + ")");
            return;
        }
        String actualPath = Yamls.text(httpGet.get(), "path").orElse("");
        problems.unless(actualPath.equals(path), where + " checks " + actualPath + ", not " + path);
        Optional<Integer> port = resolvePort(Yamls.at(httpGet.get(), "port").orElse(null), container);
        problems.unless(port.equals(Optional.of(service.defaultPort())),
                where + " uses port " + Yamls.at(httpGet.get(), "port").orElse("none") + ", not " + service.defaultPort());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyContainerHasResourceRequestsAndLimits(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        for (Map<String, Object> deployment : k8s.ofKind("Deployment")) {
            for (Map<String, Object> container : Yamls.maps(deployment, "spec.template.spec.containers")) {
                String where = "Deployment " + Yamls.text(deployment, "metadata.name").orElse("?")
                        + " container " + container.get("name");
                for (String field : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                    problems.unless(Yamls.at(container, "resources." + field).isPresent(), where + " sets no resources." + field);
                }
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyPodRunsAsNonRootOnAReadOnlyFileSystemWithoutPrivileges(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        for (Map<String, Object> deployment : k8s.ofKind("Deployment")) {
            String name = "Deployment " + Yamls.text(deployment, "metadata.name").orElse("?");
            Map<String, Object> pod = Yamls.map(deployment, "spec.template.spec");
            problems.unless(Boolean.FALSE.equals(pod.get("automountServiceAccountToken")),
                    name + " mounts a service account token (set automountServiceAccountToken: false)");
            Set<String> tmpVolumes = new TreeSet<>();
            for (Map<String, Object> volume : Yamls.maps(pod, "volumes")) {
                if (volume.containsKey("emptyDir")) {
                    tmpVolumes.add(String.valueOf(volume.get("name")));
                }
            }
            for (Map<String, Object> container : Yamls.maps(pod, "containers")) {
                String where = name + " container " + container.get("name");
                boolean nonRoot = Boolean.TRUE.equals(Yamls.at(container, "securityContext.runAsNonRoot")
                        .or(() -> Yamls.at(pod, "securityContext.runAsNonRoot")).orElse(null));
                problems.unless(nonRoot, where + " may run as root (securityContext.runAsNonRoot is not true)");
                Object user = Yamls.at(container, "securityContext.runAsUser")
                        .or(() -> Yamls.at(pod, "securityContext.runAsUser")).orElse(null);
                problems.unless(user == null || !String.valueOf(user).equals("0"), where + " runs as user 0");
                problems.unless(Boolean.TRUE.equals(Yamls.at(container, "securityContext.readOnlyRootFilesystem").orElse(null)),
                        where + " has a writable root file system (securityContext.readOnlyRootFilesystem)");
                problems.unless(Boolean.FALSE.equals(Yamls.at(container, "securityContext.allowPrivilegeEscalation").orElse(null)),
                        where + " allows privilege escalation (securityContext.allowPrivilegeEscalation)");
                problems.unless(Yamls.list(container, "securityContext.capabilities.drop").contains("ALL"),
                        where + " keeps Linux capabilities (securityContext.capabilities.drop: [ALL])");
                boolean tmpWritable = Yamls.maps(container, "volumeMounts").stream().anyMatch(mount ->
                        "/tmp".equals(mount.get("mountPath")) && tmpVolumes.contains(String.valueOf(mount.get("name"))));
                problems.unless(tmpWritable, where + " has no emptyDir at /tmp, which a read-only root file system needs");
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyVariableAServiceReadsIsSetAndSecretsComeFromSecrets(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        for (ServiceModule service : Repository.services()) {
            k8s.find("Deployment", service.name()).flatMap(Rendered::mainContainer).ifPresent(container -> {
                String where = "Deployment " + service.name();
                Map<String, Object> variables = environment(k8s, container, where, problems);
                Set<String> missing = new TreeSet<>(service.variablesADeploymentMustSet());
                missing.removeAll(variables.keySet());
                problems.unless(missing.isEmpty(), where + " does not set " + missing
                        + " (read by " + service.name() + "/src/main/resources/application.yml)");
                variables.forEach((variable, source) -> problems.unless(
                        !ServiceModule.SECRET.matcher(variable).matches() || "secretKeyRef".equals(source),
                        where + " takes the credential " + variable + " from " + source + ", not from a Secret"));
                List<String> mailHost = service.variablesFor("spring.mail.host");
                problems.unless(mailHost.isEmpty() || mailHost.stream().anyMatch(variables::containsKey),
                        where + " sends mail but sets none of " + mailHost);
                Object port = variables.get("SERVER_PORT");
                problems.unless(port == null || String.valueOf(service.defaultPort()).equals(port),
                        where + " sets SERVER_PORT=" + port + ", but its probes and ports use " + service.defaultPort());
            });
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void noServiceReportsUsageToAxonIQ(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        for (ServiceModule service : Repository.services()) {
            k8s.find("Deployment", service.name()).flatMap(Rendered::mainContainer).ifPresent(container -> {
                Object value = environment(k8s, container, "Deployment " + service.name(), problems)
                        .get(ServiceModule.UPDATE_CHECKER_DISABLED);
                problems.unless("true".equals(value), "Deployment " + service.name() + " sets "
                        + ServiceModule.UPDATE_CHECKER_DISABLED + "=" + value + ", not true");
            });
        }
        problems.assertNone();
    }

    /**
     * Variable name to its literal value, or to where it comes from ({@code secretKeyRef},
     * {@code configMapKeyRef}, ...). ConfigMaps named in envFrom must be rendered, and their keys count.
     */
    private static Map<String, Object> environment(Rendered k8s, Map<String, Object> container, String where,
            Problems problems) {
        Map<String, Object> variables = new TreeMap<>();
        for (Map<String, Object> source : Yamls.maps(container, "envFrom")) {
            Optional<String> configMap = Yamls.text(source, "configMapRef.name");
            if (configMap.isEmpty()) {
                problems.add(where + " uses envFrom without a configMapRef; its keys cannot be checked");
                continue;
            }
            Optional<Map<String, Object>> data = k8s.find("ConfigMap", configMap.get()).map(found -> Yamls.map(found, "data"));
            if (data.isEmpty()) {
                problems.add(where + " reads ConfigMap " + configMap.get() + ", which is not rendered");
            } else {
                data.get().forEach((key, value) -> variables.put(key, String.valueOf(value)));
            }
        }
        for (Map<String, Object> variable : Yamls.maps(container, "env")) {
            String name = String.valueOf(variable.get("name"));
            Map<String, Object> valueFrom = Yamls.map(variable, "valueFrom");
            if (valueFrom.isEmpty()) {
                variables.put(name, String.valueOf(variable.get("value")));
            } else {
                String kind = valueFrom.keySet().iterator().next();
                variables.put(name, kind);
                if (kind.equals("configMapKeyRef")) {
                    String configMap = Yamls.text(valueFrom, "configMapKeyRef.name").orElse("?");
                    String key = Yamls.text(valueFrom, "configMapKeyRef.key").orElse("?");
                    problems.unless(k8s.find("ConfigMap", configMap).map(found -> Yamls.map(found, "data").containsKey(key))
                            .orElse(false), where + " reads " + name + " from ConfigMap " + configMap + " key " + key
                            + ", which is not rendered");
                }
            }
        }
        return variables;
    }
}
