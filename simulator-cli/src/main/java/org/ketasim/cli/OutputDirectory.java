package org.ketasim.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ketasim.core.io.InputFiles;

/**
 * The output folder ({@code --out}) of one ketasim command, held from before its first file is
 * written until it is closed. The rules:
 * <ul>
 * <li><b>Nothing is written outside it, and nothing through a link.</b> A {@code --out} that is a
 * link is refused (give the folder it points to); so is a link or anything but a folder on the way
 * to an output, and a link, folder or device in an output's place.</li>
 * <li><b>One command at a time.</b> The folder is locked ({@link FileChannel#tryLock} on
 * {@value #LOCK} inside it); a second command, in this process or another, is refused.</li>
 * <li><b>No stale results.</b> A fresh run refuses a folder that is not empty (but for the lock and
 * the manifest) unless {@code force} is given; then it first removes exactly the files listed in the
 * manifest {@value #MANIFEST}, which records every file ketasim writes there, and the folders left
 * empty by that. Other files are kept, and an output whose name is taken by a file ketasim did not
 * write is refused, never replaced.</li>
 * <li><b>A resumed run</b> ({@link #resume}) keeps the files the manifest lists and may continue
 * them.</li>
 * </ul>
 * A command that runs another one into the same folder on the same thread ({@code tci} and
 * {@code titrate} run {@code run}) shares its claim: the inner {@link #prepare} returns the open
 * handle, and the inner {@link #close} leaves it open. A folder this handle created and nothing was
 * written into is removed again on {@link #close}.
 *
 * <p>Files are claimed by {@link AtomicFiles}, which every writer uses: a file under an open output
 * folder is claimed there, from any thread; a file outside every one of them, written by a thread
 * that holds one, is a defect ({@link IllegalStateException}). The checks are made before each file is written; they
 * keep out links and files that were there before, not another user racing a running command.
 * Thread-safe.
 */
public final class OutputDirectory implements AutoCloseable {

    /** The manifest: the files ketasim wrote in the folder, one relative path a line. */
    public static final String MANIFEST = ".ketasim-outputs";
    /** The lock file. */
    public static final String LOCK = ".ketasim.lock";

    /**
     * Every name ketasim writes directly in an output folder, in lower case: a scenario id (a
     * folder there) must not be one of them.
     */
    private static final Set<String> RESERVED = Set.of("summary.csv", "warnings.txt", "failures.txt",
            "comparison.csv", "report.html", "charts", "predictions.csv", "tci.yaml", "session.yaml", "transcript.txt",
            "sweep.csv", "sweep_subjects.csv", "sweep.state", MANIFEST, LOCK);
    private static final String MANIFEST_HEADER = "# Files written by ketasim. 'ketasim ... --force' into this folder "
            + "removes exactly these first; do not edit.\n";
    private static final long MAX_MANIFEST_BYTES = 64L << 20;
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.[0-9a-f-]{36}\\.part");

    /** The open output folders, by real path. */
    private static final Map<Path, OutputDirectory> OPEN = new HashMap<>();

    private final Path root;
    private final Path realRoot;
    private final Thread thread;
    private final boolean created;
    private final FileChannel lockChannel;
    private final boolean lockCreated;
    private final Set<String> kept = new TreeSet<>();
    private final Set<String> claimed = new LinkedHashSet<>();
    private int joined;
    private boolean closed;

    private OutputDirectory(Path root, Path realRoot, boolean created, FileChannel lockChannel, boolean lockCreated) {
        this.root = root;
        this.realRoot = realRoot;
        this.thread = Thread.currentThread();
        this.created = created;
        this.lockChannel = lockChannel;
        this.lockCreated = lockCreated;
    }

    /**
     * Opens the output folder of a fresh run, creating it if needed.
     *
     * @param out   the {@code --out} folder
     * @param force whether a non-empty folder may be used: the files ketasim wrote there before are
     *              removed first
     * @return the open folder; close it when the command is done
     * @throws OutputException if {@code out} is a file or a link, cannot be written, is used by another
     *                         ketasim command, is not empty (without {@code force}), or has a damaged manifest
     */
    public static OutputDirectory prepare(Path out, boolean force) throws OutputException {
        return open(out, force ? Mode.FORCE : Mode.FRESH);
    }

