#!/usr/bin/env python3
"""Runs a container image tarball on a machine without a container engine (docs/deploy.md).

Unpacks the layers of a `docker save`-layout tarball (what jib:buildTar writes) into a directory
and starts the image's entrypoint, or the given command, in a chroot there: as the image's user,
with the image's environment and working directory, a private PID namespace with its own /proc,
and the host's network. Needs root and util-linux's `unshare` (2.36 or newer). A check that
an image really starts, not an isolation boundary: no cgroup limits, no network namespace.

    run-image.py incident-service/target/jib-image.tar -e SERVER_PORT=18081
    run-image.py incident-service/target/jib-image.tar -- java -version
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile


def unpack(image_tar, rootfs):
    with tarfile.open(image_tar) as image:
        manifest = json.load(image.extractfile("manifest.json"))[0]
        config = json.load(image.extractfile(manifest["Config"]))
        for layer_name in manifest["Layers"]:
            with tarfile.open(fileobj=image.extractfile(layer_name), mode="r:*") as layer:
                for member in layer.getmembers():
                    name = os.path.normpath(member.name)
                    base = os.path.basename(name)
                    if base.startswith(".wh."):  # an OCI whiteout: a file deleted by this layer
                        target = os.path.join(rootfs, os.path.dirname(name), base[len(".wh."):])
                        if os.path.isdir(target) and not os.path.islink(target):
                            shutil.rmtree(target)
                        elif os.path.lexists(target):
                            os.remove(target)
                        continue
                    layer.extract(member, rootfs, set_attrs=True, numeric_owner=True, filter="fully_trusted")
    return config["config"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("image_tar")
    parser.add_argument("-e", "--env", action="append", default=[], help="NAME=VALUE, added to the image's environment")
    parser.add_argument("--keep", action="store_true", help="keep the unpacked root file system")
    parser.add_argument("command", nargs="*", help="instead of the entrypoint")
    args = parser.parse_args()

    rootfs = tempfile.mkdtemp(prefix="image-rootfs-")
    os.chmod(rootfs, 0o755)  # it becomes "/", which mkdtemp made private to root
    try:
        config = unpack(args.image_tar, rootfs)
        os.makedirs(os.path.join(rootfs, "proc"), exist_ok=True)
        environment = dict(entry.split("=", 1) for entry in config.get("Env", []))
        environment.update(entry.split("=", 1) for entry in args.env)
        command = args.command or (config.get("Entrypoint") or []) + (config.get("Cmd") or [])
        uid, _, gid = (config.get("User") or "0").partition(":")
        launcher = [shutil.which("env"), "-i"] + [f"{name}={value}" for name, value in environment.items()]
        launcher += [shutil.which("unshare"), "--fork", "--pid", "--mount-proc",
                     "--root=" + rootfs, "--wd=" + (config.get("WorkingDir") or "/"),
                     "--setgid", gid or uid, "--setuid", uid] + command
        return subprocess.call(launcher)
    finally:
        if args.keep:
            print("root file system kept in " + rootfs, file=sys.stderr)
        else:
            shutil.rmtree(rootfs, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
