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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Figures the suite measures on the way (never asserted: timings belong in benchmarks, not in tests), printed and
 * appended to {@code target/openhab-it/figures.txt} with the openHAB version they were measured on.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Metrics {

    private Metrics() {
    }

    public static void record(OpenHabRuntime openhab, String what, String figure) {
        String line = "openHAB " + openhab.version() + " | " + what + " | " + figure;
        System.out.println("FIGURE " + line);
        try {
            Path dir = Path.of(System.getProperty("openhab.it.logs", "target/openhab-it"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("figures.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the figure is printed above; the file is a convenience
        }
    }
}
