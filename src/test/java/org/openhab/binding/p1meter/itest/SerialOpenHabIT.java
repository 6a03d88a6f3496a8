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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.p1meter.internal.reader.SimulatedMeter;
import org.openhab.binding.p1meter.itest.Things.Status;

/**
 * The P1 cable, through openHAB's own serial transport (RXTX): a {@code socat} pseudo-terminal pair stands for
 * the USB cable (its stable name, as udev's /dev/serial/by-id links are) and the meter writing telegrams into
 * it. A bridge on a port that is not there yet says so; once the cable is plugged in it goes ONLINE with states;
 * pulling the cable puts it OFFLINE with a message; plugging it back in brings it back by itself.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class SerialOpenHabIT {

    private static final String BRIDGE = "p1meter:serial:cable";

    @TempDir
    Path dir;

    private @Nullable Process socat;

    @Test
    void aPseudoTerminalCableGoesOnlineWithStatesAndSurvivesBeingPulledAndPluggedIn() throws Exception {
        assumeSocat();
        Path cable = dir.resolve("ttyP1");
        Path meterEnd = dir.resolve("meter");
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        SimulatedMeter meter = new SimulatedMeter(java.time.Instant.parse("2026-06-14T11:00:00Z"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 7);
        try (OpenHabRuntime openhab = OpenHabRuntime.start(List.of(cable.toString()))) {
            openhab.install(Addon.jar());
            Things things = new Things(openhab.rest());

            // the cable is not plugged in yet
            things.create(BRIDGE, "p1meter:serial", null, Map.of("serialPort", cable.toString()));
            Status missing = things.awaitStatus(BRIDGE, "OFFLINE");
            assertThat(missing.description()).contains(cable.toString());

            // plugged in, the meter talks once a second
            plugIn(cable, meterEnd);
            writer.scheduleAtFixedRate(() -> write(meterEnd, meter.nextTelegram()), 0, 1, TimeUnit.SECONDS);
            things.awaitStatus(BRIDGE, "ONLINE", Duration.ofSeconds(90));
            await().atMost(Duration.ofSeconds(30)).until(() -> things.channels(BRIDGE).containsKey("energy-import-t1"));
            things.link("Cable_energy_import_t1", "Number:Energy", BRIDGE + ":energy-import-t1");
            things.link("Cable_last_update", "DateTime", BRIDGE + ":last-update");
            things.awaitState("Cable_energy_import_t1", Pattern.compile("[0-9.]+ kWh"));

            // pulled: the pty and its name disappear
            pull();
            Status pulled = things.awaitStatus(BRIDGE, "OFFLINE", Duration.ofSeconds(90));
            assertThat(pulled.detail()).isEqualTo("COMMUNICATION_ERROR");
            assertThat(pulled.description()).contains(cable.toString());

            // plugged back in under the same name: ONLINE again by itself, the item follows again
            plugIn(cable, meterEnd);
            things.awaitStatus(BRIDGE, "ONLINE", Duration.ofSeconds(90));
            String before = things.state("Cable_last_update");
            await("the items to follow the meter again").atMost(Duration.ofSeconds(30))
                    .until(() -> !things.state("Cable_last_update").equals(before));
            assertThat(openhab.addonStackTraceLines()).isEmpty();
        } finally {
            writer.shutdownNow();
            pull();
        }
    }

    private static void assumeSocat() {
        boolean available = Files.isExecutable(Path.of("/usr/bin/socat"));
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("socat is needed for the serial test (apt-get install socat)");
        }
        Assumptions.assumeTrue(available, "socat is not installed: serial test skipped");
    }

    private void plugIn(Path cable, Path meterEnd) throws IOException {
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + cable, "pty,raw,echo=0,link=" + meterEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await("socat's pty pair").atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(cable) && Files.exists(meterEnd));
    }

    private void pull() throws InterruptedException {
        Process s = socat;
        socat = null;
        if (s != null) {
            s.destroy();
            if (!s.waitFor(10, TimeUnit.SECONDS)) {
                s.destroyForcibly();
            }
        }
    }

    /** The meter's end of the cable: a telegram written when the cable is there, lost when it is not. */
    private static void write(Path meterEnd, byte[] telegram) {
        if (!Files.exists(meterEnd)) {
            return;
        }
        try (OutputStream out = new FileOutputStream(meterEnd.toFile())) {
            out.write(telegram);
        } catch (IOException e) {
            // the cable was pulled while writing: the telegram is lost, as on a real line
        }
    }
}
