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
package org.openhab.binding.p1meter.internal.karaf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where the build put the artifacts under test (failsafe passes the paths as system properties, see the
 * module's pom) and small readers for them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class BuiltArtifacts {

    static final String ADDON = "org.openhab.binding.p1meter";
    static final String GROUP_PATH = "org/openhab/addons/bundles";

    private BuiltArtifacts() {
    }

    static String version() {
        return property("p1meter.version");
    }

    static Path kar() {
        return Path.of(property("p1meter.kar"));
    }

    static Path feature() {
        return Path.of(property("p1meter.feature"));
    }

    /** Maven repository path of one of the add-on's files, e.g. {@code classifier "features", type "xml"}. */
    static String addonPath(@Nullable String classifier, String extension) {
        String v = version();
        return GROUP_PATH + "/" + ADDON + "/" + v + "/" + ADDON + "-" + v + (classifier == null ? "" : "-" + classifier)
                + "." + extension;
    }

    /** A zip or jar read the way Karaf's KAR deployer reads it: as a stream, manifest first. */
    record Archive(@Nullable Manifest manifest, Map<String, byte[]> files) {

        byte[] file(String name) {
            byte[] content = files.get(name);
            if (content == null) {
                throw new AssertionError("no " + name + " in the archive; it holds " + files.keySet());
            }
            return content;
        }
    }

    static Archive read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        }
    }

    static Archive read(byte[] content) throws IOException {
        return read(new ByteArrayInputStream(content));
    }

    private static Archive read(InputStream stream) throws IOException {
        try (JarInputStream in = new JarInputStream(stream)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
            return new Archive(in.getManifest(), files);
        }
    }

    /** The add-on bundle exactly as it ships: the jar inside the KAR (the plain jar is the same file). */
    static Archive addonBundle() throws IOException {
        return read(read(kar()).file("repository/" + addonPath(null, "jar")));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run these tests with 'mvn verify' (failsafe sets it)");
        }
        return value;
    }
}
