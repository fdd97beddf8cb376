package org.incidentplatform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and directories of the stack that only the user who runs it can read: directories 0700,
 * files 0600. New ones are created with that mode (never created open and narrowed afterwards),
 * and ones an earlier version left readable are narrowed. The store and the broker create files
 * of their own with the process umask (run.sh sets 077); the 0700 directory around them keeps
 * those private whatever the umask. Without POSIX permissions (Windows) the files inherit the
 * access rules of the directory they are in.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Creates the directory (and missing parents) owner-only, or narrows it if it exists. */
    static Path directory(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                narrow(directory, DIRECTORY);
            } else {
                Path parent = directory.toAbsolutePath().getParent();
                if (parent != null && !Files.exists(parent)) {
                    directory(parent);
                }
                Files.createDirectory(directory, attributes(DIRECTORY));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }

    /** Creates an empty owner-only file if there is none, or narrows the one there is. */
    static Path file(Path file) {
        try {
            Files.createFile(file, attributes(FILE));
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            narrow(file, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + file, e);
        }
        return file;
    }

    /** Writes a file that is owner-only from the moment it exists, replacing what it held. */
    static Path write(Path file, String content) {
        file(file);
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Makes a directory and everything below it owner-only: what earlier runs left behind. */
    static Path tree(Path root) {
        directory(root);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (!Files.isSymbolicLink(path)) {
                    narrow(path, Files.isDirectory(path) ? DIRECTORY : FILE);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restrict " + root + " to its owner", e);
        }
    }

    private static void narrow(Path path, Set<PosixFilePermission> permissions) {
        if (!POSIX) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restrict " + path + " to its owner", e);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
