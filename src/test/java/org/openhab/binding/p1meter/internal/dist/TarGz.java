/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.internal.dist;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads a {@code .tar.gz} (POSIX ustar, with the GNU and pax long-name extensions) into memory, keeping each
 * file's permission bits: the archive itself must say that the launcher is executable, since that is what
 * {@code tar xzf} on the user's machine restores.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class TarGz {

    private static final int BLOCK = 512;

    /** One regular file of the archive. */
    record Entry(String name, int mode, byte[] content) {

        boolean executable() {
            return (mode & 0111) == 0111;
        }
    }

    private TarGz() {
    }

    /** The regular files by name. */
    static Map<String, Entry> read(Path archive) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(archive);
                DataInputStream in = new DataInputStream(new GZIPInputStream(file))) {
            String longName = null;
            byte[] header = new byte[BLOCK];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    break;
                }
                if (isZero(header)) {
                    break; // end-of-archive marker
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                int mode = (int) octal(header, 100, 8) & 07777; // permission bits only, not the file type
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                byte[] content = new byte[(int) size];
                in.readFully(content);
                in.readFully(new byte[(int) ((BLOCK - size % BLOCK) % BLOCK)]);
                switch (type) {
                    case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                    case 'x' -> longName = paxPath(new String(content, StandardCharsets.UTF_8));
                    case '0', '\0' -> {
                        String full = longName != null ? longName : name;
                        entries.put(full, new Entry(full, mode, content));
                        longName = null;
                    }
                    default -> longName = null; // directories, links: nothing to check
                }
            }
        }
        return entries;
    }

    /** Writes the files under {@code target}, with their execute bits, as {@code tar xzf} would. */
    static void extract(Map<String, Entry> entries, Path target) throws IOException {
        for (Entry entry : entries.values()) {
            Path file = target.resolve(entry.name()).normalize();
            if (!file.startsWith(target)) {
                throw new IOException("entry outside the archive's folder: " + entry.name());
            }
            Files.createDirectories(file.getParent());
            Files.write(file, entry.content());
            Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            if (entry.executable()) {
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
            }
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    private static @Nullable String paxPath(String records) {
        // records are "<length> <key>=<value>\n"
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
