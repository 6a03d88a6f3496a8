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
package org.openhab.binding.p1meter.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The add-on jar the build just made (failsafe passes its path as {@code p1meter.bundle}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Addon {

    private Addon() {
    }

    public static Path jar() {
        String path = System.getProperty("p1meter.bundle", "");
        Path jar = Path.of(path);
        if (path.isBlank() || !Files.isRegularFile(jar)) {
            throw new AssertionError("the add-on jar is missing (p1meter.bundle=" + path + "): run mvn verify");
        }
        return jar;
    }

    /**
     * A newer build of the add-on, as the next snapshot would be: the same jar with a later Bundle-Version
     * (qualifier + 1), written to {@code target}. Returns that version.
     */
    public static String newerBuild(Path target) throws IOException {
        try (InputStream in = Files.newInputStream(jar()); JarInputStream jarIn = new JarInputStream(in)) {
            Manifest manifest = new Manifest(jarIn.getManifest());
            Attributes main = manifest.getMainAttributes();
            String version = main.getValue("Bundle-Version");
            int dot = version.lastIndexOf('.');
            String qualifier = version.substring(dot + 1);
            String newer = version.substring(0, dot + 1)
                    + (qualifier.matches("\\d+") ? Long.toString(Long.parseLong(qualifier) + 1) : qualifier + "x");
            main.putValue("Bundle-Version", newer);
            try (OutputStream out = Files.newOutputStream(target);
                    JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                for (JarEntry e = jarIn.getNextJarEntry(); e != null; e = jarIn.getNextJarEntry()) {
                    jarOut.putNextEntry(new JarEntry(e.getName()));
                    jarIn.transferTo(jarOut);
                    jarOut.closeEntry();
                }
            }
            return newer;
        }
    }
}
