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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.p1meter.internal.dsmr.MBusCases;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The packaged daemon as a process: the gas meter options and smartmeter2mqtt's SunSpec settings, as a user moving
 * from smartmeter2mqtt meets them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonMBusIT {

    private final List<DaemonIT.Daemon> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (DaemonIT.Daemon d : started) {
            d.process.destroyForcibly();
            d.process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private DaemonIT.Daemon start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(DaemonIT.JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTMETER_"));
        pb.environment().putAll(env);
        DaemonIT.Daemon d = new DaemonIT.Daemon(pb.start());
        started.add(d);
        return d;
    }

    private JsonObject parseOne(Path file, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("parse"));
        args.addAll(List.of(options));
        args.add(file.toString());
        DaemonIT.Daemon d = start(Map.of(), args.toArray(String[]::new));
        assertThat(d.exit()).as(d.err()).isZero();
        List<String> lines = d.out().lines().toList();
        assertThat(lines).hasSize(1);
        return JsonParser.parseString(lines.get(0)).getAsJsonObject();
    }

    @Test
    void parseTakesTheLiveGasMeterUnlessToldOtherwise(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replaced.txt");
        Files.write(file, MBusCases.replacedGasMeter());
        assertThat(parseOne(file).getAsJsonObject("gas").get("totalUse").getAsDouble()).isEqualTo(6805.499);
        assertThat(parseOne(file, "--gas-meter", "1").getAsJsonObject("gas").get("totalUse").getAsDouble())
                .isEqualTo(1.287);
        assertThat(parseOne(file, "--gas-meter", "G0017591219110314").get("gasSn").getAsString())
                .isEqualTo("4730303137353931323139313130333134");
    }

    @Test
    void aSunspecVariableIsWarnedAboutAndTheDaemonRuns() throws Exception {
        DaemonIT.Daemon d = start(Map.of("SMARTMETER_SUNSPEC_MODBUS", "192.168.1.5"), "--simulate", "--tcp-server", "0",
                "--bind", "127.0.0.1");
        d.await(DaemonIT.JSON_PORT);
        assertThat(d.err()).contains(
                "p1meter: warning: SMARTMETER_SUNSPEC_MODBUS is ignored: " + "p1meter does not read solar inverters");
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
    }

    @Test
    void aSunspecOptionIsRefused() throws Exception {
        DaemonIT.Daemon d = start(Map.of(), "--simulate", "--sunspec-modbus", "192.168.1.5");
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err().strip()).startsWith("p1meter: --sunspec-modbus is not supported: ").doesNotContain("\n");
    }
}
