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

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * smartmeter2mqtt's options that p1meter does not implement. They are accepted by the parser only to be refused
 * with a line that says why (given on the command line), or warned about (given as a {@code SMARTMETER_*}
 * variable, which compose files carry over unchanged): never silently ignored.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault({})
final class Smartmeter2mqttOnly {

    /** Option name (without dashes) -> why p1meter does not take it. */
    static final Map<String, String> REASONS = Map.of("sunspec-modbus",
            "p1meter does not read solar inverters (smartmeter2mqtt's SunSpec Modbus input), so houseUsage, "
                    + "solarProduction and status/solar are not published",
            "sunspec-modbus-port", "p1meter does not read solar inverters (smartmeter2mqtt's SunSpec Modbus input)");

    @Option(names = "--sunspec-modbus", arity = "0..1", hidden = true)
    @Nullable
    String sunspecModbus;

    @Option(names = "--sunspec-modbus-port", arity = "0..1", hidden = true)
    @Nullable
    String sunspecModbusPort;

    /**
     * Refuses these options on the command line and warns about them in the environment.
     *
     * @param parsed what the command line held (environment defaults are not "matched")
     * @param environment the process environment
     * @param err where the warning line goes
     * @throws UsageError for an option given on the command line
     */
    static void check(ParseResult parsed, Map<String, String> environment, PrintWriter err) {
        for (Map.Entry<String, String> e : REASONS.entrySet()) {
            if (parsed.hasMatchedOption("--" + e.getKey())) {
                throw new UsageError("--" + e.getKey() + " is not supported: " + e.getValue() + ".");
            }
        }
        for (Map.Entry<String, String> e : REASONS.entrySet()) {
            String variable = variable(environment, e.getKey());
            if (variable != null) {
                err.println("p1meter: warning: " + variable + " is ignored: " + e.getValue() + ".");
                err.flush();
            }
        }
    }

    /** The environment variable that sets the option, in any spelling {@link EnvironmentDefaults} reads. */
    static @Nullable String variable(Map<String, String> environment, String name) {
        String[] candidates = { EnvironmentDefaults.PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_'),
                EnvironmentDefaults.PREFIX + name, EnvironmentDefaults.PREFIX + name.replace('-', '_'),
                EnvironmentDefaults.PREFIX + name.toUpperCase(Locale.ROOT) };
        for (String key : candidates) {
            if (environment.containsKey(key)) {
                return key;
            }
        }
        return null;
    }
}
