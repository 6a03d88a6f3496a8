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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.MBusSelection;

import picocli.CommandLine;

/**
 * The options a user moving from smartmeter2mqtt meets: the ones p1meter does not implement (refused on the
 * command line, warned about in the environment) and the ones it adds for M-Bus meters, parsed in-process.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class Smartmeter2mqttOptionsTest {

    private static Main parse(Map<String, String> env, String... args) {
        Main main = new Main();
        CommandLine cl = Main.commandLine(main, env, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        cl.parseArgs(args);
        return main;
    }

    /** status, stdout, stderr */
    private static String[] run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] { String.valueOf(status), out.toString(), err.toString() };
    }

    @Test
    void sunspecOnTheCommandLineIsRefusedWithOneLineSayingWhy() {
        for (String[] args : new String[][] { { "--simulate", "--sunspec-modbus", "192.168.1.5" },
                { "--simulate", "--sunspec-modbus" }, { "--sunspec-modbus-port", "502", "--simulate" } }) {
            String[] r = run(Map.of(), args);
            String what = String.join(" ", args);
            assertThat(r[0]).as(what).isEqualTo("2");
            assertThat(r[2].strip().lines()).as(what).hasSize(1);
            assertThat(r[2]).as(what).startsWith("p1meter: --sunspec-modbus").contains("is not supported")
                    .contains("does not read solar inverters");
        }
    }

    @Test
    void sunspecInTheEnvironmentIsAWarningAndTheRestGoesOn() {
        // no source either: the warning comes first, then the error about the source (status 2, not a hang)
        String[] r = run(Map.of("SMARTMETER_SUNSPEC_MODBUS", "192.168.1.5", "SMARTMETER_sunspec-modbus-port", "502"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2])
                .contains(
                        "p1meter: warning: SMARTMETER_SUNSPEC_MODBUS is ignored: p1meter does not read solar inverters")
                .contains("p1meter: warning: SMARTMETER_sunspec-modbus-port is ignored: ")
                .contains("p1meter: no source");
        assertThat(run(Map.of())[2]).doesNotContain("warning");
    }

    @Test
    void sunspecIsNotAdvertisedInTheHelp() {
        String help = run(Map.of(), "--help")[1];
        assertThat(help).doesNotContain("sunspec").contains("--gas-meter").contains("--water-meter")
                .contains("--heat-meter");
    }

    @Test
    void gasWaterAndHeatMeterFromOptionsAndEnvironment() {
        Main m = parse(Map.of("SMARTMETER_WATER_METER", "3", "SMARTMETER_heat-meter", "G0017"), "--gas-meter", "2");
        MBusSelection s = m.options.mbus.selection();
        assertThat(s.pin(MBusDevice.Kind.GAS)).isEqualTo(new MBusSelection.Pin(2, null));
        assertThat(s.pin(MBusDevice.Kind.WATER)).isEqualTo(new MBusSelection.Pin(3, null));
        assertThat(s.pin(MBusDevice.Kind.HEAT)).isEqualTo(new MBusSelection.Pin(0, "G0017"));
        assertThat(parse(Map.of()).options.mbus.selection()).isSameAs(MBusSelection.NEWEST);
    }

    @Test
    void aGasMeterThatIsNoChannelIsOneLineAndStatusTwo() {
        String[] r = run(Map.of(), "--simulate", "--gas-meter", "9");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo(
                "p1meter: --gas-meter: an M-Bus channel is 1, 2, 3 or 4 (or give the meter's serial number), not 9");
        assertThat(run(Map.of("SMARTMETER_WATER_METER", "0"), "--simulate")[2]).startsWith("p1meter: --water-meter:");
    }
}