    /**
     * Opens the existing output folder of an interrupted run to continue it: nothing is removed, and
     * the files its manifest lists may be rewritten or appended to.
     *
     * @param out the {@code --out} folder
     * @return the open folder; close it when the command is done
     * @throws OutputException if {@code out} does not exist, is a file or a link, cannot be written, is
     *                         used by another ketasim command, or has a damaged manifest
     */
    public static OutputDirectory resume(Path out) throws OutputException {
        return open(out, Mode.RESUME);
    }

    /**
     * @param name a name, such as a scenario id, that would become a folder directly in an output folder
     * @return whether ketasim writes a file of that name there (compared ignoring case, as some
     *         file systems do), so that it cannot be a folder
     */
    public static boolean isReservedName(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** @return the folder, as an absolute path */
    public Path root() {
        return root;
    }

    private enum Mode { FRESH, FORCE, RESUME }

    private static OutputDirectory open(Path out, Mode mode) throws OutputException {
        Path root = out.toAbsolutePath().normalize();
        Optional<BasicFileAttributes> a = attributes(root);
        if (a.isPresent() && a.get().isSymbolicLink()) {
            throw new OutputException("--out " + out + " is a symbolic link; ketasim writes only into a real folder: "
                    + "give the folder it points to");
        }
        if (a.isPresent() && !a.get().isDirectory()) {
            throw new OutputException("--out " + out + " exists and is not a directory");
        }
        if (a.isEmpty() && mode == Mode.RESUME) {
            throw new OutputException("--out " + out + " does not exist, so there is nothing to resume; run without "
                    + "--resume");
        }
        try {
            if (a.isEmpty()) {
                Files.createDirectories(root);
            }
            Path real = root.toRealPath();
            synchronized (OPEN) {
                OutputDirectory open = OPEN.get(real);
                if (open != null && open.thread == Thread.currentThread()) {
                    open.joined++;
                    return open;
                }
                if (open != null) {
                    throw busy(out);
                }
                OutputDirectory d = lock(out, root, real, a.isEmpty());
                try {
                    d.start(out, mode);
                } catch (IOException | RuntimeException e) {
                    d.abandon();
                    throw e;
                }
                OPEN.put(real, d);
                return d;
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw AtomicFiles.failure(out, e);
        }
    }

    private static OutputDirectory lock(Path out, Path root, Path real, boolean created) throws IOException {
        Path lockFile = root.resolve(LOCK);
        boolean fresh = attributes(lockFile).isEmpty();
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try {
            Object opened = attributes(lockFile).map(BasicFileAttributes::fileKey).orElse(null);
            FileLock lock = channel.tryLock();
            // a lock on a lock file that a finishing command removed meanwhile holds nothing
            if (lock == null || opened == null
                    || !opened.equals(attributes(lockFile).map(BasicFileAttributes::fileKey).orElse(null))) {
                throw busy(out);
            }
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw busy(out);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new OutputDirectory(root, real, created, channel, fresh);
    }

    private static OutputException busy(Path out) {
        return new OutputException("--out " + out + " is in use by another ketasim command (it holds " + LOCK
                + " there); wait until it has finished, or choose another folder");
    }

    /** Checks the folder's content for the mode and writes the manifest of this run. */
    private void start(Path out, Mode mode) throws IOException {
        List<String> listed = readManifest();
        if (mode == Mode.RESUME) {
            kept.addAll(listed);
            return;
        }
        List<String> others;
        try (Stream<Path> entries = Files.list(root)) {
            others = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(LOCK) && !n.equals(MANIFEST))
                    .sorted().toList();
        }
        if (!others.isEmpty() && mode == Mode.FRESH) {
            throw new OutputException("--out " + out + " is not empty (" + String.join(", ", others.subList(0,
                    Math.min(3, others.size()))) + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : "")
                    + "); add --force to replace what ketasim wrote there before (the files listed in " + MANIFEST
                    + "; no other file is touched), or choose a new folder");
        }
        for (String entry : listed) {
            remove(entry);
        }
        writeManifest();
    }

    /** @return the entries of the manifest, checked to be paths inside the folder */
    private List<String> readManifest() throws IOException {
        Path manifest = root.resolve(MANIFEST);
        Optional<BasicFileAttributes> a = attributes(manifest);
        if (a.isEmpty()) {
            return List.of();
        }
        if (!a.get().isRegularFile()) {
            throw new OutputException(manifest + " is not a regular file (a link, a folder or a device); ketasim "
                    + "does not use such a manifest: remove it");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(InputFiles.read(manifest, MAX_MANIFEST_BYTES))).toString();
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw new OutputException(manifest + " is not a manifest written by ketasim (not UTF-8 text of at most "
                    + MAX_MANIFEST_BYTES + " bytes): remove it");
        }
        List<String> entries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!isInside(line)) {
                throw new OutputException(manifest + ":" + (i + 1) + " does not name a file inside " + root
                        + ", so ketasim never wrote it there: remove the line");
            }
            entries.add(line);
        }
        return entries;
    }

    /** @return whether the manifest entry is a relative path of plain names, with '/' between them */
    private static boolean isInside(String entry) {
        for (String name : entry.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("\\")
                    || name.chars().anyMatch(c -> c < 0x20)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes a file the manifest lists, if it is still a regular file reached through real folders,
     * its leftover temporary files, and the folders left empty.
     */
    private void remove(String entry) throws IOException {
        Optional<Path> parent = realFolder(entry);
        if (parent.isEmpty()) {
            return;
        }
        Path file = root.resolve(entry);
        if (attributes(file).map(BasicFileAttributes::isRegularFile).orElse(false)) {
            Files.delete(file);
        }
        try (Stream<Path> siblings = Files.list(parent.get())) {
            for (Path p : siblings.toList()) {
                var m = TEMPORARY.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(file.getFileName().toString())
                        && attributes(p).map(BasicFileAttributes::isRegularFile).orElse(false)) {
                    Files.delete(p);
                }
            }
        }
        removeEmptyFolders(parent.get());
    }

    /** Removes the folder and those above it, up to the root, while they are empty. */
    private void removeEmptyFolders(Path folder) throws IOException {
        for (Path dir = folder; !dir.equals(root); dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    /** @return the folder of a relative path if every folder from the root to it is a real folder */
    private Optional<Path> realFolder(String entry) {
        Path rel = Path.of(entry);
        Path dir = root;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            dir = dir.resolve(rel.getName(i).toString());
            Optional<BasicFileAttributes> a = attributes(dir);
            if (a.isEmpty() || !a.get().isDirectory()) {
                return Optional.empty();
            }
        }
        return Optional.of(dir);
    }

    /**
     * Claims a file about to be written, for the open output folder that holds it (whichever thread
     * writes it).
     *
     * @param target the file
     * @throws OutputException       if a link or anything but a folder is on its way, or a link, folder,
     *                               device or file ketasim did not write is in its place
     * @throws IllegalStateException if the current thread holds an output folder and the file is
     *                               outside every open one
     */
    static void claim(Path target) throws OutputException {
        Path abs = target.toAbsolutePath().normalize();
        List<OutputDirectory> open;
        synchronized (OPEN) {
            open = List.copyOf(OPEN.values());
        }
        for (OutputDirectory d : open) {
            Optional<Path> rel = d.relative(abs);
            if (rel.isPresent()) {
                d.claimRelative(rel.get(), target);
                return;
            }
        }
        Optional<OutputDirectory> mine = open.stream().filter(d -> d.thread == Thread.currentThread()).findFirst();
        if (mine.isPresent()) {
            throw new IllegalStateException("defect: " + target + " is outside the output folder " + mine.get().root);
        }
    }

    private Optional<Path> relative(Path abs) {
        for (Path r : List.of(root, realRoot)) {
            if (abs.startsWith(r) && !abs.equals(r)) {
                return Optional.of(r.relativize(abs));
            }
        }
        return Optional.empty();
    }

    private synchronized void claimRelative(Path rel, Path target) throws OutputException {
        if (closed) {
            throw new IllegalStateException("defect: " + target + " is written after its output folder was closed");
        }
        String entry = rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
        if (rel.getNameCount() == 1 && !isReservedName(entry)) {
            throw new IllegalStateException("defect: " + entry + " is written directly in --out but is not among "
                    + "OutputDirectory's reserved names");
        }
        if (!isInside(entry)) {
            throw new OutputException("cannot write " + target + ": ketasim writes no file with such a name");
        }
        if (claimed.contains(entry)) {
            return;
        }
        try {
            Path dir = root;
            for (int i = 0; i < rel.getNameCount() - 1; i++) {
                dir = dir.resolve(rel.getName(i).toString());
                Optional<BasicFileAttributes> a = attributes(dir);
                if (a.isEmpty()) {
                    Files.createDirectory(dir);
                } else if (!a.get().isDirectory()) {
                    throw new OutputException("cannot write " + target + ": " + dir + " is " + (a.get().isSymbolicLink()
                            ? "a symbolic link; ketasim never writes through a link in --out" : "not a folder"));
                }
            }
            Optional<BasicFileAttributes> a = attributes(root.resolve(rel));
            if (a.isPresent() && !a.get().isRegularFile()) {
                throw new OutputException("cannot write " + target + ": it is " + (a.get().isSymbolicLink()
                        ? "a symbolic link, which ketasim never writes through" : "not a regular file")
                        + "; remove it, or choose another folder");
            }
            if (a.isPresent() && !kept.contains(entry)) {
                throw new OutputException("cannot write " + target + ": a file of that name is there and ketasim did "
                        + "not write it (it is not listed in " + MANIFEST + "), so ketasim does not replace it: move it "
                        + "away, or choose another folder");
            }
            claimed.add(entry);
            try (var w = Files.newBufferedWriter(root.resolve(MANIFEST), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)) {
                w.write(entry + "\n");
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw AtomicFiles.failure(target, e);
        }
    }

    /** Rewrites the manifest: the files kept and claimed that are there. */
    private void writeManifest() throws OutputException {
        Set<String> there = new TreeSet<>();
        Stream.concat(kept.stream(), claimed.stream())
                .filter(e -> attributes(root.resolve(e)).map(BasicFileAttributes::isRegularFile).orElse(false))
                .forEach(there::add);
        AtomicFiles.replace(root.resolve(MANIFEST), out -> {
            out.write(MANIFEST_HEADER.getBytes(StandardCharsets.UTF_8));
            for (String e : there) {
                out.write((e + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /**
     * Ends the claim: removes the folders made for files that were not written after all (a write
     * failed), writes the manifest of what is there and releases the lock; a folder this handle
     * created and nothing was written into is removed. An inner command's close does nothing.
     *
     * @throws OutputException if the manifest cannot be written
     */
    @Override
    public void close() throws OutputException {
        synchronized (OPEN) {
            if (joined > 0) {
                joined--;
                return;
            }
            if (closed) {
                return;
            }
            closed = true;
            try {
                for (String e : claimed) {
                    if (attributes(root.resolve(e)).isEmpty() && realFolder(e).isPresent()) {
                        removeEmptyFolders(realFolder(e).get());
                    }
                }
                boolean wrote = Stream.concat(kept.stream(), claimed.stream())
                        .anyMatch(e -> attributes(root.resolve(e)).isPresent());
                if (created && !wrote) {
                    Files.deleteIfExists(root.resolve(MANIFEST));
                    Files.deleteIfExists(root.resolve(LOCK));
                    Files.delete(root);
                } else {
                    writeManifest();
                }
            } catch (DirectoryNotEmptyException e) {
                // something else was put there meanwhile: the folder stays
            } catch (OutputException e) {
                throw e;
            } catch (IOException e) {
                throw AtomicFiles.failure(root, e);
            } finally {
                release();
                OPEN.remove(realRoot);
            }
        }
    }

    /** Releases the lock of a folder that was refused, removing what opening it added. */
    private void abandon() {
        try {
            if (lockCreated) {
                Files.deleteIfExists(root.resolve(LOCK));
            }
            if (created) {
                Files.deleteIfExists(root.resolve(MANIFEST));
                Files.delete(root);
            }
            lockChannel.close();
        } catch (IOException e) {
            // the refusal is what the user needs to see; a lock file or empty folder may stay behind
        }
    }

    private void release() throws OutputException {
        try {
            lockChannel.close();
        } catch (IOException e) {
            throw AtomicFiles.failure(root.resolve(LOCK), e);
        }
    }

    /** @return the attributes of the path itself (a link is not followed), or empty if nothing is there */
    private static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
