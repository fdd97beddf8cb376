#!/usr/bin/env bash
# Builds the base image that the offline image build starts from (docs/deploy.md, "Images") and
# prints the path of its tarball. This machine reaches no container registry, so Jib cannot pull
# eclipse-temurin:21-jre; this script makes the same kind of image from what is here:
#   - a JRE made with jlink from the local JDK (21 or newer): Java SE and the jdk.* runtime
#     modules, without the compiler, debugger and other development tools;
#   - the glibc files that JRE links against and the C.UTF-8 locale, copied from this machine's
#     Debian packages, with their copyright files;
#   - /etc/passwd with root and nonroot (65532), a world-writable /tmp; no shell, no package manager.
# The result is a one-layer image in `docker save` layout, which Jib reads with tar://.
# Rebuilt only when this script or the JDK changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/select-jdk.sh

out_dir=deploy-validation/target/base-image
tarball="$out_dir/jre-base.tar"
java_version="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
inputs="$(sha256sum "$0" | cut -d' ' -f1) $JAVA_HOME $java_version"
if [ -f "$tarball" ] && [ "$(cat "$out_dir/inputs" 2>/dev/null)" = "$inputs" ]; then
  echo "$PWD/$tarball"
  exit 0
fi

work="$out_dir/work"
rootfs="$work/rootfs"
rm -rf "$work" "$tarball"
mkdir -p "$rootfs"

java_home=/opt/java/openjdk
modules=java.se,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.naming.dns,jdk.naming.rmi,jdk.net,jdk.nio.mapmode,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.xml.dom,jdk.zipfs
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$rootfs$java_home" >&2

# Everything the launchers and the headless libraries link against. The GUI and sound libraries
# are never loaded by a server (java.awt.headless), as in Debian's *-jre-headless packages.
gui_only='/(libawt_xawt|libjawt|libsplashscreen|libjsound)\.so$'
mapfile -t libraries < <(find "$rootfs$java_home" -type f \( -name '*.so' -o -path '*/bin/*' \) \
  | grep -Ev "$gui_only" | xargs ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$PWD/" | sort -u)
packages=()
for library in "${libraries[@]}"; do
  mkdir -p "$rootfs$(dirname "$library")"
  cp -L "$library" "$rootfs$library"
  package="$(dpkg -S "$library" 2>/dev/null || dpkg -S "$(readlink -f "$library")" 2>/dev/null || true)"
  [ -n "$package" ] && packages+=("${package%%:*}")
done
# The C.UTF-8 locale, so that file names and the console are UTF-8 (sun.jnu.encoding).
mkdir -p "$rootfs/usr/lib/locale"
cp -r /usr/lib/locale/C.utf8 "$rootfs/usr/lib/locale/"
packages+=(libc-bin)
for package in $(printf '%s\n' "${packages[@]}" | sort -u); do
  mkdir -p "$rootfs/usr/share/doc/$package"
  cp "/usr/share/doc/$package/copyright" "$rootfs/usr/share/doc/$package/"
done

mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/home/nonroot"
chmod 1777 "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$rootfs/etc/group"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"

# A reproducible layer: fixed order, times and owners; only the home directory belongs to nonroot.
reproducible=(--sort=name --mtime=@0 --numeric-owner --format=gnu)
(cd "$rootfs" && tar --create --file ../layer.tar "${reproducible[@]}" --owner=0 --group=0 \
  --exclude=home/nonroot etc home lib* opt tmp usr)
(cd "$rootfs" && tar --append --file ../layer.tar "${reproducible[@]}" --owner=65532 --group=65532 \
  --no-recursion home/nonroot)

diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
architecture="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
cat > "$work/config.json" <<JSON
{"architecture":"$architecture","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"65532:65532","WorkingDir":"/",
  "Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],
  "Labels":{"org.opencontainers.image.title":"jre-base","org.opencontainers.image.description":"jlink runtime of Java $java_version on glibc, built offline by deploy-validation/images/build-base-image.sh"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy-validation/images/build-base-image.sh"}]}
JSON
feature="${java_version%%.*}"
feature="${feature%%+*}"
printf '[{"Config":"config.json","RepoTags":["incident-platform/jre-base:%s"],"Layers":["layer.tar"]}]\n' "$feature" > "$work/manifest.json"
(cd "$work" && tar --create --file "$PWD/../jre-base.tar" "${reproducible[@]}" --owner=0 --group=0 manifest.json config.json layer.tar)

rm -rf "$rootfs"
echo "$inputs" > "$out_dir/inputs"
echo "$PWD/$tarball"
