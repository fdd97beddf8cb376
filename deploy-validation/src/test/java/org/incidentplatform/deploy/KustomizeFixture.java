package org.incidentplatform.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small base and overlay that use every feature {@link org.incidentplatform.deploy.support.Kustomize}
 * supports: nested directories, strategic merges of keyed lists, JSON merges of custom
 * resources, JSON patches with label-selected targets, namespace, replicas and images.
 */
final class KustomizeFixture {

    private KustomizeFixture() {
    }

    /** Writes the fixture under {@code directory} and returns the overlay to render. */
    static Path write(Path directory) throws IOException {
        write(directory, "base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - app
                  - topic.yaml
                """);
        write(directory, "base/app/kustomization.yaml", """
                resources:
                  - deployment.yaml
                """);
        write(directory, "base/app/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                  labels:
                    tier: backend
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: app
                  template:
                    metadata:
                      labels:
                        app: app
                    spec:
                      containers:
                        - name: app
                          image: registry.local:5000/team/app:1.0
                          ports:
                            - containerPort: 8080
                              name: http
                          env:
                            - name: A
                              value: "1"
                            - name: B
                              value: "2"
                          volumeMounts:
                            - name: tmp
                              mountPath: /tmp
                        - name: sidecar
                          image: team/sidecar
                      volumes:
                        - name: tmp
                          emptyDir: {}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: app
                spec:
                  ports:
                    - port: 80
                      targetPort: http
                """);
        write(directory, "base/topic.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: events
                spec:
                  partitions: 3
                  config:
                    retention.ms: -1
                    cleanup.policy: delete
                  list: [a, b]
                """);
        write(directory, "overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: fixture
                resources:
                  - ../base
                patches:
                  - path: merge.yaml
                  - path: json.yaml
                    target:
                      kind: Deployment
                      labelSelector: tier=backend
                replicas:
                  - name: app
                    count: 5
                images:
                  - name: registry.local:5000/team/app
                    newTag: "2.0"
                  - name: team/sidecar
                    newName: other/sidecar
                    digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """);
        write(directory, "overlay/merge.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - name: B
                              value: "20"
                            - name: C
                              value: "3"
                          ports:
                            - containerPort: 9090
                              name: admin
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: events
                spec:
                  partitions: 6
                  config:
                    cleanup.policy: null
                  list: [c]
                """);
        write(directory, "overlay/json.yaml", """
                - op: add
                  path: /spec/template/spec/containers/0/resources
                  value:
                    limits:
                      memory: 1Gi
                - op: replace
                  path: /spec/template/spec/containers/0/env/0/value
                  value: "10"
                - op: remove
                  path: /spec/template/spec/volumes/0/emptyDir
                - op: add
                  path: /spec/template/spec/volumes/-
                  value:
                    name: cache
                    emptyDir: {}
                """);
        return directory.resolve("overlay");
    }

    private static void write(Path directory, String file, String content) throws IOException {
        Path path = directory.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
