#!/usr/bin/env bash
# Builds the four service images as tarballs, <service>/target/jib-image.tar, with Jib and no
# Docker daemon (docs/deploy.md, "Images"):
#   deploy-validation/images/build-images.sh          base image made here from the local JDK
#                                                     (for machines without registry access)
#   BASE_IMAGE=eclipse-temurin:21-jre deploy-validation/images/build-images.sh
#                                                     base image pulled from a registry (production)
# Further arguments go to Maven, e.g. -o or -Djib.container.format=OCI.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/select-jdk.sh

services=incident-service,timeline-service,report-service,notification-service

# The readiness probe docker compose runs inside the containers; Jib copies it into every image.
./mvnw -q -B -pl deploy-validation compile

base="${BASE_IMAGE:-tar://$(deploy-validation/images/build-base-image.sh)}"
revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  revision="$revision-dirty"
fi
# Without any user:token@ part a remote address may carry.
source_url="$(git config --get remote.origin.url 2>/dev/null | sed -E 's#//[^/@]*@#//#' || true)"

./mvnw -B -DskipTests -pl "$services" -am package jib:buildTar \
  -Djib.from.image="$base" -Dimage.revision="$revision" -Dimage.source="${source_url:-unknown}" "$@"

for service in ${services//,/ }; do
  ls -l "$service/target/jib-image.tar"
done
