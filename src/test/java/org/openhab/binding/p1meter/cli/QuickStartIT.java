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
package org.openhab.binding.p1meter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

/**
 * The README's quick start, with the repository's own launcher {@code ./p1meter}: after {@code mvn package} it
 * finds the jar the build just made (without building again) and runs the daemon on the simulated meter. (It once
 * looked for a jar name without dashes and found none: every start rebuilt, then failed.)
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class QuickStartIT {

    private static final Path LAUNCHER = Path.of("p1meter").toAbsolutePath();

    @Test
    void theLauncherRunsTheJarTheBuildMadeWithoutBuildingAgain() throws Exception {
        assertThat(LAUNCHER).isExecutable();
        DaemonIT.Daemon version = new DaemonIT.Daemon(new ProcessBuilder(LAUNCHER.toString(), "--version").start());
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).contains("p1meter " + System.getProperty("p1meter.version"));
        assertThat(version.err()).as("a fresh jar is not built again").doesNotContain("building");
    }

    @Test
    void theQuickStartCommandServesTheSimulatedMeter() throws Exception {
        // the README's command, on ports of the system's choosing and on the loopback address only
        DaemonIT.Daemon d = new DaemonIT.Daemon(new ProcessBuilder(
                List.of(LAUNCHER.toString(), "--simulate", "--tcp-server", "0", "--bind", "127.0.0.1")).start());
        try {
            int port = Integer.parseInt(d.await(DaemonIT.JSON_PORT));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(20_000);
                String line = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(JsonParser.parseString(line).getAsJsonObject().get("header").getAsString()).contains("SIM");
            }
        } finally {
            d.process.toHandle().destroy();
            assertThat(d.exit()).isZero();
        }
        assertThat(Files.exists(Path.of("target/lib"))).as("the libraries the jar's Class-Path names").isTrue();
    }
}
